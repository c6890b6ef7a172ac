"""The conversation's recent messages, carried with it so a hand-off can share them.

The offline chat keeps no state on the server: its signed conversation state (webhook/agent/session.py)
carries the contexts, so the transcript rides in one of them, `transcript`, kept by the offline agent
after each turn (`remembered`). A signed token (not encrypted) is fit: it holds only what the resident
and the bot have already said to each other in this chat, and a tampered token is refused. On a
council's Dialogflow agent the webhook sets the same context on every turn (webhook/handoff/conversation.py;
such a council's intents all call the webhook), and Dialogflow sends it back with the next call.

Capped at the last 20 messages and 4 KB of text, the oldest dropped first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from webhook.handoff.case import Message

CONTEXT = "transcript"
#: Turns the transcript outlives its last update (a conversation idle this long has none to share).
LIFESPAN = 50
MAX_MESSAGES = 20
MAX_BYTES = 4096
#: The longest single message kept: a pasted essay must not push out everything else.
MAX_MESSAGE_CHARS = 600


def capped(messages: Sequence[Message]) -> tuple[Message, ...]:
    """The newest messages within the caps: at most MAX_MESSAGES, MAX_BYTES of UTF-8 text in all."""
    kept: list[Message] = []
    size = 0
    for message in reversed(messages[-MAX_MESSAGES:]):
        text = message.text.strip()[:MAX_MESSAGE_CHARS]
        if not text:
            continue
        size += len(text.encode())
        if size > MAX_BYTES:
            break
        kept.append(Message(message.speaker, text))
    return tuple(reversed(kept))


def messages_of(parameters: Mapping[str, Any] | None) -> tuple[Message, ...]:
    """The transcript a `transcript` context's parameters hold (malformed entries skipped)."""
    items = (parameters or {}).get("messages")
    if not isinstance(items, list):
        return ()
    found = [
        Message(str(item[0]), str(item[1]))
        for item in items
        if isinstance(item, (list, tuple)) and len(item) == 2 and item[0] in ("resident", "bot")
    ]
    return capped(found)


def parameters_for(messages: Iterable[Message]) -> dict[str, Any]:
    """A `transcript` context's parameters (pairs, to keep the signed token small)."""
    return {"messages": [[message.speaker, message.text] for message in capped(list(messages))]}


def with_exchange(
    parameters: Mapping[str, Any] | None, resident_text: str, bot_texts: Iterable[str]
) -> dict[str, Any]:
    """The transcript's parameters after one more exchange: what the resident typed, what the bot said."""
    messages = list(messages_of(parameters))
    if resident_text.strip():
        messages.append(Message("resident", resident_text))
    messages.extend(Message("bot", text) for text in bot_texts if text.strip())
    return parameters_for(messages)
