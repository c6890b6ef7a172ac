"""Handlers about the council itself: which council covers a postcode, who the councillors are, and
how to contact the council (with whether it is open now)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from webhook.backends.base import BackendError
from webhook.backends.calendar import (
    MONTH_NAMES,
    OpeningStatus,
    format_relative_date,
    format_time,
)
from webhook.backends.councillors import Councillor, describe
from webhook.backends.postcodes import InvalidPostcode, PostcodeArea, UnknownPostcode, council_for
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    FIND_COUNCIL_URL,
    AreaCheck,
    answer,
    ask_again,
    asking_for_postcode,
    council_name,
    elsewhere_reply,
    other_council,
    postcode_of,
    registered_council,
    remember_postcode,
    with_context,
)
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import Link, localise

#: The contact facts added to the library's answer, each with its message.
CONTACT_MESSAGES = {"email": "council.contact_email", "address": "council.contact_address"}


# ---------------------------------------------------------------------------------------------------
# council.find_my_council


@handler("council.find_my_council")
def find_my_council(turn: Turn) -> Reply:
    """Which council covers the resident's postcode: this one (and what it does), or which other
    council to contact, with its site or GOV.UK's finder. Invalid and unknown postcodes differ."""
    client = turn.backends.postcodes
    postcode = postcode_of(turn)
    if client is None or postcode is None:
        return library_reply(turn)
    try:
        area = client.lookup(postcode, turn.deadline)
    except InvalidPostcode:
        return ask_again(turn, turn.say("common.check_postcode", postcode=postcode))
    except UnknownPostcode as error:
        return _unknown_postcode(turn, postcode, error)
    except BackendError:
        return failure_reply(turn)
    if common.is_in_area(area, turn.council):
        text = _ours(turn, area)
        return with_context(answer(turn, text, links=()), remember_postcode(turn, area.postcode))
    return with_context(_theirs(turn, area), remember_postcode(turn, area.postcode))


def _ours(turn: Turn, area: PostcodeArea) -> str:
    council = turn.council
    name = council_name(council, turn.language)
    if council.tier == "unitary" or (council.tier == "district" and area.county is None):
        return turn.say("council.ours_unitary", postcode=area.postcode, council=name)
    if council.tier == "district":
        county = _council_label(turn, area, "county")
        return turn.say("council.ours_district", postcode=area.postcode, council=name, county=county)
    district = _council_label(turn, area, "district")
    return turn.say("council.ours_county", postcode=area.postcode, district=district)


def _theirs(turn: Turn, area: PostcodeArea) -> Reply:
    district = _council_label(turn, area, "district")
    if area.county is not None:
        county = _council_label(turn, area, "county")
        text = turn.say("council.theirs_two_tier", postcode=area.postcode, district=district, county=county)
    else:
        text = turn.say("council.theirs", postcode=area.postcode, district=district)
    links = []
    for tier in ("district", "county") if area.county else ("district",):
        other = other_council(turn, area, tier)
        page = other.website or (other.finder if other.finder != FIND_COUNCIL_URL else None)
        if page:  # its own site, or GOV.UK's page for it when only the register knows it
            links.append(Link(turn.say("common.other_website", name=other.name), page))
    links.append(Link(turn.say("common.find_council"), FIND_COUNCIL_URL))
    return answer(turn, text, links=tuple(links))


def _council_label(turn: Turn, area: PostcodeArea, tier: str) -> str:
    """A council by its name (on this platform, or in the register of UK councils); one the register
    does not know as "the council for <area>"."""
    on_platform = council_for(area, turn.library.councils.values(), tier)
    if on_platform is not None:
        return council_name(on_platform, turn.language)
    if (registered := registered_council(turn, area, tier)) is not None:
        return registered.name
    if tier == "county" and area.county is not None:
        return turn.say("council.area_county", name=area.county.name)
    return turn.say("council.area_council", name=area.district.name)


def _unknown_postcode(turn: Turn, postcode: str, error: UnknownPostcode) -> Reply:
    if error.terminated is not None:
        month = MONTH_NAMES.get(turn.language, MONTH_NAMES["en"])[error.terminated.month - 1]
        text = turn.say("council.terminated", postcode=postcode, month=month, year=error.terminated.year)
    else:
        text = turn.say("council.unknown", postcode=postcode)
    return answer(turn, text, links=(Link(turn.say("common.find_council"), FIND_COUNCIL_URL),))


# ---------------------------------------------------------------------------------------------------
# council.councillor


