"""Every turn and every "Was this helpful?" is kept for the council's insights, redacted, on SQLite and
on a real PostgreSQL; a database that is down loses the insight, never the turn."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import DateTime, select
from sqlalchemy.dialects import sqlite

from tests.conftest import BuildLibrary, app_settings
from tests.fulfilment.conftest import DIALOGFLOW_BLOCK, basic_auth, webhook_request
from webhook import create_app
from webhook.database import connect, migrate
from webhook.database.migrate import HEAD_REVISION, alembic_config, current_revision
from webhook.database.tables import conversations, feedback, metadata, turns
from webhook.insights.events import CHAT, TurnEvent
from webhook.insights.recorder import Recorder
from webhook.insights.store import ROWS_PER_INSERT, sqlite_datetime, write_events

SESSION = "resident-session-0001"
#: What a resident in a hurry types, personal data and all.
PERSONAL = [
    "when is my bin day AB1 2CD",
    "my email is jo.bloggs@example.com and my number is 07700 900123",
    "my name is Joanna Bloggs, account 12345678",
    "the pothole outside 3 high street, ox11aa, call 01865 123456",
    "I'm called Rhiannon, text me on +44 7700 900456 or mail r.jones+bins@council-tenant.org.uk",
]


def insights_app(database_url: str) -> Flask:
    return create_app(app_settings(DATABASE_URL=database_url, INSIGHTS_FLUSH_SECONDS=60.0))


def chat(client: FlaskClient, text: str, session: str = SESSION, council: str = "demo") -> dict:
    response = client.post("/api/chat", json={"council": council, "session": session, "text": text})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def stored(app: Flask, table) -> list[dict]:
    app.extensions["insights"].flush()
    with app.extensions["database"].engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(select(table))]


def test_each_chat_turn_is_kept_with_its_intent_language_and_outcome(database_url: str) -> None:
    app = insights_app(database_url)
    client = app.test_client()

    chat(client, "")  # the welcome is the bot's, not a resident's turn
    chat(client, "when is my bin day")
    chat(client, "wibble wobble the moon is cheese")

    rows = stored(app, turns)
    assert [(r["intent"], r["language"], r["channel"], r["fallback"]) for r in rows] == [
        ("waste.collection_day", "en", "chat", False),
        ("system.fallback", "en", "chat", True),
    ]
    assert rows[0]["council"] == "demo" and 0 < rows[0]["confidence"] <= 1
    assert rows[1]["outcome"] is not None
    [conversation] = stored(app, conversations)
    assert (conversation["turns"], conversation["fallbacks"], conversation["handoffs"]) == (2, 1, 0)
    assert conversation["id"] == rows[0]["conversation"] == rows[1]["conversation"]


def test_the_conversation_id_is_not_the_session_id_and_differs_per_conversation(database_url: str) -> None:
    app = insights_app(database_url)
    client = app.test_client()

    chat(client, "when is my bin day", session="first-resident-1")
    chat(client, "when is my bin day", session="second-resident-2")

    ids = {row["conversation"] for row in stored(app, turns)}
    assert len(ids) == 2
    assert not any("resident" in conversation_id for conversation_id in ids)


def test_asking_for_a_person_and_saying_not_helpful_count_against_containment(database_url: str) -> None:
    app = insights_app(database_url)
    client = app.test_client()

    chat(client, "can i talk to a real person")
    response = client.post(
        "/api/feedback",
        json={"council": "demo", "session": SESSION, "intent": "system.human_handoff", "helpful": False},
    )

    assert response.status_code == 202
    [conversation] = stored(app, conversations)
    assert (conversation["handoffs"], conversation["unhelpful"]) == (1, 1)
    [kept] = stored(app, feedback)
    assert kept["helpful"] is False and kept["conversation"] == conversation["id"]


def test_no_personal_data_reaches_the_database(database_url: str) -> None:
    app = insights_app(database_url)
    client = app.test_client()

    for text in PERSONAL:
        chat(client, text)
    client.post(
        "/api/feedback",
        json={
            "council": "demo",
            "session": SESSION,
            "intent": "waste.collection_day",
            "helpful": False,
            "comment": "wrong day for AB1 2CD, ring me on 07700 900123 or jo.bloggs@example.com",
        },
    )

    # Every row of every table the app keeps, not only the ones insights are known to write.
    everything = " ".join(
        str(value) for table in metadata.sorted_tables for row in stored(app, table) for value in row.values()
    )
    assert "waste.collection_day" in everything  # the rows were read
    for personal in (
        "2CD",
        "jo.bloggs",
        "example.com",
        "07700",
        "900123",
        "Joanna",
        "Bloggs",
        "12345678",
        "01865",
        "11aa",
        "Rhiannon",
        "900456",
        "r.jones",
        "council-tenant",
        SESSION,
    ):
        assert personal not in everything
    assert "AB1 [postcode]" in everything  # the district stays: where residents ask from
    assert "OX1 [postcode]" in everything


def dialogflow_insights_app(database_url: str, build_library: BuildLibrary) -> Flask:
    """The app with insights on, for a council whose bot runs on Dialogflow ("unitary")."""
    root = build_library()
    overlay = root / "councils" / "unitary" / "council.yaml"
    overlay.write_text(overlay.read_text() + DIALOGFLOW_BLOCK)
    return create_app(app_settings(root, DATABASE_URL=database_url, INSIGHTS_FLUSH_SECONDS=60.0))


def test_dialogflow_webhook_turns_are_kept_as_the_dialogflow_channel(
    database_url: str, build_library: BuildLibrary
) -> None:
    app = dialogflow_insights_app(database_url, build_library)
    body = webhook_request(
        "waste.collection_day",
        text="when do my bins go out, I'm at OX4 1AA",
        session="projects/unitary-council-bot/agent/sessions/dialogflow-session-9",
    )

    response = app.test_client().post("/webhook", json=body, headers=basic_auth())

    assert response.status_code == 200
    [row] = stored(app, turns)
    assert (row["council"], row["channel"], row["intent"], row["confidence"]) == (
        "unitary",
        "dialogflow",
        "waste.collection_day",
        0.87,
    )
    assert row["text"] == "when do my bins go out, I'm at OX4 [postcode]"
    assert "dialogflow-session-9" not in row["conversation"]


def test_no_personal_data_from_dialogflow_turns_reaches_the_database(
    database_url: str, build_library: BuildLibrary
) -> None:
    # The webhook hands insights the text its turn log already redacted: it must be that text.
    app = dialogflow_insights_app(database_url, build_library)
    client = app.test_client()

    for text in PERSONAL:
        body = webhook_request(
            "system.fallback", text=text, session="projects/unitary-council-bot/agent/sessions/s-1"
        )
        assert client.post("/webhook", json=body, headers=basic_auth()).status_code == 200

    rows = stored(app, turns)
    kept = " ".join(row["text"] for row in rows)
    assert len(rows) == len(PERSONAL)
    for personal in (
        "2CD",
        "jo.bloggs",
        "07700",
        "Joanna",
        "12345678",
        "01865",
        "11aa",
        "Rhiannon",
        "900456",
    ):
        assert personal not in kept
    assert "AB1 [postcode]" in kept


def test_turns_are_answered_while_the_database_is_unreachable_and_the_loss_is_counted(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    database_file = tmp_path / "app.sqlite3"
    app = insights_app(f"sqlite:///{database_file}")
    client = app.test_client()
    database_file.unlink()
    (tmp_path / "app.sqlite3").mkdir()  # the file is gone and cannot be made again: every write fails
    app.extensions["database"].dispose()

    replies = [chat(client, "when is my bin day") for _ in range(3)]
    app.extensions["insights"].flush()

    assert all(reply["intent"] == "waste.collection_day" for reply in replies)
    assert app.extensions["insights"].lost == 3
    assert "insights: 3 event(s) not recorded" in caplog.text


def test_a_full_queue_drops_new_events_rather_than_grow(tmp_path: Path) -> None:
    database = connect(f"sqlite:///{tmp_path / 'app.sqlite3'}")
    migrate(database)
    written: list[int] = []
    recorder = Recorder(
        database, queue_limit=3, flush_seconds=60.0, write=lambda _db, batch: written.append(len(batch))
    )

    for _ in range(5):
        recorder.record(object())  # type: ignore[arg-type]
    recorder.flush()

    assert recorder.lost == 2 and written == [3]


def test_a_large_batch_is_written_whole_and_read_back_at_the_same_instant(database_url: str) -> None:
    # More turns than one INSERT carries, with times whose microseconds are and are not zero: every
    # row lands, and each time reads back as the instant it was recorded at.
    database = connect(database_url)
    migrate(database)
    start = datetime(2026, 11, 30, 23, 59, 59, tzinfo=UTC)
    events = [
        TurnEvent(
            at=start + timedelta(microseconds=137 * n),
            council="demo",
            conversation=f"c{n % 7}",
            language="cy" if n % 3 else "en",
            channel=CHAT,
            intent=None if n % 5 == 0 else "council_tax.pay",
            confidence=None if n % 5 == 0 else 0.5,
            fallback=n % 5 == 0,
            handoff=False,
            outcome=None,
            text=f"question {n}",
        )
        for n in range(ROWS_PER_INSERT * 2 + 1)
    ]

    write_events(database, events)

    with database.engine.connect() as connection:
        rows = connection.execute(
            select(turns.c.at, turns.c.text, turns.c.fallback).order_by(turns.c.id)
        ).all()
    assert [row.text for row in rows] == [event.text for event in events]
    assert [row.at.replace(tzinfo=UTC) for row in rows] == [event.at for event in events]
    assert sum(row.fallback for row in rows) == sum(event.fallback for event in events)


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 12, 2, 18, 35, 31, 295663, tzinfo=UTC),
        datetime(2026, 1, 2, 3, 4, 5),
        datetime(999, 1, 1),
    ],
)
def test_sqlite_times_are_kept_as_sqlalchemy_keeps_them(moment: datetime) -> None:
    # The writer formats SQLite's times itself (for speed); the dashboard reads them through SQLAlchemy.
    dialect = sqlite.dialect()
    sqlalchemy_text = DateTime(timezone=True).dialect_impl(dialect).bind_processor(dialect)(moment)

    assert sqlite_datetime(moment) == sqlalchemy_text


def test_the_migrations_create_exactly_the_tables_the_code_writes(database_url: str) -> None:
    database = connect(database_url)
    migrate(database)
    migrate(database)  # again: nothing to do, no error

    with database.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    database.dispose()

    assert differences == []


def test_a_database_at_the_newest_migration_is_recognised_without_alembic(database_url: str) -> None:
    """Workers start on a migrated database without loading Alembic: the revision they compare with must
    be the newest migration the package ships, or a new one would never be applied."""
    script = ScriptDirectory.from_config(alembic_config(connect(database_url)))
    assert script.get_current_head() == HEAD_REVISION

    database = connect(database_url)
    assert current_revision(database) is None  # a new database: migrated with Alembic
    migrate(database)
    assert current_revision(database) == HEAD_REVISION
    database.dispose()
