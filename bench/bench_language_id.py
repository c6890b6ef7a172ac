"""Noticing the language a resident typed in: how often the guesser is right, and how fast it is.

Measured on the held-out utterances the guesser never saw (tests/nlu/en.yaml and tests/nlu/cy.yaml, texts
only): the share of English messages guessed English, Welsh or neither (None), and the same for Welsh.
Goals: English guessed Welsh at most 0.5% (the costly mistake: answering an English speaker in Welsh),
Welsh guessed Welsh at least 90%. Also the time to build the guesser from the library (goal under 0.5 s)
and to guess one message, p50 and p99 over the messages of each one's median time in several rounds,
each round with an empty word memo (goal: p99 under 1 ms).
The guesser's thresholds were tuned on the development list in tests/agent/test_language_id.py, never
on these sets.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from webhook.agent.language_id import ENGLISH, WELSH, LanguageGuesser, build_guesser
from webhook.agent.report import default_test_set, load_test_set
from webhook.library.loader import load_library

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
ROUNDS = 5
BUILD_GOAL_S = 0.5
LATENCY_GOAL_MS = 1.0
ENGLISH_AS_WELSH_GOAL = 0.005
WELSH_AS_WELSH_GOAL = 0.90
OUTCOMES = (ENGLISH, WELSH, None)


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def shares(guesser: LanguageGuesser, texts: list[str]) -> dict[str | None, float]:
    """The share of `texts` guessed English, Welsh and neither."""
    counts = Counter(guess.language if (guess := guesser.guess(text)) else None for text in texts)
    return {outcome: counts[outcome] / len(texts) for outcome in OUTCOMES}


def main() -> list[Figure]:
    library = load_library(REPOSITORY).library
    builds = [build_guesser(library) for _ in range(ROUNDS)]
    build_s = statistics.median(guesser.build_seconds for guesser in builds)
    guesser = builds[0]
    texts = {
        language: [example.text for example in load_test_set(default_test_set(REPOSITORY, language))]
        for language in (ENGLISH, WELSH)
    }
    print(
        f"Language ID: built from the library in {build_s * 1000:.0f} ms (median of {ROUNDS});"
        f" {len(guesser.word_scores)} words, {len(guesser.ngram_scores)} character n-grams"
    )
    print(f"  {'held-out set':14} {'messages':>8} {'as en':>7} {'as cy':>7} {'as None':>8}")
    found = {}
    for language, messages in texts.items():
        found[language] = shares(guesser, messages)
        row = " ".join(f"{found[language][outcome]:7.1%}" for outcome in OUTCOMES)
        print(f"  {'tests/nlu/' + language + '.yaml':14} {len(messages):8d} {row}")
    everything = texts[ENGLISH] + texts[WELSH]
    rounds: list[list[float]] = []
    for _ in range(ROUNDS):
        # A fresh guesser of the same model each round: its word memo starts empty, as after a restart.
        cold = LanguageGuesser(guesser.word_scores, guesser.ngram_scores, guesser.unseen_ngram_score)
        timings = []
        for text in everything:
            started = time.perf_counter()
            cold.guess(text)
            timings.append((time.perf_counter() - started) * 1000)
        rounds.append(timings)
    # Each message's median over the rounds: on a shared machine, one round's message may be descheduled
    # for a whole scheduler tick (about 4 ms), which says nothing about the guesser.
    latencies = [statistics.median(times) for times in zip(*rounds, strict=True)]
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    print(
        f"  guess one message (its median of {ROUNDS} cold rounds): p50 {p50:.3f} ms, p99 {p99:.3f} ms,"
        f" max {max(latencies):.3f} ms"
    )
    english_as_welsh, welsh_as_welsh = found[ENGLISH][WELSH], found[WELSH][WELSH]
    return [
        Figure("Language ID: build", f"{build_s:.2f} s", f"< {BUILD_GOAL_S} s", build_s < BUILD_GOAL_S),
        Figure(
            "Language ID: English guessed Welsh",
            f"{english_as_welsh:.1%}",
            f"<= {ENGLISH_AS_WELSH_GOAL:.1%}",
            english_as_welsh <= ENGLISH_AS_WELSH_GOAL,
        ),
        Figure("Language ID: English guessed English", f"{found[ENGLISH][ENGLISH]:.1%}"),
        Figure(
            "Language ID: Welsh guessed Welsh",
            f"{welsh_as_welsh:.1%}",
            f">= {WELSH_AS_WELSH_GOAL:.0%}",
            welsh_as_welsh >= WELSH_AS_WELSH_GOAL,
        ),
        Figure("Language ID: Welsh guessed English", f"{found[WELSH][ENGLISH]:.1%}"),
        Figure("Language ID: guess p50", f"{p50:.3f} ms"),
        Figure("Language ID: guess p99", f"{p99:.3f} ms", f"< {LATENCY_GOAL_MS:g} ms", p99 < LATENCY_GOAL_MS),
    ]


if __name__ == "__main__":
    main()
