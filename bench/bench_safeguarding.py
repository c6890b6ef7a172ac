"""Safeguarding: does every disclosure reach the crisis answer, and how often does a near miss?

For the demo council, in each language, over a labelled set of disclosures and near misses
(`<set folder>/<language>.yaml`): recall on disclosures and the false-alarm rate on near misses of
the crisis screen alone (`crisis_in`), the classifier alone (its answer is `system.safeguarding`)
and the agent's decision (`is_crisis`, the two combined), with every miss and false alarm printed for
a reviewer to read. Goals: recall 100% and at most 2% false alarms for the combined decision. Also the
screen's latency.

A disclosure may list other answers that also count (`accept: [housing.homeless]`): an adult's own
homelessness tonight, which the agent leaves to `housing.homeless`'s time-aware answer when the
classifier is sure of it (webhook/safeguarding/kinds/homeless.py). For the classifier and the combined
decision, such a disclosure counts as answered when the classifier's answer is one of them; the screen
alone is scored on the crisis answer only.

`--set project` (the default) reads the project's own sets, tests/safeguarding/, written by the screen's
author; `--set independent` reads tests/safeguarding/independent/, written by an author who never saw
the screen, and since tuned on (its README says so); `--set heldout` reads
bench/data/safeguarding_heldout/, written independently and never tuned on.
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
from webhook.safeguarding.screen import SAFEGUARDING, crisis_in, is_crisis

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
# The labelled sets the benchmark can read, by the name given to --set.
SETS = {
    "project": REPOSITORY / "tests" / "safeguarding",
    "independent": REPOSITORY / "tests" / "safeguarding" / "independent",
    "heldout": REPOSITORY / "bench" / "data" / "safeguarding_heldout",
}
DEFAULT_SET = "project"
COUNCIL = "demo"
RECALL_GOAL = 1.0
FALSE_ALARM_GOAL = 0.02
ROUNDS = 5


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


def main(set_name: str = DEFAULT_SET) -> list[Figure]:
    """Score the screen, the classifier and their combination on the named set, printing every miss."""
    folder_of_set = SETS[set_name]
    # The project's own set keeps its figures' old names, so earlier results still compare.
    label = "safeguarding" if set_name == DEFAULT_SET else f"safeguarding {set_name}"
    figures: list[Figure] = []
    library = load_library(REPOSITORY).library
    council = library.council(COUNCIL)
    assert council is not None
    settings = NLUSettings()
    print(f"Safeguarding: {set_name} sets in {folder_of_set.relative_to(REPOSITORY)}, council {COUNCIL}")
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
                "combined": lambda e, language=language: is_crisis(e.text, language, e.prediction),
            }
            print(f"\n  {language}: {len(examples)} examples")
            print(f"  {'decided by':10} {'recall':>16} {'false alarms':>14}")
            for name, decide in deciders.items():
                result = outcome(examples, decide, accepting=name != "screen")
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
            latencies, cpu_times = [], []
            for _ in range(ROUNDS):
                for text in texts:
                    started, started_cpu = time.perf_counter(), time.thread_time()
                    crisis_in(text, language)
                    latencies.append((time.perf_counter() - started) * 1000)
                    cpu_times.append((time.thread_time() - started_cpu) * 1000)
            p99 = percentile(latencies, 0.99)
            # The screen's own work, without the time other processes take the core from it: on a busy
            # machine the wall-clock p99 is mostly theirs.
            print(
                f"  screen latency: p50 {statistics.median(latencies):.2f} ms, p99 {p99:.2f} ms"
                f" (CPU time: p50 {statistics.median(cpu_times):.2f} ms,"
                f" p99 {percentile(cpu_times, 0.99):.2f} ms)"
            )
            figures.append(Figure(f"{label} {language}: screen p99", f"{p99:.2f} ms"))
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
    main(parser.parse_args().set_name)
