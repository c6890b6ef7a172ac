"""Which of the options the bot offered a resident's typed words pick, as residents type them.

A quick reply can be tapped, but many residents type instead: "high st", "its the one on mill lane",
"the second one", "number 12", "12 hight street", "yr ail un". `matching_options` finds the options
those words name: the whole label, the label's words with abbreviations expanded and small typos
forgiven, a house number, or a position in the list. Pure functions: no turn, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from difflib import SequenceMatcher

from webhook.welsh.mutations import radicals

#: Short forms residents type for the words in addresses, expanded before comparing.
ABBREVIATIONS = {
    "st": "street",
    "str": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "cl": "close",
    "cres": "crescent",
    "cresc": "crescent",
    "dr": "drive",
    "gdns": "gardens",
    "gr": "grove",
    "pl": "place",
    "sq": "square",
    "ter": "terrace",
    "terr": "terrace",
    "ct": "court",
    "pk": "park",
    "hse": "house",
    "fl": "flat",
    "hl": "heol",
}
#: Words residents use for the same thing as an option's word ("bigger than a dinner plate" for
#: "Larger than a dinner plate").
SAME_MEANING = {
    "bigger": "larger",
    "big": "large",
    "huge": "large",
    "massive": "large",
    "little": "small",
    "tiny": "small",
    "smaller": "small",
    "smallish": "small",
    "saucer": "small",
}
#: Words that say which position in the list (English and Welsh, with the Welsh mutated forms).
ORDINALS = {
    "first": 1,
    "1st": 1,
    "top": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "fifth": 5,
    "5th": 5,
    "sixth": 6,
    "6th": 6,
    "last": -1,
    "bottom": -1,
    "cyntaf": 1,
    "gyntaf": 1,
    # As spoken and typed, without the final f: "yr un cynta", "yr ola".
    "cynta": 1,
    "gynta": 1,
    "ail": 2,
    "2il": 2,
    "trydydd": 3,
    "drydydd": 3,
    "3ydd": 3,
    "pedwerydd": 4,
    "bedwerydd": 4,
    "pumed": 5,
    "bumed": 5,
    "chweched": 6,
    "olaf": -1,
    "ola": -1,
}
#: Words around a choice that do not help to tell options apart ("its the one on ...", "yr un ar ...").
FILLER = frozenset(
    "a an the its it is thats that this one ones on in at of please pls plz mine my i live im is "
    "number no num option choice house address yes yeah yep ok okay er um its me for than about like "
    "some lots loads lot really very just of and or with list above below your ur from".split()
    + "yr y r un ar yn yw ydy fy i mae o plis rhif opsiwn dewis ty cyfeiriad ie iawn dyna hwnna honna "
    "na rhestr uchod isod eich dy".split()
)
#: Words of place and amount that options of every kind hold ("Across most of the road", "Mill Lane"):
#: on their own they tell no option apart, so "the corner of hill road and church lane" picks none.
GENERIC = frozenset(
    "street road lane avenue close drive way hill place square park terrace grove gardens row walk "
    "most all some part side end corner near next outside front back top bottom".split()
    + "stryd heol hewl lon ffordd rhodfa clos sgwar parc ochr pen".split()
)
#: English endings a typed word and an option's word may differ by ("builders" / "building"), longest
#: first; a stem shorter than MIN_STEM letters is too short to tell words apart ("bus" / "busy").
ENDINGS = ("ings", "ers", "ing", "ies", "es", "er", "ed", "s")
MIN_STEM = 4
#: How alike two words must be (0 to 1) to count as the same word mistyped ("hight" for "high").
TYPO_SIMILARITY = 0.8
_WORD = re.compile(r"\w+")
_APOSTROPHE = re.compile(r"['\u2019\u2018`]")
_HOUSE_NUMBER = re.compile(r"^\d+[a-z]?$")


def words(text: str) -> list[str]:
    """The words of `text`, folded (case, accents, apostrophes) and with abbreviations and words of the
    same meaning made one."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _APOSTROPHE.sub("", plain)  # "it's" is "its", a filler word
    return [SAME_MEANING.get(word, ABBREVIATIONS.get(word, word)) for word in _WORD.findall(plain)]


