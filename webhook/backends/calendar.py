"""Bank holidays per nation, opening hours, and "open now?" answers in English and Welsh.

Bank holidays come from the `govuk-bank-holidays` package's cached copy of the GOV.UK feed, never from
the internet: `BankHolidays(use_cached_holidays=True)`. The copy ends with the last year the package
knows (see `Holidays.last_known`); upgrading the package extends it.

Opening hours use the overlay's shape (councils/council.schema.json `openingHours`)::

    monday: "09:00-17:00"                       # one session
    tuesday: ["09:00-12:30", "13:30-17:00"]     # closed for lunch
    saturday: closed                            # a day left out is closed too

Everything works in Europe/London time. Functions take a `Timetable` (what `parse_opening_hours`
returns, or a raw mapping), the bank holidays and the council's own closure dates, each anything that
answers `day in holidays` (a `Holidays`, a `Closures`, a set of dates, or `()` for none).
"""

from __future__ import annotations

import functools
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names
from babel.numbers import format_decimal
from govuk_bank_holidays.bank_holidays import BankHolidays

from webhook.library.messages import fill_message
from webhook.library.model import LocalisedText, localise

LONDON = ZoneInfo("Europe/London")

#: The overlay's `nation` to the GOV.UK feed's division.
DIVISIONS = {
    "england": BankHolidays.ENGLAND_AND_WALES,
    "wales": BankHolidays.ENGLAND_AND_WALES,
    "england-and-wales": BankHolidays.ENGLAND_AND_WALES,
    "scotland": BankHolidays.SCOTLAND,
    "northern-ireland": BankHolidays.NORTHERN_IRELAND,
}

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: The locales whose Unicode CLDR data (through Babel) names days and months, per language.
LOCALES = {"en": "en_GB", "cy": "cy"}


def format_number(value: float, language: str = "en", *, decimals: int = 1) -> str:
    """A number as the language writes it (Unicode CLDR through Babel): 1.5, 1,250.5."""
    pattern = "#,##0." + "0" * decimals if decimals else "#,##0"
    return format_decimal(value, format=pattern, locale=LOCALES.get(language, LOCALES["en"]))


def _mid_sentence(name: str, language: str) -> str:
    # CLDR writes Welsh day names for a heading ("Dydd Llun"); in a sentence "dydd" is lower case.
    return name[:1].lower() + name[1:] if language == "cy" else name


DAY_NAMES = {
    language: tuple(_mid_sentence(get_day_names("wide", locale=locale)[day], language) for day in range(7))
    for language, locale in LOCALES.items()
}
MONTH_NAMES = {
    language: tuple(get_month_names("wide", locale=locale)[month] for month in range(1, 13))
    for language, locale in LOCALES.items()
}

# The package's Welsh names for these three are word-for-word renderings; these are the names GOV.UK's
# Welsh bank holidays page uses.
_WELSH_HOLIDAY_NAMES = {
    "Early May bank holiday": "Gŵyl banc Calan Mai",
    "Spring bank holiday": "Gŵyl banc y gwanwyn",
    "Summer bank holiday": "Gŵyl banc yr haf",
}

# Looking further ahead than this for an opening means the place never opens.
_SEARCH_DAYS = 400


# ---------------------------------------------------------------------------------------------------
# Bank holidays


@dataclass(frozen=True)
class Holiday:
    """One bank holiday: its date and its name in English and Welsh."""

    day: date
    title: Mapping[str, str]

    def name(self, language: str) -> str:
        """The holiday's name in `language` (English where there is no translation)."""
        return self.title.get(language) or self.title["en"]


