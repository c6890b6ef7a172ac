"""Whether a chat reply is an answer that ends a task: the moment to ask "Was this helpful?".

The reply itself does not say so, but what it is made of does. A reply ends a task when it answers one
of the library's services (not the conversation's own moves: the welcome, the fallback, safeguarding,
goodbyes, leaving or restarting a flow), and the bot is not waiting for anything: no parameter being
asked for (slot filling) and no question of a handler open (the `awaiting` context). A resident who
cancels a flow has not been answered either.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from webhook.fulfilment.questions import ANSWER_HANDLER, AWAITING
from webhook.library.messages import message_text
from webhook.library.model import Council, Library

#: Areas whose intents move the conversation along rather than answer a service. (The answer intents,
#: whose handler is ANSWER_HANDLER, finish the task of the intent that asked.)
CONVERSATION_AREAS = frozenset({"system", "dialogue"})


def answers_a_service(library: Library, intent_id: str) -> bool:
    """Whether the intent answers one of the council's services (or finishes one, as an answer does)."""
    intent = library.intents.get(intent_id)
    if intent is None:
        return False
    if intent_id.split(".", 1)[0] not in CONVERSATION_AREAS:
        return True
    return intent.handler == ANSWER_HANDLER


def ends_task(
    library: Library,
    council: Council,
    intent_id: str,
    messages: Iterable[Mapping[str, Any]],
    language: str,
    *,
    waiting: bool,
) -> bool:
    """Whether this reply (its intent and messages; `waiting` when the bot expects an answer) ends a
    task."""
    if waiting or not answers_a_service(library, intent_id):
        return False
    cancelled = message_text(library, council, "dialogue.cancelled", language)
    texts = [m.get("text") for m in messages if m.get("type") == "text"]
    return texts != [cancelled]


def offline_waiting(pending: object, contexts: Mapping[str, Any]) -> bool:
    """Whether the offline agent's state waits for an answer: a parameter or a handler's question."""
    return pending is not None or AWAITING in contexts
