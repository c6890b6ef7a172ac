"""The hand-off's two contexts on a council's Dialogflow agent, set by the webhook on every turn: the
transcript a resident may agree to share, and the misunderstandings after which a person is offered.

The rules are the hand-off's (webhook/handoff/conversation.py), the same the offline agent applies to its
signed state; Dialogflow sends the contexts back with the next call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from webhook.fulfilment.handlers.handoff import offer_contexts
from webhook.fulfilment.turn import OutputContext, Reply
from webhook.handoff.conversation import (
    MISUNDERSTOOD,
    MISUNDERSTOOD_LIFESPAN,
    keeps_transcript,
    misunderstandings_after,
    offer_wording,
)
from webhook.handoff.transcript import CONTEXT as TRANSCRIPT
from webhook.handoff.transcript import LIFESPAN as TRANSCRIPT_LIFESPAN
from webhook.handoff.transcript import with_exchange
from webhook.library.model import Council, Library


def carry_conversation(
    library: Library,
    council: Council,
    answered_intent: str,
    query_text: str,
    reply: Reply,
    language: str,
    contexts: Mapping[str, Mapping[str, Any]],
) -> Reply:
    """The webhook's reply with the offer of a person after a second misunderstanding in a row, and
    the contexts that carry the count and the transcript to the next turn. `contexts` are the call's
    active contexts' parameters by short name; `answered_intent` is the intent the turn was answered
    as (a crisis disclosure answered as safeguarding is not a misunderstanding)."""
    counted = misunderstandings_after(contexts.get(MISUNDERSTOOD), library.intents.get(answered_intent))
    texts, quick_replies = reply.texts, reply.quick_replies
    added: list[OutputContext] = []
    if counted.offer:
        offer, offer_reply = offer_wording(library, council, language)
        texts, quick_replies = (*texts, offer), (*quick_replies, offer_reply)
        added.extend(offer_contexts(offer_reply))
    if counted.count:
        added.append(OutputContext(MISUNDERSTOOD, MISUNDERSTOOD_LIFESPAN, {"count": counted.count}))
    elif MISUNDERSTOOD in contexts:
        added.append(OutputContext(MISUNDERSTOOD, 0))
    if keeps_transcript(council):
        parameters = with_exchange(contexts.get(TRANSCRIPT), query_text, texts)
        added.append(OutputContext(TRANSCRIPT, TRANSCRIPT_LIFESPAN, parameters))
    if not added and not counted.offer:
        return reply
    return replace(
        reply,
        texts=texts,
        quick_replies=quick_replies,
        output_contexts=(*reply.output_contexts, *added),
    )
