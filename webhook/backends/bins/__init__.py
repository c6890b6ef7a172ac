"""Bin collection days, the address picker, and the missed-bin reporting window.

A council's overlay names its provider under `backends: bins:`. Two kinds:

`kind: schedule`, for councils that publish rounds (no outside system; the demo council uses it)::

    backends:
      bins:
        kind: schedule
        file: bins.yaml            # in the council's folder; see councils/bins.schema.json
        collections_per_bin: 3     # optional: how many next dates per bin (default 3)

`kind: http_json`, for councils with a bin-day API::

    backends:
      bins:
        kind: http_json
        url_template: https://bins.example/api?postcode={postcode}
        # {postcode} is "AA1 1AA" URL-encoded, {postcode_compact} "AA11AA", {address_id} the picked id.
        date_format: "%d/%m/%Y"    # optional, strptime format (default dd/mm/yyyy)
        bins_field: bins           # optional field names (defaults: bins, type, collectionDate)
        type_field: type
        date_field: collectionDate
        bin_types:                 # optional: the council's names -> bin_type values (else guessed)
          Empty Standard General Waste: general_waste
        addresses_url_template: https://bins.example/api/addresses?postcode={postcode}  # optional
        addresses_field: addresses # optional (defaults: addresses, uprn, address)
        address_id_field: uprn
        address_label_field: address
        api_key_env: DEMO_BINS_API_KEY   # optional: the key's environment variable, never the key
        api_key_header: X-API-Key        # optional (default X-API-Key)
        cache_seconds: 21600       # optional (default 6 hours)

Both take the missed-collection window (all optional)::

        missed_reports: {opens_at: "17:00", opens_days_after: 0, working_days: 2}

The app's `Backends` (webhook.backends.registry) builds each council's provider once, so the HTTP session
and the cache outlive the turn. Every failure is a `webhook.backends.base.BackendError`: `PostcodeNotServed`,
`AddressRequired` (offer `.addresses`), `UnknownAddress`, `BinsSettingsError` (overlay or file wrong,
with `.problems` at FILE:LINE:COL), `BackendUnavailable` and `BackendInvalidResponse` for the API.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from webhook.backends.bins.http_json import FieldMapping, HttpJsonProvider
from webhook.backends.bins.missed import (
    MissedCollectionWindow,
    MissedReportRules,
    MissedReportVerdict,
    missed_collection_window,
)
from webhook.backends.bins.model import (
    Address,
    AddressRequired,
    BinCollection,
    BinProvider,
    BinSchedule,
    BinsError,
    BinsSettingsError,
    BinType,
    PostcodeNotServed,
    UnknownAddress,
    guess_bin_type,
    normalise_postcode,
)
from webhook.backends.bins.schedule import ScheduleProvider, load_rounds, validate_rounds_file
from webhook.backends.calendar import bank_holidays
from webhook.backends.council_files import CouncilFiles

__all__ = [
    "Address",
    "AddressRequired",
    "BinCollection",
    "BinProvider",
    "BinSchedule",
    "BinType",
    "BinsError",
    "BinsSettingsError",
    "FieldMapping",
    "HttpJsonProvider",
    "MissedCollectionWindow",
    "MissedReportRules",
    "MissedReportVerdict",
    "PostcodeNotServed",
    "ScheduleProvider",
    "UnknownAddress",
    "from_settings",
    "guess_bin_type",
    "load_rounds",
    "missed_collection_window",
    "normalise_postcode",
    "validate_rounds_file",
]


def from_settings(
    settings: Mapping[str, Any],
    council_folder: Path,
    *,
    nation: str,
    files: CouncilFiles | None = None,
    environ: Mapping[str, str] = os.environ,
) -> BinProvider:
    """A bins provider from the overlay's `backends.bins` block. `nation` (the overlay's: england,
    wales, scotland, northern-ireland) chooses the bank holidays that move collections and close the
    missed-bin window; it has no default, so a Scottish council never gets English holidays by accident."""
    try:
        missed_rules = MissedReportRules.from_settings(settings.get("missed_reports"))
        holidays = bank_holidays(nation)
    except (ValueError, TypeError) as error:
        raise BinsSettingsError(f"bins settings: {error}") from error
    kind = settings.get("kind")
    if kind == "schedule":
        return ScheduleProvider(
            Path(council_folder) / settings.get("file", "bins.yaml"),
            holidays,
            missed_rules=missed_rules,
            collections_per_bin=int(settings.get("collections_per_bin", 3)),
            files=files,
        )
    if kind == "http_json":
        return HttpJsonProvider.from_settings(settings, missed_rules, environ=environ)
    raise BinsSettingsError(f"unknown bins provider kind {kind!r}; expected schedule or http_json")
