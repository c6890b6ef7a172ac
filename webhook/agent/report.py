"""The NLU report: how well a council's classifier does on the held-out test set and in cross-validation.

The held-out set (tests/nlu/<language>.yaml, `examples: [{text, intent}]`) was written without looking
at the training phrases. Examples whose intent the council does not offer are skipped. Nothing here tunes
anything: the threshold was fixed by cross-validation of the training phrases when the model was built.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml
from sklearn.metrics import precision_recall_fscore_support

from webhook.agent.nlu import CrossValidation, IntentClassifier, NLUSettings
from webhook.agent.store import ModelStore
from webhook.agent.training import FALLBACK_INTENT, offered_intents
from webhook.library.model import Library

#: The issue's goals on the held-out set (demo council, English).
IN_SCOPE_GOAL = 0.90
OUT_OF_SCOPE_GOAL = 0.60
CONFUSED_PAIRS = 10


class HeldOutSetError(ValueError):
    """A test set file that is missing or not `examples: [{text, intent}]`."""


@dataclass(frozen=True)
class HeldOutExample:
    text: str
    intent: str


@dataclass(frozen=True)
class IntentScores:
    intent: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class ConfusedPair:
    expected: str
    predicted: str
    count: int


@dataclass(frozen=True)
class NLUReport:
    """Figures for one council and language; rates are fractions from 0 to 1."""

    council: str
    language: str
    examples: int
    skipped: int
    accuracy: float
    in_scope_accuracy: float
    out_of_scope_recall: float | None
    threshold: float
    fallback_margin: float
    per_intent: tuple[IntentScores, ...]
    confused: tuple[ConfusedPair, ...]
    cross_validation: CrossValidation | None
    build_seconds: float
    model_source: str

    @property
    def goals_met(self) -> bool:
        """In-scope accuracy and out-of-scope recall both reach the issue's goals."""
        recall = self.out_of_scope_recall
        return self.in_scope_accuracy >= IN_SCOPE_GOAL and recall is not None and recall >= OUT_OF_SCOPE_GOAL


def default_test_set(library_root: Path, language: str) -> Path:
    """tests/nlu/<language>.yaml under the library folder."""
    return library_root / "tests" / "nlu" / f"{language}.yaml"


