"""Writing insight events to the database in batches, and deleting what is past its retention.

One transaction per batch: the turns and feedback rows, each conversation's running totals (turns,
fallbacks, hand-offs, unhelpful answers) and each day's counts by intent (`turn_days`), added to in one
upsert per conversation and per day and intent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Boolean, Connection, DateTime, Float, Integer, String, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from webhook.database import Database
from webhook.database.tables import conversations, feedback, metadata, turn_days, turns
from webhook.insights.events import FeedbackEvent, TurnEvent


def write_events(database: Database, events: Sequence[TurnEvent | FeedbackEvent]) -> None:
    """Write a batch of events in one transaction (all of it or, on error, none)."""
    turn_events = [event for event in events if isinstance(event, TurnEvent)]
    feedback_events = [event for event in events if isinstance(event, FeedbackEvent)]
    totals = conversation_totals(events)
    with database.engine.begin() as connection:
        if turn_events:
            _insert_plain(connection, turns.name, TurnEvent._fields, turn_events)
        if feedback_events:
            _insert_plain(connection, feedback.name, FeedbackEvent._fields, feedback_events)
        if turn_events:
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


def _insert_plain(
    connection: Connection, table_name: str, names: tuple[str, ...], events: Sequence[tuple]
) -> None:
    # Many rows to one INSERT ... VALUES (...), (...): the driver runs one statement (SQLite's module
    # lets other threads run around each statement it steps, so a statement per row made the writer
    # and the request threads hand the interpreter to each other hundreds of times a batch, which cost
    # several times the writing itself), and the values go in as they are, converted only where the
    # column's type says so (SQLite keeps datetimes as text) rather than through a dict per row.
    processors = _processors(connection.dialect, table_name, names)
    for start in range(0, len(events), ROWS_PER_INSERT):
        chunk = events[start : start + ROWS_PER_INSERT]
        values: list[Any] = []
        for event in chunk:
            row = list(event)
            for index, process in processors:
                row[index] = process(row[index])
            values += row
        connection.exec_driver_sql(
            _plain_insert(connection.dialect, table_name, names, len(chunk)), tuple(values)
        )


#: Rows in one INSERT: 11 values a turn stay well inside SQLite's and PostgreSQL's limits on values
#: in a statement (32,766 and 65,535).
ROWS_PER_INSERT = 500

#: A driver's placeholder for one value, by DB-API paramstyle (positional, since rows are tuples).
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


#: Column types whose Python values every driver takes as they are (no conversion to spend time on).
_TAKEN_AS_THEY_ARE = (Boolean, Float, Integer, String)


@lru_cache(maxsize=16)
def _processors(
    dialect: Dialect, table_name: str, names: tuple[str, ...]
) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """Each value's conversion for the driver, where its column's type needs one, by position in `names`."""
    table = metadata.tables[table_name]
    processors = []
    for index, name in enumerate(names):
        column_type = table.c[name].type
        if isinstance(column_type, _TAKEN_AS_THEY_ARE):
            continue
        if dialect.name == "sqlite" and isinstance(column_type, DateTime):
            processors.append((index, sqlite_datetime))
        elif (process := column_type.dialect_impl(dialect).bind_processor(dialect)) is not None:
            processors.append((index, process))
    return tuple(processors)


def sqlite_datetime(value: datetime | None) -> str | None:
    """A datetime as SQLAlchemy keeps it in SQLite ("2026-12-02 18:35:31.295663", the fields as they
    are, no offset): the same text as its own converter (a test holds them together), made in a fifth
    of the time by the C `isoformat`."""
    return None if value is None else value.isoformat(" ", "microseconds")[:26]


@lru_cache(maxsize=64)
def _plain_insert(dialect: Dialect, table_name: str, names: tuple[str, ...], rows: int) -> str:
    """The INSERT of `rows` rows of `names` into the table, in the driver's own SQL."""
    table = metadata.tables[table_name]
    quote = dialect.identifier_preparer
    marker = _PLACEHOLDERS[dialect.paramstyle]
    columns = ", ".join(quote.format_column(table.c[name]) for name in names)
    row = "(" + ", ".join([marker] * len(names)) + ")"
    return f"INSERT INTO {quote.format_table(table)} ({columns}) VALUES " + ", ".join([row] * rows)


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
