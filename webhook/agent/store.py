"""Trained classifiers, built on first use and cached on disk by a hash of what they were trained on.

The cache key covers the training phrases and labels, the settings, and the scikit-learn and numpy
versions, so a change to any phrase (or an upgrade) trains afresh while councils with the same phrases
share one file, and one model in memory. Files are written atomically, so several workers building at
once never read half a file.

One deployment serves every council, so memory is bounded: at most `max_in_memory` models are held,
the least recently used let go (a model reloads from disk in well under 100 ms). `build_all` (run by
`sync-intents build-models` when the image is built) trains every council's models ahead and writes an
index naming each council's model for this exact library, so a new process finds a council's model
without recomputing its training set, and no resident waits for training.

Cache files are pickles: point the cache at a folder only this application can write.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import tempfile
import threading
import time
from collections import OrderedDict
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import joblib
import numpy
import sklearn

from webhook.agent.cache_dir import CACHE_DIR_ENV, default_cache_dir
from webhook.agent.nlu import IntentClassifier, NLUSettings, train
from webhook.agent.training import TrainingSet, training_set
from webhook.library.model import Library
from webhook.library.stamp import library_fingerprint

log = logging.getLogger(__name__)

__all__ = ["CACHE_DIR_ENV", "ModelStore", "default_cache_dir", "load_or_train", "model_key"]

# Bump when IntentClassifier or LinearScorer change shape, so old cache files are ignored.
MODEL_FORMAT = 1
#: Models one process holds at most: about 15 MiB each, so a worker that has served every council stays
#: well under 1 GiB (`NLU_MODELS_IN_MEMORY`).
DEFAULT_MODELS_IN_MEMORY = 32


class UnknownCouncilLanguage(LookupError):
    """No such council, or the council does not speak that language."""


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
    classifier = load_cached(key, cache_dir)
    if classifier is not None:
        classifier.council = training.council
        return classifier
    return train_and_save(training, settings, key, cache_dir)


def load_cached(key: str, cache_dir: Path | None) -> IntentClassifier | None:
    """The cached classifier named `key`, or None (no such file, or one that cannot be read)."""
    path = cache_dir / f"{key}.joblib" if cache_dir else None
    if path is None or not os.path.isfile(path):  # False, not an error, for a folder it may not enter
        return None
    started = time.perf_counter()
    try:
        classifier = _read(path, key)
    except Exception as error:  # a bad cache file must never stop the bot: retrain
        log.warning("ignoring unreadable NLU cache file %s: %s", path, error)
        return None
    classifier.source = "cache"
    classifier.build_seconds = time.perf_counter() - started
    return classifier


def train_and_save(
    training: TrainingSet, settings: NLUSettings, key: str, cache_dir: Path | None
) -> IntentClassifier:
    """Train the classifier and keep it in `cache_dir` (if it can be written)."""
    classifier = train(training, settings, key=key)
    if cache_dir is not None:
        try:
            _write(cache_dir / f"{key}.joblib", classifier)
        except OSError as error:  # e.g. a read-only image: serve from memory rather than fail
            _warn_unwritable(cache_dir, error.strerror or str(error))
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


@dataclass(frozen=True)
class BuildSummary:
    """What `build_all` did: each council's model key by "slug/language", and how many it trained."""

    models: dict[str, str]
    trained: int
    already_built: int
    seconds: float


def library_digest(library: Library, settings: NLUSettings) -> str:
    """What a model index depends on: the library's files and this package's (by path, size and time:
    webhook/library/stamp.py, so a new process pays a few milliseconds, not a read of every file), the
    settings and the versions."""
    described = [library_fingerprint(library), MODEL_FORMAT, sklearn.__version__, numpy.__version__]
    return hashlib.sha256(json.dumps([*described, settings.as_dict()]).encode()).hexdigest()


def _index_path(cache_dir: Path, digest: str) -> Path:
    return cache_dir / f"index-{digest[:32]}.json"


