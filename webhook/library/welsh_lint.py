"""The Welsh lint: a word that mutates what follows it, followed by a word or placeholder that has not
mutated ("croeso i Cyngor", "o {day}"), with the form it should take.

Pure: `lint_welsh(text)` returns findings with their character offsets; the library's validation
(welsh_rules.py) turns offsets into FILE:LINE:COL.

Welsh has more exceptions than a lint can know, so it reports only what it can tell from the letters:
after a soft-mutation trigger a word that begins with p, t, c, m, ll or rh (the soft mutation never
produces those; b, d, g may already be mutated forms of p, t, c), after an aspirate trigger one that
begins with p, t or c, after "fy" one that could take the nasal mutation. Words in capitals, numbers
and the listed fixed expressions ("i mewn", "gan mai") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from webhook.library.placeholders import PLACEHOLDER
from webhook.welsh.mutations import ASPIRATE, NASAL, SOFT, mutate_word

#: Words that mutate the next word, by the mutation they cause.
TRIGGERS = {
    **dict.fromkeys(
        "i o gan am ar at dan tan dros tros drwy trwy wrth hyd heb dy".split(),
        SOFT,
    ),
    **dict.fromkeys("â a gyda tua".split(), ASPIRATE),
    "fy": NASAL,
}
#: "a" is "and" (aspirate) but also the relative and question particle (soft): either form is right.
EITHER = {"a": (ASPIRATE, SOFT)}
#: Radical initials a lint can tell apart from a mutated form, per mutation.
UNMUTATED = {
    SOFT: ("ll", "rh", "p", "t", "c", "m"),
    ASPIRATE: ("p", "t", "c"),
    NASAL: ("p", "t", "c", "b", "d", "g"),
}
_NEVER = ("ch", "ph", "th", "ff", "ng", "ts")
#: Fixed expressions in which the second word does not mutate.
FIXED = frozenset({("i", "mewn"), ("gan", "mai"), ("am", "mai"), ("o", "mewn")})
#: Words that never mutate after a trigger: the pronouns "mi" and "ti" ("i mi", "gen ti").
RESISTANT = frozenset({"mi", "ti"})
#: Placeholders whose values are not words (numbers, addresses on the web, postcodes, times): they never
#: mutate, wherever they stand.
NOT_WORDS = re.compile(
    r"(phone|website|url|email|postcode|time|opens|closes|reference|number|count|miles|year|value"
    r"|ballots|placeholders)$"
)
_TOKEN = re.compile(PLACEHOLDER.pattern + r"|[^\W\d_]+(?:['\u2019][^\W\d_]+)?|\d\S*|\S", re.UNICODE)


@dataclass(frozen=True)
class WelshFinding:
    """An unmutated word or placeholder after a trigger: where it starts, as written, and the fix."""

    offset: int
    written: str
    message: str


def lint_welsh(text: str) -> list[WelshFinding]:
    """Every mutation the text leaves out, in reading order."""
    return list(_findings(text))


def _findings(text: str) -> Iterator[WelshFinding]:
    tokens = list(_TOKEN.finditer(text))
    for previous, token in pairwise(tokens):
        if text[previous.end() : token.start()] != " ":
            continue  # punctuation or a line between: no mutation carries over
        trigger = previous.group(0).casefold()
        kind = TRIGGERS.get(trigger)
        if token.group(1):  # a placeholder
            found = _placeholder_finding(trigger, kind, token)
        else:
            found = _word_finding(trigger, kind, token) if kind else None
        if found is not None:
            yield found


def _placeholder_finding(trigger: str, kind: str | None, token: re.Match[str]) -> WelshFinding | None:
    name, mutation = token.group(1), token.group(2)
    if NOT_WORDS.search(name.rpartition(".")[2]):
        return None
    if trigger == "yn":
        # "yn" before a place is "in" (nasal); before a description it is predicative (soft): the author
        # must say which.
        if mutation in (NASAL, SOFT):
            return None
        return WelshFinding(
            token.start(),
            token.group(0),
            f"after 'yn', {{{name}}} mutates: write {{{name}|nasal}} for a place ('yng Nghaerdydd') "
            f"or {{{name}|soft}} for a description",
        )
    if kind is None:
        return None
    allowed = EITHER.get(trigger, (kind,))
    if mutation in allowed:
        return None
    return WelshFinding(
        token.start(),
        token.group(0),
        f"after {trigger!r}, {{{name}}} takes the {kind} mutation: write {{{name}|{kind}}}",
    )


def _word_finding(trigger: str, kind: str, token: re.Match[str]) -> WelshFinding | None:
    word = token.group(0)
    lower = word.casefold()
    if (trigger, lower) in FIXED or lower in RESISTANT or not word[:1].isalpha():
        return None
    if word.isupper() and len(word) > 1:  # an acronym
        return None
    if lower.startswith(_NEVER) or not lower.startswith(UNMUTATED[kind]):
        return None
    suggestion = mutate_word(word, kind)
    if suggestion == word:
        return None
    return WelshFinding(
        token.start(),
        word,
        f"after {trigger!r}, {word!r} takes the {kind} mutation: {trigger} {suggestion}",
    )
