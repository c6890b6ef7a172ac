"""Security headers and the Content-Security-Policy on every surface."""

from __future__ import annotations

from flask.testing import FlaskClient


def test_pages_forbid_framing_and_inline_script(client: FlaskClient) -> None:
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_chat_page_may_be_framed_by_the_councils_own_site_only(client: FlaskClient) -> None:
    policy = client.get("/chat/oxford").headers["Content-Security-Policy"]
    assert policy.endswith("frame-ancestors 'self' https://www.oxford.gov.uk")
    cardiff = client.get("/chat/cardiff").headers["Content-Security-Policy"]
    assert "https://www.cardiff.gov.uk" in cardiff and "https://www.caerdydd.gov.uk" in cardiff


def test_every_response_says_nosniff_and_pages_and_scripts_set_a_referrer_policy(client: FlaskClient) -> None:
    for path in ("/", "/healthz", "/openapi.json", "/static/chat.js", "/chat/demo"):
        headers = client.get(path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    answer = client.post("/api/chat", json={"council": "demo", "session": "session-123", "text": "hi"})
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers.getlist("Cache-Control") == ["no-store"]


def test_api_answers_are_never_cached(client: FlaskClient) -> None:
    response = client.post("/api/chat", json={"council": "atlantis", "session": "session-123"})
    assert response.headers["Cache-Control"] == "no-store"


def test_contributed_text_is_never_evaluated_beyond_named_placeholders() -> None:
    from webhook.library.placeholders import fill

    values = {"council.phone": "01632 960000"}
    for text in (
        "{council.phone.__class__}",
        "{0}",
        "{council.phone!r}",
        "{council.phone:>20}",
        "{__import__}",
    ):
        assert fill(text, values.get) == text
    assert fill("Call {council.phone}.", values.get) == "Call 01632 960000."


def test_no_credential_reaches_a_log_line(client: FlaskClient, capsys) -> None:
    from tests.conftest import TEST_CREDENTIALS

    body = {
        "session": "projects/p/agent/sessions/1",
        "queryResult": {"intent": {"displayName": "system.welcome"}},
    }
    client.post("/webhook/demo", json=body, headers={"X-Webhook-Token": TEST_CREDENTIALS.token})
    client.post("/webhook/demo", json=body, headers={"X-Webhook-Token": "a-wrong-guess"})
    logged = capsys.readouterr().err
    assert "turn" in logged
    assert TEST_CREDENTIALS.token not in logged and "a-wrong-guess" not in logged
