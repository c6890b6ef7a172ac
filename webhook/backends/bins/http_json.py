"""Bin days from a council's own web API answering JSON, by default in the shape many bin-day tools share
(UKBinCollectionData's output)::

    {"bins": [{"type": "Empty Standard General Waste", "collectionDate": "05/08/2022"}, ...]}

The URL, the field names, the date format and the mapping from the council's bin names to the library's
`bin_type` values are settings (see webhook.backends.bins). Answers are cached (6 hours by default):
bin days change weekly at most, and a council system that is slow at 7am stays slow all morning.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from webhook.backends.base import (
    BackendHTTPError,
    BackendInvalidResponse,
    BackendMisconfigured,
    BaseAPIClient,
    secret_from_env,
)
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
    guess_bin_type,
    london_today,
    normalise_postcode,
)
from webhook.backends.cache import TTLCache
from webhook.deadline import Deadline

DEFAULT_CACHE_SECONDS = 6 * 60 * 60


@dataclass(frozen=True)
class FieldMapping:
    """Where the API puts things: the list of bins, each bin's name and date, and the date's format."""

    bins_field: str = "bins"
    type_field: str = "type"
    date_field: str = "collectionDate"
    date_format: str = "%d/%m/%Y"
    #: The council's bin names -> bin_type values; names not listed are guessed from their words.
    bin_types: Mapping[str, BinType] = field(default_factory=dict)
    addresses_field: str = "addresses"
    address_id_field: str = "uprn"
    address_label_field: str = "address"


class _TemplateClient(BaseAPIClient):
    """A BaseAPIClient whose 'paths' are the absolute URLs the council's template produces."""

    def url(self, path: str) -> str:
        return path


