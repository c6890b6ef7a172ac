"""The durable outbox of hand-offs: written in the resident's turn, delivered by the worker.

A row is claimed before it is sent, with a lease: `UPDATE ... WHERE status = 'pending' AND (claimed_until
IS NULL OR claimed_until < now)`, and only the worker whose update changed the row sends it. The same
conditional update works on SQLite (one writer at a time) and PostgreSQL (a second worker's update
waits for the first's row lock, then finds the row claimed and changes nothing). The worker marks the
row delivered as soon as the channel accepts it, again only under its own claim; if it dies between
the two, the lease runs out and another worker sends the case again under the same reference, which
every channel is given as its idempotency key, so the receiver can tell it is the same case.

A case the channel refuses for good is marked `failed` (again only under the worker's claim): no worker
picks it up again until an operator has fixed the channel and `requeue`s it (`sync-intents handoff
retry`). Its content is erased `erase_failed` days later, like a delivered case's.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, func, or_, select, update

from webhook.database import Database
from webhook.database.tables import handoffs
from webhook.handoff.case import Case

PENDING = "pending"
DELIVERED = "delivered"
#: The channel refused the case for good; waits for an operator's `requeue`.
FAILED = "failed"
STATUSES = (PENDING, FAILED, DELIVERED)
#: A delivered or failed case once its content is erased (`erase_delivered`, `erase_failed`).
ERASED = "{}"
#: How long a claim holds: longer than any channel's timeout, so a live worker is never overtaken.
LEASE = timedelta(seconds=60)


@dataclass(frozen=True)
class Claimed:
    """A row this worker may send: its case, channel, attempt number and the claim's token."""

    reference: str
    council: str
    channel: str
    case: Case
    attempts: int
    claim: str


@dataclass(frozen=True)
class Listed:
    """What an operator sees of a hand-off: never its case (the contact details and transcript)."""

    reference: str
    council: str
    channel: str
    status: str
    attempts: int
    last_error: str | None
    created_at: datetime
    #: Its case has been erased (`erase_delivered`, `erase_failed`): it can no longer be sent.
    erased: bool


