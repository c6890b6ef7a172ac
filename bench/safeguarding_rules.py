"""Safeguarding: which way of combining the screen, the classifier and the detector answers most
disclosures within the false-alarm goal, judged out of fold on the development sets only?

`is_crisis` (webhook/safeguarding/screen.py) combines three parts: the screen's patterns, the intent
classifier's own `system.safeguarding` guess and the learned detector's probability. This script scores
alternative rules for combining them, per language, on every labelled disclosure and near miss the
detector is trained on (webhook/safeguarding/examples.py, SOURCE_SETS; never a held-out set), with:

- the detector's probability out of fold (grouped 5-fold cross-validation at the shipped C, as
  detector.py chooses its threshold): each message is scored by a model that never saw it or its
  near-duplicates;
- the classifier's prediction for the demo council: it is trained on the library's phrases, never on
  these sets, so its guesses on them are unseen too (the crisis intent's own phrases are left out);
- the screen as it is. Its patterns were written on most of these sets, so its figures are optimistic
  there; on the two most recently retired sets (bench/data/safeguarding_heldout_4/ and _5/), which its
  patterns were never written on, they are not. Each rule is therefore also scored on those two sets
  alone ("retired"), the fairer view of how the screen meets new wording.

A rule is one `Rule`: the detector's threshold (its own cross-validated one, or the lowest at which the
whole decision's out-of-fold false alarms stay within the goal), the detector probability a confident
classifier guess needs to count, and the one a screen hit needs: none of them, only the doubtful ones
(kinds.DOUBTFUL: abuse, and a crisis line or safeguarding asked for by name, whose words have everyday
senses), or all, with or without letting a hit in a short message count alone. A disclosure that the set
marks `accept: [housing.homeless]` is answered when the classifier chose that intent, as in
bench_safeguarding.py. The grid is ranked by the disclosures answered in the worse language, then in
both, among the rules whose out-of-fold false alarms on near misses stay at or below the goal in both.
`SHIPPED` is the rule is_crisis implements (webhook/safeguarding/screen.py), chosen from the top of that
ranking on 2 December 2026: within one Welsh and three English disclosures of the best, with the
detector's own threshold and more room under the goal in English (docs/performance.md).

    .venv/bin/python bench/safeguarding_rules.py            # a few minutes (cross-validation)
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from webhook.agent.nlu import NLUSettings
from webhook.agent.store import load_or_train
from webhook.agent.training import training_set
from webhook.library.loader import load_library
from webhook.safeguarding import council_business, kinds, near_misses
from webhook.safeguarding.detector import near_duplicate_groups, out_of_fold, scored
from webhook.safeguarding.examples import LANGUAGES, SOURCE_SETS, Examples, read_examples, shipped_examples
from webhook.safeguarding.kinds import emergency
from webhook.safeguarding.screen import (
    CLASSIFIER_AGREEMENT,
    CLASSIFIER_CONFIDENCE,
    HOMELESS,
    HOMELESS_CONFIDENCE,
    SAFEGUARDING,
    SCREEN_AGREEMENT,
    SHORT_MESSAGE_WORDS,
    CrisisScreen,
    default_screen,
)

REPOSITORY = Path(__file__).resolve().parents[1]
COUNCIL = "demo"
FALSE_ALARM_GOAL = 0.02
#: The sets the screen's patterns were never written on (retired after their recorded runs).
RETIRED = (
    "bench/data/safeguarding_heldout_4/{language}.yaml",
    "bench/data/safeguarding_heldout_5/{language}.yaml",
)
#: The detector probabilities tried as the bar a classifier guess or a screen hit must clear (0: it
#: counts alone, as before 2026-12-02; above 1: it never counts).
BARS = (0.0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.01)
NEVER = 1.01


@dataclass(frozen=True)
class Rule:
    """One way of combining the parts: see the module's docstring."""

    name: str
    #: The detector probability a confident classifier guess needs (0: it counts alone).
    classifier_bar: float = 0.0
    #: The detector probability a gated screen hit needs.
    screen_bar: float = 0.0
    #: Which screen hits need `screen_bar`: "none", "doubtful" (kinds.DOUBTFUL only) or "all".
    gated: str = "none"
    #: True: a hit in a message of at most screen.SHORT_MESSAGE_WORDS words counts alone.
    short_alone: bool = True
    #: True: the detector's threshold is the lowest at which the whole decision stays within the goal;
    #: False: the detector's own cross-validated threshold (at most 1.5% of near misses alone).
    joint_threshold: bool = False


