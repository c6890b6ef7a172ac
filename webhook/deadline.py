"""A turn's time budget. Dialogflow waits 5 s for the webhook, network included; every backend call
takes its timeout from what is left, so a slow council system can never make the resident wait longer."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

#: Seconds every outside call leaves for building the reply once it returns.
REPLY_RESERVE = 0.25


@dataclass(frozen=True)
class Deadline:
    """The moment a turn must have its reply, on the monotonic clock."""

    expires_at: float
    started_at: float = field(default_factory=time.monotonic)

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        """A deadline `seconds` from now."""
        now = time.monotonic()
        return cls(expires_at=now + seconds, started_at=now)

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.expires_at - time.monotonic())

    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def timeout(self, ceiling: float, reserve: float = REPLY_RESERVE) -> float:
        """A timeout for one outside call: at most `ceiling`, and leaving `reserve` seconds to build the
        reply. Raises DeadlineExceeded when nothing useful is left."""
        available = self.remaining() - reserve
        if available <= 0.05:
            raise DeadlineExceeded("no time left in this turn's budget")
        return min(ceiling, available)

    def elapsed(self) -> float:
        """Seconds since the turn started."""
        return time.monotonic() - self.started_at


class DeadlineExceeded(TimeoutError):
    """The turn's budget ran out before an outside call could be made or finished."""
