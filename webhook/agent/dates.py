"""sys.date and sys.time: dates and times as residents type them, in English and Welsh.

Values take Dialogflow ES's shape: an ISO 8601 date-time in the agent's time zone (Europe/London),
a date at noon ("2026-11-24T12:00:00+00:00") and a time on today's date ("2026-11-24T15:30:00+00:00").
Everything is relative to a `today` argument, so results are deterministic.

A date that could fall either way (a bare "monday", "3rd of March", "the 30th") is read as the next one,
unless the message speaks of the past ("wasn't collected on monday", "heb ei gasglu ddydd Llun"): then
it is the last one. "next tuesday" is the first Tuesday after today; "last friday" the last before it.
Hours without am or pm from 1 to 6 are taken as afternoon ("half past 3" is 15:30).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from webhook.agent.matches import Match

LONDON = ZoneInfo("Europe/London")

WEEKDAYS_EN = {
    "monday": 0,
    "tuesday": 1,
    "tues": 1,
    "wednesday": 2,
    "weds": 2,
    "thursday": 3,
    "thurs": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
# Welsh day names as they follow "dydd" (or its mutated "ddydd"), and softened after "nos".
WEEKDAYS_CY = {
    "llun": 0,
    "lun": 0,
    "mawrth": 1,
    "fawrth": 1,
    "mercher": 2,
    "fercher": 2,
    "iau": 3,
    "gwener": 4,
    "wener": 4,
    "sadwrn": 5,
    "sul": 6,
}
MONTHS_EN = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Welsh months with their soft-mutated forms ("3ydd o Fawrth").
MONTHS_CY = {
    name: number
    for number, names in enumerate(
        [
            ("ionawr",),
            ("chwefror",),
            ("mawrth", "fawrth"),
            ("ebrill",),
            ("mai", "fai"),
            ("mehefin", "fehefin"),
            ("gorffennaf", "orffennaf"),
            ("awst",),
            ("medi", "fedi"),
            ("hydref",),
            ("tachwedd", "dachwedd"),
            ("rhagfyr", "ragfyr"),
        ],
        start=1,
    )
    for name in names
}
NUMBER_WORDS_EN = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
PAST_CUES = {
    "en": re.compile(
        r"\b(was|wasn'?t|were|weren'?t|did|didn'?t|missed|hasn'?t|haven'?t|had|ago|forgot|forgotten|"
        r"skipped|left|never came|not (?:been )?(?:collected|emptied|picked up|taken))\b",
        re.IGNORECASE,
    ),
    "cy": re.compile(
        r"\b(heb|ddim wedi|wnaethon|wnaeth|wnaethoch|methu|methwyd|methon|oedd|roedd|ddoe|diwethaf|dwetha)\b",
        re.IGNORECASE,
    ),
}

Resolver = Callable[[re.Match[str], date, bool], date | None]


def london_today() -> date:
    """Today's date in the UK."""
    return datetime.now(LONDON).date()


def dialogflow_date(day: date) -> str:
    """A date as Dialogflow ES gives sys.date: noon that day, with the UK offset."""
    return datetime.combine(day, time(12), LONDON).isoformat()


def dialogflow_time(day: date, moment: time) -> str:
    """A time as Dialogflow ES gives sys.time: that time on `day`, with the UK offset."""
    return datetime.combine(day, moment, LONDON).isoformat()


def find_dates(text: str, language: str, today: date) -> list[Match]:
    """Every date in `text`, left to right, as Dialogflow-style values; Welsh messages may mix in English."""
    past = bool(PAST_CUES.get(language, PAST_CUES["en"]).search(text))
    rules = [*_CY_DATE_RULES, *_EN_DATE_RULES] if language == "cy" else _EN_DATE_RULES
    found: list[Match] = []
    for pattern, resolve in rules:
        for match in pattern.finditer(text):
            day = resolve(match, today, past)
            candidate = Match(match.start(), match.end(), dialogflow_date(day) if day else None)
            if day is not None and not any(candidate.overlaps(other) for other in found):
                found.append(candidate)
    return sorted(found, key=lambda m: m.start)


