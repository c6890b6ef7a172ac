"""A fitted feature union and linear model reduced to arrays, so one message is scored in well under 5 ms.

Scoring is one sparse matrix product: the TF-IDF features of the text times the model's weights. A linear
SVM's scores become probabilities by Platt scaling (one sigmoid per intent, fitted on cross-validated
scores, as scikit-learn's CalibratedClassifierCV does), normalised to sum to one; a logistic regression's
by softmax. Two-class models are widened to two columns so both cases are one code path.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Any

import numpy as np
import scipy.sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.svm import LinearSVC


@dataclass(frozen=True)
class Calibration:
    """Platt scaling per class: p = 1 / (1 + exp(slope * score + offset)), then normalised."""

    slope: np.ndarray
    offset: np.ndarray

    def apply(self, scores: np.ndarray) -> np.ndarray:
        """Rows of class probabilities from rows of raw scores."""
        calibrated = 1 / (1 + np.exp(np.clip(self.slope * scores + self.offset, -500, 500)))
        totals = calibrated.sum(axis=1, keepdims=True)
        return calibrated / np.where(totals > 0, totals, 1)


def fit_calibration(scores: np.ndarray, gold: Sequence[str], classes: Sequence[str]) -> Calibration:
    """One sigmoid per class from scores the model gave to examples it was not trained on."""
    slopes, offsets = [], []
    for column, label in enumerate(classes):
        targets = np.array([g == label for g in gold])
        if targets.all() or not targets.any():  # nothing to contrast: a flat, uninformative sigmoid
            slopes.append(-1.0)
            offsets.append(0.0)
            continue
        sigmoid = LogisticRegression().fit(scores[:, column : column + 1], targets)
        slopes.append(-float(sigmoid.coef_[0, 0]))
        offsets.append(-float(sigmoid.intercept_[0]))
    return Calibration(np.array(slopes), np.array(offsets))


@dataclass(frozen=True)
class OneText:
    """One fitted TF-IDF vectoriser reduced to what a single message needs: its analyser, vocabulary and
    inverse document frequencies. TfidfVectorizer.transform spends most of its time on one short
    message checking its input (a few milliseconds a turn); this gives the same values in well under
    one."""

    analyse: Callable[[str], list[str]]
    vocabulary: Mapping[str, int]
    idf: np.ndarray
    offset: int  # where this vectoriser's columns start in the stacked features
    sublinear: bool

    @classmethod
    def of(cls, vectoriser: TfidfVectorizer, offset: int) -> OneText | None:
        """The vectoriser's single-message form, or None for settings it does not reproduce."""
        if vectoriser.norm != "l2" or not vectoriser.use_idf or vectoriser.binary:
            return None
        idf = np.asarray(vectoriser.idf_, dtype=float)
        return cls(vectoriser.build_analyzer(), vectoriser.vocabulary_, idf, offset, vectoriser.sublinear_tf)

    def features(self, text: str) -> tuple[list[int], np.ndarray]:
        """The message's non-zero features: stacked column numbers and their L2-normalised TF-IDF values."""
        counts = Counter(term for term in self.analyse(text) if term in self.vocabulary)
        if not counts:
            return [], np.zeros(0)
        columns = [self.vocabulary[term] for term in counts]
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
        values = (1.0 + np.log(tf) if self.sublinear else tf) * self.idf[columns]
        values /= np.sqrt(values @ values)
        return [column + self.offset for column in columns], values


@dataclass(frozen=True)
class LinearScorer:
    """Vectorisers, weights and how scores become probabilities, taken from a fitted pipeline."""

    vectorisers: tuple[TfidfVectorizer, ...]
    classes: tuple[str, ...]
    weights: np.ndarray  # features x classes
    intercept: np.ndarray
    # Set for a calibrated SVM; None means softmax (logistic regression).
    calibration: Calibration | None = None

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Raw linear scores, one row per text, columns in `classes` order."""
        features = scipy.sparse.hstack([v.transform(texts) for v in self.vectorisers]).tocsr()
        return np.asarray(features @ self.weights) + self.intercept

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """One row of class probabilities per text, columns in `classes` order."""
        return self.to_probabilities(self.scores(texts))

    def probabilities_of(self, text: str) -> np.ndarray:
        """The class probabilities of one message (a resident's turn), as `probabilities([text])[0]`
        gives them, without scikit-learn's per-call overhead."""
        return self.to_probabilities(self.scores_of(text)[np.newaxis, :])[0]

    def scores_of(self, text: str) -> np.ndarray:
        """The raw scores of one message, as `scores([text])[0]` gives them, from the vocabularies
        directly (OneText)."""
        if self._one_text is None:
            return self.scores([text])[0]
        columns: list[int] = []
        values: list[np.ndarray] = []
        for vectoriser in self._one_text:
            found, weights = vectoriser.features(text)
            columns += found
            values.append(weights)
        return np.concatenate(values) @ self.weights[columns] + self.intercept

    @cached_property
    def _one_text(self) -> tuple[OneText, ...] | None:
        offsets = np.cumsum([0] + [len(v.vocabulary_) for v in self.vectorisers])
        found = tuple(
            OneText.of(v, int(offset)) for v, offset in zip(self.vectorisers, offsets[:-1], strict=True)
        )
        return None if any(v is None for v in found) else found  # type: ignore[return-value]

    def __getstate__(self) -> dict[str, Any]:
        # The single-message tables are rebuilt on first use; a cached model file need not carry them.
        return {name: value for name, value in self.__dict__.items() if name != "_one_text"}

    def to_probabilities(self, scores: np.ndarray) -> np.ndarray:
        """Probabilities from raw scores: the calibration's sigmoids, or softmax."""
        if self.calibration is not None:
            return self.calibration.apply(scores)
        shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
        return shifted / shifted.sum(axis=1, keepdims=True)

    def calibrated(self, calibration: Calibration) -> LinearScorer:
        """The same scorer with Platt scaling."""
        return replace(self, calibration=calibration)


def compile_pipeline(pipeline: Pipeline) -> LinearScorer:
    """Reduce a fitted `features` union + `model` pipeline (see nlu.build_pipeline) to a LinearScorer.

    A LinearSVC comes out uncalibrated: give it a Calibration with `calibrated` before asking for
    probabilities.
    """
    vectorisers = tuple(transformer for _, transformer in pipeline.named_steps["features"].transformer_list)
    model = pipeline.named_steps["model"]
    if not isinstance(model, LogisticRegression | LinearSVC):
        raise TypeError(f"cannot compile a {type(model).__name__}: expected LogisticRegression or LinearSVC")
    weights, intercept = model.coef_.T, np.asarray(model.intercept_, dtype=float)
    if weights.shape[1] == 1:  # two classes: scikit-learn keeps one column, scoring the second class
        if isinstance(model, LogisticRegression):  # softmax over (0, s) is the sigmoid of s
            weights, intercept = np.hstack([np.zeros_like(weights), weights]), np.array([0.0, intercept[0]])
        else:
            weights, intercept = np.hstack([-weights, weights]), np.array([-intercept[0], intercept[0]])
    classes = tuple(str(label) for label in model.classes_)
    return LinearScorer(vectorisers, classes, np.ascontiguousarray(weights), intercept)
