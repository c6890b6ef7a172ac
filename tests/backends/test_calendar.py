"""Bank holidays from the package's cached GOV.UK feed, opening hours, and their words in English and
Welsh."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from tests.backends.opening import describe
from webhook.backends import calendar
from webhook.backends.calendar import (
    LONDON,
    OPENING_SENTENCES,
    bank_holidays,
    format_date,
    format_time,
    is_open,
    next_opening,
    opening_status,
    parse_closures,
    parse_opening_hours,
)

OFFICE_HOURS = {
    "monday": "09:00-17:00",
    "tuesday": "09:00-17:00",
    "wednesday": ["09:00-12:30", "13:30-17:00"],
    "thursday": "09:00-17:00",
    "friday": "09:00-16:30",
    "saturday": "closed",
    # Sunday left out: closed.
}
ENGLAND_AND_WALES = bank_holidays("england")


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


# ---------------------------------------------------------------------------------------------------
# Bank holidays


def test_each_nation_gets_its_own_bank_holidays() -> None:
    scotland, northern_ireland = bank_holidays("scotland"), bank_holidays("northern-ireland")
    assert bank_holidays("wales") == ENGLAND_AND_WALES
    assert date(2025, 8, 4) in scotland and date(2025, 8, 4) not in ENGLAND_AND_WALES  # Scottish summer
    assert date(2025, 8, 25) in ENGLAND_AND_WALES and date(2025, 8, 25) not in scotland
    assert date(2025, 1, 2) in scotland and date(2025, 1, 2) not in ENGLAND_AND_WALES
    assert date(2025, 3, 17) in northern_ireland and date(2025, 3, 17) not in ENGLAND_AND_WALES


def test_an_unknown_nation_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown nation 'cornwall'"):
        bank_holidays("cornwall")


def test_holiday_names_in_english_and_welsh() -> None:
    christmas = ENGLAND_AND_WALES.get(date(2025, 12, 25))
    summer = ENGLAND_AND_WALES.get(date(2025, 8, 25))
    assert christmas is not None and summer is not None
    assert (christmas.name("en"), christmas.name("cy")) == ("Christmas Day", "Dydd Nadolig")
    assert summer.name("cy") == "Gŵyl banc yr haf"


def test_bank_holidays_load_without_the_internet(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("tried to fetch the bank holidays feed")

    monkeypatch.setattr("govuk_bank_holidays.bank_holidays.requests.get", no_network)
    bank_holidays.cache_clear()
    calendar._cached_feed.cache_clear()
    try:
        assert date(2026, 12, 28) in bank_holidays("england")  # the substitute for Boxing Day
        assert bank_holidays("england").last_known.year >= 2026
    finally:
        bank_holidays.cache_clear()


def test_working_days_skip_weekends_and_bank_holidays() -> None:
    assert not ENGLAND_AND_WALES.is_working_day(date(2025, 5, 26))  # Spring bank holiday
    assert not ENGLAND_AND_WALES.is_working_day(date(2025, 5, 24))  # a Saturday
    assert ENGLAND_AND_WALES.is_working_day(date(2025, 5, 27))


# ---------------------------------------------------------------------------------------------------
# Open or closed


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (london(2025, 6, 2, 8, 59), False),  # Monday before opening
        (london(2025, 6, 2, 9, 0), True),
        (london(2025, 6, 2, 16, 59), True),
        (london(2025, 6, 2, 17, 0), False),  # closing time is closed
        (london(2025, 6, 4, 12, 45), False),  # Wednesday lunch
        (london(2025, 6, 4, 13, 30), True),
        (london(2025, 6, 7, 11, 0), False),  # Saturday: closed
        (london(2025, 6, 8, 11, 0), False),  # Sunday: not given, so closed
        (london(2025, 5, 26, 11, 0), False),  # Spring bank holiday Monday
    ],
)
def test_is_open(moment: datetime, expected: bool) -> None:
    assert is_open(OFFICE_HOURS, moment, ENGLAND_AND_WALES) is expected


def test_a_bank_holiday_is_a_normal_day_where_the_place_opens_on_them() -> None:
    assert is_open(OFFICE_HOURS, london(2025, 5, 26, 11, 0), holidays=())


def test_closure_dates_close_the_place() -> None:
    closures = parse_closures(["2025-06-02", {"from": "2025-06-10", "to": "2025-06-12"}])
    assert not is_open(OFFICE_HOURS, london(2025, 6, 2, 10, 0), ENGLAND_AND_WALES, closures)
    assert not is_open(OFFICE_HOURS, london(2025, 6, 12, 10, 0), ENGLAND_AND_WALES, closures)
    assert is_open(OFFICE_HOURS, london(2025, 6, 13, 10, 0), ENGLAND_AND_WALES, closures)


def test_times_are_uk_times_whatever_the_clock_it_is_given_in() -> None:
    # 08:30 UTC in July is 09:30 in London (BST): open. In January the two agree: still shut.
    assert is_open(OFFICE_HOURS, datetime(2025, 7, 1, 8, 30, tzinfo=UTC))
    assert not is_open(OFFICE_HOURS, datetime(2025, 1, 7, 8, 30, tzinfo=UTC))
    # A naive time is taken as London time.
    assert is_open(OFFICE_HOURS, datetime(2025, 7, 1, 9, 30))


def test_next_opening_skips_the_weekend() -> None:
    assert next_opening(OFFICE_HOURS, london(2025, 6, 6, 17, 0), ENGLAND_AND_WALES) == london(
        2025, 6, 9, 9, 0
    )


def test_next_opening_skips_a_bank_holiday_monday() -> None:
    friday_evening = london(2025, 5, 23, 18, 0)
    assert next_opening(OFFICE_HOURS, friday_evening, ENGLAND_AND_WALES) == london(2025, 5, 27, 9, 0)


def test_next_opening_skips_christmas_and_the_councils_own_closure() -> None:
    closures = parse_closures(["2024-12-27"])  # the council shuts between Christmas and New Year
    christmas_eve = london(2024, 12, 24, 17, 30)
    assert next_opening(OFFICE_HOURS, christmas_eve, ENGLAND_AND_WALES) == london(2024, 12, 27, 9, 0)
    assert next_opening(OFFICE_HOURS, christmas_eve, ENGLAND_AND_WALES, closures) == london(
        2024, 12, 30, 9, 0
    )


def test_next_opening_after_lunch_is_the_afternoon_session() -> None:
    assert next_opening(OFFICE_HOURS, london(2025, 6, 4, 12, 45)) == london(2025, 6, 4, 13, 30)


def test_a_place_with_no_hours_never_opens() -> None:
    assert next_opening({}, london(2025, 6, 4, 12, 0)) is None
    assert describe(opening_status({}, london(2025, 6, 4, 12, 0)), "en").startswith("Closed")


def test_sessions_that_touch_are_one_opening() -> None:
    hours = {"monday": ["09:00-12:00", "12:00-17:00"]}
    assert opening_status(hours, london(2025, 6, 2, 11, 0)).closes_at == london(2025, 6, 2, 17, 0)


def test_open_until_midnight_and_round_the_clock() -> None:
    status = opening_status({"friday": "18:00-24:00"}, london(2025, 6, 6, 20, 0))
    assert describe(status, "en") == "Open now until midnight"
    assert describe(status, "cy") == "Ar agor nawr tan hanner nos"
    late = opening_status({"friday": "18:00-24:00", "saturday": "00:00-02:00"}, london(2025, 6, 6, 23, 0))
    assert late.closes_at == london(2025, 6, 7, 2, 0)


# ---------------------------------------------------------------------------------------------------
# Seasons


SEASONAL = parse_opening_hours(
    [
        {"name": "Summer", "from": "04-01", "to": "09-30", "hours": {"sunday": "08:00-18:00"}},
        {"name": "Winter", "from": "10-01", "to": "03-31", "hours": {"sunday": "10:00-14:00"}},
    ]
)


@pytest.mark.parametrize(
    ("moment", "closes"),
    [
        (london(2025, 7, 6, 15, 0), london(2025, 7, 6, 18, 0)),  # summer Sunday
        (london(2025, 3, 30, 11, 0), london(2025, 3, 30, 14, 0)),  # winter Sunday (the clocks just changed)
        (london(2026, 1, 4, 11, 0), london(2026, 1, 4, 14, 0)),  # winter runs across the new year
    ],
)
def test_seasonal_hours(moment: datetime, closes: datetime) -> None:
    assert opening_status(SEASONAL, moment).closes_at == closes


def test_winter_hours_close_earlier() -> None:
    assert not is_open(SEASONAL, london(2025, 11, 2, 15, 0))
    assert next_opening(SEASONAL, london(2025, 9, 28, 19, 0)) == london(2025, 10, 5, 10, 0)


# ---------------------------------------------------------------------------------------------------
# Words


@pytest.mark.parametrize(
    ("language", "moment", "expected"),
    [
        ("en", london(2025, 6, 2, 10, 0), "Open now until 5pm"),
        ("cy", london(2025, 6, 2, 10, 0), "Ar agor nawr tan 5pm"),
        ("en", london(2025, 6, 6, 10, 0), "Open now until 4:30pm"),
        ("en", london(2025, 6, 4, 10, 0), "Open now until 12:30pm"),
        ("en", london(2025, 6, 4, 12, 45), "Closed now. Opens today at 1:30pm"),
        ("cy", london(2025, 6, 4, 12, 45), "Ar gau nawr. Yn agor heddiw am 1:30pm"),
        ("en", london(2025, 6, 4, 18, 0), "Closed now. Opens tomorrow at 9am"),
        ("cy", london(2025, 6, 4, 18, 0), "Ar gau nawr. Yn agor yfory am 9am"),
        # Friday 29 December 2023, with New Year's Day on the Monday.
        ("en", london(2023, 12, 29, 17, 0), "Closed now. Opens Tuesday 2 January at 9am"),
        ("cy", london(2023, 12, 29, 17, 0), "Ar gau nawr. Yn agor ddydd Mawrth 2 Ionawr am 9am"),
        ("en", london(2024, 1, 1, 10, 0), "Closed today (New Year\u2019s Day). Opens tomorrow at 9am"),
        ("cy", london(2024, 1, 1, 10, 0), "Ar gau heddiw (Dydd Calan). Yn agor yfory am 9am"),
        ("en", london(2025, 12, 25, 12, 0), "Closed today (Christmas Day). Opens Monday 29 December at 9am"),
        (
            "cy",
            london(2025, 12, 25, 12, 0),
            "Ar gau heddiw (Dydd Nadolig). Yn agor ddydd Llun 29 Rhagfyr am 9am",
        ),
    ],
)
def test_describe_opening(language: str, moment: datetime, expected: str) -> None:
    status = opening_status(OFFICE_HOURS, moment, ENGLAND_AND_WALES)
    assert describe(status, language) == expected


def test_describe_a_closure_with_its_reason_in_each_language() -> None:
    closures = parse_closures(
        [{"from": "2025-06-09", "to": "2025-06-13", "reason": {"en": "Refurbishment", "cy": "Adnewyddu"}}]
    )
    status = opening_status(OFFICE_HOURS, london(2025, 6, 10, 10, 0), ENGLAND_AND_WALES, closures)
    assert describe(status, "en") == "Closed today (Refurbishment). Opens Monday 16 June at 9am"
    assert describe(status, "cy") == "Ar gau heddiw (Adnewyddu). Yn agor ddydd Llun 16 Mehefin am 9am"


def test_describe_a_closure_without_a_reason() -> None:
    status = opening_status(OFFICE_HOURS, london(2025, 6, 10, 10, 0), (), parse_closures(["2025-06-10"]))
    assert describe(status, "en") == "Closed today. Opens tomorrow at 9am"
    assert describe(status, "cy") == "Ar gau heddiw. Yn agor yfory am 9am"


@pytest.mark.parametrize(
    ("clock", "english", "welsh"),
    [
        (time(9, 0), "9am", "9am"),
        (time(17, 30), "5:30pm", "5:30pm"),
        (time(12, 0), "midday", "hanner dydd"),
        (time(0, 0), "midnight", "hanner nos"),
        (time(12, 15), "12:15pm", "12:15pm"),
    ],
)
def test_format_time(clock: time, english: str, welsh: str) -> None:
    assert (format_time(clock, "en"), format_time(clock, "cy")) == (english, welsh)


@pytest.mark.parametrize(
    ("day", "english", "welsh"),
    [
        (date(2025, 1, 6), "Monday 6 January", "dydd Llun 6 Ionawr"),
        (date(2025, 2, 12), "Wednesday 12 February", "dydd Mercher 12 Chwefror"),
        (date(2025, 5, 1), "Thursday 1 May", "dydd Iau 1 Mai"),
        (date(2025, 7, 4), "Friday 4 July", "dydd Gwener 4 Gorffennaf"),
        (date(2025, 8, 30), "Saturday 30 August", "dydd Sadwrn 30 Awst"),
        (date(2025, 11, 30), "Sunday 30 November", "dydd Sul 30 Tachwedd"),
    ],
)
def test_format_date(day: date, english: str, welsh: str) -> None:
    assert (format_date(day, "en"), format_date(day, "cy")) == (english, welsh)


def test_the_library_words_every_opening_sentence_with_the_placeholders_it_needs() -> None:
    from tests.backends.opening import sentences
    from webhook.fulfilment.handlers.places import OPENING_MESSAGES
    from webhook.library.messages import message_placeholders

    assert {key: f"places.opening_{key}" for key in OPENING_SENTENCES} == OPENING_MESSAGES
    for language in ("en", "cy"):
        worded = sentences(language)
        assert {key: message_placeholders(worded[key]) for key in OPENING_SENTENCES} == {
            key: frozenset(names) for key, names in OPENING_SENTENCES.items()
        }
