"""Intent classification for the demo council, in English and Welsh, and the fallback to out-of-scope."""

from __future__ import annotations

import numpy as np
import pytest

from webhook.agent.linear import compile_pipeline
from webhook.agent.nlu import NLUSettings, build_pipeline, decide, prepare_text
from webhook.agent.store import ModelStore
from webhook.agent.training import FALLBACK_INTENT, training_set
from webhook.library.model import Library

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


def test_a_prediction_ranks_the_likeliest_intents_with_probabilities(demo_store: ModelStore) -> None:
    prediction = demo_store.classifier("demo", "en").predict("report a pothole")
    scores = [score for _, score in prediction.ranking]
    assert prediction.ranking[0] == ("streets.pothole", pytest.approx(prediction.confidence, abs=1e-4))
    assert scores == sorted(scores, reverse=True) and 0 < sum(scores) <= 1.0001
    assert len(prediction.ranking) == 5


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


def test_a_calibrated_score_row_is_a_probability_distribution(demo_store: ModelStore) -> None:
    rows = demo_store.classifier("demo", "en").scorer.probabilities(["bin day", "passport", "xyzzy"])
    assert np.allclose(rows.sum(axis=1), 1.0) and (rows >= 0).all()
