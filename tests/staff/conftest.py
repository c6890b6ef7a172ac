"""A staff app: accounts for two councils and the sector (cheap argon2 hashes, so tests stay fast), a
clock the test moves, and helpers to sign in as a browser does (form, CSRF token, cookie)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.conftest import app_settings
from webhook import create_app
from webhook.staff import StaffAccount

#: Real argon2id hashes, at a low cost so that a test signs in in milliseconds.
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PASSWORDS = {"demo": "demo staff password", "oxford": "oxford staff password", "sector": "sector maintainers"}
USERNAMES = {"demo": "demo-staff", "oxford": "oxford-staff", "sector": "maintainer"}
ACCOUNTS = {scope: StaffAccount(USERNAMES[scope], CHEAP.hash(PASSWORDS[scope])) for scope in PASSWORDS}


@dataclass
class Clock:
    """The time lock-outs are judged by, moved by the test instead of sleeping."""

    now: datetime = field(default_factory=lambda: datetime.now(UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def staff_app(database_url: str, clock: Clock | None = None, **settings: object) -> Flask:
    """The app on the repository's library with the staff accounts (cardiff and oxfordshire have none)."""
    defaults: dict[str, object] = {
        "DATABASE_URL": database_url,
        "INSIGHTS_FLUSH_SECONDS": 60.0,
        "SECRET_KEY": "staff-tests",
        "STAFF_CREDENTIALS": ACCOUNTS,
        "STAFF_CLOCK": clock or Clock(),
    }
    return create_app(app_settings(**{**defaults, **settings}))


def form_token(page: str) -> str:
    """The CSRF token of the first form on a page."""
    found = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert found, "the page has no form with a CSRF token"
    return found[1]


def sign_in(
    client: FlaskClient, scope: str, username: str | None = None, password: str | None = None
) -> TestResponse:
    """Open the sign-in form and send it, as a browser does; the response to the POST."""
    page = client.get(f"/staff/{scope}/sign-in")
    return client.post(
        f"/staff/{scope}/sign-in",
        data={
            "csrf_token": form_token(page.get_data(as_text=True)),
            "username": USERNAMES.get(scope, "someone") if username is None else username,
            "password": PASSWORDS.get(scope, "something") if password is None else password,
        },
    )


def signed_in_client(app: Flask, scope: str) -> FlaskClient:
    client = app.test_client()
    response = sign_in(client, scope)
    assert response.status_code == 303, response.get_data(as_text=True)
    return client
