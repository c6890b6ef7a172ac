"""The delivery worker: one background thread per process that sends due hand-offs, with backoff.

Started lazily by the first hand-off a process accepts (or by `start`), and again in a process that
forked from the one that started it (a gunicorn worker): threads do not survive a fork and pooled
connections must not be shared. Pending rows are in the database, so what one process left (it was
stopped, it crashed, the channel was down) is sent by the next. Delivery never runs on a resident's
turn: the turn only inserts the row and wakes this thread.

An outage (timeout, refused connection, 5xx, 429) is retried with backoff for as long as it lasts. A
channel that refuses the case itself (DeliveryFailed.permanent) would refuse it forever: the row is
marked failed, logged once at ERROR with what to do, and left for an operator's `sync-intents handoff
retry`.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from webhook.background import start_rounds
from webhook.handoff.case import Case
from webhook.handoff.channels import DeliveryFailed, Destination, confirm_to_resident, deliver
from webhook.handoff.outbox import Claimed, Outbox

log = logging.getLogger("webhook.handoff")


@dataclass(frozen=True)
class Backoff:
    """Seconds before the next attempt: `first`, doubled each time, at most `longest`."""

    first: float = 10.0
    longest: float = 900.0

    def delay(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failed attempt."""
        return timedelta(seconds=min(self.first * 2 ** max(attempts - 1, 0), self.longest))


def _now() -> datetime:
    return datetime.now(UTC)


class Worker:
    """Sends the outbox's due cases through each council's channel."""

    def __init__(
        self,
        outbox: Outbox,
        destination_for: Callable[[str], Destination | None],
        *,
        poll_seconds: float = 30.0,
        backoff: Backoff | None = None,
        send: Callable[[Destination, str, Case], None] = deliver,
        clock: Callable[[], datetime] = _now,
    ) -> None:
        self.outbox = outbox
        self.destination_for = destination_for
        self.poll_seconds = poll_seconds
        self.backoff = backoff or Backoff()
        self._send = send
        self._clock = clock
        self._wake = threading.Event()
        self._lock = threading.Lock()  # one round at a time in this process
        self._pid: int | None = None
        self._created_in = os.getpid()
        self._stopped = False
        #: Cases delivered, attempts failed and cases failed for good by this process (for tests and
        #: health checks).
        self.delivered = 0
        self.failures = 0
        self.failed = 0

    def needs_start(self) -> bool:
        """Whether this process has no delivery thread yet."""
        return self._pid != os.getpid() and not self._stopped

    def wake(self) -> None:
        """Start the thread in this process if it is not running, and have it look at the outbox now."""
        if self._pid != os.getpid():
            self.start()
        self._wake.set()

    def start(self) -> None:
        """Start the delivery thread in this process (once)."""
        with self._lock:
            if self._pid == os.getpid() or self._stopped:
                return
            if os.getpid() != self._created_in:
                self.outbox.database.engine.dispose(close=False)
            self._pid = os.getpid()
            start_rounds(self, self._wake, "handoff-worker")

    def stop(self) -> None:
        """Stop the thread after its current round (pending rows stay for the next process)."""
        self._stopped = True
        self._wake.set()

    def run_once(self) -> int:
        """Claim and send every due case now, on the caller's thread; the number delivered."""
        with self._lock:
            return self._round()

    def run_round(self) -> float | None:
        """Send what is due (the delivery thread's round); the seconds until the next."""
        if self._stopped:
            return None
        try:
            with self._lock:
                self._round()
            return self._seconds_to_next()
        except Exception as error:  # the database is down: try again at the next poll
            log.warning("handoff worker: outbox unavailable: %s", type(error).__name__)
            return self.poll_seconds

    def _seconds_to_next(self) -> float:
        due = self.outbox.next_due()
        if due is None:
            return self.poll_seconds
        return max(0.05, min(self.poll_seconds, (due - self._clock()).total_seconds()))

    def _round(self) -> int:
        delivered = 0
        for claimed in self.outbox.claim_due(self._clock()):
            if self._stopped:
                break
            delivered += self._attempt(claimed)
        return delivered

    def _attempt(self, claimed: Claimed) -> int:
        destination = self.destination_for(claimed.council)
        try:
            if destination is None:
                raise DeliveryFailed(
                    "the council is not in the library, or has no hand-off channel", permanent=True
                )
            self._send(destination, claimed.channel, claimed.case)
        except DeliveryFailed as error:
            self.failures += 1
            if error.permanent:
                self._give_up(claimed, error)
                return 0
            retry_at = self._clock() + self.backoff.delay(claimed.attempts)
            self.outbox.retry_later(claimed, str(error), retry_at)
            log.warning(
                "handoff %s (council %s, channel %s): attempt %d failed (%s); next at %s",
                claimed.reference,
                claimed.council,
                claimed.channel,
                claimed.attempts,
                error,
                retry_at.isoformat(timespec="seconds"),
            )
            return 0
        if not self.outbox.mark_delivered(claimed, self._clock()):
            # The lease ran out during a very slow send and another worker took the row: it sends the
            # same reference, which the receiver recognises.
            log.warning(
                "handoff %s (council %s): claim lost during delivery", claimed.reference, claimed.council
            )
            return 0
        self.delivered += 1
        log.info(
            "handoff %s (council %s, channel %s): delivered",
            claimed.reference,
            claimed.council,
            claimed.channel,
        )
        assert destination is not None
        confirm_to_resident(destination, claimed.case)
        return 1

    def _give_up(self, claimed: Claimed, error: DeliveryFailed) -> None:
        """Mark the case failed and tell the operator, once: a resident is waiting for a call that will
        not come until someone fixes the channel."""
        if not self.outbox.fail(claimed, str(error), self._clock()):
            log.warning(
                "handoff %s (council %s): claim lost before it could be marked failed",
                claimed.reference,
                claimed.council,
            )
            return
        self.failed += 1
        log.error(
            "handoff %s (council %s, channel %s): failed for good after %d attempt(s): %s. It will not "
            "be retried by itself: fix the channel and run `sync-intents handoff retry %s`",
            claimed.reference,
            claimed.council,
            claimed.channel,
            claimed.attempts,
            error,
            claimed.reference,
        )
