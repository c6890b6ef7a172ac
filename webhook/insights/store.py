"""Writing insight events to the database in batches, and deleting what is past its retention.

One transaction per batch: the turns and feedback rows, and each conversation's running totals
(turns, fallbacks, hand-offs, unhelpful answers) added to in one upsert per conversation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects import postgresql, sqlite

from webhook.database import Database
from webhook.database.tables import conversations, feedback, turns
from webhook.insights.events import FeedbackEvent, TurnEvent


def write_events(database: Database, events: Sequence[TurnEvent | FeedbackEvent]) -> None:
    """Write a batch of events in one transaction (all of it or, on error, none)."""
    turn_rows = [asdict(event) for event in events if isinstance(event, TurnEvent)]
    feedback_rows = [asdict(event) for event in events if isinstance(event, FeedbackEvent)]
    totals = conversation_totals(events)
    with database.engine.begin() as connection:
        if turn_rows:
            connection.execute(turns.insert(), turn_rows)
        if feedback_rows:
            connection.execute(feedback.insert(), feedback_rows)
        if totals:
            insert = (sqlite.insert if database.is_sqlite else postgresql.insert)(conversations)
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
                for table in (turns, feedback, conversations)
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
                for table in (turns, feedback, conversations)
            }
            for council, cutoff in cutoffs.items()
        }


def _older(table: Any, council: str, cutoff: datetime) -> list[Any]:
    column = table.c.last_at if table is conversations else table.c.at
    return [table.c.council == council, column < cutoff]


def stored_councils(database: Database) -> list[str]:
    """Every council with a stored conversation (to purge councils no longer in the library, too)."""
    with database.engine.connect() as connection:
        return sorted(connection.execute(select(conversations.c.council).distinct()).scalars())
