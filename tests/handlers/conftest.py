"""Handlers end to end: a WebhookRequest POSTed to /webhook/<slug>, backends served for real by
pytest-httpserver at the demo overlay's own relative URLs (/_fakes/...), replies parsed strictly."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from google.cloud import dialogflow_v2
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import arrange_failure, refused_base_url
from tests.conftest import REPOSITORY, app_settings
from tests.fulfilment.conftest import SESSION, basic_auth, strict_reply, webhook_request
from webhook import create_app
from webhook.backends.calendar import LONDON
from webhook.fulfilment.handlers import common
from webhook.safeguarding.detector import LANGUAGES, default_detector

#: The turn budget the failure tests give, and how much later than that a reply may arrive.
DEADLINE_SECONDS = 1.0
SLACK_SECONDS = 0.5
FAILURE_APOLOGY = {"en": "Sorry, I can't check that right now.", "cy": "Mae'n ddrwg gen i"}


@dataclass
class Answer:
    """A reply as Dialogflow reads it, with what a test most often checks."""

    reply: dialogflow_v2.WebhookResponse
    elapsed: float

    @property
    def text(self) -> str:
        return self.reply.fulfillment_text

    @property
    def texts(self) -> list[str]:
        """Each message bubble's text, in order."""
        return [m.text.text[0] for m in self.reply.fulfillment_messages if m.text.text and not m.platform]

    @property
    def quick_replies(self) -> list[str]:
        return [q for m in self.reply.fulfillment_messages for q in m.quick_replies.quick_replies]

    @property
    def links(self) -> list[str]:
        return [b.postback for m in self.reply.fulfillment_messages for b in m.card.buttons]

    def context(self, name: str) -> dict[str, Any] | None:
        """An output context's parameters (None when the reply does not set it)."""
        for context in self.reply.output_contexts:
            if context.name.endswith(f"/contexts/{name}"):
                return dict((context.parameters or {}).items()) if context.lifespan_count > 0 else None
        return None

    def contexts_for_next_turn(self) -> list[dict[str, Any]]:
        """The reply's contexts as Dialogflow would send them with the resident's next message."""
        return [
            {
                "name": context.name,
                "lifespan": context.lifespan_count,
                "parameters": _plain(dict((context.parameters or {}).items())),
            }
            for context in self.reply.output_contexts
            if context.lifespan_count > 0
        ]


def _plain(value: Any) -> Any:
    """Protobuf Struct values as plain JSON values."""
    if hasattr(value, "items"):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple) or type(value).__name__ == "RepeatedComposite":
        return [_plain(item) for item in value]
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Ask = Callable[..., Answer]


@pytest.fixture(scope="session", autouse=True)
def warm_process() -> None:
    """What a process loads once, on its first turn in a language, loaded before any test: the learned
    crisis detector that screens every turn (gunicorn workers train it as they start, see
    gunicorn.conf.py) and the data behind dates and opening hours in English and Welsh. So the
    deadline tests time the handler, not whichever test happens to be the process's first Welsh turn."""
    for language in LANGUAGES:
        default_detector(language)
    ask = make_ask(create_app(app_settings(APP_BASE_URL=refused_base_url())))
    for language in LANGUAGES:
        ask("waste.recycling_centre", language=language)
        ask("council.contact", language=language)


@pytest.fixture
def app() -> Flask:
    """The app on the repository's own library, its relative backend URLs pointing nowhere known (each
    test builds its own app, so its clients and caches start empty)."""
    return create_app(app_settings(APP_BASE_URL=refused_base_url()))


Rebase = Callable[[str], None]


@pytest.fixture
def rebase(app: Flask) -> Rebase:
    """Point the app's relative backend URLs at another server."""
    return lambda base: app.extensions["backends"].rebase(base)


