"""Handlers about housing: a resident who is homeless or about to be must never be sent to a phone
line that is closed."""

from __future__ import annotations

from dataclasses import replace

from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn


@handler("housing.homeless", waits=False)
def homeless(turn: Turn) -> Reply:
    """The library's answer while the council's lines are open. When they are closed: its out-of-hours
    number if it publishes one, else when it opens again and the national helpline for tonight. The
    links and quick replies stay the library's."""
    reply = library_reply(turn)
    if turn.resolved.routed:
        return reply  # the district answers: the library's routing message names it
    text = common.while_closed(
        turn,
        out_of_hours_message="housing.homeless_out_of_hours",
        closed_message="housing.homeless_closed",
        phone=common.service_fact(turn, "phone"),
    )
    return replace(reply, texts=(text,)) if text else reply
