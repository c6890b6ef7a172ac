"""Bin days from the rounds a council publishes (councils/<slug>/bins.yaml, see councils/bins.schema.json).

The file says which bins the council empties, on which weekday and how often each round empties them,
which postcodes (or streets, where a postcode is split between rounds) each round serves, and the
bank-holiday rules and replacement dates from the council's leaflets. Everything here is computed: no
outside system is called, so the deadline never runs short.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from webhook.backends.bins.missed import MissedReportRules
from webhook.backends.bins.model import (
    Address,
    AddressRequired,
    BinCollection,
    BinSchedule,
    BinsSettingsError,
    BinType,
    PostcodeNotServed,
    UnknownAddress,
    london_today,
    normalise_postcode,
)
from webhook.backends.calendar import WEEKDAYS
from webhook.backends.council_files import CouncilFiles, DataFile
from webhook.deadline import Deadline
from webhook.library.datafile import error_lines, load_data_file
from webhook.library.model import LocalisedText
from webhook.library.problems import Problem, Severity
from webhook.library.yaml_loader import Document

SCHEMA = "bins.schema.json"

#: How far back to look for the last collection (every 8 weeks at most), and for collections a bank
#: holiday or override pushed to today or later.
_LOOKBACK = timedelta(weeks=9)
#: How far ahead to look for the next collections (garden waste may pause all winter).
_HORIZON = timedelta(days=366)


@dataclass(frozen=True)
class Pattern:
    """Which days a round empties one bin: a weekday, every N weeks counted from an anchor collection
    day, only in some months if given."""

    weekday: int
    every_weeks: int = 1
    anchor: date | None = None
    months: frozenset[int] = frozenset()

    def dates(self, start: date, end: date) -> Iterator[date]:
        """The usual collection days from `start` to `end` inclusive, before any holiday changes."""
        day = start + timedelta(days=(self.weekday - start.weekday()) % 7)
        if self.every_weeks > 1 and self.anchor is not None:
            weeks_off = ((day - self.anchor).days // 7) % self.every_weeks
            day += timedelta(weeks=(self.every_weeks - weeks_off) % self.every_weeks)
        step = timedelta(weeks=self.every_weeks)
        while day <= end:
            if not self.months or day.month in self.months:
                yield day
            day += step


@dataclass(frozen=True)
class Bin:
    id: str
    name: LocalisedText
    bin_type: BinType | None


@dataclass(frozen=True)
class Street:
    """One street of a postcode split between rounds: an address picker choice."""

    id: str
    name: LocalisedText
    round: str


@dataclass(frozen=True)
class Rounds:
    """A parsed, checked bins.yaml."""

    path: Path
    bins: Mapping[str, Bin]
    rounds: Mapping[str, Mapping[str, Pattern]]
    postcodes: Mapping[str, str | tuple[Street, ...]]
    bank_holidays: str = "normal"
    overrides: Mapping[date, date] = field(default_factory=dict)

    def area(self, postcode: str) -> str | tuple[Street, ...] | None:
        """The round id, or the streets, serving a normalised postcode: the full postcode first, then its
        sector (AA1 1), then its district (AA1)."""
        outward, inward = postcode.split(" ")
        for key in (postcode, f"{outward} {inward[0]}", outward):
            if key in self.postcodes:
                return self.postcodes[key]
        return None

    def usual_to_actual(self, usual: date, holidays: Container[date]) -> date:
        """The day a collection usually due on `usual` really happens."""
        if usual in self.overrides:
            return self.overrides[usual]
        if self.bank_holidays == "next_day":
            day = usual
            while day in holidays:
                day += timedelta(days=1)
            return day
        if self.bank_holidays == "rest_of_week":
            monday = usual - timedelta(days=usual.weekday())
            slipped = sum(
                1 for offset in range(usual.weekday() + 1) if monday + timedelta(days=offset) in holidays
            )
            return usual + timedelta(days=slipped)
        return usual

    def collection(
        self, bin_id: str, pattern: Pattern, today: date, holidays: Container[date], count: int
    ) -> BinCollection:
        """One bin's next `count` collections from today (today included), and its last one before."""
        moves = [
            (self.usual_to_actual(usual, holidays), usual)
            for usual in pattern.dates(today - _LOOKBACK, today + _HORIZON)
        ]
        upcoming = sorted(move for move in moves if move[0] >= today)[:count]
        past = [actual for actual, _ in moves if actual < today]
        bin_ = self.bins[bin_id]
        return BinCollection(
            name=bin_.name,
            bin_type=bin_.bin_type,
            dates=tuple(actual for actual, _ in upcoming),
            moved_from={actual: usual for actual, usual in upcoming if actual != usual},
            last=max(past, default=None),
        )


