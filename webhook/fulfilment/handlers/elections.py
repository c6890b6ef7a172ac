"""Handlers for elections: where to vote, and how to register, from Democracy Club's data.

Where a postcode has more than one polling station the resident picks an address from quick replies;
the choices travel in the `polling_address` output context so the next turn can look the chosen one
up. Each quick reply repeats the intent's words and the postcode ("Polling station: 1 High Street,
AA1 2AB") so it is understood as the same question again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace

from webhook.backends.base import BackendError
from webhook.backends.calendar import format_date
from webhook.backends.democracy_club import (
    AddressChoice,
    Contact,
    DemocracyClubClient,
    Outcome,
    PollDate,
    PostcodeNotRecognised,
    UnknownAddress,
    VotingInformation,
)
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    AddressPicker,
    ask_again,
    postcode_in_text,
    postcode_of,
    remember_postcode,
    with_context,
    words,
)
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import Link

PICKER = AddressPicker(context="polling_address", key="slug")
PHOTO_ID_URL = "https://www.gov.uk/how-to-vote/photo-id-youll-need"
NORTHERN_IRELAND_URL = "https://www.eoni.org.uk"
SCOTTISH_ASSESSORS_URL = "https://www.saa.gov.uk"

# Welsh here is machine-drafted: it needs review by a Welsh speaker.
WORDS = {
    "en": {
        "station": "Your polling station is {station}.",
        "poll": (
            "Election day: {date}. You can vote in: {ballots}. Polling stations are open from 7am to 10pm."
        ),
        "unknown_station": (
            "There is an election on {date} ({ballots}), but your polling station has not been published "
            "yet. It will be on your poll card."
        ),
        "no_election": "I don't know of any elections coming up at {postcode}.",
        "all_cancelled": "The election at {postcode} on {date} will not take place: {reasons}.",
        "some_cancelled": "{ballot} will not take place: {reason}.",
        "picker": "There's more than one polling station at {postcode}. Which is your address?",
        "picker_reply": "Polling station: {address}, {postcode}",
        "not_recognised": (
            "I couldn't find voting information for {postcode}. Please check the postcode, for example "
            "AA1 1AA."
        ),
        "contact": "{name}: phone {phone}, email {email}.",
        "contact_intro": "For help, contact {name}",
        "electoral_services": "electoral services",
        "photo_id": "Take photo ID: you need it to vote at a polling station.",
        "photo_id_link": "Photo ID you'll need to vote",
        "map": "Map of the polling station",
        "finder": "Find your polling station",
        "register_contact": (
            "To check you're registered, or to ask for a postal or proxy vote, contact {name}: {ways}."
        ),
        "register_scotland": (
            "In Scotland the electoral register is kept by your area's Electoral Registration Officer at the "
            "valuation joint board, not the council."
        ),
        "register_northern_ireland": (
            "In Northern Ireland the Electoral Office registers voters, not the council."
        ),
        "registration_officer": "the Electoral Registration Officer",
        "electoral_office": "the Electoral Office for Northern Ireland",
        "scotland_link": "Find your Electoral Registration Officer",
        "northern_ireland_link": "The Electoral Office for Northern Ireland",
        "phone": "phone {phone}",
        "email": "email {email}",
        "and": " and ",
    },
    "cy": {
        "station": "Eich gorsaf bleidleisio yw {station}.",
        "poll": (
            "Diwrnod yr etholiad: {date}. Gallwch bleidleisio yn: {ballots}. Mae gorsafoedd pleidleisio ar "
            "agor o 7am tan 10pm."
        ),
        "unknown_station": (
            "Mae etholiad ar y gweill ({ballots}; dyddiad: {date}), ond nid yw eich gorsaf bleidleisio "
            "wedi'i chyhoeddi eto. Bydd ar eich cerdyn pleidleisio."
        ),
        "no_election": "Dydw i ddim yn gwybod am unrhyw etholiadau ar y gweill yn {postcode}.",
        "all_cancelled": "Ni fydd yr etholiad yn {postcode} (dyddiad: {date}) yn cael ei gynnal: {reasons}.",
        "some_cancelled": "Ni fydd {ballot} yn cael ei gynnal: {reason}.",
        "picker": "Mae mwy nag un orsaf bleidleisio yn {postcode}. Pa un yw eich cyfeiriad?",
        "picker_reply": "Gorsaf bleidleisio: {address}, {postcode}",
        "not_recognised": (
            "Allwn i ddim dod o hyd i wybodaeth bleidleisio ar gyfer {postcode}. Gwiriwch y cod post, er "
            "enghraifft AA1 1AA."
        ),
        "contact": "{name}: ffôn {phone}, e-bost {email}.",
        "contact_intro": "Am help, cysylltwch â {name}",
        "electoral_services": "gwasanaethau etholiadol",
        "photo_id": (
            "Ewch â llun adnabod gyda chi: mae ei angen arnoch i bleidleisio mewn gorsaf bleidleisio."
        ),
        "photo_id_link": "Y llun adnabod sydd ei angen i bleidleisio",
        "map": "Map o'r orsaf bleidleisio",
        "finder": "Dod o hyd i'ch gorsaf bleidleisio",
        "register_contact": (
            "I wirio a ydych wedi cofrestru, neu i ofyn am bleidlais bost neu drwy ddirprwy, cysylltwch â "
            "{name}: {ways}."
        ),
        "register_scotland": (
            "Yn yr Alban, y Swyddog Cofrestru Etholiadol yn y cyd-fwrdd prisio sy'n cadw'r gofrestr "
            "etholiadol, nid y cyngor."
        ),
        "register_northern_ireland": (
            "Yng Ngogledd Iwerddon, y Swyddfa Etholiadol sy'n cofrestru pleidleiswyr, nid y cyngor."
        ),
        "registration_officer": "y Swyddog Cofrestru Etholiadol",
        "electoral_office": "Swyddfa Etholiadol Gogledd Iwerddon",
        "scotland_link": "Dod o hyd i'ch Swyddog Cofrestru Etholiadol (Saesneg)",
        "northern_ireland_link": "Swyddfa Etholiadol Gogledd Iwerddon (Saesneg)",
        "phone": "ffôn {phone}",
        "email": "e-bost {email}",
        "and": " a ",
    },
}


#: Why Democracy Club says a ballot was cancelled (its `cancellation_reason` codes).
REASONS = {
    "en": {
        "NO_CANDIDATES": "nobody stood for election",
        "UNDER_CONTESTED": "there were no more candidates than seats, so they were elected unopposed",
        "EQUAL_TO_CONTESTED": "there were no more candidates than seats, so they were elected unopposed",
        "CANDIDATE_DEATH": "a candidate has died, and the poll will be held on a later date",
        "": "it has been cancelled",
    },
    "cy": {
        "NO_CANDIDATES": "ni wnaeth neb sefyll",
        "UNDER_CONTESTED": "nid oedd mwy o ymgeiswyr na seddi, felly cawsant eu hethol yn ddiwrthwynebiad",
        "EQUAL_TO_CONTESTED": "nid oedd mwy o ymgeiswyr na seddi, felly cawsant eu hethol yn ddiwrthwynebiad",
        "CANDIDATE_DEATH": "mae ymgeisydd wedi marw, a bydd y bleidlais yn cael ei chynnal yn ddiweddarach",
        "": "mae wedi'i ganslo",
    },
}


def _said(turn: Turn) -> Mapping[str, str]:
    return words(WORDS, turn)


# ---------------------------------------------------------------------------------------------------
# elections.polling_station


@registry.register("elections.polling_station")
def polling_station(turn: Turn) -> Reply:
    """The resident's polling station and next election from their postcode (or the address they
    picked), or why there is none to go to, with electoral services' contacts."""
    if turn.resolved.routed:
        return library_reply(turn)
    client = common.backends(turn).elections
    postcode = postcode_of(turn)
    if client is None or postcode is None:
        return library_reply(turn)
    said = _said(turn)
    try:
        information = _look_up(turn, client, postcode)
    except PostcodeNotRecognised:
        return ask_again(turn, said["not_recognised"].format(postcode=postcode))
    except BackendError:
        return failure_reply(turn)
    remember = remember_postcode(postcode)
    if information.outcome is Outcome.ADDRESS_PICKER:
        return with_context(_picker(turn, postcode, information.addresses), remember)
    return with_context(_describe(turn, postcode, information), remember, *PICKER.forget(turn))


