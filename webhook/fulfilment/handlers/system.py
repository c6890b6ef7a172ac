"""Handlers for the conversation itself."""

from __future__ import annotations

from dataclasses import replace

from webhook.fulfilment.answers import library_reply
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
