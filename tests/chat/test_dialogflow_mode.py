"""The chat API on a council's Dialogflow agent: the real SessionsClient over gRPC to a fake server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from google.cloud import dialogflow_v2

from tests.chat.fake_sessions import FakeSessions
from tests.conftest import BuildLibrary, app_settings
from webhook import create_app
from webhook.dialogflow.compile import compile_council
from webhook.dialogflow.platforms import RICH_PLATFORM
from webhook.dialogflow.target import Target
from webhook.library.loader import load_library


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


class CompiledSessions(FakeSessions):
    """Answers every turn with the messages `sync-intents` compiled for one intent."""

    def __init__(self, intent: str, messages: list[dialogflow_v2.Intent.Message]) -> None:
        super().__init__()
        self.intent = intent
        self.messages = messages

    def _detect_intent(self, request: dialogflow_v2.DetectIntentRequest, context: grpc.ServicerContext):
        self.requests.append(request)
        result = dialogflow_v2.QueryResult(
            query_text=request.query_input.text.text,
            language_code=request.query_input.text.language_code,
            intent=dialogflow_v2.Intent(display_name=self.intent),
            intent_detection_confidence=0.9,
            fulfillment_messages=self.messages,
            all_required_params_present=True,
        )
        return dialogflow_v2.DetectIntentResponse(response_id="r-2", query_result=result)


def without_platforms(messages: list[dialogflow_v2.Intent.Message]) -> list[dialogflow_v2.Intent.Message]:
    """The same messages all on the default platform, as the sync wrote them before platforms were set."""
    found = []
    for message in messages:
        copy = dialogflow_v2.Intent.Message(message)
        copy.platform = dialogflow_v2.Intent.Message.Platform.PLATFORM_UNSPECIFIED
        found.append(copy)
    return found


def with_default_texts_copied(
    messages: list[dialogflow_v2.Intent.Message],
) -> list[dialogflow_v2.Intent.Message]:
    """The rich platform's tab as `default_response_platforms` fills it: the default texts again, first."""
    rich = [m for m in messages if m.platform]
    copies = []
    for message in messages:
        if not message.platform:
            copy = dialogflow_v2.Intent.Message(message)
            copy.platform = rich[0].platform
            copies.append(copy)
    return [m for m in messages if not m.platform] + copies + rich


@pytest.mark.parametrize("intent", ["waste.collection_day", "system.welcome"])  # links; quick replies
def test_a_reply_shows_the_same_texts_quick_replies_and_links_whatever_platform_they_are_on(
    build_library: BuildLibrary, tmp_path: Path, intent: str
) -> None:
    language = "en"  # the minimal library's Welsh has no quick replies or links
    root = build_library()
    overlay = root / "councils" / "unitary" / "council.yaml"
    overlay.write_text(overlay.read_text() + "dialogflow:\n  project_id: unitary-council-bot\n")
    compiled = compile_council(load_library(root).library, "unitary", Target("unitary-council-bot"))
    messages = list(compiled.intents[intent].by_language[language].messages)
    assert {m.platform.name for m in messages} == {"PLATFORM_UNSPECIFIED", RICH_PLATFORM}  # as compiled

    replies = []
    for variant in (messages, without_platforms(messages), with_default_texts_copied(messages)):
        sessions = CompiledSessions(intent, variant).start()
        try:
            settings = app_settings(
                root, CHAT_DIALOGFLOW=True, DIALOGFLOW_ENDPOINT=sessions.endpoint, NLU_CACHE_DIR=tmp_path
            )
            body = {"council": "unitary", "session": "resident-48", "text": "hello", "language": language}
            replies.append(
                create_app(settings).test_client().post("/api/chat", json=body).get_json()["messages"]
            )
        finally:
            sessions.stop()

    assert replies[0] == replies[1] == replies[2]
    kinds = [message["type"] for message in replies[0]]
    assert kinds[0] == "text" and len(kinds) >= 2
    assert set(kinds[1:]) <= {"quick_replies", "link", "card"}
    texts = [m["text"] for m in replies[0] if m["type"] == "text"]
    assert len(texts) == len(set(texts))  # the rich platform's copy of the texts is not shown twice
