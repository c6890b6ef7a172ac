"""POST /api/chat: the offline agent behind a stateless JSON API."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from flask import Flask
from itsdangerous import TimestampSigner

from tests.conftest import REPOSITORY, app_settings
from webhook import create_app
from webhook.agent.session import STATE_MAX_AGE_SECONDS

SESSION = "chat-test-session-1"


def chat(client, text: str = "", state: str | None = None, **extra):
    body = {"council": "demo", "session": SESSION, "text": text, **extra}
    if state:
        body["state"] = state
    return client.post("/api/chat", json=body)


def test_an_empty_message_opens_the_conversation_with_the_welcome(chat_app: Flask) -> None:
    reply = chat(chat_app.test_client()).get_json()
    assert reply["intent"] == "system.welcome"
    assert reply["messages"][0]["type"] == "text" and "Demo Borough Council" in reply["messages"][0]["text"]
    assert any(m["type"] == "quick_replies" for m in reply["messages"])
    assert reply["state"]


def test_the_reply_has_the_documented_shape(chat_app: Flask) -> None:
    reply = chat(chat_app.test_client(), "how do i pay council tax").get_json()
    assert set(reply) == {"intent", "confidence", "parameters", "messages", "language", "state", "ends_task"}
    assert reply["intent"] == "council_tax.pay" and 0 < reply["confidence"] <= 1
    kinds = {m["type"] for m in reply["messages"]}
    assert {"text", "quick_replies", "link"} <= kinds
    link = next(m for m in reply["messages"] if m["type"] == "link")
    assert link["url"] == "https://demo-council.example/council-tax/pay"


def test_a_conversation_continues_on_another_instance_with_the_same_secret(
    chat_app: Flask, nlu_cache: Path
) -> None:
    first = chat(chat_app.test_client(), "when is the bin lorry coming").get_json()
    assert "postcode" in first["messages"][0]["text"]
    other = create_app(app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, SECRET_KEY="chat-tests"))
    second = chat(other.test_client(), "AA1 1AA", first["state"]).get_json()
    assert second["intent"] == "waste.collection_day"
    assert second["parameters"]["postcode"] == "AA1 1AA"


RESTARTED = "Sorry, I couldn't carry on our earlier conversation, so we're starting again."


@pytest.mark.parametrize(
    "tamper",
    [lambda token: token[:-2] + ("AA" if not token.endswith("AA") else "BB"), lambda token: "not-a-token"],
)
def test_a_forged_state_starts_the_conversation_again_and_says_so(chat_app: Flask, tamper) -> None:
    client = chat_app.test_client()
    first = chat(client, "when is the bin lorry coming").get_json()
    response = chat(client, "AA1 1AA", tamper(first["state"]))
    assert response.status_code == 200
    reply = response.get_json()
    assert reply["messages"][0] == {"type": "text", "text": RESTARTED}
    assert reply["parameters"].get("postcode") != "AA1 1AA" or reply["intent"] != "waste.collection_day"


def test_another_sessions_state_is_not_accepted(chat_app: Flask) -> None:
    client = chat_app.test_client()
    first = chat(client, "when is the bin lorry coming").get_json()
    body = {"council": "demo", "session": "someone-else-123", "text": "AA1 1AA", "state": first["state"]}
    reply = client.post("/api/chat", json=body).get_json()
    assert reply["messages"][0]["text"] == RESTARTED
    assert reply["intent"] != "waste.collection_day" or not reply["parameters"].get("postcode")


def test_another_councils_state_is_not_accepted(chat_app: Flask) -> None:
    client = chat_app.test_client()
    cardiff = chat(client, "when is the bin lorry coming", council="cardiff").get_json()
    reply = chat(client, "AA1 1AA", cardiff["state"]).get_json()
    assert reply["messages"][0]["text"] == RESTARTED


def test_a_day_old_state_starts_again(chat_app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    client = chat_app.test_client()
    day_ago = int(time.time()) - STATE_MAX_AGE_SECONDS - 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: day_ago)
    old = chat(client, "when is the bin lorry coming").get_json()["state"]
    monkeypatch.undo()
    reply = chat(client, "AA1 1AA", old).get_json()
    assert reply["messages"][0]["text"] == RESTARTED
    assert reply["intent"] != "waste.collection_day" or not reply["parameters"].get("postcode")


def test_no_state_is_a_first_message_not_a_restart(chat_app: Flask) -> None:
    reply = chat(chat_app.test_client(), "when is the bin lorry coming").get_json()
    assert all(message.get("text") != RESTARTED for message in reply["messages"])


def conversation(client, *texts: str, session: str = SESSION, **extra) -> list[dict]:
    """The replies to each message in turn, each sent with the state of the reply before."""
    replies: list[dict] = []
    for text in texts:
        state = replies[-1]["state"] if replies else None
        body = {"council": "demo", "session": session, "text": text, **extra}
        if state:
            body["state"] = state
        replies.append(client.post("/api/chat", json=body).get_json())
    return replies


@pytest.mark.parametrize(
    ("texts", "ends"),
    [
        (["", "how do i pay my council tax"], [False, True]),  # the welcome; an answer
        (["when is my bin day", "AA1 1AA"], [False, True]),  # asked for the postcode; answered
        (["when is my bin day", "cancel"], [False, False]),  # asked; the resident left the flow
        (["report a pothole"], [False]),  # the handler asks where it is
        (["who won the darts last night"], [False]),  # the fallback answers nothing
        (["i dont feel safe at home, my partner hurts me"], [False]),  # safeguarding is not a task
        (["thanks thats all bye"], [False]),
    ],
)
def test_the_reply_says_whether_it_ends_a_task(chat_app: Flask, texts: list[str], ends: list[bool]) -> None:
    replies = conversation(chat_app.test_client(), *texts)
    assert [reply["ends_task"] for reply in replies] == ends, [r["intent"] for r in replies]


def test_a_welsh_answer_ends_a_task_too(chat_app: Flask) -> None:
    replies = conversation(chat_app.test_client(), "pryd mae diwrnod y bin", "aa1 1aa", language="cy")
    assert [reply["ends_task"] for reply in replies] == [False, True]
    assert replies[1]["language"] == "cy"


def test_welsh(chat_app: Flask) -> None:
    reply = chat(chat_app.test_client(), "sut mae talu treth y cyngor", language="cy").get_json()
    assert reply["language"] == "cy" and reply["intent"] == "council_tax.pay"
    assert "/cy/" in next(m["url"] for m in reply["messages"] if m["type"] == "link")


def test_nothing_matched_is_fallback(chat_app: Flask) -> None:
    reply = chat(chat_app.test_client(), "who won the darts last night").get_json()
    assert reply["intent"] == "system.fallback"


class TestBadRequests:
    @pytest.mark.parametrize(
        ("body", "path"),
        [
            ({"session": SESSION}, "$"),
            ({"council": "demo", "session": "short"}, "$.session"),
            ({"council": "demo", "session": SESSION, "text": "x" * 501}, "$.text"),
            ({"council": "demo", "session": SESSION, "language": "fr"}, "$.language"),
            ({"council": "demo", "session": SESSION, "extra": 1}, "$"),
        ],
    )
    def test_a_wrong_shape_is_400_with_the_path(self, chat_app: Flask, body, path: str) -> None:
        response = chat_app.test_client().post("/api/chat", json=body)
        assert response.status_code == 400
        assert response.get_json()["error"]["path"] == path

    def test_not_json_is_400(self, chat_app: Flask) -> None:
        response = chat_app.test_client().post("/api/chat", data=b"{", content_type="application/json")
        assert response.status_code == 400

    def test_an_unknown_council_is_404(self, chat_app: Flask) -> None:
        body = {"council": "atlantis", "session": SESSION}
        assert chat_app.test_client().post("/api/chat", json=body).status_code == 404


def test_a_client_sending_too_fast_is_told_to_wait(nlu_cache: Path) -> None:
    app = create_app(
        app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, CHAT_RATE_PER_MINUTE=6, CHAT_RATE_BURST=2)
    )
    client = app.test_client()
    statuses = [chat(client, "hello").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    response = chat(client, "hello")
    assert int(response.headers["Retry-After"]) >= 1
    assert "too many" in response.get_json()["error"]["message"]


def test_the_default_allowance_lets_a_quick_typist_through(chat_app: Flask) -> None:
    """Twenty messages at once from one address (a resident typing fast, answers coming quickly) are all
    answered with the default limit; the browser tests show that beyond it nothing is lost either."""
    client = chat_app.test_client()
    assert [chat(client, "").status_code for _ in range(20)] == [200] * 20
