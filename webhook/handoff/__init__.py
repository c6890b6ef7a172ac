"""Handing a resident over to the council's staff: the case, the durable outbox and its worker, and
each council's channel (notify_email, webhook, open311; link and none need no delivery).

The hand-off handler (webhook/fulfilment/handlers/handoff.py) calls `accept` in the resident's turn: a
fast insert into the outbox, then the worker is woken; the resident is answered at once, whatever the
channel is doing. `init_handoff(app)` builds the service when the app is created and installs it in the
app's library, where the handler (on the engine's threads, outside the app context) finds it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from webhook.database import Database, connect, migrate
from webhook.handoff.case import Case
from webhook.handoff.channels import Destination
from webhook.handoff.outbox import Outbox
from webhook.handoff.settings import handoff_settings
from webhook.handoff.worker import Backoff, Worker
from webhook.library.model import Library

if TYPE_CHECKING:  # the engine and the offline agent import this package without Flask
    from flask import Flask

log = logging.getLogger("webhook.handoff")

__all__ = ["HandoffService", "current", "init_handoff", "install"]


class HandoffService:
    """The outbox and its worker."""

    def __init__(self, outbox: Outbox, worker: Worker) -> None:
        self.outbox = outbox
        self.worker = worker

    def accept(self, case: Case, channel: str) -> None:
        """Keep the case for delivery and wake the worker. Raises if the outbox refuses it (the resident
        is then told to phone, and nothing is promised)."""
        self.outbox.add(case, channel)
        self.worker.wake()
        log.info("handoff %s (council %s, channel %s): queued", case.reference, case.council, channel)

    def ensure_running(self) -> None:
        """Start this process's worker if it is not running (cheap: called before each request)."""
        if self.worker.needs_start():
            self.worker.wake()


#: Where a library keeps its app's service (`Library.memo`): each app loads its own library, so two apps
#: in one process (tests, a restart) never share an outbox.
MEMO_KEY = "handoff.service"


def install(library: Library, service: HandoffService | None) -> None:
    """Make `service` the one the hand-off handler uses for turns of `library` (tests install their own)."""
    if service is None:
        library.memo.pop(MEMO_KEY, None)
    else:
        library.memo[MEMO_KEY] = service


def current(library: Library) -> HandoffService | None:
    """The service installed for `library`, or None (no app: the handler gives the phone number)."""
    found = library.memo.get(MEMO_KEY)
    return found if isinstance(found, HandoffService) else None


def init_handoff(app: Flask) -> None:
    """Build the hand-off service on the app's database (the one insights opened, else its own) and
    install it. Call from create_app after `init_insights(app)`. The worker starts in each process on
    its first request (never in gunicorn's master before the fork) or its first hand-off."""
    library: Library = app.extensions["library_report"].library
    if not app.config.get("HANDOFF_ENABLED", True):
        install(library, None)
        return
    database: Database | None = app.extensions.get("database")
    if database is None:
        database = connect(app.config["DATABASE_URL"])
        if app.config.get("DATABASE_MIGRATE", True):
            migrate(database)
    engine = app.extensions["engine"]

    def destination_for(slug: str) -> Destination | None:
        council = app.extensions["library_report"].library.council(slug)
        if council is None:
            return None
        settings = handoff_settings(council)
        if not settings.delivers:
            return None
        backends = engine.backends
        return Destination(
            council, settings, backends.for_council(council), backends.app_base_url, backends.environ
        )

    worker = Worker(
        Outbox(database),
        destination_for,
        poll_seconds=float(app.config.get("HANDOFF_POLL_SECONDS", 30.0)),
        backoff=Backoff(first=float(app.config.get("HANDOFF_RETRY_SECONDS", 10.0))),
    )
    service = HandoffService(Outbox(database), worker)
    app.extensions["handoff"] = service
    install(library, service)
    app.before_request(service.ensure_running)
