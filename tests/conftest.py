"""Shared fixtures: a real library folder built in a temporary directory, the Flask app, and databases
(SQLite, and a real PostgreSQL server)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import Browser, sync_playwright

from tests.chat.browser import CHROMIUM_ARGS, chromium_path
from tests.postgres_server import PostgresServer, remove, start_server
from webhook import create_app
from webhook.fulfilment.auth import Credentials

REPOSITORY = Path(__file__).resolve().parents[1]
MINIMAL_LIBRARY = REPOSITORY / "tests" / "library" / "minimal"

BuildLibrary = Callable[..., Path]


@pytest.fixture
def build_library(tmp_path: Path) -> BuildLibrary:
    """Build a library folder: the repository's schemas, routing messages and messages catalogue, the
    minimal test library, then any folder of replacement files and any {relative path: text} laid over it."""

    def build(overlay: Path | None = None, files: dict[str, str] | None = None) -> Path:
        root = tmp_path / "library"
        shutil.copytree(MINIMAL_LIBRARY, root)
        shutil.copytree(REPOSITORY / "intents" / "schema", root / "intents" / "schema")
        shutil.copy(REPOSITORY / "intents" / "routing.yaml", root / "intents" / "routing.yaml")
        shutil.copytree(REPOSITORY / "intents" / "messages", root / "intents" / "messages")
        shutil.copy(REPOSITORY / "councils" / "council.schema.json", root / "councils")
        if overlay is not None:
            shutil.copytree(overlay, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("expect.txt"))
        for relative, text in (files or {}).items():
            path = root / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return root

    return build


#: Webhook credentials the test app gives every council: HTTP Basic and a token.
TEST_CREDENTIALS = Credentials(username="dialogflow", password="correct horse", token="s3cret-token")


def app_settings(library_dir: Path = REPOSITORY, **settings: object) -> dict[str, object]:
    """Settings for a test app on a library, every council with TEST_CREDENTIALS."""
    credentials = {folder.name: TEST_CREDENTIALS for folder in (Path(library_dir) / "councils").iterdir()}
    return {"APP_ENV": "test", "LIBRARY_DIR": library_dir, "WEBHOOK_CREDENTIALS": credentials, **settings}


@pytest.fixture
def app() -> Flask:
    """The app on the repository's own library."""
    return create_app(app_settings())


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """One real PostgreSQL server for the session (see tests/postgres_server.py)."""
    server = start_server()
    yield server
    remove(server)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new empty database, once on SQLite (a file) and once on PostgreSQL: the URL to give the app."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'app.sqlite3'}"
    server: PostgresServer = request.getfixturevalue("postgres_server")
    return server.create_database()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium for every browser test of the session: Playwright's sync API allows one
    instance per process, so the chat's and the staff pages' tests share it."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
