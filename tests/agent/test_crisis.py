"""The crisis screen and the agent's decision to answer safeguarding first, in English and Welsh.

The examples here were written for these tests, not taken from the held-out sets in
tests/safeguarding/, which only the last tests read: they hold the screen and the classifier together to
the goals (every disclosure answered, at most 2% false alarms on near misses) for the demo council.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPOSITORY
from webhook.agent.nlu import Prediction
from webhook.agent.store import ModelStore
from webhook.safeguarding.screen import SAFEGUARDING, crisis_in, is_crisis, mutated

HELD_OUT = REPOSITORY / "tests" / "safeguarding"
RECALL_GOAL = 1.0
FALSE_ALARM_GOAL = 0.02
MIN_HELD_OUT = 160

ENGLISH_DISCLOSURES = [
    "i keep thinking i should just kill myself",
    "my partner kicked me in the stomach",
    "my stepdad hits my little brother",
    "someone is taking my nans pension off her",
    "my family are making me marry a man twice my age",
    "im scared to go home, he'll hurt me",
    "cant take it anymore, i want to die",
    "i think a man on snapchat is grooming my daughter",
]
ENGLISH_NEAR_MISSES = [
    "how do i kill weeds on my drive",
    "the noise from the pub is killing me",
    "report abuse of a disabled parking bay",
    "dog grooming licence",
    "my wife wants to set up a direct debit for council tax",
    "a car hit the lamp post on our road",
    "the allotments have been neglected for ages",
    "when is the tip open, dying to clear the garage",
]
WELSH_DISCLOSURES = [
    "dw i isio lladd fy hun heno",
    "mae fy nghariad yn fy nghicio i",
    "mae'r plant drws nesa'n cael eu curo",
    "mae fy nhad yn fy ngorfodi i briodi",
    "dydw i ddim yn saff adra heno",
    "mae'r gofalwr yn dwyn pensiwn taid",
]
WELSH_NEAR_MISSES = [
    "sut mae lladd chwyn yn yr ardd",
    "mae'r sŵn o'r dafarn yn fy lladd i",
    "mae fy ngŵr isio newid y debyd uniongyrchol",
    "cam-ddefnyddio bathodyn glas",
    "mae'r golau stryd wedi marw eto",
    "mae'r fynwent wedi cael ei hesgeuluso",
]


@pytest.mark.parametrize(
    ("text", "language"),
    [(text, "en") for text in ENGLISH_DISCLOSURES] + [(text, "cy") for text in WELSH_DISCLOSURES],
)
def test_disclosures_are_caught(text: str, language: str) -> None:
    assert crisis_in(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [(text, "en") for text in ENGLISH_NEAR_MISSES] + [(text, "cy") for text in WELSH_NEAR_MISSES],
)
def test_near_misses_are_not_disclosures(text: str, language: str) -> None:
    assert not crisis_in(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the noise next door is killing me and i want to kill myself", "en"),
        ("hit a pothole on the way home, then my husband hit me", "en"),
        ("mae'r sŵn yn fy lladd i a dw i isio lladd fy hun", "cy"),
    ],
)
def test_a_near_miss_sense_does_not_hide_a_disclosure_beside_it(text: str, language: str) -> None:
    assert crisis_in(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "the little boy next door is being beaten",
        "the baby in that house is being neglected",
        "the kids in the car are being hit",
        "my dad beats me when he gets home",
        "i'm not safe at home and the pavement outside is broken too",
    ],
)
def test_words_that_also_name_things_do_not_hide_a_person_at_risk(text: str) -> None:
    assert crisis_in(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "SUCIDAL thoughts",
        "domestc violence",
        "im being abussed",
        "I DON'T want to be alive",
        "i dont want to be alive",
        "my bf punched me",
        "wanna die",
    ],
)
def test_case_apostrophes_textspeak_and_typos_are_forgiven(text: str) -> None:
    assert crisis_in(text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "mae o'n curo'r plant",  # radical
        "mae hi'n ei guro o",  # soft mutation (his)
        "mae o'n fy nghuro i",  # nasal mutation (my)
        "mae o'n ei churo hi",  # aspirate mutation (her)
        "mae o n fy nghuro",  # no apostrophe
        "mae o'n fy nghuro i bob nos",
    ],
)
def test_welsh_is_caught_in_every_mutation(text: str) -> None:
    assert crisis_in(text, "cy")


def test_mutated_matches_radical_soft_nasal_and_aspirate_forms() -> None:
    pattern = re.compile(rf"^{mutated('cam drin')}$")
    for form in ("cam drin", "gam drin", "ngham drin", "cham drin"):
        assert pattern.match(form), form
    assert not pattern.match("ham drin")


def test_every_language_is_screened_whatever_the_conversation_language() -> None:
    assert crisis_in("my partner hits me", "cy")
    assert crisis_in("mae fy mhartner yn fy nharo i", "en")


def _prediction(intent_id: str, confidence: float) -> Prediction:
    return Prediction(intent_id, confidence, ((intent_id, confidence),))


def test_a_screen_hit_wins_whatever_the_classifier_says() -> None:
    assert is_crisis("my partner hits me", "en", _prediction("streets.pothole", 0.95))


def test_a_confident_classifier_is_trusted_when_the_screen_has_no_pattern_for_the_message() -> None:
    text = "everything is falling apart at home and i dont know who to turn to"
    assert not crisis_in(text, "en")
    assert is_crisis(text, "en", _prediction(SAFEGUARDING, 0.8))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can i phone someone about my council tax please", "en"),
        ("my husband needs to register to vote", "en"),
        ("the traffic on the bypass is killing me", "en"),
        ("mae fy mhartner isio talu am y bin gwyrdd", "cy"),
    ],
)
def test_a_classifier_guess_is_not_trusted_for_a_known_near_miss_or_council_business(
    text: str, language: str
) -> None:
    assert not is_crisis(text, language, _prediction(SAFEGUARDING, 0.9))


def test_an_unsure_or_different_classifier_answer_is_not_a_crisis() -> None:
    text = "everything is falling apart at home and i dont know who to turn to"
    assert not is_crisis(text, "en", _prediction(SAFEGUARDING, 0.2))
    assert not is_crisis(text, "en", _prediction("housing.homeless", 0.9))


# The held-out sets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    text: str
    label: str


def held_out(language: str) -> list[Example]:
    """The held-out examples of `language` (tests/safeguarding/<language>.yaml)."""
    data = yaml.safe_load(Path(HELD_OUT / f"{language}.yaml").read_text(encoding="utf-8"))
    assert data["language"] == language
    return [Example(item["text"], item["label"]) for item in data["examples"]]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_held_out_sets_are_large_balanced_and_unrepeated(language: str) -> None:
    examples = held_out(language)
    labels = [example.label for example in examples]
    assert len(examples) >= MIN_HELD_OUT
    assert set(labels) == {"disclosure", "near_miss"}
    assert min(labels.count("disclosure"), labels.count("near_miss")) >= 0.4 * len(examples)
    assert len({example.text for example in examples}) == len(examples)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_held_out_goals_every_disclosure_answered_and_few_false_alarms(
    demo_store: ModelStore, language: str
) -> None:
    examples = held_out(language)
    predictions = demo_store.classifier("demo", language).predict_many([e.text for e in examples])
    decided = [(e, is_crisis(e.text, language, p)) for e, p in zip(examples, predictions, strict=True)]
    disclosures = [(e, crisis) for e, crisis in decided if e.label == "disclosure"]
    near_misses = [(e, crisis) for e, crisis in decided if e.label == "near_miss"]
    missed = [e.text for e, crisis in disclosures if not crisis]
    false_alarms = [e.text for e, crisis in near_misses if crisis]
    assert 1 - len(missed) / len(disclosures) >= RECALL_GOAL, f"missed disclosures: {missed}"
    assert len(false_alarms) / len(near_misses) <= FALSE_ALARM_GOAL, f"false alarms: {false_alarms}"