@dataclass(frozen=True)
class Holidays:
    """The bank holidays of one GOV.UK division; `day in holidays` tests a date."""

    division: str
    by_day: Mapping[date, Holiday] = field(repr=False)

    def __contains__(self, day: object) -> bool:
        return day in self.by_day

    def get(self, day: date) -> Holiday | None:
        """The holiday on `day`, if it is one."""
        return self.by_day.get(day)

    @property
    def last_known(self) -> date:
        """The last holiday in the cached feed: after it, no bank holidays are known at all."""
        return max(self.by_day)

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and not a bank holiday."""
        return day.weekday() < 5 and day not in self.by_day


@functools.lru_cache(maxsize=4)
def bank_holidays(nation: str) -> Holidays:
    """The bank holidays for an overlay's nation (england, wales, scotland, northern-ireland) or a
    GOV.UK division name, from the package's cached copy. Raises ValueError for anything else."""
    try:
        division = DIVISIONS[nation]
    except KeyError:
        raise ValueError(f"unknown nation {nation!r}; expected one of {', '.join(DIVISIONS)}") from None
    english, welsh = _cached_feed("en").data[division], _cached_feed("cy").data[division]
    by_day = {}
    for holiday_en, holiday_cy in zip(english, welsh, strict=True):
        title_cy = _WELSH_HOLIDAY_NAMES.get(holiday_en["title"], holiday_cy["title"])
        by_day[holiday_en["date"]] = Holiday(holiday_en["date"], {"en": holiday_en["title"], "cy": title_cy})
    return Holidays(division=division, by_day=by_day)


@functools.lru_cache(maxsize=2)
def _cached_feed(locale: str) -> BankHolidays:
    return BankHolidays(locale=locale, use_cached_holidays=True)


def working_days_after(day: date, holidays: Container[date]) -> Iterator[date]:
    """The working days (Monday to Friday, not bank holidays) after `day`, in order, without end."""
    while True:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            yield day


# ---------------------------------------------------------------------------------------------------
# The council's own closures


@dataclass(frozen=True)
class Closure:
    """Closed from `start` to `end` inclusive, with the reason the council gives, if any."""

    start: date
    end: date
    reason: LocalisedText | None = None


@dataclass(frozen=True)
class Closures:
    """A place's closure dates; `day in closures` tests a date."""

    periods: tuple[Closure, ...] = ()

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.on(day) is not None

    def on(self, day: date) -> Closure | None:
        """The closure covering `day`, if any."""
        return next((period for period in self.periods if period.start <= day <= period.end), None)


def parse_closures(items: Sequence[Any] | None) -> Closures:
    """Closures from a data file: each a date (`2025-12-24`) or `{from, to, reason}` (`to` optional)."""
    periods = []
    for item in items or ():
        if isinstance(item, Mapping):
            start = _as_date(item["from"])
            end = _as_date(item.get("to", item["from"]))
            periods.append(Closure(start, end, item.get("reason")))
        else:
            day = _as_date(item)
            periods.append(Closure(day, day))
    return Closures(tuple(periods))


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


# ---------------------------------------------------------------------------------------------------
# Opening hours


@dataclass(frozen=True, order=True)
class Session:
    """One opening on one day, in minutes after midnight; `closes` may be 1440 (24:00)."""

    opens: int
    closes: int


class Timetable(Protocol):
    """Anything that knows a place's sessions on a given date (weekly or seasonal hours)."""

    def sessions_on(self, day: date) -> tuple[Session, ...]: ...


@dataclass(frozen=True)
class WeeklyHours:
    """The same sessions every week: seven tuples, Monday first."""

    days: tuple[tuple[Session, ...], ...]

    def sessions_on(self, day: date) -> tuple[Session, ...]:
        """The sessions on that date's day of the week."""
        return self.days[day.weekday()]


@dataclass(frozen=True)
class Season:
    """Hours that apply every year from one month-day to another (inclusive; may wrap the new year)."""

    name: LocalisedText | None
    start: tuple[int, int]
    end: tuple[int, int]
    hours: WeeklyHours

    def covers(self, day: date) -> bool:
        """Whether `day` falls in this season."""
        month_day = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= month_day <= self.end
        return month_day >= self.start or month_day <= self.end


@dataclass(frozen=True)
class SeasonalHours:
    """Different weekly hours by season (summer and winter hours); closed on a date no season covers."""

    seasons: tuple[Season, ...]

    def season_on(self, day: date) -> Season | None:
        """The first season covering `day`."""
        return next((season for season in self.seasons if season.covers(day)), None)

    def sessions_on(self, day: date) -> tuple[Session, ...]:
        """That day's sessions under its season's hours."""
        season = self.season_on(day)
        return season.hours.sessions_on(day) if season else ()


