"""`sync-intents handoff list` and `handoff retry`: for the people who deploy the app, the hand-offs in
the outbox and a way to send again those a council's channel refused for good (marked failed).

Neither command ever shows a case's content (the resident's contact details and transcript): only its
reference, council, channel, status, attempts, last error and times.
"""

from __future__ import annotations

from datetime import datetime

import click

from webhook.database.commands import DATABASE_URL_OPTION
from webhook.handoff.outbox import STATUSES, Listed, Outbox

#: The most rows `handoff list` prints unless told otherwise (delivered rows pile up between purges).
DEFAULT_LIMIT = 200
COLUMNS = ("reference", "council", "channel", "status", "attempts", "created (UTC)", "last error")


def open_outbox(database_url: str | None) -> Outbox:
    """The outbox of the app's database at `database_url` (else $DATABASE_URL, else the app's SQLite
    file), its schema brought up to date as `sync-intents purge` does."""
    from webhook.database import connect, default_database_url, migrate

    database = connect(database_url or default_database_url())
    migrate(database)
    return Outbox(database)


def when(value: datetime | None) -> str:
    """A stored time as an operator reads it: UTC to the minute."""
    return f"{value:%Y-%m-%d %H:%M}" if value is not None else "-"


def describe_status(row: Listed) -> str:
    """The row's status, and whether its case is gone (an erased case cannot be sent again)."""
    return f"{row.status} (erased)" if row.erased else row.status


def table_lines(rows: list[Listed]) -> list[str]:
    """The rows as aligned columns under a header; the last error, of any length, last."""
    cells = [
        (
            row.reference,
            row.council,
            row.channel,
            describe_status(row),
            str(row.attempts),
            when(row.created_at),
            row.last_error or "-",
        )
        for row in rows
    ]
    widths = [max(len(line[index]) for line in [COLUMNS, *cells]) for index in range(len(COLUMNS) - 1)]
    return [
        "  ".join(
            [*(cell.ljust(width) for cell, width in zip(line, widths, strict=False)), line[-1]]
        ).rstrip()
        for line in [COLUMNS, *cells]
    ]


@click.group()
def handoff() -> None:
    """The hand-off outbox: cases waiting for, refused by, or delivered to each council's channel."""


@handoff.command("list")
@click.option("--status", type=click.Choice(STATUSES), default=None, help="Only hand-offs with this status.")
@click.option("--council", "slug", default=None, help="Only this council's hand-offs (its slug).")
@click.option(
    "--limit", type=click.IntRange(min=1), default=DEFAULT_LIMIT, show_default=True, help="At most this many."
)
@DATABASE_URL_OPTION
def list_(status: str | None, slug: str | None, limit: int, database_url: str | None) -> None:
    """List hand-offs, newest first: reference, council, channel, status, attempts, when it was created
    and the last error. Never the resident's contact details or the conversation."""
    outbox = open_outbox(database_url)
    try:
        rows = outbox.listing(status=status, council=slug, limit=limit)
    finally:
        outbox.database.dispose()
    if not rows:
        click.echo(
            "no hand-offs" + (f" with status {status}" if status else "") + (f" for {slug}" if slug else "")
        )
        return
    for line in table_lines(rows):
        click.echo(line)
    if len(rows) == limit:
        click.echo(f"(the newest {limit}; give --limit for more)")


@handoff.command()
@click.argument("references", nargs=-1, metavar="[REFERENCE]...")
@click.option("--failed", "all_failed", is_flag=True, help="Every failed hand-off (of --council if given).")
@click.option("--council", "slug", default=None, help="With --failed: only this council's.")
@DATABASE_URL_OPTION
def retry(references: tuple[str, ...], all_failed: bool, slug: str | None, database_url: str | None) -> None:
    """Send failed hand-offs again once their channel is fixed: REFERENCE... (HO-7KQ2-MXTA), or
    --failed [--council SLUG]. Each goes back to pending, due now, and the app's delivery worker sends it
    within HANDOFF_POLL_SECONDS (30 s by default); if the channel still refuses it, it fails again and
    is logged again. Exits 1 if a REFERENCE could not be queued."""
    if bool(references) == all_failed:
        raise click.UsageError("give REFERENCE... or --failed (with --council SLUG for one council)")
    if slug is not None and not all_failed:
        raise click.UsageError("--council goes with --failed")
    wanted = [reference.strip().upper() for reference in references]
    outbox = open_outbox(database_url)
    try:
        queued = outbox.requeue(None if all_failed else wanted, council=slug)
        left = [reference for reference in wanted if reference not in queued]
        found = {row.reference: row for row in outbox.listing(references=left)} if left else {}
    finally:
        outbox.database.dispose()
    for reference in queued:
        click.echo(f"{reference}: queued again, due now")
    problems = [_why_not(reference, found.get(reference)) for reference in left]
    for problem in problems:
        click.echo(problem, err=True)
    if not queued and all_failed:
        click.echo("no failed hand-offs" + (f" for {slug}" if slug else "") + " to retry")
    if queued:
        click.echo(f"{len(queued)} hand-off(s) queued; the app's delivery worker sends them shortly")
    if problems:
        raise SystemExit(1)


def _why_not(reference: str, row: Listed | None) -> str:
    """Why a reference given to `retry` was not queued."""
    if row is None:
        return f"{reference}: no such hand-off"
    if row.erased:
        return f"{reference}: its case has been erased (retention); it cannot be sent again"
    return f"{reference}: not failed (it is {row.status}); left as it is"
