"""Who may call a council's webhook: HTTP Basic or a shared token, compared in constant time.

Credentials come from environment variables the overlay names (default WEBHOOK_<SLUG>_USERNAME,
_PASSWORD and _TOKEN). A token may be sent as `Authorization: Bearer <token>` or in the
`X-Webhook-Token` header (Dialogflow's console lets an agent add custom headers).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import os
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from webhook.library.model import Council

TOKEN_HEADER = "X-Webhook-Token"


@dataclass(frozen=True)
class Credentials:
    """A council's webhook credentials; either pair may be missing."""

    username: str | None = None
    password: str | None = None
    token: str | None = None

    @property
    def configured(self) -> bool:
        return bool((self.username and self.password) or self.token)

    def accepts(self, presented: Presented) -> bool:
        """Whether a request presented these credentials. Every comparison runs in constant time, and
        both kinds are always checked so timing does not reveal which one is configured."""
        basic = presented.basic
        basic_ok = bool(self.username and self.password and basic) and (
            _equal(basic[0], self.username or "") & _equal(basic[1], self.password or "")
        )
        token_ok = bool(self.token and presented.token) and _equal(presented.token, self.token or "")
        return basic_ok or token_ok


@dataclass(frozen=True)
class Presented:
    """The credentials a request carries: a Basic user and password, a token, either or neither."""

    basic: tuple[str, str] | None
    token: str

    @classmethod
    def from_headers(cls, authorization: str, token_header: str) -> Presented:
        """Read from the `Authorization` header and the token header (a Bearer token wins)."""
        return cls(basic=_basic(authorization), token=_bearer(authorization) or token_header)


def credentials_from_environment(council: Council, environ: Mapping[str, str] = os.environ) -> Credentials:
    """The council's credentials from the environment variables its overlay names."""
    return Credentials(
        username=environ.get(council.credential_env("username")) or None,
        password=environ.get(council.credential_env("password")) or None,
        token=environ.get(council.credential_env("token")) or None,
    )


def generate_credentials() -> Credentials:
    """Random credentials for development, so `make run` works without setting any variable."""
    return Credentials(
        username="dialogflow", password=secrets.token_urlsafe(18), token=secrets.token_urlsafe(24)
    )


def missing_credentials(councils: Iterable[Council], known: Mapping[str, Credentials]) -> list[str]:
    """Lines naming each council with no credentials and the variables that would give it some."""
    return [
        f"{council.slug}: set {council.credential_env('username')} and {council.credential_env('password')}"
        f", or {council.credential_env('token')}"
        for council in councils
        if not known.get(council.slug, Credentials()).configured
    ]


def _equal(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def _basic(header: str) -> tuple[str, str] | None:
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "basic" or not value:
        return None
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, separator, password = decoded.partition(":")
    return (username, password) if separator else None


def _bearer(header: str) -> str:
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""
