"""What recording insights costs a turn: `/api/chat` and webhook turns served with insights on (an
SQLite file, written in batches) and off, in turn, round after round, under gunicorn with 2 workers and
loaded by wrk. The figure is the servers' CPU time per request (the writer thread included), steadier
than requests per second on a shared machine; the goal is at most 5% more with recording on.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_chat import TURN as CHAT_TURN
from bench_chat import chat_env, warm_up
from bench_webhook import CONFIG_ONLY_TURN, TOKEN, TOKEN_ENV, split_cpus
from figures import Figure
from serving import gunicorn, wrk_post

SECONDS = 4
ROUNDS = 7
#: Seconds to wait after each load before reading the CPU clock: longer than the writer's flush interval
#: (INSIGHTS_FLUSH_SECONDS, 2 s by default), so each load is charged for writing its own turns rather
#: than the next load for them. The server without recording waits as long.
SETTLE_SECONDS = 2.5
GOAL = 0.05


def main() -> list[Figure]:
    load_cpus, server_cpus = split_cpus()
    load = {"cpus": load_cpus, "threads": len(load_cpus) if load_cpus else 2}
    loads = {
        "/api/chat turn": ("/api/chat", CHAT_TURN, {}),
        "webhook turn": ("/webhook/demo", CONFIG_ONLY_TURN, {"X-Webhook-Token": TOKEN}),
    }
    cpu_us: dict[tuple[str, bool], list[float]] = {(name, on): [] for name in loads for on in (True, False)}
    rps: dict[tuple[str, bool], list[float]] = {key: [] for key in cpu_us}
    with tempfile.TemporaryDirectory() as folder:
        # Both servers find every model built, so neither trains in the background while measured.
        sync_intents = str(Path(sys.executable).parent / "sync-intents")
        build = [sync_intents, "build-models", "--cache-dir", f"{folder}/nlu"]
        subprocess.run(build, check=True, capture_output=True)
        base = {**chat_env(Path(folder) / "nlu"), **TOKEN_ENV}
        recording = {**base, "DATABASE_URL": f"sqlite:///{folder}/insights.sqlite3", "INSIGHTS_ENABLED": "1"}
        silent = {**base, "INSIGHTS_ENABLED": "0"}
        with (
            gunicorn("webhook:create_app()", env=recording, cpus=server_cpus) as on,
            gunicorn("webhook:create_app()", env=silent, cpus=server_cpus) as off,
        ):
            servers = {True: on, False: off}
            for served in servers.values():
                warm_up(served.url)
                for path, body, headers in loads.values():
                    wrk_post(f"{served.url}{path}", body, headers, seconds=1, **load)
            for _ in range(ROUNDS):
                for name, (path, body, headers) in loads.items():
                    for recorded, served in servers.items():
                        before = served.cpu_seconds()
                        result = wrk_post(f"{served.url}{path}", body, headers, seconds=SECONDS, **load)
                        time.sleep(SETTLE_SECONDS)
                        cpu_us[name, recorded].append((served.cpu_seconds() - before) / result.requests * 1e6)
                        rps[name, recorded].append(result.requests_per_second)
    print(f"gunicorn 2 workers, wrk, {ROUNDS} rounds of {SECONDS} s per load, insights on and off in turn")
    figures = []
    for name in loads:
        with_cpu, without_cpu = (statistics.median(cpu_us[name, on]) for on in (True, False))
        with_rps, without_rps = (statistics.median(rps[name, on]) for on in (True, False))
        extra = with_cpu / without_cpu - 1
        print(
            f"  {name}: CPU {with_cpu:.0f} us/req recording, {without_cpu:.0f} without ({extra:+.1%}); "
            f"{with_rps:.0f} vs {without_rps:.0f} req/s"
        )
        figures.append(
            Figure(f"insights: extra CPU per {name}", f"{extra:+.1%}", f"<= +{GOAL:.0%}", extra <= GOAL)
        )
    return figures


if __name__ == "__main__":
    main()