def utc(value: datetime | None) -> datetime | None:
    """A stored time as an aware UTC datetime (SQLite gives them back naive)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Outbox:
    """The `handoffs` table."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def add(self, case: Case, channel: str, now: datetime | None = None) -> None:
        """Keep a case for delivery, due at once. Raises on any database error (the caller tells the
        resident the truth)."""
        now = now or datetime.now(UTC)
        with self.database.engine.begin() as connection:
            connection.execute(
                handoffs.insert().values(
                    reference=case.reference,
                    council=case.council,
                    channel=channel,
                    case_json=case.to_json(),
                    status=PENDING,
                    attempts=0,
                    created_at=now,
                    next_attempt_at=now,
                )
            )

    def claim_due(self, now: datetime, limit: int = 20, lease: timedelta = LEASE) -> list[Claimed]:
        """Claim up to `limit` due rows for this worker; rows another worker holds are left alone."""
        due = and_(
            handoffs.c.status == PENDING,
            handoffs.c.next_attempt_at <= now,
            or_(handoffs.c.claimed_until.is_(None), handoffs.c.claimed_until < now),
        )
        claimed: list[Claimed] = []
        with self.database.engine.connect() as connection:
            candidates = connection.execute(
                select(handoffs.c.reference).where(due).order_by(handoffs.c.next_attempt_at).limit(limit)
            ).scalars()
            references = list(candidates)
            connection.rollback()
        for reference in references:
            token = secrets.token_hex(8)
            with self.database.engine.begin() as connection:
                result = connection.execute(
                    update(handoffs)
                    .where(handoffs.c.reference == reference, due)
                    .values(claimed_until=now + lease, claim=token, attempts=handoffs.c.attempts + 1)
                )
                if result.rowcount != 1:
                    continue  # another worker claimed it first
                row = connection.execute(select(handoffs).where(handoffs.c.reference == reference)).one()
            claimed.append(
                Claimed(
                    reference=row.reference,
                    council=row.council,
                    channel=row.channel,
                    case=Case.from_json(row.case_json),
                    attempts=row.attempts,
                    claim=token,
                )
            )
        return claimed

    def mark_delivered(self, claimed: Claimed, now: datetime | None = None) -> bool:
        """Record the delivery, under this worker's claim; False if the claim was lost meanwhile."""
        return self._finish(claimed, status=DELIVERED, delivered_at=now or datetime.now(UTC), last_error=None)

    def fail(self, claimed: Claimed, error: str, now: datetime | None = None) -> bool:
        """Record that the channel refused the case for good, under this worker's claim: no worker picks
        it up again until it is `requeue`d. False if the claim was lost meanwhile."""
        return self._finish(
            claimed, status=FAILED, failed_at=now or datetime.now(UTC), last_error=error[:300]
        )

    def _finish(self, claimed: Claimed, **values: object) -> bool:
        """End a pending row's claim with `values`, only while this worker still holds it."""
        with self.database.engine.begin() as connection:
            result = connection.execute(
                update(handoffs)
                .where(
                    handoffs.c.reference == claimed.reference,
                    handoffs.c.claim == claimed.claim,
                    handoffs.c.status == PENDING,
                )
                .values(claim=None, claimed_until=None, **values)
            )
        return result.rowcount == 1

    def requeue(
        self,
        references: Sequence[str] | None,
        council: str | None = None,
        now: datetime | None = None,
    ) -> list[str]:
        """Put failed cases back to pending, due at `now`, their attempts kept: those of `references`, or
        with None every failed case (of `council` if given). A case whose content is already erased
        cannot be sent and stays failed. The references requeued."""
        chosen: list[ColumnElement[bool]] = [handoffs.c.status == FAILED, handoffs.c.case_json != ERASED]
        if references is not None:
            chosen.append(handoffs.c.reference.in_(list(references)))
        if council is not None:
            chosen.append(handoffs.c.council == council)
        with self.database.engine.begin() as connection:
            found = list(connection.execute(select(handoffs.c.reference).where(*chosen)).scalars())
            if found:
                connection.execute(
                    update(handoffs)
                    .where(handoffs.c.reference.in_(found), *chosen)
                    .values(
                        status=PENDING,
                        next_attempt_at=now or datetime.now(UTC),
                        failed_at=None,
                        claim=None,
                        claimed_until=None,
                    )
                )
        return sorted(found)

    def retry_later(self, claimed: Claimed, error: str, at: datetime) -> None:
        """Give the row back, to be tried again at `at`, with what went wrong (never the case's content)."""
        with self.database.engine.begin() as connection:
            connection.execute(
                update(handoffs)
                .where(handoffs.c.reference == claimed.reference, handoffs.c.claim == claimed.claim)
                .values(next_attempt_at=at, claim=None, claimed_until=None, last_error=error[:300])
            )

    def erase_delivered(self, before: datetime) -> int:
        """Empty the case (transcript and contact details) of every hand-off delivered before `before`;
        the row stays, so a late retry of the same reference is still known as delivered. The number
        of cases erased."""
        return self._erase(DELIVERED, handoffs.c.delivered_at, before)

    def erase_failed(self, before: datetime) -> int:
        """Empty the case of every hand-off marked failed before `before` and not retried since: nobody
        fixed its channel in that time, so the resident's details are not kept on the chance. The row
        stays, failed, for the record. The number of cases erased."""
        return self._erase(FAILED, handoffs.c.failed_at, before)

    def _erase(self, status: str, since: ColumnElement[datetime], before: datetime) -> int:
        with self.database.engine.begin() as connection:
            result = connection.execute(
                update(handoffs)
                .where(handoffs.c.status == status, since < before, handoffs.c.case_json != ERASED)
                .values(case_json=ERASED)
            )
        return result.rowcount or 0

    def listing(
        self,
        status: str | None = None,
        council: str | None = None,
        references: Sequence[str] | None = None,
        limit: int | None = None,
    ) -> list[Listed]:
        """The hand-offs with `status`, of `council`, among `references` (each filter only when not None),
        newest first, at most `limit`; without their cases."""
        chosen: list[ColumnElement[bool]] = []
        if status is not None:
            chosen.append(handoffs.c.status == status)
        if council is not None:
            chosen.append(handoffs.c.council == council)
        if references is not None:
            chosen.append(handoffs.c.reference.in_(list(references)))
        query = (
            select(
                handoffs.c.reference,
                handoffs.c.council,
                handoffs.c.channel,
                handoffs.c.status,
                handoffs.c.attempts,
                handoffs.c.last_error,
                handoffs.c.created_at,
                (handoffs.c.case_json == ERASED).label("erased"),
            )
            .where(*chosen)
            .order_by(handoffs.c.created_at.desc(), handoffs.c.id.desc())
            .limit(limit)
        )
        with self.database.engine.connect() as connection:
            rows = connection.execute(query).all()
        return [
            Listed(
                reference=row.reference,
                council=row.council,
                channel=row.channel,
                status=row.status,
                attempts=row.attempts,
                last_error=row.last_error,
                created_at=utc(row.created_at) or row.created_at,
                erased=bool(row.erased),
            )
            for row in rows
        ]

    def counts(self) -> dict[str, int]:
        """Rows by status, pending, delivered and failed, those with none left out (for health checks and
        tests)."""
        with self.database.engine.connect() as connection:
            rows = connection.execute(
                select(handoffs.c.status, func.count()).group_by(handoffs.c.status)
            ).all()
        return {status: count for status, count in rows}

    def next_due(self) -> datetime | None:
        """When the earliest pending row is due (the worker sleeps until then; failed rows never are)."""
        with self.database.engine.connect() as connection:
            value = connection.execute(
                select(func.min(handoffs.c.next_attempt_at)).where(handoffs.c.status == PENDING)
            ).scalar()
        return utc(value)
