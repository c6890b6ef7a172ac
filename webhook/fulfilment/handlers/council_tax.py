"""Council tax handlers: moving home."""

from __future__ import annotations

from webhook.backends.calendar import format_date
from webhook.backends.postcodes import normalise_postcode
from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers.common import (
    answer,
    check_area,
    date_parameter,
    postcode_of,
    remember_postcode,
    with_context,
)
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn


@handler("council_tax.moving_home")
def moving_home(turn: Turn) -> Reply:
    """The council's moving-home form, with the moving date and new postcode the resident gave echoed
    back; a move into another council's area is told to tell that council too."""
    if turn.resolved.routed:
        return library_reply(turn)
    day = date_parameter(turn.parameter("date"))
    typed = postcode_of(turn)
    if day is None and typed is None:
        return library_reply(turn)
    postcode = normalise_postcode(typed) if typed else None
    date_text = format_date(day, turn.language, year=True) if day else None
    if date_text and typed:
        texts = [turn.say("council_tax.thanks_both", date=date_text, postcode=postcode or typed)]
    elif date_text:
        texts = [turn.say("council_tax.thanks_date", date=date_text)]
    else:
        texts = [turn.say("council_tax.thanks_postcode", postcode=postcode or typed)]
    if typed and postcode is None:
        texts.append(turn.say("council_tax.check_postcode", postcode=typed))
    check = check_area(turn, postcode, turn.backends.postcodes) if postcode else None
    if check is not None and check.outside and check.elsewhere is not None:
        texts.append(turn.say("council_tax.elsewhere", postcode=postcode, other=check.elsewhere.name))
    elif day and postcode:
        texts.append(turn.say("council_tax.form"))
    else:
        missing = turn.say("council_tax.missing_address" if day else "council_tax.missing_date")
        texts.append(turn.say("council_tax.form_missing", missing=missing))
    reply = answer(turn, *texts)
    return with_context(reply, remember_postcode(turn, postcode)) if postcode else reply
