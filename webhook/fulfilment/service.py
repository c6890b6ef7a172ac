"""Answer one parsed webhook call: build the turn, fulfil it, render and log it.

The HTTP view and the offline agent both come through here, so the bot behaves the same with or
without Dialogflow.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from webhook.deadline import Deadline
from webhook.fulfilment import handlers  # noqa: F401 - every caller of answer_call gets the handlers
from webhook.fulfilment.fulfil import Outcome, fulfil
from webhook.fulfilment.registry import registry
from webhook.fulfilment.render import webhook_response
from webhook.fulfilment.turn import Reply, Turn, WebhookCall
from webhook.library.model import Council, Library
from webhook.logs import log_event, redact

log = logging.getLogger("webhook.fulfilment")


@dataclass(frozen=True)
class Answered:
    """A fulfilled call: the WebhookResponse JSON and how it was reached."""

    body: dict[str, Any]
    turn: Turn
    reply: Reply
    outcome: Outcome
    handler: str | None


def answer_call(library: Library, council: Council, call: WebhookCall, deadline: Deadline) -> Answered:
    """The WebhookResponse for a call to this council, logged as one redacted JSON line."""
    turn = Turn(council, library, call, council_language(council, call.language_code), deadline)
    reply, outcome, handler = fulfil(turn, registry)
    language = reply.language or turn.language
    body = webhook_response(reply, call.session, language=language, source=call.source)
    log_event(
        log,
        "turn",
        {
            "council": council.slug,
            "intent": call.intent_name,
            "language": turn.language,
            "handler": handler,
            "outcome": str(outcome),
            "latency_ms": round(deadline.elapsed() * 1000, 1),
            "query": redact(call.query_text),
        },
    )
    return Answered(body=body, turn=turn, reply=reply, outcome=outcome, handler=handler)


def council_language(council: Council, language_code: str) -> str:
    """The council language closest to Dialogflow's language code ("en-GB" -> "en")."""
    base = language_code.split("-")[0].lower()
    return base if base in council.languages else council.languages[0]