#: The rule `is_crisis` ships with.
SHIPPED = Rule("shipped (b)+(c)", CLASSIFIER_AGREEMENT, SCREEN_AGREEMENT, "doubtful")


@dataclass
class Pool:
    """One language's labelled development examples and what each part makes of them (arrays in step)."""

    language: str
    texts: list[str]
    disclosure: np.ndarray
    retired: np.ndarray
    probability: np.ndarray
    own_threshold: float
    screen_hit: np.ndarray
    doubtful: np.ndarray
    short: np.ndarray
    kind_hits: dict[str, np.ndarray]
    near_miss_sense: np.ndarray
    homeless_tonight: np.ndarray
    classifier_crisis: np.ndarray
    sure_homeless: np.ndarray
    accepted: np.ndarray


@dataclass(frozen=True)
class Scored:
    """A rule's outcome on one language: the threshold used, and answered / false alarms counts."""

    threshold: float
    caught: int
    disclosures: int
    alarms: int
    near_misses: int

    @property
    def recall(self) -> float:
        return self.caught / max(1, self.disclosures)

    @property
    def false_alarms(self) -> float:
        return self.alarms / max(1, self.near_misses)

    def __str__(self) -> str:
        return (
            f"{self.recall:6.1%} ({self.caught:4d}/{self.disclosures:4d})"
            f" {self.false_alarms:5.1%} ({self.alarms:3d}/{self.near_misses:4d})"
        )


def labelled_sources(language: str) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """For each labelled text of `language`: the first source set that holds it, and the answers other
    than the crisis answer any set accepts for it."""
    source: dict[str, str] = {}
    accept: dict[str, tuple[str, ...]] = {}
    for pattern in SOURCE_SETS:
        data = yaml.safe_load((REPOSITORY / pattern.format(language=language)).read_text(encoding="utf-8"))
        for item in data["examples"]:
            source.setdefault(item["text"], pattern)
            accept[item["text"]] = accept.get(item["text"], ()) + tuple(item.get("accept", ()))
    return source, accept


def kind_screens() -> dict[str, CrisisScreen]:
    """One screen per kind of disclosure (emergency split into crisis help asked for by name and danger
    now), with every near-miss sense: which kinds a message hits, for a reader to weigh."""
    everything = (*near_misses.ENGLISH, *near_misses.WELSH)
    business = (*council_business.ENGLISH, *council_business.WELSH)
    patterns = {kind.__name__.rsplit(".", 1)[-1]: (*kind.ENGLISH, *kind.WELSH) for kind in kinds.KINDS}
    del patterns["emergency"]
    patterns["crisis named"] = (*emergency.NAMED_ENGLISH, *emergency.NAMED_WELSH)
    patterns["danger now"] = (*emergency.DANGER_ENGLISH, *emergency.DANGER_WELSH)
    return {name: CrisisScreen(everything, found, business) for name, found in patterns.items()}


def build_pool(language: str, examples: Examples, folder: Path) -> Pool:
    """Score the labelled examples of `examples` (not the library's phrases) with every part."""
    assert examples.regularisation is not None
    groups = near_duplicate_groups(examples.texts)
    probabilities = out_of_fold(examples, examples.regularisation, groups)
    own = scored(examples, examples.regularisation, probabilities, int(groups.max()) + 1).threshold
    source, accept = labelled_sources(language)
    labelled = len(examples.disclosures) + len(examples.near_misses)
    rows = [i for i in range(labelled) if examples.texts[i] in source]  # not the library's phrases
    texts = [examples.texts[i] for i in rows]
    disclosure = np.array([i < len(examples.disclosures) for i in rows])
    retired = np.array([source[text] in RETIRED for text in texts])
    library = load_library(REPOSITORY).library
    council = library.council(COUNCIL)
    assert council is not None
    settings = NLUSettings()
    classifier = load_or_train(
        training_set(library, council, language, settings.max_variants), settings, folder
    )
    predictions = classifier.predict_many(texts)
    screenings = [default_screen().screen(text) for text in texts]
    by_kind = kind_screens()
    return Pool(
        language=language,
        texts=texts,
        disclosure=disclosure,
        retired=retired,
        probability=probabilities[rows],
        own_threshold=own,
        screen_hit=np.array([s.hit for s in screenings]),
        doubtful=np.array([s.doubtful for s in screenings]),
        short=np.array([len(text.split()) <= SHORT_MESSAGE_WORDS for text in texts]),
        kind_hits={name: np.array([s.screen(t).hit for t in texts]) for name, s in by_kind.items()},
        near_miss_sense=np.array([s.near_miss for s in screenings]),
        homeless_tonight=np.array([s.homeless_tonight for s in screenings]),
        classifier_crisis=np.array(
            [p.intent_id == SAFEGUARDING and p.confidence >= CLASSIFIER_CONFIDENCE for p in predictions]
        ),
        sure_homeless=np.array(
            [p.intent_id == HOMELESS and p.confidence >= HOMELESS_CONFIDENCE for p in predictions]
        ),
        accepted=np.array(
            [p.intent_id in accept.get(t, ()) for p, t in zip(predictions, texts, strict=True)]
        ),
    )


