"""Parameter extraction: the values of an intent's declared parameters found in a resident's message.

`extract` looks only for the entities the intent declares, most specific first (regexp entities such as
postcodes, then e-mail, phone numbers, dates and times, then map and list entities, then numbers and
names, and sys.any last, which takes the whole text left over), and never lets two parameters claim the
same words. Map entities match their synonyms, case and accents aside; a `fuzzy: true` entity also
matches misspellings ("recyclin bin" -> recycling). Each value comes with the words it was found in,
which Dialogflow sends as `<name>.original`.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, NamedTuple

from webhook.agent.dates import london_today
from webhook.agent.matches import Match
from webhook.agent.system_entities import SYSTEM_FINDERS
from webhook.library.model import Entity, EntityEntry, Library, Parameter

#: How alike (0-1, difflib's ratio) a misspelt phrase must be to a synonym of a fuzzy entity.
FUZZY_CUTOFF = 0.84
#: Shorter synonyms are matched exactly only: "tag" is one letter from "bag".
FUZZY_MIN_LENGTH = 5
_WORD = re.compile(r"[\w'\u2019]+")
_SPECIFICITY = {
    "regexp": 0,
    "sys.email": 1,
    "sys.phone-number": 2,
    "sys.date": 3,
    "sys.time": 4,
    "map": 5,
    "list": 5,
    "sys.number": 6,
    "sys.given-name": 7,
    "sys.any": 9,
}


class Extracted(NamedTuple):
    """A parameter's value and the words it was found in (lists of both for an is_list parameter)."""

    value: Any
    original: Any


def extract(
    text: str,
    parameters: Sequence[Parameter],
    library: Library,
    language: str,
    *,
    today: date | None = None,
) -> dict[str, Extracted]:
    """The declared parameters found in `text`: {parameter name: Extracted(value, original)}.

    Parameters not found are left out. Several parameters of one entity take its matches in order;
    an is_list parameter takes every match. `today` anchors relative dates (default: today in the UK).
    Unknown entities are ignored (the library validator reports them).
    """
    today = today or london_today()
    claimed: list[Match] = []
    found: dict[str, Extracted] = {}
    for entity_name, group in _by_specificity(parameters, library):
        if entity_name == "sys.any":
            continue
        matches = [m for m in _find(entity_name, text, library, language, today) if m.value is not None]
        free = _non_overlapping(matches, claimed)
        for parameter in group:
            if not free:
                break
            taken = free if parameter.is_list else free[:1]
            free = free[len(taken) :]
            claimed.extend(taken)
            if parameter.is_list:
                found[parameter.name] = Extracted([m.value for m in taken], [m.original(text) for m in taken])
            else:
                found[parameter.name] = Extracted(taken[0].value, taken[0].original(text))
    for parameter in parameters:
        if parameter.entity == "sys.any" and parameter.name not in found:
            rest = _remaining_text(text, claimed)
            if rest:
                found[parameter.name] = Extracted([rest] if parameter.is_list else rest, rest)
                break  # the rest of the text can only be given once
    return {p.name: found[p.name] for p in parameters if p.name in found}


def as_parameters(
    found: Mapping[str, Extracted], parameters: Sequence[Parameter], *, originals: bool = False
) -> dict[str, Any]:
    """Dialogflow's parameter map: every declared parameter, "" (or [] for a list) when not found;
    with `originals`, also `<name>.original` as in output contexts."""
    values: dict[str, Any] = {}
    for parameter in parameters:
        empty: Any = [] if parameter.is_list else ""
        item = found.get(parameter.name)
        values[parameter.name] = item.value if item else empty
        if originals:
            values[f"{parameter.name}.original"] = item.original if item else empty
    return values


def _by_specificity(parameters: Sequence[Parameter], library: Library) -> list[tuple[str, list[Parameter]]]:
    groups: dict[str, list[Parameter]] = {}
    for parameter in parameters:
        groups.setdefault(parameter.entity, []).append(parameter)

    def rank(entity_name: str) -> int:
        entity = library.entities.get(entity_name)
        return _SPECIFICITY.get(entity.kind if entity else entity_name, 8)

    return sorted(groups.items(), key=lambda item: rank(item[0]))


def _find(entity_name: str, text: str, library: Library, language: str, today: date) -> list[Match]:
    if entity_name in SYSTEM_FINDERS:
        return SYSTEM_FINDERS[entity_name](text, language, today)
    entity = library.entities.get(entity_name)
    if entity is None:
        return []
    if entity.kind == "regexp":
        return find_pattern_values(entity, text)
    entries = entity.languages.get(language) or entity.languages.get("en", ())
    found = synonym_matcher(tuple(entries), entity.fuzzy).find(text)
    english = entity.languages.get("en", ())
    if found or not english or language == "en" or language not in entity.languages:
        return found
    # Welsh speakers type English words for things ("dog poo", "bin recycling"): when no Welsh synonym
    # is there, the English ones as written (not misspelt: a Welsh word must not pass for an English
    # one a few letters away).
    return synonym_matcher(tuple(english), False).find(text)


