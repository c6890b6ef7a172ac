"""The fault tests: PostgreSQL stopped in the middle of a load of chat turns, and down when the app
starts. Every turn is answered; the turns that could not be recorded are counted, and recording resumes
(after the migration the database missed) when the database is back."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from tests.conftest import app_settings
from tests.postgres_server import PostgresServer, remove, start_server
from webhook import create_app
from webhook.database.tables import turns

QUESTIONS = ["when is my bin day", "how do i pay council tax", "report a pothole", "where do i vote"]


@pytest.fixture
def own_server() -> Iterator[PostgresServer]:
    """A server of this test's own, since the test stops it."""
    server = start_server()
    yield server
    remove(server)


def test_no_turn_fails_while_the_database_is_stopped_mid_load(own_server: PostgresServer) -> None:
    app = create_app(
        app_settings(
            DATABASE_URL=own_server.create_database(),
            INSIGHTS_FLUSH_SECONDS=0.05,
            CHAT_RATE_PER_MINUTE=60_000,  # one test client sends the whole load
            CHAT_RATE_BURST=10_000,
        )
    )
    recorder = app.extensions["insights"]

    def turn(number: int) -> int:
        response = app.test_client().post(
            "/api/chat",
            json={"council": "demo", "session": f"load-session-{number:04d}", "text": QUESTIONS[number % 4]},
        )
        return response.status_code if response.get_json().get("messages") else 0

    with ThreadPoolExecutor(4) as pool:
        before = list(pool.map(turn, range(0, 60)))
        recorder.flush()
        own_server.stop()
        during = list(pool.map(turn, range(60, 120)))
        recorder.flush()
        lost_while_down = recorder.lost
        own_server.start()
        after = list(pool.map(turn, range(120, 180)))
    recorder.flush()

    with app.extensions["database"].engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(turns)).scalar_one()
    assert before + during + after == [200] * 180  # every turn answered, with messages
    assert lost_while_down == 60  # none of the turns while it was down were written, and each is counted
    assert recorder.lost == 60 and stored == 120  # recording resumed once the database was back


def test_the_app_starts_and_answers_with_the_database_down_and_migrates_it_once_back(
    own_server: PostgresServer, caplog: pytest.LogCaptureFixture
) -> None:
    url = own_server.create_database()
    own_server.stop()
    app = create_app(app_settings(DATABASE_URL=url, INSIGHTS_FLUSH_SECONDS=60.0))
    recorder = app.extensions["insights"]
    client = app.test_client()

    def turn(number: int) -> str:
        response = client.post(
            "/api/chat",
            json={"council": "demo", "session": f"start-session-{number}", "text": QUESTIONS[number % 4]},
        )
        assert response.status_code == 200 and response.get_json()["messages"]
        return response.get_json()["intent"]

    while_down = [turn(number) for number in range(3)]
    recorder.flush()
    lost_while_down = recorder.lost
    own_server.start()
    once_back = [turn(number) for number in range(3, 5)]
    recorder.flush()

    with app.extensions["database"].engine.connect() as connection:
        stored = connection.execute(select(func.count()).select_from(turns)).scalar_one()
    assert while_down[0] == once_back[1] == "waste.collection_day"
    assert "the database cannot be reached to migrate it" in caplog.text
    assert lost_while_down == 3 and recorder.lost == 3 and stored == 2
