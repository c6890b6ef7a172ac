"""Postcodes through postcodes.io: format checks, the councils and ward covering a postcode.

Settings (the overlay's backend block, `kind: postcodes_io`):

- `base_url` (optional): where postcodes.io answers; default https://api.postcodes.io. Councils may
  run their own copy (it is open source), so nothing here assumes the public service.

postcodes.io needs no key. Lookups are cached for a day in the cache the client is given (the app
gives every council's client the same one, keyed by base URL, since the same postcode gives the same
answer whichever council asks).

An advisory lookup (the "is this address in our area?" check) rests postcodes.io for a while after it
fails: until then advisory lookups answer from the cache alone, so an outage does not slow every turn.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from webhook.backends.base import BackendError, BackendHTTPError, BackendInvalidResponse, BaseAPIClient
from webhook.backends.cache import Cache, TTLCache
from webhook.deadline import Deadline
from webhook.library.model import Council

DEFAULT_BASE_URL = "https://api.postcodes.io"

#: The shape of a UK postcode: outward code (area, district, optional sub-district) and inward code
#: (sector digit, two unit letters). GIR 0AA is Girobank's odd one out. Royal Mail never issues the
#: unit letters C, I, K, M, O or V, but the shape allows them: such a postcode is then "unknown", not
#: "invalid", and test data such as Democracy Club's sandbox postcode AB1 2CD still passes.
_POSTCODE_SHAPE = re.compile(r"^(?:([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})|(GIR)(0AA))$")

#: postcodes.io writes E99999999 (or S/W/N99999999) where an area has no such tier, e.g. no county.
_NO_AREA_CODE = re.compile(r"^[ENSW]99999999$")


class PostcodeError(BackendError):
    """The postcode itself is the problem, not the service: tell the resident, do not retry."""

    def __init__(self, message: str, postcode: str) -> None:
        super().__init__(message)
        self.postcode = postcode


class InvalidPostcode(PostcodeError):
    """Not a UK postcode at all (a typo, a fragment): ask the resident to check it."""


class UnknownPostcode(PostcodeError):
    """Shaped like a postcode but not in use: never issued, or `terminated` (no longer in use)."""

    def __init__(self, message: str, postcode: str, terminated: TerminatedPostcode | None = None) -> None:
        super().__init__(message, postcode)
        self.terminated = terminated


@dataclass(frozen=True)
class TerminatedPostcode:
    """A postcode Royal Mail withdrew, and when."""

    postcode: str
    year: int
    month: int


@dataclass(frozen=True)
class AdminArea:
    """A named area with its ONS GSS code, e.g. Sevenoaks, E07000111."""

    name: str
    gss_code: str


@dataclass(frozen=True)
class PostcodeArea:
    """The areas a postcode lies in: its district or unitary council, its county (two-tier areas
    only), its electoral ward, its nation and where it is."""

    postcode: str
    country: str
    district: AdminArea
    county: AdminArea | None
    ward: AdminArea | None
    latitude: float | None
    longitude: float | None


#: Postcodes rarely change council; a day's cache spares postcodes.io and the resident's wait.
CACHE_SECONDS = 24 * 60 * 60
#: How long advisory lookups answer from the cache alone after postcodes.io fails.
REST_SECONDS = 30.0


def normalise_postcode(text: str) -> str | None:
    """The postcode in its standard form ("SW1A 1AA"), or None when `text` is not shaped like one.

    Case and spacing do not matter ("sw1a1aa", " SW1A  1AA "); nothing else is corrected."""
    compact = re.sub(r"\s+", "", text).upper()
    match = _POSTCODE_SHAPE.match(compact)
    if match is None:
        return None
    outward, inward = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    return f"{outward} {inward}"


class PostcodesClient(BaseAPIClient):
    """postcodes.io: one method per endpoint this project uses."""

    def __init__(
        self,
        base_url: str = DEFAULT_BASE_URL,
        *,
        cache: Cache[PostcodeArea] | None = None,
        rest_seconds: float = REST_SECONDS,
    ) -> None:
        super().__init__(base_url)
        self.cache: Cache[PostcodeArea] = cache if cache is not None else TTLCache(CACHE_SECONDS)
        self.rest_seconds = rest_seconds
        self._rest_until = 0.0
        self._rest_lock = threading.Lock()

    def lookup(self, postcode: str, deadline: Deadline, *, advisory: bool = False) -> PostcodeArea:
        """The areas of a postcode. Raises InvalidPostcode or UnknownPostcode for the resident's
        mistakes, and BackendError when postcodes.io cannot answer.

        An `advisory` lookup is one the turn can do without: while postcodes.io rests after a failed
        advisory lookup it answers from the cache or fails at once, without a call."""
        normalised = _require_shape(postcode)
        if advisory and self.resting:
            deadline = Deadline(expires_at=time.monotonic())  # the cache, or an immediate failure
        try:
            return self.cache.get_or_load(
                (self.base_url, normalised), lambda: self._fetch(normalised, deadline)
            )
        except PostcodeError:
            raise
        except BackendError:
            if advisory and not self.resting:
                with self._rest_lock:
                    self._rest_until = time.monotonic() + self.rest_seconds
            raise

    @property
    def resting(self) -> bool:
        """Whether advisory lookups are answering from the cache alone after a failure."""
        with self._rest_lock:
            return self._rest_until > time.monotonic()

    def validate(self, postcode: str, deadline: Deadline) -> bool:
        """Whether the postcode is in use (postcodes.io's /validate); False without a call when it is
        not even shaped like a postcode."""
        normalised = normalise_postcode(postcode)
        if normalised is None:
            return False
        body = self.get_json(f"postcodes/{_path(normalised)}/validate", deadline)
        result = body.get("result") if isinstance(body, dict) else None
        if not isinstance(result, bool):
            raise BackendInvalidResponse("postcodes.io /validate answered without a true/false result")
        return result

    def _fetch(self, postcode: str, deadline: Deadline) -> PostcodeArea:
        try:
            body = self.get_json(f"postcodes/{_path(postcode)}", deadline)
        except BackendHTTPError as error:
            mapped = _postcode_error(error, postcode)
            if mapped is error:
                raise
            raise mapped from error
        return parse_lookup(body)


def from_settings(
    settings: Mapping[str, Any], *, cache: Cache[PostcodeArea] | None = None
) -> PostcodesClient:
    """A client from an overlay's `kind: postcodes_io` block."""
    return PostcodesClient(settings.get("base_url") or DEFAULT_BASE_URL, cache=cache)


def parse_lookup(body: Any) -> PostcodeArea:
    """A PostcodeArea from postcodes.io's answer to GET /postcodes/<postcode>."""
    try:
        result = body["result"]
        codes = result["codes"]
        return PostcodeArea(
            postcode=_text(result["postcode"]),
            country=_text(result["country"]),
            district=AdminArea(_text(result["admin_district"]), _text(codes["admin_district"])),
            county=_optional_area(result.get("admin_county"), codes.get("admin_county")),
            ward=_optional_area(result.get("admin_ward"), codes.get("admin_ward")),
            latitude=_coordinate(result.get("latitude")),
            longitude=_coordinate(result.get("longitude")),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackendInvalidResponse(f"postcodes.io lookup not as documented: {error!r}") from error


def council_for(area: PostcodeArea, councils: Iterable[Council], tier: str) -> Council | None:
    """The council, among those with an overlay, that provides services of `tier` at this postcode.

    `tier` is an intent's tier: "district" services come from the district or unitary council (by
    the postcode's admin_district code), "county" services from the county council (by admin_county
    code) or, where there is no county, from the unitary council; "any" means the most local council.
    None when that council has no overlay on this platform."""
    by_code = {council.gss_code: council for council in councils}
    if tier == "county" and area.county is not None:
        return by_code.get(area.county.gss_code)
    return by_code.get(area.district.gss_code)


def is_in_area(area: PostcodeArea, council: Council) -> bool:
    """Whether the postcode lies in the council's area (as its district, unitary or county)."""
    codes = {area.district.gss_code} | ({area.county.gss_code} if area.county else set())
    return council.gss_code in codes


def _require_shape(postcode: str) -> str:
    normalised = normalise_postcode(postcode)
    if normalised is None:
        raise InvalidPostcode("not shaped like a UK postcode", postcode)
    return normalised


def _path(postcode: str) -> str:
    # The compact form needs no escaping in a path; quote() guards against anything unexpected.
    return quote(postcode.replace(" ", ""), safe="")


def _postcode_error(error: BackendHTTPError, postcode: str) -> BackendError:
    """postcodes.io answers 404 both for nonsense and for unused postcodes; its message tells which."""
    body = error.body if isinstance(error.body, dict) else {}
    if error.status != 404:
        return error
    message = body.get("error")
    if message == "Invalid postcode":
        return InvalidPostcode("postcodes.io: invalid postcode", postcode)
    if message == "Postcode not found":
        return UnknownPostcode("postcodes.io: postcode not found", postcode, _terminated(body))
    return error


def _terminated(body: Mapping[str, Any]) -> TerminatedPostcode | None:
    terminated = body.get("terminated")
    if not isinstance(terminated, dict):
        return None
    try:
        return TerminatedPostcode(
            postcode=_text(terminated["postcode"]),
            year=int(terminated["year_terminated"]),
            month=int(terminated["month_terminated"]),
        )
    except (KeyError, TypeError, ValueError):
        return None  # the postcode is unknown either way; the details are a courtesy


def _optional_area(name: Any, code: Any) -> AdminArea | None:
    if not name or not code or _NO_AREA_CODE.match(str(code)):
        return None
    return AdminArea(_text(name), _text(code))


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected text, got {value!r}")
    return value


def _coordinate(value: Any) -> float | None:
    # Some postcodes (e.g. Channel Islands, new builds) have no grid reference: null, not an error.
    return None if value is None else float(value)
