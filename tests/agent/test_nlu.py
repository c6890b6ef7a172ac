"""Intent classification for the demo council, in English and Welsh, and the fallback to out-of-scope."""

from __future__ import annotations

import json
import pickle
import re

import numpy as np
import pytest

from tests.conftest import REPOSITORY
from webhook.agent.nlu import decide, score
from webhook.agent.report import load_test_set
from webhook.agent.store import ModelStore
from webhook.agent.training import FALLBACK_INTENT, training_set
from webhook.library.annotations import plain_text
from webhook.library.model import Library
from webhook.textmodels.features import NLUSettings, build_pipeline, prepare_text
from webhook.textmodels.linear import compile_pipeline

# Messages written for these tests (not taken from the training phrases or the held-out set), one or
# two per area of the library.
ENGLISH = [
    ("when do my bins get collected", "waste.collection_day"),
    ("my bin wasn't emptied this week", "waste.missed_collection"),
    ("can you take away an old wardrobe", "waste.bulky_collection"),
    ("I want to pay my council tax online", "council_tax.pay"),
    ("I live on my own, can I get a single person discount", "council_tax.discount"),
    ("there's a huge pothole on my road", "streets.pothole"),
    ("someone has dumped a mattress in the alley", "streets.flytipping"),
    ("the street light outside my house isn't working", "streets.streetlight"),
    ("how do I register to vote", "elections.register_to_vote"),
    ("I got a parking ticket", "parking.fine"),
    ("apply for a residents parking permit", "parking.permit"),
    ("my council flat has damp and mould", "housing.repair"),
    ("do I need planning permission for an extension", "planning.permission_advice"),
    ("how do I register a birth", "registration.births_deaths_marriages"),
    ("can my child get free school meals", "schools.free_meals"),
    ("what time does the library open", "libraries.services"),
    ("my neighbour plays loud music every night", "environment.noise"),
    ("I want to speak to a human being", "system.human_handoff"),
    ("thanks, bye", "system.thanks_goodbye"),
]
WELSH = [
    ("pryd mae'r biniau'n cael eu casglu", "waste.collection_day"),
    ("dw i eisiau talu treth y cyngor", "council_tax.pay"),
    ("mae twll mawr yn y ffordd", "streets.pothole"),
    ("diolch yn fawr, hwyl", "system.thanks_goodbye"),
    ("sut mae cofrestru i bleidleisio", "elections.register_to_vote"),
]
OUT_OF_SCOPE = [
    "what's the capital of france",
    "what's the best pub in town",
    "book me a table at an italian restaurant",
    "how many miles is it to the moon",
]
# Not council business, but sharing words with council services (tonight, light/flights, homework/home,
# parking, council): residents' messages like these used to be taken for homelessness, a street light,
# housing or a parking permit.
LOOKALIKES = [
    ("en", "what's on tv tonight"),
    ("en", "where can i buy cheap flights"),
    ("en", "can you help with my son's history homework"),
    ("en", "how much is the long stay car park at bristol airport"),
    ("en", "is the uk still in the council of europe"),
    ("cy", "gwesty rhad yn rhufain fis nesa"),
    ("cy", "help efo gwaith cartref hanes y mab"),
]


@pytest.mark.parametrize(("text", "intent_id"), ENGLISH)
def test_clear_english_messages_reach_their_intent(demo_store: ModelStore, text: str, intent_id: str) -> None:
    prediction = demo_store.classifier("demo", "en").predict(text)
    assert prediction.intent_id == intent_id, prediction.ranking


@pytest.mark.parametrize(("text", "intent_id"), WELSH)
def test_clear_welsh_messages_reach_their_intent(demo_store: ModelStore, text: str, intent_id: str) -> None:
    prediction = demo_store.classifier("demo", "cy").predict(text)
    assert prediction.intent_id == intent_id, prediction.ranking


@pytest.mark.parametrize("text", OUT_OF_SCOPE)
def test_messages_about_nothing_the_council_does_go_to_fallback(demo_store: ModelStore, text: str) -> None:
    prediction = demo_store.classifier("demo", "en").predict(text)
    assert prediction.intent_id == FALLBACK_INTENT, prediction.ranking


