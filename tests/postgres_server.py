"""A real PostgreSQL server for the tests, started from the Debian packages' binaries in a temporary
folder (its own cluster, socket and port), and stopped at the end of the session.

`make test` and `.ci/run` install the packages (the `postgresql` target); without them the tests that
need PostgreSQL fail and say what to install, rather than skip.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

MISSING = (
    "the PostgreSQL tests need PostgreSQL's server programs (initdb, pg_ctl): "
    "`make test` installs them as root (`apt-get install postgresql`), or install them yourself"
)


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: $PG_BIN, else Debian's /usr/lib/postgresql/<newest>/bin,
    else the PATH."""
    if configured := os.environ.get("PG_BIN"):
        return Path(configured)
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("initdb")
    return Path(on_path).parent if on_path else None


def free_port() -> int:
    """A loopback port nothing listens on now (for a server the tests start)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    """A running server: where it listens and how to stop it."""

    folder: Path
    port: int
    binaries: Path

    @property
    def admin_url(self) -> str:
        """The URL of the server's `postgres` database, as its superuser."""
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def create_database(self) -> str:
        """A new empty database of its own; its URL."""
        import psycopg

        name = f"test_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            host="127.0.0.1", port=self.port, user="postgres", dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        """Stop the server now (fast shutdown: connections are cut)."""
        self._pg_ctl("stop", "-m", "fast")

    def start(self) -> None:
        """Start the server (again)."""
        self._pg_ctl("start", "-w", "-t", "30")

    def _pg_ctl(self, *arguments: str) -> None:
        data = self.folder / "data"
        options = f"-c listen_addresses=127.0.0.1 -c port={self.port} -k {self.folder} -c fsync=off"
        command = [str(self.binaries / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-s"]
        if arguments[0] == "start":
            command += ["-o", options]
        subprocess.run([*command, *arguments], check=True, **_as_postgres_user())


def _as_postgres_user() -> dict[str, object]:
    # PostgreSQL refuses to run as root: when the tests are root (CI), the server runs as `nobody`.
    if os.geteuid() != 0:
        return {}
    import pwd

    user = pwd.getpwnam("nobody")
    return {"user": user.pw_uid, "group": user.pw_gid}


def start_server() -> PostgresServer:
    """initdb a new cluster in a temporary folder and start it on a free port."""
    binaries = server_binaries()
    if binaries is None:
        raise RuntimeError(MISSING)
    folder = Path(tempfile.mkdtemp(prefix="pg-tests-"))
    if os.geteuid() == 0:
        user = _as_postgres_user()
        os.chown(folder, user["user"], user["group"])  # type: ignore[arg-type]
    subprocess.run(
        [
            str(binaries / "initdb"),
            "-D",
            str(folder / "data"),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C",
            "--no-sync",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
        **_as_postgres_user(),
    )
    server = PostgresServer(folder, free_port(), binaries)
    server.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", server.port)) == 0:
                return server
        time.sleep(0.1)
    raise RuntimeError(f"PostgreSQL did not start; see {folder / 'log'}")


def remove(server: PostgresServer) -> None:
    """Stop the server if it runs, and delete its folder."""
    with contextlib.suppress(subprocess.CalledProcessError):
        server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)
