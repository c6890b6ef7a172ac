"""The crisis screen and the agent's decision to answer safeguarding first, in English and Welsh.

The examples here were written for these tests, not taken from the labelled sets in tests/safeguarding/,
which only the last tests read: they hold the screen and the classifier together to the goals (every
disclosure answered, at most 2% false alarms on near misses) for the demo council, on the project's
held-out sets, on the first independent set and on the first held-out set (both now development data,
tests/safeguarding/independent/ and bench/data/safeguarding_heldout/).
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
from webhook.safeguarding.detector import build_model, choose_threshold, default_detector
from webhook.safeguarding.english_words import word_trie
from webhook.safeguarding.examples import LANGUAGES, collect_examples, held_out_texts, shipped_examples
from webhook.safeguarding.screen import (
    HOMELESS,
    SAFEGUARDING,
    crisis_in,
    is_crisis,
    learned_crisis_in,
    mutated,
    screen,
)

HELD_OUT = REPOSITORY / "tests" / "safeguarding"
#: The labelled sets held to the goals, by name: the project's own, the first independent one, and the
#: first held-out one (bench/data/safeguarding_heldout/, retired to development use after its second run).
LABELLED_SETS = {
    "project": HELD_OUT,
    "independent": HELD_OUT / "independent",
    "retired heldout": REPOSITORY / "bench" / "data" / "safeguarding_heldout",
}
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


# Kinds the first independent set found missing: each by what is seen or said, not by name ----------

NEW_KIND_DISCLOSURES = {
    "homelessness with a child": [
        ("en", "me and my toddler have nowhere to stay tonight"),
        ("en", "im 16 and my stepdad chucked me out this afternoon"),
        ("cy", "does gen i a'r babi unman i gysgu heno"),
        ("cy", "dwi'n 15 ac mae dad wedi nhaflu i allan"),
    ],
    "sleeping out in danger": [
        ("en", "an old man is lying in the park in the snow and won't wake up"),
    ],
    "no food or heat with someone vulnerable": [
        ("en", "the electric's run out and my baby is only 2 weeks old"),
        ("en", "we've had nothing to eat for three days"),
        ("en", "my grandad is 91 and his heating has broken, he's shivering"),
        ("cy", "dim bwyd yn y ty a mae'r plant yn llwglyd"),
        ("cy", "heb fwyta ers pedwar diwrnod"),
    ],
    "indirect suicidal intent": [
        ("en", "i'm done, the only way out is to end it"),
        ("en", "been thinking about walking in front of a lorry"),
        ("en", "my friend sent a goodbye message and now her phone is off, she isn't answering"),
        ("en", "i've been hoarding my tablets"),
        ("cy", "dim pwynt cario mlaen"),
        ("cy", "meddwl am neidio i'r afon heno"),
    ],
    "a child at risk, by what is seen": [
        ("en", "a little boy has been wandering round the estate on his own for hours"),
        ("en", "the kids upstairs are always begging the neighbours for food"),
        ("en", "grown men keep picking my 13 year old niece up from the park"),
        ("en", "their mum is off her face and looking after the baby"),
        ("cy", "mae plentyn bach ar ei ben ei hun ar y ffordd fawr"),
        ("cy", "mae'r plant drws nesa byth yn cael bwyd"),
    ],
    "an adult at risk": [
        ("en", "nobody has seen the old lady across the road for days"),
        ("en", "my nan has dementia and was found wandering in her slippers at 3am"),
        ("en", "some blokes have taken over my cousin's flat and he's got learning difficulties"),
        ("cy", "mae gan taid ddementia ac mae o'n crwydro allan yn y nos"),
    ],
    "threats and danger to life": [
        ("en", "he messaged that he'll burn my house down"),
        ("en", "there's a teenager in the canal and he can't get out"),
        ("en", "my husband has collapsed and isn't breathing"),
        ("en", "someone is trying to kick our front door in"),
        ("cy", "mae rhywun yn trio torri mewn i'r ty rwan"),
        ("cy", "mae dyn yn gwaedu ar y palmant"),
    ],
}
NEW_KIND_NEAR_MISSES = [
    ("en", "i'm going to be homeless when my tenancy ends in june"),
    ("en", "my son got kicked out of the youth club, can he go back"),
    ("en", "no heating in the village hall again"),
    ("en", "my daughter keeps missing the school bus"),
    ("en", "abuse of blue badges in the supermarket car park"),
    ("en", "the leisure centre is threatened with closure"),
    ("en", "i can't go on like this with the roadworks outside"),
    ("en", "gutters choked with leaves on our street"),
    ("en", "bleeding the radiators in my flat"),
    ("cy", "pobl yn cam-drin y llefydd parcio anabl"),
    ("cy", "ffordd ar gau mewn argyfwng ger y bont"),
    ("cy", "dw i'n gwirfoddoli yn y lloches bob wythnos"),
]


@pytest.mark.parametrize(
    ("language", "text"),
    [example for examples in NEW_KIND_DISCLOSURES.values() for example in examples],
)
def test_every_kind_the_independent_set_found_missing_is_now_caught(language: str, text: str) -> None:
    assert crisis_in(text, language)


@pytest.mark.parametrize(("language", "text"), NEW_KIND_NEAR_MISSES)
def test_council_business_sharing_those_kinds_words_raises_no_alarm(language: str, text: str) -> None:
    found = screen(text, language)
    assert not found.hit
    assert not found.homeless_tonight


#: Kinds the first held-out set found the screen had no pattern for, in new wording: Welsh harm verbs
#: with the "fy" (me) left unwritten, threats of what someone will do, assaults, fire, gas and water with
#: people in danger, colloquial suicide and self-harm.
HELD_OUT_KIND_DISCLOSURES = [
    ("cy", "nath hi nghicio i yn y gegin"),
    ("cy", "mae o di nghloi i yn y stafell"),
    ("cy", "medda fo neith o frifo'r plant os dwi'n deud"),
    ("cy", "ma boi efo cyllell wrth y siop"),
    ("cy", "ogla nwy yn y gegin a mam ddim yn ateb y drws"),
    ("cy", "fflat drws nesa ar dan a ma plant tu mewn"),
    ("cy", "sa i moyn byw dim mwy"),
    ("cy", "fydda i ddim o gwmpas fory, sori"),
    ("en", "mate got glassed outside the club"),
    ("en", "getting death threats off my ex"),
    ("en", "smoke everywhere in the stairwell and we're trapped"),
    ("en", "thinking of topping myself"),
    ("en", "i wont be around by christmas, sorted the will"),
    ("en", "burned my legs on purpose again"),
]
#: Council business in the words of those kinds, and Welsh idioms that sound like harm.
HELD_OUT_KIND_NEAR_MISSES = [
    ("cy", "lori bron a nharo i ar y gylchfan"),
    ("cy", "mae'n fy lladd i bod y llyfrgell ar gau ar ddydd sadwrn"),
    ("cy", "mae'r llythyr treth yn codi ofn arna i"),
    ("cy", "oes gan y cyngor bolisi cam-drin domestig i staff"),
    ("cy", "hyfforddiant atal hunanladdiad i hyfforddwyr chwaraeon"),
    ("cy", "dwi isio rhoi'r gorau i'r garej dan ni'n rhentu"),
    ("en", "is there suicide prevention training for youth workers"),
    ("en", "the council's domestic violence strategy for my dissertation"),
    ("en", "i'd like to give up my garage on the estate"),
    ("en", "need a gas safety certificate before the new tenants move in"),
]


@pytest.mark.parametrize(("language", "text"), HELD_OUT_KIND_DISCLOSURES)
def test_kinds_the_first_held_out_set_found_missing_are_now_caught(language: str, text: str) -> None:
    assert crisis_in(text, language)


@pytest.mark.parametrize(("language", "text"), HELD_OUT_KIND_NEAR_MISSES)
def test_idioms_and_professional_requests_raise_no_alarm(language: str, text: str) -> None:
    assert not crisis_in(text, language)
    assert not is_crisis(text, language, _prediction(SAFEGUARDING, 0.9))  # a sure classifier guess is doubted


def _prediction(intent_id: str, confidence: float) -> Prediction:
    return Prediction(intent_id, confidence, ((intent_id, confidence),))


# Homelessness tonight: housing.homeless's time-aware answer, or the crisis answer, never neither --------

ADULT_HOMELESS_TONIGHT = [
    ("en", "i've got no roof over my head tonight"),
    ("en", "been sleeping rough behind the shops all week"),
    ("en", "my landlord put me out today and i've nowhere to go"),
    ("cy", "does gen i unman i gysgu heno"),
    ("cy", "dw i'n cysgu ar y stryd ers dydd llun"),
]


@pytest.mark.parametrize(("language", "text"), ADULT_HOMELESS_TONIGHT)
def test_an_adults_homelessness_tonight_goes_to_housing_when_the_classifier_is_sure(
    language: str, text: str
) -> None:
    assert screen(text, language).homeless_tonight
    assert not crisis_in(text, language)  # the webhook keeps the intent it was matched to
    assert not is_crisis(text, language, _prediction(HOMELESS, 0.8))


@pytest.mark.parametrize(("language", "text"), ADULT_HOMELESS_TONIGHT)
def test_an_adults_homelessness_tonight_gets_the_crisis_answer_when_the_classifier_is_not_sure(
    language: str, text: str
) -> None:
    assert is_crisis(text, language, _prediction(HOMELESS, 0.3))
    assert is_crisis(text, language, _prediction("waste.collection_day", 0.9))
    assert is_crisis(text, language, _prediction("system.fallback", 0.5))


@pytest.mark.parametrize(
    ("language", "text"), [("en", "I have nowhere to live"), ("cy", "Does gen i unman i fyw")]
)
def test_the_crisis_answers_own_quick_reply_leads_on_to_housing_not_back_to_itself(
    language: str, text: str
) -> None:
    found = screen(text, language)
    assert not found.hit and not found.homeless_tonight
    assert not is_crisis(text, language, _prediction(HOMELESS, 0.7))


def test_a_word_trie_matches_its_words_and_nothing_else() -> None:
    words = ["mam", "mami", "tad", "nhad", "ngham drin", "cam drin"]
    pattern = re.compile(rf"^{word_trie(*words)}$")
    assert all(pattern.match(word) for word in words)
    assert not any(pattern.match(word) for word in ["ma", "tadd", "mamii", "cam", "drin", "nha"])


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
    text = "i dont know who to turn to about the mould in my flat"
    assert not is_crisis(text, "en", _prediction(SAFEGUARDING, 0.2))
    assert not is_crisis(text, "en", _prediction("housing.repair", 0.9))


# The learned detector: wording no pattern foresaw --------------------------------------------------

#: Disclosures in words the screen has no pattern for (each test checks that it still has none).
UNFORESEEN_DISCLOSURES = [
    ("en", "written letters to my kids for when im not around"),
    ("en", "he makes me sleep in the shed"),
    ("en", "the man upstairs keeps hurting his dog and his wife screams every night"),
    ("en", "been saving up my mums sleeping pills"),
    ("en", "my brother sells my benefits card and leaves me with nothing"),
    ("cy", "mae fy ewythr yn cyffwrdd fi pan mae mam yn gwaith"),
    ("cy", "does neb yn poeni os dw i'n diflannu am byth"),
]
#: Council business with worrying words, which neither the screen nor the detector may flag.
QUIET_NEAR_MISSES = [
    ("en", "how do i get rid of a wasps nest"),
    ("en", "the bins are a danger to kids on the pavement"),
    ("en", "i want to end my garden waste subscription"),
    ("en", "the council is killing this town with parking charges"),
    ("en", "i feel sick of waiting for my housing benefit"),
    ("en", "help i cant log in to my council tax account"),
    ("en", "a car alarm has been blaring on our street since 6am"),
    ("cy", "sut dw i'n cael gwared o nyth cacwn"),
    ("cy", "mae llwynog marw ar y ffordd"),
    ("cy", "dw i isio gorffen fy nhanysgrifiad gwastraff gardd"),
    ("cy", "mae'r biniau yn beryg i blant ar y palmant"),
]


@pytest.mark.parametrize(("language", "text"), UNFORESEEN_DISCLOSURES)
def test_the_detector_catches_a_disclosure_no_pattern_foresaw(language: str, text: str) -> None:
    assert not crisis_in(text, language)
    assert is_crisis(text, language, _prediction("system.fallback", 0.6))
    assert is_crisis(text, language, _prediction("waste.collection_day", 0.9))
    assert learned_crisis_in(text, language, "waste.collection_day")  # the webhook's decision


@pytest.mark.parametrize(
    ("language", "text"),
    QUIET_NEAR_MISSES
    + [("en", text) for text in ENGLISH_NEAR_MISSES]
    + [("cy", text) for text in WELSH_NEAR_MISSES]
    + NEW_KIND_NEAR_MISSES,
)
def test_near_misses_stay_quiet_with_the_detector(language: str, text: str) -> None:
    assert not is_crisis(text, language, _prediction("system.fallback", 0.6))
    assert not learned_crisis_in(text, language, "system.fallback")


# How the parts combine: doubtful patterns and the classifier's guess need the detector's agreement ----

#: Council business that a doubtful pattern of the screen (kinds.DOUBTFUL: "abusive", "cam drin",
#: "samaritans") matches, in a message long enough for the detector to read it otherwise.
DOUBTFUL_NEAR_MISSES = [
    ("en", "someone left abusive comments on the library facebook page, can you take them down"),
    ("cy", "roedd staff y ganolfan ailgylchu yn ddigywilydd ac yn abusive, sut dwi'n cwyno"),
]


@pytest.mark.parametrize(("language", "text"), DOUBTFUL_NEAR_MISSES)
def test_a_doubtful_screen_hit_the_detector_does_not_back_raises_no_alarm(language: str, text: str) -> None:
    found = screen(text, language)
    assert found.hit and found.doubtful  # the screen alone would still alarm
    assert crisis_in(text, language)
    assert not is_crisis(text, language, _prediction("system.fallback", 0.6))
    assert not learned_crisis_in(text, language, "system.fallback")


@pytest.mark.parametrize(("language", "text"), [("en", "honour based abuse"), ("en", "groomed online")])
def test_a_doubtful_screen_hit_in_a_short_message_counts_alone(language: str, text: str) -> None:
    assert screen(text, language).doubtful
    assert is_crisis(text, language, _prediction("system.fallback", 0.6))
    assert learned_crisis_in(text, language, "system.fallback")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "i can smell gas on the landing of our flats"),
        ("en", "ive been thinking about killing myself since the bailiffs came round"),
        ("cy", "mae car newydd daro plentyn ar y groesfan"),
    ],
)
def test_a_sure_screen_hit_counts_whatever_the_detector_says(language: str, text: str) -> None:
    found = screen(text, language)
    assert found.hit and not found.doubtful
    assert is_crisis(text, language, _prediction("waste.collection_day", 0.9))
    assert learned_crisis_in(text, language, "waste.collection_day")


def test_a_classifier_guess_the_detector_does_not_back_is_not_trusted() -> None:
    text = "i dont know who to turn to about the mould in my flat"
    found = screen(text, "en")
    assert not found.hit and not found.near_miss
    assert not is_crisis(text, "en", _prediction(SAFEGUARDING, 0.9))


def test_without_a_detector_the_screen_and_the_classifier_count_alone() -> None:
    text = "someone left abusive comments on the library facebook page, can you take them down"
    assert is_crisis(text, "fr", _prediction("system.fallback", 0.6))  # no detector to doubt the hit
    assert is_crisis("je ne sais plus quoi faire", "fr", _prediction(SAFEGUARDING, 0.8))


def test_a_sure_homelessness_answer_is_not_overridden_by_the_detector() -> None:
    text = "been saving up my mums sleeping pills"
    assert not is_crisis(text, "en", _prediction(HOMELESS, 0.8))
    assert not learned_crisis_in(text, "en", HOMELESS)
    assert learned_crisis_in("my partner hits me", "en", HOMELESS)  # a screen hit still wins


def test_a_language_without_a_detector_falls_back_to_the_screen() -> None:
    assert default_detector("fr") is None
    assert not learned_crisis_in("been saving up my mums sleeping pills", "fr")
    assert learned_crisis_in("my partner hits me", "fr")


def test_the_threshold_lets_through_at_most_the_budget_of_near_misses() -> None:
    probabilities = [i / 100 for i in range(100)]  # 100 near misses
    threshold = choose_threshold(probabilities, budget=0.015)
    assert sum(p >= threshold for p in probabilities) == 1
    assert threshold <= 0.99


def test_the_detectors_fast_scoring_agrees_with_scikit_learn() -> None:
    examples = shipped_examples("en")
    assert examples is not None and examples.regularisation is not None
    pipeline = build_model(examples.regularisation).fit(list(examples.texts), list(examples.labels))
    texts = [text for language, text in UNFORESEEN_DISCLOSURES + QUIET_NEAR_MISSES if language == "en"]
    expected = pipeline.predict_proba(texts)[:, 1]
    detector = default_detector("en")
    assert detector is not None
    assert [detector.probability(text) for text in texts] == pytest.approx(list(expected), abs=1e-9)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_shipped_labelled_examples_match_their_sets(language: str) -> None:
    shipped = shipped_examples(language)
    collected = collect_examples(REPOSITORY, language)
    assert shipped is not None and shipped.threshold is not None
    assert (shipped.disclosures, shipped.near_misses) == (
        collected.disclosures,
        collected.near_misses,
    ), "run `python -m webhook.safeguarding.detector` to collect them again"
    # The library's phrases (the negatives) change with every contribution: a snapshot of them is
    # enough, as long as none of them is a disclosure the detector must catch.
    assert not set(shipped.council_business) & set(collected.disclosures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_held_out_nlu_text_is_trained_on(language: str) -> None:
    shipped = shipped_examples(language)
    held_out = held_out_texts(REPOSITORY, language)
    assert shipped is not None and len(held_out) > 100
    assert held_out.isdisjoint(text.casefold() for text in shipped.texts)


# The labelled sets -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    #: Other answers that also count for a disclosure (housing.homeless for an adult's own
    #: homelessness tonight), as the set marks them.
    accept: tuple[str, ...] = ()


def labelled(set_name: str, language: str) -> list[Example]:
    """The labelled examples of `language` in the named set (<folder>/<language>.yaml)."""
    data = yaml.safe_load(Path(LABELLED_SETS[set_name] / f"{language}.yaml").read_text(encoding="utf-8"))
    assert data.get("language", language) == language
    return [Example(item["text"], item["label"], tuple(item.get("accept", ()))) for item in data["examples"]]


@pytest.mark.parametrize("set_name", sorted(LABELLED_SETS))
@pytest.mark.parametrize("language", ["en", "cy"])
def test_labelled_sets_are_large_balanced_and_unrepeated(set_name: str, language: str) -> None:
    examples = labelled(set_name, language)
    labels = [example.label for example in examples]
    assert len(examples) >= MIN_HELD_OUT
    assert set(labels) == {"disclosure", "near_miss"}
    assert min(labels.count("disclosure"), labels.count("near_miss")) >= 0.4 * len(examples)
    assert len({example.text for example in examples}) == len(examples)
    assert all(example.label == "disclosure" for example in examples if example.accept)


@pytest.mark.parametrize("set_name", sorted(LABELLED_SETS))
@pytest.mark.parametrize("language", ["en", "cy"])
def test_goals_every_disclosure_answered_and_few_false_alarms(
    demo_store: ModelStore, set_name: str, language: str
) -> None:
    examples = labelled(set_name, language)
    predictions = demo_store.classifier("demo", language).predict_many([e.text for e in examples])
    decided = [
        (e, is_crisis(e.text, language, p), p.intent_id) for e, p in zip(examples, predictions, strict=True)
    ]
    disclosures = [
        (e, crisis or answer in e.accept) for e, crisis, answer in decided if e.label == "disclosure"
    ]
    near_misses = [(e, crisis) for e, crisis, _ in decided if e.label == "near_miss"]
    missed = [e.text for e, answered in disclosures if not answered]
    false_alarms = [e.text for e, crisis in near_misses if crisis]
    assert 1 - len(missed) / len(disclosures) >= RECALL_GOAL, f"missed disclosures: {missed}"
    assert len(false_alarms) / len(near_misses) <= FALSE_ALARM_GOAL, f"false alarms: {false_alarms}"
