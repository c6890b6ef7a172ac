"""The message as the patterns see it: case, accents and apostrophes folded, textspeak spelt out and
misspelt key words corrected."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache

_APOSTROPHE = "['\u2019\u2018`\u00b4]"
#: Welsh clitics written after an apostrophe ("dw i'n", "mae'r", "wedi'i") become words of their own;
#: English contractions ("don't", "i'm", "he'll") lose the apostrophe. ("r" is never spelt out as "are":
#: it is the Welsh "'r", the.)
_WELSH_CLITIC = re.compile(rf"{_APOSTROPHE}(n|r|i|w|ch|th)\b")
_ANY_APOSTROPHE = re.compile(_APOSTROPHE)
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_REPEATS = re.compile(r"([a-z])\1{2,}")
#: An age however it is typed ("14yo", "8 yr old", "15 years old") reads "14 year old".
_AGE = re.compile(r"\b(\d+) ?(?:yo|y o|yrs? old|years? old)\b")
#: Textspeak residents type, spelt out before matching. ("da" is never "domestic abuse": it is Welsh for
#: good.)
_ALIASES: Mapping[str, str] = {
    "u": "you",
    "ur": "your",
    "wanna": "want to",
    "wana": "want to",
    "wanted2": "wanted to",
    "want2": "want to",
    "gonna": "going to",
    "gona": "going to",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "hubby": "husband",
    "kms": "kill myself",
    "dv": "domestic violence",
    "cnt": "cant",
    "carnt": "cant",
    "dnt": "dont",
    "thinkin": "thinking",
    "killin": "killing",
    "hurtin": "hurting",
    "nite": "night",
    "2nite": "tonight",
    "2night": "tonight",
    "tonite": "tonight",
    "meself": "myself",
    "myslf": "myself",
    "mysef": "myself",
    "wnt": "want",
    "wnat": "want",
    "kil": "kill",
    "kiled": "killed",
    "kiling": "killing",
    "kilin": "killing",
    "unalive": "kill",
    "myslef": "myself",
    "isho": "isio",
    "ishe": "isio",
    "isie": "isio",
    "eisie": "eisiau",
}
#: Key words whose misspellings (one letter left out, added, changed or two swapped) are corrected
#: before matching. Only long, distinctive words: a short one is one letter from an everyday word, and a
#: Welsh word that mutates is one letter from its own mutations (the patterns list those instead).
_TYPO_TARGETS = (
    "suicide",
    "suicidal",
    "overdose",
    "overdosed",
    "overdosing",
    "domestic",
    "violence",
    "violent",
    "abused",
    "abusive",
    "abusing",
    "grooming",
    "groomed",
    "neglected",
    "neglecting",
    "strangled",
    "strangling",
    "controlling",
    "coercive",
    "harming",
    "threatened",
    "threatening",
    "frightened",
    "terrified",
    "trafficked",
    "trafficking",
    "safeguarding",
    "samaritans",
    "paracetamol",
    "punched",
    "assaulted",
    "molested",
    "hunanladdiad",
    "hunanladdol",
    "niweidio",
)
#: Everyday words one letter from a target, never corrected ("harming" is not "charming").
_TYPO_EXCEPTIONS = frozenset(
    {
        "amused",
        "amusing",
        "bunched",
        "brightened",
        "charming",
        "domestig",
        "farming",
        "groomer",
        "groomers",
        "harking",
        "harping",
        "hunched",
        "lunched",
        "munched",
        "overdone",
        "violet",
        "violets",
        "warming",
    }
)
_TYPO_MIN_LENGTH = 6


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@cache
def _typo_index() -> dict[str, tuple[str, ...]]:
    """Every target and its one-letter deletions, mapped to the targets they come from."""
    index: dict[str, list[str]] = {}
    for target in _TYPO_TARGETS:
        for key in {target, *_deletions(target)}:
            index.setdefault(key, []).append(target)
    return {key: tuple(targets) for key, targets in index.items()}


def _edit_distance(first: str, second: str) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts once), for short words."""
    rows = [list(range(len(second) + 1))]
    for i, a in enumerate(first, 1):
        row = [i]
        for j, b in enumerate(second, 1):
            cost = 0 if a == b else 1
            best = min(rows[-1][j] + 1, row[j - 1] + 1, rows[-1][j - 1] + cost)
            if i > 1 and j > 1 and a == second[j - 2] and first[i - 2] == b:
                best = min(best, rows[-2][j - 2] + 1)
            row.append(best)
        rows.append(row)
    return rows[-1][-1]


def _corrected(token: str) -> str:
    """The key word `token` misspells, or `token` itself."""
    if len(token) < _TYPO_MIN_LENGTH or token in _TYPO_EXCEPTIONS:
        return token
    index = _typo_index()
    candidates = {*index.get(token, ()), *(t for key in _deletions(token) for t in index.get(key, ()))}
    for target in sorted(candidates):
        if target == token or _edit_distance(token, target) == 1:
            return target
    return token


def normalise(text: str) -> str:
    """The message as the patterns see it: lower case, no accents or apostrophes, single spaces,
    textspeak spelt out and misspelt key words corrected."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _ANY_APOSTROPHE.sub("", _WELSH_CLITIC.sub(r" \1", plain))
    plain = _REPEATS.sub(r"\1\1", _NOT_WORD.sub(" ", plain))
    plain = _AGE.sub(r"\1 year old", plain)
    words = (_ALIASES.get(token, token) for token in plain.split())
    return " ".join(_corrected(word) for word in " ".join(words).split())
