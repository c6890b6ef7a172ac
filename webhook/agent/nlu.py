"""Intent classification: which intent a resident's message means, or `system.fallback` for none.

One `IntentClassifier` per council and language, trained from the council's resolved training phrases
(see training.py). Features are TF-IDF word 1-2-grams and character 2-5-grams (within word boundaries,
which forgive typos such as "recylable"); the model is a multinomial logistic regression, which gives
probabilities directly. The `system.fallback` phrases train a class of their own: they are what
out-of-scope messages look like. A confidence threshold, tuned by cross-validation of the training
phrases alone (never the held-out test set), also sends anything the model is unsure of to fallback.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field
from functools import partial

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from webhook.agent.training import FALLBACK_INTENT, TrainingPhrase, TrainingSet

RANKING_SIZE = 5
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class NLUSettings:
    """Everything besides the phrases that changes the model; part of the cache key."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    # "svm": a linear SVM whose scores are calibrated into probabilities (fast to train);
    # "logistic": a multinomial logistic regression (probabilities directly, slower to train).
    model: str = "svm"
    # Inverse regularisation strength (C) of the linear model.
    regularisation: float = 1.0
    calibration_folds: int = 3
    # Digits become 0, so every postcode, date and reference number looks alike to the model.
    mask_digits: bool = True
    max_variants: int = 6
    folds: int = 5
    # In-scope accuracy (cross-validated) the threshold may cost, at most, for out-of-scope recall.
    threshold_accuracy_cost: float = 0.01
    seed: int = 0

    def as_dict(self) -> dict[str, object]:
        """The settings as plain JSON values."""
        return asdict(self)


@dataclass(frozen=True)
class Prediction:
    """The classifier's answer: the intent, its probability, and the best few intents with theirs.

    `below_threshold` is True when the best in-scope intent was not probable enough and the answer
    became `system.fallback`; `confidence` is then the model's probability of fallback itself.
    """

    intent_id: str
    confidence: float
    ranking: tuple[tuple[str, float], ...]
    below_threshold: bool = False


@dataclass(frozen=True)
class CrossValidation:
    """How the model did on training phrases it had not seen, fold by fold (variants kept together)."""

    folds: int
    examples: int
    accuracy: float
    in_scope_accuracy: float
    out_of_scope_recall: float | None
    threshold: float