def matching_options(text: str, labels: Sequence[str], synonyms: Sequence[Sequence[str]] = ()) -> list[int]:
    """The indexes of the options `text` names, best first; empty when it names none, several when it
    could mean more than one (the caller asks again).

    An option is named by its whole label, by its position ("the second one"), by a house number it
    holds, or by the words it shares with the message (typos forgiven): the options sharing the most
    of the message's words win, and a number the message gives must be one the option holds, when the
    option holds any. `synonyms`, in the options' order, are things a resident may type for an option
    besides its label ("sofa", "bin bags" for "Furniture or mattresses", "Household rubbish"): each one
    the message holds whole counts as a word the option shares with it."""
    said = words(text)
    if not said or not labels:
        return []
    options = [words(label) for label in labels]
    whole = [index for index, option in enumerate(options) if option == said]
    if whole:
        return whole
    # Whole phrases only: "du" of "bagiau du" must not answer for the "tu" of "tu ol i" (behind).
    typed = [
        sum(all(_has_word(said, word, typos=False) for word in words(synonym)) for synonym in synonyms[index])
        if index < len(synonyms)
        else 0
        for index in range(len(labels))
    ]
    content = [word for word in said if word not in FILLER]
    numbers = [word for word in content if _HOUSE_NUMBER.match(word)]
    names = [word for word in content if not _HOUSE_NUMBER.match(word) and word not in ORDINALS]
    if not names and not numbers:
        return _by_position(said, len(labels))
    scores: dict[int, int] = {}
    for index, option in enumerate(options):
        held = [word for word in option if _HOUSE_NUMBER.match(word)]
        if numbers and held and not all(number in held for number in numbers):
            continue
        distinctive = sum(_has_word(option, name) for name in names if name not in GENERIC) + typed[index]
        shared = distinctive + sum(_has_word(option, name) for name in names if name in GENERIC)
        numbered = len(numbers) if held else 0
        # A word a place or a size might share with anything ("road", "most") names no option beside
        # words the option lacks; a message of such words alone ("the road one") may still name one.
        if distinctive or numbered or (shared and names_only_generic(names)):
            scores[index] = shared + numbered
    if not scores:
        # Only a number that is no option's house number: it may be the option's place in the list.
        if not names and numbers[0].isdigit():
            return _by_position([str(int(numbers[0]))], len(labels))
        return []
    best = max(scores.values())
    return [index for index, score in scores.items() if score == best]


def names_only_generic(names: Sequence[str]) -> bool:
    """Whether every word of the message is one any option might hold ("road", "street")."""
    return all(name in GENERIC for name in names)


def _by_position(said: list[str], count: int) -> list[int]:
    for word in said:
        position = ORDINALS.get(word)
        if position is None and word.isdigit():
            position = int(word)
        if position == -1:
            return [count - 1]
        if position is not None and 1 <= position <= count:
            return [position - 1]
    return []


def _numbers_match(numbers: list[str], option: list[str]) -> bool:
    return all(number in option for number in numbers)


def options_named_outright(text: str, synonyms: Sequence[Sequence[str]]) -> list[int]:
    """The indexes of the options whose words for residents (`synonyms`, in the options' order) the text
    holds whole, as written or mutated, never misspelt: how a message that was not an answer to the
    question (the report's first message) may still answer it ("an old mattress dumped on mill lane")
    without a near miss ("church lane") being taken for one."""
    said = words(text)
    return [
        index
        for index, phrases in enumerate(synonyms)
        if any(all(_has_word(said, word, typos=False) for word in words(phrase)) for phrase in phrases)
    ]


def _has_word(option: list[str], word: str, *, typos: bool = True) -> bool:
    """Whether `option` holds the word, as written, mutated or with another ending, or (with `typos`)
    misspelt: words given for an option are matched without, since "chair" is no misspelt "church"."""
    if word in option:
        return True
    if any(radical in option for radical in radicals(word)) or any(
        word in radicals(candidate) for candidate in option
    ):
        return True
    if len(word) < 4:  # short words are too easily mistaken for others
        return False
    stem = _stem(word)
    if len(stem) >= MIN_STEM and any(_stem(candidate) == stem for candidate in option):
        return True
    if not typos:
        return False
    if any(_transposed(word, candidate) for candidate in option):
        return True
    forms = (word, *radicals(word))
    return any(
        len(candidate) >= 4
        and max(
            SequenceMatcher(None, form, other).ratio()
            for form in forms
            for other in (candidate, *radicals(candidate))
        )
        >= TYPO_SIMILARITY
        for candidate in option
    )


def _stem(word: str) -> str:
    """The word without one English ending, so "builders" and "building", "mattress" and "mattresses",
    "dogs" and "dog" are the same word."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _transposed(word: str, candidate: str) -> bool:
    """ "hihg" for "high": the same letters, the first in place, two neighbours swapped."""
    if len(word) != len(candidate) or word[0] != candidate[0] or word == candidate:
        return False
    differ = [i for i, (a, b) in enumerate(zip(word, candidate, strict=True)) if a != b]
    return len(differ) == 2 and differ[1] == differ[0] + 1 and sorted(word) == sorted(candidate)
