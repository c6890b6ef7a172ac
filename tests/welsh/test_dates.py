"""Welsh dates and times as the bot writes them: day and month names from the Unicode CLDR (through
Babel), "dydd" lower case mid-sentence, and the mutation a preposition or an adverbial date causes."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import REPOSITORY
from webhook.backends.calendar import format_date, format_relative_date, format_time
from webhook.library.loader import load_library
from webhook.library.messages import message_text
from webhook.library.placeholders import fill

MONDAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("day", "welsh", "english"),
    [
        (dt.date(2026, 12, 7), "dydd Llun 7 Rhagfyr", "Monday 7 December"),
        (dt.date(2026, 12, 8), "dydd Mawrth 8 Rhagfyr", "Tuesday 8 December"),
        (dt.date(2026, 12, 9), "dydd Mercher 9 Rhagfyr", "Wednesday 9 December"),
        (dt.date(2026, 12, 10), "dydd Iau 10 Rhagfyr", "Thursday 10 December"),
        (dt.date(2026, 12, 11), "dydd Gwener 11 Rhagfyr", "Friday 11 December"),
        (dt.date(2027, 1, 2), "dydd Sadwrn 2 Ionawr", "Saturday 2 January"),
        (dt.date(2027, 2, 7), "dydd Sul 7 Chwefror", "Sunday 7 February"),
        (dt.date(2027, 7, 1), "dydd Iau 1 Gorffennaf", "Thursday 1 July"),
    ],
)
def test_day_and_month_names_in_both_languages(day: dt.date, welsh: str, english: str) -> None:
    assert format_date(day, "cy") == welsh
    assert format_date(day, "en") == english


@pytest.mark.parametrize(
    ("text", "day", "expected"),
    [
        # after a preposition that causes the soft mutation
        ("ar agor o {day|soft}", MONDAY, "ar agor o ddydd Llun 7 Rhagfyr"),
        ("y casgliad ar {day|soft}", dt.date(2026, 12, 11), "y casgliad ar ddydd Gwener 11 Rhagfyr"),
        ("tan {day|soft}", dt.date(2027, 1, 2), "tan ddydd Sadwrn 2 Ionawr"),
        # a date used as an adverb takes the soft mutation too
        ("Maen nhw'n agor eto {day|soft}", MONDAY, "Maen nhw'n agor eto ddydd Llun 7 Rhagfyr"),
        # today and tomorrow begin with letters that never mutate
        ("Maen nhw'n agor eto {day|soft}", dt.date(2026, 12, 2), "Maen nhw'n agor eto heddiw"),
        ("Maen nhw'n agor eto {day|soft}", dt.date(2026, 12, 3), "Maen nhw'n agor eto yfory"),
    ],
)
def test_welsh_dates_take_the_mutation_their_place_in_the_sentence_asks(
    text: str, day: dt.date, expected: str
) -> None:
    value = format_relative_date(day, dt.date(2026, 12, 2), "cy")
    assert fill(text, {"day": value}.get) == expected


@pytest.mark.parametrize(
    ("moment", "welsh", "english"),
    [
        (dt.time(9, 0), "9am", "9am"),
        (dt.time(17, 30), "5:30pm", "5:30pm"),
        (dt.time(12, 0), "hanner dydd", "midday"),
        (dt.time(0, 0), "hanner nos", "midnight"),
    ],
)
def test_times_as_gov_uk_writes_them_in_both_languages(moment: dt.time, welsh: str, english: str) -> None:
    assert format_time(moment, "cy") == welsh
    assert format_time(moment, "en") == english


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        (["bin du"], "bin du"),
        (["bin du", "bin glas"], "bin du a bin glas"),
        (["papur", "tuniau"], "papur a thuniau"),  # "a" (and) takes the aspirate mutation
        (["gwydr", "caniau", "ailgylchu"], "gwydr, caniau ac ailgylchu"),  # "ac" before a vowel
    ],
)
def test_welsh_lists_join_with_the_mutation_and_form_of_a(items: list[str], expected: str) -> None:
    library = load_library(REPOSITORY).library
    text = message_text(library, library.councils["cardiff"], "common.list_and", "cy")
    joined = (
        items[0] if len(items) == 1 else fill(text, {"first": ", ".join(items[:-1]), "last": items[-1]}.get)
    )
    assert joined == expected