def parse_weekly_hours(hours: Mapping[str, Any]) -> WeeklyHours:
    """Weekly hours from the overlay's `opening_hours` mapping (already schema-checked)."""
    days = []
    for weekday in WEEKDAYS:
        value = hours.get(weekday, "closed")
        ranges = [] if value == "closed" else [value] if isinstance(value, str) else list(value)
        days.append(tuple(sorted(_parse_range(text) for text in ranges)))
    return WeeklyHours(tuple(days))


def parse_opening_hours(value: Mapping[str, Any] | Sequence[Mapping[str, Any]]) -> Timetable:
    """A timetable from a weekly mapping, or from a list of seasons
    (`{name, from: "MM-DD", to: "MM-DD", hours: {...weekly...}}`)."""
    if isinstance(value, Mapping):
        return parse_weekly_hours(value)
    seasons = tuple(
        Season(
            name=item.get("name"),
            start=_month_day(item["from"]),
            end=_month_day(item["to"]),
            hours=parse_weekly_hours(item["hours"]),
        )
        for item in value
    )
    return SeasonalHours(seasons)


def _parse_range(text: str) -> Session:
    opens, closes = text.split("-")
    return Session(_minutes(opens), _minutes(closes))


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _month_day(text: str) -> tuple[int, int]:
    month, day = text.split("-")
    return int(month), int(day)


def _timetable(hours: Timetable | Mapping[str, Any]) -> Timetable:
    return parse_weekly_hours(hours) if isinstance(hours, Mapping) else hours


def _local(moment: datetime) -> datetime:
    """`moment` in London time; a naive datetime is taken to be London time already."""
    return moment.replace(tzinfo=LONDON) if moment.tzinfo is None else moment.astimezone(LONDON)


def _at(day: date, minutes: int) -> datetime:
    # Wall-clock arithmetic: 24:00 is the next day's midnight, whatever the clocks do overnight.
    return datetime.combine(day, time(0), LONDON) + timedelta(minutes=minutes)


def _sessions(
    timetable: Timetable, day: date, holidays: Container[date], closures: Container[date]
) -> tuple[Session, ...]:
    if day in holidays or day in closures:
        return ()
    return timetable.sessions_on(day)


def is_open(
    hours: Timetable | Mapping[str, Any],
    at: datetime,
    holidays: Container[date] = (),
    closures: Container[date] = (),
) -> bool:
    """Whether the place is open at `at`: inside a session, and not a bank holiday or closure day."""
    return _current_session_end(_timetable(hours), _local(at), holidays, closures) is not None


def next_opening(
    hours: Timetable | Mapping[str, Any],
    after: datetime,
    holidays: Container[date] = (),
    closures: Container[date] = (),
) -> datetime | None:
    """The first moment after `after` at which a session starts, skipping bank holidays and closures;
    None when the place does not open within a year (closed for good, or no hours given)."""
    timetable = _timetable(hours)
    local = _local(after)
    for offset in range(_SEARCH_DAYS):
        day = local.date() + timedelta(days=offset)
        for session in _sessions(timetable, day, holidays, closures):
            starts = _at(day, session.opens)
            if starts > local:
                return starts
    return None


def _current_session_end(
    timetable: Timetable, local: datetime, holidays: Container[date], closures: Container[date]
) -> datetime | None:
    """When the session under way at `local` ends (sessions that touch count as one), or None."""
    ends = None
    probe = local
    for _ in range(_SEARCH_DAYS):
        day = probe.date()
        minute = probe.hour * 60 + probe.minute
        session = next(
            (s for s in _sessions(timetable, day, holidays, closures) if s.opens <= minute < s.closes), None
        )
        if session is None:
            return ends
        ends = _at(day, session.closes)
        probe = ends
    return ends


@dataclass(frozen=True)
class OpeningStatus:
    """Whether a place is open at `at`, until when, or when it next opens, and why it is shut today."""

    at: datetime
    open_now: bool
    closes_at: datetime | None = None
    opens_at: datetime | None = None
    holiday: Holiday | None = None
    closure: Closure | None = None


