"""The chat API on a council's Dialogflow agent: the real SessionsClient over gRPC to a fake server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.chat.fake_sessions import FakeSessions
from tests.conftest import BuildLibrary, app_settings
from webhook import create_app


@pytest.fixture
def sessions() -> Iterator[FakeSessions]:
    fake = FakeSessions().start()
    yield fake
    fake.stop()


@pytest.fixture
def client(build_library: BuildLibrary, sessions: FakeSessions, tmp_path: Path):
    root = build_library()
    overlay = root / "councils" / "unitary" / "council.yaml"
    overlay.write_text(
        overlay.read_text() + "dialogflow:\n  project_id: unitary-council-bot\n  location: europe-west2\n"
    )
    settings = app_settings(
        root, CHAT_DIALOGFLOW=True, DIALOGFLOW_ENDPOINT=sessions.endpoint, NLU_CACHE_DIR=tmp_path
    )
    return create_app(settings).test_client()


def test_a_message_goes_to_detect_intent_and_comes_back_as_chat_messages(
    client, sessions: FakeSessions
) -> None:
    body = {"council": "unitary", "session": "resident-42", "text": "when is my bin day", "language": "cy"}
    reply = client.post("/api/chat", json=body).get_json()
    assert reply["intent"] == "waste.collection_day" and reply["confidence"] == 0.92
    assert reply["messages"] == [
        {"type": "text", "text": "What's your postcode?"},
        {"type": "quick_replies", "replies": ["Bin day"]},
    ]
    assert reply["parameters"] == {"postcode": ""}
    request = sessions.requests[-1]
    assert request.session == "projects/unitary-council-bot/locations/europe-west2/agent/sessions/resident-42"
    assert request.query_input.text.language_code == "cy"


def test_an_empty_message_sends_the_welcome_event(client, sessions: FakeSessions) -> None:
    reply = client.post("/api/chat", json={"council": "unitary", "session": "resident-43"}).get_json()
    assert reply["intent"] == "system.welcome"
    assert sessions.requests[-1].query_input.event.name == "WELCOME"


def test_a_council_without_an_agent_stays_on_the_offline_agent(client, sessions: FakeSessions) -> None:
    reply = client.post("/api/chat", json={"council": "district", "session": "resident-44"}).get_json()
    assert reply["intent"] == "system.welcome" and "state" in reply
    assert sessions.requests == []


def test_an_unreachable_agent_still_gives_the_councils_contacts(client, sessions: FakeSessions) -> None:
    sessions.stop()
    body = {"council": "unitary", "session": "resident-45", "text": "when is my bin day"}
    response = client.post("/api/chat", json=body)
    assert response.status_code == 200
    text = response.get_json()["messages"][0]["text"]
    assert "01632 960001" in text and "https://unitary.example" in text


def test_an_answer_from_the_agent_says_it_ends_a_task_and_a_prompt_does_not(client) -> None:
    def ends(text: str) -> bool:
        body = {"council": "unitary", "session": "resident-46", "text": text}
        return client.post("/api/chat", json=body).get_json()["ends_task"]

    assert ends("theres a pothole on my road") is True
    assert ends("when is my bin day") is False  # a required parameter is missing
    assert ends("") is False  # the welcome


def test_an_unreachable_agent_ends_no_task(client, sessions: FakeSessions) -> None:
    sessions.stop()
    body = {"council": "unitary", "session": "resident-47", "text": "theres a pothole on my road"}
    assert client.post("/api/chat", json=body).get_json()["ends_task"] is False
