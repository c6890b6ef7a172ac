"""Cross-site request forgery protection for the staff forms: a random token kept in the signed session,
written into every form, and checked on every POST."""

from __future__ import annotations

import hmac
import secrets

from flask import abort, request, session

FIELD = "csrf_token"


def csrf_token() -> str:
    """The session's token, made on first use (templates call this for every form)."""
    token = session.get(FIELD)
    if not isinstance(token, str):
        token = session[FIELD] = secrets.token_urlsafe(32)
    return token


def renew_csrf_token() -> str:
    """A new token (after signing in or out, so a token seen before then is worthless)."""
    session[FIELD] = secrets.token_urlsafe(32)
    return session[FIELD]


def check_csrf() -> None:
    """Refuse (400) a POST whose form token is missing or is not the session's."""
    expected = session.get(FIELD)
    given = request.form.get(FIELD, "")
    if not isinstance(expected, str) or not hmac.compare_digest(expected.encode(), given.encode()):
        abort(400, description="csrf")
