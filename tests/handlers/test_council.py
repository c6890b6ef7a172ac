"""council.councillor and council.contact, through /webhook/<slug>."""

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
from tests.handlers.shapes import CASTLE, RIVERSIDE, postcode_found

LOOKUP = "/_fakes/postcodes/postcodes/{}"
COUNCILLORS_PAGE = "https://demo-council.example/council/councillors"


def serve_postcode(apis: HTTPServer, postcode: str, **areas) -> None:
    compact = postcode.replace(" ", "")
    apis.expect_request(LOOKUP.format(compact)).respond_with_json(postcode_found(postcode, **areas))


# council.councillor


def test_the_wards_councillors_are_listed_with_their_contacts(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA1 1AA", ward=CASTLE)
    answer = ask("council.councillor", text="who is my councillor", parameters={"postcode": "AA1 1AA"})
    assert answer.texts == [
        "You live in Castle ward. Your councillors are:",
        "Alys Pritchard (Demo Valley Independents): email alys.pritchard@demo-council.example, phone "
        "01632 960301. Surgeries: First Saturday of the month, 10:00 to 12:00, Demo Town Library.",
        "Gareth Moss (Riverside Party): email gareth.moss@demo-council.example.",
    ]
    assert answer.links == [COUNCILLORS_PAGE]
    assert answer.context("resident")["postcode"] == "AA1 1AA"


def test_welsh_gives_the_ward_and_parties_in_welsh(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA1 2AD", ward=RIVERSIDE)
    answer = ask("council.councillor", language="cy", parameters={"postcode": "AA1 2AD"})
    assert answer.text.startswith("Rydych chi'n byw yn ward Glan yr Afon. Eich cynghorydd yw:")
    assert "Priya Shah (Plaid Glan yr Afon): e-bost priya.shah@demo-council.example, ffôn 01632 960302." in (
        answer.text
    )
    assert answer.links == [
        "https://demo-council.example/cy/council/councillors/priya-shah",
        "https://demo-council.example/cy/council/councillors",
    ]


def test_a_postcode_remembered_from_an_earlier_turn_is_used(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA1 1AA", ward=CASTLE)
    remembered = [
        {
            "name": "projects/demo-council-bot/agent/sessions/5f1c-session/contexts/resident",
            "parameters": {"postcode": "AA1 1AA"},
        }
    ]
    answer = ask("council.councillor", contexts=remembered)
    assert answer.text.startswith("You live in Castle ward.")


def test_without_a_postcode_the_library_answer_asks_for_one(apis: HTTPServer, ask: Ask) -> None:
    answer = ask("council.councillor", language="cy")
    assert answer.text.startswith("Mae eich cynghorwyr yn siarad dros eich ardal")
    assert 'Dywedwch eich cod post wrtha i, er enghraifft "cynghorydd ar gyfer AA1 1AA"' in answer.text
    assert apis.log == []


def test_a_ward_the_list_lacks_gets_the_councils_page(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "AA2 1AA", ward=("Newtown", "W05009999"))
    answer = ask("council.councillor", parameters={"postcode": "AA2 1AA"})
    assert answer.text.startswith("I couldn't find the councillors for Newtown ward in our list.")
    assert "https://demo-council.example/council/councillor" in answer.links


def test_a_resident_of_another_council_is_sent_there(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "CF10 1AA", district=("Cardiff", "W06000015"), ward=("Cathays", "W05000001"))
    answer = ask("council.councillor", parameters={"postcode": "CF10 1AA"})
    assert answer.text == (
        "CF10 1AA is not in Demo Borough Council's area: it is covered by Cardiff Council, who can help "
        "with this.\nCardiff Council website: https://www.cardiff.gov.uk\n"
        "Find your local council on GOV.UK: https://www.gov.uk/find-local-council"
    )


@pytest.mark.parametrize("failure", FAILURES)
def test_every_postcodes_failure_gives_the_councillors_page_within_the_deadline(
    fail_at: FailAt, hurried_ask: Ask, failure: str
) -> None:
    fail_at(failure, LOOKUP.format("AA11AA"))
    answer = hurried_ask("council.councillor", language="cy", parameters={"postcode": "AA1 1AA"})
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY["cy"])
    assert "https://demo-council.example/cy/council/councillor" in answer.links


def test_a_broken_councillors_file_gives_the_councillors_page(tmp_path: Path, apis: HTTPServer) -> None:
    library = copy_library(tmp_path)
    (library / "councils" / "demo" / "councillors.yaml").write_text("wards: [not, a, ward]\n", "utf-8")
    serve_postcode(apis, "AA1 1AA", ward=CASTLE)
    answer = make_ask(app_on(library))("council.councillor", parameters={"postcode": "AA1 1AA"})
    assert answer.text.startswith(FAILURE_APOLOGY["en"])
    assert "https://demo-council.example/council/councillor" in answer.links


# council.contact


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        (dt.datetime(2026, 6, 1, 10, 0), "en", "We're open now, until 5pm."),
        (dt.datetime(2026, 6, 5, 15, 0), "en", "We're open now, until 4:30pm."),
        (dt.datetime(2026, 6, 5, 17, 0), "en", "We're closed now. We open again Monday 8 June at 9am."),
        (dt.datetime(2026, 6, 2, 7, 30), "en", "We're closed now. We open again today at 9am."),
        (dt.datetime(2026, 6, 1, 10, 0), "cy", "Rydyn ni ar agor nawr, tan 5pm."),
        (
            dt.datetime(2026, 6, 6, 12, 0),
            "cy",
            "Rydyn ni ar gau nawr. Rydyn ni'n agor eto ddydd Llun 8 Mehefin am 9am.",
        ),
        (
            dt.datetime(2026, 5, 25, 11, 0),
            "en",
            "We're closed today (Spring bank holiday). We open again tomorrow at 9am.",
        ),
        (
            dt.datetime(2026, 5, 25, 11, 0),
            "cy",
            "Rydyn ni ar gau heddiw (Gŵyl banc y gwanwyn). Rydyn ni'n agor eto yfory am 9am.",
        ),
    ],
)
def test_contact_says_whether_the_offices_are_open_now(
    ask: Ask, clock, moment: dt.datetime, language: str, expected: str
) -> None:
    clock(moment)
    answer = ask("council.contact", language=language)
    assert answer.texts[-1] == expected
    assert "01632 960000" in answer.texts[0]


