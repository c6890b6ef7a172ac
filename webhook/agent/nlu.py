"""Intent classification: which intent a resident's message means, or `system.fallback` for none.

One `IntentClassifier` per council and language, trained from the council's resolved training phrases
(see training.py). Features are TF-IDF word 1-2-grams and character 2-5-grams (within word boundaries,
which forgive typos such as "recylable"); the model is a linear SVM whose scores are turned into
probabilities by Platt scaling fitted on cross-validated scores (a calibrated LinearSVC; logistic
regression is the alternative setting). The `system.fallback` phrases train a class of their own: they
are what out-of-scope messages look like. A confidence threshold, tuned on the same cross-validation of
the training phrases (never on the held-out test set), also sends anything the model is unsure of to
fallback. The fallback class is by far the largest (hundreds of everyday requests that are not council
business), so it answers only when it beats the best intent by a margin: on thin evidence it would
otherwise win by its size alone.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.model_selection import StratifiedKFold

from webhook.agent.training import FALLBACK_INTENT, TrainingPhrase, TrainingSet
from webhook.textmodels.features import NLUSettings, build_pipeline
from webhook.textmodels.linear import LinearScorer, compile_pipeline, fit_calibration

RANKING_SIZE = 10


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


@dataclass
class IntentClassifier:
    """A trained classifier for one council and language, with its tuned fallback threshold."""

    council: str
    language: str
    scorer: LinearScorer
    threshold: float
    cross_validation: CrossValidation | None
    settings: NLUSettings
    model_key: str
    intent_ids: tuple[str, ...]
    build_seconds: float = 0.0
    # How this instance came to be: "trained" just now, or "cache" (loaded from disk; set on loading).
    source: str = field(default="trained", compare=False)

    @property
    def labels(self) -> tuple[str, ...]:
        """The classes the model chooses between (one intent may have none if it has no phrases)."""
        return self.scorer.classes

    def predict(self, text: str, candidates: Collection[str] | None = None) -> Prediction:
        """The intent `text` most probably means, or `system.fallback`.

        `candidates` restricts the answer to those intents (and fallback), e.g. the intents whose input
        contexts are active; their probabilities are renormalised before the threshold applies.
        """
        probabilities = self.scorer.probabilities_of(text)
        return decide(self.labels, probabilities, self.threshold, candidates, self.settings.fallback_margin)

    def predict_many(self, texts: Sequence[str]) -> list[Prediction]:
        """Predict several texts at once (faster than one by one)."""
        rows = self.scorer.probabilities(texts) if texts else []
        margin = self.settings.fallback_margin
        return [decide(self.labels, row, self.threshold, margin=margin) for row in rows]


def decide(
    labels: Sequence[str],
    probabilities: Sequence[float],
    threshold: float,
    candidates: Collection[str] | None = None,
    margin: float = 0.0,
) -> Prediction:
    """Turn one row of class probabilities into a Prediction.

    The fallback class answers when it is more probable than the best intent by more than `margin`;
    otherwise the best intent answers if its probability reaches `threshold`, and fallback if not.
    """
    scores = np.asarray(probabilities, dtype=float)
    if candidates is not None:
        allowed = {*candidates, FALLBACK_INTENT}
        scores = np.where([label in allowed for label in labels], scores, 0.0)
        total = scores.sum()
        scores = scores / total if total > 0 else scores
    order = np.argsort(-scores, kind="stable")
    ranking = tuple((labels[i], round(float(scores[i]), 4)) for i in order[:RANKING_SIZE] if scores[i] > 0)
    best = next((int(i) for i in order if labels[i] != FALLBACK_INTENT), None)
    fallback_score = float(scores[labels.index(FALLBACK_INTENT)]) if FALLBACK_INTENT in labels else 0.0
    if best is None or scores[best] <= 0 or fallback_score - scores[best] > margin:
        return Prediction(FALLBACK_INTENT, fallback_score, ranking)
    if scores[best] < threshold:
        return Prediction(FALLBACK_INTENT, fallback_score, ranking, below_threshold=True)
    return Prediction(labels[best], float(scores[best]), ranking)


def train(training: TrainingSet, settings: NLUSettings, key: str = "") -> IntentClassifier:
    """Cross-validate (to calibrate the SVM and tune the threshold), then fit on every phrase.

    With too few phrases to cross-validate (under two per intent), a logistic regression is fitted and
    no threshold applies. Raises ValueError when fewer than two intents have phrases.
    """
    started = time.perf_counter()
    phrases = training.phrases
    gold = [phrase.intent_id for phrase in phrases]
    out_of_fold = out_of_fold_scores(phrases, settings)
    model = settings.model if out_of_fold is not None else "logistic"
    scorer = fit(phrases, settings, model)
    cross_validation = None
    if out_of_fold is not None:
        folds, scores = out_of_fold
        if model == "svm":
            scorer = scorer.calibrated(fit_calibration(scores, gold, scorer.classes))
        probabilities = scorer.to_probabilities(scores)
        margin = settings.fallback_margin
        threshold = tune_threshold(
            scorer.classes, probabilities, gold, settings.threshold_accuracy_cost, margin
        )
        accuracy = score(scorer.classes, probabilities, gold, threshold, margin)
        cross_validation = CrossValidation(folds, len(gold), *accuracy, threshold=threshold)
    return IntentClassifier(
        council=training.council,
        language=training.language,
        scorer=scorer,
        threshold=cross_validation.threshold if cross_validation else 0.0,
        cross_validation=cross_validation,
        settings=settings,
        model_key=key or training.digest(),
        intent_ids=training.intent_ids,
        build_seconds=time.perf_counter() - started,
    )


def fit(phrases: Sequence[TrainingPhrase], settings: NLUSettings, model: str | None = None) -> LinearScorer:
    """Fit on every text of `phrases`, variants included (an SVM comes out uncalibrated)."""
    texts = [text for phrase in phrases for text in phrase.texts]
    labels = [phrase.intent_id for phrase in phrases for _ in phrase.texts]
    if len(set(labels)) < 2:
        raise ValueError("a classifier needs training phrases for at least two intents")
    return compile_pipeline(build_pipeline(settings, model).fit(texts, labels))


def out_of_fold_scores(
    phrases: Sequence[TrainingPhrase], settings: NLUSettings
) -> tuple[int, np.ndarray] | None:
    """Stratified k-fold over the phrases as written: each fold's phrases are scored by a model trained
    on the other folds' phrases and their variants (never on their own variants). Returns the number of
    folds and the raw scores, columns in sorted intent order; None when some intent has fewer than two
    phrases or there are fewer than three intents.
    """
    labels = [phrase.intent_id for phrase in phrases]
    folds = min(settings.folds, min(Counter(labels).values(), default=0))
    if folds < 2 or len(set(labels)) < 3:
        return None
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=settings.seed)
    classes = sorted(set(labels))
    scores = np.zeros((len(phrases), len(classes)))
    for train_rows, test_rows in splitter.split(np.zeros(len(labels)), labels):
        scorer = fit([phrases[i] for i in train_rows], settings)
        columns = [classes.index(label) for label in scorer.classes]
        scores[np.ix_(test_rows, columns)] = scorer.scores([phrases[i].text for i in test_rows])
    return folds, scores


def score(
    classes: Sequence[str],
    probabilities: np.ndarray,
    gold: Sequence[str],
    threshold: float,
    margin: float = 0.0,
) -> tuple[float, float, float | None]:
    """Accuracy, in-scope accuracy and out-of-scope recall of probability rows at a threshold."""
    return _Outcomes(classes, probabilities, gold, margin).at(threshold)


class _Outcomes:
    """For each row the best intent, its probability and whether the fallback class wins, as `decide`
    chooses; scored quickly at many thresholds."""

    def __init__(
        self, classes: Sequence[str], probabilities: np.ndarray, gold: Sequence[str], margin: float = 0.0
    ) -> None:
        labels = np.asarray(classes)
        intents = labels != FALLBACK_INTENT
        in_scope = probabilities[:, intents]
        self.top = in_scope.max(axis=1)
        fallback = probabilities[:, ~intents].max(axis=1) if (~intents).any() else np.zeros(len(gold))
        self.fallback_class = fallback - self.top > margin
        self.right_intent = labels[intents][in_scope.argmax(axis=1)] == np.asarray(gold)
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
    classes: Sequence[str],
    probabilities: np.ndarray,
    gold: Sequence[str],
    accuracy_cost: float,
    margin: float = 0.0,
) -> float:
    """The highest threshold whose in-scope accuracy stays within `accuracy_cost` of the best.

    Residents asking real council questions matter most, so the threshold may only cost a little
    in-scope accuracy; within that allowance, the higher it is, the more out-of-scope messages (which
    look like no training phrase, so get low probabilities) go to fallback.
    """
    outcomes = _Outcomes(classes, probabilities, gold, margin)
    candidates = sorted({0.0, *(round(float(p), 4) for p in outcomes.top)})
    in_scope = {t: outcomes.at(t)[1] for t in candidates}
    ceiling = max(in_scope.values())
    return max(t for t, accuracy in in_scope.items() if accuracy >= ceiling - accuracy_cost)
