"""Handlers about the council itself: which council covers a postcode, who the councillors are, and
how to contact the council (with whether it is open now)."""

from __future__ import annotations

from dataclasses import replace

from webhook.backends.base import BackendError
from webhook.backends.calendar import OpeningStatus, bank_holidays, format_relative_date, format_time
from webhook.backends.calendar import opening_status as status_at
from webhook.backends.councillors import Councillor, describe
from webhook.backends.postcodes import InvalidPostcode, PostcodeArea, UnknownPostcode, council_for
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    FIND_COUNCIL_URL,
    AreaCheck,
    answer,
    ask_again,
    council_name,
    council_website,
    elsewhere_reply,
    other_council,
    postcode_of,
    remember_postcode,
    with_context,
    words,
)
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import Link, localise

CONTACT_LINES = {
    "email": {"en": "Email: {value}", "cy": "E-bost: {value}"},
    "address": {"en": "Address: {value}", "cy": "Cyfeiriad: {value}"},
}

# Welsh here is machine-drafted: it needs review by a Welsh speaker.
WORDS = {
    "en": {
        "ours_unitary": "{postcode} is in our area. {council} provides all your council services.",
        "ours_district": (
            "{postcode} is in our area. {council} looks after bins, council tax, housing and planning. "
            "{county} looks after roads, schools, libraries and social care."
        ),
        "ours_county": (
            "{postcode} is in our area for roads, schools, libraries and social care. "
            "For bins, council tax, housing and planning, contact {district}."
        ),
        "theirs": "{postcode} is not in our area. Your council is {district}.",
        "theirs_two_tier": (
            "{postcode} is not in our area. Your district council is {district} and your county "
            "council is {county}."
        ),
        "area_council": "the council for {name}",
        "area_county": "the county council for {name}",
        "unknown": (
            "I couldn't find the postcode {postcode}. It may be mistyped, or too new to be listed. "
            "You can also search for your council on GOV.UK."
        ),
        "terminated": (
            "The postcode {postcode} is no longer in use (since {month} {year}). Please give the postcode "
            "you use now, or search for your council on GOV.UK."
        ),
        "find_council": "Find your local council on GOV.UK",
        "website": "{name} website",
        "ward": "You live in {ward} ward. Your councillors are:",
        "ward_one": "You live in {ward} ward. Your councillor is:",
        "ward_unknown": "I couldn't find the councillors for {ward} ward in our list.",
        "ask_postcode": 'Tell me your postcode, for example "councillor for AA1 1AA", and I\'ll find them.',
        "councillor_email": "email {email}",
        "councillor_phone": "phone {phone}",
        "councillor_surgery": "Surgeries: {surgery}",
        "councillor_page": "{name}'s page",
        "all_councillors": "All our councillors",
        "open": "We're open now, until {time}.",
        "closed": "We're closed now. We open again {day} at {time}.",
        "closed_holiday": "We're closed today ({holiday}). We open again {day} at {time}.",
    },
    "cy": {
        "ours_unitary": (
            "Mae {postcode} yn ein hardal ni. {council} sy'n darparu eich holl wasanaethau cyngor."
        ),
        "ours_district": (
            "Mae {postcode} yn ein hardal ni. {council} sy'n gyfrifol am finiau, treth gyngor, tai a "
            "chynllunio. {county} sy'n gyfrifol am ffyrdd, ysgolion, llyfrgelloedd a gofal cymdeithasol."
        ),
        "ours_county": (
            "Mae {postcode} yn ein hardal ni ar gyfer ffyrdd, ysgolion, llyfrgelloedd a gofal cymdeithasol. "
            "Am finiau, treth gyngor, tai a chynllunio, cysylltwch â {district}."
        ),
        "theirs": "Nid yw {postcode} yn ein hardal ni. Eich cyngor chi yw {district}.",
        "theirs_two_tier": (
            "Nid yw {postcode} yn ein hardal ni. Eich cyngor dosbarth yw {district} a'ch cyngor sir yw "
            "{county}."
        ),
        "area_council": "y cyngor ar gyfer {name}",
        "area_county": "y cyngor sir ar gyfer {name}",
        "unknown": (
            "Allwn i ddim dod o hyd i'r cod post {postcode}. Efallai ei fod wedi'i gamdeipio, neu'n rhy "
            "newydd. Gallwch hefyd chwilio am eich cyngor ar GOV.UK."
        ),
        "terminated": (
            "Nid yw'r cod post {postcode} yn cael ei ddefnyddio mwyach (ers {month} {year}). Rhowch y cod "
            "post rydych chi'n ei ddefnyddio nawr, neu chwiliwch am eich cyngor ar GOV.UK."
        ),
        "find_council": "Dod o hyd i'ch cyngor lleol ar GOV.UK (Saesneg)",
        "website": "Gwefan {name}",
        "ward": "Rydych chi'n byw yn ward {ward}. Eich cynghorwyr yw:",
        "ward_one": "Rydych chi'n byw yn ward {ward}. Eich cynghorydd yw:",
        "ward_unknown": "Allwn i ddim dod o hyd i gynghorwyr ward {ward} yn ein rhestr.",
        "ask_postcode": (
            'Dywedwch eich cod post wrtha i, er enghraifft "cynghorydd ar gyfer AA1 1AA", ac fe wna i '
            "ddod o hyd iddyn nhw."
        ),
        "councillor_email": "e-bost {email}",
        "councillor_phone": "ffôn {phone}",
        "councillor_surgery": "Cymorthfeydd: {surgery}",
        "councillor_page": "Tudalen {name}",
        "all_councillors": "Ein holl gynghorwyr",
        "open": "Rydyn ni ar agor nawr, tan {time}.",
        "closed": "Rydyn ni ar gau nawr. Rydyn ni'n agor eto {day} am {time}.",
        "closed_holiday": "Rydyn ni ar gau heddiw ({holiday}). Rydyn ni'n agor eto {day} am {time}.",
    },
}

MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "cy": "Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr".split(),
}


# ---------------------------------------------------------------------------------------------------
# council.find_my_council


@registry.register("council.find_my_council")
def find_my_council(turn: Turn) -> Reply:
    """Which council covers the resident's postcode: this one (and what it does), or which other
    council to contact, with its site or GOV.UK's finder. Invalid and unknown postcodes differ."""
    client = common.backends(turn).postcodes
    postcode = postcode_of(turn)
    if client is None or postcode is None:
        return library_reply(turn)
    try:
        area = client.lookup(postcode, turn.deadline)
    except InvalidPostcode:
        return ask_again(turn, words(common.WORDS, turn)["check_postcode"].format(postcode=postcode))
    except UnknownPostcode as error:
        return _unknown_postcode(turn, postcode, error)
    except BackendError:
        return failure_reply(turn)
    if common.is_in_area(area, turn.council):
        text = _ours(turn, area)
        return with_context(answer(turn, text, links=()), remember_postcode(area.postcode))
    return with_context(_theirs(turn, area), remember_postcode(area.postcode))


def _ours(turn: Turn, area: PostcodeArea) -> str:
    said = words(WORDS, turn)
    council = turn.council
    name = council_name(council, turn.language)
    if council.tier == "unitary" or (council.tier == "district" and area.county is None):
        return said["ours_unitary"].format(postcode=area.postcode, council=name)
    if council.tier == "district":
        county = _council_label(turn, area, "county")
        return said["ours_district"].format(postcode=area.postcode, council=name, county=county)
    district = _council_label(turn, area, "district")
    return said["ours_county"].format(postcode=area.postcode, district=district)


def _theirs(turn: Turn, area: PostcodeArea) -> Reply:
    said = words(WORDS, turn)
    district = _council_label(turn, area, "district")
    if area.county is not None:
        county = _council_label(turn, area, "county")
        text = said["theirs_two_tier"].format(postcode=area.postcode, district=district, county=county)
    else:
        text = said["theirs"].format(postcode=area.postcode, district=district)
    links = []
    for tier in ("district", "county") if area.county else ("district",):
        other = council_for(area, turn.library.councils.values(), tier)
        website = council_website(other, turn.language) if other else None
        if other is not None and website:
            links.append(Link(said["website"].format(name=council_name(other, turn.language)), website))
    links.append(Link(said["find_council"], FIND_COUNCIL_URL))
    return answer(turn, text, links=tuple(links))


def _council_label(turn: Turn, area: PostcodeArea, tier: str) -> str:
    """A council on this platform by its name; any other as "the council for <area>"."""
    said = words(WORDS, turn)
    on_platform = council_for(area, turn.library.councils.values(), tier)
    if on_platform is not None:
        return council_name(on_platform, turn.language)
    if tier == "county" and area.county is not None:
        return said["area_county"].format(name=area.county.name)
    return said["area_council"].format(name=area.district.name)


def _unknown_postcode(turn: Turn, postcode: str, error: UnknownPostcode) -> Reply:
    said = words(WORDS, turn)
    if error.terminated is not None:
        month = MONTHS.get(turn.language, MONTHS["en"])[error.terminated.month - 1]
        text = said["terminated"].format(postcode=postcode, month=month, year=error.terminated.year)
    else:
        text = said["unknown"].format(postcode=postcode)
    return answer(turn, text, links=(Link(said["find_council"], FIND_COUNCIL_URL),))


