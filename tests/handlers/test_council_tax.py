"""council_tax.moving_home, through /webhook/<slug>."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import FAILURES
from tests.handlers.conftest import Ask, FailAt, within_deadline
from tests.handlers.shapes import postcode_found

FORM = "https://demo-council.example/council-tax/moving-home"
LOOKUP = "/_fakes/postcodes/postcodes/{}"


@pytest.mark.parametrize(
    ("language", "expected", "form"),
    [
        (
            "en",
            [
                "Thanks. Your moving date is Monday 1 June 2026 and your new postcode is AA1 2AB.",
                "Tell us on our moving home form and we'll update your council tax from that date.",
            ],
            FORM,
        ),
        (
            "cy",
            [
                "Diolch. Dyddiad symud: dydd Llun 1 Mehefin 2026. Cod post newydd: AA1 2AB.",
                "Rhowch wybod i ni ar ein ffurflen symud tŷ a byddwn ni'n diweddaru eich treth gyngor o'r "
                "dyddiad hwnnw.",
            ],
            FORM.replace("example/", "example/cy/"),
        ),
    ],
)
def test_the_date_and_postcode_are_echoed_with_the_form(
    apis: HTTPServer, ask: Ask, language: str, expected: list[str], form: str
) -> None:
    apis.expect_request(LOOKUP.format("AA12AB")).respond_with_json(postcode_found("AA1 2AB"))
    answer = ask(
        "council_tax.moving_home",
        language=language,
        text="moving to aa12ab on 1 june",
        parameters={"date": "2026-06-01T12:00:00+01:00", "postcode": "aa12ab"},
    )
    assert answer.texts == expected
    assert answer.links[0] == form


def test_a_move_into_another_councils_area_is_told_to_tell_them_too(apis: HTTPServer, ask: Ask) -> None:
    apis.expect_request(LOOKUP.format("CF101AA")).respond_with_json(
        postcode_found("CF10 1AA", district=("Cardiff", "W06000015"))
    )
    answer = ask(
        "council_tax.moving_home", parameters={"date": "2026-07-15T12:00:00+01:00", "postcode": "CF10 1AA"}
    )
    assert answer.texts == [
        "Thanks. Your moving date is Wednesday 15 July 2026 and your new postcode is CF10 1AA.",
        "CF10 1AA is in Cardiff Council's area, so you'll pay council tax to them from the day you move: "
        "tell "
        "them you're moving in. Tell us too, on our moving home form, so we can close your account.",
    ]
    assert answer.links[0] == FORM


def test_a_date_alone_asks_for_the_new_address_on_the_form(apis: HTTPServer, ask: Ask) -> None:
    answer = ask("council_tax.moving_home", parameters={"date": "2026-06-01T12:00:00+01:00"})
    assert answer.texts == [
        "Thanks. Your moving date is Monday 1 June 2026.",
        "Tell us on our moving home form, with your new address.",
    ]
    assert apis.log == []


def test_a_mistyped_postcode_is_questioned(apis: HTTPServer, ask: Ask) -> None:
    answer = ask("council_tax.moving_home", language="cy", parameters={"postcode": "AA1"})
    assert answer.texts == [
        "Diolch. Cod post newydd: AA1.",
        "Nid yw AA1 yn edrych fel cod post llawn yn y DU, felly gwiriwch ef ar y ffurflen.",
        "Rhowch wybod i ni ar ein ffurflen symud tŷ, gyda'ch dyddiad symud.",
    ]


def test_nothing_given_is_the_library_answer(ask: Ask) -> None:
    answer = ask("council_tax.moving_home", text="I'm moving house")
    assert answer.texts[0].startswith("Tell us when you move in, move out or move within the area")


@pytest.mark.parametrize("failure", FAILURES)
def test_an_area_check_that_fails_still_gives_the_form(
    fail_at: FailAt, hurried_ask: Ask, failure: str
) -> None:
    fail_at(failure, LOOKUP.format("AA12AB"))
    answer = hurried_ask(
        "council_tax.moving_home", parameters={"date": "2026-06-01T12:00:00+01:00", "postcode": "AA1 2AB"}
    )
    assert within_deadline(answer)
    assert (
        answer.texts[-1]
        == "Tell us on our moving home form and we'll update your council tax from that date."
    )
    assert answer.links[0] == FORM