@handler("council.councillor")
def councillor(turn: Turn) -> Reply:
    """The resident's ward (from their postcode) and its councillors from the council's published
    list, with how to contact each; without a postcode, the library's answer and a request for one."""
    found = turn.backends
    postcode = postcode_of(turn)
    if found.councillors is None or found.postcodes is None:
        return library_reply(turn)
    if postcode is None:
        reply = library_reply(turn)
        return asking_for_postcode(
            turn, replace(reply, texts=(*reply.texts, turn.say("council.ask_postcode")))
        )
    try:
        area = found.postcodes.lookup(postcode, turn.deadline)
    except InvalidPostcode:
        return ask_again(turn, turn.say("common.check_postcode", postcode=postcode))
    except UnknownPostcode:
        return ask_again(turn, turn.say("common.no_postcode", postcode=postcode))
    except BackendError:
        return failure_reply(turn)
    remember = remember_postcode(turn, area.postcode)
    if not common.is_in_area(area, turn.council):
        check = AreaCheck(postcode, area, other_council(turn, area, "any"))
        return with_context(elsewhere_reply(turn, check), remember)
    listing = found.councillors.current()  # a broken list raises BackendError: fulfil() falls back
    ward = listing.ward(area.ward.gss_code) if area.ward else None
    if ward is None or not ward.councillors:
        ward_name = area.ward.name if area.ward else area.postcode
        reply = library_reply(turn)
        unknown = turn.say("council.ward_unknown", ward=ward_name)
        return with_context(replace(reply, texts=(unknown, *reply.texts)), remember)
    ward_name = localise(ward.name, turn.language) or ward.code
    lead = turn.say("council.ward_one" if len(ward.councillors) == 1 else "council.ward", ward=ward_name)
    texts = [lead, *(_describe_councillor(turn, person) for person in ward.councillors)]
    links = [
        Link(turn.say("council.councillor_page", name=person.name), url)
        for person in ward.councillors
        if (url := localise(person.url, turn.language))
    ]
    source = localise(listing.source, turn.language)
    if source:
        links.append(Link(turn.say("council.all_councillors"), source))
    return with_context(answer(turn, *texts, links=tuple(links)), remember)


def _describe_councillor(turn: Turn, person: Councillor) -> str:
    ways = []
    if person.email:
        ways.append(turn.say("council.councillor_email", email=person.email))
    if person.phone:
        ways.append(turn.say("council.councillor_phone", phone=person.phone))
    text = describe(person, turn.language)
    if ways:
        text += ": " + ", ".join(ways)
    text += "."
    surgery = localise(person.surgery, turn.language)
    if surgery:
        text += " " + turn.say("council.councillor_surgery", surgery=surgery.rstrip(".")) + "."
    return text


# ---------------------------------------------------------------------------------------------------
# council.contact


@handler("council.contact", waits=False)
def council_contact(turn: Turn) -> Reply:
    """The library's answer plus every contact fact the council publishes (e-mail, address), and
    whether its offices are open now, by its opening hours and its nation's bank holidays.

    Asked all day, and the same for every resident within a minute (times are told to the minute), so
    the answer is kept for the minute it was worked out in: one per council, language and wording."""
    reply = library_reply(turn)
    minute = common.now().replace(second=0, microsecond=0)
    key = ("council.contact", turn.council.slug, turn.language, reply.texts)
    kept = turn.library.memo.get(key)
    if kept is not None and kept[0] == minute:
        return kept[1]
    answered = _contact_reply(turn, reply, minute)
    turn.library.memo[key] = (minute, answered)
    return answered


def _contact_reply(turn: Turn, reply: Reply, now: dt.datetime) -> Reply:
    extra = []
    for key, message_id in CONTACT_MESSAGES.items():
        value = turn.council_text(key)
        if value:
            extra.append(turn.say(message_id, value=value))
    status = common.offices_status(turn, now)
    if status is not None:
        extra.append(describe_status(turn, status))
    extra = [line for line in extra if line]
    return replace(reply, texts=reply.texts + tuple(extra)) if extra else reply


def describe_status(turn: Turn, status: OpeningStatus) -> str:
    """ "We're open now, until 5pm." or "We're closed now. We open again tomorrow at 9am." """
    language = turn.language
    if status.open_now and status.closes_at is not None:
        return turn.say("council.open_now", time=format_time(status.closes_at, language))
    if status.opens_at is None:
        return ""
    day = format_relative_date(status.opens_at.date(), status.at.date(), language)
    time_ = format_time(status.opens_at, language)
    if status.holiday is not None:
        return turn.say("council.closed_holiday", holiday=status.holiday.name(language), day=day, time=time_)
    return turn.say("council.closed_now", day=day, time=time_)
