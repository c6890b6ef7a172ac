"""council.find_my_council: which council covers a postcode, through /webhook/<slug>."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import FAILURES
from tests.handlers.conftest import (
    FAILURE_APOLOGY,
    Ask,
    FailAt,
    app_on,
    copy_library,
    make_ask,
    within_deadline,
)
from tests.handlers.shapes import (
    INVALID_POSTCODE,
    POSTCODE_NOT_FOUND,
    postcode_found,
    postcode_terminated,
)

GOV_UK_FINDER = "https://www.gov.uk/find-local-council"
LOOKUP = "/_fakes/postcodes/postcodes/{}"


def serve_postcode(apis: HTTPServer, compact: str, body: dict, status: int = 200) -> None:
    apis.expect_request(LOOKUP.format(compact)).respond_with_json(body, status=status)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "AA1 1AA is in our area. Demo Borough Council provides all your council services."),
        (
            "cy",
            "Mae AA1 1AA yn ein hardal ni. Cyngor Bwrdeistref Demo sy'n darparu eich holl wasanaethau "
            "cyngor.",
        ),
    ],
)
def test_a_postcode_in_the_area_is_confirmed(
    apis: HTTPServer, ask: Ask, language: str, expected: str
) -> None:
    serve_postcode(apis, "AA11AA", postcode_found("AA1 1AA"))
    answer = ask("council.find_my_council", language=language, parameters={"postcode": "aa11aa"})
    assert answer.text.startswith(expected)
    assert answer.context("resident")["postcode"] == "AA1 1AA"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "BR8 7RE is not in our area. Your district council is Sevenoaks District Council and your county "
            "council is Kent County Council.",
        ),
        (
            "cy",
            "Nid yw BR8 7RE yn ein hardal ni. Eich cyngor dosbarth yw Sevenoaks District Council a'ch "
            "cyngor sir yw Kent County Council.",
        ),
    ],
)
def test_a_postcode_of_a_council_not_on_the_platform_is_named_from_the_register_with_its_gov_uk_page(
    apis: HTTPServer, ask: Ask, language: str, expected: str
) -> None:
    serve_postcode(
        apis,
        "BR87RE",
        postcode_found(
            "BR8 7RE",
            district=("Sevenoaks", "E07000111"),
            county=("Kent", "E10000016"),
            ward=("Hextable", "E05009960"),
            country="England",
        ),
    )
    answer = ask("council.find_my_council", language=language, parameters={"postcode": "BR8 7RE"})
    assert answer.text.startswith(expected)
    assert answer.links == [
        "https://www.gov.uk/find-local-council/sevenoaks",
        "https://www.gov.uk/find-local-council/kent",
        GOV_UK_FINDER,
    ]


def test_a_postcode_of_another_council_on_the_platform_names_it_with_its_website(
    apis: HTTPServer, ask: Ask
) -> None:
    serve_postcode(
        apis,
        "CF101AA",
        postcode_found("CF10 1AA", district=("Cardiff", "W06000015"), ward=("Cathays", "W05001")),
    )
    answer = ask("council.find_my_council", language="cy", parameters={"postcode": "CF10 1AA"})
    assert answer.text.startswith("Nid yw CF10 1AA yn ein hardal ni. Eich cyngor chi yw Cyngor Caerdydd.")
    assert answer.links == ["https://www.caerdydd.gov.uk", GOV_UK_FINDER]


def test_text_that_is_not_a_postcode_is_questioned_without_a_call(apis: HTTPServer, ask: Ask) -> None:
    answer = ask("council.find_my_council", parameters={"postcode": "AA1"})
    assert answer.text.startswith("AA1 doesn't look like a full UK postcode. Please check it")
    assert apis.log == []


def test_postcodes_ios_invalid_postcode_asks_the_resident_to_check_it(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA11CI", INVALID_POSTCODE, status=404)
    answer = ask("council.find_my_council", language="cy", parameters={"postcode": "AA1 1CI"})
    assert answer.text.startswith("Nid yw AA1 1CI yn edrych fel cod post llawn")


def test_an_unknown_postcode_is_told_apart_from_an_invalid_one(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA67ZZ", POSTCODE_NOT_FOUND, status=404)
    answer = ask("council.find_my_council", parameters={"postcode": "AA6 7ZZ"})
    assert answer.text.startswith("I couldn't find the postcode AA6 7ZZ. It may be mistyped, or too new")
    assert answer.links == [GOV_UK_FINDER]
    assert answer.context("resident") is None


def test_a_withdrawn_postcode_says_since_when(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AB10AA", postcode_terminated("AB1 0AA", 1996, 6), status=404)
    english = ask("council.find_my_council", parameters={"postcode": "AB1 0AA"})
    welsh = ask("council.find_my_council", language="cy", parameters={"postcode": "AB1 0AA"})
    assert "no longer in use (since June 1996)" in english.text
    assert "(ers Mehefin 1996)" in welsh.text


def test_a_lookup_is_cached_so_a_second_turn_makes_no_call(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA11AA", postcode_found("AA1 1AA"))
    ask("council.find_my_council", parameters={"postcode": "AA1 1AA"})
    answer = ask("council.find_my_council", parameters={"postcode": "AA1 1AA"})
    assert "is in our area" in answer.text
    assert len(apis.log) == 1


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_gives_the_library_answer_within_the_deadline(
    fail_at: FailAt,
    hurried_ask: Ask,
    failure: str,
    language: str,
) -> None:

    fail_at(failure, LOOKUP.format("AA11AA"))
    answer = hurried_ask("council.find_my_council", language=language, parameters={"postcode": "AA1 1AA"})
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY[language])
    assert GOV_UK_FINDER in answer.links


def test_a_council_without_a_postcodes_backend_answers_from_the_library(ask: Ask) -> None:
    answer = ask("council.find_my_council", slug="oxford", parameters={"postcode": "OX1 1BX"})
    assert answer.text.startswith("Some areas have one council.")
    assert answer.links == [GOV_UK_FINDER]


POSTCODES_BACKEND = "backends:\n  postcodes:\n    kind: postcodes_io\n    base_url: /_fakes/postcodes\n"


@pytest.fixture
def two_tier_ask(tmp_path: Path, httpserver: HTTPServer) -> Ask:
    library = copy_library(tmp_path, {"oxford": POSTCODES_BACKEND, "oxfordshire": POSTCODES_BACKEND})
    return make_ask(app_on(library, APP_BASE_URL=httpserver.url_for("/")))


OXFORD = postcode_found(
    "OX1 1BX",
    district=("Oxford", "E07000178"),
    county=("Oxfordshire", "E10000025"),
    ward=("Carfax & Jericho", "E05013090"),
    country="England",
)


def test_a_district_says_what_it_and_its_county_each_look_after(apis: HTTPServer, two_tier_ask: Ask) -> None:
    serve_postcode(apis, "OX11BX", OXFORD)
    answer = two_tier_ask("council.find_my_council", slug="oxford", parameters={"postcode": "OX1 1BX"})
    assert answer.text.startswith(
        "OX1 1BX is in our area. Oxford City Council looks after bins, council tax, housing and planning. "
        "Oxfordshire County Council looks after roads, schools, libraries and social care."
    )


def test_a_county_sends_district_services_to_the_district(apis: HTTPServer, two_tier_ask: Ask) -> None:
    serve_postcode(apis, "OX11BX", OXFORD)
    answer = two_tier_ask("council.find_my_council", slug="oxfordshire", parameters={"postcode": "OX1 1BX"})
    assert answer.text.startswith(
        "OX1 1BX is in our area for roads, schools, libraries and social care. For bins, council tax, "
        "housing and planning, contact Oxford City Council."
    )


def test_a_district_names_a_neighbour_on_the_platform_with_its_website(
    apis: HTTPServer, two_tier_ask: Ask
) -> None:
    serve_postcode(apis, "CF101AA", postcode_found("CF10 1AA", district=("Cardiff", "W06000015")))
    answer = two_tier_ask("council.find_my_council", slug="oxford", parameters={"postcode": "CF10 1AA"})
    assert answer.text.startswith("CF10 1AA is not in our area. Your council is Cardiff Council.")
    assert answer.links == ["https://www.cardiff.gov.uk", GOV_UK_FINDER]