@pytest.mark.parametrize(("language", "text"), LOOKALIKES)
def test_messages_that_only_share_words_with_council_services_go_to_fallback(
    demo_store: ModelStore, language: str, text: str
) -> None:
    prediction = demo_store.classifier("demo", language).predict(text)
    assert prediction.intent_id == FALLBACK_INTENT, prediction.ranking


def test_a_prediction_ranks_the_likeliest_intents_with_probabilities(demo_store: ModelStore) -> None:
    prediction = demo_store.classifier("demo", "en").predict("report a pothole")
    scores = [score for _, score in prediction.ranking]
    assert prediction.ranking[0] == ("streets.pothole", pytest.approx(prediction.confidence, abs=1e-4))
    assert scores == sorted(scores, reverse=True) and 0 < sum(scores) <= 1.0001
    assert len(prediction.ranking) == 10  # enough for the intents of every active context to show


def test_candidates_restrict_the_answer_to_those_intents(demo_store: ModelStore) -> None:
    classifier = demo_store.classifier("demo", "en")
    free = classifier.predict("when is my bin day")
    restricted = classifier.predict("when is my bin day", candidates={"waste.missed_collection"})
    assert free.intent_id == "waste.collection_day"
    assert restricted.intent_id in ("waste.missed_collection", FALLBACK_INTENT)
    assert {intent for intent, _ in restricted.ranking} <= {"waste.missed_collection", FALLBACK_INTENT}


def test_the_threshold_was_tuned_by_cross_validation(demo_store: ModelStore, library: Library) -> None:
    classifier = demo_store.classifier("demo", "en")
    cv = classifier.cross_validation
    assert cv is not None and cv.folds == 5
    assert 0 < classifier.threshold == cv.threshold < 1
    assert cv.examples == len(training_set(library, library.councils["demo"], "en").phrases)


def test_a_below_threshold_answer_is_fallback_and_says_so() -> None:
    labels = ("streets.pothole", FALLBACK_INTENT, "waste.collection_day")
    unsure = decide(labels, [0.25, 0.35, 0.4], threshold=0.5)
    sure = decide(labels, [0.1, 0.1, 0.8], threshold=0.5)
    assert (unsure.intent_id, unsure.below_threshold, unsure.confidence) == (FALLBACK_INTENT, True, 0.35)
    assert (sure.intent_id, sure.below_threshold, sure.confidence) == ("waste.collection_day", False, 0.8)


def test_the_fallback_class_answers_only_when_it_beats_the_best_intent_by_the_margin() -> None:
    labels = ("streets.pothole", FALLBACK_INTENT, "waste.collection_day")
    near_tie = decide(labels, [0.05, 0.5, 0.45], threshold=0.2, margin=0.1)
    clear = decide(labels, [0.05, 0.7, 0.25], threshold=0.2, margin=0.1)
    near_tie_unsure = decide(labels, [0.3, 0.36, 0.34], threshold=0.35, margin=0.1)
    assert (near_tie.intent_id, near_tie.confidence) == ("waste.collection_day", 0.45)
    assert (clear.intent_id, clear.below_threshold, clear.confidence) == (FALLBACK_INTENT, False, 0.7)
    assert (near_tie_unsure.intent_id, near_tie_unsure.below_threshold) == (FALLBACK_INTENT, True)


@pytest.mark.parametrize("threshold", [0.0, 0.35, 0.5])
def test_cross_validation_scores_the_rule_the_bot_answers_by(threshold: float) -> None:
    classes = ("a.intent", FALLBACK_INTENT, "b.intent")
    rows = np.array([[0.45, 0.5, 0.05], [0.2, 0.7, 0.1], [0.3, 0.3, 0.4], [0.6, 0.1, 0.3], [0.38, 0.32, 0.3]])
    gold = ["a.intent", FALLBACK_INTENT, "b.intent", "a.intent", FALLBACK_INTENT]
    answers = [decide(classes, row, threshold, margin=0.1).intent_id for row in rows]
    right = [answer == expected for answer, expected in zip(answers, gold, strict=True)]
    accuracy, in_scope, out_of_scope = score(classes, rows, gold, threshold, margin=0.1)
    assert accuracy == pytest.approx(sum(right) / len(right))
    assert in_scope == pytest.approx(sum(right[i] for i in (0, 2, 3)) / 3)
    assert out_of_scope == pytest.approx((right[1] + right[4]) / 2)


