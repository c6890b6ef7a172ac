"""`sync-intents purge` deletes what is past each council's retention period (and failed staff sign-ins
that no longer count), and nothing else; `sync-intents database upgrade` creates the schema as a release
step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from click.testing import CliRunner
from sqlalchemy import func, select

from tests.conftest import BuildLibrary
from webhook.cli import main
from webhook.database import connect, migrate
from webhook.database import sign_in_lockout as lockout
from webhook.database.tables import conversations, feedback, staff_sign_in_failures, turns
from webhook.insights.events import FeedbackEvent, TurnEvent
from webhook.insights.store import write_events


def event(council: str, conversation: str, days_ago: int) -> TurnEvent:
    at = datetime.now(UTC) - timedelta(days=days_ago)
    return TurnEvent(
        at, council, conversation, "en", "chat", "waste.collection_day", 0.9, False, False, "handled", "bins"
    )


def counts(url: str) -> dict[str, int]:
    database = connect(url)
    with database.engine.connect() as connection:
        found = {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (turns, feedback, conversations)
        }
    database.dispose()
    return found


def test_purge_keeps_each_council_its_own_retention(
    database_url: str, build_library: BuildLibrary, runner: CliRunner
) -> None:
    root = build_library()
    overlay = root / "councils" / "unitary" / "council.yaml"
    overlay.write_text(overlay.read_text() + "insights:\n  retention_days: 30\n")
    database = connect(database_url)
    migrate(database)
    write_events(
        database,
        [
            event("unitary", "u-old", 45),  # past unitary's 30 days
            event("unitary", "u-new", 10),
            event("gone-council", "g-old", 100),  # no overlay any more: the default 90 days
            event("gone-council", "g-new", 45),
            FeedbackEvent(
                datetime.now(UTC) - timedelta(days=45),
                "unitary",
                "u-old",
                "waste.collection_day",
                0,
                False,
                "en",
                "",
            ),
        ],
    )
    database.dispose()

    dry = runner.invoke(main, ["purge", "--library", str(root), "--database-url", database_url, "--dry-run"])
    after_dry_run = counts(database_url)
    result = runner.invoke(main, ["purge", "--library", str(root), "--database-url", database_url])

    assert dry.exit_code == 0, dry.output
    assert "unitary: would delete 1 turn(s), 1 feedback, 1 conversation(s) older than 30 days" in dry.output
    assert after_dry_run == {"turns": 4, "feedback": 1, "conversations": 4}
    assert result.exit_code == 0, result.output
    assert (
        "gone-council: deleted 1 turn(s), 0 feedback, 1 conversation(s) older than 90 days" in result.output
    )
    assert counts(database_url) == {"turns": 2, "feedback": 0, "conversations": 2}


def test_database_upgrade_creates_the_schema(database_url: str, runner: CliRunner) -> None:
    result = runner.invoke(main, ["database", "upgrade", "--database-url", database_url])

    assert result.exit_code == 0, result.output
    assert counts(database_url) == {"turns": 0, "feedback": 0, "conversations": 0}


def test_purge_forgets_failed_staff_sign_ins_that_no_longer_count(
    database_url: str, build_library: BuildLibrary, runner: CliRunner
) -> None:
    root = build_library()
    database = connect(database_url)
    migrate(database)
    now = datetime.now(UTC)
    lockout.record_failure(
        database, lockout.account_key("unitary", "typed-my-email@example.com"), now - timedelta(days=2)
    )
    lockout.record_failure(
        database, lockout.account_key("unitary", "unitary-staff"), now - timedelta(minutes=5)
    )

    result = runner.invoke(main, ["purge", "--library", str(root), "--database-url", database_url])

    assert result.exit_code == 0, result.output
    assert "forgot the failed sign-ins of 1 account(s)" in result.output
    with database.engine.connect() as connection:
        kept = connection.execute(select(staff_sign_in_failures.c.account)).scalars().all()
    database.dispose()
    assert kept == ["unitary:unitary-staff"]  # still counts towards a lock-out
