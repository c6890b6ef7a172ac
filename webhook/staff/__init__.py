"""The staff pages (`/staff/<council>/` and `/staff/sector/`): each council's insights for its own staff,
and the sector's view across councils for the shared library's maintainers.

Accounts come from the environment (`STAFF_<SLUG>_USERNAME`, `STAFF_<SLUG>_PASSWORD` holding an argon2
or a bcrypt hash; `python -m webhook.staff.password` makes an argon2 one) or, in tests, from the
`STAFF_CREDENTIALS` setting.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import Flask

from webhook.staff.accounts import (
    BCRYPT,
    SECTOR,
    StaffAccount,
    Verifier,
    accounts_from_environment,
    environment_names,
    hash_kind,
)
from webhook.staff.views import StaffSettings, bp

__all__ = ["SECTOR", "StaffAccount", "bp", "init_staff"]

log = logging.getLogger(__name__)


def init_staff(app: Flask) -> None:
    """Read the staff accounts (the `STAFF_CREDENTIALS` setting, else the environment) and the clock."""
    library = app.extensions["library_report"].library
    scopes = [*library.councils, SECTOR]
    given = app.config.get("STAFF_CREDENTIALS")
    found = dict(given) if given is not None else accounts_from_environment(scopes)
    accounts = {scope: found.get(scope) for scope in scopes}
    for scope, account in accounts.items():
        if account is None:
            continue
        kind = hash_kind(account.password_hash)
        if kind is None:
            # A password set in plain text, not hashed: refuse it rather than compare it.
            log.error(
                "%s does not hold an argon2 or bcrypt hash: staff sign-in for %s refused",
                environment_names(scope)[1],
                scope,
            )
        elif kind == BCRYPT:
            try:
                import bcrypt  # noqa: F401  (a bcrypt hash needs the package to be checked)
            except ImportError:
                log.error(
                    "%s holds a bcrypt hash but the bcrypt package is not installed: staff sign-in for %s "
                    "refused",
                    environment_names(scope)[1],
                    scope,
                )
                accounts[scope] = None
    if SECTOR in library.councils:
        log.error("a council's slug is %r: its staff pages are the sector's", SECTOR)
    app.extensions["staff"] = StaffSettings(
        verifier=Verifier(accounts), clock=app.config.get("STAFF_CLOCK") or (lambda: datetime.now(UTC))
    )
