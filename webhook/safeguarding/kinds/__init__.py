"""The disclosure patterns, one module per kind of risk, each with its English and Welsh terms.

Every module has the same shape: `ENGLISH` and `WELSH`, tuples of regular expressions searched in the
normalised message (lower case, no accents or apostrophes, single spaces) after its near-miss senses are
blanked out. Adding a kind is copying a sibling and listing it in `KINDS`.
"""

from __future__ import annotations

from types import ModuleType

from webhook.safeguarding.kinds import (
    abuse,
    adults,
    children,
    emergency,
    forced_marriage,
    hardship,
    homeless,
    radicalisation,
    suicide,
)

#: Every kind of disclosure the screen knows.
KINDS: tuple[ModuleType, ...] = (
    suicide,
    abuse,
    children,
    adults,
    forced_marriage,
    homeless,
    hardship,
    emergency,
    radicalisation,
)

ENGLISH: tuple[str, ...] = tuple(pattern for kind in KINDS for pattern in kind.ENGLISH)
WELSH: tuple[str, ...] = tuple(pattern for kind in KINDS for pattern in kind.WELSH)
#: The patterns whose words have everyday senses as well ("abuse of a parking permit", "verbally abusive
#: staff", "mae'r glaw 'ma'n fy lladd i", "a samaritans volunteer", "the safeguarding board's report"): a
#: hit of theirs counts only when the learned detector agrees or the message is short (screen.is_crisis).
#: Chosen by out-of-fold figures on the development sets (bench/safeguarding_rules.py): the near misses the
#: screen's other kinds hit were few, those of these two were most of its false alarms.
DOUBTFUL: tuple[str, ...] = (*abuse.ENGLISH, *abuse.WELSH, *emergency.NAMED_ENGLISH, *emergency.NAMED_WELSH)
#: Every other pattern, of every language: its hit counts alone.
_DOUBTFUL = frozenset(DOUBTFUL)
SURE: tuple[str, ...] = tuple(pattern for pattern in (*ENGLISH, *WELSH) if pattern not in _DOUBTFUL)
#: Homelessness tonight, which `housing.homeless` may answer instead unless a child is in the message
#: (kinds/homeless.py).
HOMELESS_TONIGHT: tuple[str, ...] = (*homeless.TONIGHT_ENGLISH, *homeless.TONIGHT_WELSH)
WITH_CHILD: tuple[str, ...] = (homeless.WITH_CHILD_ENGLISH, homeless.WITH_CHILD_WELSH)
