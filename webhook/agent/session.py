"""Conversation state for the offline agent, carried by the client in a signed token.

Nothing is kept on the server between turns, so any number of gunicorn workers and instances can
serve a conversation without sticky sessions. The token is signed (not encrypted): it holds only
what the resident already said to this council's bot, and a tampered or expired token is refused.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer

#: A conversation left longer than this starts again.
STATE_MAX_AGE_SECONDS = 24 * 60 * 60


@dataclass
class ActiveContext:
    """A context with the turns it has left and its parameters."""

    lifespan: int
    parameters: dict[str, Any] = field(default_factory=dict)


@dataclass
class PendingIntent:
    """An intent waiting for a required parameter (slot filling)."""

    intent_id: str
    parameters: dict[str, Any] = field(default_factory=dict)
    originals: dict[str, Any] = field(default_factory=dict)
    asking: str = ""
    attempts: int = 0


@dataclass
class ConversationState:
    """Everything the agent remembers between turns of one conversation."""

    council: str
    session: str
    language: str
    contexts: dict[str, ActiveContext] = field(default_factory=dict)
    pending: PendingIntent | None = None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ConversationState:
        pending = data.get("pending")
        return cls(
            council=data["council"],
            session=data["session"],
            language=data["language"],
            contexts={name: ActiveContext(**value) for name, value in data.get("contexts", {}).items()},
            pending=PendingIntent(**pending) if pending else None,
        )


class StateSigner:
    """Signs conversation state into a token and reads it back, refusing forged or stale tokens."""

    def __init__(self, secret_key: str) -> None:
        self._serializer = URLSafeTimedSerializer(secret_key, salt="council-chatbot.conversation")

    def dump(self, state: ConversationState) -> str:
        return self._serializer.dumps(state.as_dict())

    def load(self, token: str, *, council: str, session: str) -> ConversationState | None:
        """The state in a token, or None when it is forged, expired, or belongs to another conversation."""
        try:
            data = self._serializer.loads(token, max_age=STATE_MAX_AGE_SECONDS)
            state = ConversationState.from_dict(data)
        except (BadSignature, KeyError, TypeError, ValueError):
            return None
        if state.council != council or state.session != session:
            return None
        return state