class ModelStore:
    """Each council's classifier per language, shared by councils with the same training data, built or
    loaded on first request, at most `max_in_memory` held (least recently used let go); safe across
    threads. `cache_dir=None` keeps models in memory only.
    """

    def __init__(
        self,
        library: Library,
        cache_dir: Path | None = None,
        settings: NLUSettings | None = None,
        max_in_memory: int = DEFAULT_MODELS_IN_MEMORY,
    ) -> None:
        self.library = library
        self.cache_dir = cache_dir
        self.settings = settings or NLUSettings()
        self.max_in_memory = max(1, max_in_memory)
        self._models: OrderedDict[str, IntentClassifier] = OrderedDict()  # by model key, oldest first
        self._keys: dict[tuple[str, str], str] | None = None  # (council, language) -> model key
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def classifier(self, council_slug: str, language: str) -> IntentClassifier:
        """The council's classifier for `language`; raises UnknownCouncilLanguage for a bad pair."""
        key = self.model_key_for(council_slug, language)
        with self._guard:
            if (model := self._models.get(key)) is not None:
                self._models.move_to_end(key)
                return model
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one thread builds; the others wait for it rather than build the same model
            with self._guard:
                model = self._models.get(key)
            if model is None:
                model = self._build(council_slug, language, key)
                with self._guard:
                    self._models[key] = model
                    while len(self._models) > self.max_in_memory:
                        self._models.popitem(last=False)
        return model

    def held(self) -> int:
        """How many models are in memory now."""
        return len(self._models)

    def model_key_for(self, council_slug: str, language: str) -> str:
        """The key of the council's model: from the index `build_all` wrote for this library, else
        computed from its training set (remembered either way)."""
        self._check(council_slug, language)
        keys = self._known_keys()
        if (key := keys.get((council_slug, language))) is None:
            council = self.library.council(council_slug)
            assert council is not None
            training = training_set(self.library, council, language, self.settings.max_variants)
            key = keys[(council_slug, language)] = model_key(training, self.settings)
        return key

    def build_all(self, jobs: int = 1) -> BuildSummary:
        """Train every council's models that are not on disk yet, and write the index naming each
        council's model for this library; models are not kept in memory (`sync-intents build-models`).

        `jobs` > 1 trains that many models at once in worker processes (an image build with several
        CPUs); they need the cache folder to hand the models back, so without one training stays here.
        """
        started = time.perf_counter()
        models: dict[str, str] = {}
        queued: set[str] = set()
        already = 0
        with _Trainer(self, jobs if self.cache_dir is not None else 1) as trainer:
            for slug, council in sorted(self.library.councils.items()):
                for language in council.languages:
                    training = training_set(self.library, council, language, self.settings.max_variants)
                    key = model_key(training, self.settings)
                    on_disk = self.cache_dir is not None and (self.cache_dir / f"{key}.joblib").is_file()
                    if key in queued or on_disk:  # shared with a council before, or built before
                        already += 1
                    else:
                        queued.add(key)
                        trainer.train(training, key)
                    models[f"{slug}/{language}"] = key
        if self.cache_dir is not None:
            index = {"library": library_digest(self.library, self.settings), "models": models}
            path = _index_path(self.cache_dir, index["library"])
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(index, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        with self._guard:
            self._keys = {tuple(name.split("/", 1)): key for name, key in models.items()}  # type: ignore[misc]
        return BuildSummary(models, len(queued), already, time.perf_counter() - started)

    def is_built(self) -> bool:
        """Whether every council's model is on disk under an index for this library (nothing to train)."""
        if self.cache_dir is None:
            return False
        keys = self._known_keys()
        expected = {(slug, language) for slug, c in self.library.councils.items() for language in c.languages}
        return expected <= set(keys) and all(
            (self.cache_dir / f"{keys[pair]}.joblib").is_file() for pair in expected
        )

    def warm(self) -> list[IntentClassifier]:
        """Build (or load) every council's classifier in each of its languages (at most `max_in_memory`
        stay held)."""
        return [
            self.classifier(slug, language)
            for slug, council in sorted(self.library.councils.items())
            for language in council.languages
        ]

    def _known_keys(self) -> dict[tuple[str, str], str]:
        if self._keys is None:
            keys: dict[tuple[str, str], str] = {}
            if self.cache_dir is not None:
                path = _index_path(self.cache_dir, library_digest(self.library, self.settings))
                try:
                    index = json.loads(path.read_text(encoding="utf-8"))
                    keys = {tuple(name.split("/", 1)): str(key) for name, key in index["models"].items()}  # type: ignore[misc]
                except (OSError, ValueError, KeyError, AttributeError):
                    keys = {}  # no index for this library (not built ahead): computed as needed
            with self._guard:
                if self._keys is None:
                    self._keys = keys
        return self._keys

    def _check(self, council_slug: str, language: str) -> None:
        council = self.library.council(council_slug)
        if council is None:
            raise UnknownCouncilLanguage(f"no council {council_slug!r}")
        if language not in council.languages:
            raise UnknownCouncilLanguage(f"{council_slug} does not speak {language!r}")

    def _build(self, council_slug: str, language: str, key: str) -> IntentClassifier:
        classifier = load_cached(key, self.cache_dir)
        if classifier is None:
            council = self.library.council(council_slug)
            assert council is not None
            training = training_set(self.library, council, language, self.settings.max_variants)
            key = model_key(training, self.settings)  # the index may be stale: trust the training set
            classifier = train_and_save(training, self.settings, key, self.cache_dir)
        classifier.council = council_slug
        log.info(
            "NLU model for %s/%s %s in %.2f s",
            council_slug,
            language,
            "loaded" if classifier.source == "cache" else "trained",
            classifier.build_seconds,
        )
        return classifier


class _Trainer:
    """Trains models for `ModelStore.build_all`: here, one at a time under the model's lock (a resident's
    turn asking for it meanwhile waits, then loads it), or in `jobs` worker processes that write them to
    the cache folder. At most two per worker are queued, so the training sets of hundreds of councils
    are never all in memory at once. Leaving the `with` block waits for every model."""

    def __init__(self, store: ModelStore, jobs: int) -> None:
        self.store = store
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None  # started by the first model to train, if any
        self.pending: set[Future[None]] = set()

    def __enter__(self) -> _Trainer:
        return self

    def train(self, training: TrainingSet, key: str) -> None:
        """Train one model (or queue it, waiting while the workers are full)."""
        store = self.store
        if self.jobs <= 1:
            with store._guard:
                lock = store._locks.setdefault(key, threading.Lock())
            with lock:
                train_and_save(training, store.settings, key, store.cache_dir)
            return
        if self.pool is None:  # spawned, not forked: the caller may hold threads and locks
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("spawn"))
        while len(self.pending) >= 2 * self.jobs:
            done, self.pending = wait(self.pending, return_when=FIRST_COMPLETED)
            for future in done:
                future.result()  # a worker's failure stops the build with its own error
        self.pending.add(self.pool.submit(_train_to_disk, training, store.settings, key, store.cache_dir))

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is None:
            return
        try:
            for future in self.pending:
                if exc_info[0] is None:
                    future.result()
        finally:
            self.pool.shutdown(cancel_futures=True)


def _train_to_disk(training: TrainingSet, settings: NLUSettings, key: str, cache_dir: Path | None) -> None:
    """(Worker process) train one model into the cache folder; the model itself is not sent back."""
    train_and_save(training, settings, key, cache_dir)
