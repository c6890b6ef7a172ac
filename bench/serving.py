"""Run an app under gunicorn on loopback and load it with wrk: the shared machinery of the benchmarks."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class LoadResult:
    """What wrk measured."""

    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class Served:
    """A running gunicorn: its base URL and master process id."""

    url: str
    pid: int

    def worker_pids(self) -> list[int]:
        """The worker processes (the master's children)."""
        children = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.pid:
                    children.append(int(entry.name))
        return sorted(children)

    def cpu_seconds(self) -> float:
        """CPU time (user and system) the master and its workers have used so far."""
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for pid in [self.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime and stime, in clock ticks
        return total / ticks

    def worker_memory_kib(self, field: str = "VmRSS") -> list[int]:
        """A /proc status field (VmRSS now, VmHWM the peak) of each worker, in KiB."""
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    sizes.append(int(line.split()[1]))
        return sizes


@contextmanager
def gunicorn(
    app: str, *, env: Mapping[str, str] | None = None, workers: int = 2, cpus: set[int] | None = None
) -> Iterator[Served]:
    """Serve `app` (a gunicorn app spec) with `workers` workers on a free loopback port, on `cpus` only
    if given (so a load generator on the other CPUs does not compete with it)."""
    port = free_port()
    command = [
        str(VENV_BIN / "gunicorn"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
        app,
    ]
    # The app logs a line per turn: send it to a file, since an unread pipe would fill and block.
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed in the finally below
    process = subprocess.Popen(
        command,
        cwd=REPOSITORY,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=log,
        preexec_fn=(lambda: os.sched_setaffinity(0, cpus)) if cpus else None,
    )
    try:
        _wait_until_up(port, process, log)
        yield Served(f"http://127.0.0.1:{port}", process.pid)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _wait_until_up(port: int, process: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"gunicorn exited: {log.read().decode(errors='replace')[-2000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                time.sleep(0.5)  # let every worker boot
                return
        time.sleep(0.1)
    raise RuntimeError("gunicorn did not start within 30 s")


def wrk_post(
    url: str,
    body: Mapping[str, object],
    headers: Mapping[str, str],
    *,
    seconds: int = 10,
    connections: int = 8,
    threads: int = 2,
    cpus: set[int] | None = None,
) -> LoadResult:
    """POST the same JSON body for `seconds` with wrk and read its figures."""
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: `make bench` installs it (apt-get install wrk)")
    lines = ['wrk.method = "POST"', f"wrk.body = {json.dumps(json.dumps(body))}"]
    lines += [
        f"wrk.headers[{json.dumps(k)}] = {json.dumps(v)}"
        for k, v in {**headers, "Content-Type": "application/json"}.items()
    ]
    pinned = ["taskset", "-c", ",".join(map(str, sorted(cpus)))] if cpus else []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write("\n".join(lines) + "\n")
    try:
        output = subprocess.run(
            [
                *pinned,
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{seconds}s",
                "--latency",
                "-s",
                script.name,
                url,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=seconds + 30,
        ).stdout
    finally:
        os.unlink(script.name)
    return _parse_wrk(output)


def _milliseconds(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def _parse_wrk(output: str) -> LoadResult:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    p50 = _milliseconds(re.search(r"\s50%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    p99 = _milliseconds(re.search(r"\s99%\s+(\S+)", output).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", output).group(1))  # type: ignore[union-attr]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return LoadResult(rps, p50, p99, total, errors)
