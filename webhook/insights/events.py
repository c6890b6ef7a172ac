"""What insights keep of a turn and of a piece of feedback, made from what the app already knows.

Nothing here holds personal data: the resident's session id becomes a keyed hash (`conversation_id`),
so stored turns of one conversation can be counted together but not joined back to the browser that
sent them, and every text goes through the logs' redaction before it is kept.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from functools import lru_cache
from typing import NamedTuple

from webhook.logs import redact

#: Stored texts are cut to this many characters (a resident's message is rarely longer).
MAX_TEXT = 500

CHAT = "chat"
DIALOGFLOW = "dialogflow"
#: The intent a resident reaches by asking for a person.
HANDOFF_INTENT = "system.human_handoff"


# Named tuples, not dataclasses: one is made on every turn, and a frozen dataclass takes several times
# longer to build (recording's whole budget is a few microseconds a turn).
class TurnEvent(NamedTuple):
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


class TurnSeen(NamedTuple):
    """A turn as its request hands it over: what the app knows, as it is. The writer's thread makes it a
    `TurnEvent` (`turn_event`: the session hashed, the text redacted), so a resident's turn pays only for
    a tuple; the unredacted text waits in memory until then (a second or so) and is never stored."""

    at: float  # time.time()
    council: str
    session: str
    channel: str
    language: str
    intent: str | None
    confidence: float | None
    fallback: bool
    outcome: str | None
    text: str
    #: `text` went through `redact` already (to be logged): it is only cut to length.
    text_is_redacted: bool = False


def turn_event(seen: TurnSeen, key: bytes) -> TurnEvent:
    """The turn as insights keep it: the session id hashed under `key`, the text redacted."""
    return TurnEvent(  # by position: built for every turn, and keywords cost a third more
        datetime.fromtimestamp(seen.at, UTC),
        seen.council,
        conversation_id(key, seen.council, seen.session),
        seen.language,
        seen.channel,
        seen.intent,
        None if seen.confidence is None else round(float(seen.confidence), 4),
        seen.fallback,
        seen.intent == HANDOFF_INTENT,
        seen.outcome,
        stored_text(seen.text, redacted=seen.text_is_redacted),
    )


def finish_event(item: TurnSeen | TurnEvent | FeedbackEvent, key: bytes) -> TurnEvent | FeedbackEvent:
    """A queued item as it is written: a `TurnSeen` made into its `TurnEvent`, anything else as it is."""
    return turn_event(item, key) if isinstance(item, TurnSeen) else item


class FeedbackEvent(NamedTuple):
    """A resident's "Was this helpful?" on one answer."""

    at: datetime
    council: str
    conversation: str
    intent: str
    answer: int | None
    helpful: bool
    language: str | None
    comment: str


def conversation_key(secret: str) -> bytes:
    """The key of `conversation_id`, made from the app's secret key (any length; BLAKE2b takes 64 bytes)."""
    return hashlib.blake2b(secret.encode(), person=b"conversation").digest()


# Kept for the conversations in progress: a conversation's turns come seconds apart, and its id is
# then looked up (0.07 µs) rather than hashed again (0.5 µs). 8,192 ids take about 1.5 MB.
@lru_cache(maxsize=8192)
def conversation_id(key: bytes, council: str, session: str) -> str:
    """A conversation's id in the database: a keyed hash (BLAKE2b, keyed by `conversation_key`) of the
    council and the resident's session id, so the session id itself is never stored."""
    # Keyed BLAKE2b rather than OpenSSL's HMAC: this runs on every turn, and OpenSSL's one-shot HMAC lets
    # go of the interpreter lock, which in a worker whose other threads are busy costs a thread switch
    # (tens of microseconds) every call; BLAKE2b keeps the lock and takes half a microsecond.
    return hashlib.blake2b(f"{council}\0{session}".encode(), key=key, digest_size=16).hexdigest()


def stored_text(text: str, *, redacted: bool = False) -> str:
    """A resident's text as insights keep it: redacted (unless `redacted` says it already is), and cut to
    MAX_TEXT characters."""
    text = text.strip()
    return (text if redacted else redact(text))[:MAX_TEXT]
