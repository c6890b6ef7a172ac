"""The learned crisis detector: does a message read like a disclosure, in words no pattern foresaw?

The screen (screen.py) catches the wording its authors thought of; new wording of the same kinds passes
it. Beside it, one binary classifier per language (disclosure or not) is trained on every labelled
example the project has (examples.py): the disclosures and near misses of the safeguarding sets, the
crisis intent's phrases, and every other intent's phrases as ordinary council business. A dedicated
two-class model generalises better than the intent classifier, where the crisis intent is one class
among sixty.

Features are the intent classifier's (nlu.build_pipeline: TF-IDF word 1-2-grams and character
2-5-grams within word boundaries, case, accents and apostrophes folded, digits masked); the model is a
logistic regression with balanced class weights. Its strength (C) and the probability it must reach
are chosen by cross-validation on the examples (`cross_validate`), grouped so that near-duplicates
(character-trigram cosine similarity of at least GROUP_SIMILARITY) never sit on both sides of a fold:
the threshold is the lowest at which out-of-fold false alarms on near misses stay at or below
FALSE_ALARM_BUDGET, and the C is the one that then catches the most disclosures.

The detector trains on first use from the shipped examples (a second or two per language) and scores a
message as the intent classifier does, straight from the fitted vocabularies
(`LinearScorer.scores_of`): a fraction of a millisecond, several times faster than through
scikit-learn's transform.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline

from webhook.safeguarding.examples import (
    LANGUAGES,
    Examples,
    collect_examples,
    shipped_examples,
    write_examples,
)
from webhook.textmodels.features import NLUSettings, build_pipeline, prepare_text
from webhook.textmodels.linear import LinearScorer, compile_pipeline

#: The share of near misses the detector may flag, out of fold: below the goal of 2% for the whole
#: decision, so that the screen's own rare false alarms fit in beside it.
FALSE_ALARM_BUDGET = 0.015
#: The strengths of regularisation (C) cross-validation chooses between.
REGULARISATION_GRID = (3.0, 10.0, 30.0, 100.0)
#: Examples this similar (cosine of character trigrams) are near-duplicates: kept in one fold.
GROUP_SIMILARITY = 0.7
FOLDS = 5
SEED = 0
#: What the detector is trained with when the shipped file has no choice of its own recorded.
DEFAULT_REGULARISATION = 30.0


@dataclass(frozen=True)
class CrossValidated:
    """How one setting did out of fold: the threshold chosen for it and what it then catches."""

    regularisation: float
    threshold: float
    recall: float
    near_miss_false_alarms: float
    council_business_false_alarms: float
    disclosures: int
    near_misses: int
    groups: int
    #: Every example's out-of-fold probability, in `Examples.texts` order.
    probabilities: tuple[float, ...] = ()

    def summary(self) -> str:
        """One line for a person: C, threshold, recall and false alarms out of fold."""
        return (
            f"C={self.regularisation:g}, threshold {self.threshold:.3f}: out-of-fold recall"
            f" {self.recall:.1%} of {self.disclosures} disclosures, false alarms"
            f" {self.near_miss_false_alarms:.1%} of {self.near_misses} near misses and"
            f" {self.council_business_false_alarms:.1%} of council business ({self.groups} groups)"
        )


@dataclass(frozen=True)
class Detector:
    """A trained detector for one language: its two-class linear scorer (scoring one message straight
    from the vocabularies, as the intent classifier does) and the probability that counts as a crisis."""

    language: str
    scorer: LinearScorer
    threshold: float

    def probability(self, text: str) -> float:
        """How probable it is that `text` discloses a risk of harm."""
        scores = self.scorer.scores_of(text)
        log_odds = float(scores[-1] - scores[0])  # the disclosure column over the near-miss one
        return 1.0 / (1.0 + math.exp(-max(-500.0, min(500.0, log_odds))))

    def fires(self, text: str) -> bool:
        """True when `text` reaches the threshold."""
        return self.probability(text) >= self.threshold


def build_model(regularisation: float) -> Pipeline:
    """The untrained pipeline: the intent classifier's features, a class-balanced logistic regression."""
    pipeline = build_pipeline(NLUSettings(), model="logistic")
    pipeline.set_params(
        model=LogisticRegression(C=regularisation, class_weight="balanced", max_iter=3000, random_state=SEED)
    )
    return pipeline


def train(examples: Examples, regularisation: float, threshold: float) -> Detector:
    """Fit the detector on every example of one language."""
    pipeline = build_model(regularisation)
    pipeline.fit(list(examples.texts), list(examples.labels))
    return Detector(examples.language, compile_pipeline(pipeline), threshold)


def near_duplicate_groups(texts: Sequence[str], similarity: float = GROUP_SIMILARITY) -> np.ndarray:
    """A group number per text: texts linked by a chain of near-duplicates share one, so that
    cross-validation never tests a message on its own rewording."""
    vectors = TfidfVectorizer(preprocessor=prepare_text, analyzer="char_wb", ngram_range=(3, 3))
    matrix = vectors.fit_transform(texts)
    linked = (matrix @ matrix.T).tocsr()
    linked.data = (linked.data >= similarity).astype(float)
    linked.eliminate_zeros()
    return connected_components(linked, directed=False)[1]


