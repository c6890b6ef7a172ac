"""The chat API's request: checked by a JSON Schema, with the JSON path of any problem."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jsonschema import Draft202012Validator

from webhook.fulfilment.parse import check_request

CHAT_REQUEST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["council", "session"],
    "properties": {
        "council": {"type": "string", "pattern": "^[a-z][a-z0-9-]{0,63}$"},
        "session": {"type": "string", "pattern": "^[A-Za-z0-9_-]{8,64}$"},
        "text": {"type": "string", "maxLength": 500},
        "language": {"enum": ["en", "cy"]},
        "state": {"type": "string", "maxLength": 16384},
    },
}
_VALIDATOR = Draft202012Validator(CHAT_REQUEST_SCHEMA)


@dataclass(frozen=True)
class ChatRequest:
    council: str
    session: str
    text: str
    language: str | None
    state: str | None


def parse_chat_request(data: Any) -> ChatRequest:
    """A ChatRequest, or a 400 RequestError naming the JSON path that is wrong."""
    check_request(_VALIDATOR, data)
    return ChatRequest(
        council=data["council"],
        session=data["session"],
        text=data.get("text", ""),
        language=data.get("language"),
        state=data.get("state"),
    )