class HttpJsonProvider:
    """The `http_json` bins provider: one GET per postcode (or address), cached."""

    def __init__(
        self,
        url_template: str,
        *,
        fields: FieldMapping | None = None,
        addresses_url_template: str | None = None,
        headers: Mapping[str, str] | None = None,
        cache_seconds: float = DEFAULT_CACHE_SECONDS,
        missed_rules: MissedReportRules | None = None,
        collections_per_bin: int = 3,
    ) -> None:
        if "{address_id}" in url_template and not addresses_url_template:
            raise BinsSettingsError("url_template needs {address_id}, so addresses_url_template is required")
        for template in (url_template, addresses_url_template or ""):
            try:
                template.format(postcode="", postcode_compact="", address_id="")
            except (KeyError, IndexError, ValueError) as error:
                raise BinsSettingsError(
                    f"{template!r}: only {{postcode}}, {{postcode_compact}} and {{address_id}} are filled in"
                ) from error
        self.url_template = url_template
        self.addresses_url_template = addresses_url_template
        self.fields = fields or FieldMapping()
        self.client = _TemplateClient("", headers=headers)
        self.cache: TTLCache[Any] = TTLCache(cache_seconds)
        self.missed_rules = missed_rules or MissedReportRules()
        self.collections_per_bin = collections_per_bin

    @classmethod
    def from_settings(
        cls,
        settings: Mapping[str, Any],
        missed_rules: MissedReportRules,
        *,
        environ: Mapping[str, str] = os.environ,
    ) -> HttpJsonProvider:
        """Build from the overlay's `bins` block (`kind: http_json`)."""
        if "url_template" not in settings:
            raise BinsSettingsError("the http_json bins provider needs url_template")
        names = ("bins_field", "type_field", "date_field", "date_format")
        names += ("addresses_field", "address_id_field", "address_label_field")
        try:
            bin_types = {name: BinType(value) for name, value in settings.get("bin_types", {}).items()}
        except ValueError as error:
            raise BinsSettingsError(f"bin_types: {error}") from error
        fields = FieldMapping(
            **{name: settings[name] for name in names if name in settings}, bin_types=bin_types
        )
        headers = {}
        if "api_key_env" in settings:
            try:
                key = secret_from_env(settings["api_key_env"], "bins API key", environ)
            except BackendMisconfigured as error:
                raise BinsSettingsError(str(error)) from None
            headers[settings.get("api_key_header", "X-API-Key")] = key
        return cls(
            settings["url_template"],
            fields=fields,
            addresses_url_template=settings.get("addresses_url_template"),
            headers=headers,
            cache_seconds=float(settings.get("cache_seconds", DEFAULT_CACHE_SECONDS)),
            missed_rules=missed_rules,
            collections_per_bin=int(settings.get("collections_per_bin", 3)),
        )

    def addresses(self, postcode: str, deadline: Deadline) -> tuple[Address, ...]:
        """The addresses the council's API lists for the postcode; () when it needs none."""
        if not self.addresses_url_template:
            return ()
        url = self._url(self.addresses_url_template, postcode)
        return self.cache.get_or_load(
            ("addresses", url), lambda: self._parse_addresses(self._get(url, postcode, deadline), url)
        )

    def collections(
        self, postcode: str, deadline: Deadline, address_id: str | None = None, today: date | None = None
    ) -> BinSchedule:
        """The next collections the council's API gives, from today on."""
        address = None
        if "{address_id}" in self.url_template:
            choices = self.addresses(postcode, deadline)
            if address_id is None:
                raise AddressRequired(f"{postcode} needs an address for the bins API", choices)
            address = next((choice for choice in choices if choice.id == address_id), None)
            if address is None:
                raise UnknownAddress(f"{address_id!r} is not an address at {postcode}", address_id)
        url = self._url(self.url_template, postcode, address_id)
        rows = self.cache.get_or_load(
            ("bins", url), lambda: self._parse_bins(self._get(url, postcode, deadline), url)
        )
        today = today or london_today()
        bins = []
        for name in dict.fromkeys(name for name, _ in rows):  # the API's order, once each
            days = sorted({day for row_name, day in rows if row_name == name and day >= today})
            bin_type = self.fields.bin_types.get(name) or guess_bin_type(name)
            bins.append(BinCollection(name, bin_type, tuple(days[: self.collections_per_bin])))
        ordered = tuple(sorted(bins, key=lambda collection: collection.next or date.max))
        return BinSchedule(postcode=normalise_postcode(postcode) or postcode, bins=ordered, address=address)

    def _url(self, template: str, postcode: str, address_id: str | None = None) -> str:
        normalised = normalise_postcode(postcode)
        if normalised is None:
            raise PostcodeNotServed(f"{postcode!r} is not a postcode", postcode)
        return template.format(
            postcode=quote(normalised),
            postcode_compact=normalised.replace(" ", ""),
            address_id=quote(address_id or "", safe=""),
        )

    def _get(self, url: str, postcode: str, deadline: Deadline) -> Any:
        try:
            return self.client.get_json(url, deadline)
        except BackendHTTPError as error:
            if error.status == 404:
                raise PostcodeNotServed(f"GET {url} answered 404", postcode) from error
            raise

    def _parse_bins(self, body: Any, url: str) -> tuple[tuple[str, date], ...]:
        """(bin name, date) rows from the answer; anything off the documented shape is an error."""
        fields = self.fields
        items = body.get(fields.bins_field) if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise BackendInvalidResponse(f"{url}: no {fields.bins_field!r} list in the answer")
        rows = []
        for index, item in enumerate(items):
            name = item.get(fields.type_field) if isinstance(item, dict) else None
            text = item.get(fields.date_field) if isinstance(item, dict) else None
            if not isinstance(name, str) or not name.strip() or not isinstance(text, str):
                wanted = f"{fields.type_field!r} and {fields.date_field!r}"
                raise BackendInvalidResponse(f"{url}: {fields.bins_field}[{index}] lacks {wanted}")
            try:
                day = datetime.strptime(text.strip(), fields.date_format).date()
            except ValueError as error:
                raise BackendInvalidResponse(
                    f"{url}: {fields.bins_field}[{index}] date {text!r} is not {fields.date_format}"
                ) from error
            rows.append((name.strip(), day))
        return tuple(rows)

    def _parse_addresses(self, body: Any, url: str) -> tuple[Address, ...]:
        fields = self.fields
        items = body.get(fields.addresses_field) if isinstance(body, dict) else body
        if not isinstance(items, list):
            raise BackendInvalidResponse(f"{url}: no {fields.addresses_field!r} list in the answer")
        addresses = []
        for index, item in enumerate(items):
            ident = item.get(fields.address_id_field) if isinstance(item, dict) else None
            label = item.get(fields.address_label_field) if isinstance(item, dict) else None
            if not isinstance(ident, str | int) or not isinstance(label, str):
                raise BackendInvalidResponse(f"{url}: address {index} lacks an id or label")
            addresses.append(Address(str(ident), label))
        return tuple(addresses)
