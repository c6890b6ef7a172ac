"""Bringing a database's schema up to date with the Alembic migrations shipped in the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from webhook.database.connection import Database

MIGRATIONS = Path(__file__).parent / "migrations"
#: The advisory lock instances take in turn to migrate ("council-chatbot" in a 64-bit number).
MIGRATION_LOCK = 0x636F756E63696C


def alembic_config(database: Database) -> Config:
    """Alembic's configuration for this package's migrations, on `database`."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database.engine.url.render_as_string(hide_password=False))
    return config


def migrate(database: Database, revision: str = "head") -> None:
    """Upgrade `database` to `revision` (the newest by default). Safe to repeat, and to run from several
    instances starting at once: on PostgreSQL they take turns (an advisory lock held for the upgrade)."""
    config = alembic_config(database)
    with database.engine.begin() as connection:
        if not database.is_sqlite:
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
