"""The way to the chat from the other pages, the sample council site with the widget (development
only), and which sites may frame the chat."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from flask.cli import ScriptInfo

from tests.conftest import REPOSITORY, BuildLibrary, app_settings
from webhook import create_app
from webhook.library.validate import validate_library


def links(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


def test_the_home_page_links_every_council_to_its_chat(chat_app: Flask) -> None:
    html = chat_app.test_client().get("/").get_data(as_text=True)
    library = chat_app.extensions["library_report"].library
    for slug, council in library.councils.items():
        assert f"/chat/{slug}" in links(html) and f"/councils/{slug}" in links(html)
        assert (f"/chat/{slug}?language=cy" in links(html)) == ("cy" in council.languages)
    assert "Chat with Demo Borough Council" in html and 'lang="cy" hreflang="cy">Sgwrsio yn Gymraeg' in html


@pytest.mark.parametrize(
    ("language", "words"), [("en", "Chat with Demo Borough Council"), ("cy", "Sgwrsio \u00e2\u2019r cyngor")]
)
def test_a_councils_page_links_to_its_chat_in_the_pages_language(
    chat_app: Flask, language: str, words: str
) -> None:
    html = chat_app.test_client().get(f"/councils/demo?language={language}").get_data(as_text=True)
    assert f'href="/chat/demo?language={language}">{words}</a>' in html


@pytest.mark.parametrize("page", ["", "/bins", "/council-tax"])
def test_the_sample_council_site_carries_the_widget_on_every_page(chat_app: Flask, page: str) -> None:
    response = chat_app.test_client().get(f"/demo-site/demo{page}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert '<script src="/static/widget.js" data-council="demo" data-language="en" defer>' in html
    site = [
        "/demo-site/demo?language=en",
        "/demo-site/demo/bins?language=en",
        "/demo-site/demo/council-tax?language=en",
    ]
    assert set(site) <= set(links(html)) and "?language=cy" in links(html)


def test_the_sample_site_speaks_welsh_for_a_welsh_council(chat_app: Flask) -> None:
    html = chat_app.test_client().get("/demo-site/demo/bins?language=cy").get_data(as_text=True)
    assert '<html lang="cy">' in html and "Biniau ac ailgylchu" in html
    assert 'data-language="cy"' in html


def test_the_sample_site_has_no_page_a_council_lacks(chat_app: Flask) -> None:
    client = chat_app.test_client()
    assert client.get("/demo-site/demo/planning").status_code == 404
    assert client.get("/demo-site/atlantis").status_code == 404


def test_the_sample_site_is_never_served_in_production(nlu_cache: Path) -> None:
    app = create_app(
        app_settings(REPOSITORY, APP_ENV="production", SECRET_KEY="production", NLU_CACHE_DIR=nlu_cache)
    )
    assert app.test_client().get("/demo-site/demo").status_code == 404
    assert app.test_client().get("/chat/demo").status_code == 200


def test_make_run_serves_the_sample_site(nlu_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As `flask --app webhook run` loads the app for `make run` (which sets debug from FLASK_DEBUG)."""
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    settings = app_settings(REPOSITORY, APP_ENV="development", SECRET_KEY="dev", NLU_CACHE_DIR=nlu_cache)
    app = ScriptInfo(create_app=lambda: create_app(settings), set_debug_flag=True).load_app()
    assert app.test_client().get("/demo-site/demo").status_code == 200


# Which sites may frame the chat ----------------------------------------------------------------------

EXTRA = "chat:\n  frame_origins: [https://staging.unitary.example, 'http://localhost:8000']\n"


def app_with_overlay(build_library: BuildLibrary, tmp_path: Path, addition: str) -> tuple[Flask, Path]:
    root = build_library()
    overlay = root / "councils" / "unitary" / "council.yaml"
    overlay.write_text(overlay.read_text() + addition)
    return create_app(app_settings(root, NLU_CACHE_DIR=tmp_path / "nlu")), root


def test_a_council_adds_origins_that_may_frame_its_chat(build_library: BuildLibrary, tmp_path: Path) -> None:
    app, root = app_with_overlay(build_library, tmp_path, EXTRA)
    assert validate_library(root).errors == []
    policy = app.test_client().get("/chat/unitary").headers["Content-Security-Policy"]
    assert policy.endswith(
        "frame-ancestors 'self' https://unitary.example https://staging.unitary.example http://localhost:8000"
    )
    other = app.test_client().get("/chat/district").headers["Content-Security-Policy"]
    assert "staging.unitary.example" not in other
    assert "frame-ancestors 'none'" in app.test_client().get("/").headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "origin",
    ["http://unitary.example", "https://unitary.example/bins", "https://x.example; script-src *", "*"],
)
def test_an_origin_that_is_not_a_bare_https_origin_is_refused(
    build_library: BuildLibrary, tmp_path: Path, origin: str
) -> None:
    app, root = app_with_overlay(build_library, tmp_path, f"chat:\n  frame_origins: [{origin!r}]\n")
    problems = [p.format(root) for p in validate_library(root).errors]
    assert any("[schema]" in problem and "council.yaml" in problem for problem in problems), problems
    policy = app.test_client().get("/chat/unitary").headers["Content-Security-Policy"]
    assert origin not in policy and "script-src *" not in policy
