"""Safeguarding: does every disclosure reach the crisis answer, and how often does a near miss?

For the demo council, in each language, over a labelled set of disclosures and near misses
(`<set folder>/<language>.yaml`): recall on disclosures and the false-alarm rate on near misses of
the crisis screen alone (`crisis_in`), the classifier alone (its answer is `system.safeguarding`), the
learned detector alone (webhook/safeguarding/detector.py) and the agent's decision (`is_crisis`, all
three combined), with every miss and false alarm printed for a reviewer to read. Goals: recall 100% and
at most 2% false alarms for the combined decision. Also the latency of the screen and the detector.

The detector is trained on the project's sets, the first independent set and the first five held-out
sets, so its figures on `--set project`, `--set independent` and `--set heldout` to `--set heldout-5`
are optimistic (training data). Its fair figures are
cross-validated: each language's examples are scored out of fold, grouped so that near-duplicates never
sit on both sides (printed first; `--no-cross-validation` skips them), and the held-out set. How the
combination rule of `is_crisis` was chosen, out of fold on the development sets with the classifier's
part too, is bench/safeguarding_rules.py.

A disclosure may list other answers that also count (`accept: [housing.homeless]`): an adult's own
homelessness tonight, which the agent leaves to `housing.homeless`'s time-aware answer when the
classifier is sure of it (webhook/safeguarding/kinds/homeless.py). For the classifier and the combined
decision, such a disclosure counts as answered when the classifier's answer is one of them; the screen
alone is scored on the crisis answer only.

`--set project` (the default) reads the project's own sets, tests/safeguarding/, written by the screen's
author; `--set independent` reads tests/safeguarding/independent/, written by an author who never saw
the screen, and since tuned on (its README says so); `--set heldout` reads
bench/data/safeguarding_heldout/, written independently, scored twice, then retired into the detector's
training (its README says so); `--set heldout-2` reads bench/data/safeguarding_heldout_2/, written later
by another independent author, and `--set heldout-3` reads bench/data/safeguarding_heldout_3/, written by
a fifth author: each was run and recorded in docs/performance.md, then retired into the detector's
training on 2026-12-02 (their READMEs say so), so their figures are optimistic from then on; so were
`--set heldout-4` and `--set heldout-5` (bench/data/safeguarding_heldout_4/ and _5/, two more authors),
after their first runs. `--set heldout-6` (bench/data/safeguarding_heldout_6/, a seventh author) is the
honest measurement now: never train on it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from webhook.agent.nlu import NLUSettings, Prediction
from webhook.agent.store import load_or_train
from webhook.agent.training import training_set
from webhook.library.loader import load_library
from webhook.safeguarding.detector import default_detector, near_duplicate_groups, out_of_fold, scored
from webhook.safeguarding.examples import shipped_examples
from webhook.safeguarding.screen import (
    SAFEGUARDING,
    SCREEN_AGREEMENT,
    SHORT_MESSAGE_WORDS,
    crisis_in,
    default_screen,
    is_crisis,
    screen,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
# The labelled sets the benchmark can read, by the name given to --set.
SETS = {
    "project": REPOSITORY / "tests" / "safeguarding",
    "independent": REPOSITORY / "tests" / "safeguarding" / "independent",
    "heldout": REPOSITORY / "bench" / "data" / "safeguarding_heldout",
    "heldout-2": REPOSITORY / "bench" / "data" / "safeguarding_heldout_2",
    "heldout-3": REPOSITORY / "bench" / "data" / "safeguarding_heldout_3",
    "heldout-4": REPOSITORY / "bench" / "data" / "safeguarding_heldout_4",
    "heldout-5": REPOSITORY / "bench" / "data" / "safeguarding_heldout_5",
    "heldout-6": REPOSITORY / "bench" / "data" / "safeguarding_heldout_6",
}
DEFAULT_SET = "project"
COUNCIL = "demo"
RECALL_GOAL = 1.0
FALSE_ALARM_GOAL = 0.02
ROUNDS = 5
#: The sets the detector was trained on: figures on them are optimistic.
TRAINED_ON = {"project", "independent", "heldout", "heldout-2", "heldout-3", "heldout-4", "heldout-5"}


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    prediction: Prediction
    accept: tuple[str, ...] = ()

    @property
    def answered_otherwise(self) -> bool:
        """True when the classifier's answer is one the set accepts instead of the crisis answer."""
        return self.prediction.intent_id in self.accept