@pytest.fixture(autouse=True)
def development_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo overlay's key variables, as a deployment would set them."""
    monkeypatch.setenv("DEMO_OPEN311_API_KEY", "open311-test-key")
    monkeypatch.setenv(
        "DEMO_NOTIFY_API_KEY",
        "test_key-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0",
    )


FailAt = Callable[..., str]


@pytest.fixture
def fail_at(httpserver: HTTPServer, request: pytest.FixtureRequest, rebase: Rebase) -> FailAt:
    """Make one outside call fail in the named way (see FAILURES), with the app's backends pointed at the
    server that fails it; returns that server's address."""

    def arrange(failure: str, uri: str, method: str = "GET") -> str:
        base, _ = arrange_failure(httpserver, request, failure, uri, method)
        rebase(base)
        return base

    return arrange


@pytest.fixture
def apis(httpserver: HTTPServer, rebase: Rebase) -> HTTPServer:
    """The local server standing in for every outside API, at the demo overlay's relative paths."""
    rebase(httpserver.url_for("/"))
    return httpserver


@pytest.fixture
def refused(rebase: Rebase) -> None:
    """Every outside API refuses connections."""
    rebase(refused_base_url())


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.datetime], None]:
    """Fix the handlers' clock to a London time."""

    def set_time(moment: dt.datetime) -> None:
        fixed = moment.replace(tzinfo=LONDON) if moment.tzinfo is None else moment
        monkeypatch.setattr(common, "now", lambda: fixed)

    return set_time


def make_ask(app: Flask) -> Ask:
    """POST one turn to the app's webhook and parse the reply strictly."""

    def ask(
        intent: str,
        *,
        slug: str = "demo",
        language: str = "en",
        text: str = "",
        parameters: dict[str, Any] | None = None,
        contexts: list[dict[str, Any]] | None = None,
        session: str = SESSION,
    ) -> Answer:
        body = webhook_request(
            intent, text=text, language=language, parameters=parameters, contexts=contexts, session=session
        )
        started = time.monotonic()
        response = app.test_client().post(f"/webhook/{slug}", json=body, headers=basic_auth())
        elapsed = time.monotonic() - started
        assert response.status_code == 200, response.data
        return Answer(strict_reply(response.data), elapsed)

    return ask


@pytest.fixture
def ask(app: Flask) -> Ask:
    """A turn on the repository's own library (the demo council and its overlay)."""
    return make_ask(app)


@pytest.fixture
def hurried_ask(app: Flask) -> Ask:
    """A turn with a one-second budget, for the failure tests."""
    app.config["TURN_DEADLINE_SECONDS"] = DEADLINE_SECONDS
    return make_ask(app)


def copy_library(root: Path, appended: dict[str, str] | None = None) -> Path:
    """The repository's library copied to `root`, with text appended to some councils' overlays."""
    shutil.copytree(REPOSITORY / "intents", root / "intents")
    shutil.copytree(REPOSITORY / "councils", root / "councils")
    for slug, text in (appended or {}).items():
        overlay = root / "councils" / slug / "council.yaml"
        overlay.write_text(overlay.read_text("utf-8") + text, encoding="utf-8")
    return root


def without_out_of_hours_line(root: Path) -> Path:
    """The repository's library copied to `root`, the demo council publishing no out-of-hours number."""
    library = copy_library(root)
    overlay = library / "councils" / "demo" / "council.yaml"
    text = overlay.read_text("utf-8")
    overlay.write_text(text.replace('facts:\n  out_of_hours_phone: "01632 960999"\n', ""), "utf-8")
    return library


def app_on(library: Path, **settings: object) -> Flask:
    """The app on another library folder (relative backend URLs pointing nowhere known, unless given)."""
    return create_app(app_settings(library, **{"APP_BASE_URL": refused_base_url(), **settings}))


def within_deadline(answer: Answer) -> bool:
    """Whether the reply came inside the one-second budget (with slack for a busy test machine)."""
    return answer.elapsed < DEADLINE_SECONDS + SLACK_SECONDS
