"""The register of every current UK council as typed, immutable values, with lookups by GSS code,
slug and name. Pure data: no files are read here (see load.py)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

TIERS = ("unitary", "district", "county")
NATIONS = ("england", "wales", "scotland", "northern-ireland")
#: GOV.UK's find-your-council page: the register's website where the source gives none.
GOV_UK_FINDER = "https://www.gov.uk/find-local-council"
GSS_CODE = re.compile(r"^[ENSW][0-9]{8}$")


@dataclass(frozen=True)
class RegisteredCouncil:
    """One current council as the register gives it."""

    slug: str
    name: str
    gss_code: str
    tier: str
    nation: str
    website: str
    #: mySociety's three-letter code, e.g. OXF.
    code: str
    #: For a district: its county's GSS code and slug.
    county_gss: str | None = None
    county_slug: str | None = None
    #: The area's Welsh name, only where the source gives one (e.g. Caerdydd); never drafted.
    welsh_name: str | None = None

    @property
    def website_is_finder(self) -> bool:
        """Whether the website is only GOV.UK's find-your-council page (the source gave no site)."""
        return self.website.startswith(GOV_UK_FINDER)


@dataclass(frozen=True)
class RegisterSource:
    """Where the register's data came from, as recorded in the data file."""

    name: str
    url: str
    version: str
    licence: str
    attribution: str


@dataclass(frozen=True)
class Register:
    """Every current council, looked up by GSS code or slug."""

    councils: tuple[RegisteredCouncil, ...]
    source: RegisterSource
    _by_gss: Mapping[str, RegisteredCouncil] = field(default_factory=dict, compare=False, repr=False)
    _by_slug: Mapping[str, RegisteredCouncil] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_gss", {council.gss_code: council for council in self.councils})
        object.__setattr__(self, "_by_slug", {council.slug: council for council in self.councils})

    def by_gss(self, code: str | None) -> RegisteredCouncil | None:
        """The council whose area has this GSS code, if it is a current council."""
        return self._by_gss.get(code.upper()) if code else None

    def by_slug(self, slug: str | None) -> RegisteredCouncil | None:
        """The council with this slug, if any."""
        return self._by_slug.get(slug) if slug else None

    def county_of(self, council: RegisteredCouncil) -> RegisteredCouncil | None:
        """A district's county council."""
        return self.by_gss(council.county_gss)

    def find(self, query: str) -> list[RegisteredCouncil]:
        """The councils a GSS code, slug or name names: an exact code, slug or name first; else every
        council whose name (English or Welsh) contains all the query's words, in name order."""
        query = query.strip()
        if GSS_CODE.match(query.upper()):
            found = self.by_gss(query)
            return [found] if found else []
        wanted = _fold(query)
        if not wanted:
            return []
        exact = [c for c in self.councils if wanted in {c.slug, *(_fold(n) for n in _names(c))}]
        if exact:
            return exact
        words = wanted.split()
        return sorted(
            (c for c in self.councils if any(all(w in _fold(n).split() for w in words) for n in _names(c))),
            key=lambda c: c.name,
        )

    def count(self) -> dict[tuple[str, str], int]:
        """How many councils of each nation and tier."""
        counts: dict[tuple[str, str], int] = {}
        for council in self.councils:
            key = (council.nation, council.tier)
            counts[key] = counts.get(key, 0) + 1
        return counts


def _names(council: RegisteredCouncil) -> tuple[str, ...]:
    return (
        council.name,
        council.slug.replace("-", " "),
        *((council.welsh_name,) if council.welsh_name else ()),
    )


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())