def _look_up(turn: Turn, client: DemocracyClubClient, postcode: str) -> VotingInformation:
    """The chosen address's answer when this turn picks one from the last picker, else the postcode's."""
    slug = PICKER.picked(turn, postcode)
    if slug is not None:
        try:
            return client.address(slug, turn.deadline)
        except UnknownAddress:
            pass  # a stale choice: the postcode's answer offers the addresses again
    return client.postcode(postcode, turn.deadline)


def _picker(turn: Turn, postcode: str, addresses: Sequence[AddressChoice]) -> Reply:
    said = _said(turn)
    choices = [
        {
            "slug": choice.slug,
            "label": _short_address(choice.address),
            "reply": said["picker_reply"].format(address=_short_address(choice.address), postcode=postcode),
        }
        for choice in addresses
    ]
    return PICKER.offer(turn, said["picker"].format(postcode=postcode), postcode, choices)


def _short_address(address: str) -> str:
    """The first part of an address ("42 Leinster Gardens, London" -> "42 Leinster Gardens")."""
    return address.split(",")[0].split("\n")[0].strip()


def _describe(turn: Turn, postcode: str, information: VotingInformation) -> Reply:
    said = _said(turn)
    texts: list[str] = []
    links: list[Link] = []
    poll = information.next_poll
    if information.outcome is Outcome.STATION_KNOWN and poll is not None and poll.station is not None:
        station = poll.station
        place = ", ".join(station.address.splitlines() + ([station.postcode] if station.postcode else []))
        texts.append(said["station"].format(station=place))
        texts.append(said["poll"].format(date=_date(poll.date, turn), ballots=_ballots(turn, poll)))
        if station.latitude is not None and station.longitude is not None:
            links.append(Link(said["map"], _map_url(station.latitude, station.longitude)))
    elif information.outcome is Outcome.STATION_UNKNOWN and poll is not None:
        texts.append(
            said["unknown_station"].format(date=_date(poll.date, turn), ballots=_ballots(turn, poll))
        )
        if poll.custom_finder:
            links.append(Link(said["finder"], poll.custom_finder))
        texts.append(_contact_line(turn, information.electoral_services))
    elif information.outcome is Outcome.ALL_CANCELLED:
        day = information.dates[0].date
        reasons = sorted(
            {_reason(turn, ballot.cancellation_reason) for ballot in information.cancelled_ballots}
        )
        texts.append(
            said["all_cancelled"].format(postcode=postcode, date=_date(day, turn), reasons="; ".join(reasons))
        )
    else:
        texts.append(said["no_election"].format(postcode=postcode))
        texts.append(_contact_line(turn, information.electoral_services))
    if information.outcome is not Outcome.ALL_CANCELLED:
        for ballot in information.cancelled_ballots:
            texts.append(
                said["some_cancelled"].format(
                    ballot=ballot.title, reason=_reason(turn, ballot.cancellation_reason)
                )
            )
    if poll is not None and information.outcome is Outcome.STATION_KNOWN and _needs_photo_id(poll):
        texts.append(said["photo_id"])
        links.append(Link(said["photo_id_link"], PHOTO_ID_URL))
    base = library_reply(turn)
    return replace(base, texts=tuple(text for text in texts if text), links=(*links, *base.links))