def find_times(text: str, language: str, today: date) -> list[Match]:
    """Every time of day in `text`, left to right, as Dialogflow-style values on `today`."""
    found: list[Match] = []
    for pattern, resolve in _TIME_RULES:
        for match in pattern.finditer(text):
            moment = resolve(match)
            if moment is None:
                continue
            candidate = Match(match.start(), match.end(), dialogflow_time(today, moment))
            if not any(candidate.overlaps(other) for other in found):
                found.append(candidate)
    return sorted(found, key=lambda m: m.start)


# Resolving dates ---------------------------------------------------------------------------------


def _weekday(target: int, today: date, modifier: str, past: bool) -> date:
    ahead = (target - today.weekday()) % 7
    behind = (today.weekday() - target) % 7
    if modifier in ("next", "nesaf", "nesa"):
        return today + timedelta(days=ahead or 7)
    if modifier in ("last", "diwethaf", "diwetha", "dwetha", "dwethaf"):
        return today - timedelta(days=behind or 7)
    if modifier in ("this", "coming", "yma", "hwn"):
        return today + timedelta(days=ahead)
    return today - timedelta(days=behind) if past else today + timedelta(days=ahead)


def _day_month(day: int, month: int, year: int | None, today: date, past: bool) -> date | None:
    if year is not None:
        return _safe_date(year + 2000 if year < 100 else year, month, day)
    candidate = _safe_date(today.year, month, day)
    if candidate is None:  # 29 February outside a leap year: try the neighbouring year
        candidate = _safe_date(today.year + (-1 if past else 1), month, day)
        return candidate
    if past and candidate > today:
        return _safe_date(today.year - 1, month, day)
    if not past and candidate < today:
        return _safe_date(today.year + 1, month, day)
    return candidate


def _day_of_month(day: int, today: date, past: bool) -> date | None:
    candidate = _safe_date(today.year, today.month, day)
    if candidate is not None and (candidate <= today if past else candidate >= today):
        return candidate
    year, month = divmod(today.year * 12 + today.month - 1 + (-1 if past else 1), 12)
    return _safe_date(year, month + 1, day)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS_EN[word.lower()]


