"""The shared HTTP client under the faults real council systems show: resets, drips, hangs, huge bodies."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress

import pytest

from webhook.backends.base import BackendInvalidResponse, BackendUnavailable, BaseAPIClient
from webhook.deadline import Deadline

HEADERS = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"


@contextmanager
def raw_server(behaviour: Callable[[socket.socket], None]) -> Iterator[str]:
    """A TCP server on loopback that treats each connection with `behaviour`."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                connection.recv(65536)
                with suppress(OSError):
                    behaviour(connection)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
        thread.join(timeout=5)


def reset(connection: socket.socket) -> None:
    connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")


def drip(connection: socket.socket) -> None:
    body = b'{"result": "' + b"x" * 40 + b'"}'
    connection.sendall(HEADERS % len(body))
    for byte in body:
        connection.sendall(bytes([byte]))
        time.sleep(0.1)


def hang(connection: socket.socket) -> None:
    time.sleep(3)


def huge(connection: socket.socket) -> None:
    size = 5 * 1024 * 1024
    connection.sendall(HEADERS % size)
    chunk = b" " * 65536
    for _ in range(size // len(chunk)):
        connection.sendall(chunk)


@pytest.mark.parametrize(
    ("behaviour", "error"),
    [
        (reset, BackendUnavailable),
        (drip, BackendUnavailable),
        (hang, BackendUnavailable),
        (huge, BackendInvalidResponse),
    ],
    ids=["connection reset", "slow drip", "hang", "endless body"],
)
def test_every_fault_ends_in_a_typed_error_inside_the_deadline(behaviour, error: type[Exception]) -> None:
    with raw_server(behaviour) as url:
        client = BaseAPIClient(url)
        deadline = Deadline.after(1.0)
        started = time.monotonic()
        with pytest.raises(error):
            client.get_json("/anything?key=SECRET123", deadline)
        assert time.monotonic() - started < 1.3


def test_an_error_never_carries_the_query_string_where_keys_travel() -> None:
    with raw_server(reset) as url, pytest.raises(BackendUnavailable) as raised:
        BaseAPIClient(url).get_json("/lookup?auth_token=SECRET123", Deadline.after(1.0))
    assert "SECRET123" not in str(raised.value)
    assert raised.value.__suppress_context__  # `from None`: the requests error with the URL is dropped
