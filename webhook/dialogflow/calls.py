"""Every call to Dialogflow passes through here: a per-project rate limit, retries, and a call count.

Design-time calls (reading and writing intents, entity types, training) are limited to about 60 a
minute per project, and the service answers RESOURCE_EXHAUSTED past that and UNAVAILABLE when it or the
network hiccups. One gRPC interceptor on the channel handles both for every call, including the pages of a
listing and the polls of a long-running operation, so no caller can forget.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import grpc

RETRYABLE = frozenset({grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.UNAVAILABLE})
WRITE_PREFIXES = ("Create", "Update", "Delete", "Batch", "Train", "Restore", "Import", "Set")


@dataclass(frozen=True)
class CallPolicy:
    """How hard to try: attempts and backoff for retryable errors, the rate limit, operation polling."""

    max_attempts: int = 6
    backoff_seconds: float = 1.0
    max_backoff_seconds: float = 32.0
    calls_per_minute: float = 60.0
    poll_seconds: float = 1.0
    operation_timeout_seconds: float = 900.0

    def backoff(self, attempt: int, jitter: float = 1.0) -> float:
        """Seconds to wait before retry number `attempt` (1-based): exponential, capped, jittered."""
        return min(self.max_backoff_seconds, self.backoff_seconds * 2 ** (attempt - 1)) * jitter


class RateLimiter:
    """At most `calls` calls in any sliding window of `window` seconds (thread-safe)."""

    def __init__(
        self,
        calls: float,
        window: float = 60.0,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.calls = max(1, int(calls))
        self.window = window
        self._clock = clock
        self._sleep = sleep
        self._started: deque[float] = deque()
        self._lock = threading.Lock()

    def wait_time(self) -> float:
        """Seconds until one more call fits in the window (0 when it fits now)."""
        now = self._clock()
        while self._started and self._started[0] <= now - self.window:
            self._started.popleft()
        if len(self._started) < self.calls:
            return 0.0
        return self._started[0] + self.window - now

    def acquire(self) -> None:
        """Block until a call may start, and count it."""
        while True:
            with self._lock:
                wait = self.wait_time()
                if wait <= 0:
                    self._started.append(self._clock())
                    return
            self._sleep(wait)


_limiters: dict[str, RateLimiter] = {}
_limiters_lock = threading.Lock()


def limiter_for(project: str, calls_per_minute: float) -> RateLimiter:
    """The one limiter of a project in this process, shared by every council syncing to it."""
    with _limiters_lock:
        limiter = _limiters.get(project)
        if limiter is None or limiter.calls != max(1, int(calls_per_minute)):
            limiter = _limiters[project] = RateLimiter(calls_per_minute)
        return limiter


@dataclass
class CallLog:
    """Calls made by method ("Intents.BatchUpdateIntents"), and retries by status."""

    calls: Counter[str] = field(default_factory=Counter)
    retries: Counter[str] = field(default_factory=Counter)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def record(self, method: str) -> None:
        """Count one call of `method`."""
        with self._lock:
            self.calls[method] += 1

    def record_retry(self, code: grpc.StatusCode) -> None:
        """Count one retry after `code`."""
        with self._lock:
            self.retries[code.name] += 1

    @property
    def writes(self) -> int:
        """Calls that change an agent."""
        return sum(n for method, n in self.calls.items() if _is_write(method))

    @property
    def reads(self) -> int:
        """Calls that only read (listings, their pages, operation polls, exports)."""
        return sum(n for method, n in self.calls.items() if not _is_write(method))


def _is_write(method: str) -> bool:
    return method.split(".")[-1].startswith(WRITE_PREFIXES)


def short_method(full: str) -> str:
    """ "/google.cloud.dialogflow.v2.Intents/ListIntents" -> "Intents.ListIntents"."""
    service, _, method = full.strip("/").partition("/")
    return f"{service.rsplit('.', 1)[-1]}.{method}"


class PolicyInterceptor(grpc.UnaryUnaryClientInterceptor):
    """Waits for the rate limiter, retries RESOURCE_EXHAUSTED and UNAVAILABLE with backoff, counts calls."""

    def __init__(
        self,
        policy: CallPolicy,
        limiter: RateLimiter,
        log: CallLog,
        *,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = lambda: random.uniform(0.5, 1.0),
    ) -> None:
        self.policy = policy
        self.limiter = limiter
        self.log = log
        self._sleep = sleep
        self._jitter = jitter

    def intercept_unary_unary(
        self, continuation: Callable[[Any, Any], Any], client_call_details: Any, request: Any
    ) -> Any:
        """Make one call, waiting for the limiter before each attempt."""
        method = short_method(client_call_details.method)
        attempt = 1
        while True:
            self.limiter.acquire()
            self.log.record(method)
            outcome = continuation(client_call_details, request)
            code = outcome.code()
            if code not in RETRYABLE or attempt >= self.policy.max_attempts:
                return outcome
            self.log.record_retry(code)
            self._sleep(self.policy.backoff(attempt, self._jitter()))
            attempt += 1
