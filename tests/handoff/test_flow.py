"""The hand-off as a resident lives it, through the chat API of an app on SQLite and PostgreSQL, with
GOV.UK Notify served by a local server shaped like it: consent, contact, reference, delivery by e-mail
with the transcript, in English and Welsh, in and out of hours; refusal; a hanging channel."""

from __future__ import annotations

import datetime as dt
import json
import re
import time

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import app_settings
from webhook import create_app
from webhook.backends.calendar import LONDON
from webhook.fulfilment.handlers import common
from webhook.handoff import current

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
        return self._created(body, "email")

    def sms(self, request: Request) -> Response:
        body = json.loads(request.get_data())
        self.texts.append(body)
        return self._created(body, "sms")

    @staticmethod
    def _created(body: dict, kind: str) -> Response:
        answer = json.loads(json.dumps(CREATED[kind]))
        answer["reference"] = body.get("reference")
        answer["template"]["id"] = body["template_id"]
        return Response(json.dumps(answer), status=201, content_type="application/json")


@pytest.fixture
def notify(httpserver: HTTPServer) -> Notify:
    fake = Notify()
    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_handler(fake.email)
    httpserver.expect_request("/v2/notifications/sms", method="POST").respond_with_handler(fake.sms)
    return fake


@pytest.fixture
def app(database_url: str, httpserver: HTTPServer, notify: Notify) -> Flask:
    # The demo's Notify base_url is "/", this app's own address: here, the Notify-shaped server.
    app = create_app(
        app_settings(
            DATABASE_URL=database_url,
            APP_BASE_URL=httpserver.url_for("/").rstrip("/"),
            INSIGHTS_FLUSH_SECONDS=60.0,
            HANDOFF_POLL_SECONDS=0.2,
            HANDOFF_RETRY_SECONDS=0.2,
        )
    )
    yield app
    service = current(app.extensions["library_report"].library)
    if service is not None:
        service.worker.stop()


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


def wait_for(condition, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "not delivered in time"
        time.sleep(0.05)


def test_a_resident_is_handed_over_with_the_conversation_they_agreed_to_share(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client())
    chat.say("my bin wasnt colected on tuesday")
    text, replies = chat.say("can i talk to a real person pls")
    assert "Is that OK?" in text and replies == ["Yes, share it", "No thanks"]
    text, _ = chat.say("yeah go on")
    assert "phone number or e-mail address" in text
    text, _ = chat.say("its 07700 900 123")
    reference = REFERENCE.search(text)
    assert reference and "07700900123" in text

    wait_for(lambda: bool(notify.emails))
    (email,) = notify.emails
    assert email["email_address"] == "contact-centre@demo-council.example"
    assert email["reference"] == reference.group(0)
    case = email["personalisation"]["case"]
    assert "Resident: my bin wasnt colected on tuesday" in case and "07700900123" in case
    wait_for(lambda: bool(notify.texts))  # the resident's confirmation follows the delivery
    assert notify.texts[0]["phone_number"] == "07700900123"
    assert app.extensions["handoff"].outbox.counts() == {"delivered": 1}


def test_consent_refused_sends_nothing_and_gives_the_phone_number(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client())
    chat.say("speak to a human")
    text, _ = chat.say("no thanks")
    assert "nothing has been sent" in text and "01632 960000" in text
    assert app.extensions["handoff"].outbox.counts() == {}


def test_out_of_hours_the_resident_is_told_when_staff_are_back(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, CLOSED)
    chat = Chat(app.test_client())
    text, _ = chat.say("i want to speak to an actual person")
    assert "not working now" in text and "Monday" in text and "9am" in text
    chat.say("ok")
    text, _ = chat.say("jo@example.com")
    assert REFERENCE.search(text) and "back Monday" in text
    wait_for(lambda: bool(notify.emails))
    assert "outside opening hours" in notify.emails[0]["personalisation"]["case"]


def test_welsh_resident_is_handed_over_in_welsh(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client(), language="cy")
    text, replies = chat.say("ga i siarad efo person go iawn plis")
    assert "Ydy hynny'n iawn?" in text and "Dim diolch" in replies
    chat.say("ie")
    text, _ = chat.say("jo@example.com")
    assert "Eich cyfeirnod yw" in text and REFERENCE.search(text)
    wait_for(lambda: bool(notify.emails))
    assert "Language: Welsh" in notify.emails[0]["personalisation"]["case"]


def test_an_unreadable_contact_is_asked_again_with_an_example_then_the_phone(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client())
    chat.say("real person please")
    chat.say("yes")
    text, _ = chat.say("dunno really")
    assert "07700 900123" in text  # the example
    text, _ = chat.say("ring me")
    assert "01632 960000" in text and "nothing has been sent" in text
    assert app.extensions["handoff"].outbox.counts() == {}


def test_a_hanging_channel_does_not_delay_the_reply(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    notify.hang = 5.0
    chat = Chat(app.test_client())
    chat.say("talk to someone real")
    chat.say("sure")
    started = time.monotonic()
    text, _ = chat.say("07700900123")
    took = time.monotonic() - started
    assert REFERENCE.search(text)
    assert took < app.config["TURN_DEADLINE_SECONDS"], took
    print(f"\nFIGURE: reply with the reference in {took * 1000:.0f} ms while the channel hangs for 5 s")


def test_when_the_outbox_refuses_the_case_the_resident_is_told_the_truth(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    service = app.extensions["handoff"]

    def refuse(case, channel) -> None:
        raise RuntimeError("database down")

    monkeypatch.setattr(service.outbox, "add", refuse)
    chat = Chat(app.test_client())
    chat.say("human please")
    chat.say("yes")
    text, _ = chat.say("07700900123")
    assert "couldn't pass your request on" in text and "01632 960000" in text
    assert not REFERENCE.search(text)


def test_after_two_misunderstandings_in_a_row_a_person_is_offered(app: Flask) -> None:
    chat = Chat(app.test_client())
    text, replies = chat.say("wibble wobble the moon is cheese")
    assert "talk to a person" not in text
    text, replies = chat.say("flibber jabber quux")
    assert "Would you like to talk to a person?" in text and replies[-1] == "Talk to a person"
    text, _ = chat.say("Talk to a person")
    assert "Is that OK?" in text
