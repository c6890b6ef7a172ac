"""Recording events without slowing or failing a turn: a bounded queue in memory, written in batches by
one background thread.

`record` only appends to a deque (a turn is handed over raw and made into its event on the writer's
thread: `finish`). The writer wakes every `flush_seconds` (or when a batch is full) and writes what was
waiting in one transaction. If the database is down or slow, the turn has long been answered: the batch
is dropped, counted in `lost` and logged (at most once a minute); when the queue is full, new events are
dropped and counted the same way, so memory stays bounded.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence

from webhook.background import start_rounds
from webhook.database import Database
from webhook.insights.events import FeedbackEvent, TurnEvent, TurnSeen
from webhook.insights.store import write_events

log = logging.getLogger("webhook.insights")

Event = TurnEvent | FeedbackEvent
#: What the queue holds: events, or turns still to be made into events (see TurnSeen).
Queued = TurnSeen | TurnEvent | FeedbackEvent

#: Events waiting at most (past this, new ones are dropped and counted), and seconds between batches:
#: the defaults of INSIGHTS_QUEUE_LIMIT and INSIGHTS_FLUSH_SECONDS.
QUEUE_LIMIT = 10_000
FLUSH_SECONDS = 2.0
#: Seconds between warnings about lost events, so a database outage does not flood the log.
WARN_EVERY_SECONDS = 60.0


class Recorder:
    """Queues events and writes them to `database` in the background."""

    def __init__(
        self,
        database: Database,
        *,
        queue_limit: int = QUEUE_LIMIT,
        batch_size: int = 2000,
        flush_seconds: float = FLUSH_SECONDS,
        write: Callable[[Database, Sequence[Event]], None] = write_events,
        prepare: Callable[[Database], None] | None = None,
        finish: Callable[[Queued], Event] | None = None,
    ) -> None:
        self.database = database
        #: Run before the next batch is written until it succeeds once (the migration a database that
        #: was down when the app started still needs).
        self._prepare = prepare
        self.queue_limit = queue_limit
        self.batch_size = batch_size
        self.flush_seconds = flush_seconds
        self._write = write
        #: Makes a queued item the event written, on the writer's thread (work kept off the turn).
        self._finish = finish
        self._queue: deque[Queued] = deque()
        self._wake = threading.Event()
        self._lock = threading.Lock()  # one writer at a time: the thread, or a caller's flush()
        self._pid: int | None = None
        self._created_in = os.getpid()
        self._stopped = False
        self._warned_at = float("-inf")
        #: Events written, and events lost (queue full, or the database refused the batch).
        self.written = 0
        self.lost = 0

    def record(self, event: Queued) -> None:
        """Queue one event; never blocks, never raises."""
        if self._pid != os.getpid():
            self._start()
        if len(self._queue) >= self.queue_limit:
            self._lose(1, "the queue is full")
            return
        self._queue.append(event)
        if len(self._queue) >= self.batch_size:
            self._wake.set()

    def flush(self) -> None:
        """Write everything waiting now, on the caller's thread (tests, shutdown, the CLI)."""
        with self._lock:
            while self._queue:
                self._write_batch()

    def stop(self) -> None:
        """Write what is waiting and stop the writer thread."""
        self._stopped = True
        self._wake.set()
        self.flush()

    def _start(self) -> None:
        # First event in this process (a gunicorn worker after the fork): the parent's pooled
        # connections must not be shared, and threads do not survive a fork.
        with self._lock:
            if self._pid == os.getpid():
                return
            if self._pid is not None:
                self._queue.clear()  # the parent's events are the parent's to write
            if os.getpid() != self._created_in:
                self.database.engine.dispose(close=False)
            self._pid = os.getpid()
            # The first round waits too: events are written in batches, not one by one.
            start_rounds(self, self._wake, "insights-writer", first_wait=self.flush_seconds)

    def run_round(self) -> float | None:
        """Write what is waiting (the writer thread's round); the seconds until the next."""
        if self._stopped:
            return None
        with self._lock:
            # Only what was waiting when the round began: turns keep arriving while a batch is written,
            # and chasing them would write a thin batch after a thin batch, each with a batch's fixed cost.
            waiting = len(self._queue)
            while waiting > 0 and self._queue:
                waiting -= self._write_batch()
        return self.flush_seconds

    def _write_batch(self) -> int:
        """Write the next batch; how many events it held (written or lost)."""
        queued: list[Queued] = []
        while self._queue and len(queued) < self.batch_size:
            queued.append(self._queue.popleft())
        try:
            finish = self._finish
            batch = queued if finish is None else [finish(item) for item in queued]
            if self._prepare is not None:
                self._prepare(self.database)
                self._prepare = None
            self._write(self.database, batch)  # type: ignore[arg-type]
        except Exception as error:  # any database failure: the turns were answered, count the loss
            self._lose(len(queued), f"the database refused a batch ({type(error).__name__}: {error})")
        else:
            self.written += len(queued)
        return len(queued)

    def _lose(self, count: int, why: str) -> None:
        self.lost += count
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            log.warning("insights: %d event(s) not recorded so far: %s", self.lost, why[:300])
