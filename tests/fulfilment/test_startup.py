"""Credentials at start-up: production refuses to run without them; development makes some up."""

from __future__ import annotations

import pytest

from tests.conftest import REPOSITORY
from webhook import create_app


def test_production_refuses_to_start_without_a_secret_key(monkeypatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF"):
        monkeypatch.setenv(f"WEBHOOK_{slug}_TOKEN", "t")
    with pytest.raises(RuntimeError, match="set SECRET_KEY"):
        create_app({"APP_ENV": "production", "LIBRARY_DIR": REPOSITORY})


def test_production_refuses_to_start_while_a_council_has_no_credentials(monkeypatch) -> None:
    for name in ("WEBHOOK_DEMO_USERNAME", "WEBHOOK_DEMO_PASSWORD", "WEBHOOK_DEMO_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(RuntimeError) as refused:
        create_app({"APP_ENV": "production", "LIBRARY_DIR": REPOSITORY})
    assert "demo: set WEBHOOK_DEMO_USERNAME and WEBHOOK_DEMO_PASSWORD, or WEBHOOK_DEMO_TOKEN" in str(
        refused.value
    )


def test_production_starts_with_credentials_from_the_environment(monkeypatch) -> None:
    monkeypatch.setenv("SECRET_KEY", "a shared secret")
    for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF"):
        monkeypatch.setenv(f"WEBHOOK_{slug}_TOKEN", f"token-for-{slug.lower()}")
    app = create_app({"APP_ENV": "production", "LIBRARY_DIR": REPOSITORY})
    client = app.test_client()
    body = {
        "session": "projects/p/agent/sessions/1",
        "queryResult": {"intent": {"displayName": "system.welcome"}},
    }
    assert (
        client.post("/webhook/demo", json=body, headers={"X-Webhook-Token": "token-for-demo"}).status_code
        == 200
    )
    assert (
        client.post("/webhook/demo", json=body, headers={"X-Webhook-Token": "token-for-oxford"}).status_code
        == 401
    )
    # Production insists on HTTPS, on the answers to Dialogflow as on the pages.
    hsts = "max-age=31536000; includeSubDomains"
    answer = client.post("/webhook/demo", json=body, headers={"X-Webhook-Token": "token-for-demo"})
    assert answer.headers["Strict-Transport-Security"] == hsts
    assert client.get("/").headers["Strict-Transport-Security"] == hsts


def test_development_generates_credentials_and_prints_them(monkeypatch, capsys) -> None:
    for name in ("WEBHOOK_DEMO_USERNAME", "WEBHOOK_DEMO_PASSWORD", "WEBHOOK_DEMO_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    app = create_app({"APP_ENV": "development", "LIBRARY_DIR": REPOSITORY})
    printed = capsys.readouterr().out
    line = next(line for line in printed.splitlines() if line.startswith("webhook credentials for demo"))
    token = line.rsplit("Bearer ", 1)[1].rstrip("'")
    body = {
        "session": "projects/p/agent/sessions/1",
        "queryResult": {"intent": {"displayName": "system.welcome"}},
    }
    response = app.test_client().post(
        "/webhook/demo", json=body, headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 200
