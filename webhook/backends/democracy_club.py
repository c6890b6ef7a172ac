"""Polling stations and elections through the Democracy Club API (developers.democracyclub.org.uk).

Settings (the overlay's backend block, `kind: democracy_club`):

- `api_key_env` (required unless `sandbox: true`): the environment variable holding the API key,
  sent as `?auth_token=`.
- `base_url` (optional): default https://developers.democracyclub.org.uk.
- `sandbox` (optional, default false): use `/api/v1/sandbox/...`, Democracy Club's fixed answers for
  the fictional postcodes AA1 1AA.. (no key needed).

Answers are cached for an hour: polling stations change only when a council publishes them, and a
resident picking an address asks about the same postcode twice.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from webhook.backends.base import (
    BackendError,
    BackendHTTPError,
    BackendInvalidResponse,
    BaseAPIClient,
    secret_from_env,
)
from webhook.backends.cache import Cache, TTLCache
from webhook.backends.postcodes import normalise_postcode
from webhook.deadline import Deadline

DEFAULT_BASE_URL = "https://developers.democracyclub.org.uk"


class PostcodeNotRecognised(BackendError):
    """Democracy Club cannot place the postcode (mistyped, or not in its data): ask the resident."""


class UnknownAddress(BackendError):
    """The address slug is not known (a stale choice from an address picker): ask again by postcode."""


class Outcome(StrEnum):
    """What the resident should be told first."""

    STATION_KNOWN = "station_known"
    STATION_UNKNOWN = "station_unknown"  # give electoral services' contacts (or the council's finder)
    ADDRESS_PICKER = "address_picker"  # the postcode spans stations: offer `addresses`, then look one up
    NO_UPCOMING_ELECTION = "no_upcoming_election"
    ALL_CANCELLED = "all_cancelled"  # every upcoming poll has been cancelled (e.g. uncontested)


@dataclass(frozen=True)
class Contact:
    """An office's published contacts. `name` is absent for the registration office."""

    name: str | None
    email: str | None
    phone: str | None
    website: str | None
    address: str | None
    postcode: str | None
    nation: str | None = None


@dataclass(frozen=True)
class PollingStation:
    address: str
    postcode: str | None
    latitude: float | None
    longitude: float | None


@dataclass(frozen=True)
class AddressChoice:
    """One address of an address picker; look it up with `DemocracyClubClient.address(slug, ...)`."""

    address: str
    postcode: str
    slug: str


@dataclass(frozen=True)
class Ballot:
    ballot_paper_id: str
    title: str
    cancelled: bool
    cancellation_reason: str | None = None
    replaced_by: str | None = None
    requires_voter_id: str | None = None


@dataclass(frozen=True)
class Notification:
    """A notice Democracy Club attaches to a poll, e.g. voter ID rules or a cancelled election."""

    type: str
    title: str
    detail: str | None
    url: str | None


@dataclass(frozen=True)
class PollDate:
    """One polling day: its ballots and, when the council has published it, the polling station."""

    date: dt.date
    station_known: bool
    station: PollingStation | None
    ballots: tuple[Ballot, ...]
    notifications: tuple[Notification, ...] = ()
    custom_finder: str | None = None  # the council's own polling-station finder, when it has one
    report_problem_url: str | None = None

    @property
    def is_live(self) -> bool:
        """True when at least one ballot on this day has not been cancelled."""
        return any(not ballot.cancelled for ballot in self.ballots)


@dataclass(frozen=True)
class VotingInformation:
    """Democracy Club's answer for a postcode or an address."""

    outcome: Outcome
    dates: tuple[PollDate, ...]
    addresses: tuple[AddressChoice, ...]
    electoral_services: Contact | None
    registration: Contact | None

    @property
    def next_poll(self) -> PollDate | None:
        """The first polling day on which a poll will take place."""
        return next((date for date in self.dates if date.is_live), None)

    @property
    def cancelled_ballots(self) -> tuple[Ballot, ...]:
        """Every cancelled ballot among the upcoming polls, to tell residents who expected one."""
        return tuple(ballot for date in self.dates for ballot in date.ballots if ballot.cancelled)

    @property
    def registration_contact(self) -> Contact | None:
        """Who registers voters. In Scotland this is the valuation joint board, not the council's
        electoral services; in Northern Ireland, the Electoral Office."""
        return self.registration or self.electoral_services


