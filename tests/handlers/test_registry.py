"""webhook.backends.registry: each council's clients from its overlay, and the schema that checks them."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from tests.conftest import REPOSITORY, app_settings
from tests.handlers.conftest import copy_library
from webhook import create_app
from webhook.backends.bins import ScheduleProvider
from webhook.backends.open311 import FormLinkReporter, Open311Client
from webhook.backends.registry import Backends
from webhook.library.loader import load_library
from webhook.library.validate import validate_library


@pytest.fixture(scope="module")
def demo():
    return load_library(REPOSITORY).library.council("demo")


def test_relative_base_urls_are_joined_to_the_apps_own_address(demo) -> None:
    built = Backends("http://127.0.0.1:5555/").for_council(demo)
    assert (
        built.postcodes is not None and built.postcodes.base_url == "http://127.0.0.1:5555/_fakes/postcodes"
    )
    assert (
        built.elections is not None
        and built.elections.base_url == "http://127.0.0.1:5555/_fakes/democracy-club"
    )
    assert isinstance(built.reports, Open311Client) and built.reports.base_url.endswith(
        ":5555/_fakes/open311"
    )
    assert built.notifications is not None and built.notifications.base_url == "http://127.0.0.1:5555/"
    assert isinstance(built.bins, ScheduleProvider)
    assert built.councillors is not None
    assert built.which_bin is not None and built.which_bin.current().entry("batteries") is not None
    assert built.places is not None and built.places.current().places


def test_the_apps_address_comes_from_its_config_else_the_environment(
    demo, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_BASE_URL", "http://127.0.0.1:7777")
    assert Backends().for_council(demo).postcodes.base_url == "http://127.0.0.1:7777/_fakes/postcodes"
    monkeypatch.delenv("APP_BASE_URL")
    assert Backends().app_base_url == "http://127.0.0.1:8080"
    app = create_app(app_settings(APP_BASE_URL="http://10.0.0.1:9000"))
    assert app.extensions["backends"].app_base_url == "http://10.0.0.1:9000"


def test_two_apps_share_no_clients_or_caches(demo) -> None:
    first, second = Backends("http://127.0.0.1:5555"), Backends("http://127.0.0.1:5555")
    assert first.for_council(demo).postcodes is not second.for_council(demo).postcodes
    first.caches["postcodes"].put("key", "value")
    assert second.caches["postcodes"].get("key") is None


def test_clients_are_built_once_and_again_when_the_address_changes(demo) -> None:
    backends = Backends("http://127.0.0.1:5555")
    first = backends.for_council(demo)
    assert backends.for_council(demo) is first
    backends.rebase("http://127.0.0.1:6666")
    assert backends.for_council(demo) is not first


def test_a_key_variable_is_filled_in_only_for_this_apps_own_fakes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("DEMO_OPEN311_API_KEY", "x")
    monkeypatch.delenv("DEMO_OPEN311_API_KEY")
    monkeypatch.setenv("OXFORD_OPEN311_KEY", "x")
    monkeypatch.delenv("OXFORD_OPEN311_KEY")
    library_dir = copy_library(
        tmp_path,
        {
            "oxford": "backends:\n  reports:\n    kind: open311\n    base_url: "
            "https://open311.oxford.example/v2\n"
            "    api_key_env: OXFORD_OPEN311_KEY\n"
        },
    )
    library = load_library(library_dir).library
    backends = Backends("http://127.0.0.1:5555")
    demo_reports = backends.for_council(library.council("demo")).reports
    oxford_reports = backends.for_council(library.council("oxford")).reports
    assert isinstance(demo_reports, Open311Client) and isinstance(oxford_reports, Open311Client)
    assert demo_reports.environ.get("DEMO_OPEN311_API_KEY") == "development-placeholder-key"
    assert oxford_reports.environ.get("OXFORD_OPEN311_KEY") is None
    # The process's environment is left as it was.
    assert "DEMO_OPEN311_API_KEY" not in os.environ and "OXFORD_OPEN311_KEY" not in os.environ


def test_a_block_that_cannot_be_built_is_left_out_and_logged(tmp_path: Path, caplog) -> None:
    library_dir = copy_library(tmp_path)
    (library_dir / "councils" / "demo" / "bins.yaml").unlink()
    council = load_library(library_dir).library.council("demo")
    with caplog.at_level(logging.ERROR, logger="webhook.backends.registry"):
        built = Backends().for_council(council)
    assert built.bins is None and built.postcodes is not None
    assert "backends.bins cannot be built" in caplog.text


def test_a_form_link_council_gets_a_form_reporter(tmp_path: Path) -> None:
    library_dir = copy_library(
        tmp_path,
        {"oxford": "backends:\n  reports:\n    kind: form_link\n    url: https://www.oxford.gov.uk/report\n"},
    )
    built = Backends().for_council(load_library(library_dir).library.council("oxford"))
    assert isinstance(built.reports, FormLinkReporter)


@pytest.mark.parametrize(
    ("block", "line", "message"),
    [
        (
            "  postcodes:\n    kind: postcodes_io\n    base_url: ftp://postcodes\n",
            3,
            "backends/postcodes/base_url",
        ),
        (
            "  reports:\n    kind: open311\n    base_url: https://x.example\n",
            2,
            "missing required key: 'api_key_env'",
        ),
        ("  bins:\n    kind: schedule\n    fiel: bins.yaml\n", 3, "unknown key 'fiel'"),
        (
            "  notifications:\n    kind: govuk_notify\n    api_key_env: K\n    templates: {report_email: "
            "nope}\n",
            4,
            "backends/notifications/templates/report_email",
        ),
        ("  elections:\n    kind: democracy_club\n", 2, "backends/elections"),
    ],
)
def test_the_schema_checks_each_kinds_settings(tmp_path: Path, block: str, line: int, message: str) -> None:
    library_dir = copy_library(tmp_path, {"oxford": "backends:\n" + block})
    overlay = library_dir / "councils" / "oxford" / "council.yaml"
    text = overlay.read_text("utf-8")
    backends_line = text[: text.index("\nbackends:\n")].count("\n") + 2
    errors = validate_library(library_dir).errors
    found = [p for p in errors if p.location.path == overlay]
    assert found, errors
    assert any(message in p.message and p.location.line == backends_line + line for p in found), [
        (p.location.line, p.message) for p in found
    ]


def test_the_repository_overlays_pass_the_schema() -> None:
    assert validate_library(REPOSITORY).errors == []
