"""Welsh training phrases: every intent that speaks Welsh has as many as the library asks of English, so
the Welsh classifier can learn it as well as the English one."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPOSITORY, BuildLibrary
from webhook.library.annotations import normalise, plain_text
from webhook.library.loader import load_library
from webhook.library.model import Library

MINIMUM_WELSH_PHRASES = 25


def welsh_shortfalls(library: Library) -> dict[str, int]:
    """Each intent with fewer distinct Welsh phrases than the minimum, and how many distinct ones it has.

    Phrases that differ only in case, punctuation or annotation brackets count once, since the
    classifier sees them as one. Fallback intents are left out: their phrases are negative examples,
    and a context-scoped fallback has none by design (the validator's too-few-phrases rule agrees).
    """
    short = {}
    for intent in library.intents.values():
        welsh = intent.languages.get("cy")
        if welsh is None or intent.fallback:
            continue
        distinct = len({normalise(plain_text(phrase)) for phrase in welsh.phrases})
        if distinct < MINIMUM_WELSH_PHRASES:
            short[intent.id] = distinct
    return short


def describe(shortfalls: dict[str, int]) -> str:
    """One line per short intent: how many distinct Welsh phrases it has and how many more it needs."""
    return "\n".join(
        f"{intent_id}: {count} distinct Welsh phrases, {MINIMUM_WELSH_PHRASES - count} short"
        for intent_id, count in sorted(shortfalls.items())
    )


@pytest.fixture(scope="module")
def repository() -> Library:
    return load_library(REPOSITORY).library


def test_every_intent_in_welsh_has_at_least_25_distinct_welsh_phrases(repository: Library) -> None:
    welsh_intents = {i.id for i in repository.intents.values() if "cy" in i.languages}
    assert {"waste.collection_day", "council_tax.pay"} <= welsh_intents, "the Welsh intents did not load"
    shortfalls = welsh_shortfalls(repository)
    assert not shortfalls, (
        f"intents with fewer than {MINIMUM_WELSH_PHRASES} distinct Welsh training phrases "
        f"(languages.cy.phrases):\n{describe(shortfalls)}"
    )


def test_a_short_intent_is_named_with_its_shortfall_and_repeats_count_once(
    build_library: BuildLibrary,
) -> None:
    # 25 Welsh phrases, but "Diwrnod bin?" and "diwrnod bin" are one phrase to the classifier.
    phrases = ["diwrnod bin", "Diwrnod bin?"] + [f"pryd mae'r bin {n}" for n in range(23)]
    root = build_library()
    _replace_welsh_phrases(root / "intents/waste/collection_day.yaml", "pryd mae diwrnod bin", phrases)
    shortfalls = welsh_shortfalls(load_library(root).library)
    assert shortfalls["waste.collection_day"] == 24
    assert shortfalls["streets.pothole"] == 1
    assert "waste.collection_day: 24 distinct Welsh phrases, 1 short" in describe(shortfalls)
    assert "streets.pothole: 1 distinct Welsh phrases, 24 short" in describe(shortfalls)


def _replace_welsh_phrases(path: Path, only_phrase: str, phrases: list[str]) -> None:
    text = path.read_text(encoding="utf-8")
    items = "".join(f'      - "{phrase}"\n' for phrase in phrases)
    path.write_text(text.replace(f"      - {only_phrase}\n", items), encoding="utf-8")
