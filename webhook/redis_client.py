"""The Redis connection a deployment shares (`REDIS_URL`): the chat's rate limits and the backends' caches.

Short timeouts: Redis only ever saves work (a limit, a cached lookup), so a slow one must cost a resident
no more than a fifth of a second before the app carries on without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import redis

#: Seconds a Redis call may take before the app carries on without it.
REDIS_TIMEOUT_SECONDS = 0.2


def connect_redis(url: str) -> redis.Redis:
    """A client for `url` (connections open on first use)."""
    import redis

    return redis.Redis.from_url(
        url, socket_timeout=REDIS_TIMEOUT_SECONDS, socket_connect_timeout=REDIS_TIMEOUT_SECONDS
    )
