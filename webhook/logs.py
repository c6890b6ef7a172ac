"""Structured logs: one JSON line per event on stderr in the shape Google Cloud Logging reads (`severity`,
`message`, extra fields as the JSON payload), with personal data redacted from anything a resident typed."""

from __future__ import annotations

import json
import logging
import re
import sys
from typing import Any

_REDACTIONS = (
    (re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+"), "[email]"),
    (re.compile(r"\b[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s*[0-9][A-Za-z]{2}\b"), "[postcode]"),
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


def redact(text: str) -> str:
    """The text with e-mail addresses, postcodes, phone numbers, long numbers and names replaced."""
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class CloudLoggingFormatter(logging.Formatter):
    """Formats each record as one JSON object per line; `extra={"fields": {...}}` adds payload fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "severity": record.levelname if record.levelname != "WARNING" else "WARNING",
            "message": record.getMessage(),
            "logger": record.name,
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            # Stack traces go to the log, never to a resident; Error Reporting reads this field.
            entry["stack_trace"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class _StderrHandler(logging.StreamHandler):
    """Writes to whatever sys.stderr is at the time (test runners and servers may replace it).

    stderr, not stdout, so commands such as `sync-intents nlu-report` keep their output clean; Cloud Run
    and most container platforms collect both streams as logs.
    """

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def configure_logging(level: int = logging.INFO) -> None:
    """Send the app's logs to stderr as JSON lines (once per process).

    The records' caller, process and thread are never written, so they are not collected either: the
    logging HOWTO's "Optimization" settings, worth having on a path that logs every turn."""
    logging._srcfile = None  # type: ignore[attr-defined]
    logging.logThreads = False
    logging.logProcesses = False
    logging.logMultiprocessing = False
    logger = logging.getLogger("webhook")
    if any(isinstance(h.formatter, CloudLoggingFormatter) for h in logger.handlers):
        return
    handler = _StderrHandler()
    handler.setFormatter(CloudLoggingFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
