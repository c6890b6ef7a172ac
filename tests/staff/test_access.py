"""No staff page without signing in, and one council's staff never see another's pages or data; the
sector's maintainers have their own sign-in. JSON also takes HTTP Basic, under the same lock-out."""

from __future__ import annotations

import base64

import pytest
from flask import Flask
from werkzeug.routing import Rule

from tests.staff.conftest import PASSWORDS, USERNAMES, signed_in_client, staff_app

#: A value for each URL variable of the staff pages.
SAMPLE_VALUES = {"name": "intents", "number": 1}
#: Reachable without signing in: the form itself and the stylesheet.
PUBLIC = {"staff.sign_in", "staff.static"}


def staff_urls(app: Flask, scope: str) -> list[tuple[str, str, str]]:
    """Every staff URL of the app for one scope, from its url_map: (endpoint, method, path)."""
    urls = []
    rule: Rule
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/staff/") or rule.endpoint in PUBLIC:
            continue
        path = rule.build({"slug": scope, **{k: v for k, v in SAMPLE_VALUES.items() if k in rule.arguments}})[
            1
        ]
        method = "POST" if "POST" in (rule.methods or ()) else "GET"
        urls.append((rule.endpoint, method, path))
    return urls


def basic(scope: str, password: str | None = None) -> dict[str, str]:
    pair = f"{USERNAMES[scope]}:{PASSWORDS[scope] if password is None else password}"
    return {"Authorization": "Basic " + base64.b64encode(pair.encode()).decode()}


def assert_refused(response, scope: str) -> None:  # type: ignore[no-untyped-def]
    if response.mimetype == "text/html" and response.status_code in (302, 303):
        assert response.headers["Location"] == f"/staff/{scope}/sign-in"
    else:
        assert response.status_code in (400, 401), (response.status_code, response.request.path)
    assert b"conversations" not in response.data


def test_the_app_has_the_staff_urls_this_test_lists(database_url: str) -> None:
    endpoints = {endpoint for endpoint, _, _ in staff_urls(staff_app(database_url), "demo")}

    assert {"staff.dashboard", "staff.insights_json", "staff.export", "staff.sign_out"} <= endpoints


@pytest.mark.parametrize("scope", ["demo", "sector"])
def test_every_staff_url_refuses_a_visitor_who_has_not_signed_in(database_url: str, scope: str) -> None:
    app = staff_app(database_url)
    client = app.test_client()

    for endpoint, method, path in staff_urls(app, scope):
        response = client.open(path, method=method)
        assert_refused(response, scope)
        if endpoint in ("staff.insights_json", "staff.export", "staff.suggestion_patch"):
            assert response.status_code == 401, path


def test_one_councils_staff_cannot_see_another_councils_pages_json_or_csv(database_url: str) -> None:
    app = staff_app(database_url)
    oxford = signed_in_client(app, "oxford")

    for _, method, path in staff_urls(app, "demo"):
        assert_refused(oxford.open(path, method=method), "demo")
    for _, method, path in staff_urls(app, "sector"):
        assert_refused(oxford.open(path, method=method), "sector")
    assert oxford.get("/staff/oxford/").status_code == 200


def test_the_sectors_maintainers_see_the_sector_and_not_a_councils_own_pages(database_url: str) -> None:
    app = staff_app(database_url)
    sector = signed_in_client(app, "sector")

    page = sector.get("/staff/sector/")

    assert page.status_code == 200 and "Each council" in page.get_data(as_text=True)
    assert sector.get("/staff/sector/insights.json").status_code == 200
    assert_refused(sector.get("/staff/demo/"), "demo")
    assert_refused(sector.get("/staff/demo/insights.json"), "demo")


def test_an_unknown_council_is_not_found(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    assert client.get("/staff/atlantis/").status_code == 404
    assert client.get("/staff/atlantis/sign-in").status_code == 404


def test_insights_json_takes_http_basic_with_the_councils_own_credentials(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    mine = client.get("/staff/demo/insights.json?days=7", headers=basic("demo"))
    theirs = client.get("/staff/oxford/insights.json", headers=basic("demo"))
    wrong = client.get("/staff/demo/insights.json", headers=basic("demo", "guess"))

    assert mine.status_code == 200
    assert {"conversations", "turns", "fallback_rate", "containment", "top_intents", "unanswered"} <= set(
        mine.get_json()
    )
    assert theirs.status_code == 401 and wrong.status_code == 401
    assert wrong.headers["WWW-Authenticate"].startswith("Basic")
    assert "Set-Cookie" not in mine.headers  # HTTP Basic signs nobody in


def test_http_basic_is_locked_out_like_the_form(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    for _ in range(5):
        assert client.get("/staff/demo/insights.json", headers=basic("demo", "guess")).status_code == 401

    assert client.get("/staff/demo/insights.json", headers=basic("demo")).status_code == 401


def test_staff_pages_are_never_cached(database_url: str) -> None:
    client = signed_in_client(staff_app(database_url), "demo")

    assert client.get("/staff/demo/").headers["Cache-Control"] == "no-store"
    assert client.get("/staff/demo/insights.json").headers["Cache-Control"] == "no-store"


def test_only_staff_paths_get_a_session_cookie(database_url: str) -> None:
    client = staff_app(database_url).test_client()

    for path in ("/", "/chat/demo", "/healthz"):
        assert "Set-Cookie" not in client.get(path).headers
    assert client.get("/staff/demo/sign-in").headers["Set-Cookie"].startswith("staff_session=")
