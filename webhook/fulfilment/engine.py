"""The engine: answer one parsed webhook call for a council, with no web framework in sight.

The HTTP view (views.py) and the offline agent both come through `Engine.answer`, so the bot behaves
the same with or without Dialogflow. The engine owns what every turn shares: the library, the handler
registry, the backends, and the threads handlers run on; the app (or the offline agent's builder)
creates one.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from webhook.backends.registry import Backends
from webhook.deadline import Deadline
from webhook.fulfilment.corrections import DIFFERENT_ADDRESS, corrected_lookup, ending_earlier_flows
from webhook.fulfilment.fulfil import Outcome, fulfil
from webhook.fulfilment.handlers.common import with_lines_status
from webhook.fulfilment.questions import continuation
from webhook.fulfilment.registry import HandlerRegistry
from webhook.fulfilment.render import webhook_response
from webhook.fulfilment.turn import Reply, Turn, WebhookCall
from webhook.library.messages import message_text
from webhook.library.model import Council, Library
from webhook.logs import log_event, redact
from webhook.safeguarding.screen import SAFEGUARDING, learned_crisis_in

log = logging.getLogger("webhook.fulfilment")

#: Handlers that may wait on a backend at once; more wait for a thread (their deadline still holds).
HANDLER_THREADS = 32


@dataclass(frozen=True)
class Answered:
    """A fulfilled call: the typed reply, the WebhookResponse JSON, and how it was reached."""

    turn: Turn
    reply: Reply
    language: str
    outcome: Outcome
    handler: str | None
    #: What the resident typed, redacted as the logs and insights keep it (made once, for both).
    redacted_query: str

    @property
    def body(self) -> dict[str, Any]:
        """The WebhookResponse for Dialogflow (proto3 JSON)."""
        title = message_text(
            self.turn.library, self.turn.council, "system.quick_replies_title", self.language
        )
        return webhook_response(
            self.reply,
            self.turn.session,
            language=self.language,
            quick_replies_title=title,
            source=self.turn.source,
        )


class Engine:
    """Answers turns for every council of one library."""

    def __init__(self, library: Library, handlers: HandlerRegistry, backends: Backends) -> None:
        self.library = library
        self.handlers = handlers
        self.backends = backends
        # Handlers run on these threads so a turn can be answered when its deadline passes even if a
        # handler is still waiting on a backend (which gives up on its own: every call takes the
        # turn's deadline). Threads start only when a handler first runs.
        self.executor = ThreadPoolExecutor(max_workers=HANDLER_THREADS, thread_name_prefix="fulfil")

    def answer(self, council: Council, call: WebhookCall, deadline: Deadline) -> Answered:
        """The reply to a call to this council, logged as one redacted JSON line. An answer to the
        bot's own question is answered by the intent that asked it (see questions.py)."""
        matched = call.intent_name
        call = continuation(self.library, council, corrected_lookup(self.library, council, call))
        call = crisis_first(self.library, council, call)
        turn = Turn(
            council,
            self.library,
            call,
            council_language(council, call.language_code),
            deadline,
            self.backends.for_council(council),
        )
        reply, outcome, handler = fulfil(turn, self.handlers, self.executor)
        if matched == DIFFERENT_ADDRESS and call.intent_name != matched:
            reply = ending_earlier_flows(call, reply)
        if outcome in (Outcome.LIBRARY, Outcome.FAILED, Outcome.TIMED_OUT):
            reply = with_lines_status(turn, reply)  # handlers say it themselves where it matters
        redacted_query = redact(call.query_text)
        log_event(
            log,
            "turn",
            {
                "council": council.slug,
                "intent": matched,
                **({"answered_as": call.intent_name} if call.intent_name != matched else {}),
                "language": turn.language,
                "handler": handler,
                "outcome": str(outcome),
                "latency_ms": round(deadline.elapsed() * 1000, 1),
                "query": redacted_query,
            },
        )
        return Answered(turn, reply, reply.language or turn.language, outcome, handler, redacted_query)


def crisis_first(library: Library, council: Council, call: WebhookCall) -> WebhookCall:
    """A call whose words disclose a risk of harm is answered as `system.safeguarding`, whatever intent
    matched: on Dialogflow, a disclosure typed in answer to "Where is the pothole?" reaches the webhook
    as the answer intent, and must still get the emergency numbers first. The screen decides, and the
    learned detector beside it catches wording the screen's patterns did not foresee."""
    if call.intent_name == SAFEGUARDING or SAFEGUARDING not in library.intents:
        return call
    if not council.offers(SAFEGUARDING):
        return call
    if not learned_crisis_in(call.query_text, call.language_code[:2].lower(), call.intent_name):
        return call
    return replace(call, intent_name=SAFEGUARDING, parameters={}, original_parameters={}, answering=None)


def council_language(council: Council, language_code: str) -> str:
    """The council language closest to Dialogflow's language code ("en-GB" -> "en")."""
    base = language_code.split("-")[0].lower()
    return base if base in council.languages else council.languages[0]
