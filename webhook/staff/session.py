"""The staff pages' signed cookie session: its own cookie name, path and salt, HttpOnly, SameSite=Strict,
Secure outside tests and development, and a fixed lifetime from sign-in (never extended by use)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Flask, Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin
from itsdangerous import BadSignature

#: Every staff URL starts here; no other path opens a session.
STAFF_PREFIX = "/staff/"
#: How long a sign-in lasts: a working day.
LIFETIME = timedelta(hours=8)
COOKIE_NAME = "staff_session"


class StaffCookieSession(SecureCookieSessionInterface):
    """Flask's signed cookie session, set up for the staff pages only."""

    # A salt of its own: no other signed value of the app can pass for a staff session.
    salt = "staff-session"

    def get_cookie_name(self, app: Flask) -> str:
        return COOKIE_NAME

    def get_cookie_path(self, app: Flask) -> str:
        return STAFF_PREFIX

    def get_cookie_domain(self, app: Flask) -> str | None:
        return None

    def get_cookie_httponly(self, app: Flask) -> bool:
        return True

    def get_cookie_samesite(self, app: Flask) -> str:
        return "Strict"

    def get_cookie_secure(self, app: Flask) -> bool:
        # Tests and `make run` serve plain HTTP on loopback; everywhere else is HTTPS.
        return not (app.testing or app.debug)

    def get_expiration_time(self, app: Flask, session: SessionMixin) -> datetime:
        return datetime.now(UTC) + LIFETIME

    def should_set_cookie(self, app: Flask, session: SessionMixin) -> bool:
        # Only when changed: a sign-in ends LIFETIME after it began, however busy the day.
        return session.modified

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        serializer = self.get_signing_serializer(app)
        if serializer is None:
            return None
        value = request.cookies.get(COOKIE_NAME)
        if not value:
            return self.session_class()
        try:
            return self.session_class(serializer.loads(value, max_age=int(LIFETIME.total_seconds())))
        except BadSignature:
            return self.session_class()
