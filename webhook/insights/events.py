"""What insights keep of a turn and of a piece of feedback, made from what the app already knows.

Nothing here holds personal data: the resident's session id becomes a keyed hash (`conversation_id`),
so stored turns of one conversation can be counted together but not joined back to the browser that
sent them, and every text goes through the logs' redaction before it is kept.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from webhook.logs import redact

#: Stored texts are cut to this many characters (a resident's message is rarely longer).
MAX_TEXT = 500

CHAT = "chat"
DIALOGFLOW = "dialogflow"


@dataclass(frozen=True, slots=True)
class TurnEvent:
    """One resident's message and how the bot handled it."""

    at: datetime
    council: str
    conversation: str
    language: str
    channel: str
    intent: str | None
    confidence: float | None
    fallback: bool
    handoff: bool
    outcome: str | None
    text: str


@dataclass(frozen=True, slots=True)
class FeedbackEvent:
    """A resident's "Was this helpful?" on one answer."""

    at: datetime
    council: str
    conversation: str
    intent: str
    answer: int | None
    helpful: bool
    language: str | None
    comment: str


def conversation_id(key: bytes, council: str, session: str) -> str:
    """A conversation's id in the database: an HMAC of the council and the resident's session id under
    the app's secret key, so the session id itself is never stored."""
    digest = hmac.new(key, f"{council}\0{session}".encode(), hashlib.sha256).hexdigest()
    return digest[:32]


def stored_text(text: str) -> str:
    """A resident's text as insights keep it: redacted, and cut to MAX_TEXT characters."""
    return redact(text.strip())[:MAX_TEXT]
