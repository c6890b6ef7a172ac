"""What the offline agent does for hand-offs after each turn: keep the transcript in the conversation's
signed state, and offer a person after the bot has not understood two messages in a row.

The agent's side of the hand-off (webhook/handoff/ keeps the case, the outbox and the channels), so that
webhook/agent/dialogue.py calls one function. (On a council's Dialogflow agent the
same offer needs a follow-up on its fallback intent; the webhook does not see fallback turns there.)
"""

from __future__ import annotations

from typing import Any

from webhook.agent.session import ActiveContext, ConversationState
from webhook.handoff.settings import handoff_settings
from webhook.handoff.transcript import CONTEXT, LIFESPAN, with_exchange
from webhook.library.messages import message_text
from webhook.library.model import Council, Intent, Library

#: Counts the bot's misunderstandings in a row (lifespan 2: one understood turn later, it is gone).
MISUNDERSTOOD = "misunderstood"
OFFER_AFTER = 2


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
    if intent.fallback and not intent.input_contexts:
        count = int(
            state.contexts.get(MISUNDERSTOOD, ActiveContext(0, {"count": 0})).parameters.get("count", 0)
        )
        count += 1
        if count >= OFFER_AFTER:
            state.contexts.pop(MISUNDERSTOOD, None)
            offer = message_text(library, council, "handoff.offer", state.language)
            reply = message_text(library, council, "handoff.offer_reply", state.language)
            messages = [
                *messages,
                {"type": "text", "text": offer},
                {"type": "quick_replies", "replies": [reply]},
            ]
        else:
            state.contexts[MISUNDERSTOOD] = ActiveContext(2, {"count": count})
    else:
        state.contexts.pop(MISUNDERSTOOD, None)
    if handoff_settings(council).delivers:
        bot_texts = [str(message["text"]) for message in messages if message.get("type") == "text"]
        previous = state.contexts.get(CONTEXT)
        parameters = with_exchange(previous.parameters if previous else None, text, bot_texts)
        state.contexts[CONTEXT] = ActiveContext(LIFESPAN, parameters)
    return messages
