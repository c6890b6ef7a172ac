"""What the hand-off tests share: a server shaped like GOV.UK Notify, a resident's chat, the demo
council's cases and a worker delivering them to the fake CRM (tests/handoff/crm.py), and the clock."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from flask.testing import FlaskClient
from pytest_httpserver import HTTPServer
from sqlalchemy import select
from werkzeug import Request, Response

from tests.handoff.crm import PATH, SECRET
from webhook.backends.calendar import LONDON
from webhook.backends.registry import NO_BACKENDS
from webhook.database.tables import handoffs
from webhook.fulfilment.handlers import common
from webhook.handoff.case import Case, Message, new_reference
from webhook.handoff.channels import Destination
from webhook.handoff.outbox import Outbox
from webhook.handoff.settings import HandoffSettings
from webhook.handoff.worker import Backoff, Worker
from webhook.library.loader import load_library

#: What GOV.UK Notify answers to POST /v2/notifications/email and /sms (201), in its documented shape.
CREATED = {
    "email": {
        "id": "5a1b2c3d-0000-4000-8000-00000000e001",
        "reference": None,
        "content": {
            "subject": "A resident asked to talk to a person",
            "body": "A resident asked to talk to a person.",
            "from_email": "demo.council@notifications.service.gov.uk",
            "one_click_unsubscribe_url": None,
        },
        "uri": "https://api.notifications.service.gov.uk/v2/notifications/5a1b2c3d-0000-4000-8000-00000000e001",
        "template": {
            "id": None,
            "version": 1,
            "uri": "https://api.notifications.service.gov.uk/v2/template/x",
        },
    },
    "sms": {
        "id": "5a1b2c3d-0000-4000-8000-00000000f001",
        "reference": None,
        "content": {"body": "We have passed your request to our staff.", "from_number": "DEMO"},
        "uri": "https://api.notifications.service.gov.uk/v2/notifications/5a1b2c3d-0000-4000-8000-00000000f001",
        "template": {
            "id": None,
            "version": 2,
            "uri": "https://api.notifications.service.gov.uk/v2/template/y",
        },
    },
}
SESSION = "resident-handoff-0001"
REFERENCE = re.compile(r"HO-[A-Z0-9]{4}-[A-Z0-9]{4}")
#: Tuesday mid-morning, and Saturday evening, in the UK.
OPEN = dt.datetime(2026, 3, 10, 10, 30, tzinfo=LONDON)
CLOSED = dt.datetime(2026, 3, 14, 19, 0, tzinfo=LONDON)


class Notify:
    """What the Notify-shaped server received; it can hang like a Notify that does not answer."""

    def __init__(self) -> None:
        self.emails: list[dict] = []
        self.texts: list[dict] = []
        self.hang = 0.0

    def email(self, request: Request) -> Response:
        if self.hang:
            time.sleep(self.hang)
        body = json.loads(request.get_data())
        self.emails.append(body)
        return self.created(body, "email")

    def sms(self, request: Request) -> Response:
        body = json.loads(request.get_data())
        self.texts.append(body)
        return self.created(body, "sms")

    @staticmethod
    def created(body: dict, kind: str) -> Response:
        """Notify's 201 for a request `body` sent to its `kind` (email or sms) endpoint."""
        answer = json.loads(json.dumps(CREATED[kind]))
        answer["reference"] = body.get("reference")
        answer["template"]["id"] = body["template_id"]
        return Response(json.dumps(answer), status=201, content_type="application/json")


NotifyServer = TypeVar("NotifyServer", bound=Notify)


def serve_notify(httpserver: HTTPServer, server: NotifyServer) -> NotifyServer:
    """Answer Notify's e-mail and text endpoints on `httpserver` with `server`."""
    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_handler(server.email)
    httpserver.expect_request("/v2/notifications/sms", method="POST").respond_with_handler(server.sms)
    return server


def at(monkeypatch: pytest.MonkeyPatch, moment: dt.datetime) -> None:
    monkeypatch.setattr(common, "now", lambda: moment)


class Chat:
    def __init__(self, client: FlaskClient, language: str = "en") -> None:
        self.client = client
        self.state: str | None = None
        self.language = language

    def say(self, text: str) -> tuple[str, list[str]]:
        body = {"council": "demo", "session": SESSION, "text": text, "language": self.language}
        if self.state:
            body["state"] = self.state
        response = self.client.post("/api/chat", json=body)
        assert response.status_code == 200, response.get_json()
        data = response.get_json()
        self.state = data["state"]
        texts = [m["text"] for m in data["messages"] if m["type"] == "text"]
        replies = [r for m in data["messages"] if m["type"] == "quick_replies" for r in m["replies"]]
        return " ".join(texts), replies


def wait_for(condition: Callable[[], object], seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "not delivered in time"
        time.sleep(0.05)


REPOSITORY = Path(__file__).resolve().parents[2]
DEMO = load_library(REPOSITORY).library.council("demo")


def a_case(council: str = "demo") -> Case:
    return Case(
        reference=new_reference(),
        council=council,
        language="en",
        created_at=datetime.now(UTC),
        phone="07700900123",
        transcript=(Message("resident", "my bin wasnt emptied"), Message("bot", "Sorry to hear that.")),
    )


def destination(httpserver: HTTPServer, timeout: float = 2.0) -> Destination:
    assert DEMO is not None
    return Destination(
        council=DEMO,
        settings=HandoffSettings(channel="webhook", url=httpserver.url_for(PATH), secret_env="CRM_SECRET"),
        backends=NO_BACKENDS,
        environ={"CRM_SECRET": SECRET},
        timeout=timeout,
    )


def worker(outbox: Outbox, httpserver: HTTPServer, timeout: float = 2.0) -> Worker:
    found = destination(httpserver, timeout)
    return Worker(outbox, lambda slug: found if slug == "demo" else None, backoff=Backoff(first=0.0))


def rows(outbox: Outbox) -> dict[str, dict]:
    with outbox.database.engine.connect() as connection:
        return {row.reference: dict(row._mapping) for row in connection.execute(select(handoffs))}
