"""What the bot keeps of a conversation for a hand-off, the same on the offline agent and on Dialogflow:
the transcript a resident may agree to share, and the count of misunderstandings in a row after which
a person is offered.

Both ride in the conversation's contexts, so no server keeps them: `transcript` (see transcript.py)
and `misunderstood` (lifespan 2: one understood turn later, it is gone). The offline agent applies
them to its signed state (webhook/agent/handoff_offer.py); on Dialogflow the webhook answers them as
output contexts (webhook/fulfilment/handoff_contexts.py), which is why a council whose hand-off
delivers a case has every intent call the webhook (webhook/dialogflow/compile.py): the webhook must see
each turn.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from webhook.handoff.settings import handoff_settings
from webhook.library.messages import message_text
from webhook.library.model import Council, Intent, Library

MISUNDERSTOOD = "misunderstood"
MISUNDERSTOOD_LIFESPAN = 2
OFFER_AFTER = 2


@dataclass(frozen=True)
class Misunderstandings:
    """After a turn: how many misunderstandings in a row are counted (0: none, the context ends) and
    whether a person is offered now (the count starts again after an offer)."""

    count: int
    offer: bool


def misunderstandings_after(previous: Mapping[str, Any] | None, intent: Intent | None) -> Misunderstandings:
    """Count this turn: a fallback the bot did not ask for (not an answer to its own question) is a
    misunderstanding; anything else ends the run. `previous` is the `misunderstood` context's
    parameters, if it is active."""
    if intent is None or not intent.fallback or intent.input_contexts:
        return Misunderstandings(0, offer=False)
    try:
        count = int((previous or {}).get("count", 0)) + 1
    except (TypeError, ValueError):  # a tampered or foreign context counts from the start
        count = 1
    if count >= OFFER_AFTER:
        return Misunderstandings(0, offer=True)
    return Misunderstandings(count, offer=False)


def offer_wording(library: Library, council: Council, language: str) -> tuple[str, str]:
    """The offer of a person and its quick reply (which the hand-off intent understands)."""
    return (
        message_text(library, council, "handoff.offer", language),
        message_text(library, council, "handoff.offer_reply", language),
    )


def keeps_transcript(council: Council) -> bool:
    """Whether the council's hand-off sends a case, and so whether a transcript is worth keeping."""
    return handoff_settings(council).delivers