@dataclass(frozen=True)
class Outcome:
    """How one way of deciding did on one language's held-out set."""

    caught: int
    disclosures: int
    alarms: int
    near_misses: int
    missed: tuple[str, ...]
    false_alarms: tuple[str, ...]
    accepted: int = 0

    @property
    def recall(self) -> float:
        return self.caught / self.disclosures

    @property
    def false_alarm_rate(self) -> float:
        return self.alarms / self.near_misses


def outcome(examples: list[Example], decide: Callable[[Example], bool], accepting: bool = True) -> Outcome:
    """Score one way of deciding over the examples: a disclosure is answered when the decision is the
    crisis answer or, when `accepting`, when the classifier's own answer is one the set accepts."""
    decided = [(example, decide(example)) for example in examples]
    disclosures = [(e, crisis) for e, crisis in decided if e.label == "disclosure"]
    near_misses = [(e, crisis) for e, crisis in decided if e.label == "near_miss"]
    accepted = [e for e, crisis in disclosures if not crisis and accepting and e.answered_otherwise]
    return Outcome(
        caught=sum(crisis for _, crisis in disclosures) + len(accepted),
        disclosures=len(disclosures),
        alarms=sum(crisis for _, crisis in near_misses),
        near_misses=len(near_misses),
        missed=tuple(e.text for e, crisis in disclosures if not crisis and e not in accepted),
        false_alarms=tuple(e.text for e, crisis in near_misses if crisis),
        accepted=len(accepted),
    )


def main(set_name: str = DEFAULT_SET, cross_validation: bool = True) -> list[Figure]:
    """Score the screen, the classifier, the detector and their combination on the named set, printing
    every miss; first, unless told not to, the detector's cross-validated figures."""
    folder_of_set = SETS[set_name]
    # The project's own set keeps its figures' old names, so earlier results still compare.
    label = "safeguarding" if set_name == DEFAULT_SET else f"safeguarding {set_name}"
    figures: list[Figure] = []
    library = load_library(REPOSITORY).library
    council = library.council(COUNCIL)
    assert council is not None
    settings = NLUSettings()
    if cross_validation:
        figures += cross_validated(council.languages)
    print(f"Safeguarding: {set_name} sets in {folder_of_set.relative_to(REPOSITORY)}, council {COUNCIL}")
    if set_name in TRAINED_ON:
        print(
            "  NOTE: the detector was trained on this set, so its figures and the combined ones are"
            " optimistic; the cross-validated figures above and the held-out set are the fair ones."
        )
    with tempfile.TemporaryDirectory() as folder:
        for language in council.languages:
            data = yaml.safe_load((folder_of_set / f"{language}.yaml").read_text(encoding="utf-8"))
            classifier = load_or_train(
                training_set(library, council, language, settings.max_variants), settings, Path(folder)
            )
            texts = [item["text"] for item in data["examples"]]
            predictions = classifier.predict_many(texts)
            examples = [
                Example(item["text"], item["label"], prediction, tuple(item.get("accept", ())))
                for item, prediction in zip(data["examples"], predictions, strict=True)
            ]
            deciders: dict[str, Callable[[Example], bool]] = {
                "screen": lambda e, language=language: crisis_in(e.text, language),
                "classifier": lambda e: e.prediction.intent_id == SAFEGUARDING,
                "detector": lambda e, language=language: detects(e.text, language),
                "combined": lambda e, language=language: is_crisis(e.text, language, e.prediction),
            }
            print(f"\n  {language}: {len(examples)} examples")
            print(f"  {'decided by':10} {'recall':>16} {'false alarms':>14}")
            for name, decide in deciders.items():
                result = outcome(examples, decide, accepting=name not in ("screen", "detector"))
                accepted = f"  ({result.accepted} by an accepted answer)" if result.accepted else ""
                print(
                    f"  {name:10} {result.recall:6.1%} ({result.caught:3d}/{result.disclosures:3d})"
                    f" {result.false_alarm_rate:5.1%} ({result.alarms:2d}/{result.near_misses:2d}){accepted}"
                )
                for text in result.missed:
                    print(f"      missed:      {text}")
                for text in result.false_alarms:
                    print(f"      false alarm: {text}")
                if name == "combined":
                    figures += [
                        Figure(
                            f"{label} {language}: recall",
                            f"{result.recall:.1%} ({result.caught}/{result.disclosures})",
                            "100%",
                            result.recall >= RECALL_GOAL,
                        ),
                        Figure(
                            f"{label} {language}: false alarms",
                            f"{result.false_alarm_rate:.1%} ({result.alarms}/{result.near_misses})",
                            "<= 2%",
                            result.false_alarm_rate <= FALSE_ALARM_GOAL,
                        ),
                    ]
            # Timed on the patterns themselves: `screen()` remembers recent messages (a turn asks twice),
            # and every round after the first would time that memory instead.
            screened = f"{label} {language}: screen"
            figures += latency(screened, texts, lambda t: default_screen().screen(t).hit)
            figures += latency(
                f"{label} {language}: screen + detector",
                texts,
                lambda t, language=language: default_screen().screen(t).hit or detects(t, language),
            )
    return figures


