"""Background threads that never keep their owner alive: the insights writer and the hand-off worker.

A thread holds only a weak reference to its owner, so an app that is dropped (a test's app, an app
rebuilt after a library change) is freed with its models and its thread ends at its next wake-up,
instead of every app a process ever built staying in memory with a thread polling for it. Owners still
alive when the process exits are stopped once, in the order they started (so what waits is written).
"""

from __future__ import annotations

import atexit
import threading
import weakref
from typing import Protocol


class Rounds(Protocol):
    """What a background thread runs: one round at a time, until it says stop."""

    def run_round(self) -> float | None:
        """Do what is due; the seconds to wait before the next round, or None to end the thread."""
        ...

    def stop(self) -> None:
        """Finish what is pending and end the thread (at process exit)."""
        ...


_LIVE: weakref.WeakSet[Rounds] = weakref.WeakSet()


def start_rounds(owner: Rounds, wake: threading.Event, name: str, first_wait: float = 0.0) -> None:
    """Run `owner.run_round()` on a daemon thread after `first_wait` seconds, then again after each
    wait it asks for (cut short by `wake`), while the owner exists and does not return None."""
    _LIVE.add(owner)
    thread = threading.Thread(
        target=_run_rounds, args=(weakref.ref(owner), wake, first_wait), name=name, daemon=True
    )
    thread.start()


def _run_rounds(owner_ref: weakref.ref[Rounds], wake: threading.Event, first_wait: float) -> None:
    if first_wait > 0:
        wake.wait(first_wait)
        wake.clear()
    while True:
        owner = owner_ref()
        if owner is None:
            return
        wait = owner.run_round()
        del owner  # between rounds the owner may be freed
        if wait is None:
            return
        wake.wait(wait)
        wake.clear()


@atexit.register
def _stop_all() -> None:
    for owner in list(_LIVE):
        owner.stop()