# ---------------------------------------------------------------------------------------------------
# council.councillor


@registry.register("council.councillor")
def councillor(turn: Turn) -> Reply:
    """The resident's ward (from their postcode) and its councillors from the council's published
    list, with how to contact each; without a postcode, the library's answer and a request for one."""
    found = common.backends(turn)
    postcode = postcode_of(turn)
    if found.councillors is None or found.postcodes is None:
        return library_reply(turn)
    said = words(WORDS, turn)
    if postcode is None:
        reply = library_reply(turn)
        return replace(reply, texts=(*reply.texts, said["ask_postcode"]))
    try:
        area = found.postcodes.lookup(postcode, turn.deadline)
    except InvalidPostcode:
        return ask_again(turn, words(common.WORDS, turn)["check_postcode"].format(postcode=postcode))
    except UnknownPostcode:
        return ask_again(turn, words(common.WORDS, turn)["no_postcode"].format(postcode=postcode))
    except BackendError:
        return failure_reply(turn)
    remember = remember_postcode(area.postcode)
    if not common.is_in_area(area, turn.council):
        check = AreaCheck(postcode, area, other_council(turn, area, "any"))
        return with_context(elsewhere_reply(turn, check), remember)
    listing = found.councillors.current()  # a broken list raises BackendError: fulfil() falls back
    ward = listing.ward(area.ward.gss_code) if area.ward else None
    if ward is None or not ward.councillors:
        ward_name = area.ward.name if area.ward else area.postcode
        reply = library_reply(turn)
        unknown = said["ward_unknown"].format(ward=ward_name)
        return with_context(replace(reply, texts=(unknown, *reply.texts)), remember)
    ward_name = localise(ward.name, turn.language) or localise(ward.name, "en") or ward.code
    lead = said["ward_one" if len(ward.councillors) == 1 else "ward"].format(ward=ward_name)
    texts = [lead, *(_describe_councillor(turn, person) for person in ward.councillors)]
    links = [
        Link(said["councillor_page"].format(name=person.name), url)
        for person in ward.councillors
        if (url := localise(person.url, turn.language) or localise(person.url, "en"))
    ]
    source = localise(listing.source, turn.language) or localise(listing.source, "en")
    if source:
        links.append(Link(said["all_councillors"], source))
    return with_context(answer(turn, *texts, links=tuple(links)), remember)


def _describe_councillor(turn: Turn, person: Councillor) -> str:
    said = words(WORDS, turn)
    ways = []
    if person.email:
        ways.append(said["councillor_email"].format(email=person.email))
    if person.phone:
        ways.append(said["councillor_phone"].format(phone=person.phone))
    text = describe(person, turn.language)
    if ways:
        text += ": " + ", ".join(ways)
    text += "."
    surgery = localise(person.surgery, turn.language) or localise(person.surgery, "en")
    if surgery:
        text += " " + said["councillor_surgery"].format(surgery=surgery.rstrip(".")) + "."
    return text


# ---------------------------------------------------------------------------------------------------
# council.contact


@registry.register("council.contact")
def council_contact(turn: Turn) -> Reply:
    """The library's answer plus every contact fact the council publishes (e-mail, address), and
    whether its offices are open now, by its opening hours and its nation's bank holidays."""
    reply = library_reply(turn)
    extra = []
    for key, template in CONTACT_LINES.items():
        value = turn.council_text(key)
        if value:
            extra.append(template.get(turn.language, template["en"]).format(value=value))
    hours = turn.council.contact.get("opening_hours")
    if hours:
        status = status_at(hours, common.now(), bank_holidays(turn.council.nation))
        extra.append(describe_status(status, turn.language))
    extra = [line for line in extra if line]
    return replace(reply, texts=reply.texts + tuple(extra)) if extra else reply


def describe_status(status: OpeningStatus, language: str) -> str:
    """ "We're open now, until 5pm." or "We're closed now. We open again tomorrow at 9am." """
    said = WORDS.get(language, WORDS["en"])
    if status.open_now and status.closes_at is not None:
        return said["open"].format(time=format_time(status.closes_at, language))
    if status.opens_at is None:
        return ""
    day = format_relative_date(status.opens_at.date(), status.at.date(), language)
    time_ = format_time(status.opens_at, language)
    if status.holiday is not None:
        return said["closed_holiday"].format(holiday=status.holiday.name(language), day=day, time=time_)
    return said["closed"].format(day=day, time=time_)
