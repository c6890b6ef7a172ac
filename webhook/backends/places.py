"""The places a council runs, with their own opening hours: councils/<slug>/places.yaml
(see councils/places.schema.json).

Recycling centres, libraries and offices each have weekly hours, or seasons (summer and winter hours
with MM-DD date ranges), the council's closure dates, and whether they open on bank holidays. Give
`nearest` a latitude and longitude (postcodes.io returns both for a postcode) to rank places by
straight-line distance.
"""

from __future__ import annotations

import math
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from webhook.backends.base import BackendMisconfigured
from webhook.backends.calendar import Closures, OpeningStatus, Timetable, opening_status, parse_closures
from webhook.backends.calendar import parse_opening_hours as parse_hours
from webhook.library.datafile import error_lines, load_data_file
from webhook.library.model import LocalisedText, localise
from webhook.library.problems import Problem, Severity
from webhook.library.yaml_loader import Document

SCHEMA = "places.schema.json"
FILE_NAME = "places.yaml"
EARTH_RADIUS_KM = 6371.0088
KM_PER_MILE = 1.609344


class PlaceKind(StrEnum):
    RECYCLING_CENTRE = "recycling_centre"
    LIBRARY = "library"
    OFFICE = "office"


class PlacesFileError(BackendMisconfigured):
    """places.yaml is missing or wrong; `problems` says where (FILE:LINE:COL)."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Place:
    """One place residents visit."""

    id: str
    name: LocalisedText
    kind: PlaceKind
    address: LocalisedText
    hours: Timetable
    closures: Closures = field(default_factory=Closures)
    open_on_bank_holidays: bool = False
    postcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    phone: LocalisedText | None = None
    url: LocalisedText | None = None

    def text(self, field_name: str, language: str) -> str | None:
        """A localised field (name, address, phone, url) in `language`, or in English."""
        value = getattr(self, field_name)
        return localise(value, language)

    def status(self, at: datetime, holidays: Container[date]) -> OpeningStatus:
        """Open now and until when, or when it next opens, with this place's own bank-holiday practice."""
        return opening_status(self.hours, at, () if self.open_on_bank_holidays else holidays, self.closures)

    def distance_km(self, latitude: float, longitude: float) -> float | None:
        """Great-circle distance from a point, or None when the place has no location."""
        if self.latitude is None or self.longitude is None:
            return None
        return _haversine_km(latitude, longitude, self.latitude, self.longitude)


@dataclass(frozen=True)
class NearbyPlace:
    place: Place
    distance_km: float

    @property
    def distance_miles(self) -> float:
        return self.distance_km / KM_PER_MILE


@dataclass(frozen=True)
class Places:
    """All of a council's places, in file order."""

    places: tuple[Place, ...]

    def places_of_kind(self, kind: PlaceKind | str) -> tuple[Place, ...]:
        """The places of one kind (recycling_centre, library, office)."""
        return tuple(place for place in self.places if place.kind == kind)

    def get(self, place_id: str) -> Place | None:
        """The place with that id."""
        return next((place for place in self.places if place.id == place_id), None)

    def nearest(
        self, latitude: float, longitude: float, kind: PlaceKind | str | None = None, limit: int = 3
    ) -> tuple[NearbyPlace, ...]:
        """Up to `limit` places (of `kind`) nearest the point, as the crow flies; places without a
        location are left out."""
        candidates = self.places if kind is None else self.places_of_kind(kind)
        ranked = []
        for place in candidates:
            distance = place.distance_km(latitude, longitude)
            if distance is not None:
                ranked.append(NearbyPlace(place, distance))
        return tuple(sorted(ranked, key=lambda nearby: nearby.distance_km)[:limit])


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def load_places(path: Path) -> Places:
    """The places in a places.yaml. Raises PlacesFileError with every problem at FILE:LINE:COL."""
    if not path.is_file():
        raise PlacesFileError(f"cannot read {path}: no such file")
    problems = validate_places_file(path)
    if problems:
        raise PlacesFileError(f"the places file is wrong:\n{error_lines(problems)}", tuple(problems))
    document, _ = load_data_file(path, SCHEMA)
    assert document is not None  # validated just above
    return Places(tuple(_place(item) for item in document.data["places"]))


def validate_places_file(path: Path) -> list[Problem]:
    """Every problem in a places.yaml: YAML, schema, then duplicate ids and impossible dates."""
    document, problems = load_data_file(path, SCHEMA)
    if document is None or problems:
        return problems
    return _content_problems(document)


def _content_problems(document: Document) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(document.data["places"]):
        if item["id"] in seen:
            location = document.locate(("places", index, "id"))
            problems.append(Problem(location, Severity.ERROR, "places-duplicate-id", f"{item['id']!r} twice"))
        seen.add(item["id"])
        for number, closure in enumerate(item.get("closures", ())):
            where = ("places", index, "closures", number)
            try:
                closures = parse_closures([closure])
            except ValueError as error:
                problems.append(Problem(document.locate(where), Severity.ERROR, "places-date", str(error)))
                continue
            period = closures.periods[0]
            if period.end < period.start:
                message = f"the closure ends ({period.end}) before it starts ({period.start})"
                problems.append(Problem(document.locate(where), Severity.ERROR, "places-date", message))
    return problems


def _place(item: Mapping[str, Any]) -> Place:
    location = item.get("location") or {}
    return Place(
        id=item["id"],
        name=item["name"],
        kind=PlaceKind(item["kind"]),
        address=item["address"],
        hours=parse_hours(item["opening_hours"]),
        closures=parse_closures(item.get("closures")),
        open_on_bank_holidays=item.get("bank_holidays", "closed") == "open",
        postcode=item.get("postcode"),
        latitude=location.get("latitude"),
        longitude=location.get("longitude"),
        phone=item.get("phone"),
        url=item.get("url"),
    )
