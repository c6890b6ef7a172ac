"""Dialogflow's system entities the library uses, besides dates and times (see dates.py).

sys.number gives an int (or a float with a decimal point); sys.email and sys.phone-number give the text
as typed; sys.given-name a capitalised first name after "my name is" and the like.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from webhook.agent.dates import NUMBER_WORDS_EN, find_dates, find_times
from webhook.agent.matches import Match

_NUMBER_WORDS = {
    "en": {
        "zero": 0,
        # one to twelve as dates.py reads them ("a"/"an" count only in dates: "in a week").
        **{word: number for word, number in NUMBER_WORDS_EN.items() if word not in ("a", "an")},
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    },
    "cy": {
        "un": 1,
        "dau": 2,
        "dwy": 2,
        "tri": 3,
        "tair": 3,
        "pedwar": 4,
        "pedair": 4,
        "pump": 5,
        "pum": 5,
        "chwech": 6,
        "chwe": 6,
        "saith": 7,
        "wyth": 8,
        "naw": 9,
        "deg": 10,
        "deng": 10,
        "un ar ddeg": 11,
        "deuddeg": 12,
        "pymtheg": 15,
        "ugain": 20,
        "cant": 100,
    },
}
_DIGITS = re.compile(r"(?<![\w/.,-])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?![\w/]|[.,]\d)")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# UK numbers: 0 and 9 or 10 more digits, or +44 and 9 or 10; spaces, dashes and brackets allowed.
_PHONE = re.compile(r"(?<![\w+])(?:\+44[\s-]?(?:\(0\)[\s-]?)?|\(?0)\d(?:[\s-]?\)?[\s-]?\d){8,9}(?!\w)")
_GIVEN_NAME = {
    "en": re.compile(
        r"\b(?:my name is|my name's|my names|name's|call me|i am called|i'm called|im called|this is)"
        r"\s+([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]+)",
        re.IGNORECASE,
    ),
    "cy": re.compile(
        r"\b(?:fy enw i yw|fy enw yw|fy enw i ydy|fy enw ydy|enw fi yw|enw fi ydy)"
        r"\s+([A-Za-z\u00c0-\u024f][A-Za-z\u00c0-\u024f'-]+)",
        re.IGNORECASE,
    ),
}


def find_numbers(text: str, language: str) -> list[Match]:
    """Numbers written in digits ("3", "1,200", "2.5") or as a word ("three", "twenty one", "tri")."""
    found = [Match(m.start(), m.end(), _as_number(m.group())) for m in _DIGITS.finditer(text)]
    words = _NUMBER_WORDS.get(language, _NUMBER_WORDS["en"])
    names = "|".join(sorted(words, key=len, reverse=True))
    for m in re.finditer(rf"\b({names})(?:[\s-]+({names}))?\b", text, re.IGNORECASE):
        first, second = words[m[1].lower()], words[m[2].lower()] if m[2] else None
        if second is not None and first % 10 == 0 and first >= 20 and second < 10:
            found.append(Match(m.start(), m.end(), first + second))  # "twenty one"
        else:
            found.append(Match(m.start(), m.start() + len(m[1]), first))
    return sorted(found, key=lambda match: match.start)


def _as_number(digits: str) -> int | float:
    plain = digits.replace(",", "")
    return float(plain) if "." in plain else int(plain)


def find_emails(text: str, language: str) -> list[Match]:
    """E-mail addresses, as typed."""
    return [Match(m.start(), m.end(), m.group()) for m in _EMAIL.finditer(text)]


def find_phone_numbers(text: str, language: str) -> list[Match]:
    """UK phone numbers (landline or mobile, national or +44), as typed."""
    return [Match(m.start(), m.end(), m.group()) for m in _PHONE.finditer(text)]


def find_given_names(text: str, language: str) -> list[Match]:
    """A first name the resident gives ("my name is sam" -> "Sam")."""
    pattern = _GIVEN_NAME.get(language, _GIVEN_NAME["en"])
    return [Match(m.start(1), m.end(1), m[1][:1].upper() + m[1][1:]) for m in pattern.finditer(text)]


SystemFinder = Callable[[str, str, date], list[Match]]

#: The system entities understood, by Dialogflow name. sys.any is handled by the caller (it takes
#: whatever no other parameter took).
SYSTEM_FINDERS: dict[str, SystemFinder] = {
    "sys.date": find_dates,
    "sys.time": find_times,
    "sys.number": lambda text, language, today: find_numbers(text, language),
    "sys.email": lambda text, language, today: find_emails(text, language),
    "sys.phone-number": lambda text, language, today: find_phone_numbers(text, language),
    "sys.given-name": lambda text, language, today: find_given_names(text, language),
}
