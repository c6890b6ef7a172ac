"""What the offline agent does for hand-offs after each turn: keep the transcript in the conversation's
signed state, and offer a person after the bot has not understood two messages in a row.

The rules are the hand-off's (webhook/handoff/conversation.py, which applies the same ones to a
council's Dialogflow agent through the webhook); this module applies them to the offline agent's
state, so that webhook/agent/dialogue.py calls one function.
"""

from __future__ import annotations

from typing import Any

from webhook.agent.session import ActiveContext, ConversationState
from webhook.fulfilment.handlers.handoff import offer_contexts
from webhook.handoff.conversation import (
    MISUNDERSTOOD,
    MISUNDERSTOOD_LIFESPAN,
    keeps_transcript,
    misunderstandings_after,
    offer_wording,
)
from webhook.handoff.transcript import CONTEXT, LIFESPAN, with_exchange
from webhook.library.model import Council, Intent, Library


def after_turn(
    library: Library,
    council: Council,
    state: ConversationState,
    intent: Intent,
    text: str,
    messages: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """The turn's messages, with the offer of a person added after a second misunderstanding in a row;
    `state` keeps the transcript (for councils whose hand-off sends one) and the count."""
    previous = state.contexts.get(MISUNDERSTOOD)
    counted = misunderstandings_after(previous.parameters if previous else None, intent)
    if counted.count:
        state.contexts[MISUNDERSTOOD] = ActiveContext(MISUNDERSTOOD_LIFESPAN, {"count": counted.count})
    else:
        state.contexts.pop(MISUNDERSTOOD, None)
    if counted.offer:
        offer, offer_reply = offer_wording(library, council, state.language)
        for context in offer_contexts(offer_reply):  # a typed "yes please" answers it too
            state.contexts[context.name] = ActiveContext(context.lifespan, dict(context.parameters))
        messages = [
            *messages,
            {"type": "text", "text": offer},
            {"type": "quick_replies", "replies": [offer_reply]},
        ]
    if keeps_transcript(council):
        bot_texts = [str(message["text"]) for message in messages if message.get("type") == "text"]
        kept = state.contexts.get(CONTEXT)
        parameters = with_exchange(kept.parameters if kept else None, text, bot_texts)
        state.contexts[CONTEXT] = ActiveContext(LIFESPAN, parameters)
    return messages
