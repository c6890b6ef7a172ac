"""Replies built from the library alone: the intent's own responses, and the answers of last resort."""

from __future__ import annotations

from webhook.fulfilment.turn import OutputContext, Reply, Turn


def library_reply(turn: Turn) -> Reply:
    """The intent's responses for this council and language, with facts filled in and routing applied.

    The same few replies are given all day, so each is built once per library (and, being the same
    object, rendered once too: see render.py)."""
    resolved = turn.resolved
    text = turn.choose(resolved.responses.text)
    key = ("library_reply", turn.council.slug, resolved.intent.id, resolved.language, text)
    reply = turn.library.memo.get(key)
    if reply is None:
        responses = resolved.responses
        reply = turn.library.memo[key] = Reply(
            texts=(text,),
            quick_replies=responses.quick_replies,
            links=responses.links,
            cards=(responses.card,) if responses.card else (),
            output_contexts=tuple(
                OutputContext(context.name, context.lifespan) for context in resolved.intent.output_contexts
            ),
            language=resolved.language,
        )
    return reply


def contact_reply(turn: Turn, lead: str) -> Reply:
    """`lead`, then the council's phone number and web site: never leave the resident with nothing."""
    text = turn.say(
        "system.contact_us",
        phone=turn.council_text("phone") or "",
        website=turn.council_text("website") or "",
    )
    return Reply(texts=(f"{lead} {text}",), language=turn.language)


def failure_reply(turn: Turn) -> Reply:
    """When a handler fails or runs out of time: the intent's own responses (which name the service's
    page and phone number), prefixed by an apology; the council's contacts for an unknown intent."""
    apology = turn.say("system.lookup_failed")
    if turn.intent is None:
        return contact_reply(turn, apology)
    reply = library_reply(turn)
    return Reply(
        texts=(f"{apology} {reply.texts[0]}",),
        quick_replies=reply.quick_replies,
        links=reply.links,
        cards=reply.cards,
        language=reply.language,
    )


def unknown_intent_reply(turn: Turn) -> Reply:
    """Dialogflow matched an intent the library does not hold, or one this council does not offer."""
    text = turn.say(
        "system.unknown_intent",
        phone=turn.council_text("phone") or "",
        website=turn.council_text("website") or "",
    )
    return Reply(texts=(text,), language=turn.language)
