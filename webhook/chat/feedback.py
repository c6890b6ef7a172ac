"""`POST /api/feedback`: a resident's "Was this helpful?" on an answer, checked by a JSON Schema.

Each piece of feedback is written to the structured log and kept for the council's insights
(`record_feedback`, the one place that receives it). What a resident typed is redacted as the turn log
redacts it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from webhook.fulfilment.parse import check_request
from webhook.insights import record_feedback as keep_for_insights
from webhook.logs import log_event, redact

log = logging.getLogger("webhook.feedback")

#: A feedback body is small; anything larger is refused before it is parsed.
MAX_FEEDBACK_BYTES = 4096

FEEDBACK_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["council", "session", "intent", "helpful"],
    "properties": {
        "council": {"type": "string", "pattern": "^[a-z][a-z0-9-]{0,63}$"},
        "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{8,64}$"},
        "intent": {"type": "string", "pattern": "^[a-z][a-z_]*\\.[a-z][a-z0-9_]*$", "maxLength": 100},
        # Which answer of the conversation (0, 1, 2 ...), so a later "no" and its comment can be joined.
        "answer": {"type": "integer", "minimum": 0, "maximum": 10000},
        "helpful": {"type": "boolean"},
        "comment": {"type": "string", "maxLength": 500},
        "language": {"enum": ["en", "cy"]},
    },
}
_VALIDATOR = Draft202012Validator(FEEDBACK_SCHEMA)


@dataclass(frozen=True)
class Feedback:
    """One resident's verdict on one answer."""

    council: str
    session: str
    intent: str
    helpful: bool
    answer: int | None = None
    comment: str = ""
    language: str | None = None


def parse_feedback(data: Any) -> Feedback:
    """A Feedback, or a 400 RequestError naming the JSON path that is wrong."""
    check_request(_VALIDATOR, data)
    return Feedback(
        council=data["council"],
        session=data["session"],
        intent=data["intent"],
        helpful=data["helpful"],
        answer=data.get("answer"),
        comment=data.get("comment", "").strip(),
        language=data.get("language"),
    )


def record_feedback(feedback: Feedback) -> None:
    """Keep one piece of feedback: a structured log line, and a row of the council's insights. The
    session id (random, made by the resident's browser) and the answer's number join a "no" to the
    comment sent after it."""
    keep_for_insights(
        feedback.council,
        session=feedback.session,
        intent=feedback.intent,
        helpful=feedback.helpful,
        answer=feedback.answer,
        language=feedback.language,
        comment=feedback.comment,
    )
    log_event(
        log,
        "feedback",
        {
            "council": feedback.council,
            "session": feedback.session,
            "intent": feedback.intent,
            "helpful": feedback.helpful,
            "answer": feedback.answer,
            "language": feedback.language,
            "comment": redact(feedback.comment),
        },
    )
