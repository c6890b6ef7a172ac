"""Trained classifiers, built on first use and cached on disk by a hash of what they were trained on.

The cache key covers the training phrases and labels, the settings, and the scikit-learn and numpy
versions, so a change to any phrase (or an upgrade) trains afresh while councils with the same phrases
share one file. Files are written atomically, so several workers building at once never read half a file.

Cache files are pickles: point the cache at a folder only this application can write.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import threading
import time
from functools import cache
from pathlib import Path

import joblib
import numpy
import sklearn

from webhook.agent.nlu import IntentClassifier, NLUSettings, train
from webhook.agent.training import TrainingSet, training_set
from webhook.library.model import Library

log = logging.getLogger(__name__)

# Bump when IntentClassifier or LinearScorer change shape, so old cache files are ignored.
MODEL_FORMAT = 1
CACHE_DIR_ENV = "NLU_CACHE_DIR"


class UnknownCouncilLanguage(LookupError):
    """No such council, or the council does not speak that language."""


def default_cache_dir(library_root: Path) -> Path:
    """`NLU_CACHE_DIR` if set, else `.cache/nlu` under the library folder (ignored by git)."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else library_root / ".cache" / "nlu"


def model_key(training: TrainingSet, settings: NLUSettings) -> str:
    """The content hash naming a model's cache file."""
    described = {
        "format": MODEL_FORMAT,
        "sklearn": sklearn.__version__,
        "numpy": numpy.__version__,
        "settings": settings.as_dict(),
        "training": training.digest(),
    }
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


def load_or_train(training: TrainingSet, settings: NLUSettings, cache_dir: Path | None) -> IntentClassifier:
    """The classifier for `training`, from `cache_dir` if a file matches its key, else trained and saved.

    A cache file that cannot be read (corrupt, or from an incompatible version) is trained over.
    """
    key = model_key(training, settings)
    path = cache_dir / f"{key}.joblib" if cache_dir else None
    if path is not None and os.path.isfile(path):  # False, not an error, for a folder it may not enter
        started = time.perf_counter()
        try:
            classifier = _read(path, key)
        except Exception as error:  # a bad cache file must never stop the bot: retrain
            log.warning("ignoring unreadable NLU cache file %s: %s", path, error)
        else:
            classifier.council, classifier.source = training.council, "cache"
            classifier.build_seconds = time.perf_counter() - started
            return classifier
    classifier = train(training, settings, key=key)
    if path is not None:
        try:
            _write(path, classifier)
        except OSError as error:  # e.g. a read-only image: serve from memory rather than fail
            _warn_unwritable(path.parent, error.strerror or str(error))
    return classifier


@cache
def _warn_unwritable(cache_dir: Path, reason: str) -> None:
    """Once per folder and reason, not once per model."""
    log.warning(
        "cannot write the NLU cache %s (%s): models are trained in memory on each start; "
        "set NLU_CACHE_DIR to a folder this user can write",
        cache_dir,
        reason,
    )


def _read(path: Path, key: str) -> IntentClassifier:
    stored = joblib.load(path)
    if not isinstance(stored, IntentClassifier) or stored.model_key != key:
        raise ValueError("the file does not hold the classifier its name promises")
    return stored


def _write(path: Path, classifier: IntentClassifier) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
    os.close(handle)
    try:
        joblib.dump(classifier, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class ModelStore:
    """One classifier per council and language, built lazily on first request; safe across threads.

    `cache_dir=None` keeps models in memory only.
    """

    def __init__(
        self, library: Library, cache_dir: Path | None = None, settings: NLUSettings | None = None
    ) -> None:
        self.library = library
        self.cache_dir = cache_dir
        self.settings = settings or NLUSettings()
        self._models: dict[tuple[str, str], IntentClassifier] = {}
        self._locks: dict[tuple[str, str], threading.Lock] = {}
        self._guard = threading.Lock()

    def classifier(self, council_slug: str, language: str) -> IntentClassifier:
        """The council's classifier for `language`; raises UnknownCouncilLanguage for a bad pair."""
        key = (council_slug, language)
        if (model := self._models.get(key)) is not None:
            return model
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one thread builds; the others wait for it rather than build the same model
            if (model := self._models.get(key)) is None:
                model = self._build(council_slug, language)
                self._models[key] = model
        return model

    def warm(self) -> list[IntentClassifier]:
        """Build (or load) every council's classifier in each of its languages, e.g. at start-up."""
        return [
            self.classifier(slug, language)
            for slug, council in sorted(self.library.councils.items())
            for language in council.languages
        ]

    def _build(self, council_slug: str, language: str) -> IntentClassifier:
        council = self.library.council(council_slug)
        if council is None:
            raise UnknownCouncilLanguage(f"no council {council_slug!r}")
        if language not in council.languages:
            raise UnknownCouncilLanguage(f"{council_slug} does not speak {language!r}")
        training = training_set(self.library, council, language, self.settings.max_variants)
        classifier = load_or_train(training, self.settings, self.cache_dir)
        log.info(
            "NLU model for %s/%s %s in %.2f s",
            council_slug,
            language,
            "loaded" if classifier.source == "cache" else "trained",
            classifier.build_seconds,
        )
        return classifier
