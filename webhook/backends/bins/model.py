"""What every bin provider returns and raises, and the interface they share."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Protocol

from webhook.backends.base import BackendError, BackendMisconfigured
from webhook.backends.bins.missed import MissedReportRules
from webhook.backends.calendar import LONDON
from webhook.deadline import Deadline
from webhook.library.model import LocalisedText, localise
from webhook.library.problems import Problem


class BinType(StrEnum):
    """The library's `bin_type` entity values: what a resident means, whatever the council calls it."""

    GENERAL_WASTE = "general_waste"
    RECYCLING = "recycling"
    FOOD_WASTE = "food_waste"
    GARDEN_WASTE = "garden_waste"
    GLASS = "glass"


@dataclass(frozen=True)
class Address:
    """One choice for the address picker: a street or property the council collects from."""

    id: str
    label: LocalisedText

    def text(self, language: str) -> str:
        """The label in `language`, or in English."""
        return localise(self.label, language) or self.id


@dataclass(frozen=True)
class BinCollection:
    """One of the council's bins and when it is next emptied."""

    name: LocalisedText
    bin_type: BinType | None
    dates: tuple[date, ...]
    #: Collections moved by a bank holiday or the council's published changes: actual date -> usual date.
    moved_from: Mapping[date, date] = field(default_factory=dict)
    #: The latest collection before today in the past nine weeks, where the provider knows it (missed bins).
    last: date | None = None

    def text(self, language: str) -> str:
        """The bin's name as the council calls it, in `language` or in English."""
        return localise(self.name, language) or ""

    @property
    def next(self) -> date | None:
        """The next collection, if any is scheduled."""
        return self.dates[0] if self.dates else None


@dataclass(frozen=True)
class BinSchedule:
    """The bins collected at one postcode (and address), soonest first."""

    postcode: str
    bins: tuple[BinCollection, ...]
    address: Address | None = None

    @property
    def is_empty(self) -> bool:
        """True when the council gave no upcoming collections."""
        return not any(collection.dates for collection in self.bins)

    def of_type(self, bin_type: BinType | str) -> tuple[BinCollection, ...]:
        """The bins of one entity value (a council may have two general waste bins, or none)."""
        return tuple(collection for collection in self.bins if collection.bin_type == bin_type)

    def next_day(self) -> tuple[date, tuple[BinCollection, ...]] | None:
        """The next collection day and every bin emptied on it."""
        days = [collection.next for collection in self.bins if collection.next is not None]
        if not days:
            return None
        soonest = min(days)
        return soonest, tuple(collection for collection in self.bins if collection.next == soonest)


class BinProvider(Protocol):
    """What a waste handler calls, whichever way the council publishes its rounds."""

    missed_rules: MissedReportRules

    def addresses(self, postcode: str, deadline: Deadline) -> tuple[Address, ...]:
        """The streets or addresses to offer when the postcode has more than one round. None or one:
        the postcode alone is enough. Raises PostcodeNotServed for a postcode the council does not serve."""
        ...

    def collections(
        self, postcode: str, deadline: Deadline, address_id: str | None = None, today: date | None = None
    ) -> BinSchedule:
        """The next collections at the postcode (and address). Raises AddressRequired when the postcode
        needs an address choice first, UnknownAddress for an id not offered, PostcodeNotServed."""
        ...


class BinsError(BackendError):
    """A bin lookup failed for a reason specific to bins, not to the network."""


class PostcodeNotServed(BinsError):
    """The council has no rounds (or its system has no record) for this postcode."""

    def __init__(self, message: str, postcode: str) -> None:
        super().__init__(message)
        self.postcode = postcode


class AddressRequired(BinsError):
    """The postcode has several rounds: ask which of `addresses` is the resident's."""

    def __init__(self, message: str, addresses: tuple[Address, ...]) -> None:
        super().__init__(message)
        self.addresses = addresses


class UnknownAddress(BinsError):
    """An address id the picker never offered for this postcode (stale quick reply, or typed)."""

    def __init__(self, message: str, address_id: str) -> None:
        super().__init__(message)
        self.address_id = address_id


class BinsSettingsError(BinsError, BackendMisconfigured):
    """The overlay's `bins` block, or the file it names, is wrong; `problems` lists what, with lines.
    A BackendUnavailable too, so a handler's fallback for a down system also covers a broken file."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise_postcode(text: str) -> str | None:
    """`aa11aa ` -> `AA1 1AA`; None when the text is not shaped like a full UK postcode."""
    compact = re.sub(r"\s+", "", text).upper()
    match = _POSTCODE.match(compact)
    return f"{match[1]} {match[2]}" if match else None


# Words councils use in bin names, checked in this order; a name matching more than one stream
# ("food and garden waste") is left unmapped rather than guessed.
_BIN_TYPE_WORDS: tuple[tuple[BinType, tuple[str, ...]], ...] = (
    (BinType.FOOD_WASTE, ("food", "caddy", "kitchen")),
    (BinType.GARDEN_WASTE, ("garden", "green waste")),
    (BinType.GLASS, ("glass", "bottle")),
    (BinType.RECYCLING, ("recycl", "paper", "cardboard", "plastic", "cans")),
    (BinType.GENERAL_WASTE, ("general", "refuse", "rubbish", "residual", "landfill", "household waste")),
)


def guess_bin_type(name: str) -> BinType | None:
    """The entity value a council's bin name most likely means, or None when unclear."""
    lowered = name.lower()
    first_seen = {
        bin_type: min(lowered.find(word) for word in words if word in lowered)
        for bin_type, words in _BIN_TYPE_WORDS
        if any(word in lowered for word in words)
    }
    if first_seen.keys() == {BinType.RECYCLING, BinType.GLASS}:
        # "Glass recycling box" is glass; "Mixed recycling (glass, cans)" is recycling.
        return min(first_seen, key=first_seen.__getitem__)
    return next(iter(first_seen)) if len(first_seen) == 1 else None


def london_today() -> date:
    """Today's date in the UK."""
    return datetime.now(LONDON).date()
