"""Welsh initial consonant mutations: what a word becomes after a word that mutates it ("i" + "Cyngor"
is "i Gyngor", "â" + "Cyngor" is "â Chyngor", "yn" + "Caerdydd" is "yng Nghaerdydd"), and back.

Pure functions on text; the library's `{council.name|soft}` placeholders and the Welsh lint use them.
Only the first word of a value mutates ("Cyngor Sir Ddinbych" becomes "Gyngor Sir Ddinbych").
"""

from __future__ import annotations

import re
from collections.abc import Mapping

SOFT = "soft"
ASPIRATE = "aspirate"
NASAL = "nasal"
KINDS = (SOFT, ASPIRATE, NASAL)

#: Radical initial -> mutated initial, per mutation. Digraphs that never mutate (ch, ph, th, ff, dd,
#: ng) are checked before the single letters they begin with.
_RULES: Mapping[str, tuple[tuple[str, str], ...]] = {
    SOFT: (
        ("ll", "l"),
        ("rh", "r"),
        ("p", "b"),
        ("t", "d"),
        ("c", "g"),
        ("b", "f"),
        ("d", "dd"),
        ("g", ""),
        ("m", "f"),
    ),
    NASAL: (("p", "mh"), ("t", "nh"), ("c", "ngh"), ("b", "m"), ("d", "n"), ("g", "ng")),
    ASPIRATE: (("p", "ph"), ("t", "th"), ("c", "ch")),
}
_UNCHANGING = ("ch", "ph", "th", "ff", "dd", "ng", "ts")
#: Words that keep their form whatever precedes them: Welsh words that resist mutation, and English
#: words a council's name may begin with. A council names others in its overlay (`welsh_mutations`).
RESISTANT = frozenset({"gov.uk", "borough", "city", "county", "district", "council", "police"})
_FIRST_WORD = re.compile(r"^([^\W\d_]+(?:[.'\u2019-][^\W\d_]+)*)", re.UNICODE)

#: Mutated initials and the radicals each may come from (soft, nasal, aspirate), longest first.
_UNMUTATIONS = (
    ("ngh", "c"),
    ("mh", "p"),
    ("nh", "t"),
    ("ng", "g"),
    ("ch", "c"),
    ("ph", "p"),
    ("th", "t"),
    ("dd", "d"),
    ("ll", "ll"),
    ("f", "b"),
    ("f", "m"),
    ("g", "c"),
    ("b", "p"),
    ("d", "t"),
    ("l", "ll"),
    ("r", "rh"),
    ("m", "b"),
    ("n", "d"),
)


def mutate_word(word: str, kind: str) -> str:
    """One word after a `kind` mutation, keeping its capital: ("Cyngor", "soft") -> "Gyngor",
    ("Gwener", "soft") -> "Wener", ("Caerdydd", "nasal") -> "Nghaerdydd". Unchanged when the word cannot
    take it (a vowel, "ch", "ll" under the nasal), when it is in capitals (an acronym) or resistant."""
    if kind not in _RULES:
        raise ValueError(f"unknown mutation {kind!r}: use one of {', '.join(KINDS)}")
    lower = word.casefold()
    if not lower or lower in RESISTANT or (word.isupper() and len(word) > 1):
        return word
    if lower.startswith(_UNCHANGING):
        return word
    for radical, mutated in _RULES[kind]:
        if lower.startswith(radical):
            rest = word[len(radical) :]
            if kind == SOFT and radical == "g" and not rest:
                return word  # a lone "g" is no word to drop
            changed = mutated + rest
            return _capitalised(changed) if word[:1].isupper() else changed
    return word


def mutate(text: str, kind: str, forms: Mapping[str, Mapping[str, str]] | None = None) -> str:
    """`text` (a name, a date, a phrase) after a `kind` mutation: its first word mutates. `forms` are a
    council's own mutated forms of names that do not follow the rules, by radical text and kind."""
    given = (forms or {}).get(text, {}).get(kind)
    if given:
        return given
    match = _FIRST_WORD.match(text)
    if match is None:
        return text  # a number, a postcode, a symbol: nothing to mutate
    word = match.group(1)
    return mutate_word(word, kind) + text[len(word) :]


def radicals(word: str) -> tuple[str, ...]:
    """The forms a Welsh word may have before an initial mutation ("fatresi" may be "matresi" or
    "batresi"; "nghyngor" is "cyngor"), so a mutated word matches its radical form."""
    forms = [radical + word[len(mutated) :] for mutated, radical in _UNMUTATIONS if word.startswith(mutated)]
    if word[:1] in "aeiouwy":  # the soft mutation drops an initial g
        forms.append("g" + word)
    return tuple(forms)


def mutations_of(word: str) -> dict[str, str]:
    """Each mutation's form of `word` that differs from it ({"soft": "gyngor", "nasal": ...})."""
    return {kind: form for kind in KINDS if (form := mutate_word(word, kind)) != word}


#: Words that take a final consonant before a vowel: "a" (and) is "ac", "â" (with) is "ag", "na" is "nac".
_BEFORE_A_VOWEL = {"a": "ac", "â": "ag", "na": "nac"}
_VOWELS = "aeiouwyâêîôûŵŷáéíóúàèìòù"


def before_word(word: str, following: str) -> str:
    """The form `word` takes before `following`: "a" is "ac" before a vowel ("ac ailgylchu"), "â" is
    "ag", "na" is "nac"; any other word, or a consonant after, leaves it as it is."""
    longer = _BEFORE_A_VOWEL.get(word.casefold())
    if longer is None or not following[:1].casefold() or following[:1].casefold() not in _VOWELS:
        return word
    return word[:1] + longer[1:] if word[:1].isupper() else longer


def nasal_preposition(preposition: str, mutated: str) -> str:
    """ "yn" before a nasally mutated word becomes "yng" (before ng-) or "ym" (before m-), keeping its
    capital: ("yn", "Nghaerdydd") -> "yng"."""
    if preposition.casefold() != "yn":
        return preposition
    lower = mutated.casefold()
    ending = "g" if lower.startswith("ng") else "m" if lower.startswith("m") else ""
    if not ending:
        return preposition
    return preposition[:1] + ("m" if ending == "m" else "ng")


def _capitalised(word: str) -> str:
    # "ll" and "ch" are single letters in Welsh, but only their first character is written as a capital.
    return word[:1].upper() + word[1:]
