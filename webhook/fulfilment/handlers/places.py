"""Places residents visit: recycling centres (the tip) and libraries, with whether each is open now
or when it next opens, by its own hours, closures and the council's nation's bank holidays."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, time

from webhook.backends.base import BackendError
from webhook.backends.calendar import (
    LONDON,
    bank_holidays,
    describe_opening,
    format_number,
    format_relative_date,
    format_time,
)
from webhook.backends.places import Place, PlaceKind, Places
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import answer, check_area, elsewhere_reply, postcode_of
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import Link

log = logging.getLogger(__name__)

#: How many places to name when the resident's postcode says which are nearest.
NEAREST = 2
#: Each sentence describe_opening puts together, and the library message that words it.
OPENING_MESSAGES = {
    "open_until": "places.opening_open_until",
    "closed": "places.opening_closed",
    "closed_today": "places.opening_closed_today",
    "closed_today_for": "places.opening_closed_today_for",
    "closed_for_good": "places.opening_closed_for_good",
    "opens": "places.opening_opens",
}


@handler("waste.recycling_centre")
def recycling_centre(turn: Turn) -> Reply:
    """The council's recycling centres, nearest first when the resident's postcode is known, each with
    whether it is open now or when it next opens."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = _places(turn, PlaceKind.RECYCLING_CENTRE)
    if isinstance(found, Reply):
        return found
    places, centres = found
    postcode = postcode_of(turn)
    if postcode is not None:
        check = check_area(turn, postcode, turn.backends.postcodes)
        if check.outside:
            return elsewhere_reply(turn, check)
        area = check.area
        if area is not None and area.latitude is not None and area.longitude is not None:
            nearby = places.nearest(area.latitude, area.longitude, PlaceKind.RECYCLING_CENTRE, NEAREST)
            if nearby:
                lines = [_line(turn, near.place, near.distance_miles) for near in nearby]
                return _reply(turn, turn.say("places.nearest"), lines, [near.place for near in nearby])
    return _reply(turn, turn.say("places.centres"), [_line(turn, place) for place in centres], centres)


@handler("waste.recycling_centre_hours")
def recycling_centre_hours(turn: Turn) -> Reply:
    """After the recycling centres' answer: their hours on the day asked about ("is it open sunday"),
    or whether each is open now and when it next opens."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = _places(turn, PlaceKind.RECYCLING_CENTRE)
    if isinstance(found, Reply):
        return found
    centres = found[1]
    day = _asked_day(turn)
    if day is None:
        return _reply(turn, turn.say("places.centres"), [_line(turn, place) for place in centres], centres)
    when = format_relative_date(day, common.now().date(), turn.language)
    lines = [_day_line(turn, place, day) for place in centres]
    return _reply(turn, turn.say("places.on_day", day=when), lines, centres)


def _asked_day(turn: Turn) -> date | None:
    """The day of the turn's `date` parameter (Dialogflow's ISO 8601 date-time), if it has one."""
    value = turn.parameter("date")
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _day_line(turn: Turn, place: Place, day: date) -> str:
    """ "Name: open 8am to 6pm" or "Name: closed" on that day, by its hours, closures and bank holidays."""
    holidays = bank_holidays(turn.council.nation)
    name = place.text("name", turn.language) or place.id
    start = place.status(datetime.combine(day, time(0), LONDON), holidays)
    opens = start.closes_at and start.at if start.open_now else start.opens_at
    if opens is None or opens.date() != day:
        return turn.say("places.closed_on_day", name=name)
    closes = place.status(opens, holidays).closes_at
    if closes is None:
        return turn.say("places.closed_on_day", name=name)
    return turn.say(
        "places.open_on_day",
        name=name,
        opens=format_time(opens, turn.language),
        closes=format_time(closes, turn.language),
    )


@handler("libraries.services")
def libraries(turn: Turn) -> Reply:
    """The library's answer (joining, renewing, e-books), then each library and whether it is open."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = _places(turn, PlaceKind.LIBRARY)
    if isinstance(found, Reply):
        return found
    base = library_reply(turn)
    lines = [turn.say("places.libraries"), *(_line(turn, place) for place in found[1])]
    return answer(turn, *base.texts, *lines)


def _places(turn: Turn, kind: PlaceKind) -> tuple[Places, tuple[Place, ...]] | Reply:
    """The council's places and those of a kind, or the reply to give instead (none published, or a
    broken places file)."""
    try:
        source = turn.backends.places
        places = source.current() if source is not None else None
    except BackendError as error:
        log.error("council %s: its places file is wrong: %s", turn.council.slug, error)
        return failure_reply(turn)
    found = places.places_of_kind(kind) if places is not None else ()
    if places is None or not found:
        return library_reply(turn)
    return places, found


def _line(turn: Turn, place: Place, miles: float | None = None) -> str:
    sentences = {key: turn.say(message_id) for key, message_id in OPENING_MESSAGES.items()}
    status = describe_opening(
        place.status(common.now(), bank_holidays(turn.council.nation)), turn.language, sentences
    ).rstrip(".")
    name = place.text("name", turn.language) or place.id
    address = place.text("address", turn.language) or ""
    if miles is None:
        return turn.say("places.place", name=name, address=address, status=status)
    return turn.say(
        "places.place_distance",
        name=name,
        address=address,
        miles=format_number(miles, turn.language),
        status=status,
    )


def _reply(turn: Turn, lead: str, lines: Sequence[str], places: Sequence[Place]) -> Reply:
    base = library_reply(turn)
    own = [
        Link(place.text("name", turn.language) or place.id, url)
        for place in places
        if (url := place.text("url", turn.language))
    ]
    known = {link.url for link in own}
    links = (*own, *(link for link in base.links if link.url not in known))
    return answer(turn, lead, *lines, links=links)
