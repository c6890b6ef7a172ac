"""A small, thread-safe, time-limited cache for lookups whose answers change slowly (bin days, postcodes).

It lives in one process: a cache miss costs one outside call. A deployment of many instances can share
one in Redis instead (`REDIS_URL`, webhook/backends/shared_cache.py).
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class Cache(ABC, Generic[V]):
    """What a backend client asks of its cache: this module's TTLCache, or RedisTTLCache (shared_cache.py)."""

    @abstractmethod
    def get(self, key: Hashable) -> V | None:
        """The cached value, or None when absent or expired."""

    @abstractmethod
    def put(self, key: Hashable, value: V) -> None:
        """Cache a value from now for the cache's time to live."""

    @abstractmethod
    def clear(self) -> None:
        """Forget every cached value."""

    def get_or_load(self, key: Hashable, load: Callable[[], V]) -> V:
        """The cached value, or `load()`'s result, cached. Failures are not cached."""
        value = self.get(key)
        if value is None:
            value = load()
            self.put(key, value)
        return value


class TTLCache(Cache[V]):
    """Keeps up to `max_entries` values for `ttl_seconds` each, evicting the least recently used."""

    def __init__(
        self, ttl_seconds: float, max_entries: int = 10_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[Hashable, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        """The cached value, or None when absent or expired."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            expires_at, value = entry
            if expires_at <= self._clock():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: V) -> None:
        """Cache a value from now for the cache's time to live."""
        with self._lock:
            self._entries[key] = (self._clock() + self.ttl_seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
