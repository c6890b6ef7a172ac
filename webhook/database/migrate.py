"""Bringing a database's schema up to date with the Alembic migrations shipped in the package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from webhook.database.connection import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
#: The advisory lock instances take in turn to migrate ("council-chatbot" in a 64-bit number).
MIGRATION_LOCK = 0x636F756E63696C
#: The newest migration's revision (tests/insights hold it to Alembic's own head). A database already
#: there is left alone without loading Alembic: every worker of every instance starts this way, and
#: Alembic would stay in each one's memory (about 10 MiB) for nothing.
HEAD_REVISION = "0004"


def alembic_config(database: Database) -> Config:
    """Alembic's configuration for this package's migrations, on `database`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database.engine.url.render_as_string(hide_password=False))
    return config


def migrate(database: Database, revision: str = "head") -> None:
    """Upgrade `database` to `revision` (the newest by default). Safe to repeat, and to run from several
    instances starting at once: on PostgreSQL they take turns (an advisory lock held for the upgrade)."""
    if revision == "head" and current_revision(database) == HEAD_REVISION:
        return
    from alembic import command

    config = alembic_config(database)
    with database.engine.begin() as connection:
        if not database.is_sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(database: Database) -> str | None:
    """The revision the database's schema is at (Alembic's own record of it), None before the first."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
