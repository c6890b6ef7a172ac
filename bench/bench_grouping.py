"""Grouping residents' unanswered questions: how fast, and how well the groups match what residents meant.

Speed: `group_unanswered` on 5,000 generated turns (the dashboard's cap), about 1,250 distinct texts in
English and Welsh made from the library's training phrases with typos, filler words, redacted postcodes
and e-mail addresses; the median of several rounds (goal: under 0.5 s).

Quality: texts nobody on this work wrote, labelled by intent, each intent taken as a true group: the
held-out NLU utterances (tests/nlu/en.yaml and cy.yaml, out-of-scope ones left out, since they are not
one question) and, as a denser second set, the library's own training phrases. For each similarity
threshold: the adjusted Rand index (ARI: 1 is the intents exactly, 0 is chance), purity (the share of
texts in a group whose most common intent is theirs: what a suggested patch gets right) and the number
of groups. The threshold in webhook/insights/unanswered.py was chosen from this table.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from sklearn.metrics import adjusted_rand_score

from webhook.agent.report import default_test_set, load_test_set
from webhook.insights.figures import UNANSWERED_LIMIT, UnansweredTurn
from webhook.insights.unanswered import SIMILARITY, cluster, group_unanswered, normalise
from webhook.library.annotations import plain_text
from webhook.library.loader import load_library

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, print_table

REPOSITORY = Path(__file__).resolve().parents[1]
#: The dashboard's cap (figures.UNANSWERED_LIMIT), and the distinct texts among them.
TURNS = UNANSWERED_LIMIT
DISTINCT = UNANSWERED_LIMIT // 4
ROUNDS = 9
GOAL_S = 0.5
THRESHOLDS = (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
COUNCILS = ("cardiff", "demo", "oxford", "oxfordshire", "swansea", "york")
FILLERS = {
    "en": ("please", "pls", "again", "help", "hi", "hello", "asap", "today", "thanks", "?", "!!", "urgent"),
    "cy": ("plis", "helo", "eto", "diolch", "heddiw", "help", "?", "!!", "os gwelwch yn dda"),
}
REDACTED = (" OX1 [postcode]", " CF10 [postcode]", " [email]", " [phone]", " my name is [name]")


def typo(text: str, rng: random.Random) -> str:
    """The text with up to two letters dropped, doubled or mistyped."""
    letters = list(text)
    for _ in range(rng.randint(0, 2)):
        if not letters:
            break
        at = rng.randrange(len(letters))
        roll = rng.random()
        if roll < 0.35:
            del letters[at]
        elif roll < 0.7:
            letters.insert(at, letters[at])
        else:
            letters[at] = rng.choice("abcdefghijklmnopqrstuvwxyz")
    return "".join(letters)


def generated_turns(phrases: dict[str, list[str]], rng: random.Random) -> list[UnansweredTurn]:
    """TURNS turns over about DISTINCT texts (one in five Welsh), the popular ones asked many times."""
    texts: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    while len(texts) < DISTINCT:
        language = "cy" if rng.random() < 0.2 else "en"
        text = typo(rng.choice(phrases[language]), rng)
        if rng.random() < 0.3:
            text = f"{text} {rng.choice(FILLERS[language])}"
        if rng.random() < 0.15:
            text = f"{rng.choice(FILLERS[language])} {text}"
        if rng.random() < 0.1:
            text += rng.choice(REDACTED)
        if (language, text) not in seen:
            seen.add((language, text))
            texts.append((language, text))
    # A long tail: every text at least once, the rest drawn with Zipf-like weights.
    weights = [1 / (rank + 1) for rank in range(len(texts))]
    drawn = texts + rng.choices(texts, weights=weights, k=TURNS - len(texts))
    now = datetime(2026, 12, 1, tzinfo=UTC)
    return [
        UnansweredTurn(text, rng.choice(COUNCILS), language, f"c{rng.randrange(TURNS // 2)}", now)
        for language, text in drawn
    ]


def library_phrases(language: str) -> tuple[list[str], list[str]]:
    """The library's training phrases in `language` (annotations removed) and their intents."""
    library = load_library(REPOSITORY).library
    texts, intents = [], []
    for intent in library.intents.values():
        if intent.id.startswith(("system.", "dialogue.")) or language not in intent.languages:
            continue
        for phrase in intent.languages[language].phrases:
            texts.append(plain_text(phrase))
            intents.append(intent.id)
    return texts, intents


