"""Lock-out after repeated failed staff sign-ins (the staff pages, webhook/staff/): MAX_FAILURES for one
account (scope and username) lock it for LOCK_FOR, in the database so that every worker of the
deployment sees the same count. It sits with the database, below both the staff pages that count
failures and `sync-intents purge` (webhook/insights/commands.py), which forgets stale ones.

The account is counted whether or not the username exists, so a lock says nothing about which do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.dialects import postgresql, sqlite

from webhook.database import Database
from webhook.database.tables import staff_sign_in_failures as failures_table

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
#: Failures older than this are forgotten: a rare slip does not add up over months.
FORGET_AFTER = timedelta(hours=24)


def account_key(scope: str, username: str) -> str:
    """The row's key for an account: its scope and username (cut to the column's length)."""
    return f"{scope}:{username}"[:200]


def locked_until(database: Database, account: str, now: datetime) -> datetime | None:
    """When the account's lock ends, if it is locked now."""
    with database.engine.connect() as connection:
        until = connection.execute(
            select(failures_table.c.locked_until).where(failures_table.c.account == account)
        ).scalar_one_or_none()
    until = _utc(until)
    return until if until is not None and until > now else None


def after_failure(
    failures: int, last_failure_at: datetime | None, locked: datetime | None, now: datetime
) -> tuple[int, datetime | None]:
    """The count and lock after one more failure, given the stored ones."""
    expired = locked is not None and locked <= now
    stale = last_failure_at is not None and now - last_failure_at > FORGET_AFTER
    count = 1 if expired or stale else failures + 1
    if locked is not None and not expired:
        return count, locked
    return count, now + LOCK_FOR if count >= MAX_FAILURES else None


def record_failure(database: Database, account: str, now: datetime) -> datetime | None:
    """Count a failed sign-in; when the account is now locked, until when."""
    insert = (sqlite.insert if database.is_sqlite else postgresql.insert)(failures_table)
    with database.engine.begin() as connection:
        # Make the row if it is missing, then lock it: two workers counting at once both count.
        connection.execute(
            insert.values(
                account=account, failures=0, last_failure_at=now, locked_until=None
            ).on_conflict_do_nothing(index_elements=[failures_table.c.account])
        )
        row = connection.execute(
            select(failures_table).where(failures_table.c.account == account).with_for_update()
        ).one()
        stored_last = _utc(row.last_failure_at) if row.failures else None
        count, until = after_failure(row.failures, stored_last, _utc(row.locked_until), now)
        connection.execute(
            update(failures_table)
            .where(failures_table.c.account == account)
            .values(failures=count, last_failure_at=now, locked_until=until)
        )
    return until if until is not None and until > now else None


def reset(database: Database, account: str) -> None:
    """Forget the account's failures (after a successful sign-in)."""
    with database.engine.begin() as connection:
        connection.execute(delete(failures_table).where(failures_table.c.account == account))


def forget_stale(database: Database, now: datetime) -> int:
    """Delete the failures that no longer count (last one more than FORGET_AFTER ago, no lock in force):
    a username typed wrongly is not kept for ever (`sync-intents purge`). The rows deleted."""
    with database.engine.begin() as connection:
        return (
            connection.execute(
                delete(failures_table).where(
                    failures_table.c.last_failure_at < now - FORGET_AFTER,
                    (failures_table.c.locked_until.is_(None)) | (failures_table.c.locked_until <= now),
                )
            ).rowcount
            or 0
        )


def _utc(value: datetime | None) -> datetime | None:
    # SQLite gives back naive datetimes; they were stored as UTC.
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)
