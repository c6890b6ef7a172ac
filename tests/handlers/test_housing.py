"""housing.homeless, through /webhook/<slug>: a resident is never sent to a phone line that is closed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from flask import Flask

from tests.handlers.conftest import Ask, app_on, make_ask, without_out_of_hours_line

TUESDAY_EVENING = dt.datetime(2026, 6, 2, 19, 45)
TUESDAY_MORNING = dt.datetime(2026, 6, 2, 10, 0)
FRIDAY_EVENING = dt.datetime(2026, 6, 5, 18, 0)


def test_in_office_hours_the_resident_is_asked_to_call_today(ask: Ask, clock) -> None:
    clock(TUESDAY_MORNING)
    answer = ask("housing.homeless", text="im going to be homeless")
    assert "call us today on 01632 960000" in answer.text
    assert "Apply for housing" in answer.quick_replies


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Our offices are closed now, so if you have nowhere safe to stay tonight, call our "
            "out-of-hours line on 01632 960999.",
        ),
        ("cy", "ffoniwch ein llinell y tu allan i oriau ar 01632 960999"),
    ],
)
def test_at_night_the_out_of_hours_line_is_given_not_the_closed_one(
    ask: Ask, clock, language: str, expected: str
) -> None:
    clock(TUESDAY_EVENING)
    answer = ask("housing.homeless", language=language, text="i am homeless tonight")
    assert expected in answer.text
    danger = {
        "en": "If you're in danger now, call 999.",
        "cy": "Os ydych chi mewn perygl nawr, ffoniwch 999.",
    }
    assert answer.text.index(danger[language]) < answer.text.index("01632 960999")  # danger first
    assert "today" not in answer.text and "heddiw" not in answer.text
    assert answer.links  # the service's page stays


def test_without_an_out_of_hours_line_it_says_when_the_council_opens_and_who_to_call_tonight(
    tmp_path: Path, clock
) -> None:
    library = without_out_of_hours_line(tmp_path)
    clock(FRIDAY_EVENING)
    answer = make_ask(app_on(library))("housing.homeless", text="nowhere to sleep tonight")
    assert (
        "Our offices are closed now and open again Monday 8 June at 9am: call us then on 01632 960000."
        in (answer.text)
    )
    assert "Shelter's free helpline on 0808 800 4444" in answer.text


def test_a_county_still_sends_the_resident_to_the_district(ask: Ask, clock) -> None:
    clock(TUESDAY_EVENING)
    answer = ask("housing.homeless", slug="oxfordshire", text="homeless")
    assert answer.text.startswith("Your district, borough or city council looks after help for people who")
    assert "out-of-hours" not in answer.text


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("en", "i am homeless tonight", "call our out-of-hours line on 01632 960999"),
        ("en", "got nowhere to sleep 2night", "call our out-of-hours line on 01632 960999"),
        ("cy", "dw i'n ddigartref heno", "ffoniwch ein llinell y tu allan i oriau ar 01632 960999"),
    ],
)
def test_a_resident_who_types_it_in_the_chat_at_night_gets_the_out_of_hours_line(
    app: Flask, clock, language: str, typed: str, expected: str
) -> None:
    clock(TUESDAY_EVENING)
    chat = {"council": "demo", "session": "homeless-at-night", "text": typed, "language": language}
    reply = app.test_client().post("/api/chat", json=chat).get_json()
    assert reply["intent"] == "housing.homeless"
    assert expected in reply["messages"][0]["text"]