def held_out(language: str) -> tuple[list[str], list[str]]:
    """The held-out utterances in `language` meant for an intent, and their intents."""
    examples = [
        e for e in load_test_set(default_test_set(REPOSITORY, language)) if not e.intent.startswith("system.")
    ]
    return [e.text for e in examples], [e.intent for e in examples]


def purity(gold: Sequence[str], found: Sequence[int]) -> float:
    """The share of texts whose group's most common gold label is their own."""
    best: Counter[int] = Counter()
    for (group, _label), count in Counter(zip(found, gold, strict=True)).items():
        best[group] = max(best[group], count)
    return sum(best.values()) / len(gold)


def quality(texts: list[str], gold: list[str], threshold: float) -> tuple[float, float, int]:
    """ARI, purity and the number of groups when `texts` are clustered at `threshold`."""
    labels = [0] * len(texts)
    groups = cluster([normalise(t) for t in texts], threshold)
    for number, members in enumerate(groups):
        for index in members:
            labels[index] = number
    return adjusted_rand_score(gold, labels), purity(gold, labels), len(groups)


def main() -> list[Figure]:
    figures: list[Figure] = []
    sets = {
        f"{name} {language}": load(language)
        for name, load in (("held-out", held_out), ("library", library_phrases))
        for language in ("en", "cy")
    }
    for name, (texts, gold) in sets.items():
        print(f"\n{name}: {len(texts)} texts, {len(set(gold))} intents")
        for threshold in THRESHOLDS:
            ari, share, count = quality(texts, gold, threshold)
            chosen = "  <- SIMILARITY" if threshold == SIMILARITY else ""
            print(f"  threshold {threshold:.2f}: ARI {ari:.3f}  purity {share:.1%}  groups {count}{chosen}")
            if threshold == SIMILARITY:
                figures.append(Figure(f"Unanswered grouping: ARI, {name}", f"{ari:.3f}"))
                figures.append(Figure(f"Unanswered grouping: purity, {name}", f"{share:.1%}"))

    rng = random.Random(14)
    phrases = {language: library_phrases(language)[0] for language in ("en", "cy")}
    turns = generated_turns(phrases, rng)
    distinct = len({(t.language, t.text) for t in turns})
    timings, processor, groups = [], [], []
    for _ in range(ROUNDS):
        started, started_cpu = time.perf_counter(), time.process_time()
        groups = group_unanswered(turns, max_groups=50)
        timings.append(time.perf_counter() - started)
        processor.append(time.process_time() - started_cpu)
    every = group_unanswered(turns, max_groups=len(turns))
    seconds, best = statistics.median(timings), min(timings)
    print(
        f"\n{len(turns)} turns, {distinct} distinct texts, {len(every)} groups; "
        f"largest: {groups[0].text!r} ({groups[0].turns} turns, {groups[0].conversations} conversations)"
    )
    # On a shared machine other work slows some rounds; the fastest is the cost on a quiet one.
    load = os.getloadavg()[0]
    print(f"  load average while measuring: {load:.1f} on {os.cpu_count()} CPUs")
    print(
        f"  group_unanswered: median {seconds:.3f} s, fastest {best:.3f} s, slowest {max(timings):.3f} s"
        f" over {ROUNDS} rounds; processor time median {statistics.median(processor):.3f} s"
    )
    figures.append(
        Figure(
            f"Unanswered grouping: {len(turns)} turns ({distinct} distinct)",
            f"{seconds:.3f} s",
            f"< {GOAL_S} s",
            seconds < GOAL_S,
        )
    )
    return figures


if __name__ == "__main__":
    print_table(main())