class ScheduleProvider:
    """The `schedule` bins provider: answers from the council's rounds file, reloaded when it changes."""

    def __init__(
        self,
        path: Path,
        holidays: Container[date],
        *,
        missed_rules: MissedReportRules | None = None,
        collections_per_bin: int = 3,
        files: CouncilFiles | None = None,
    ) -> None:
        self.rounds_file = DataFile(path, load_rounds, files or CouncilFiles())
        self.holidays = holidays
        self.missed_rules = missed_rules or MissedReportRules()
        self.collections_per_bin = collections_per_bin
        self.rounds_file.current()  # fail at start-up, not in a resident's turn

    @property
    def path(self) -> Path:
        """The council's rounds file."""
        return self.rounds_file.path

    def addresses(self, postcode: str, deadline: Deadline | None = None) -> tuple[Address, ...]:
        """The streets of a postcode split between rounds; () when the postcode has one round."""
        area = self._area(self.rounds_file.current(), postcode)
        return () if isinstance(area, str) else tuple(Address(street.id, street.name) for street in area)

    def collections(
        self,
        postcode: str,
        deadline: Deadline | None = None,
        address_id: str | None = None,
        today: date | None = None,
    ) -> BinSchedule:
        """The next collections of every bin on the postcode's (or street's) round."""
        rounds = self.rounds_file.current()
        area = self._area(rounds, postcode)
        address = None
        if isinstance(area, str):
            round_id = area
        else:
            choices = tuple(Address(street.id, street.name) for street in area)
            if address_id is None:
                raise AddressRequired(f"{postcode} is split between {len(area)} rounds", choices)
            street = next((street for street in area if street.id == address_id), None)
            if street is None:
                raise UnknownAddress(f"{address_id!r} is not a street of {postcode}", address_id)
            round_id, address = street.round, Address(street.id, street.name)
        today = today or london_today()
        bins = tuple(
            rounds.collection(bin_id, pattern, today, self.holidays, self.collections_per_bin)
            for bin_id, pattern in rounds.rounds[round_id].items()
        )
        ordered = tuple(
            sorted(bins, key=lambda collection: (collection.next or date.max, collection.text("en")))
        )
        return BinSchedule(postcode=normalise_postcode(postcode) or postcode, bins=ordered, address=address)

    @staticmethod
    def _area(rounds: Rounds, postcode: str) -> str | tuple[Street, ...]:
        normalised = normalise_postcode(postcode)
        area = rounds.area(normalised) if normalised else None
        if area is None:
            raise PostcodeNotServed(f"no round in {rounds.path.name} serves {postcode!r}", postcode)
        return area


# ---------------------------------------------------------------------------------------------------
# Loading and checking the file


def validate_rounds_file(path: Path) -> list[Problem]:
    """Every problem in a bins.yaml: YAML, schema, then references between its parts."""
    return _checked(path)[1]


def _checked(path: Path) -> tuple[Document | None, list[Problem]]:
    document, problems = load_data_file(path, SCHEMA)
    if document is None or problems:
        return document, problems
    return document, _reference_problems(document)


