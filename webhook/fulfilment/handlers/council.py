"""Handlers about the council itself."""

from __future__ import annotations

from dataclasses import replace

from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn

CONTACT_LINES = {
    "email": {"en": "Email: {value}", "cy": "E-bost: {value}"},
    "address": {"en": "Address: {value}", "cy": "Cyfeiriad: {value}"},
}


@registry.register("council.contact")
def council_contact(turn: Turn) -> Reply:
    """The library's answer plus every contact fact the council publishes (e-mail, address)."""
    reply = library_reply(turn)
    extra = []
    for key, template in CONTACT_LINES.items():
        value = turn.council_text(key)
        if value:
            extra.append(template.get(turn.language, template["en"]).format(value=value))
    return replace(reply, texts=reply.texts + tuple(extra)) if extra else reply