def _non_overlapping(matches: Iterable[Match], claimed: Sequence[Match]) -> list[Match]:
    kept: list[Match] = []
    for match in sorted(matches, key=lambda m: (m.start, -(m.end - m.start))):
        if not any(match.overlaps(other) for other in (*claimed, *kept)):
            kept.append(match)
    return kept


def _remaining_text(text: str, claimed: Sequence[Match]) -> str:
    pieces, position = [], 0
    for match in sorted(claimed, key=lambda m: m.start):
        pieces.append(text[position : match.start])
        position = match.end
    pieces.append(text[position:])
    return " ".join(" ".join(pieces).split()).strip(" ,.;:!?-")


# Regexp entities ---------------------------------------------------------------------------------


def normalise_postcode(text: str) -> str:
    """A UK postcode in upper case with one space before the last three characters: "aa11aa" -> "AA1 1AA"."""
    compact = "".join(text.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}"


#: How each regexp entity's matches are written as values; others keep the text as typed.
PATTERN_NORMALISERS = {
    "postcode": normalise_postcode,
    "pcn_number": str.upper,
    "planning_reference": str.upper,
}


def find_pattern_values(entity: Entity, text: str) -> list[Match]:
    """Every match of a regexp entity's patterns, normalised; the longest wins where two overlap."""
    normalise = PATTERN_NORMALISERS.get(entity.name, lambda value: value)
    matches = [
        Match(m.start(), m.end(), normalise(m.group()))
        for pattern in _compiled(entity.patterns)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    return _non_overlapping(matches, [])


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(pattern) for pattern in patterns)


# Map and list entities ---------------------------------------------------------------------------


def fold(word: str) -> str:
    """A word as synonyms are compared: case folded, accents and apostrophes dropped."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'\u2019")


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    folded: str


@dataclass(frozen=True)
class SynonymMatcher:
    """Finds a map or list entity's values by their synonyms, exactly or (if fuzzy) approximately."""

    # folded synonym words -> entity value
    synonyms: Mapping[tuple[str, ...], str]
    fuzzy: bool
    # word count -> (synonym as one string, value), for fuzzy matching; short synonyms left out
    spelled: Mapping[int, tuple[tuple[str, str], ...]]
    # Per thread, a SequenceMatcher per synonym: it indexes its synonym once, then is compared with many
    # windows of text. Matchers hold state between calls, so threads must not share them.
    _local: threading.local = field(default_factory=threading.local, compare=False, repr=False)

    def find(self, text: str) -> list[Match]:
        """Matches of any synonym, none overlapping: exact before fuzzy, then longer spans first."""
        tokens = [_Token(m.start(), m.end(), fold(m.group())) for m in _WORD.finditer(text)]
        candidates: list[tuple[int, bool, float, Match]] = []
        for size in sorted({len(words) for words in self.synonyms}, reverse=True):
            for first in range(len(tokens) - size + 1):
                window = tokens[first : first + size]
                value, similarity = self._lookup(tuple(token.folded for token in window))
                if value is not None:
                    match = Match(window[0].start, window[-1].end, value, exact=similarity == 1.0)
                    candidates.append((size, match.exact, similarity, match))
        candidates.sort(key=lambda c: (not c[1], -c[0], -c[2], c[3].start))
        kept: list[Match] = []
        for *_, match in candidates:
            if not any(match.overlaps(other) for other in kept):
                kept.append(match)
        return sorted(kept, key=lambda m: m.start)

    def _lookup(self, words: tuple[str, ...]) -> tuple[str | None, float]:
        if words in self.synonyms:
            return self.synonyms[words], 1.0
        typed = " ".join(words)
        if not self.fuzzy or len(typed) < FUZZY_MIN_LENGTH:
            return None, 0.0
        best: tuple[str | None, float] = (None, 0.0)
        for (written, value), matcher in zip(
            self.spelled.get(len(words), ()), self._matchers(len(words)), strict=True
        ):
            if abs(len(written) - len(typed)) > 3:
                continue
            matcher.set_seq1(typed)
            if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio >= FUZZY_CUTOFF and ratio > best[1]:
                best = (value, ratio)
        return best

    def _matchers(self, size: int) -> list[SequenceMatcher]:
        built = self._local.__dict__.setdefault("matchers", {})
        if size not in built:
            built[size] = [
                SequenceMatcher(None, "", w, autojunk=False) for w, _ in self.spelled.get(size, ())
            ]
        return built[size]


@lru_cache(maxsize=256)
def synonym_matcher(entries: tuple[EntityEntry, ...], fuzzy: bool) -> SynonymMatcher:
    """The matcher for one entity's entries in one language (built once, then cached).

    A map entity matches its synonyms (its value too when it has none); a list entity its values.
    """
    synonyms: dict[tuple[str, ...], str] = {}
    for entry in entries:
        for written in entry.synonyms or (entry.value,):
            words = tuple(fold(m.group()) for m in _WORD.finditer(written))
            if words:
                synonyms.setdefault(words, entry.value)
    spelled: dict[int, list[tuple[str, str]]] = {}
    for words, value in synonyms.items():
        written = " ".join(words)
        if len(written) >= FUZZY_MIN_LENGTH:
            spelled.setdefault(len(words), []).append((written, value))
    return SynonymMatcher(synonyms, fuzzy, {size: tuple(items) for size, items in spelled.items()})