def load_rounds(path: Path) -> Rounds:
    """The parsed rounds file. Raises BinsSettingsError with every problem (FILE:LINE:COL) when it is
    missing or wrong."""
    if not path.is_file():
        raise BinsSettingsError(f"cannot read the bin rounds file {path}: no such file")
    document, problems = _checked(path)
    if document is None or problems:
        raise BinsSettingsError(f"the bin rounds file is wrong:\n{error_lines(problems)}", tuple(problems))
    return _build(path, document.data)


def _reference_problems(document: Document) -> list[Problem]:
    data = document.data
    problems: list[Problem] = []

    def problem(json_path: tuple[str | int, ...], rule: str, message: str, *, key: bool = False) -> None:
        problems.append(Problem(document.locate(json_path, key=key), Severity.ERROR, rule, message))

    for round_id, patterns in data["rounds"].items():
        for bin_id, pattern in patterns.items():
            if bin_id not in data["bins"]:
                problem(
                    ("rounds", round_id, bin_id),
                    "bins-unknown-bin",
                    f"no bin {bin_id!r} under bins:",
                    key=True,
                )
            if isinstance(pattern, dict) and "anchor" in pattern:
                anchor = _date(pattern["anchor"])
                if anchor is None:
                    problem(
                        ("rounds", round_id, bin_id, "anchor"), "bins-date", f"{pattern['anchor']} is no date"
                    )
                elif WEEKDAYS[anchor.weekday()] != pattern["day"]:
                    problem(
                        ("rounds", round_id, bin_id, "anchor"),
                        "bins-anchor-weekday",
                        f"the anchor {anchor} is a {WEEKDAYS[anchor.weekday()]}, not a {pattern['day']}",
                    )
    for postcode, area in data["postcodes"].items():
        streets = [] if isinstance(area, str) else area["streets"]
        round_refs = (
            [((), area)]
            if isinstance(area, str)
            else [(("streets", i, "round"), s["round"]) for i, s in enumerate(streets)]
        )
        for where, round_id in round_refs:
            if round_id not in data["rounds"]:
                problem(
                    ("postcodes", postcode, *where),
                    "bins-unknown-round",
                    f"no round {round_id!r} under rounds:",
                )
        seen: set[str] = set()
        for index, street in enumerate(streets):
            if street["id"] in seen:
                problem(
                    ("postcodes", postcode, "streets", index, "id"),
                    "bins-duplicate-street",
                    f"street id {street['id']!r} appears twice",
                )
            seen.add(street["id"])
    for usual, actual in data.get("overrides", {}).items():
        for text, key in ((usual, True), (actual, False)):
            if _date(text) is None:
                problem(("overrides", usual), "bins-date", f"{text} is no date", key=key)
    return problems


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _build(path: Path, data: Mapping[str, Any]) -> Rounds:
    bins = {
        bin_id: Bin(bin_id, item["name"], BinType(item["bin_type"]) if "bin_type" in item else None)
        for bin_id, item in data["bins"].items()
    }
    rounds = {
        round_id: {bin_id: _pattern(value) for bin_id, value in patterns.items()}
        for round_id, patterns in data["rounds"].items()
    }
    postcodes: dict[str, str | tuple[Street, ...]] = {
        postcode: area
        if isinstance(area, str)
        else tuple(Street(street["id"], street["name"], street["round"]) for street in area["streets"])
        for postcode, area in data["postcodes"].items()
    }
    overrides = {
        date.fromisoformat(usual): date.fromisoformat(actual)
        for usual, actual in data.get("overrides", {}).items()
    }
    return Rounds(path, bins, rounds, postcodes, data.get("bank_holidays", "normal"), overrides)


def _pattern(value: str | Mapping[str, Any]) -> Pattern:
    if isinstance(value, str):
        return Pattern(WEEKDAYS.index(value))
    return Pattern(
        weekday=WEEKDAYS.index(value["day"]),
        every_weeks=value.get("every_weeks", 1),
        anchor=date.fromisoformat(value["anchor"]) if "anchor" in value else None,
        months=frozenset(value.get("months", ())),
    )
