"""Each council's backend clients, built from its overlay's `backends:` block and kept for the process.

A handler asks `backends_for(council)` and gets a `CouncilBackends`: one attribute per kind of lookup,
None where the council configures none (the handler then answers from the library). The blocks::

    backends:
      postcodes:     {kind: postcodes_io, base_url: ...}                 # webhook.backends.postcodes
      elections:     {kind: democracy_club, api_key_env: ...}            # webhook.backends.democracy_club
      reports:       {kind: open311, ...} or {kind: form_link, ...}      # webhook.backends.open311
      notifications: {kind: govuk_notify, api_key_env: ..., templates: ...}  # webhook.backends.notify
      councillors:   {kind: published_list, file: councillors.yaml}      # webhook.backends.councillors
      payments:      {kind: govuk_pay, ...} or {kind: plain_link, ...}   # webhook.backends.payments
      bins:          {kind: schedule, ...} or {kind: http_json, ...}     # webhook.backends.bins

Blocks that are data files rather than clients (`which_bin: {kind: a_to_z, file: ...}`, read by the
waste handlers) are left to the code that reads them.

A `base_url` (or a bins `url_template`) starting with `/` means "this app": it is joined to the app's
own address, `APP_BASE_URL` (default http://127.0.0.1:8080), so the demo council can use the local
fakes in webhook/fakes/ and `make run` works offline. A backend served by this app whose key variable
is unset gets a made-up development key: the fakes accept any well-formed key, and nothing secret is
sent anywhere but to this app itself.

Clients are built once per council and settings and shared by every turn, so their HTTP sessions and
caches outlive the turn. A block that cannot be built (a missing setting) is logged and left out: the
handler then falls back to the library's answer rather than failing every turn.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from webhook.backends import councillors, democracy_club, notify, open311, payments, postcodes
from webhook.backends.bins import BinProvider
from webhook.backends.bins import from_settings as bins_from_settings
from webhook.backends.cache import TTLCache
from webhook.library.model import Council

log = logging.getLogger(__name__)

DEFAULT_APP_BASE_URL = "http://127.0.0.1:8080"

#: Development keys for backends this app serves itself (its fakes). Notify's client needs the shape
#: `<name>-<service id>-<secret>`; the others take any text.
_PLACEHOLDER_KEYS = {
    "govuk_notify": "fake_key-00000000-0000-4000-8000-000000000000-00000000-0000-4000-8000-000000000001",
}
_PLACEHOLDER_KEY = "development-placeholder-key"
#: `backends:` blocks that name a data file a handler reads itself, not a client to build here.
DATA_BLOCKS = frozenset({"which_bin"})


@dataclass(frozen=True)
class CouncilBackends:
    """A council's clients; None where its overlay names no such backend (or it could not be built)."""

    postcodes: postcodes.PostcodesClient | None = None
    elections: democracy_club.DemocracyClubClient | None = None
    reports: open311.Open311Client | open311.FormLinkReporter | None = None
    notifications: notify.NotifySender | None = None
    councillors: councillors.PublishedCouncillors | None = None
    payments: payments.GovUkPay | payments.PlainLink | None = None
    bins: BinProvider | None = None


class _Caches:
    """One cache per kind of lookup, shared by every council: a postcode's areas, a polling station or
    an Open311 service list are the same whichever council asks."""

    def __init__(self) -> None:
        self.postcodes: TTLCache[postcodes.PostcodeArea] = TTLCache(ttl_seconds=24 * 60 * 60)
        self.elections: TTLCache[democracy_club.VotingInformation] = TTLCache(ttl_seconds=60 * 60)
        self.open311: TTLCache[Any] = TTLCache(ttl_seconds=60 * 60)

    def clear(self) -> None:
        for cache in (self.postcodes, self.elections, self.open311):
            cache.clear()


_caches = _Caches()
_built: dict[tuple[str, str, str], CouncilBackends] = {}
_lock = threading.Lock()
_app_base_url: str | None = None