def _date(day: dt.date, turn: Turn) -> str:
    return format_date(day, turn.language)


def _ballots(turn: Turn, poll: PollDate) -> str:
    live = [ballot.title for ballot in poll.ballots if not ballot.cancelled]
    return _said(turn)["and"].join(live)


def _reason(turn: Turn, code: str | None) -> str:
    reasons = words(REASONS, turn)
    return reasons.get(code or "", reasons[""])


def _needs_photo_id(poll: PollDate) -> bool:
    return any(ballot.requires_voter_id for ballot in poll.ballots if not ballot.cancelled) or any(
        note.type == "voter_id" for note in poll.notifications
    )


def _map_url(latitude: float, longitude: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}#map=17/{latitude:.5f}/{longitude:.5f}"


def _contact_line(turn: Turn, contact: Contact | None) -> str:
    """How to reach electoral services: Democracy Club's contacts, else the council's own."""
    said = _said(turn)
    if contact is None or not (contact.phone or contact.email):
        phone = common.service_fact(turn, "phone")
        return said["contact_intro"].format(name=said["electoral_services"]) + (
            f": {phone}." if phone else "."
        )
    ways = [said["phone"].format(phone=contact.phone)] if contact.phone else []
    ways += [said["email"].format(email=contact.email)] if contact.email else []
    name = contact.name or said["electoral_services"]
    return said["contact_intro"].format(name=name) + ": " + ", ".join(ways) + "."


