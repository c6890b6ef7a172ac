"""Fixtures of the hand-off tests: the Notify-shaped server, the app on each database, the outbox."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask
from pytest_httpserver import HTTPServer

from tests.conftest import app_settings
from tests.handoff.support import Notify, serve_notify
from webhook import create_app
from webhook.database import connect, migrate
from webhook.handoff import current
from webhook.handoff.outbox import Outbox


@pytest.fixture
def notify(httpserver: HTTPServer) -> Notify:
    return serve_notify(httpserver, Notify())


@pytest.fixture
def app(database_url: str, httpserver: HTTPServer, notify: Notify) -> Iterator[Flask]:
    # The demo's Notify base_url is "/", this app's own address: here, the Notify-shaped server.
    app = create_app(
        app_settings(
            DATABASE_URL=database_url,
            APP_BASE_URL=httpserver.url_for("/").rstrip("/"),
            INSIGHTS_FLUSH_SECONDS=60.0,
            HANDOFF_POLL_SECONDS=0.2,
            HANDOFF_RETRY_SECONDS=0.2,
        )
    )
    yield app
    service = current(app.extensions["library_report"].library)
    if service is not None:
        service.worker.stop()


@pytest.fixture
def outbox(database_url: str) -> Outbox:
    database = connect(database_url)
    migrate(database)
    return Outbox(database)
