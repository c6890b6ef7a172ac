"""A chat app whose NLU models are cached for the whole test session; for the browser tests, that app
served on loopback (its demo lookups answered by its own fakes) and one headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page

from tests.chat.browser import RequestLog, ServeChat
from tests.conftest import REPOSITORY, app_settings
from tests.live_server import serve
from webhook import create_app

#: A phone and a laptop: every browser test that is about layout runs at both.
VIEWPORTS = {"phone": {"width": 320, "height": 568}, "laptop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="session")
def nlu_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nlu-cache")


@pytest.fixture
def chat_app(nlu_cache: Path) -> Flask:
    return create_app(app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, SECRET_KEY="chat-tests"))


@pytest.fixture(scope="session")
def served_apps() -> dict[str, Flask]:
    """Each app `serve_chat` serves, by its base URL (for tests that read what it stored)."""
    return {}


@pytest.fixture(scope="session")
def serve_chat(nlu_cache: Path, served_apps: dict[str, Flask]) -> Iterator[ServeChat]:
    """Serve a chat app with these settings on loopback until the session ends; gives its base URL.
    Each call is a new app, so a test of the rate limit gets buckets of its own."""
    # Train the demo council's models once, here, so no browser test waits on training (it can take
    # longer than a browser test waits for an answer on a busy machine): the apps load them from disk.
    warm = create_app(app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, CHAT_RATE_BURST=10))
    for language in ("en", "cy"):
        body = {"council": "demo", "session": "warm-up-session", "text": "hello", "language": language}
        assert warm.test_client().post("/api/chat", json=body).status_code == 200
    with ExitStack() as servers:

        def start(**settings: object) -> str:
            app = create_app(
                app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, SECRET_KEY="browser", **settings)
            )
            url = servers.enter_context(serve(app))
            app.extensions["backends"].rebase(url)  # the demo's lookups reach this app's own fakes
            served_apps[url] = app
            return url

        yield start


@pytest.fixture(scope="session")
def base_url(serve_chat: ServeChat) -> str:
    """The chat, with the rate limits lifted (every test's browser calls from the same address): the
    chat's and the feedback API's, which several tests post to within a minute."""
    return serve_chat(
        CHAT_RATE_PER_MINUTE=60_000,
        CHAT_RATE_BURST=10_000,
        FEEDBACK_RATE_PER_MINUTE=60_000,
        FEEDBACK_RATE_BURST=10_000,
    )


@pytest.fixture
def requests_seen() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page(browser: Browser, requests_seen: RequestLog) -> Iterator[Page]:
    # bypass_csp lets the test inject axe-core; the CSP itself is tested with a context that keeps it.
    context = browser.new_context(viewport={"width": 1024, "height": 800}, bypass_csp=True)
    context.on("request", requests_seen.add)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(params=sorted(VIEWPORTS))
def sized_page(request: pytest.FixtureRequest, browser: Browser, requests_seen: RequestLog) -> Iterator[Page]:
    """A page at a phone's size and at a laptop's (the test runs at each)."""
    context = browser.new_context(viewport=VIEWPORTS[request.param], bypass_csp=True, accept_downloads=True)
    context.on("request", requests_seen.add)
    page = context.new_page()
    yield page
    context.close()
