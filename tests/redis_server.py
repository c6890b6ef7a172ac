"""A real Redis server for the tests, started from Debian's redis-server on a free loopback port in a
temporary folder, and stopped at the end of the session.

`make test` and `.ci/run` install it (the `redis` target); without it the tests that need Redis fail
and say what to install, rather than skip.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.postgres_server import free_port

MISSING = (
    "the shared rate-limit tests need Redis's server (redis-server): "
    "`make test` installs it as root (`apt-get install redis-server`), or install it yourself"
)


@dataclass
class RedisServer:
    """A running server: where it listens, and how to stop and start it again (an outage)."""

    folder: Path
    port: int
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        """Its address, as the app's REDIS_URL."""
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        """Start the server and wait until it answers PING."""
        executable = shutil.which("redis-server")
        if executable is None:
            raise RuntimeError(MISSING)
        self.process = subprocess.Popen(
            [
                executable,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(self.folder),
                "--daemonize", "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server now."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as connection:
                connection.sendall(b"PING\r\n")
                return connection.recv(16).startswith(b"+PONG")
        except OSError:
            return False


def start_redis() -> RedisServer:
    """A new server in a temporary folder of its own."""
    server = RedisServer(Path(tempfile.mkdtemp(prefix="redis-test-")), free_port())
    server.start()
    return server