def test_single_letters_and_lone_digits_are_not_words_to_the_model() -> None:
    words = build_pipeline(NLUSettings()).named_steps["features"].transformer_list[0][1]
    words.fit(["is there a bin day", "can u take 3 bags", "i need a new bin"])
    assert not {"a", "u", "i", "0"} & set(words.vocabulary_)
    assert {"bin", "bin day", "bags", "new bin"} <= set(words.vocabulary_)


def test_text_is_folded_so_accents_apostrophes_and_digits_do_not_matter() -> None:
    assert prepare_text("Mae'r TŶ yn AA1 1AA") == prepare_text("maer ty yn AA9 9AA") == "maer ty yn aa0 0aa"


@pytest.mark.parametrize("intents", [None, 2], ids=["every intent", "two intents"])
def test_the_fast_scorer_gives_scikit_learns_scores_and_probabilities(
    library: Library, intents: int | None
) -> None:
    phrases = training_set(library, library.councils["demo"], "cy").phrases[::3]
    kept = sorted({p.intent_id for p in phrases})[:intents]
    texts = [text for phrase in phrases if phrase.intent_id in kept for text in phrase.texts]
    labels = [phrase.intent_id for phrase in phrases if phrase.intent_id in kept for _ in phrase.texts]
    probe = ["pryd mae diwrnod bin", "twll yn y ffordd ger yr ysgol", "helo", "beth yw'r tywydd"]
    svm = build_pipeline(NLUSettings(), model="svm").fit(texts, labels)
    logistic = build_pipeline(NLUSettings(), model="logistic").fit(texts, labels)
    svm_scores = svm.decision_function(probe)
    expected_scores = svm_scores if svm_scores.ndim == 2 else np.column_stack([-svm_scores, svm_scores])
    assert np.allclose(compile_pipeline(svm).scores(probe), expected_scores, atol=1e-9)
    assert np.allclose(
        compile_pipeline(logistic).probabilities(probe), logistic.predict_proba(probe), atol=1e-9
    )


def test_one_message_is_scored_as_scikit_learn_scores_it(demo_store: ModelStore) -> None:
    """A resident's turn takes the quick single-message path; it must give the very same probabilities
    (and survive the model's trip to the cache and back)."""
    scorer = demo_store.classifier("demo", "en").scorer
    probe = ["when is my bin day", "pothole on AA1 1AA high st!!", "Tŷ'r Cyngor", "xyzzy qwrt", "", "a"]
    for text in probe:
        assert np.allclose(scorer.probabilities_of(text), scorer.probabilities([text])[0], atol=1e-12), text
    reloaded = pickle.loads(pickle.dumps(scorer))
    assert "_one_text" not in pickle.loads(pickle.dumps(scorer)).__dict__  # the tables are not stored
    assert np.allclose(reloaded.probabilities_of(probe[1]), scorer.probabilities([probe[1]])[0], atol=1e-12)


def test_a_calibrated_score_row_is_a_probability_distribution(demo_store: ModelStore) -> None:
    rows = demo_store.classifier("demo", "en").scorer.probabilities(["bin day", "passport", "xyzzy"])
    assert np.allclose(rows.sum(axis=1), 1.0) and (rows >= 0).all()


def _folded(text: str) -> str:
    return " ".join(re.findall(r"\w+", prepare_text(text, mask_digits=False)))


def test_no_training_phrase_is_copied_from_a_test_set(library: Library) -> None:
    clinc = json.loads((REPOSITORY / "bench" / "data" / "clinc150_oos.json").read_text(encoding="utf-8"))
    tests = {
        "en": [*clinc["oos_val"], *clinc["oos_test"]],
        "cy": [e.text for e in load_test_set(REPOSITORY / "tests" / "nlu" / "out_of_scope" / "cy.yaml")],
    }
    for language in ("en", "cy"):
        tests[language] += [e.text for e in load_test_set(REPOSITORY / "tests" / "nlu" / f"{language}.yaml")]
    folded = {language: {_folded(text) for text in texts} for language, texts in tests.items()}
    copied = [
        (intent.id, phrase)
        for intent in library.intents.values()
        for language, texts in intent.languages.items()
        for phrase in texts.phrases
        if _folded(plain_text(phrase)) in folded.get(language, set())
    ]
    assert not copied