def decide(pool: Pool, rule: Rule, threshold: float) -> np.ndarray:
    """Where the rule answers the crisis answer, as `is_crisis` would with it."""
    p = pool.probability
    gated = {"none": np.zeros(len(p), dtype=bool), "doubtful": pool.doubtful, "all": pool.screen_hit}
    needs_bar = gated[rule.gated] & ~(pool.short if rule.short_alone else np.zeros(len(p), dtype=bool))
    screen = pool.screen_hit & (~needs_bar | (p >= rule.screen_bar))
    homeless = pool.homeless_tonight & ~pool.sure_homeless
    models = (pool.classifier_crisis & (p >= rule.classifier_bar)) | (p >= threshold)
    return screen | homeless | (~pool.near_miss_sense & ~pool.sure_homeless & models)


def score(pool: Pool, rule: Rule, threshold: float, only: np.ndarray | None = None) -> Scored:
    """The rule's recall and near-miss false alarms at `threshold`, on the rows `only` selects."""
    rows = np.ones(len(pool.texts), dtype=bool) if only is None else only
    crisis = decide(pool, rule, threshold)
    answered = crisis | pool.accepted
    disclosures, near = rows & pool.disclosure, rows & ~pool.disclosure
    return Scored(
        threshold,
        int(answered[disclosures].sum()),
        int(disclosures.sum()),
        int(crisis[near].sum()),
        int(near.sum()),
    )


def threshold_for(pool: Pool, rule: Rule, goal: float = FALSE_ALARM_GOAL) -> float:
    """The detector threshold the rule uses: its own, or the lowest within the goal for the whole rule."""
    if not rule.joint_threshold:
        return pool.own_threshold
    candidates = sorted({float(np.nextafter(p, 1.0)) for p in pool.probability[~pool.disclosure]} | {1.0})
    low, high = 0, len(candidates) - 1  # false alarms fall as the threshold rises: bisect
    while low < high:
        middle = (low + high) // 2
        if score(pool, rule, candidates[middle]).false_alarms <= goal:
            high = middle
        else:
            low = middle + 1
    return candidates[low]


def candidate_rules() -> list[Rule]:
    """The named rules and the grid of their combinations (every rule of the grid with a joint
    threshold and with the detector's own)."""
    named = [
        Rule("(a) before 2026-12-02: every part counts alone"),
        Rule(
            f"(b) classifier needs detector >= {CLASSIFIER_AGREEMENT:g}", classifier_bar=CLASSIFIER_AGREEMENT
        ),
        Rule("(b) classifier never counts", classifier_bar=NEVER),
        Rule(
            f"(c) doubtful hits need detector >= {SCREEN_AGREEMENT:g}",
            screen_bar=SCREEN_AGREEMENT,
            gated="doubtful",
        ),
        Rule(
            f"(c) every hit needs detector >= {SCREEN_AGREEMENT:g}", screen_bar=SCREEN_AGREEMENT, gated="all"
        ),
        Rule("(d) detector threshold for the whole decision", joint_threshold=True),
        SHIPPED,
    ]
    grid = [
        Rule(
            f"grid c>={c:g} s>={s:g} {g}{' short' if short else ''}{' joint' if joint else ''}",
            c,
            s,
            g,
            short,
            joint,
        )
        for c in BARS
        for s in BARS
        for g in ("doubtful", "all")
        for short in (True, False)
        for joint in (False, True)
        if s > 0.0
    ]
    return named + grid


