"""Writing insight events to the database in batches, and deleting what is past its retention.

One transaction per batch: the turns and feedback rows, each conversation's running totals (turns,
fallbacks, hand-offs, unhelpful answers) and each day's counts by intent (`turn_days`), added to in one
upsert per conversation and per day and intent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from webhook.database import Database
from webhook.database.tables import conversations, feedback, turn_days, turns
from webhook.insights.events import FeedbackEvent, TurnEvent


def write_events(database: Database, events: Sequence[TurnEvent | FeedbackEvent]) -> None:
    """Write a batch of events in one transaction (all of it or, on error, none)."""
    turn_rows = [_row(event, _TURN_FIELDS) for event in events if isinstance(event, TurnEvent)]
    feedback_rows = [_row(event, _FEEDBACK_FIELDS) for event in events if isinstance(event, FeedbackEvent)]
    totals = conversation_totals(events)
    with database.engine.begin() as connection:
        if turn_rows:
            connection.execute(turns.insert(), turn_rows)
        if feedback_rows:
            connection.execute(feedback.insert(), feedback_rows)
        if turn_rows:
            insert = _insert(database, turn_days)
            connection.execute(
                insert.on_conflict_do_update(
                    index_elements=list(turn_days.primary_key.columns),
                    set_={
                        "turns": turn_days.c.turns + insert.excluded.turns,
                        "fallbacks": turn_days.c.fallbacks + insert.excluded.fallbacks,
                    },
                ),
                day_counts(events),
            )
        if totals:
            insert = _insert(database, conversations)
            upsert = insert.on_conflict_do_update(
                index_elements=[conversations.c.id],
                set_={
                    "last_at": _later(database, conversations.c.last_at, insert.excluded.last_at),
                    "turns": conversations.c.turns + insert.excluded.turns,
                    "fallbacks": conversations.c.fallbacks + insert.excluded.fallbacks,
                    "handoffs": conversations.c.handoffs + insert.excluded.handoffs,
                    "unhelpful": conversations.c.unhelpful + insert.excluded.unhelpful,
                },
            )
            connection.execute(upsert, list(totals.values()))


#: Each event's fields, read once: a row is built with getattr, not dataclasses.asdict, whose deep copy of
#: every value (datetimes included) took three quarters of a batch's write.
_TURN_FIELDS = tuple(field.name for field in fields(TurnEvent))
_FEEDBACK_FIELDS = tuple(field.name for field in fields(FeedbackEvent))


def _row(event: TurnEvent | FeedbackEvent, names: tuple[str, ...]) -> dict[str, Any]:
    return {name: getattr(event, name) for name in names}


def day_counts(events: Iterable[TurnEvent | FeedbackEvent]) -> list[dict[str, Any]]:
    """The batch's turns counted by council, UTC day, language and intent, as `turn_days` rows."""
    counts: dict[tuple[str, Any, str, str], list[int]] = {}
    for event in events:
        if isinstance(event, TurnEvent):
            key = (event.council, event.at.astimezone(UTC).date(), event.language, event.intent or "")
            count = counts.setdefault(key, [0, 0])
            count[0] += 1
            count[1] += event.fallback
    return [
        {"council": council, "day": day, "language": language, "intent": intent, "turns": n, "fallbacks": f}
        for (council, day, language, intent), (n, f) in counts.items()
    ]


def _insert(database: Database, table: Any) -> Any:
    return (sqlite.insert if database.is_sqlite else postgresql.insert)(table)


def conversation_totals(events: Iterable[TurnEvent | FeedbackEvent]) -> dict[str, dict[str, Any]]:
    """Each conversation's additions from a batch of events, as rows for the `conversations` upsert."""
    totals: dict[str, dict[str, Any]] = {}
    for event in events:
        row = totals.get(event.conversation)
        if row is None:
            row = totals[event.conversation] = {
                "id": event.conversation,
                "council": event.council,
                "started_at": event.at,
                "started_day": event.at.astimezone(UTC).date(),
                "last_at": event.at,
                "language": event.language or "",
                "channel": event.channel if isinstance(event, TurnEvent) else "",
                "turns": 0,
                "fallbacks": 0,
                "handoffs": 0,
                "unhelpful": 0,
            }
        row["last_at"] = max(row["last_at"], event.at)
        if isinstance(event, TurnEvent):
            row["turns"] += 1
            row["fallbacks"] += event.fallback
            row["handoffs"] += event.handoff
            if not row["channel"]:
                row["channel"] = event.channel
        elif not event.helpful:
            row["unhelpful"] += 1
    return totals


def _later(database: Database, stored: Any, incoming: Any) -> Any:
    # SQLite's two-argument max() is PostgreSQL's greatest().
    return (func.max if database.is_sqlite else func.greatest)(stored, incoming)


def purge(database: Database, cutoffs: Mapping[str, datetime]) -> dict[str, dict[str, int]]:
    """Delete each council's turns and feedback older than its cutoff, and its conversations whose last
    turn is older; the rows deleted, by council and table."""
    deleted: dict[str, dict[str, int]] = {}
    with database.engine.begin() as connection:
        for council, cutoff in cutoffs.items():
            deleted[council] = {
                table.name: connection.execute(delete(table).where(*_older(table, council, cutoff))).rowcount
                or 0
                for table in (turns, feedback, conversations, turn_days)
            }
    return deleted


def count_older(database: Database, cutoffs: Mapping[str, datetime]) -> dict[str, dict[str, int]]:
    """What `purge` would delete, by council and table, deleting nothing."""
    with database.engine.connect() as connection:
        return {
            council: {
                table.name: connection.execute(
                    select(func.count()).select_from(table).where(*_older(table, council, cutoff))
                ).scalar_one()
                for table in (turns, feedback, conversations, turn_days)
            }
            for council, cutoff in cutoffs.items()
        }


def _older(table: Any, council: str, cutoff: datetime) -> list[Any]:
    if table is turn_days:  # a day goes once all of it is past the cutoff
        return [table.c.council == council, table.c.day < cutoff.astimezone(UTC).date()]
    column = table.c.last_at if table is conversations else table.c.at
    return [table.c.council == council, column < cutoff]


def stored_councils(database: Database) -> list[str]:
    """Every council with a stored conversation (to purge councils no longer in the library, too)."""
    with database.engine.connect() as connection:
        return sorted(connection.execute(select(conversations.c.council).distinct()).scalars())
