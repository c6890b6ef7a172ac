"""Handlers for elections: where to vote, and how to register, from Democracy Club's data.

Where a postcode has more than one polling station the resident picks an address from quick replies;
the choices travel in the `polling_address` output context so the next turn can look the chosen one
up. Each quick reply repeats the intent's words and the postcode ("Polling station: 1 High Street,
AA1 2AB") so it is understood as the same question again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
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
    postcode_of,
    remember_postcode,
    with_context,
)
from webhook.fulfilment.places_named import postcode_in_text
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import Link

PICKER = AddressPicker(context="polling_address", key="slug")
PHOTO_ID_URL = "https://www.gov.uk/how-to-vote/photo-id-youll-need"
NORTHERN_IRELAND_URL = "https://www.eoni.org.uk"
SCOTTISH_ASSESSORS_URL = "https://www.saa.gov.uk"

#: Why Democracy Club says a ballot was cancelled (its `cancellation_reason` codes), and the message
#: that says so; any other reason is `elections.reason_cancelled`.
REASON_MESSAGES = {
    "NO_CANDIDATES": "elections.reason_no_candidates",
    "UNDER_CONTESTED": "elections.reason_uncontested",
    "EQUAL_TO_CONTESTED": "elections.reason_uncontested",
    "CANDIDATE_DEATH": "elections.reason_candidate_death",
}


# ---------------------------------------------------------------------------------------------------
# elections.polling_station


@handler("elections.polling_station")
def polling_station(turn: Turn) -> Reply:
    """The resident's polling station and next election from their postcode (or the address they
    picked), or why there is none to go to, with electoral services' contacts."""
    if turn.resolved.routed:
        return library_reply(turn)
    client = turn.backends.elections
    postcode = postcode_of(turn)
    if client is None or postcode is None:
        return library_reply(turn)
    try:
        information = _look_up(turn, client, postcode)
    except PostcodeNotRecognised:
        return ask_again(turn, turn.say("elections.not_recognised", postcode=postcode))
    except BackendError:
        return failure_reply(turn)
    remember = remember_postcode(turn, postcode)
    if information.outcome is Outcome.ADDRESS_PICKER:
        return with_context(_picker(turn, postcode, information.addresses), remember)
    return with_context(_describe(turn, postcode, information), remember, *PICKER.settle(turn, postcode))


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
    choices = [
        {
            "slug": choice.slug,
            "label": _short_address(choice.address),
            "reply": turn.say(
                "elections.picker_reply", address=_short_address(choice.address), postcode=postcode
            ),
        }
        for choice in addresses
    ]
    return PICKER.offer(turn, turn.say("elections.picker", postcode=postcode), postcode, choices)


def _short_address(address: str) -> str:
    """The first part of an address ("42 Leinster Gardens, London" -> "42 Leinster Gardens")."""
    return address.split(",")[0].split("\n")[0].strip()


def _describe(turn: Turn, postcode: str, information: VotingInformation) -> Reply:
    texts: list[str] = []
    links: list[Link] = []
    poll = information.next_poll
    if information.outcome is Outcome.STATION_KNOWN and poll is not None and poll.station is not None:
        station = poll.station
        place = ", ".join(station.address.splitlines() + ([station.postcode] if station.postcode else []))
        texts.append(turn.say("elections.station", station=place))
        texts.append(turn.say("elections.poll", date=_date(poll.date, turn), ballots=_ballots(turn, poll)))
        if station.latitude is not None and station.longitude is not None:
            links.append(Link(turn.say("elections.map"), _map_url(station.latitude, station.longitude)))
    elif information.outcome is Outcome.STATION_UNKNOWN and poll is not None:
        texts.append(
            turn.say("elections.unknown_station", date=_date(poll.date, turn), ballots=_ballots(turn, poll))
        )
        if poll.custom_finder:
            links.append(Link(turn.say("elections.finder"), poll.custom_finder))
        texts.append(_contact_line(turn, information.electoral_services))
    elif information.outcome is Outcome.ALL_CANCELLED:
        day = information.dates[0].date
        reasons = sorted(
            {_reason(turn, ballot.cancellation_reason) for ballot in information.cancelled_ballots}
        )
        texts.append(
            turn.say(
                "elections.all_cancelled",
                postcode=postcode,
                date=_date(day, turn),
                reasons="; ".join(reasons),
            )
        )
    else:
        texts.append(turn.say("elections.no_election", postcode=postcode))
        texts.append(_contact_line(turn, information.electoral_services))
    if information.outcome is not Outcome.ALL_CANCELLED:
        for ballot in information.cancelled_ballots:
            texts.append(
                turn.say(
                    "elections.some_cancelled",
                    ballot=ballot.title,
                    reason=_reason(turn, ballot.cancellation_reason),
                )
            )
    if poll is not None and information.outcome is Outcome.STATION_KNOWN and _needs_photo_id(poll):
        texts.append(turn.say("elections.photo_id"))
        links.append(Link(turn.say("elections.photo_id_link"), PHOTO_ID_URL))
    base = library_reply(turn)
    return replace(base, texts=tuple(text for text in texts if text), links=(*links, *base.links))


