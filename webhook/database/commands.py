"""`sync-intents database upgrade`: bring the app's database schema up to date, as a release step.

The app migrates as it starts (`DATABASE_MIGRATE`, on by default); a deployment that runs several
instances, or wants the schema change to happen before any new instance serves, runs this instead and
starts the app with DATABASE_MIGRATE=0.
"""

from __future__ import annotations

import click

from webhook.database.connection import connect, default_database_url
from webhook.database.migrate import migrate

DATABASE_URL_OPTION = click.option(
    "--database-url",
    envvar="DATABASE_URL",
    default=None,
    help="SQLAlchemy URL of the app's database (default: $DATABASE_URL, else the app's SQLite file).",
)


@click.group()
def database() -> None:
    """The app's own database (insights, the hand-off outbox)."""


@database.command()
@DATABASE_URL_OPTION
@click.option("--revision", default="head", show_default=True, help="Alembic revision to upgrade to.")
def upgrade(database_url: str | None, revision: str) -> None:
    """Apply the database migrations the database does not have yet."""
    url = database_url or default_database_url()
    opened = connect(url)
    try:
        migrate(opened, revision)
    finally:
        opened.dispose()
    click.echo(f"database at {opened.engine.url.render_as_string(hide_password=True)} is at {revision}")
