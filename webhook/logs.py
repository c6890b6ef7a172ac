"""Structured logs: one JSON line per event on stderr in the shape Google Cloud Logging reads (`severity`,
`message`, `time`, extra fields as the JSON payload), with personal data redacted from anything a
resident typed.

Every turn writes a line, so the turn's line skips the `logging` record machinery (`log_event`) and lines
may be written in batches (`LOG_BATCH_SECONDS`): one write for many lines instead of one per turn.
Warnings and errors are never held back, and they flush what is waiting first, so the order holds.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import re
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, TextIO

from webhook.json_text import json_bytes

_REDACTIONS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[email]"),
    # A postcode keeps its district (the outward code, "OX1"): where residents ask from, not who they are.
    (
        re.compile(r"\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*[0-9][A-Za-z]{2}\b"),
        lambda m: f"{m[1].upper()} [postcode]",
    ),
    (re.compile(r"(?<!\w)(?:\+?44\s?|0)(?:\d[\s-]?){9,10}(?!\w)"), "[phone]"),
    (re.compile(r"\d(?:[\s-]?\d){5,}"), "[number]"),
    (
        re.compile(
            r"\b(my name is|name's|i am called|i'm called|this is|fy enw i yw|fy enw yw|enw fi yw)"
            r"\s+[A-Za-z\u00c0-\u024f'-]+(\s+[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]+)?",
            re.IGNORECASE,
        ),
        r"\1 [name]",
    ),
)
#: Every pattern above needs a digit, an @ or one of the words, so text without any is left as it is
#: without five scans. (Looked for as below, not by one case-blind regex: this runs on every turn, and
#: the regex's alternation took three times as long.)
_DIGIT_OR_AT = re.compile(r"[0-9@]")
_NAME_WORDS = ("name", "called", "this is", "enw")
#: Writes to a pipe of at most this many bytes are never interleaved with other processes' writes
#: (POSIX PIPE_BUF), so several gunicorn workers sharing stderr never split each other's lines.
ATOMIC_WRITE_BYTES = 4096
#: Lines held at most while stderr cannot be written (a stalled log collector): past this the oldest
#: are dropped rather than let the app's memory grow without end.
MAX_PENDING_LINES = 100_000


def redact(text: str) -> str:
    """The text with e-mail addresses, phone numbers, long numbers and names replaced, and postcodes
    reduced to their district."""
    if not _DIGIT_OR_AT.search(text):
        folded = text.casefold()
        if not any(word in folded for word in _NAME_WORDS):
            return text
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def entry_line(severity: str, message: str, logger: str, fields: Mapping[str, Any]) -> str:
    """One log entry as a line of JSON that Cloud Logging reads: severity, message and time are its own
    fields, everything else goes in the entry's JSON payload."""
    entry = {"severity": severity, "message": message, "time": rfc3339(time.time_ns()), "logger": logger}
    entry.update(fields)
    return json_bytes(entry).decode() + "\n"


def rfc3339(nanoseconds: int) -> str:
    """A Unix time in nanoseconds as RFC 3339 in UTC to the microsecond: 2026-11-24T15:28:34.123456Z."""
    seconds, fraction = divmod(nanoseconds, 1_000_000_000)
    return f"{_rfc3339_seconds(seconds)}.{fraction // 1000:06d}Z"


