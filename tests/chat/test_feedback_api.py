"""POST /api/feedback: "Was this helpful?" checked, rate-limited and written to the structured log."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask import Flask

from tests.conftest import REPOSITORY, app_settings
from webhook import create_app

GOOD = {
    "council": "demo",
    "session": "feedback-session-1",
    "intent": "waste.collection_day",
    "answer": 3,
    "helpful": False,
    "comment": "i wanted the garden waste day for AA1 1AA, email me at jo@example.com",
    "language": "en",
}


def feedback_lines(captured: str) -> list[dict]:
    return [entry for line in captured.splitlines() if (entry := json.loads(line))["message"] == "feedback"]


def test_feedback_is_accepted_and_logged_without_personal_data(chat_app: Flask, capsys) -> None:
    response = chat_app.test_client().post("/api/feedback", json=GOOD)
    assert response.status_code == 202 and response.get_json() == {"received": True}
    [line] = feedback_lines(capsys.readouterr().err)
    assert line["severity"] == "INFO" and line["council"] == "demo"
    assert line["intent"] == "waste.collection_day" and line["helpful"] is False and line["answer"] == 3
    assert line["session"] == "feedback-session-1" and line["language"] == "en"
    assert "AA1 1AA" not in line["comment"] and "jo@example.com" not in line["comment"]
    assert line["comment"].startswith("i wanted the garden waste day for AA1 [postcode]")


def test_a_plain_yes_needs_no_comment(chat_app: Flask, capsys) -> None:
    body = {
        "council": "cardiff",
        "session": "feedback-session-2",
        "intent": "council_tax.pay",
        "helpful": True,
    }
    assert chat_app.test_client().post("/api/feedback", json=body).status_code == 202
    [line] = feedback_lines(capsys.readouterr().err)
    assert line["helpful"] is True and line["comment"] == "" and line["council"] == "cardiff"


@pytest.mark.parametrize(
    ("change", "path"),
    [
        ({"helpful": "yes"}, "$.helpful"),
        ({"helpful": None}, "$.helpful"),
        ({"comment": "x" * 501}, "$.comment"),
        ({"intent": "not an intent"}, "$.intent"),
        ({"intent": "waste.no_such_thing"}, "$.intent"),
        ({"answer": -1}, "$.answer"),
        ({"language": "fr"}, "$.language"),
        ({"session": "short"}, "$.session"),
        ({"rating": 5}, "$"),
    ],
)
def test_a_wrong_shape_is_400_naming_the_path(chat_app: Flask, change: dict, path: str, capsys) -> None:
    response = chat_app.test_client().post("/api/feedback", json={**GOOD, **change})
    assert response.status_code == 400
    assert response.get_json()["error"]["path"] == path
    assert feedback_lines(capsys.readouterr().err) == []


def test_a_missing_verdict_is_400(chat_app: Flask) -> None:
    body = {key: value for key, value in GOOD.items() if key != "helpful"}
    response = chat_app.test_client().post("/api/feedback", json=body)
    assert response.status_code == 400 and "helpful" in response.get_json()["error"]["message"]


def test_not_json_is_400_and_an_unknown_council_404(chat_app: Flask) -> None:
    client = chat_app.test_client()
    assert client.post("/api/feedback", data=b"{", content_type="application/json").status_code == 400
    response = client.post("/api/feedback", json={**GOOD, "council": "atlantis"})
    assert response.status_code == 404 and response.get_json()["error"]["path"] == "$.council"


def test_a_large_body_is_refused_before_it_is_read(chat_app: Flask) -> None:
    body = json.dumps({**GOOD, "padding": " " * 5000})
    response = chat_app.test_client().post("/api/feedback", data=body, content_type="application/json")
    assert response.status_code == 413 and response.get_json()["error"]["message"]


def test_only_post_is_allowed(chat_app: Flask) -> None:
    response = chat_app.test_client().get("/api/feedback")
    assert response.status_code == 405 and "POST" in response.headers["Allow"]
    assert response.get_json()["error"]["message"] == "GET is not allowed here"


def test_feedback_sent_too_fast_is_refused_with_retry_after(nlu_cache: Path) -> None:
    app = create_app(
        app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, FEEDBACK_RATE_PER_MINUTE=6, FEEDBACK_RATE_BURST=2)
    )
    client = app.test_client()
    statuses = [client.post("/api/feedback", json=GOOD).status_code for _ in range(3)]
    assert statuses == [202, 202, 429]
    refused = client.post("/api/feedback", json=GOOD)
    assert int(refused.headers["Retry-After"]) >= 1
    assert "too much feedback" in refused.get_json()["error"]["message"]


def test_feedback_does_not_use_up_the_chat_allowance(nlu_cache: Path) -> None:
    app = create_app(
        app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, CHAT_RATE_PER_MINUTE=6, CHAT_RATE_BURST=1)
    )
    client = app.test_client()
    assert client.post("/api/feedback", json=GOOD).status_code == 202
    assert (
        client.post("/api/chat", json={"council": "demo", "session": "feedback-session-3"}).status_code == 200
    )