def best(rules: Iterable[Rule], pools: Sequence[Pool]) -> list[tuple[Rule, list[Scored]]]:
    """Each rule's scores per language, the feasible ones (within the goal everywhere) first, by the
    disclosures answered in the worse language, then in both."""
    results = []
    for rule in rules:
        results.append((rule, [score(pool, rule, threshold_for(pool, rule)) for pool in pools]))

    def key(item: tuple[Rule, list[Scored]]) -> tuple[bool, float, float]:
        scores = item[1]
        feasible = all(s.false_alarms <= FALSE_ALARM_GOAL for s in scores)
        return (feasible, min(s.recall for s in scores), sum(s.recall for s in scores))

    return sorted(results, key=key, reverse=True)


def kind_report(pool: Pool) -> None:
    """How many disclosures and near misses each kind's patterns hit (the latter are false alarms)."""
    for name, hits in pool.kind_hits.items():
        for label, rows in (("all", np.ones(len(hits), dtype=bool)), ("retired", pool.retired)):
            print(
                f"    {name:16} {label:8} disclosures {int((hits & rows & pool.disclosure).sum()):4d}"
                f"  near misses {int((hits & rows & ~pool.disclosure).sum()):3d}"
            )


def examples_in(folder: Path | None, language: str) -> Examples:
    """The detector's examples of `language`: shipped, or as shipped in an earlier copy in `folder`."""
    if folder is None:
        examples = shipped_examples(language)
        assert examples is not None
        return examples
    return read_examples(folder / f"{language}.yaml", language)


def main(top: int = 12, folder: Path | None = None) -> None:
    """Build each language's pool (from the shipped examples, or those in `folder`), print per-part
    figures, the named rules and the best of the grid."""
    pools = []
    with tempfile.TemporaryDirectory() as cache:
        for language in LANGUAGES:
            examples = examples_in(folder, language)
            pool = build_pool(language, examples, Path(cache))
            pools.append(pool)
            print(
                f"{language}: {len(pool.texts)} labelled examples"
                f" ({int(pool.retired.sum())} of the retired sets),"
                f" detector C={examples.regularisation:g}, threshold {pool.own_threshold:.3f}"
            )
            parts = {
                "screen": pool.screen_hit,
                "classifier": pool.classifier_crisis,
                "detector": pool.probability >= pool.own_threshold,
                **{f"  {name}": hits for name, hits in pool.kind_hits.items()},
            }
            everything = np.ones(len(pool.texts), dtype=bool)
            for name, fired in parts.items():
                for label, rows in (("all", everything), ("retired", pool.retired)):
                    d, n = rows & pool.disclosure, rows & ~pool.disclosure
                    found = Scored(0.0, int(fired[d].sum()), int(d.sum()), int(fired[n].sum()), int(n.sum()))
                    print(f"    {name:18} {label:8} {found}")
    print(f"\nRules (out of fold; goal: false alarms <= {FALSE_ALARM_GOAL:.0%} in each language)")
    print(
        "  recall (answered/disclosures) false alarms (alarms/near misses); 'retired': heldout-4 and -5 only"
    )
    ranked = best(candidate_rules(), pools)
    named = [item for item in ranked if not item[0].name.startswith("grid")]
    grid = [item for item in ranked if item[0].name.startswith("grid")][:top]
    for rule, scores in sorted(named, key=lambda item: item[0].name) + grid:
        line = "  ".join(
            f"{pool.language} thr {s.threshold:.3f} {s}" for pool, s in zip(pools, scores, strict=True)
        )
        retired = "  ".join(
            f"{pool.language} {score(pool, rule, s.threshold, pool.retired)}"
            for pool, s in zip(pools, scores, strict=True)
        )
        print(f"  {rule.name}\n      all:     {line}\n      retired: {retired}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=12, help="how many of the grid's best rules to print")
    parser.add_argument("--examples", type=Path, help="a folder of earlier examples/<language>.yaml to score")
    arguments = parser.parse_args()
    main(arguments.top, arguments.examples)