@lru_cache(maxsize=4)
def _rfc3339_seconds(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


class LogWriter:
    """Writes log lines to whatever `sys.stderr` is at the time (test runners and servers replace it).

    With `batch_seconds` above zero, lines wait (at most that long) for a background thread that writes
    them in chunks of whole lines; otherwise each line is written at once. stderr, not stdout, so
    commands such as `sync-intents nlu-report` keep their output clean; Cloud Run and most container
    platforms collect both streams as logs.
    """

    def __init__(self, batch_seconds: float = 0.0, stream: Callable[[], TextIO] = lambda: sys.stderr) -> None:
        self.batch_seconds = batch_seconds
        self._stream = stream
        self._pending: deque[str] = deque(maxlen=MAX_PENDING_LINES)
        self._lock = threading.Lock()
        self._flusher: threading.Thread | None = None

    def write(self, line: str, *, urgent: bool = False) -> None:
        """Write one line (ending in a newline), now if `urgent` or not batching, else soon."""
        if self.batch_seconds <= 0 or urgent:
            with self._lock:
                self._write_pending()
                self._write(line)
            return
        self._pending.append(line)
        if self._flusher is None:
            self._start()

    def flush(self) -> None:
        """Write every waiting line now."""
        with self._lock:
            self._write_pending()

    def _write_pending(self) -> None:
        pending = self._pending
        chunk: list[str] = []
        size = 0
        while pending:
            line = pending.popleft()
            length = len(line.encode())
            if chunk and size + length > ATOMIC_WRITE_BYTES:
                self._write("".join(chunk))
                chunk, size = [], 0
            chunk.append(line)
            size += length
        if chunk:
            self._write("".join(chunk))

    def _write(self, text: str) -> None:
        # A log that cannot be written must never cost a resident their answer.
        with contextlib.suppress(OSError, ValueError):
            stream = self._stream()
            stream.write(text)
            stream.flush()

    def _start(self) -> None:
        with self._lock:
            if self._flusher is None:
                self._flusher = threading.Thread(target=self._run, name="log-writer", daemon=True)
                self._flusher.start()

    def _run(self) -> None:
        while True:
            time.sleep(self.batch_seconds)
            # The flusher must outlive any one bad batch, or every later line would wait for ever.
            with contextlib.suppress(Exception):
                self.flush()

    def after_fork(self) -> None:
        """In a forked child (a gunicorn worker): start a flusher of its own when needed, and leave the
        lines the parent was holding to the parent."""
        self._pending = deque(maxlen=MAX_PENDING_LINES)
        self._lock = threading.Lock()
        self._flusher = None


#: The process's one writer, so batched and immediate lines keep their order.
writer = LogWriter()
os.register_at_fork(after_in_child=writer.after_fork)
atexit.register(writer.flush)


def log_event(logger: logging.Logger, message: str, fields: Mapping[str, Any]) -> None:
    """Write an INFO entry for `logger` (if it logs INFO) straight to the writer: the same line a
    `logger.info(message, extra={"fields": fields})` would give, at a fraction of the cost."""
    if logger.isEnabledFor(logging.INFO):
        writer.write(entry_line("INFO", message, logger.name, fields))


class CloudLoggingHandler(logging.Handler):
    """Formats each record as one JSON line for the writer; `extra={"fields": {...}}` adds payload
    fields. Warnings and errors are written at once."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            fields = dict(getattr(record, "fields", {}))
            if record.exc_info:
                # Stack traces go to the log, never to a resident; Error Reporting reads this field.
                fields["stack_trace"] = logging.Formatter().formatException(record.exc_info)
            line = entry_line(record.levelname, record.getMessage(), record.name, fields)
            writer.write(line, urgent=record.levelno >= logging.WARNING)
        except Exception:
            self.handleError(record)


def configure_logging(level: int = logging.INFO, batch_seconds: float = 0.0) -> None:
    """Send the app's logs to stderr as JSON lines, batched every `batch_seconds` (0: each at once).

    The records' caller and thread are never written, so they are not collected either: the logging
    HOWTO's "Optimization" settings. The process is: gunicorn's own log lines print it."""
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logMultiprocessing = False
    writer.batch_seconds = batch_seconds
    logger = logging.getLogger("webhook")
    logger.setLevel(level)
    logger.propagate = False
    if not any(isinstance(handler, CloudLoggingHandler) for handler in logger.handlers):
        logger.addHandler(CloudLoggingHandler())
