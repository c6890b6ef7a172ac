"""Opening the database: the URL from the configuration, an engine fit for its dialect."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from webhook.library.loader import source_checkout

#: Seconds a PostgreSQL connection attempt may take: the writer thread gives up and counts the turns
#: lost rather than wait on a database that is down.
CONNECT_TIMEOUT_SECONDS = 3


def default_database_url() -> str:
    """$DATABASE_URL; else an SQLite file in .cache/ of the checkout when running from source (`make
    run`); else one in the user's data folder."""
    if configured := os.environ.get("DATABASE_URL"):
        return configured
    if (checkout := source_checkout()) is not None:
        folder = checkout / ".cache"
    else:
        home = os.path.expanduser("~")
        data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
        folder = Path(data_home) / "council-chatbot"
    return f"sqlite:///{folder / 'council-chatbot.sqlite3'}"


@dataclass(frozen=True)
class Database:
    """One database: its engine, and whether it is SQLite (some statements differ)."""

    engine: Engine

    @property
    def is_sqlite(self) -> bool:
        """Whether the database is SQLite (else PostgreSQL)."""
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Close every pooled connection (after a fork, or when done)."""
        self.engine.dispose()


def connect(url: str) -> Database:
    """The database at `url` (SQLAlchemy form; `sqlite://` alone is a private in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return Database(_sqlite_engine(url))
    if parsed.drivername == "postgresql":  # the driver the project installs, unless the URL names another
        parsed = parsed.set(drivername="postgresql+psycopg")
    engine = create_engine(
        parsed,
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=2,
        # Days and hours are UTC whatever the server's own time zone.
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS, "options": "-c timezone=UTC"},
    )
    return Database(engine)


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.database in (None, "", ":memory:"):
        # One connection shared by every thread, or each would see its own empty database.
        engine = create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 5})

    @event.listens_for(engine, "connect")
    def _pragmas(connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = connection.cursor()
        # WAL: the dashboard reads while the writer writes; several gunicorn workers share one file.
        if parsed.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL is still safe from corruption and loses nothing when the app crashes
            # (only the last commits, if the machine itself loses power): SQLite's own advice for WAL,
            # and it spares every batch of insights an fsync.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine
