"""The backends' time-limited cache in Redis, shared by every worker and instance (`REDIS_URL`), so a
postcode or polling station looked up once is not looked up again by the next instance.

The same interface as TTLCache (webhook/backends/cache.py). Values are the backends' own dataclasses,
pickled and signed with HMAC-SHA256 under the app's SECRET_KEY: a value that was not written by this
deployment (anyone else with access to Redis) is refused, never unpickled. Redis down or slow: a miss,
and nothing is written; the outside call is made as without a cache, and the outage logged once a minute.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import pickle
import time
from collections.abc import Hashable
from typing import TYPE_CHECKING, TypeVar

from webhook.backends.cache import Cache

if TYPE_CHECKING:
    import redis

log = logging.getLogger(__name__)

V = TypeVar("V")
PREFIX = "council-chatbot:cache:"
#: Seconds between warnings while Redis is unreachable.
WARN_EVERY_SECONDS = 60.0
_DIGEST = hashlib.sha256().digest_size


class RedisTTLCache(Cache[V]):
    """Keeps values for `ttl_seconds` in Redis under `kind`; see the module's docstring."""

    def __init__(self, client: redis.Redis, kind: str, ttl_seconds: float, secret: bytes) -> None:
        import redis

        self._unavailable = redis.RedisError
        self.client = client
        self.prefix = f"{PREFIX}{kind}:"
        self.ttl_seconds = ttl_seconds
        self._secret = secret
        self._warned_at = float("-inf")

    def get(self, key: Hashable) -> V | None:
        """The cached value, or None when absent, expired, not signed by this deployment, or Redis is down."""
        try:
            stored = self.client.get(self._key(key))
        except self._unavailable as error:
            self._warn(error)
            return None
        if not isinstance(stored, bytes) or len(stored) <= _DIGEST:
            return None
        signature, payload = stored[:_DIGEST], stored[_DIGEST:]
        if not hmac.compare_digest(signature, self._sign(payload)):
            log.warning(
                "backend cache: a value under %s is not signed by this deployment; ignored", self.prefix
            )
            return None
        return pickle.loads(payload)  # signed by this deployment: checked above

    def put(self, key: Hashable, value: V) -> None:
        """Cache a value from now for the cache's time to live (nothing, if Redis is down)."""
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.client.set(self._key(key), self._sign(payload) + payload, px=int(self.ttl_seconds * 1000))
        except self._unavailable as error:
            self._warn(error)

    def clear(self) -> None:
        """Forget every value of this kind (every instance's)."""
        try:
            keys = list(self.client.scan_iter(match=f"{self.prefix}*", count=500))
            if keys:
                self.client.delete(*keys)
        except self._unavailable as error:
            self._warn(error)

    def _key(self, key: Hashable) -> str:
        # repr of the backends' keys (strings, and tuples of strings and numbers) is stable across processes.
        return self.prefix + hashlib.sha256(repr(key).encode()).hexdigest()

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._secret, payload, hashlib.sha256).digest()

    def _warn(self, error: Exception) -> None:
        now = time.monotonic()
        if now - self._warned_at >= WARN_EVERY_SECONDS:
            self._warned_at = now
            log.warning(
                "backend cache: Redis unreachable (%s); calling the backends directly", type(error).__name__
            )