def load_test_set(path: Path) -> list[HeldOutExample]:
    """The examples of a test set file; raises HeldOutSetError naming the file and the bad entry."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise HeldOutSetError(f"{path}: cannot read the test set: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise HeldOutSetError(f"{path}: not valid YAML: {error}") from error
    examples = data.get("examples") if isinstance(data, dict) else None
    if not isinstance(examples, list):
        raise HeldOutSetError(f"{path}: expected a mapping with an `examples` list")
    loaded = []
    for index, example in enumerate(examples):
        if not (
            isinstance(example, dict)
            and isinstance(example.get("text"), str)
            and isinstance(example.get("intent"), str)
        ):
            raise HeldOutSetError(
                f"{path}: examples[{index}] must have a `text` and an `intent`, both strings"
            )
        loaded.append(HeldOutExample(example["text"], example["intent"]))
    return loaded


def build_report(
    classifier: IntentClassifier, examples: Sequence[HeldOutExample], offered: set[str]
) -> NLUReport:
    """Classify every example whose intent is in `offered` (fallback always counts) and score them."""
    kept = [e for e in examples if e.intent in offered or e.intent == FALLBACK_INTENT]
    if not kept:
        raise HeldOutSetError(f"no test example names an intent {classifier.council} offers")
    gold = [e.intent for e in kept]
    predicted = [p.intent_id for p in classifier.predict_many([e.text for e in kept])]
    right = [g == p for g, p in zip(gold, predicted, strict=True)]
    in_scope = [r for r, g in zip(right, gold, strict=True) if g != FALLBACK_INTENT]
    out_of_scope = [r for r, g in zip(right, gold, strict=True) if g == FALLBACK_INTENT]
    return NLUReport(
        council=classifier.council,
        language=classifier.language,
        examples=len(kept),
        skipped=len(examples) - len(kept),
        accuracy=sum(right) / len(right),
        in_scope_accuracy=sum(in_scope) / len(in_scope) if in_scope else 0.0,
        out_of_scope_recall=sum(out_of_scope) / len(out_of_scope) if out_of_scope else None,
        threshold=classifier.threshold,
        fallback_margin=classifier.settings.fallback_margin,
        per_intent=per_intent_scores(gold, predicted),
        confused=confused_pairs(gold, predicted),
        cross_validation=classifier.cross_validation,
        build_seconds=classifier.build_seconds,
        model_source=classifier.source,
    )


def per_intent_scores(gold: Sequence[str], predicted: Sequence[str]) -> tuple[IntentScores, ...]:
    """Precision, recall and F1 of every intent that is expected or predicted, by intent id."""
    labels = sorted({*gold, *predicted})
    precision, recall, f1, support = precision_recall_fscore_support(
        gold, predicted, labels=labels, zero_division=0
    )
    return tuple(
        IntentScores(label, float(p), float(r), float(f), int(s))
        for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
    )


def confused_pairs(gold: Sequence[str], predicted: Sequence[str]) -> tuple[ConfusedPair, ...]:
    """The most frequent (expected, predicted) mistakes, most frequent first."""
    mistakes = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    ordered = sorted(mistakes.items(), key=lambda item: (-item[1], item[0]))
    return tuple(ConfusedPair(g, p, n) for (g, p), n in ordered[:CONFUSED_PAIRS])


def as_json(report: NLUReport) -> dict[str, Any]:
    """The report as plain JSON values."""
    data = asdict(report)
    data["goals"] = {
        "in_scope_accuracy": IN_SCOPE_GOAL,
        "out_of_scope_recall": OUT_OF_SCOPE_GOAL,
        "met": report.goals_met,
    }
    return data


def format_text(report: NLUReport) -> list[str]:
    """The report as lines for a terminal."""
    source = "loaded from cache" if report.model_source == "cache" else "trained"
    lines = [
        f"NLU report for {report.council} ({report.language}): {report.examples} held-out examples"
        f" ({report.skipped} skipped), model {source} in {report.build_seconds:.2f} s",
        f"  accuracy              {_percent(report.accuracy)}",
        f"  in-scope accuracy     {_percent(report.in_scope_accuracy)}"
        f"  (goal {_percent(IN_SCOPE_GOAL, 0)}: {_met(report.in_scope_accuracy >= IN_SCOPE_GOAL)})",
        f"  out-of-scope recall   {_percent(report.out_of_scope_recall)}"
        f"  (goal {_percent(OUT_OF_SCOPE_GOAL, 0)}: "
        f"{_met((report.out_of_scope_recall or 0) >= OUT_OF_SCOPE_GOAL)})",
        f"  fallback threshold    {report.threshold:.3f} (tuned by cross-validation of the training phrases)",
        f"  fallback margin       {report.fallback_margin:.3f} (how much more probable than the best intent"
        " the fallback class must be to answer)",
    ]
    cv = report.cross_validation
    if cv is None:
        lines.append("Cross-validation: too few phrases per intent to split")
    else:
        lines.append(
            f"Cross-validation ({cv.folds} folds, {cv.examples} training phrases): accuracy "
            f"{_percent(cv.accuracy)}, in-scope {_percent(cv.in_scope_accuracy)}, "
            f"out-of-scope recall {_percent(cv.out_of_scope_recall)}"
        )
    width = max(len(s.intent) for s in report.per_intent)
    lines.append(f"Per intent:\n  {'intent':{width}}  precision  recall     f1  support")
    for s in report.per_intent:
        lines.append(
            f"  {s.intent:{width}}  {_percent(s.precision):>9}  {_percent(s.recall):>6}"
            f"  {_percent(s.f1):>6}  {s.support:7d}"
        )
    lines.append("Most confused (expected -> predicted):")
    lines += [f"  {p.count:3d}  {p.expected} -> {p.predicted}" for p in report.confused] or ["  none"]
    return lines


def _percent(value: float | None, decimals: int = 1) -> str:
    return "n/a" if value is None else f"{value * 100:.{decimals}f}%"


def _met(met: bool) -> str:
    return "met" if met else "NOT MET"


def council_report(
    library: Library,
    council_slug: str,
    language: str,
    *,
    cache_dir: Path | None,
    test_set: Path | None = None,
    settings: NLUSettings | None = None,
) -> NLUReport:
    """Build (or load) the council's classifier for `language` and report on its held-out test set.

    Raises UnknownCouncilLanguage or HeldOutSetError with a message fit for the user.
    """
    examples = load_test_set(test_set or default_test_set(library.root, language))
    classifier = ModelStore(library, cache_dir, settings).classifier(council_slug, language)
    council = library.councils[council_slug]
    offered = {intent.id for intent in offered_intents(library, council, language)}
    return build_report(classifier, examples, offered)