def opening_status(
    hours: Timetable | Mapping[str, Any],
    at: datetime,
    holidays: Container[date] = (),
    closures: Container[date] = (),
) -> OpeningStatus:
    """Open now and until when; otherwise when it next opens and any bank holiday or closure today."""
    timetable = _timetable(hours)
    local = _local(at)
    closes_at = _current_session_end(timetable, local, holidays, closures)
    if closes_at is not None:
        return OpeningStatus(at=local, open_now=True, closes_at=closes_at)
    today = local.date()
    holiday = holidays.get(today) if isinstance(holidays, Holidays) else None
    closure = closures.on(today) if isinstance(closures, Closures) else None
    return OpeningStatus(
        at=local,
        open_now=False,
        opens_at=next_opening(timetable, local, holidays, closures),
        holiday=holiday,
        closure=closure,
    )


# ---------------------------------------------------------------------------------------------------
# Words

#: Words of dates and times, like the day and month names above: data, not sentences (the sentences
#: built from them live in the library's messages catalogue). Welsh here needs a Welsh speaker's review.
_PHRASES = {
    "en": {
        "today": "today",
        "tomorrow": "tomorrow",
        "midday": "midday",
        "midnight": "midnight",
    },
    "cy": {
        "today": "heddiw",
        "tomorrow": "yfory",
        "midday": "hanner dydd",
        "midnight": "hanner nos",
    },
}


def _phrases(language: str) -> Mapping[str, str]:
    return _PHRASES.get(language, _PHRASES["en"])


def format_time(moment: time | datetime, language: str = "en") -> str:
    """A clock time as GOV.UK writes it: 9am, 5:30pm, midday, midnight."""
    hour, minute = moment.hour, moment.minute
    if minute == 0 and hour in (0, 12):
        return _phrases(language)["midnight" if hour == 0 else "midday"]
    suffix = "am" if hour < 12 else "pm"
    hour12 = hour % 12 or 12
    return f"{hour12}{suffix}" if minute == 0 else f"{hour12}:{minute:02d}{suffix}"


def format_date(day: date, language: str = "en", *, year: bool = False) -> str:
    """`Tuesday 2 January` or `dydd Mawrth 2 Ionawr` (with the year when asked)."""
    names = DAY_NAMES.get(language, DAY_NAMES["en"])
    months = MONTH_NAMES.get(language, MONTH_NAMES["en"])
    text = f"{names[day.weekday()]} {day.day} {months[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def format_relative_date(day: date, today: date, language: str = "en") -> str:
    """`today`, `tomorrow`, or the date in full."""
    if day == today:
        return _phrases(language)["today"]
    if day == today + timedelta(days=1):
        return _phrases(language)["tomorrow"]
    return format_date(day, language)


#: The sentences `describe_opening` puts together, with their placeholders. They are the library's
#: (intents/messages/places.yaml, `places.opening_<key>`), given by the caller in one language.
OPENING_SENTENCES = {
    "open_until": ("time",),
    "closed": (),
    "closed_today": (),
    "closed_today_for": ("reason",),
    "closed_for_good": (),
    "opens": ("day", "time"),
}


def describe_opening(status: OpeningStatus, language: str, sentences: Mapping[str, str]) -> str:
    """One sentence for a resident: "Open now until 5pm" or "Closed now. Opens Tuesday 2 January at
    9am", in English or Welsh, naming today's bank holiday or closure when that is why it is shut.
    `sentences` are the OPENING_SENTENCES in `language`, as the council words them."""
    if status.open_now and status.closes_at is not None:
        return fill_message(sentences["open_until"], {"time": format_time(status.closes_at, language)})
    if status.holiday is not None:
        first = fill_message(sentences["closed_today_for"], {"reason": status.holiday.name(language)})
    elif status.closure is not None and status.closure.reason is not None:
        reason = localise(status.closure.reason, language)
        first = fill_message(sentences["closed_today_for"], {"reason": reason})
    elif status.closure is not None:
        first = sentences["closed_today"]
    else:
        first = sentences["closed"]
    if status.opens_at is None:
        return sentences["closed_for_good"]
    day = format_relative_date(status.opens_at.date(), status.at.date(), language)
    opens = fill_message(sentences["opens"], {"day": day, "time": format_time(status.opens_at, language)})
    return f"{first} {opens}"
