"""The review as JSON for machines, in the shape `diff.schema.json` (beside this module) describes."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from webhook.review.report import Review, Section

SCHEMA = Path(__file__).with_name("diff.schema.json")
FORMAT_VERSION = 1


@cache
def schema() -> dict[str, Any]:
    """The JSON Schema of `as_json`'s output."""
    loaded: dict[str, Any] = json.loads(SCHEMA.read_text("utf-8"))
    return loaded


def plain_json(value: Any) -> Any:
    """Tuples (as the dataclasses hold them) become lists and dates ISO text, so the result is JSON as a
    parser gives it back."""
    if isinstance(value, dict):
        return {key: plain_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain_json(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _section(section: Section) -> dict[str, Any]:
    understanding = section.understanding
    return {
        "council": section.council,
        "language": section.language,
        "note": section.note,
        "intents": [asdict(change) for change in section.intents],
        "messages": [asdict(change) for change in section.messages],
        "dialogflow": [asdict(change) for change in section.agent],
        "understanding": None
        if understanding is None
        else {
            "retrained": understanding.retrained,
            "note": understanding.note,
            "measures": [{**asdict(measure), "change": measure.change} for measure in understanding.measures],
        },
    }


def as_json(review: Review) -> dict[str, Any]:
    """The review as plain JSON values."""
    blockers = review.blockers()
    report = {
        "format": FORMAT_VERSION,
        "base": asdict(review.base),
        "head": asdict(review.head),
        "councils": list(review.councils),
        "affected": [{"council": s.council, "language": s.language} for s in review.sections],
        "sections": [_section(section) for section in review.sections],
        "understanding_checked": review.understanding,
        "margin_points": review.margin,
        "warnings": list(review.warnings),
        "check": {"passed": not blockers, "blockers": blockers},
        "seconds": round(review.seconds, 3),
    }
    plain: dict[str, Any] = plain_json(report)
    return plain
