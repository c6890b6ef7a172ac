"""`sync-intents purge`: delete insights older than each council's retention period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from webhook.cli_options import LIBRARY_OPTION
from webhook.database.commands import DATABASE_URL_OPTION

#: Days a delivered hand-off keeps the resident's transcript and contact details: long enough for the
#: council to ask for it again if its system lost it, no longer (the case now lives in the council's own).
HANDOFF_CASE_DAYS = 7
#: Days a hand-off the channel refused for good keeps them: a month for someone to fix the channel and
#: `sync-intents handoff retry` it; after that the resident has long been told nothing came of it, and
#: their details are not kept on the chance.
FAILED_HANDOFF_CASE_DAYS = 30


@click.command()
@LIBRARY_OPTION
@DATABASE_URL_OPTION
@click.option("--dry-run", is_flag=True, help="Say what would be deleted; delete nothing.")
def purge(library_dir: Path, database_url: str | None, dry_run: bool) -> None:
    """Delete each council's stored turns, feedback and conversations older than its retention period
    (`insights: retention_days` in its overlay, default 90 days; councils no longer in the library keep
    the default), forget failed staff sign-ins that no longer count towards a lock-out (24 hours), and
    erase the transcript and contact details of hand-offs delivered more than 7 days ago, or failed
    (refused for good by their channel) more than 30 days ago. Run it daily (cron, a scheduled job)."""
    from webhook.database import connect, default_database_url, migrate
    from webhook.handoff.outbox import Outbox
    from webhook.insights import DEFAULT_RETENTION_DAYS, retention_days
    from webhook.insights.store import count_older, stored_councils
    from webhook.insights.store import purge as purge_rows
    from webhook.library.loader import load_library

    library = load_library(library_dir).library
    database = connect(database_url or default_database_url())
    try:
        migrate(database)
        now = datetime.now(UTC)
        days = {slug: retention_days(council) for slug, council in library.councils.items()}
        for slug in stored_councils(database):
            days.setdefault(slug, DEFAULT_RETENTION_DAYS)
        cutoffs = {slug: now - timedelta(days=kept) for slug, kept in sorted(days.items())}
        counted = count_older if dry_run else purge_rows
        for slug, rows in counted(database, cutoffs).items():
            if any(rows.values()):
                click.echo(
                    f"{slug}: {'would delete' if dry_run else 'deleted'} {rows['turns']} turn(s), "
                    f"{rows['feedback']} feedback, {rows['conversations']} conversation(s) older than "
                    f"{days[slug]} days"
                )
        if not dry_run:
            from webhook.database.sign_in_lockout import forget_stale

            forgotten = forget_stale(database, now)
            if forgotten:
                click.echo(f"staff sign-in: forgot the failed sign-ins of {forgotten} account(s)")
            erased = Outbox(database).erase_delivered(now - timedelta(days=HANDOFF_CASE_DAYS))
            if erased:
                click.echo(
                    f"hand-offs: erased the transcript and contact details of {erased} case(s) delivered "
                    f"more than {HANDOFF_CASE_DAYS} days ago"
                )
            erased = Outbox(database).erase_failed(now - timedelta(days=FAILED_HANDOFF_CASE_DAYS))
            if erased:
                click.echo(
                    f"hand-offs: erased the transcript and contact details of {erased} case(s) that failed "
                    f"more than {FAILED_HANDOFF_CASE_DAYS} days ago and were not retried"
                )
        if dry_run:
            click.echo("dry run: nothing deleted")
    finally:
        database.dispose()
