"""A per-client rate limit for the chat API (a token bucket per client address, in each process).

Each worker keeps its own buckets, so the effective limit across N workers is up to N times the
setting: enough to stop a script hammering the bot, which is its purpose. A deployment that needs an
exact shared limit puts one in front (e.g. Cloud Armor).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable


class RateLimiter:
    """Allows `burst` requests at once and `per_minute` on average per client."""

    def __init__(
        self,
        per_minute: float,
        burst: int,
        max_clients: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.max_clients = max_clients
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, client: str) -> tuple[bool, float]:
        """Whether this client may make a request now, and if not, how many seconds until it may."""
        now = self._clock()
        with self._lock:
            tokens, updated = self._buckets.pop(client, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - updated) * self.rate)
            allowed = tokens >= 1.0
            if allowed:
                tokens -= 1.0
            self._buckets[client] = (tokens, now)
            while len(self._buckets) > self.max_clients:
                self._buckets.popitem(last=False)
        wait = 0.0 if allowed else (1.0 - tokens) / self.rate
        return allowed, wait
