"""The offline agent's NLU: model build time per council and language, and classification latency.

For each council and language: the time to train its model (cross-validation included) and to load it
from the disk cache, then the latency of one `predict()` call (goal: p99 under 5 ms) and of parameter
extraction, over the held-out test set's utterances (tests/nlu/<language>.yaml), several rounds each.
Councils whose training phrases are identical share one cached model; they are trained once.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from webhook.agent.entities import extract
from webhook.agent.nlu import NLUSettings
from webhook.agent.report import default_test_set, load_test_set
from webhook.agent.store import load_or_train, model_key
from webhook.agent.training import training_set
from webhook.library.loader import load_library

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
ROUNDS = 5
LATENCY_GOAL_MS = 5.0


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> list[Figure]:
    figures: list[Figure] = []
    library = load_library(REPOSITORY).library
    settings = NLUSettings()
    trained: dict[str, str] = {}
    build_seconds: dict[str, float] = {}
    print(f"NLU: {len(library.intents)} intents; latency over the held-out set, {ROUNDS} rounds")
    print(
        f"  {'council/language':18} {'phrases':>7} {'texts':>6} {'build s':>8} {'load s':>7}"
        f" {'p50 ms':>7} {'p99 ms':>7} {'extract p99 ms':>15}"
    )
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        for slug, council in sorted(library.councils.items()):
            for language in council.languages:
                training = training_set(library, council, language, settings.max_variants)
                key = model_key(training, settings)
                built = load_or_train(training, settings, cache)
                build = f"{built.build_seconds:8.2f}" if key not in trained else f"{'= ' + trained[key]:>8}"
                build_seconds.setdefault(key, built.build_seconds)
                trained.setdefault(key, slug)
                loaded = load_or_train(training, settings, cache)
                texts = [e.text for e in load_test_set(default_test_set(REPOSITORY, language))]
                classify, extraction = [], []
                loaded.predict(texts[0])  # warm up
                for _ in range(ROUNDS):
                    for text in texts:
                        started = time.perf_counter()
                        prediction = loaded.predict(text)
                        classify.append((time.perf_counter() - started) * 1000)
                        intent = library.intents.get(prediction.intent_id)
                        if intent is not None and intent.parameters:
                            started = time.perf_counter()
                            extract(text, intent.parameters, library, language)
                            extraction.append((time.perf_counter() - started) * 1000)
                p99 = percentile(classify, 0.99)
                if slug == "demo":
                    label = f"NLU demo/{language}"
                    # The demo shares its model with any council whose phrases are the same: report the
                    # time that model took to build, whichever council built it first.
                    build_seconds[key] = build_seconds.get(key, built.build_seconds)
                    figures.append(Figure(f"{label}: model build", f"{build_seconds[key]:.2f} s"))
                    figures.append(Figure(f"{label}: classify p50", f"{statistics.median(classify):.2f} ms"))
                    figures.append(
                        Figure(f"{label}: classify p99", f"{p99:.2f} ms", "< 5 ms", p99 < LATENCY_GOAL_MS)
                    )
                print(
                    f"  {slug + '/' + language:18} {len(training.phrases):7d}"
                    f" {sum(len(p.texts) for p in training.phrases):6d} {build} {loaded.build_seconds:7.3f}"
                    f" {statistics.median(classify):7.2f} {p99:7.2f}"
                    f" {percentile(extraction, 0.99) if extraction else 0.0:15.2f}"
                    f"{'' if p99 < LATENCY_GOAL_MS else '  (over the 5 ms goal)'}"
                )
    print("  (build '= slug': same phrases as that council, so its cached model is shared)")
    return figures


if __name__ == "__main__":
    main()
