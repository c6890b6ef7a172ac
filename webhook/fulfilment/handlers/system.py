"""Handlers for the conversation itself, and for safeguarding, which any conversation may need."""

from __future__ import annotations

from dataclasses import replace

from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import OutputContext, Reply, Turn

#: How many turns the chosen language is remembered for in the `language` context.
LANGUAGE_LIFESPAN = 50


@handler("system.switch_language", waits=False)
def switch_language(turn: Turn) -> Reply:
    """Confirm the switch in the chosen language and tell the client which language to send from now on.

    Dialogflow takes the language from each request, so the chat client must switch: the reply carries
    the choice in its payload and in a `language` context.
    """
    wanted = str(turn.parameter("language") or "")
    if wanted not in turn.council.languages:
        return library_reply(turn)
    answer = library_reply(replace(turn, language=wanted))
    return replace(
        answer,
        output_contexts=(OutputContext("language", LANGUAGE_LIFESPAN, {"language": wanted}),),
        payload={"language": wanted},
        language=wanted,
    )


@handler("system.safeguarding", waits=False)
def safeguarding(turn: Turn) -> Reply:
    """The library's answer (999, Samaritans, the council's line, the abuse helplines), and when the
    council's offices are closed, its out-of-hours line or when the line opens again."""
    reply = library_reply(turn)
    note = common.while_closed(
        turn,
        out_of_hours_message="system.safeguarding_out_of_hours",
        closed_message="system.safeguarding_closed",
    )
    return replace(reply, texts=(*reply.texts, note)) if note else reply
