"""Every call to Dialogflow passes through here: rate limits, retries, and a call count.

Design-time calls (reading and writing intents, entity types, training) are limited to about 60 a
minute, charged to the *consumer* project: the project of the credentials making the call (its quota
project), not the project of the agent called. So one service account syncing ten councils' agents has
one budget of 60, not ten. Each call therefore waits for two limiters, shared by every worker in the
process: the consumer project's and the agent project's. The service answers RESOURCE_EXHAUSTED past the
quota and UNAVAILABLE when it or the network hiccups; both are retried with backoff. A message too large
for the channel is also reported as RESOURCE_EXHAUSTED, by the client itself: retrying cannot help, so
it is not retried. One gRPC interceptor on the channel does all this for every call, including the pages
of a listing and the polls of a long-running operation, so no caller can forget.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import grpc

RETRYABLE = frozenset({grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.UNAVAILABLE})
#: How gRPC words a message over the size limit (client or server side); such a call is never retried.
TOO_LARGE = ("larger than max", "message too large", "exceeds the maximum")
#: The channel's message limits: an export or restore of a large agent is bigger than gRPC's 4 MiB default.
MAX_MESSAGE_BYTES = 64 * 1024 * 1024
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
    #: The quota window; only benchmarks shorten it, to measure a minute's behaviour in less time.
    window_seconds: float = 60.0
    max_message_bytes: int = MAX_MESSAGE_BYTES

    def backoff(self, attempt: int, jitter: float = 1.0) -> float:
        """Seconds to wait before retry number `attempt` (1-based): exponential, capped, jittered."""
        return min(self.max_backoff_seconds, self.backoff_seconds * 2 ** (attempt - 1)) * jitter


class RateLimiter:
    """At most `calls` calls in any sliding window of `window` seconds (thread-safe).

    A call counts from when it starts until `window` after it *ends* (`settle`): the service counts a call
    when it arrives, which may be well after it started here (a new connection's handshake), so counting
    from the start alone could let a window on the service's side hold more than `calls`.
    """

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
        self._started: list[list[float]] = []
        self._lock = threading.Lock()

    def wait_time(self) -> float:
        """Seconds until one more call fits in the window (0 when it fits now)."""
        now = self._clock()
        self._started = [stamp for stamp in self._started if stamp[0] > now - self.window]
        if len(self._started) < self.calls:
            return 0.0
        return min(stamp[0] for stamp in self._started) + self.window - now

    def acquire(self) -> list[float]:
        """Block until a call may start, and count it; pass the result to `settle` when it ends."""
        while True:
            with self._lock:
                wait = self.wait_time()
                if wait <= 0:
                    stamp = [self._clock()]
                    self._started.append(stamp)
                    return stamp
            self._sleep(wait)

    def settle(self, stamp: list[float]) -> None:
        """The call counted by `stamp` has ended: count it from now."""
        with self._lock:
            stamp[0] = self._clock()


_limiters: dict[str, RateLimiter] = {}
_limiters_lock = threading.Lock()


def limiter_for(key: str, calls_per_minute: float, window: float = 60.0) -> RateLimiter:
    """The one limiter of a quota key in this process, shared by every council and worker using it.

    Keys are `consumer:<project>` (whose quota the calls are charged to) and `agent:<project>`.
    """
    with _limiters_lock:
        limiter = _limiters.get(key)
        if limiter is None or (limiter.calls, limiter.window) != (max(1, int(calls_per_minute)), window):
            limiter = _limiters[key] = RateLimiter(calls_per_minute, window)
        return limiter


def limiters_for(consumer: str, agent_project: str, policy: CallPolicy) -> tuple[RateLimiter, ...]:
    """The limiters a call waits for: the consumer project's, then the agent project's (one if the same)."""
    keys = dict.fromkeys((f"consumer:{consumer}", f"agent:{agent_project}"))
    return tuple(limiter_for(key, policy.calls_per_minute, policy.window_seconds) for key in keys)


def too_large(code: grpc.StatusCode, details: str | None) -> bool:
    """Whether a failure is a message over the size limit, which no retry can fix."""
    text = (details or "").lower()
    return code == grpc.StatusCode.RESOURCE_EXHAUSTED and any(words in text for words in TOO_LARGE)


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
    """Waits for the rate limiters, retries RESOURCE_EXHAUSTED and UNAVAILABLE with backoff, counts calls.

    With a `quota_project` it also sends `x-goog-user-project`, so the service charges that project.
    """

    def __init__(
        self,
        policy: CallPolicy,
        limiters: RateLimiter | tuple[RateLimiter, ...],
        log: CallLog,
        *,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = lambda: random.uniform(0.5, 1.0),
        quota_project: str | None = None,
    ) -> None:
        self.policy = policy
        self.limiters = limiters if isinstance(limiters, tuple) else (limiters,)
        self.log = log
        self.quota_project = quota_project
        self._sleep = sleep
        self._jitter = jitter

    def intercept_unary_unary(
        self, continuation: Callable[[Any, Any], Any], client_call_details: Any, request: Any
    ) -> Any:
        """Make one call, waiting for the limiter before each attempt."""
        method = short_method(client_call_details.method)
        if self.quota_project:
            client_call_details = _with_metadata(
                client_call_details, ("x-goog-user-project", self.quota_project)
            )
        attempt = 1
        while True:
            stamps = [(limiter, limiter.acquire()) for limiter in self.limiters]
            self.log.record(method)
            outcome = continuation(client_call_details, request)
            code = outcome.code()
            for limiter, stamp in stamps:
                limiter.settle(stamp)
            if code not in RETRYABLE or attempt >= self.policy.max_attempts:
                return outcome
            if too_large(code, outcome.details()):
                return outcome
            self.log.record_retry(code)
            self._sleep(self.policy.backoff(attempt, self._jitter()))
            attempt += 1


class _CallDetails(grpc.ClientCallDetails):  # type: ignore[misc]
    def __init__(self, base: Any, metadata: list[tuple[str, str]]) -> None:
        self.method = base.method
        self.timeout = base.timeout
        self.metadata = metadata
        self.credentials = base.credentials
        self.wait_for_ready = getattr(base, "wait_for_ready", None)
        self.compression = getattr(base, "compression", None)


def _with_metadata(details: Any, item: tuple[str, str]) -> Any:
    metadata = [m for m in (details.metadata or []) if m[0] != item[0]]
    return _CallDetails(details, [*metadata, item])
