"""Handlers about housing: a resident who is homeless or about to be must never be sent to a phone
line that is closed."""

from __future__ import annotations

from dataclasses import replace

from webhook.backends.calendar import format_relative_date, format_time
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
    status = common.offices_status(turn)
    if status is None or status.open_now:
        return reply
    out_of_hours = turn.council_text("out_of_hours_phone")
    if out_of_hours:
        text = turn.say("housing.homeless_out_of_hours", phone=out_of_hours)
    elif status.opens_at is not None:
        text = turn.say(
            "housing.homeless_closed",
            day=format_relative_date(status.opens_at.date(), status.at.date(), turn.language),
            time=format_time(status.opens_at, turn.language),
            phone=common.service_fact(turn, "phone"),
        )
    else:
        return reply
    return replace(reply, texts=(text,))
