"""waste.recycling_centre and libraries.services, through /webhook/<slug>, from councils/demo/places.yaml."""

from __future__ import annotations

import datetime as dt
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
from tests.handlers.shapes import postcode_found

LOOKUP = "/_fakes/postcodes/postcodes/{}"
SUMMER_WEDNESDAY = dt.datetime(2026, 6, 3, 10, 0)


def test_every_recycling_centre_says_whether_it_is_open(ask: Ask, clock) -> None:
    clock(SUMMER_WEDNESDAY)
    answer = ask("waste.recycling_centre", text="is the tip open")
    assert answer.texts == [
        "Our recycling centres:",
        "Demo Town Recycling Centre, Quarry Road, Demo Town: Open now until 6pm.",
        "Harbour Recycling Centre, Harbour Road, Demo Bay: Closed now. Opens tomorrow at 10am.",
    ]
    assert answer.links == ["https://demo-council.example/waste/recycling-centre"]


def test_winter_hours_closures_and_welsh(ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 12, 25, 10, 0))
    answer = ask("waste.recycling_centre", language="cy")
    assert answer.texts == [
        "Ein canolfannau ailgylchu:",
        "Canolfan Ailgylchu Tref Demo, Ffordd y Chwarel, Tref Demo: Ar gau heddiw. Yn agor ddydd Sul 27 "
        "Rhagfyr "
        "am 10am.",
        "Canolfan Ailgylchu'r Harbwr, Ffordd yr Harbwr, Bae Demo: Ar gau heddiw. Yn agor yfory am 9am.",
    ]


def test_a_recycling_centre_open_on_a_bank_holiday_says_so(ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 8, 31, 11, 0))  # Summer bank holiday: the centres open anyway
    answer = ask("waste.recycling_centre")
    assert answer.texts[1] == "Demo Town Recycling Centre, Quarry Road, Demo Town: Open now until 6pm."


def test_the_nearest_centres_come_first_when_the_postcode_is_known(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(SUMMER_WEDNESDAY)
    apis.expect_request(LOOKUP.format("AA24ZZ")).respond_with_json(
        postcode_found("AA2 4ZZ", latitude=52.42, longitude=-4.30)
    )
    answer = ask("waste.recycling_centre", parameters={"postcode": "AA2 4ZZ"})
    assert answer.texts == [
        "Your nearest recycling centres:",
        "Harbour Recycling Centre, Harbour Road, Demo Bay (0.0 miles away): Closed now. Opens tomorrow at "
        "10am.",
        "Demo Town Recycling Centre, Quarry Road, Demo Town (9.3 miles away): Open now until 6pm.",
    ]


def test_a_postcode_in_another_area_is_sent_to_its_council(apis: HTTPServer, ask: Ask) -> None:
    apis.expect_request(LOOKUP.format("CF101AA")).respond_with_json(
        postcode_found("CF10 1AA", district=("Cardiff", "W06000015"))
    )
    answer = ask("waste.recycling_centre", parameters={"postcode": "CF10 1AA"})
    assert answer.texts[0].startswith("CF10 1AA is not in Demo Borough Council's area")


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_postcode_lookup_still_lists_the_centres(
    fail_at: FailAt,
    hurried_ask: Ask,
    clock,
    failure: str,
) -> None:
    clock(SUMMER_WEDNESDAY)
    fail_at(failure, LOOKUP.format("AA24ZZ"))
    answer = hurried_ask("waste.recycling_centre", language="cy", parameters={"postcode": "AA2 4ZZ"})
    assert within_deadline(answer)
    assert answer.texts[0] == "Ein canolfannau ailgylchu:"


def test_a_district_sends_recycling_centres_to_its_county(ask: Ask) -> None:
    answer = ask("waste.recycling_centre", slug="oxford")
    assert "Oxfordshire County Council" in answer.text


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        (
            dt.datetime(2026, 6, 3, 12, 45),
            "cy",
            "Llyfrgell Ganolog Demo, 3 Stryd Fawr, Tref Demo: Ar gau nawr. Yn agor heddiw am 1:30pm.",
        ),
        (
            dt.datetime(2026, 6, 4, 18, 0),
            "en",
            "Demo Central Library, 3 High Street, Demo Town: Open now until 7pm.",
        ),
        (
            dt.datetime(2027, 1, 12, 10, 0),
            "en",
            "Demo Central Library, 3 High Street, Demo Town: Closed today (New carpets being laid). Opens "
            "Monday "
            "18 January at 9am.",
        ),
    ],
)
def test_libraries_follow_the_librarys_answer_with_opening_times(
    ask: Ask, clock, moment: dt.datetime, language: str, expected: str
) -> None:
    clock(moment)
    answer = ask("libraries.services", language=language)
    assert answer.texts[1:] == [{"en": "Our libraries:", "cy": "Ein llyfrgelloedd:"}[language], expected]
    assert "01632 960000" in answer.texts[0]


def test_a_broken_places_file_gives_the_service_page(tmp_path: Path) -> None:
    library = copy_library(tmp_path)
    places = library / "councils" / "demo" / "places.yaml"
    places.write_text(places.read_text("utf-8").replace("kind: library", "kind: liberry"), "utf-8")
    answer = make_ask(app_on(library))("libraries.services")
    assert answer.text.startswith(FAILURE_APOLOGY["en"])
    assert "https://demo-council.example/libraries/services" in answer.links


def test_a_council_without_places_answers_from_the_library(ask: Ask) -> None:
    answer = ask("libraries.services", slug="cardiff")
    assert len(answer.texts) == 1
