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


def test_every_response_says_nosniff_and_sets_a_referrer_policy(client: FlaskClient) -> None:
    for path in ("/", "/healthz", "/openapi.json", "/static/chat.js"):
        headers = client.get(path).headers
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_api_answers_are_never_cached(client: FlaskClient) -> None:
    response = client.post("/api/chat", json={"council": "atlantis", "session": "session-123"})
    assert response.headers["Cache-Control"] == "no-store"
