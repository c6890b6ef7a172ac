"""Staff accounts: one per council, and one for the sector's maintainers, each a username and an argon2
hash of the password, read from the environment when the app is built.

Checking a sign-in always verifies one argon2 hash, a dummy one when the scope has no account or the
username is wrong, so the time taken does not tell a guesser whether the username exists.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: The scope of the library's maintainers, whose view spans every council.
SECTOR = "sector"


@dataclass(frozen=True)
class StaffAccount:
    """Who may sign in to one scope (a council's slug, or "sector"): a username and an argon2 hash."""

    username: str
    password_hash: str


def environment_names(scope: str) -> tuple[str, str]:
    """The variables holding a scope's username and password hash: STAFF_<SLUG>_USERNAME/_PASSWORD."""
    stem = "STAFF_" + scope.upper().replace("-", "_")
    return f"{stem}_USERNAME", f"{stem}_PASSWORD"


def accounts_from_environment(
    scopes: Iterable[str], environ: Mapping[str, str] = os.environ
) -> dict[str, StaffAccount | None]:
    """Each scope's account, or None when either variable is unset (that scope refuses every sign-in)."""
    accounts: dict[str, StaffAccount | None] = {}
    for scope in scopes:
        user_variable, password_variable = environment_names(scope)
        username, password_hash = environ.get(user_variable), environ.get(password_variable)
        accounts[scope] = StaffAccount(username, password_hash) if username and password_hash else None
    return accounts


class Verifier:
    """Checks a username and password against a scope's account in (nearly) constant time."""

    def __init__(self, accounts: Mapping[str, StaffAccount | None]) -> None:
        self.accounts = dict(accounts)
        self._dummy: str | None = None

    def check(self, scope: str, username: str, password: str) -> bool:
        """Whether these are the scope's username and password."""
        account = self.accounts.get(scope)
        known = account is not None and hmac.compare_digest(username.encode(), account.username.encode())
        password_hash = account.password_hash if account is not None and known else self.dummy_hash()
        try:
            verified = PasswordHasher().verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            verified = False
        return known and verified

    def dummy_hash(self) -> str:
        """A hash of a random password, made with the same cost as the configured ones so that verifying
        it takes as long (made once, on first need)."""
        if self._dummy is None:
            hasher = PasswordHasher()
            for account in self.accounts.values():
                if account is None:
                    continue
                try:
                    hasher = PasswordHasher.from_parameters(extract_parameters(account.password_hash))
                    break
                except InvalidHashError:
                    continue
            self._dummy = hasher.hash(secrets.token_urlsafe(24))
        return self._dummy
