"""Council tax handlers: moving home."""

from __future__ import annotations

from webhook.backends.calendar import format_date
from webhook.backends.postcodes import normalise_postcode
from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    answer,
    check_area,
    date_parameter,
    postcode_of,
    remember_postcode,
    with_context,
    words,
)
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn

# Welsh here is machine-drafted: it needs review by a Welsh speaker.
WORDS = {
    "en": {
        "both": "Thanks. Your moving date is {date} and your new postcode is {postcode}.",
        "date": "Thanks. Your moving date is {date}.",
        "postcode": "Thanks. Your new postcode is {postcode}.",
        "form": "Tell us on our moving home form and we'll update your council tax from that date.",
        "form_missing": "Tell us on our moving home form, with your {missing}.",
        "missing_date": "moving date",
        "missing_address": "new address",
        "elsewhere": (
            "{postcode} is in {other}'s area, so you'll pay council tax to them from the day you move: tell "
            "them you're moving in. Tell us too, on our moving home form, so we can close your account."
        ),
        "check_postcode": "{postcode} doesn't look like a full UK postcode, so please check it on the form.",
    },
    "cy": {
        "both": "Diolch. Dyddiad symud: {date}. Cod post newydd: {postcode}.",
        "date": "Diolch. Dyddiad symud: {date}.",
        "postcode": "Diolch. Cod post newydd: {postcode}.",
        "form": (
            "Rhowch wybod i ni ar ein ffurflen symud tŷ a byddwn ni'n diweddaru eich treth gyngor o'r "
            "dyddiad hwnnw."
        ),
        "form_missing": "Rhowch wybod i ni ar ein ffurflen symud tŷ, gyda'ch {missing}.",
        "missing_date": "dyddiad symud",
        "missing_address": "cyfeiriad newydd",
        "elsewhere": (
            "Mae {postcode} yn ardal {other}, felly byddwch chi'n talu treth gyngor iddyn nhw o'r diwrnod y "
            "byddwch chi'n symud: rhowch wybod iddyn nhw eich bod yn symud i mewn. Rhowch wybod i ni hefyd, "
            "ar ein ffurflen symud tŷ, er mwyn i ni gau eich cyfrif."
        ),
        "check_postcode": (
            "Nid yw {postcode} yn edrych fel cod post llawn yn y DU, felly gwiriwch ef ar y ffurflen."
        ),
    },
}


@registry.register("council_tax.moving_home")
def moving_home(turn: Turn) -> Reply:
    """The council's moving-home form, with the moving date and new postcode the resident gave echoed
    back; a move into another council's area is told to tell that council too."""
    if turn.resolved.routed:
        return library_reply(turn)
    said = words(WORDS, turn)
    day = date_parameter(turn.parameter("date"))
    typed = postcode_of(turn)
    if day is None and typed is None:
        return library_reply(turn)
    postcode = normalise_postcode(typed) if typed else None
    date_text = format_date(day, turn.language, year=True) if day else None
    if date_text and typed:
        texts = [said["both"].format(date=date_text, postcode=postcode or typed)]
    elif date_text:
        texts = [said["date"].format(date=date_text)]
    else:
        texts = [said["postcode"].format(postcode=postcode or typed)]
    if typed and postcode is None:
        texts.append(said["check_postcode"].format(postcode=typed))
    check = check_area(turn, postcode, common.backends(turn).postcodes) if postcode else None
    if check is not None and check.outside and check.elsewhere is not None:
        texts.append(said["elsewhere"].format(postcode=postcode, other=check.elsewhere.name))
    elif day and postcode:
        texts.append(said["form"])
    else:
        missing = said["missing_address" if day else "missing_date"]
        texts.append(said["form_missing"].format(missing=missing))
    reply = answer(turn, *texts)
    return with_context(reply, remember_postcode(postcode)) if postcode else reply
