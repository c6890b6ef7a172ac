"""What a change does to understanding: both revisions' classifiers on the same test utterances.

For each council and language whose training data changed, the classifier of each revision is built
(or loaded from the model cache; councils with the same phrases share one model) and both classify the
same utterances: the held-out test set (tests/nlu/<language>.yaml) and the turns of the scripted
conversations that start something new (their expected intent needs no context). Councils and languages
whose training data is unchanged are not retrained: their classifier is the same model.

Models are built two at a time in worker processes (the machine this runs on in CI has two CPUs).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from webhook.agent.conversations import ScriptError, load_scripts
from webhook.agent.nlu import IntentClassifier, NLUSettings
from webhook.agent.report import HeldOutExample, HeldOutSetError, load_test_set
from webhook.agent.store import load_or_train, model_key
from webhook.agent.training import FALLBACK_INTENT, TrainingSet, offered_intents, training_set
from webhook.library.model import Library

HELD_OUT = "held-out test set"
CONVERSATIONS = "conversation turns"
WORKERS = 2


@dataclass(frozen=True)
class Yardsticks:
    """Where the test utterances are read from (the working tree's, for both revisions)."""

    test_sets: Path
    conversations: Path | None = None


@dataclass(frozen=True)
class IntentShift:
    """An intent whose test utterances are understood more (a gain) or less (a loss) often."""

    intent: str
    examples: int
    right_before: int
    right_after: int


@dataclass(frozen=True)
class Confusion:
    """Test utterances of `expected` that go to `predicted` more often than before."""

    expected: str
    predicted: str
    before: int
    after: int


@dataclass(frozen=True)
class Measure:
    """Both revisions on one set of test utterances; accuracies are fractions from 0 to 1."""

    source: str
    examples: int
    accuracy_before: float
    accuracy_after: float
    shifts: tuple[IntentShift, ...]
    confusions: tuple[Confusion, ...]

    @property
    def change(self) -> float:
        """Accuracy after minus before (negative: understanding fell)."""
        return self.accuracy_after - self.accuracy_before


@dataclass(frozen=True)
class UnderstandingChange:
    """Understanding for one council and language: retrained and measured, or unchanged and why."""

    council: str
    language: str
    retrained: bool
    note: str = ""
    measures: tuple[Measure, ...] = ()

    @property
    def worst_drop(self) -> float:
        """The largest fall in accuracy over the measures (0 when none fell)."""
        return max((-m.change for m in self.measures), default=0.0)


@dataclass(frozen=True)
class _Job:
    council: str
    language: str
    base: TrainingSet | None
    head: TrainingSet | None


def compare_understanding(
    base: Library,
    head: Library,
    pairs: Sequence[tuple[str, str]],
    yardsticks: Yardsticks,
    *,
    cache_dir: Path | None,
    renames: Mapping[str, str] | None = None,
    settings: NLUSettings | None = None,
) -> list[UnderstandingChange]:
    """For each (council, language): retrain both revisions if its training data changed, and compare
    them on the yardsticks. `renames` maps an intent's old id to its new one, so a renamed intent's
    utterances count as understood by either revision."""
    settings = settings or NLUSettings()
    jobs: list[_Job] = []
    results: list[UnderstandingChange] = []
    for slug, language in pairs:
        job = _job(base, head, slug, language, settings)
        if job.base is None or job.head is None:
            which = "base" if job.base is None else "head"
            results.append(UnderstandingChange(slug, language, False, f"not in the {which} revision"))
        elif job.base.digest() == job.head.digest():
            results.append(
                UnderstandingChange(slug, language, False, "training data unchanged: not retrained")
            )
        else:
            jobs.append(job)
    models = build_models(
        [ts for job in jobs for ts in (job.base, job.head) if ts is not None], settings, cache_dir
    )
    for job in jobs:
        assert job.base is not None and job.head is not None
        before = models[model_key(job.base, settings)]
        after = models[model_key(job.head, settings)]
        measures = tuple(
            _measure(source, examples, before, after, renames or {})
            for source, examples in _yardsticks(head, job.council, job.language, yardsticks)
            if examples
        )
        note = "" if measures else "no test utterances for the intents it offers"
        results.append(UnderstandingChange(job.council, job.language, True, note, measures))
    order = {pair: n for n, pair in enumerate(pairs)}
    return sorted(results, key=lambda r: order[(r.council, r.language)])


def _job(base: Library, head: Library, slug: str, language: str, settings: NLUSettings) -> _Job:
    def training(library: Library) -> TrainingSet | None:
        council = library.council(slug)
        if council is None or language not in council.languages:
            return None
        return training_set(library, council, language, settings.max_variants)

    return _Job(slug, language, training(base), training(head))


def build_models(
    trainings: Sequence[TrainingSet], settings: NLUSettings, cache_dir: Path | None
) -> dict[str, IntentClassifier]:
    """One classifier per distinct training set (by model key), built or loaded from `cache_dir`;
    several are built at once in worker processes."""
    distinct = {model_key(ts, settings): ts for ts in trainings}
    if len(distinct) <= 1:
        return {key: load_or_train(ts, settings, cache_dir) for key, ts in distinct.items()}
    # The largest first, so the two workers finish close together.
    ordered = sorted(distinct.items(), key=lambda item: -sum(len(p.texts) for p in item[1].phrases))
    with ProcessPoolExecutor(max_workers=min(WORKERS, len(ordered))) as pool:
        futures = {key: pool.submit(load_or_train, ts, settings, cache_dir) for key, ts in ordered}
        return {key: future.result() for key, future in futures.items()}


def _yardsticks(
    library: Library, slug: str, language: str, yardsticks: Yardsticks
) -> list[tuple[str, list[HeldOutExample]]]:
    council = library.councils[slug]
    offered = {intent.id for intent in offered_intents(library, council, language)} | {FALLBACK_INTENT}
    found: list[tuple[str, list[HeldOutExample]]] = []
    test_set = yardsticks.test_sets / f"{language}.yaml"
    if test_set.is_file():
        held_out = [e for e in load_test_set(test_set) if e.intent in offered]
        found.append((f"{HELD_OUT} ({test_set.name})", held_out))
    if yardsticks.conversations is not None and yardsticks.conversations.is_dir():
        found.append(
            (CONVERSATIONS, conversation_examples(library, slug, language, yardsticks.conversations))
        )
    return found


def conversation_examples(library: Library, slug: str, language: str, folder: Path) -> list[HeldOutExample]:
    """The turns of the council's scripts in `language` that expect an intent needing no context: what
    a resident says to start something, which the classifier alone decides."""
    council = library.councils[slug]
    try:
        scripts = load_scripts(folder, slug)
    except ScriptError as error:
        raise HeldOutSetError(str(error)) from error
    examples = []
    for script in scripts:
        for step in script.steps:
            expected = step.expect.get("intent")
            intent = library.intents.get(expected) if isinstance(expected, str) else None
            spoken = step.expect.get("language") or script.language or council.languages[0]
            if (
                step.say
                and intent is not None
                and spoken == language
                and council.offers(intent.id)
                and not intent.input_contexts
            ):
                examples.append(HeldOutExample(step.say, intent.id))
    return examples


def _measure(
    source: str,
    examples: Sequence[HeldOutExample],
    before: IntentClassifier,
    after: IntentClassifier,
    renames: Mapping[str, str],
) -> Measure:
    texts = [e.text for e in examples]
    gold = [e.intent for e in examples]
    old = [renames.get(p.intent_id, p.intent_id) for p in before.predict_many(texts)]
    new = [p.intent_id for p in after.predict_many(texts)]
    right_old = Counter(g for g, p in zip(gold, old, strict=True) if g == p)
    right_new = Counter(g for g, p in zip(gold, new, strict=True) if g == p)
    support = Counter(gold)
    shifts = tuple(
        IntentShift(intent, support[intent], right_old[intent], right_new[intent])
        for intent in sorted(support)
        if right_old[intent] != right_new[intent]
    )
    wrong_old = Counter((g, p) for g, p in zip(gold, old, strict=True) if g != p)
    wrong_new = Counter((g, p) for g, p in zip(gold, new, strict=True) if g != p)
    grown = sorted(
        (pair for pair in wrong_new if wrong_new[pair] > wrong_old[pair]),
        key=lambda pair: (-(wrong_new[pair] - wrong_old[pair]), pair),
    )
    return Measure(
        source,
        len(examples),
        sum(right_old.values()) / len(examples),
        sum(right_new.values()) / len(examples),
        shifts,
        tuple(Confusion(g, p, wrong_old[(g, p)], wrong_new[(g, p)]) for g, p in grown),
    )