#: How long an answer is kept when the client is given no cache of its own.
CACHE_SECONDS = 60 * 60


class DemocracyClubClient(BaseAPIClient):
    """GET /api/v1/postcode/<postcode>/ and /api/v1/address/<slug>/."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        api_key_env: str | None = None,
        sandbox: bool = False,
        cache: Cache[VotingInformation] | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        super().__init__(base_url)
        self.api_key_env = api_key_env
        self.prefix = "api/v1/sandbox" if sandbox else "api/v1"
        self.cache: Cache[VotingInformation] = cache if cache is not None else TTLCache(CACHE_SECONDS)
        self.environ = environ

    def postcode(self, postcode: str, deadline: Deadline) -> VotingInformation:
        """Polling information for a postcode. Raises PostcodeNotRecognised for a postcode Democracy
        Club cannot place (or one not shaped like a postcode, without a call)."""
        normalised = normalise_postcode(postcode)
        if normalised is None:
            raise PostcodeNotRecognised(f"not shaped like a UK postcode: {postcode!r}")
        compact = normalised.replace(" ", "")
        return self._get(f"{self.prefix}/postcode/{compact}/", deadline, PostcodeNotRecognised)

    def address(self, slug: str, deadline: Deadline) -> VotingInformation:
        """Polling information for one address chosen from an address picker."""
        return self._get(f"{self.prefix}/address/{quote(slug, safe='')}/", deadline, UnknownAddress)

    def _get(self, path: str, deadline: Deadline, not_found: type[BackendError]) -> VotingInformation:
        def load() -> VotingInformation:
            try:
                body = self.get_json(path, deadline, params=self._auth())
            except BackendHTTPError as error:
                # 400 "Could not geocode from any source" for postcodes; 404 for unknown slugs.
                if error.status in (400, 404):
                    raise not_found(f"Democracy Club: {_error_text(error.body)}") from error
                raise
            except BackendError as error:
                # requests' own messages quote the URL, and so the key in its query string: drop
                # them from the chain so no traceback in a log can show it.
                raise type(error)(str(error)) from None
            return parse_voting_information(body)

        return self.cache.get_or_load((self.base_url, path), load)

    def _auth(self) -> dict[str, str]:
        if self.api_key_env is None:
            return {}
        # An unset key is treated like an outage: the resident gets the fallback, the log names the variable.
        return {"auth_token": secret_from_env(self.api_key_env, "Democracy Club API key", self.environ)}


def from_settings(
    settings: Mapping[str, Any],
    *,
    cache: Cache[VotingInformation] | None = None,
    environ: Mapping[str, str] = os.environ,
) -> DemocracyClubClient:
    """A client from an overlay's `kind: democracy_club` block; `environ` holds its key's variable."""
    sandbox = bool(settings.get("sandbox", False))
    api_key_env = settings.get("api_key_env")
    if api_key_env is None and not sandbox:
        raise ValueError("a democracy_club backend needs api_key_env (or sandbox: true)")
    return DemocracyClubClient(
        settings.get("base_url") or DEFAULT_BASE_URL,
        api_key_env=api_key_env,
        sandbox=sandbox,
        cache=cache,
        environ=environ,
    )


def parse_voting_information(body: Any) -> VotingInformation:
    """A VotingInformation from Democracy Club's postcode or address answer."""
    try:
        addresses = tuple(_address(item) for item in body["addresses"])
        dates = tuple(_poll_date(item) for item in body["dates"])
        return VotingInformation(
            outcome=_outcome(bool(body["address_picker"]), addresses, dates),
            dates=dates,
            addresses=addresses,
            electoral_services=_contact(body.get("electoral_services")),
            registration=_contact(body.get("registration")),
        )
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as error:
        raise BackendInvalidResponse(f"Democracy Club answer not as documented: {error!r}") from error


