"""Two things a resident notices about the hand-off beyond the case itself.

The `link` channel: a council with a live chat gives the resident its page, opened with a fresh
reference the adviser asks for, and tells Dialogflow to hand over; nothing goes into the outbox.

The confirmation: once the worker has delivered a case, the resident who gave an e-mail address or a
phone number gets the council's GOV.UK Notify template in their language, once; a confirmation that
fails (Notify down, or not answering) neither undoes nor repeats the delivery. Notify is a local server
answering POST /v2/notifications/email and /sms as GOV.UK Notify documents (201, or 500 with its
`errors` list).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from flask import Flask
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import REPOSITORY
from tests.handlers.conftest import app_on, copy_library, make_ask
from tests.handoff.support import OPEN, REFERENCE, Chat, at, serve_notify, wait_for
from tests.handoff.support import Notify as NotifyServer
from webhook.backends.registry import Backends
from webhook.database import connect, migrate
from webhook.handoff import current
from webhook.handoff.case import Case, Message, new_reference
from webhook.handoff.channels import Destination
from webhook.handoff.outbox import Outbox
from webhook.handoff.settings import handoff_settings
from webhook.handoff.worker import Backoff, Worker
from webhook.library.loader import load_library
from webhook.library.model import localise

# --- the link channel -------------------------------------------------------------------------------

LIVE_CHAT = "https://livechat.example/start?ref={reference}"
#: Cardiff (English and Welsh) with a live chat instead of the repository's plain switchboard answer.
LINK_BLOCK = f'handoff:\n  channel: link\n  url: "{LIVE_CHAT}"\n'
CHAT_SESSION = "resident-live-chat-0001"


@pytest.fixture(scope="module")
def link_app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """The app on the repository's library, Cardiff's overlay handing over to its live chat."""
    library = copy_library(tmp_path_factory.mktemp("link") / "library", {"cardiff": LINK_BLOCK})
    return app_on(library)


def live_chat_url(reference: str) -> str:
    return LIVE_CHAT.replace("{reference}", reference)


def reference_in(text: str) -> str:
    found = REFERENCE.search(text)
    assert found, text
    return found.group(0)


def chat_turn(app: Flask, text: str, language: str) -> dict:
    """One message to Cardiff's chat, as the chat widget sends it."""
    body = {"council": "cardiff", "session": CHAT_SESSION, "text": text, "language": language}
    response = app.test_client().post("/api/chat", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


@pytest.mark.parametrize(
    ("text", "language", "says"),
    [
        ("can i talk to a real person", "en", "Your reference is"),
        ("speak to someone pls", "en", "Your reference is"),
        ("ga i siarad efo rhywun", "cy", "Eich cyfeirnod yw"),
    ],
)
def test_a_resident_asking_for_a_person_gets_the_live_chat_opened_with_their_reference(
    link_app: Flask, text: str, language: str, says: str
) -> None:
    reply = chat_turn(link_app, text, language)

    said = " ".join(m["text"] for m in reply["messages"] if m["type"] == "text")
    assert reply["intent"] == "system.human_handoff"
    assert says in said, said
    links = [m["url"] for m in reply["messages"] if m["type"] == "link"]
    assert links == [live_chat_url(reference_in(said))]
    # A live chat needs no delivery: nothing waits in the outbox for the worker.
    assert current(link_app.extensions["library_report"].library).outbox.counts() == {}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_dialogflow_is_told_to_hand_over_and_each_request_gets_its_own_reference(
    link_app: Flask, language: str
) -> None:
    ask = make_ask(link_app)

    first, second = (
        ask("system.human_handoff", slug="cardiff", language=language, text="can i talk to a real person")
        for _ in range(2)
    )

    references = [reference_in(answer.text) for answer in (first, second)]
    for answer, reference in zip((first, second), references, strict=True):
        assert live_chat_url(reference) in answer.links
        assert dict(answer.reply.payload) == {"live_agent_handoff": True}
    assert references[0] != references[1], "a reference someone else was given would reach their chat"
    assert current(link_app.extensions["library_report"].library).outbox.counts() == {}


# --- the resident's confirmation ----------------------------------------------------------------------

#: A Notify test key of the documented shape, in the demo overlay's variable.
NOTIFY_KEY = "test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"
DEMO = load_library(REPOSITORY).library.council("demo")
#: The council's name in the resident's language, as the confirmation's `council` gives it.
DEMO_NAME = {"en": "Demo Borough Council", "cy": "Cyngor Bwrdeistref Demo"}
CONTACT_CENTRE = "contact-centre@demo-council.example"
RESIDENT_EMAIL = "jo.bloggs@example.com"
RESIDENT_PHONE = "07700900123"
#: What Notify answers when it fails (its documented 500).
NOTIFY_DOWN = {"status_code": 500, "errors": [{"error": "Exception", "message": "Internal server error"}]}
#: How long the worker gives one Notify call here (less the 0.25 s every call leaves in reserve), and how
#: long a hanging Notify would keep it waiting.
TIMEOUT = 1.0
HANG = 1.5


@dataclass(frozen=True)
class Received:
    """One message the Notify-shaped server was asked to send, in the order asked."""

    kind: str  # "email" or "sms"
    recipient: str
    body: dict


class Notify(NotifyServer):
    """The Notify-shaped server of test_flow, recording every request in order; a recipient can be made
    to get Notify's 500, or no answer within the worker's timeout."""

    def __init__(self) -> None:
        super().__init__()
        self.received: list[Received] = []
        self.down_for: set[str] = set()
        self.hanging_for: set[str] = set()

    def email(self, request: Request) -> Response:
        return self._failing(request, "email", "email_address") or super().email(request)

    def sms(self, request: Request) -> Response:
        return self._failing(request, "sms", "phone_number") or super().sms(request)

    def to(self, recipient: str) -> list[dict]:
        """The bodies of every request for `recipient`, answered or not."""
        return [message.body for message in self.received if message.recipient == recipient]

    def _failing(self, request: Request, kind: str, recipient_field: str) -> Response | None:
        body = json.loads(request.get_data())
        recipient = body[recipient_field]
        self.received.append(Received(kind, recipient, body))
        if recipient in self.hanging_for:
            time.sleep(HANG)
        if recipient in self.down_for or recipient in self.hanging_for:
            return Response(json.dumps(NOTIFY_DOWN), status=500, content_type="application/json")
        return None


@pytest.fixture
def notify(httpserver: HTTPServer) -> Notify:
    return serve_notify(httpserver, Notify())


@pytest.fixture
def outbox(tmp_path: Path) -> Outbox:
    database = connect(f"sqlite:///{tmp_path / 'outbox.sqlite3'}")
    migrate(database)
    return Outbox(database)


@pytest.fixture
def worker(outbox: Outbox, httpserver: HTTPServer, notify: Notify) -> Worker:
    """The worker as the app builds it for the demo council (its overlay's hand-off block and Notify
    backend, the backend's relative base_url on the Notify-shaped server), retrying at once."""
    assert DEMO is not None
    backends = Backends(httpserver.url_for("/"), environ={"DEMO_NOTIFY_API_KEY": NOTIFY_KEY})
    destination = Destination(
        DEMO,
        handoff_settings(DEMO),
        backends.for_council(DEMO),
        backends.app_base_url,
        backends.environ,
        timeout=TIMEOUT,
    )
    return Worker(outbox, lambda slug: destination if slug == "demo" else None, backoff=Backoff(first=0.0))


def a_case(language: str = "en", email: str | None = None, phone: str | None = None) -> Case:
    return Case(
        reference=new_reference(),
        council="demo",
        language=language,
        created_at=datetime.now(UTC),
        email=email,
        phone=phone,
        transcript=(Message("resident", "my bin wasnt emptied"),),
    )


def demo_template(purpose: str, language: str) -> str:
    """The demo overlay's template id for a confirmation in a language."""
    assert DEMO is not None
    template = localise(handoff_settings(DEMO).templates[purpose], language)
    assert template
    return template


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_resident_who_gave_an_email_address_is_confirmed_by_email_in_their_language(
    outbox: Outbox, worker: Worker, notify: Notify, language: str
) -> None:
    case = a_case(language, email=RESIDENT_EMAIL)
    outbox.add(case, "notify_email")

    assert worker.run_once() == 1

    # Staff have the case before the resident is told they have it.
    assert [(m.kind, m.recipient) for m in notify.received] == [
        ("email", CONTACT_CENTRE),
        ("email", RESIDENT_EMAIL),
    ]
    (confirmation,) = notify.to(RESIDENT_EMAIL)
    assert confirmation == {
        "email_address": RESIDENT_EMAIL,
        "template_id": demo_template("confirm_email", language),
        "personalisation": {"reference": case.reference, "council": DEMO_NAME[language]},
        "reference": case.reference,
    }


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_resident_who_gave_a_phone_number_is_confirmed_by_text_in_their_language(
    outbox: Outbox, worker: Worker, notify: Notify, language: str
) -> None:
    case = a_case(language, phone=RESIDENT_PHONE)
    outbox.add(case, "notify_email")

    assert worker.run_once() == 1

    assert [(m.kind, m.recipient) for m in notify.received] == [
        ("email", CONTACT_CENTRE),
        ("sms", RESIDENT_PHONE),
    ]
    (text,) = notify.to(RESIDENT_PHONE)
    assert text["template_id"] == demo_template("confirm_sms", language)
    assert text["personalisation"] == {"reference": case.reference, "council": DEMO_NAME[language]}
    assert text["reference"] == case.reference


def test_the_resident_is_confirmed_once_however_often_the_worker_runs(
    outbox: Outbox, worker: Worker, notify: Notify
) -> None:
    case = a_case(email=RESIDENT_EMAIL)
    outbox.add(case, "notify_email")

    delivered = [worker.run_once() for _ in range(3)]

    assert delivered == [1, 0, 0]
    assert len(notify.to(CONTACT_CENTRE)) == 1
    assert len(notify.to(RESIDENT_EMAIL)) == 1


@pytest.mark.parametrize("failure", ["Notify answers 500", "Notify does not answer"])
def test_a_failed_confirmation_neither_undoes_nor_repeats_the_delivery(
    outbox: Outbox, worker: Worker, notify: Notify, failure: str
) -> None:
    (notify.down_for if "500" in failure else notify.hanging_for).add(RESIDENT_PHONE)
    case = a_case(phone=RESIDENT_PHONE)
    outbox.add(case, "notify_email")

    started = time.monotonic()
    first = worker.run_once()
    took = time.monotonic() - started
    second = worker.run_once()
    # The local server answers one request at a time: one the worker sent while it hung is only
    # recorded once the hang is over.
    time.sleep(max(0.0, started + HANG + 0.3 - time.monotonic()) if notify.hanging_for else 0.0)

    assert (first, second) == (1, 0)
    assert outbox.counts() == {"delivered": 1}
    assert (worker.delivered, worker.failures) == (1, 0)
    assert len(notify.to(CONTACT_CENTRE)) == 1, "staff got the case once"
    assert len(notify.to(RESIDENT_PHONE)) == 1, "the failed confirmation is not retried"
    # A Notify that does not answer holds the worker for its timeout, not for as long as it hangs.
    assert took < HANG, took


def test_a_welsh_resident_handed_over_in_the_chat_gets_the_welsh_confirmation(
    tmp_path: Path, httpserver: HTTPServer, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = app_on(
        REPOSITORY,
        DATABASE_URL=f"sqlite:///{tmp_path / 'app.sqlite3'}",
        APP_BASE_URL=httpserver.url_for("/").rstrip("/"),
        INSIGHTS_FLUSH_SECONDS=60.0,
        HANDOFF_POLL_SECONDS=0.2,
    )
    try:
        at(monkeypatch, OPEN)
        chat = Chat(app.test_client(), language="cy")
        chat.say("ga i siarad efo person go iawn plis")
        chat.say("ie")
        text, _ = chat.say(RESIDENT_EMAIL)
        reference = reference_in(text)

        wait_for(lambda: bool(notify.to(RESIDENT_EMAIL)))
        (confirmation,) = notify.to(RESIDENT_EMAIL)
        assert confirmation["template_id"] == demo_template("confirm_email", "cy")
        assert confirmation["personalisation"] == {
            "reference": reference,
            "council": DEMO_NAME["cy"],
        }
    finally:
        app.extensions["handoff"].worker.stop()
