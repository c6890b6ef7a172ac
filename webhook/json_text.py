"""JSON text for what the app writes on every turn: the webhook's reply and the log lines."""

from __future__ import annotations

import json
from typing import Any

import orjson


def json_bytes(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON, with anything JSON has no type for (a Decimal, a date) as text.

    orjson, at a fifth of the standard library's cost; what even it will not write (an integer past 64
    bits) goes through the standard library, so a reply or a log line is never lost to a value.
    """
    try:
        return orjson.dumps(value, default=str)
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()
