"""The Welsh lint: a word that mutates what follows it, followed by a word or placeholder that has not
mutated ("croeso i Cyngor", "o {day}"), with the form it should take.

Pure: `lint_welsh(text)` returns findings with their character offsets; the library's validation
(welsh_rules.py) turns offsets into FILE:LINE:COL.

Welsh has more exceptions than a lint can know, so it reports only what it can tell from the letters:
after a soft-mutation trigger a word that begins with p, t, c, m, ll or rh (the soft mutation never
produces those; b, d, g may already be mutated forms of p, t, c) or one of the listed words whose b, d
or g is their own ("o dydd Llun", "i gwasanaeth"), after an aspirate trigger one that begins with p, t
or c, after "fy" one that could take the nasal mutation, after "ei" (his: soft; her: aspirate) one that
begins with p, t or c. Words in capitals, numbers and the listed fixed expressions ("i mewn", "gan
mai") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from webhook.library.placeholders import PLACEHOLDER
from webhook.welsh.mutations import ASPIRATE, KINDS, NASAL, SOFT, mutate, mutate_word

if TYPE_CHECKING:
    from webhook.library.model import GlossaryTerm

#: Words that mutate the next word, by the mutation they cause.
TRIGGERS = {
    **dict.fromkeys(
        "i o gan am ar at dan tan dros tros drwy trwy wrth hyd heb dy".split(),
        SOFT,
    ),
    **dict.fromkeys("â a gyda tua".split(), ASPIRATE),
    "fy": NASAL,
    "ei": SOFT,
}
#: "a" is "and" (aspirate) but also the relative and question particle (soft), "ei" is "his" (soft) or
#: "her" (aspirate): either form is right.
EITHER = {"a": (ASPIRATE, SOFT), "ei": (SOFT, ASPIRATE)}
#: Words of council text whose initial b, d or g is their own, not the soft mutation of p, t or c (no
#: "tydd" or "cwasanaeth" exists), so after a soft-mutation trigger they are known to be unmutated.
#: Each takes the soft mutation the usual way ("o ddydd Llun", "i wasanaeth", "y tu allan i fin").
SOFT_RADICALS = frozenset(
    {
        "dydd",
        "diwrnod",
        "dinas",
        "dosbarth",
        "dogfen",
        "dogfennau",
        "bin",
        "biniau",
        "bag",
        "bagiau",
        "bwrdeistref",
        "busnes",
        "budd-dal",
        "gwasanaeth",
        "gwasanaethau",
        "gwybodaeth",
        "gwefan",
        "gwastraff",
        "gorsaf",
        "gardd",
        "gwaith",
        "gwneud",
        "gweld",
        "gwybod",
    }
)
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
    if len(allowed) > 1:
        forms = " or ".join(f"{{{name}|{each}}}" for each in allowed)
        return WelshFinding(
            token.start(), token.group(0), f"after {trigger!r}, {{{name}}} takes a mutation: write {forms}"
        )
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
    if lower.startswith(_NEVER):
        return None
    # After "a" a word is read as "and" (aspirate): its other reading, the particle, rarely meets a noun.
    kinds = EITHER[trigger] if trigger == "ei" else (kind,)
    unmutated = all(lower.startswith(UNMUTATED[each]) for each in kinds) or (
        kinds == (SOFT,) and lower in SOFT_RADICALS
    )
    if not unmutated:
        return None
    if len(kinds) > 1:  # "ei": both forms, for the reader to choose (only p, t, c get here)
        forms = " or ".join(f"{trigger} {mutate_word(word, each)} ({each})" for each in kinds)
        return WelshFinding(token.start(), word, f"after {trigger!r}, {word!r} takes a mutation: {forms}")
    suggestion = mutate_word(word, kind)
    if suggestion == word:
        return None
    return WelshFinding(
        token.start(),
        word,
        f"after {trigger!r}, {word!r} takes the {kind} mutation: {trigger} {suggestion}",
    )


def glossary_findings(text: str, glossary: Iterable[GlossaryTerm]) -> list[WelshFinding]:
    """Every council term `text` names otherwise than the glossary does, with the glossary's Welsh."""
    return [
        WelshFinding(
            match.start(),
            match.group(0),
            f"{match.group(0)!r}: the glossary's Welsh for {term.english!r} is {term.welsh!r}",
        )
        for term in glossary
        for avoided in term.avoid
        for match in term_pattern(avoided).finditer(text)
    ]


@lru_cache(maxsize=512)
def term_pattern(text: str) -> re.Pattern[str]:
    """A glossary wording (`text`) as a whole phrase, in any case, its first word in any mutation
    ("dreth y cyngor" is "treth y cyngor" after "am")."""
    first, _, rest = text.partition(" ")
    forms = sorted({first, *(mutate(first, kind) for kind in KINDS)}, key=len, reverse=True)
    tail = r"\s+" + r"\s+".join(map(re.escape, rest.split())) if rest else ""
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, forms))}){tail}(?!\w)", re.IGNORECASE)