# ---------------------------------------------------------------------------------------------------
# elections.register_to_vote


@registry.register("elections.register_to_vote")
def register_to_vote(turn: Turn) -> Reply:
    """How to register (the library's answer), and who keeps the register for the resident's postcode
    when it is known: electoral services, Scotland's valuation joint boards, or Northern Ireland's
    Electoral Office."""
    if turn.resolved.routed:
        return library_reply(turn)
    client = common.backends(turn).elections
    postcode = postcode_of(turn) or postcode_in_text(turn.query_text)
    base = library_reply(turn)
    said = _said(turn)
    nation = turn.council.nation
    extra: list[str] = []
    links: list[Link] = []
    if client is not None and postcode is not None:
        try:
            information = client.postcode(postcode, turn.deadline)
        except PostcodeNotRecognised:
            information = None
        except BackendError:
            return failure_reply(turn)
        if information is not None:
            services = information.electoral_services
            nation = _nation(services.nation if services else None) or nation
            contact = information.registration_contact
            if contact is not None:
                extra.append(_registration_line(turn, nation, contact, services))
    if nation == "scotland":
        extra.insert(0, said["register_scotland"])
        links.append(Link(said["scotland_link"], SCOTTISH_ASSESSORS_URL))
    elif nation == "northern-ireland":
        extra.insert(0, said["register_northern_ireland"])
        links.append(Link(said["northern_ireland_link"], NORTHERN_IRELAND_URL))
    reply = replace(base, texts=(*base.texts, *extra), links=(*links, *base.links))
    return with_context(reply, remember_postcode(postcode)) if postcode else reply


def _nation(name: str | None) -> str | None:
    return {
        "England": "england",
        "Wales": "wales",
        "Scotland": "scotland",
        "Northern Ireland": "northern-ireland",
    }.get(name or "")


def _registration_line(turn: Turn, nation: str, contact: Contact, services: Contact | None) -> str:
    said = _said(turn)
    same_office = services is not None and (contact.phone, contact.email) == (services.phone, services.email)
    if contact.name:
        name = contact.name
    elif same_office and services is not None and services.name:
        name = services.name
    elif nation == "northern-ireland":
        name = said["electoral_office"]
    else:  # Democracy Club names no registration office: in Scotland, the valuation board's officer
        name = said["registration_officer"]
    ways = [said["phone"].format(phone=contact.phone)] if contact.phone else []
    ways += [said["email"].format(email=contact.email)] if contact.email else []
    ways += [contact.website] if contact.website and not ways else []
    return said["register_contact"].format(name=name, ways=", ".join(ways))
