"""Routing by the register: a district whose county has no overlay sends county services to the
register's county, and a resident of a council with no overlay is told its name and website."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask
from pytest_httpserver import HTTPServer

from tests.handlers.conftest import (  # noqa: F401 - fixtures used by name
    Ask,
    apis,
    app,
    app_on,
    copy_library,
    development_keys,
    make_ask,
    rebase,
)
from tests.handlers.shapes import postcode_found
from webhook.fulfilment.handler_names import handler_names
from webhook.library.loader import load_library
from webhook.library.resolve import resolve_intent
from webhook.library.validate import validate_library

LOOKUP = "/_fakes/postcodes/postcodes/{}"
OXFORDSHIRE_ON_GOV_UK = "https://www.gov.uk/find-local-council/oxfordshire"


@pytest.fixture(scope="module")
def without_county_overlay(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's library without Oxfordshire's overlay, Oxford (a district) speaking Welsh too."""
    library = copy_library(tmp_path_factory.mktemp("library"))
    for path in sorted((library / "councils" / "oxfordshire").iterdir()):
        path.unlink()
    (library / "councils" / "oxfordshire").rmdir()
    overlay = library / "councils" / "oxford" / "council.yaml"
    overlay.write_text(overlay.read_text("utf-8").replace("languages: [en]", "languages: [en, cy]"), "utf-8")
    return library


def test_validation_asks_only_for_the_phone_the_register_cannot_give(without_county_overlay: Path) -> None:
    report = validate_library(without_county_overlay, handler_names=handler_names())
    assert report.errors, "safeguarding answers must give the county's number"
    for problem in report.errors:  # no county-unknown: the register knows Oxfordshire
        assert problem.rule == "placeholder-undefined"
        assert "system.safeguarding" in problem.message
        assert "its county 'oxfordshire' has no overlay and the register gives no phone" in problem.message


@pytest.fixture(scope="module")
def oxford_app(without_county_overlay: Path) -> Flask:
    """One app on that library for the tests that chat with it (building an app takes seconds)."""
    return app_on(without_county_overlay)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Oxfordshire County Council looks after potholes and road repairs, not Oxford City Council. You "
            "can find out how on their website.",
        ),
        (
            "cy",
            "Oxfordshire County Council sy'n gyfrifol am dyllau yn y ffordd a thrwsio ffyrdd, nid Oxford "
            "City Council. Gallwch gael gwybod sut ar eu gwefan.",
        ),
    ],
)
def test_a_county_service_goes_to_the_registers_county(
    without_county_overlay: Path, oxford_app: Flask, language: str, expected: str
) -> None:
    # What the library resolves for the district is what its bot says...
    library = load_library(without_county_overlay).library
    resolved = resolve_intent(library, library.councils["oxford"], "streets.pothole", language)
    assert resolved.responses.text == (expected,)
    assert resolved.provider.facts is not None and resolved.provider.facts.layer == "register"
    # ... and through the webhook (a busy machine may time the handler out, prefixing an apology)
    answer = make_ask(oxford_app)("streets.pothole", slug="oxford", language=language)
    assert expected in answer.text
    assert OXFORDSHIRE_ON_GOV_UK in answer.links


def serve(apis: HTTPServer, compact: str, body: dict) -> None:  # noqa: F811 - the fixture's value
    apis.expect_request(LOOKUP.format(compact)).respond_with_json(body)


SEVENOAKS = postcode_found(
    "BR8 7RE",
    district=("Sevenoaks", "E07000111"),
    county=("Kent", "E10000016"),
    ward=("Hextable", "E05009960"),
    country="England",
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "BR8 7RE is not in Demo Borough Council's area: it is covered by Sevenoaks District Council, "
            "who can help with this.",
        ),
        (
            "cy",
            "Nid yw BR8 7RE yn ardal Cyngor Bwrdeistref Demo: mae'n cael ei wasanaethu gan Sevenoaks "
            "District Council, a all eich helpu gyda hyn.",
        ),
    ],
)
def test_a_postcode_of_a_council_with_no_overlay_names_it_and_its_website(
    app: Flask,  # noqa: F811
    apis: HTTPServer,  # noqa: F811
    language: str,
    expected: str,
) -> None:
    serve(apis, "BR87RE", SEVENOAKS)
    answer = make_ask(app)("council.councillor", language=language, parameters={"postcode": "BR8 7RE"})
    assert answer.texts[0] == expected
    assert answer.links == ["https://www.gov.uk/find-local-council/sevenoaks"]


def test_a_county_service_at_such_a_postcode_names_the_county(app: Flask, apis: HTTPServer) -> None:  # noqa: F811
    serve(apis, "BR87RE", SEVENOAKS)
    answer = make_ask(app)("streets.pothole", parameters={"postcode": "BR8 7RE"}, text="pothole at BR8 7RE")
    assert "it is covered by Kent County Council" in answer.texts[0]
    assert answer.links == ["https://www.gov.uk/find-local-council/kent"]


def test_a_council_neither_on_the_platform_nor_in_the_register_keeps_postcodes_ios_name(
    app: Flask,  # noqa: F811
    apis: HTTPServer,  # noqa: F811
) -> None:
    body = postcode_found(
        "AA3 1AA", district=("Neighbouring Vale", "W06000998"), ward=("Valley", "W05009981")
    )
    serve(apis, "AA31AA", body)
    answer = make_ask(app)("council.councillor", parameters={"postcode": "AA3 1AA"})
    assert "it is covered by Neighbouring Vale" in answer.texts[0]
    assert answer.links == ["https://www.gov.uk/find-local-council"]