def init_app(app: Any) -> None:
    """Take the app's own address from its config (`APP_BASE_URL`), for relative backend URLs.

    Only when the config names one: otherwise an address configured already (or $APP_BASE_URL, or the
    default) stands."""
    if app.config.get("APP_BASE_URL"):
        configure(app.config["APP_BASE_URL"])


def configure(app_base_url: str | None) -> None:
    """Set the address relative backend URLs are joined to (None: `$APP_BASE_URL`, else the default)."""
    global _app_base_url
    with _lock:
        _app_base_url = app_base_url.rstrip("/") if app_base_url else None


def app_base_url() -> str:
    """This app's own address, which a `base_url` starting with `/` is relative to."""
    return (_app_base_url or os.environ.get("APP_BASE_URL") or DEFAULT_APP_BASE_URL).rstrip("/")


def reset() -> None:
    """Forget every built client and cached answer (tests; or after overlays change in a live process)."""
    with _lock:
        _built.clear()
    _caches.clear()


def backends_for(council: Council) -> CouncilBackends:
    """The council's backend clients, built on first use and kept while its settings stay the same."""
    base = app_base_url()
    key = (council.slug, json.dumps(council.backends, sort_keys=True, default=str), base)
    with _lock:
        found = _built.get(key)
        if found is None:
            found = _built[key] = _build(council, base)
        return found


def _build(council: Council, base: str) -> CouncilBackends:
    built: dict[str, Any] = {}
    for name, raw in council.backends.items():
        if name in DATA_BLOCKS:
            continue
        settings = resolve_settings(raw, base)
        if _is_local(raw):
            _provide_placeholder_key(settings)
        try:
            client = _client(name, settings, council)
        except Exception as error:  # each backend module has its own error types
            # The overlay passed its schema, so this is what a schema cannot see (an unset key
            # variable, an unreadable file): answer from the library, and say why in the log.
            log.error("council %s: backends.%s cannot be built: %s", council.slug, name, error)
            continue
        if client is None:
            log.warning("council %s: backends.%s is not a backend this deployment knows", council.slug, name)
            continue
        built[name] = client
    return CouncilBackends(**built)


def _client(name: str, settings: Mapping[str, Any], council: Council) -> Any:
    kind = settings.get("kind")
    if name == "postcodes" and kind == "postcodes_io":
        return postcodes.PostcodesClient(
            settings.get("base_url") or postcodes.DEFAULT_BASE_URL, cache=_caches.postcodes
        )
    if name == "elections" and kind == "democracy_club":
        client = democracy_club.from_settings(settings)
        client.cache = _caches.elections
        return client
    if name == "reports" and kind in ("open311", "form_link"):
        reporter = open311.from_settings(settings)
        if isinstance(reporter, open311.Open311Client):
            reporter.cache = _caches.open311
        return reporter
    if name == "notifications" and kind == "govuk_notify":
        return notify.from_settings(settings)
    if name == "councillors" and kind == "published_list":
        return councillors.from_settings(settings, council.folder)
    if name == "payments" and kind in ("govuk_pay", "plain_link"):
        return payments.from_settings(settings)
    if name == "bins" and kind in ("schedule", "http_json"):
        return bins_from_settings(settings, council.folder, nation=council.nation)
    return None


def resolve_settings(settings: Mapping[str, Any], base: str) -> dict[str, Any]:
    """The settings with every URL that starts with `/` joined to this app's address."""
    resolved = dict(settings)
    for key in ("base_url", "url_template", "addresses_url_template"):
        value = resolved.get(key)
        if isinstance(value, str) and value.startswith("/"):
            resolved[key] = base + value
    return resolved


def _is_local(settings: Mapping[str, Any]) -> bool:
    return any(
        isinstance(settings.get(key), str) and str(settings[key]).startswith("/")
        for key in ("base_url", "url_template", "addresses_url_template")
    )


def _provide_placeholder_key(settings: Mapping[str, Any]) -> None:
    variable = settings.get("api_key_env")
    if isinstance(variable, str) and not os.environ.get(variable):
        os.environ[variable] = _PLACEHOLDER_KEYS.get(str(settings.get("kind")), _PLACEHOLDER_KEY)
        log.info("%s is unset: using a development placeholder for this app's own fake backend", variable)
