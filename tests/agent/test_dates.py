"""sys.date and sys.time, in English and Welsh, relative to a fixed today (Tuesday 24 November 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from webhook.agent.dates import dialogflow_date, find_dates, find_times

TODAY = date(2026, 11, 24)  # a Tuesday, in winter time (UTC+0)


def day(text: str, language: str = "en") -> str | None:
    found = find_dates(text, language, TODAY)
    return found[0].value[:10] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today please", "2026-11-24"),
        ("is it bin day tomorrow", "2026-11-25"),
        ("it was yesterday", "2026-11-23"),
        ("the day after tomorrow", "2026-11-26"),
        ("next tuesday", "2026-12-01"),
        ("this tuesday", "2026-11-24"),
        ("on friday", "2026-11-27"),
        ("is it open on saturdays", "2026-11-28"),  # the plural names the weekday
        ("last friday", "2026-11-20"),
        ("they didn't come on monday", "2026-11-23"),
        ("I move on the 3rd of March", "2027-03-03"),
        ("moved out on 3 March", "2027-03-03"),
        ("it was missed on 3 november", "2026-11-03"),
        ("December 5th", "2026-12-05"),
        ("01/12/2026", "2026-12-01"),
        ("1/12/26", "2026-12-01"),
        ("from 2027-01-15", "2027-01-15"),
        ("in 2 weeks", "2026-12-08"),
        ("three days ago", "2026-11-21"),
        ("by the 30th", "2026-11-30"),
    ],
)
def test_english_dates(text: str, expected: str) -> None:
    assert day(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("heddiw", "2026-11-24"),
        ("ydy hi'n ddiwrnod bin yfory", "2026-11-25"),
        ("fory", "2026-11-25"),
        ("ddoe", "2026-11-23"),
        ("dydd Gwener", "2026-11-27"),
        ("dydd Mawrth nesaf", "2026-12-01"),
        ("dydd Gwener diwethaf", "2026-11-20"),
        ("heb ei gasglu ddydd Llun", "2026-11-23"),
        ("nos Wener", "2026-11-27"),
        ("symud ar y 3ydd o Fawrth", "2027-03-03"),
        ("1af Rhagfyr", "2026-12-01"),
        ("15/01/2027", "2027-01-15"),
        ("symud tomorrow", "2026-11-25"),
    ],
)
def test_welsh_dates(text: str, expected: str) -> None:
    assert day(text, "cy") == expected


def test_a_date_is_noon_with_the_uk_offset_as_dialogflow_gives_it() -> None:
    assert dialogflow_date(TODAY) == "2026-11-24T12:00:00+00:00"
    assert dialogflow_date(date(2026, 6, 1)) == "2026-06-01T12:00:00+01:00"


def test_each_date_keeps_the_words_it_came_from() -> None:
    [moving] = find_dates("I'm moving out next tuesday, thanks", "en", TODAY)
    assert "I'm moving out next tuesday, thanks"[moving.start : moving.end] == "next tuesday"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("planning 23/01234/FUL", "en"),
        ("I sat in the sun", "en"),
        ("31/02/2026", "en"),
        ("dydd da", "cy"),
        ("Mawrth", "cy"),
    ],
)
def test_things_that_are_not_dates(text: str, language: str) -> None:
    assert find_dates(text, language, TODAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("at 3pm", "15:00"),
        ("10:30", "10:30"),
        ("7.45am", "07:45"),
        ("12am", "00:00"),
        ("midday", "12:00"),
        ("half past 3", "15:30"),
        ("quarter to ten", "09:45"),
        ("9 o'clock", "09:00"),
        ("tua 4 o'r gloch", "16:00"),
        ("hanner dydd", "12:00"),
    ],
)
def test_times(text: str, expected: str) -> None:
    [found] = find_times(text, "en", TODAY)
    assert found.value == f"2026-11-24T{expected}:00+00:00"