def prepare_text(text: str, mask_digits: bool = True) -> str:
    """What the vectorisers see: case folded, accents and apostrophes dropped, digits masked.

    Accents go because residents type "ty" for "tŷ"; apostrophes so "didnt" and "didn't" are one word.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _APOSTROPHES.sub("", plain)
    return _DIGIT.sub("0", plain) if mask_digits else plain


def build_pipeline(settings: NLUSettings) -> Pipeline:
    """The untrained feature union and linear model."""
    prepare = partial(prepare_text, mask_digits=settings.mask_digits)
    words = TfidfVectorizer(
        preprocessor=prepare,
        ngram_range=settings.word_ngrams,
        token_pattern=r"(?u)\b\w+\b",
        sublinear_tf=True,
    )
    chars = TfidfVectorizer(
        preprocessor=prepare, analyzer="char_wb", ngram_range=settings.char_ngrams, sublinear_tf=True
    )
    model: ClassifierMixin
    if settings.model == "logistic":
        model = LogisticRegression(C=settings.regularisation, max_iter=3000)
    elif settings.model == "svm":
        svm = LinearSVC(C=settings.regularisation)
        model = CalibratedClassifierCV(svm, cv=settings.calibration_folds, ensemble=False)
    else:
        raise ValueError(f"unknown model {settings.model!r}: choose svm or logistic")
    return Pipeline([("features", FeatureUnion([("words", words), ("chars", chars)])), ("model", model)])


@dataclass
class IntentClassifier:
    """A trained classifier for one council and language, with its tuned fallback threshold."""

    council: str
    language: str
    pipeline: Pipeline
    threshold: float
    cross_validation: CrossValidation | None
    settings: NLUSettings
    training_digest: str
    intent_ids: tuple[str, ...]
    build_seconds: float = 0.0
    # How this instance came to be: "trained" now, or "cache" (loaded from disk). Not pickled meaningfully.
    source: str = field(default="trained", compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        """The classes the model chooses between (one intent may have none if it has no phrases)."""
        return tuple(str(label) for label in self.pipeline.classes_)

    def predict(self, text: str, candidates: Collection[str] | None = None) -> Prediction:
        """The intent `text` most probably means, or `system.fallback`.

        `candidates` restricts the answer to those intents (and fallback), e.g. the intents whose input
        contexts are active; their probabilities are renormalised before the threshold applies.
        """
        probabilities = self.pipeline.predict_proba([text])[0]
        return decide(self.labels, probabilities, self.threshold, candidates)


def decide(
    labels: Sequence[str],
    probabilities: Sequence[float],
    threshold: float,
    candidates: Collection[str] | None = None,
) -> Prediction:
    """Turn one row of class probabilities into a Prediction, applying the fallback threshold."""
    scores = np.asarray(probabilities, dtype=float)
    if candidates is not None:
        allowed = {*candidates, FALLBACK_INTENT}
        scores = np.where([label in allowed for label in labels], scores, 0.0)
        total = scores.sum()
        scores = scores / total if total > 0 else scores
    order = np.argsort(-scores, kind="stable")
    ranking = tuple((labels[i], round(float(scores[i]), 4)) for i in order[:RANKING_SIZE] if scores[i] > 0)
    best = int(order[0])
    fallback_score = float(scores[labels.index(FALLBACK_INTENT)]) if FALLBACK_INTENT in labels else 0.0
    if labels[best] == FALLBACK_INTENT or scores[best] <= 0:
        return Prediction(FALLBACK_INTENT, fallback_score, ranking)
    if scores[best] < threshold:
        return Prediction(FALLBACK_INTENT, fallback_score, ranking, below_threshold=True)
    return Prediction(labels[best], float(scores[best]), ranking)


def train(training: TrainingSet, settings: NLUSettings, digest: str = "") -> IntentClassifier:
    """Cross-validate to tune the threshold, then fit on every phrase. Raises ValueError with no phrases."""
    started = time.perf_counter()
    if not training.phrases:
        raise ValueError(f"{training.council} has no training phrases in {training.language!r}")
    cross_validation = cross_validate(training.phrases, settings)
    pipeline = fit(training.phrases, settings)
    return IntentClassifier(
        council=training.council,
        language=training.language,
        pipeline=pipeline,
        threshold=cross_validation.threshold if cross_validation else 0.0,
        cross_validation=cross_validation,
        settings=settings,
        training_digest=digest or training.digest(),
        intent_ids=training.intent_ids,
        build_seconds=time.perf_counter() - started,
    )


def fit(phrases: Sequence[TrainingPhrase], settings: NLUSettings) -> Pipeline:
    """Fit the pipeline on every text of `phrases`, variants included. Needs two or more intents."""
    texts = [text for phrase in phrases for text in phrase.texts]
    labels = [phrase.intent_id for phrase in phrases for _ in phrase.texts]
    if len(set(labels)) < 2:
        raise ValueError("a classifier needs training phrases for at least two intents")
    return build_pipeline(settings).fit(texts, labels)


def cross_validate(phrases: Sequence[TrainingPhrase], settings: NLUSettings) -> CrossValidation | None:
    """Stratified k-fold on the phrases as written: train on the other folds' phrases and variants,
    test on this fold's phrases. None when some intent has too few phrases to split (k < 2).
    """
    labels = [phrase.intent_id for phrase in phrases]
    folds = min(settings.folds, min(Counter(labels).values()))
    if folds < 2 or len(set(labels)) < 3:
        return None
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    classes = sorted(set(labels))
    probabilities = np.zeros((len(phrases), len(classes)))
    for train_rows, test_rows in splitter.split(np.zeros(len(labels)), labels):
        pipeline = fit([phrases[i] for i in train_rows], settings)
        fold = pipeline.predict_proba([phrases[i].text for i in test_rows])
        columns = [classes.index(str(label)) for label in pipeline.classes_]
        probabilities[np.ix_(test_rows, columns)] = fold
    threshold = tune_threshold(classes, probabilities, labels, settings.threshold_accuracy_cost)
    scores = score(classes, probabilities, labels, threshold)
    return CrossValidation(folds, len(labels), *scores, threshold=threshold)


def score(
    classes: Sequence[str], probabilities: np.ndarray, gold: Sequence[str], threshold: float
) -> tuple[float, float, float | None]:
    """Accuracy, in-scope accuracy and out-of-scope recall of probability rows at a threshold."""
    return _Outcomes(classes, probabilities, gold).at(threshold)


class _Outcomes:
    """The best class and its probability for each row, scored quickly at many thresholds."""

    def __init__(self, classes: Sequence[str], probabilities: np.ndarray, gold: Sequence[str]) -> None:
        best = np.asarray(classes)[probabilities.argmax(axis=1)]
        self.top = probabilities.max(axis=1)
        self.fallback_class = best == FALLBACK_INTENT
        self.right_intent = best == np.asarray(gold)
        self.out_of_scope = np.asarray(gold) == FALLBACK_INTENT

    def at(self, threshold: float) -> tuple[float, float, float | None]:
        fallback = self.fallback_class | (self.top < threshold)
        correct = np.where(self.out_of_scope, fallback, self.right_intent & ~fallback)
        in_scope = correct[~self.out_of_scope]
        out_of_scope = correct[self.out_of_scope]
        return (
            float(correct.mean()),
            float(in_scope.mean()) if in_scope.size else 0.0,
            float(out_of_scope.mean()) if out_of_scope.size else None,
        )


def tune_threshold(
    classes: Sequence[str], probabilities: np.ndarray, gold: Sequence[str], accuracy_cost: float
) -> float:
    """The highest threshold whose in-scope accuracy stays within `accuracy_cost` of the best.

    Residents asking real council questions matter most, so the threshold may only cost a little
    in-scope accuracy; within that allowance, the higher it is, the more out-of-scope messages (which
    look like no training phrase, so get low probabilities) go to fallback.
    """
    outcomes = _Outcomes(classes, probabilities, gold)
    candidates = sorted({0.0, *(round(float(p), 4) for p in outcomes.top)})
    in_scope = {t: outcomes.at(t)[1] for t in candidates}
    ceiling = max(in_scope.values())
    return max(t for t, accuracy in in_scope.items() if accuracy >= ceiling - accuracy_cost)