def _outcome(
    address_picker: bool, addresses: tuple[AddressChoice, ...], dates: tuple[PollDate, ...]
) -> Outcome:
    if address_picker and addresses:
        return Outcome.ADDRESS_PICKER
    if not dates:
        return Outcome.NO_UPCOMING_ELECTION
    poll = next((date for date in dates if date.is_live), None)
    if poll is None:
        return Outcome.ALL_CANCELLED
    return Outcome.STATION_KNOWN if poll.station is not None else Outcome.STATION_UNKNOWN


def _poll_date(item: Mapping[str, Any]) -> PollDate:
    polling_station = item.get("polling_station") or {}
    known = bool(polling_station.get("polling_station_known"))
    # A station flagged known but not given is no use to a resident: treat it as unknown.
    station = _station(polling_station.get("station")) if known else None
    return PollDate(
        date=dt.date.fromisoformat(item["date"]),
        station_known=station is not None,
        station=station,
        ballots=tuple(_ballot(ballot) for ballot in item["ballots"]),
        notifications=tuple(_notification(note) for note in item.get("notifications") or ()),
        custom_finder=_optional_text(polling_station.get("custom_finder")),
        report_problem_url=_optional_text(polling_station.get("report_problem_url")),
    )


def _station(feature: Mapping[str, Any] | None) -> PollingStation | None:
    if not feature:
        return None
    properties = feature["properties"]
    coordinates = (feature.get("geometry") or {}).get("coordinates") or (None, None)
    longitude, latitude = coordinates[0], coordinates[1]  # GeoJSON puts longitude first
    return PollingStation(
        address=_lines(properties["address"]),
        postcode=_optional_text(properties.get("postcode")),
        latitude=None if latitude is None else float(latitude),
        longitude=None if longitude is None else float(longitude),
    )


def _ballot(item: Mapping[str, Any]) -> Ballot:
    return Ballot(
        ballot_paper_id=str(item["ballot_paper_id"]),
        title=str(item["ballot_title"]),
        cancelled=bool(item["cancelled"]),
        cancellation_reason=_optional_text(item.get("cancellation_reason")),
        replaced_by=_optional_text(item.get("replaced_by")),
        requires_voter_id=_optional_text(item.get("requires_voter_id")),
    )


def _notification(item: Mapping[str, Any]) -> Notification:
    return Notification(
        type=str(item["type"]),
        title=str(item["title"]),
        detail=_optional_text(item.get("detail")),
        url=_optional_text(item.get("url")),
    )


def _address(item: Mapping[str, Any]) -> AddressChoice:
    return AddressChoice(address=str(item["address"]), postcode=str(item["postcode"]), slug=str(item["slug"]))


def _contact(item: Mapping[str, Any] | None) -> Contact | None:
    if not item:
        return None
    address = item.get("address")
    return Contact(
        name=_optional_text(item.get("name")),
        email=_optional_text(item.get("email")),
        phone=_optional_text(item.get("phone")),
        website=_optional_text(item.get("website")),
        address=_lines(address) if address else None,
        postcode=_optional_text(item.get("postcode")),
        nation=_optional_text(item.get("nation")),
    )


def _lines(text: str) -> str:
    # Addresses come one line per part, sometimes with Windows line ends; keep "\n" only.
    return "\n".join(line.strip() for line in str(text).splitlines() if line.strip())


def _optional_text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def _error_text(body: Any) -> str:
    if isinstance(body, dict):
        for key in ("detail", "message", "error"):
            if body.get(key):
                return str(body[key])
    return "not found"