def _words(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


def _rule(pattern: str, resolve: Resolver) -> tuple[re.Pattern[str], Resolver]:
    return re.compile(pattern, re.IGNORECASE), resolve


_ORDINAL_EN = r"(?:st|nd|rd|th)?"
_ORDINAL_CY = r"(?:af|il|ydd|edd|ed|fed|eg|ain)?"
_YEAR = r"(?:,?\s+(\d{4}))?"
_NUMBER_EN = r"(\d+|" + _words(NUMBER_WORDS_EN) + r")"

_NUMERIC_DATE_RULES = [
    _rule(
        r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b",
        lambda m, today, past: _safe_date(int(m[1]), int(m[2]), int(m[3])),
    ),
    _rule(
        r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b",
        lambda m, today, past: _day_month(int(m[1]), int(m[3]), int(m[4]), today, past),
    ),
    _rule(
        r"(?<![\w/])(\d{1,2})/(\d{1,2})(?![\w/])",
        lambda m, today, past: _day_month(int(m[1]), int(m[2]), None, today, past),
    ),
]

_EN_DATE_RULES = [
    *_NUMERIC_DATE_RULES,
    _rule(
        rf"\b(?:the\s+)?(\d{{1,2}}){_ORDINAL_EN}(?:\s+of)?\s+({_words(MONTHS_EN)})\b{_YEAR}",
        lambda m, today, past: _day_month(
            int(m[1]), MONTHS_EN[m[2].lower()], int(m[3]) if m[3] else None, today, past
        ),
    ),
    _rule(
        rf"\b({_words(MONTHS_EN)})\s+(?:the\s+)?(\d{{1,2}}){_ORDINAL_EN}\b{_YEAR}",
        lambda m, today, past: _day_month(
            int(m[2]), MONTHS_EN[m[1].lower()], int(m[3]) if m[3] else None, today, past
        ),
    ),
    _rule(
        r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b", lambda m, today, past: _day_of_month(int(m[1]), today, past)
    ),
    _rule(r"\b(?:the\s+)?day\s+after\s+tomorrow\b", lambda m, today, past: today + timedelta(days=2)),
    _rule(r"\b(?:the\s+)?day\s+before\s+yesterday\b", lambda m, today, past: today - timedelta(days=2)),
    _rule(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", lambda m, today, past: today),
    _rule(
        r"\b(?:tomorrow|tomorow|tommorow|tmrw|tmw|tomoz|2moro)\b", lambda m, today, past: today + timedelta(1)
    ),
    _rule(r"\b(?:yesterday|yesterdy|yday)\b", lambda m, today, past: today - timedelta(days=1)),
    _rule(
        rf"\bin\s+{_NUMBER_EN}\s+(days?|weeks?)\b",
        lambda m, today, past: today + timedelta(days=_number(m[1]) * (7 if m[2].startswith("w") else 1)),
    ),
    _rule(
        rf"\b{_NUMBER_EN}\s+(days?|weeks?)\s+ago\b",
        lambda m, today, past: today - timedelta(days=_number(m[1]) * (7 if m[2].startswith("w") else 1)),
    ),
    _rule(
        # "on wednesdays": the plural names the weekday too
        rf"\b(?:(next|this|last|coming)\s+)?({_words(WEEKDAYS_EN)})s?\b",
        lambda m, today, past: _weekday(WEEKDAYS_EN[m[2].lower()], today, (m[1] or "").lower(), past),
    ),
]

_CY_DATE_RULES = [
    *_NUMERIC_DATE_RULES,
    _rule(
        rf"\b(\d{{1,2}}){_ORDINAL_CY}\s+(?:o\s+)?({_words(MONTHS_CY)})\b{_YEAR}",
        lambda m, today, past: _day_month(
            int(m[1]), MONTHS_CY[m[2].lower()], int(m[3]) if m[3] else None, today, past
        ),
    ),
    _rule(r"\b(?:drennydd|drenydd)\b", lambda m, today, past: today + timedelta(days=2)),
    _rule(r"\bechdoe\b", lambda m, today, past: today - timedelta(days=2)),
    _rule(r"\b(?:heddiw|heno|bore\s+(?:'?ma|heddiw))\b", lambda m, today, past: today),
    _rule(r"\b(?:yfory|fory|'fory)\b", lambda m, today, past: today + timedelta(days=1)),
    _rule(r"\bddoe\b", lambda m, today, past: today - timedelta(days=1)),
    _rule(
        rf"\b(?:dydd|ddydd|nos)\s+({_words(WEEKDAYS_CY)})\b(?:\s+(nesaf|nesa|yma|hwn|diwethaf|diwetha|dwethaf|dwetha)\b)?",
        lambda m, today, past: _weekday(WEEKDAYS_CY[m[1].lower()], today, (m[2] or "").lower(), past),
    ),
]


# Resolving times ---------------------------------------------------------------------------------


def _clock(hour: int, minute: int = 0, meridiem: str = "") -> time | None:
    meridiem = meridiem.lower().replace(".", "")
    if meridiem in ("pm", "yh") and hour < 12:
        hour += 12
    elif meridiem in ("am", "yb") and hour == 12:
        hour = 0
    elif not meridiem and 1 <= hour <= 6:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return time(hour, minute)


def _hour(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS_EN.get(word.lower(), -1)


_HOUR = r"(\d{1,2}|" + _words({k: v for k, v in NUMBER_WORDS_EN.items() if k not in ("a", "an")}) + r")"

_TIME_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], time | None]]] = [
    (
        re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|yb|yh)(?!\w)", re.IGNORECASE),
        lambda m: _clock(int(m[1]), int(m[2] or 0), m[3]),
    ),
    (
        re.compile(r"(?<![\w:/.])([01]?\d|2[0-3]):([0-5]\d)(?![\w:/])"),
        lambda m: time(int(m[1]), int(m[2])),
    ),
    (
        re.compile(r"\b(noon|midday|mid-day|hanner\s+dydd|canol\s+dydd)\b", re.IGNORECASE),
        lambda m: time(12),
    ),
    (re.compile(r"\b(midnight|canol\s+nos|hanner\s+nos)\b", re.IGNORECASE), lambda m: time(0)),
    (
        re.compile(rf"\b(half|quarter)\s+(past|to)\s+{_HOUR}\b", re.IGNORECASE),
        lambda m: _clock(
            _hour(m[3]) - (1 if m[2].lower() == "to" else 0),
            (30 if m[1].lower() == "half" else 15) if m[2].lower() == "past" else 45,
        ),
    ),
    (
        re.compile(rf"\b{_HOUR}\s+(?:o'?\s?clock|o'r\s+gloch)\b", re.IGNORECASE),
        lambda m: _clock(_hour(m[1])),
    ),
]
