"""Background threads never keep an app alive: an app that is dropped (rebuilt after a library change,
or a test's) frees its library and models, and its insights writer and hand-off worker end."""

from __future__ import annotations

import gc
import threading
import time
import weakref

from tests.conftest import app_settings
from webhook import create_app

BACKGROUND = ("insights-writer", "handoff-worker")


def background_threads() -> set[threading.Thread]:
    return {thread for thread in threading.enumerate() if thread.name in BACKGROUND}


def test_a_dropped_app_is_freed_and_its_background_threads_end() -> None:
    before = background_threads()
    app = create_app(app_settings(INSIGHTS_FLUSH_SECONDS=0.05, HANDOFF_POLL_SECONDS=0.05))
    response = app.test_client().post(
        "/api/chat",
        json={"council": "demo", "session": "resident-session-0001", "text": "when is my bin day"},
    )
    assert response.status_code == 200
    started = background_threads() - before
    assert {thread.name for thread in started} == set(BACKGROUND)

    dropped = weakref.ref(app)
    del app, response
    deadline = time.monotonic() + 5.0
    # Freed once its threads are between rounds: a round in progress holds its owner (and the app).
    while gc.collect() is not None and dropped() is not None and time.monotonic() < deadline:
        time.sleep(0.02)

    assert dropped() is None
    while any(thread.is_alive() for thread in started) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not any(thread.is_alive() for thread in started)
