"""Places residents visit: recycling centres (the tip) and libraries, with whether each is open now
or when it next opens, by its own hours, closures and the council's nation's bank holidays."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from webhook.backends.base import BackendError
from webhook.backends.calendar import bank_holidays, describe_opening
from webhook.backends.places import Place, PlaceKind, Places, places_for
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import answer, check_area, elsewhere_reply, postcode_of, words
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import Link

log = logging.getLogger(__name__)

#: How many places to name when the resident's postcode says which are nearest.
NEAREST = 2

# Welsh here is machine-drafted: it needs review by a Welsh speaker.
WORDS = {
    "en": {
        "place": "{name}, {address}: {status}.",
        "place_distance": "{name}, {address} ({miles:.1f} miles away): {status}.",
        "nearest": "Your nearest recycling centres:",
        "centres": "Our recycling centres:",
        "libraries": "Our libraries:",
    },
    "cy": {
        "place": "{name}, {address}: {status}.",
        "place_distance": "{name}, {address} ({miles:.1f} milltir i ffwrdd): {status}.",
        "nearest": "Eich canolfannau ailgylchu agosaf:",
        "centres": "Ein canolfannau ailgylchu:",
        "libraries": "Ein llyfrgelloedd:",
    },
}


@registry.register("waste.recycling_centre")
def recycling_centre(turn: Turn) -> Reply:
    """The council's recycling centres, nearest first when the resident's postcode is known, each with
    whether it is open now or when it next opens."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = _places(turn, PlaceKind.RECYCLING_CENTRE)
    if isinstance(found, Reply):
        return found
    places, centres = found
    said = words(WORDS, turn)
    postcode = postcode_of(turn)
    if postcode is not None:
        check = check_area(turn, postcode, common.backends(turn).postcodes)
        if check.outside:
            return elsewhere_reply(turn, check)
        area = check.area
        if area is not None and area.latitude is not None and area.longitude is not None:
            nearby = places.nearest(area.latitude, area.longitude, PlaceKind.RECYCLING_CENTRE, NEAREST)
            if nearby:
                lines = [_line(turn, near.place, near.distance_miles) for near in nearby]
                return _reply(turn, said["nearest"], lines, [near.place for near in nearby])
    return _reply(turn, said["centres"], [_line(turn, place) for place in centres], centres)


@registry.register("libraries.services")
def libraries(turn: Turn) -> Reply:
    """The library's answer (joining, renewing, e-books), then each library and whether it is open."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = _places(turn, PlaceKind.LIBRARY)
    if isinstance(found, Reply):
        return found
    said = words(WORDS, turn)
    base = library_reply(turn)
    lines = [said["libraries"], *(_line(turn, place) for place in found[1])]
    return answer(turn, *base.texts, *lines)


def _places(turn: Turn, kind: PlaceKind) -> tuple[Places, tuple[Place, ...]] | Reply:
    """The council's places and those of a kind, or the reply to give instead (none published, or a
    broken places file)."""
    try:
        places = places_for(turn.council)
    except BackendError as error:
        log.error("council %s: its places file is wrong: %s", turn.council.slug, error)
        return failure_reply(turn)
    found = places.places_of_kind(kind) if places is not None else ()
    if places is None or not found:
        return library_reply(turn)
    return places, found


def _line(turn: Turn, place: Place, miles: float | None = None) -> str:
    said = words(WORDS, turn)
    status = describe_opening(
        place.status(common.now(), bank_holidays(turn.council.nation)), turn.language
    ).rstrip(".")
    name = place.text("name", turn.language) or place.id
    address = place.text("address", turn.language) or ""
    if miles is None:
        return said["place"].format(name=name, address=address, status=status)
    return said["place_distance"].format(name=name, address=address, miles=miles, status=status)


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