def out_of_fold(examples: Examples, regularisation: float, groups: np.ndarray) -> np.ndarray:
    """Each example's probability from a model trained on the folds it is not in."""
    texts, labels = list(examples.texts), np.array(examples.labels)
    probabilities = np.zeros(len(texts))
    splitter = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    for train_rows, test_rows in splitter.split(texts, labels, groups):
        model = build_model(regularisation)
        model.fit([texts[i] for i in train_rows], labels[train_rows])
        scored = model.predict_proba([texts[i] for i in test_rows])
        probabilities[test_rows] = scored[:, 1]
    return probabilities


def choose_threshold(near_miss_probabilities: Sequence[float], budget: float = FALSE_ALARM_BUDGET) -> float:
    """The lowest threshold at which at most `budget` of the near misses reach it."""
    ordered = sorted(near_miss_probabilities, reverse=True)
    allowed = math.floor(budget * len(ordered))
    if allowed >= len(ordered):
        return 0.0
    return float(np.nextafter(ordered[allowed], 1.0))


def scored(
    examples: Examples, regularisation: float, probabilities: np.ndarray, groups: int
) -> CrossValidated:
    """The threshold for out-of-fold `probabilities`, and what the detector catches there."""
    disclosures = len(examples.disclosures)
    near_misses = slice(disclosures, disclosures + len(examples.near_misses))
    business = slice(near_misses.stop, None)
    threshold = choose_threshold(probabilities[near_misses])
    fired = probabilities >= threshold
    return CrossValidated(
        regularisation,
        threshold,
        float(fired[:disclosures].mean()),
        float(fired[near_misses].mean()),
        float(fired[business].mean()),
        disclosures,
        len(examples.near_misses),
        groups,
        tuple(float(p) for p in probabilities),
    )


def cross_validate(examples: Examples, grid: Sequence[float] = REGULARISATION_GRID) -> CrossValidated:
    """Grouped cross-validation of each C in `grid`: the one that catches most disclosures out of fold
    within the false-alarm budget, with its threshold."""
    groups = near_duplicate_groups(examples.texts)
    count = int(groups.max()) + 1
    results = [scored(examples, c, out_of_fold(examples, c, groups), count) for c in grid]
    return max(results, key=lambda result: (result.recall, -result.council_business_false_alarms))


_detectors: dict[str, Detector | None] = {}
_lock = threading.Lock()


def default_detector(language: str) -> Detector | None:
    """The detector for `language`, trained once per process from the shipped examples; None for a
    language without examples (or without a threshold chosen for them)."""
    if language in _detectors:
        return _detectors[language]
    with _lock:  # one thread trains; the others wait rather than train the same model
        if language not in _detectors:
            examples = shipped_examples(language)
            if examples is None or examples.threshold is None:
                _detectors[language] = None
            else:
                c = examples.regularisation or DEFAULT_REGULARISATION
                _detectors[language] = train(examples, c, examples.threshold)
    return _detectors[language]


def warm_in_background(languages: Sequence[str] = LANGUAGES) -> threading.Thread:
    """Train each language's detector in a background thread, so the first resident's turn (which
    has Dialogflow's 5 s deadline on the webhook) does not pay the second it takes; start-up does not
    wait for it either. A turn that comes sooner waits on the lock for the training under way."""
    thread = threading.Thread(
        target=lambda: [default_detector(language) for language in languages],
        name="crisis-detector-warm-up",
        daemon=True,
    )
    thread.start()
    return thread


def detected(text: str, language: str) -> bool:
    """True when the detector for `language` takes `text` for a disclosure (False for a language it
    has no detector for)."""
    detector = default_detector(language)
    probability = detected_probability(text, language)
    return detector is not None and probability is not None and probability >= detector.threshold


def detected_probability(text: str, language: str) -> float | None:
    """How probable the detector for `language` finds it that `text` discloses a risk of harm; None for
    a language it has no detector for."""
    return _probability(text, language)


def forget_detected() -> None:
    """Forget the verdicts remembered for recent messages (see screen.forget_recent_messages)."""
    _probability.cache_clear()


@lru_cache(maxsize=1024)
def _probability(text: str, language: str) -> float | None:
    # Remembered for a while, as the screen's verdicts are: a message is asked about twice in a turn.
    detector = default_detector(language)
    return None if detector is None else detector.probability(text)


def main() -> None:
    """Collect each language's examples from this checkout, choose its threshold, and ship them."""
    repository = Path(__file__).resolve().parents[2]
    for language in LANGUAGES:
        examples = collect_examples(repository, language)
        result = cross_validate(examples)
        chosen = replace(examples, threshold=result.threshold, regularisation=result.regularisation)
        path = write_examples(chosen)
        print(f"{path}: {len(examples.texts)} examples; {result.summary()}")


if __name__ == "__main__":
    main()
