"""Answer one turn: run the intent's handler within the deadline, or answer from the library.

Whatever happens (an unknown intent, a handler that raises, a backend that hangs) the result is a Reply
the resident can act on.
"""

from __future__ import annotations

import logging
from concurrent.futures import Executor
from concurrent.futures import TimeoutError as FutureTimeout
from enum import StrEnum

from webhook.fulfilment.answers import failure_reply, library_reply, unknown_intent_reply
from webhook.fulfilment.registry import HandlerRegistry, UnknownHandler, waits
from webhook.fulfilment.turn import Reply, Turn

log = logging.getLogger(__name__)

#: Seconds kept back from the deadline, after waiting on the handler, to render and send the reply (not
#: deadline.REPLY_RESERVE, which each outside call leaves for the handler to build its reply).
RENDER_RESERVE = 0.1


class Outcome(StrEnum):
    """How a turn was answered, for the turn's log line."""

    HANDLED = "handled"
    LIBRARY = "library"
    PROMPTED = "prompted"
    UNKNOWN_INTENT = "unknown_intent"
    FAILED = "failed"
    TIMED_OUT = "timed_out"


def fulfil(turn: Turn, registry: HandlerRegistry, executor: Executor) -> tuple[Reply, Outcome, str | None]:
    """The reply to a turn, how it was reached, and the handler that ran (if any). Handlers that may wait
    on an outside system run on `executor`, so the turn is answered at its deadline even while one still
    waits; the others run here."""
    intent = turn.intent
    if intent is None or not turn.council.offers(intent.id) or turn.language not in intent.languages:
        return unknown_intent_reply(turn), Outcome.UNKNOWN_INTENT, None
    if not intent.webhook or not intent.handler:
        return library_reply(turn), Outcome.LIBRARY, None
    prompt = _missing_parameter_prompt(turn)
    if prompt is not None:
        return prompt, Outcome.PROMPTED, None
    try:
        handler = registry.get(intent.handler)
    except UnknownHandler:
        # The library names a handler this deployment lacks: the static answer still helps.
        return library_reply(turn), Outcome.LIBRARY, None
    try:
        if not waits(handler):
            return handler(turn), Outcome.HANDLED, intent.handler
        future = executor.submit(handler, turn)
        reply = future.result(timeout=max(0.0, turn.deadline.remaining() - RENDER_RESERVE))
    except FutureTimeout:
        log.warning("handler %s missed the turn's deadline", intent.handler)
        return failure_reply(turn), Outcome.TIMED_OUT, intent.handler
    except Exception:
        log.exception("handler %s failed", intent.handler)
        return failure_reply(turn), Outcome.FAILED, intent.handler
    return reply, Outcome.HANDLED, intent.handler


def _missing_parameter_prompt(turn: Turn) -> Reply | None:
    """During slot filling, ask for the first required parameter the resident has not given yet."""
    intent = turn.intent
    if intent is None or turn.all_required_params_present:
        return None
    for parameter in intent.parameters:
        if parameter.required and turn.parameter(parameter.name) is None:
            prompts = turn.resolved.prompts.get(parameter.name)
            if prompts and prompts.value:
                return Reply(texts=(turn.choose(prompts.value),), language=turn.language)
    return None
