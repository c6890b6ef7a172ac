"""The app factory's body: configuration, the library, credentials, and every surface's blueprint."""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask, Request
from flask.sessions import SessionMixin

from webhook.backends.registry import Backends
from webhook.config import Config, config_for
from webhook.errors import register_error_handlers
from webhook.fulfilment.auth import (
    Credentials,
    credentials_from_environment,
    generate_credentials,
    missing_credentials,
)
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handlers import handler_registry
from webhook.library.loader import find_repository_root
from webhook.library.model import Library
from webhook.library.stamp import fingerprint, is_stamped, remember_fingerprint
from webhook.library.validate import validate_library
from webhook.logs import configure_logging
from webhook.security import register_security_headers
from webhook.staff.session import STAFF_PREFIX, StaffCookieSession

log = logging.getLogger(__name__)


def create_app(config: Mapping[str, Any] | type[Config] | str | None = None) -> Flask:
    """Build the app: load and validate the library once, then register each surface's blueprint.

    `config` may be an environment name ("development", "test", "production"), a config class, or
    a mapping of settings laid over an environment's class (its `APP_ENV` key names it; tests use this).
    """
    app = Flask(__name__)
    if isinstance(config, type):
        app.config.from_object(config)
    else:
        name = config if isinstance(config, str) else None
        if isinstance(config, Mapping):
            name = config.get("APP_ENV")
        app.config.from_object(config_for(name))
        if isinstance(config, Mapping):
            app.config.update(config)

    configure_logging(batch_seconds=app.config["LOG_BATCH_SECONDS"])
    app.session_interface = NoCookieSession()
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keys in the order built; sorting costs
    handlers = handler_registry()
    # Unset: found from the current directory (LibraryNotFound, a RuntimeError, refuses clearly).
    app.config["LIBRARY_DIR"] = Path(app.config["LIBRARY_DIR"] or find_repository_root())
    # Validated where the image was built (`sync-intents validate` left a stamp for this exact library):
    # load it, without checking every council's every intent again in every worker.
    root = app.config["LIBRARY_DIR"]
    taken = fingerprint(Path(root))
    validated = is_stamped(Path(app.config["NLU_CACHE_DIR"]), taken)
    report = validate_library(root, handler_names=handlers.names(), already_validated=validated)
    remember_fingerprint(report.library, taken)  # the model index keys on it too
    for problem in report.errors:
        log.error("library problem: %s", problem.format(app.config["LIBRARY_DIR"]))
    app.extensions["library_report"] = report
    library = report.library
    app.extensions["councils_by_project"] = {
        council.dialogflow["project_id"]: council
        for council in library.councils.values()
        if council.dialogflow
    }
    app.extensions["webhook_credentials"] = _webhook_credentials(app, library)
    app.config["SECRET_KEY"] = _secret_key(app)
    # The key signs what the backends cache in Redis, too (webhook/backends/shared_cache.py).
    app.extensions["backends"] = Backends(
        app.config.get("APP_BASE_URL"), redis_url=app.config.get("REDIS_URL"), secret=app.config["SECRET_KEY"]
    )
    app.extensions["engine"] = Engine(library, handlers, app.extensions["backends"])

    from webhook.catalogue import bp as catalogue
    from webhook.chat import bp as chat
    from webhook.chat import init_chat
    from webhook.fulfilment.views import bp as fulfilment
    from webhook.health import bp as health
    from webhook.openapi import bp as openapi

    register_error_handlers(app)
    register_security_headers(app, library)
    app.register_blueprint(health)
    app.register_blueprint(fulfilment)
    app.register_blueprint(openapi)
    app.register_blueprint(chat)
    app.register_blueprint(catalogue)
    if app.config.get("ENABLE_FAKES"):
        from webhook.fakes import bp as fakes

        app.register_blueprint(fakes)
    init_chat(app)
    from webhook.insights import init_insights

    init_insights(app)
    from webhook.handoff import init_handoff

    init_handoff(app)
    from webhook.staff import bp as staff
    from webhook.staff import init_staff

    init_staff(app)
    app.register_blueprint(staff)
    return app


class NoCookieSession(StaffCookieSession):
    """Flask's cookie session, opened only for the staff pages: nothing else in the app keeps state in it
    (the chat signs its own state), and opening it builds a signing serializer on every request, a tenth
    of a webhook turn."""

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if request.environ.get("PATH_INFO", "").startswith(STAFF_PREFIX):
            return super().open_session(app, request)
        return None


def _secret_key(app: Flask) -> str:
    """The key that signs chat state: given, or $SECRET_KEY; made up outside production."""
    key = app.config.get("SECRET_KEY") or os.environ.get("SECRET_KEY")
    if key:
        return key
    if app.config.get("REQUIRE_SECRET_KEY"):
        raise RuntimeError(
            "refusing to start: set SECRET_KEY (the same value on every instance) so a resident's chat "
            "can continue on any instance"
        )
    return secrets.token_urlsafe(32)


def _webhook_credentials(app: Flask, library: Library) -> dict[str, Credentials]:
    """Each council's webhook credentials: from the config (tests), else the environment. Production
    refuses to start without them; development generates and prints some so `make run` just works."""
    given: Mapping[str, Credentials] = app.config.get("WEBHOOK_CREDENTIALS") or {}
    credentials = {
        slug: given.get(slug) or credentials_from_environment(council)
        for slug, council in library.councils.items()
    }
    missing = missing_credentials(library.councils.values(), credentials)
    if missing and app.config.get("REQUIRE_WEBHOOK_CREDENTIALS"):
        raise RuntimeError(
            "refusing to start: these councils have no webhook credentials, so nobody could call their "
            "webhook safely:\n  " + "\n  ".join(missing)
        )
    if missing and app.config.get("GENERATE_WEBHOOK_CREDENTIALS"):
        for slug, council in library.councils.items():
            if not credentials[slug].configured:
                credentials[slug] = generate_credentials()
                generated = credentials[slug]
                print(  # shown once to the developer running `make run`
                    f"webhook credentials for {council.slug} (development only): "
                    f"user {generated.username!r} password {generated.password!r} "
                    f"or header 'Authorization: Bearer {generated.token}'",
                    flush=True,
                )
    return credentials
