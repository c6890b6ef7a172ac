"""The features a message becomes: TF-IDF word 1-2-grams and character 2-5-grams (within word boundaries,
which forgive typos such as "recylable") of its folded text, and the linear model over them. The
offline agent's intent classifier and the safeguarding detector share them, so both read a message
the same way.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import asdict, dataclass
from functools import partial

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class NLUSettings:
    """Everything besides the phrases that changes the model; part of the cache key."""

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    # "svm": a linear SVM, calibrated into probabilities (fast to train, and the best in cross-validation);
    # "logistic": a multinomial logistic regression (probabilities directly, several times slower to train).
    model: str = "svm"
    # Inverse regularisation strength (C) of the linear model.
    regularisation: float = 1.0
    # Digits become 0, so every postcode, date and reference number looks alike to the model.
    mask_digits: bool = True
    max_variants: int = 6
    folds: int = 5
    # In-scope accuracy (cross-validated) the threshold may cost, at most, for out-of-scope recall. Half a
    # point: the fallback class now catches most out-of-scope messages, and in cross-validation a dearer
    # threshold caught few more of them for the residents with council questions it turned away.
    threshold_accuracy_cost: float = 0.005
    # How much more probable than the best intent the fallback class must be to answer. A resident with a
    # real council question sent to fallback is worse off than a stray question given a council answer,
    # so a near tie goes to the intent (which must still pass the threshold).
    fallback_margin: float = 0.1
    seed: int = 0

    def as_dict(self) -> dict[str, object]:
        """The settings as plain JSON values."""
        return asdict(self)


def prepare_text(text: str, mask_digits: bool = True) -> str:
    """What the vectorisers see: case folded, accents and apostrophes dropped, digits masked.

    Accents go because residents type "ty" for "tŷ"; apostrophes so "didnt" and "didn't" are one word.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    plain = _APOSTROPHES.sub("", plain)
    return _DIGIT.sub("0", plain) if mask_digits else plain


def build_pipeline(settings: NLUSettings, model: str | None = None) -> Pipeline:
    """The untrained feature union and linear model (`model` overrides the settings' choice)."""
    prepare = partial(prepare_text, mask_digits=settings.mask_digits)
    words = TfidfVectorizer(
        preprocessor=prepare,
        ngram_range=settings.word_ngrams,
        # Words of two letters or more: a single letter ("a", "i", "u", a lone digit) says nothing about
        # the request, yet the fallback class, whose phrases have more of them, made "a" one of its
        # strongest words. The character n-grams still see them.
        token_pattern=r"(?u)\b\w\w+\b",
        sublinear_tf=True,
    )
    chars = TfidfVectorizer(
        preprocessor=prepare, analyzer="char_wb", ngram_range=settings.char_ngrams, sublinear_tf=True
    )
    kind = model or settings.model
    linear: LinearSVC | LogisticRegression
    if kind == "svm":
        linear = LinearSVC(C=settings.regularisation)
    elif kind == "logistic":
        linear = LogisticRegression(C=settings.regularisation, max_iter=3000)
    else:
        raise ValueError(f"unknown model {kind!r}: choose svm or logistic")
    return Pipeline([("features", FeatureUnion([("words", words), ("chars", chars)])), ("model", linear)])