def detects(text: str, language: str) -> bool:
    """The detector's own verdict (the screen's near-miss veto is the combined decision's part)."""
    detector = default_detector(language)
    return detector is not None and detector.fires(text)


def latency(name: str, texts: list[str], decide: Callable[[str], object]) -> list[Figure]:
    """Time `decide` on every text, ROUNDS times; print p50 and p99 in wall-clock and CPU time."""
    latencies, cpu_times = [], []
    for _ in range(ROUNDS):
        for text in texts:
            started, started_cpu = time.perf_counter(), time.thread_time()
            decide(text)
            latencies.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.thread_time() - started_cpu) * 1000)
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    # The work itself, without the time other processes take the core from it: on a busy machine the
    # wall-clock p99 is mostly theirs.
    print(
        f"  {name.split(': ')[-1]} latency: p50 {p50:.2f} ms, p99 {p99:.2f} ms"
        f" (CPU time: p50 {statistics.median(cpu_times):.2f} ms,"
        f" p99 {percentile(cpu_times, 0.99):.2f} ms)"
    )
    return [
        Figure(f"{name} p50", f"{p50:.2f} ms", "< 1 ms", p50 < 1),
        Figure(f"{name} p99", f"{p99:.2f} ms", "< 10 ms", p99 < 10),
    ]


def cross_validated(languages: tuple[str, ...] | list[str]) -> list[Figure]:
    """The detector's out-of-fold figures on its own training examples, at the C and threshold it
    ships with, and those of the screen or the detector (the screen's are optimistic: it was written on
    these sets)."""
    figures: list[Figure] = []
    print("Safeguarding detector, cross-validated (grouped out-of-fold, on its training examples)")
    for language in languages:
        examples = shipped_examples(language)
        if examples is None or examples.regularisation is None:
            print(f"  {language}: no detector")
            continue
        groups = near_duplicate_groups(examples.texts)
        probabilities = out_of_fold(examples, examples.regularisation, groups)
        result = scored(examples, examples.regularisation, probabilities, int(groups.max()) + 1)
        print(f"  {language}: {result.summary()}")
        if abs(result.threshold - (examples.threshold or 0)) > 0.01:
            print(f"    the shipped threshold {examples.threshold:.3f} differs: refresh the examples")
        n, m = len(examples.disclosures), len(examples.near_misses)
        found = [screen(text, language) for text in examples.texts[: n + m]]
        fired = probabilities[: n + m] >= examples.threshold
        # As learned_crisis_in: a doubtful hit (kinds.DOUBTFUL) in a longer message needs the detector's
        # agreement; bench/safeguarding_rules.py weighs the classifier's part and other rules too.
        counts = [
            f.hit
            and (
                not f.doubtful or len(text.split()) <= SHORT_MESSAGE_WORDS or probability >= SCREEN_AGREEMENT
            )
            for f, text, probability in zip(found, examples.texts, probabilities, strict=False)
        ]
        combined = [
            hit or (detector and not f.near_miss)
            for hit, f, detector in zip(counts, found, fired, strict=True)
        ]
        caught, alarms = sum(combined[:n]), sum(combined[n:])
        print(
            f"    screen or detector (screen tuned on these): recall {caught / n:.1%} ({caught}/{n}),"
            f" false alarms {alarms / m:.1%} ({alarms}/{m})"
        )
        figures += [
            Figure(
                f"safeguarding detector {language}: out-of-fold recall",
                f"{result.recall:.1%} ({round(result.recall * n)}/{n})",
            ),
            Figure(
                f"safeguarding detector {language}: out-of-fold near-miss false alarms",
                f"{result.near_miss_false_alarms:.1%} ({round(result.near_miss_false_alarms * m)}/{m})",
                "<= 1.5%",
                result.near_miss_false_alarms <= 0.015,
            ),
        ]
    return figures


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--set",
        dest="set_name",
        choices=sorted(SETS),
        default=DEFAULT_SET,
        help="which labelled set to score (default: %(default)s)",
    )
    parser.add_argument(
        "--no-cross-validation",
        dest="cross_validation",
        action="store_false",
        help="skip the detector's cross-validated figures (a minute or so)",
    )
    arguments = parser.parse_args()
    main(arguments.set_name, arguments.cross_validation)
