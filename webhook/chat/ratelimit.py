"""A per-client rate limit for the chat API: a token bucket per client address.

Without `REDIS_URL` each process keeps its own buckets, so across N workers and instances the limit is
up to N times the setting: enough for `make run` and one small instance. With `REDIS_URL` the buckets
live in Redis (one atomic script per request, on Redis's own clock), so the limit holds across every
worker and instance of a deployment. If Redis cannot be reached the request is let through and the
outage logged: a rate limit must never take the chat down with it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from webhook.redis_client import connect_redis

if TYPE_CHECKING:
    import redis

log = logging.getLogger(__name__)

#: Seconds between warnings while Redis is unreachable.
WARN_EVERY_SECONDS = 60.0


class Limiter(Protocol):
    """What the chat asks a rate limit."""

    def allow(self, client: str) -> tuple[bool, float]:
        """Whether this client may make a request now, and if not, how many seconds until it may."""
        ...


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


#: The token bucket in Redis, atomically: KEYS[1] is the client's bucket, ARGV its rate (tokens per
#: second) and burst. Redis's clock, not the callers', so instances with skewed clocks agree. Tokens go
#: back as text: Redis truncates a script's numbers to integers.
BUCKET_SCRIPT = """
local now_parts = redis.call('TIME')
local now = tonumber(now_parts[1]) + tonumber(now_parts[2]) / 1000000
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local kept = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(kept[1]) or burst
local updated = tonumber(kept[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - updated) * rate)
local allowed = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'updated', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return {allowed, tostring(tokens)}
"""


class RedisRateLimiter:
    """The same bucket as RateLimiter, shared through Redis by every process that names it alike."""

    def __init__(self, client: redis.Redis, name: str, per_minute: float, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = burst
        self.prefix = f"council-chatbot:ratelimit:{name}:"
        import redis

        self._unavailable = redis.RedisError
        self._bucket = client.register_script(BUCKET_SCRIPT)
        self._warned_at = float("-inf")

    def allow(self, client: str) -> tuple[bool, float]:
        """Whether this client may make a request now, and if not, how many seconds until it may."""
        try:
            allowed, tokens = self._bucket(keys=[self.prefix + client], args=[self.rate, self.burst])
        except self._unavailable as error:
            self._warn(error)
            return True, 0.0
        if int(allowed):
            return True, 0.0
        return False, (1.0 - float(tokens)) / self.rate

    def _warn(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            log.warning("rate limit: Redis unreachable (%s); letting requests through", type(error).__name__)


def rate_limiter(redis_url: str | None, name: str, per_minute: float, burst: int) -> Limiter:
    """The limit called `name`: in Redis when `redis_url` is set (shared by every instance), else in
    this process."""
    if not redis_url:
        return RateLimiter(per_minute, burst)
    return RedisRateLimiter(connect_redis(redis_url), name, per_minute, burst)
