"""Every council's backend clients, built from its overlay's `backends:` block, owned by the app.

`create_app` (or the offline agent's builder) makes one `Backends`; each turn asks it for its council's
`CouncilBackends`: one attribute per kind of lookup, None where the council configures none (the handler
then answers from the library). The blocks::

    backends:
      postcodes:     {kind: postcodes_io, base_url: ...}                 # webhook.backends.postcodes
      elections:     {kind: democracy_club, api_key_env: ...}            # webhook.backends.democracy_club
      reports:       {kind: open311, ...} or {kind: form_link, ...}      # webhook.backends.open311
      notifications: {kind: govuk_notify, api_key_env: ..., templates: ...}  # webhook.backends.notify
      councillors:   {kind: published_list, file: councillors.yaml}      # webhook.backends.councillors
      payments:      {kind: govuk_pay, ...} or {kind: plain_link, ...}   # webhook.backends.payments
      bins:          {kind: schedule, ...} or {kind: http_json, ...}     # webhook.backends.bins
      which_bin:     {kind: a_to_z, file: which_bin.yaml}                # webhook.backends.waste_guide

and, without a block, the council's `places.yaml` (recycling centres, libraries) when its folder has one.

A `base_url` (or a bins `url_template`) starting with `/` means "this app": it is joined to the app's
own address (`APP_BASE_URL`, default http://127.0.0.1:8080), so the demo council can use the local
fakes in webhook/fakes/ and `make run` works offline. A backend served by this app whose key variable
is unset gets a made-up development key: the fakes accept any well-formed key, nothing secret is sent
anywhere but to this app itself, and the process environment is never changed.

Clients are built once per council and shared by every turn, so their HTTP sessions and caches outlive
the turn. The caches belong to this object, one per kind of lookup shared by every council (a postcode's
areas or a polling station are the same whichever council asks), with their lifetimes in one table.
A block that cannot be built (a missing setting) is logged and left out: the handler then falls back
to the library's answer rather than failing every turn.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import ChainMap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from webhook.backends import councillors, democracy_club, notify, open311, payments, postcodes
from webhook.backends.bins import BinProvider
from webhook.backends.bins import from_settings as bins_from_settings
from webhook.backends.cache import Cache, TTLCache
from webhook.backends.council_files import CouncilFiles, DataFile
from webhook.backends.places import FILE_NAME as PLACES_FILE
from webhook.backends.places import Places, load_places
from webhook.backends.shared_cache import RedisTTLCache
from webhook.backends.waste_guide import WasteGuide, guide_file, load_guide
from webhook.library.model import Council
from webhook.redis_client import connect_redis

log = logging.getLogger(__name__)

DEFAULT_APP_BASE_URL = "http://127.0.0.1:8080"

#: How long each kind of answer is kept, in seconds. Postcodes rarely change council; polling
#: stations and Open311 service lists change only when the council publishes them.
CACHE_SECONDS = {
    "postcodes": postcodes.CACHE_SECONDS,
    "elections": democracy_club.CACHE_SECONDS,
    "open311": open311.CACHE_SECONDS,
}

#: Development keys for backends this app serves itself (its fakes). Notify's client needs the shape
#: `<name>-<service id>-<secret>`; the others take any text.
_PLACEHOLDER_KEYS = {
    "govuk_notify": "fake_key-00000000-0000-4000-8000-000000000000-00000000-0000-4000-8000-000000000001",
}
_PLACEHOLDER_KEY = "development-placeholder-key"
_RELATIVE_URL_KEYS = ("base_url", "url_template", "addresses_url_template")


@dataclass(frozen=True)
class CouncilBackends:
    """A council's clients and data files; None where its overlay names none (or it could not be built)."""

    postcodes: postcodes.PostcodesClient | None = None
    elections: democracy_club.DemocracyClubClient | None = None
    reports: open311.Open311Client | open311.FormLinkReporter | None = None
    notifications: notify.NotifySender | None = None
    councillors: councillors.PublishedCouncillors | None = None
    payments: payments.GovUkPay | payments.PlainLink | None = None
    bins: BinProvider | None = None
    which_bin: DataFile[WasteGuide] | None = None
    places: DataFile[Places] | None = None


NO_BACKENDS = CouncilBackends()


def _caches(redis_url: str | None, secret: str | None) -> dict[str, Cache[Any]]:
    """Each kind of lookup's cache: in Redis when a URL (and the secret that signs entries) is given."""
    if not (redis_url and secret):
        return {kind: TTLCache(seconds) for kind, seconds in CACHE_SECONDS.items()}
    client = connect_redis(redis_url)
    return {
        kind: RedisTTLCache(client, kind, seconds, secret.encode()) for kind, seconds in CACHE_SECONDS.items()
    }