def _date(day: dt.date, turn: Turn) -> str:
    return format_date(day, turn.language)


def _ballots(turn: Turn, poll: PollDate) -> str:
    live = [ballot.title for ballot in poll.ballots if not ballot.cancelled]
    return common.listing(turn, live)


def _reason(turn: Turn, code: str | None) -> str:
    return turn.say(REASON_MESSAGES.get(code or "", "elections.reason_cancelled"))


def _needs_photo_id(poll: PollDate) -> bool:
    return any(ballot.requires_voter_id for ballot in poll.ballots if not ballot.cancelled) or any(
        note.type == "voter_id" for note in poll.notifications
    )


def _map_url(latitude: float, longitude: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}#map=17/{latitude:.5f}/{longitude:.5f}"


def _contact_line(turn: Turn, contact: Contact | None) -> str:
    """How to reach electoral services: Democracy Club's contacts, else the council's own."""
    if contact is None or not (contact.phone or contact.email):
        phone = common.service_fact(turn, "phone")
        return turn.say("elections.contact_intro", name=turn.say("elections.electoral_services")) + (
            f": {phone}." if phone else "."
        )
    ways = [turn.say("elections.way_phone", phone=contact.phone)] if contact.phone else []
    ways += [turn.say("elections.way_email", email=contact.email)] if contact.email else []
    name = contact.name or turn.say("elections.electoral_services")
    return turn.say("elections.contact_intro", name=name) + ": " + ", ".join(ways) + "."


# ---------------------------------------------------------------------------------------------------
# elections.register_to_vote


@handler("elections.register_to_vote")
def register_to_vote(turn: Turn) -> Reply:
    """How to register (the library's answer), and who keeps the register for the resident's postcode
    when it is known: electoral services, Scotland's valuation joint boards, or Northern Ireland's
    Electoral Office."""
    if turn.resolved.routed:
        return library_reply(turn)
    client = turn.backends.elections
    postcode = postcode_of(turn) or postcode_in_text(turn.query_text)
    base = library_reply(turn)
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
        extra.insert(0, turn.say("elections.register_scotland"))
        links.append(Link(turn.say("elections.scotland_link"), SCOTTISH_ASSESSORS_URL))
    elif nation == "northern-ireland":
        extra.insert(0, turn.say("elections.register_northern_ireland"))
        links.append(Link(turn.say("elections.northern_ireland_link"), NORTHERN_IRELAND_URL))
    reply = replace(base, texts=(*base.texts, *extra), links=(*links, *base.links))
    return with_context(reply, remember_postcode(turn, postcode)) if postcode else reply


def _nation(name: str | None) -> str | None:
    return {
        "England": "england",
        "Wales": "wales",
        "Scotland": "scotland",
        "Northern Ireland": "northern-ireland",
    }.get(name or "")


def _registration_line(turn: Turn, nation: str, contact: Contact, services: Contact | None) -> str:
    same_office = services is not None and (contact.phone, contact.email) == (services.phone, services.email)
    if contact.name:
        name = contact.name
    elif same_office and services is not None and services.name:
        name = services.name
    elif nation == "northern-ireland":
        name = turn.say("elections.electoral_office")
    else:  # Democracy Club names no registration office: in Scotland, the valuation board's officer
        name = turn.say("elections.registration_officer")
    ways = [turn.say("elections.way_phone", phone=contact.phone)] if contact.phone else []
    ways += [turn.say("elections.way_email", email=contact.email)] if contact.email else []
    ways += [contact.website] if contact.website and not ways else []
    return turn.say("elections.register_contact", name=name, ways=", ".join(ways))