def test_the_offices_close_on_the_minute_for_a_resident_who_asks_twice(ask: Ask, clock) -> None:
    # The answer is kept for the minute it was worked out in, and no longer.
    clock(dt.datetime(2026, 6, 5, 16, 29, 59))
    assert ask("council.contact").texts[-1] == "We're open now, until 4:30pm."
    clock(dt.datetime(2026, 6, 5, 16, 30, 0))
    assert ask("council.contact").texts[-1] == "We're closed now. We open again Monday 8 June at 9am."


SCOTTISH_COUNCIL = """\
slug: firth
name: Demo Firth Council
gss_code: S12000999
tier: unitary
nation: scotland
languages: [en]
contact:
  phone: "0131 496 0000"
  website: https://demo-firth.example
  opening_hours: {monday: "09:00-17:00", tuesday: "09:00-17:00"}
"""


def test_a_scottish_council_closes_for_scottish_bank_holidays(tmp_path: Path, clock) -> None:
    library = copy_library(tmp_path)
    (library / "councils" / "firth").mkdir()
    (library / "councils" / "firth" / "council.yaml").write_text(SCOTTISH_COUNCIL, "utf-8")
    ask = make_ask(app_on(library))
    clock(dt.datetime(2026, 8, 3, 10, 0))  # the first Monday in August: Scotland's summer bank holiday
    scottish = ask("council.contact", slug="firth").texts[-1]
    welsh_demo = ask("council.contact", slug="demo").texts[-1]
    assert scottish == ("We're closed today (Summer bank holiday). We open again tomorrow at 9am.")
    assert welsh_demo == "We're open now, until 5pm."


def test_a_council_without_opening_hours_keeps_the_library_answer(ask: Ask) -> None:
    answer = ask("council.contact", slug="oxford")
    assert "01865 249811" in answer.text
    assert not any(text.startswith("We're") for text in answer.texts)
