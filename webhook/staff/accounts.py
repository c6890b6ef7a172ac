"""Staff accounts: one per council, and one for the sector's maintainers, each a username and a hash of
the password (argon2, or bcrypt), read from the environment when the app is built.

Checking a sign-in always verifies one hash, a dummy one of the same kind and cost when the username is
wrong (or the scope has no account), so the time taken does not tell a guesser whether the username
exists.
"""

from __future__ import annotations

import hmac
import os
import re
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from argon2 import PasswordHasher, extract_parameters
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

#: The scope of the library's maintainers, whose view spans every council.
SECTOR = "sector"
ARGON2 = "argon2"
BCRYPT = "bcrypt"
#: A bcrypt hash in the modular crypt format ($2a$, $2b$ or $2y$, the cost, 53 characters of salt and
#: hash), as `htpasswd -B`, Python's bcrypt and most other tools write it.
_BCRYPT_HASH = re.compile(r"^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$")
#: bcrypt reads at most this many bytes of a password; every implementation ignores the rest.
BCRYPT_MAX_BYTES = 72


@dataclass(frozen=True)
class StaffAccount:
    """Who may sign in to one scope (a council's slug, or "sector"): a username and a password hash."""

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


def hash_kind(password_hash: str) -> str | None:
    """The kind of a password hash: ARGON2, BCRYPT, or None for anything else (a password in plain text)."""
    if _BCRYPT_HASH.match(password_hash):
        return BCRYPT
    try:
        extract_parameters(password_hash)
    except InvalidHashError:
        return None
    return ARGON2


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` is the one `password_hash` (argon2 or bcrypt) was made from; False for a value
    that is not such a hash, which is never compared with the password as text."""
    kind = hash_kind(password_hash)
    if kind == BCRYPT:
        import bcrypt  # only deployments with bcrypt hashes load it

        try:
            return bcrypt.checkpw(password.encode()[:BCRYPT_MAX_BYTES], password_hash.encode())
        except ValueError:
            return False
    if kind == ARGON2:
        try:
            return PasswordHasher().verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
    return False


class Verifier:
    """Checks a username and password against a scope's account in (nearly) constant time."""

    def __init__(self, accounts: Mapping[str, StaffAccount | None]) -> None:
        self.accounts = dict(accounts)
        self._dummies: dict[str, str] = {}

    def check(self, scope: str, username: str, password: str) -> bool:
        """Whether these are the scope's username and password."""
        account = self.accounts.get(scope)
        known = account is not None and hmac.compare_digest(username.encode(), account.username.encode())
        if account is not None and known:
            return verify_password(account.password_hash, password)
        verify_password(self.dummy_hash(account.password_hash if account is not None else None), password)
        return False

    def dummy_hash(self, like: str | None = None) -> str:
        """A hash of a random password, of the same kind and cost as `like` (else as the first configured
        argon2 hash) so that verifying it takes as long; each made once, on first need."""
        if like is not None and (match := _BCRYPT_HASH.match(like)):
            key = f"bcrypt-{match[1]}"
            if key not in self._dummies:
                import bcrypt

                salt = bcrypt.gensalt(int(match[1]))
                self._dummies[key] = bcrypt.hashpw(secrets.token_urlsafe(24).encode(), salt).decode()
            return self._dummies[key]
        candidates = [like] if like is not None and hash_kind(like) == ARGON2 else []
        candidates += [a.password_hash for a in self.accounts.values() if a is not None]
        parameters = next((extract_parameters(h) for h in candidates if hash_kind(h) == ARGON2), None)
        key = f"argon2-{parameters}"
        if key not in self._dummies:
            hasher = PasswordHasher.from_parameters(parameters) if parameters else PasswordHasher()
            self._dummies[key] = hasher.hash(secrets.token_urlsafe(24))
        return self._dummies[key]
