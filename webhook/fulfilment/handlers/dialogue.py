"""Handlers for moving about a conversation: answering the bot's question, stopping, starting again."""

from __future__ import annotations

from dataclasses import replace

from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers.common import RESIDENT_CONTEXT, postcode_of, remember_postcode
from webhook.fulfilment.handlers.reporting import CONTEXT as REPORT_CONTEXT
from webhook.fulfilment.questions import Question, leave_flow, open_question
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import OutputContext, Reply, Turn
from webhook.library.model import localise


@handler("dialogue.answer", waits=False)
def answer_without_question(turn: Turn) -> Reply:
    """An answer intent matched, but the question it answers has gone (the engine hands answers to an
    open question to the intent that asked): say so, and end whatever is left of the flow."""
    reply = library_reply(turn)
    return replace(reply, output_contexts=leave_flow(turn.contexts))


@handler("dialogue.cancel", waits=False)
def cancel(turn: Turn) -> Reply:
    """Stop the flow in progress and say what was stopped: "OK, I've cancelled the pothole report"."""
    question = open_question(turn.contexts)
    topic = _topic(turn, question.intent) if question else None
    if topic and REPORT_CONTEXT in turn.contexts:
        text = turn.say("dialogue.cancelled_report", topic=topic)
    elif topic:
        text = turn.say("dialogue.cancelled_topic", topic=topic)
    else:
        text = library_reply(turn).texts[0]
    return Reply(texts=(text,), output_contexts=leave_flow(turn.contexts), language=turn.language)


@handler("dialogue.never_mind", waits=False)
def never_mind(turn: Turn) -> Reply:
    """The library's acknowledgement of "never mind" with no question open. (With one open, the engine
    has already made it cancel, or the answer to the contact question: `continuation`.)"""
    return library_reply(turn)


@handler("dialogue.start_again", waits=False)
def start_again(turn: Turn) -> Reply:
    """Start afresh: every context ends but the language, so the postcode given is forgotten too."""
    ended = tuple(OutputContext(name, 0) for name in turn.contexts if name != "language")
    return replace(library_reply(turn), output_contexts=ended)


@handler("dialogue.different_address", waits=False)
def different_address(turn: Turn) -> Reply:
    """Forget the postcode the resident gave earlier. With a new one in the message, remember that;
    otherwise ask for it, for the lookup that used the old one, so the postcode typed next answers it."""
    remembered = turn.contexts.get(RESIDENT_CONTEXT)
    lookup = remembered.parameters.get("intent") if remembered else None
    forgotten = tuple(OutputContext(name, 0) for name in turn.contexts if name != "language")
    postcode = postcode_of(turn, remembered=False)
    if postcode:
        text = turn.say("dialogue.new_postcode", postcode=postcode)
        return Reply(texts=(text,), output_contexts=(*forgotten, remember_postcode(turn, postcode)))
    reply = replace(library_reply(turn), output_contexts=forgotten)
    if isinstance(lookup, str) and lookup in turn.library.intents:
        return replace(reply, output_contexts=(*forgotten, *Question(lookup, "postcode", {}).contexts()))
    return reply


def _topic(turn: Turn, intent_id: str) -> str | None:
    """The asking intent's topic in the turn's language ("potholes and road repairs")."""
    intent = turn.library.intents.get(intent_id)
    if intent is None:
        return None
    text = intent.languages.get(turn.language) or intent.languages.get("en")
    return localise(text.topic, turn.language) if text and text.topic else None