class Backends:
    """The app's backend clients for every council, their caches, and the council data files."""

    def __init__(
        self,
        app_base_url: str | None = None,
        environ: Mapping[str, str] | None = None,
        *,
        redis_url: str | None = None,
        secret: str | None = None,
    ) -> None:
        """`redis_url` (with the app's `secret`, which signs what is cached) shares the lookups' caches
        between every worker and instance; without it each process keeps its own."""
        self.environ: Mapping[str, str] = os.environ if environ is None else environ
        self.app_base_url = (app_base_url or self.environ.get("APP_BASE_URL") or DEFAULT_APP_BASE_URL).rstrip(
            "/"
        )
        self.caches: dict[str, Cache[Any]] = _caches(redis_url, secret)
        self.files = CouncilFiles()
        self._built: dict[str, tuple[Council, CouncilBackends]] = {}
        self._lock = threading.Lock()

    def for_council(self, council: Council) -> CouncilBackends:
        """The council's clients, built on first use and kept while its overlay stays the same."""
        found = self._built.get(council.slug)
        if found is not None and found[0] is council:
            return found[1]
        with self._lock:
            found = self._built.get(council.slug)
            if found is None or found[0] is not council:
                found = self._built[council.slug] = (council, self._build(council))
            return found[1]

    def rebase(self, app_base_url: str) -> None:
        """Join relative backend URLs to another address from now on (tests; a moved app)."""
        with self._lock:
            self.app_base_url = app_base_url.rstrip("/")
            self._built.clear()

    def clear(self) -> None:
        """Forget every built client, cached answer and data file read."""
        with self._lock:
            self._built.clear()
        for cache in self.caches.values():
            cache.clear()
        self.files.clear()

    def _build(self, council: Council) -> CouncilBackends:
        built: dict[str, Any] = {}
        for name, raw in council.backends.items():
            settings = resolve_settings(raw, self.app_base_url)
            environ = self._environ_for(raw)
            try:
                client = self._client(name, settings, council, environ)
            except Exception as error:  # each backend module has its own error types
                # The overlay passed its schema, so this is what a schema cannot see (an unset key
                # variable, an unreadable file): answer from the library, and say why in the log.
                log.error("council %s: backends.%s cannot be built: %s", council.slug, name, error)
                continue
            if client is None:
                log.warning(
                    "council %s: backends.%s is not a backend this deployment knows", council.slug, name
                )
                continue
            built[name] = client
        places_path = council.folder / PLACES_FILE
        if places_path.exists():
            built["places"] = DataFile(places_path, load_places, self.files)
        return CouncilBackends(**built)

    def _client(
        self, name: str, settings: Mapping[str, Any], council: Council, environ: Mapping[str, str]
    ) -> Any:
        kind = settings.get("kind")
        if name == "postcodes" and kind == "postcodes_io":
            return postcodes.from_settings(settings, cache=self.caches["postcodes"])
        if name == "elections" and kind == "democracy_club":
            return democracy_club.from_settings(settings, cache=self.caches["elections"], environ=environ)
        if name == "reports" and kind in ("open311", "form_link"):
            return open311.from_settings(settings, cache=self.caches["open311"], environ=environ)
        if name == "notifications" and kind == "govuk_notify":
            return notify.from_settings(settings, environ=environ)
        if name == "councillors" and kind == "published_list":
            return councillors.from_settings(settings, council.folder, self.files)
        if name == "payments" and kind in ("govuk_pay", "plain_link"):
            return payments.from_settings(settings, environ=environ)
        if name == "bins" and kind in ("schedule", "http_json"):
            return bins_from_settings(
                settings, council.folder, nation=council.nation, files=self.files, environ=environ
            )
        if name == "which_bin" and kind == "a_to_z":
            path = guide_file(council)
            return DataFile(path, load_guide, self.files) if path else None
        return None

    def _environ_for(self, settings: Mapping[str, Any]) -> Mapping[str, str]:
        """Where a client reads its key: the environment, with a development placeholder underneath for
        a backend this app serves itself (so an unset variable still reaches the fake)."""
        variable = settings.get("api_key_env")
        if not (_is_local(settings) and isinstance(variable, str) and not self.environ.get(variable)):
            return self.environ
        log.info("%s is unset: using a development placeholder for this app's own fake backend", variable)
        placeholder = _PLACEHOLDER_KEYS.get(str(settings.get("kind")), _PLACEHOLDER_KEY)
        return ChainMap(self.environ, {variable: placeholder})  # type: ignore[arg-type]


def resolve_settings(settings: Mapping[str, Any], base: str) -> dict[str, Any]:
    """The settings with every URL that starts with `/` joined to this app's address."""
    resolved = dict(settings)
    for key in _RELATIVE_URL_KEYS:
        value = resolved.get(key)
        if isinstance(value, str) and value.startswith("/"):
            resolved[key] = base + value
    return resolved


def _is_local(settings: Mapping[str, Any]) -> bool:
    return any(
        isinstance(settings.get(key), str) and str(settings[key]).startswith("/")
        for key in _RELATIVE_URL_KEYS
    )
