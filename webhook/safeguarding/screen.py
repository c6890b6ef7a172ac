"""The crisis screen: does a message disclose that someone is at risk of harm, whatever else is going on?

The classifier alone cannot promise that a disclosure reaches `system.safeguarding`: it is one class
among fifty and a prompt may restrict its candidates. So a deterministic screen of patterns runs first,
in every context:

1. The message is normalised (`normalise.py`): case, accents and apostrophes folded, textspeak ("u",
   "wanna", "bf") spelt out, and misspellings of long key words ("sucidal", "domestc") corrected.
2. Near-miss senses (`near_misses.py`: "kill the weeds", "abuse of a parking permit", "dog grooming",
   "rhoi diwedd ar fy nhanysgrifiad") are blanked out, only their trigger words ("isnt safe" in "the
   pavement isnt safe"), so that the rest of the message is still screened ("the noise is killing me
   and i want to kill myself" is a disclosure).
3. What is left is searched for the disclosure patterns of every kind (`kinds/`: suicide and self-harm,
   abuse, a child or an adult at risk, forced marriage, a child without a home tonight, no food or heat
   with someone vulnerable, danger now), in English and Welsh (every Welsh verb in its radical, soft,
   nasal and aspirate forms, `welsh_words.mutated`). An adult's own homelessness tonight is noted
   apart (kinds/homeless.py): `housing.homeless`, whose answer is time-aware too, may answer it.

`is_crisis` then combines the screen with the classifier and the learned detector (detector.py, a
binary model trained on every labelled disclosure and near miss, for wording no pattern foresaw): a
screen hit (of a doubtful pattern, kinds.DOUBTFUL, in a message of more than a few words, only when the
detector gives it at least SCREEN_AGREEMENT); homelessness tonight unless the classifier is sure it is
`housing.homeless`; or a detector hit, or a confident `system.safeguarding` prediction the detector
gives at least CLASSIFIER_AGREEMENT, for a message with no known near-miss sense in it and no plain
sign of ordinary council business (`council_business.py`: "my partner wants to pay the council tax"),
which both models often take for a disclosure. Those signs only ever stop a model's guess, never a
screen hit. The rule was chosen out of fold on the development sets (bench/safeguarding_rules.py). The
webhook, with no classifier of its own, uses `learned_crisis_in`.

The terms are constants in code rather than a YAML file in the library because they are what the agent
understands, not what it says (as `LEAVING_WORDS` in fulfilment/questions.py), and they are regular
expressions whose meaning lies in how they are matched; the Welsh terms are machine-drafted and need
review by a Welsh speaker, like the Welsh phrases of `intents/system/safeguarding.yaml`.

The screen is pure and deterministic and does no I/O at call time (its patterns compile once, on first
use); a message of typical length takes well under a millisecond, one of the chat's longest (500
characters) a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

from webhook.safeguarding import council_business, kinds, near_misses
from webhook.safeguarding.detector import detected, detected_probability, forget_detected
from webhook.safeguarding.english_words import word_trie
from webhook.safeguarding.normalise import normalise
from webhook.safeguarding.welsh_words import mutated

__all__ = [
    "CLASSIFIER_AGREEMENT",
    "CLASSIFIER_CONFIDENCE",
    "HOMELESS",
    "HOMELESS_CONFIDENCE",
    "SAFEGUARDING",
    "SCREEN_AGREEMENT",
    "SHORT_MESSAGE_WORDS",
    "CrisisScreen",
    "Prediction",
    "Screening",
    "crisis_in",
    "default_screen",
    "is_crisis",
    "learned_crisis_in",
    "mutated",
    "normalise",
    "screen",
    "screen_hit_counts",
]


class Prediction(Protocol):
    """What the classifier predicted (webhook.agent.nlu.Prediction has these)."""

    @property
    def intent_id(self) -> str: ...

    @property
    def confidence(self) -> float: ...


SAFEGUARDING = "system.safeguarding"
#: How sure the classifier must be of `system.safeguarding`, when the screen found nothing, for the
#: agent to answer it. Tuned on tests/safeguarding/dev_*.yaml (never on the held-out sets): there, 0.4
#: let the classifier catch about a third of the disclosures the screen had not been written for, while
#: its false alarms on council questions that merely sound worrying stayed near 1%.
CLASSIFIER_CONFIDENCE = 0.4
#: The detector's probability a confident classifier guess needs before it counts. Alone, the classifier's
#: `system.safeguarding` guesses raised as many false alarms on near misses as the screen (3.6% of the
#: English development near misses out of fold, 2.6% of the Welsh); needing the detector's partial
#: agreement keeps the disclosures they add (bench/safeguarding_rules.py, out of fold on the development
#: sets, 2 December 2026).
CLASSIFIER_AGREEMENT = 0.5
#: The detector's probability a screen hit of a doubtful pattern (kinds.DOUBTFUL: abuse, and a crisis line
#: or safeguarding asked for by name, words with everyday senses) needs in a message longer than
#: SHORT_MESSAGE_WORDS. Chosen with CLASSIFIER_AGREEMENT, out of fold on the development sets: the most
#: disclosures answered with at most 2% false alarms on near misses in each language.
SCREEN_AGREEMENT = 0.3
#: A message of at most this many words that the screen finds a disclosure in ("rape", "coercive control",
#: "partner hits me") has no other words to read it by, and the detector, with so few features, underrates
#: it: the screen's hit counts alone.
SHORT_MESSAGE_WORDS = 5
#: The other answer that suits an adult's own homelessness tonight (kinds/homeless.py).
HOMELESS = "housing.homeless"
#: How sure the classifier must be of `housing.homeless` for the agent to leave homelessness tonight to
#: it rather than answer the crisis answer. 0.6 is also what the dialogue needs to leave a question it
#: is waiting on (dialogue.SWITCH_CONFIDENCE), so the resident is never left at a prompt for a postcode.
HOMELESS_CONFIDENCE = 0.6


@dataclass(frozen=True)
class Screening:
    """What the screen found in one message: the words of the first disclosure pattern that matched
    (None when none did), whether the message has a known near-miss sense or is plainly about
    ordinary council business (which makes a safeguarding guess of the classifier doubtful), and
    whether it tells of an adult's own homelessness tonight, which `housing.homeless` may answer; and
    whether the disclosure found is of a doubtful pattern only (kinds.DOUBTFUL: words with everyday
    senses too), which counts when the learned detector agrees (is_crisis)."""

    disclosure: str | None
    near_miss: bool
    homeless_tonight: bool = False
    doubtful: bool = False

    @property
    def hit(self) -> bool:
        """True when the message discloses that someone is at risk."""
        return self.disclosure is not None


#: How many near-miss patterns share one alternation (see CrisisScreen).
_NEAR_MISS_BATCH = 16


class CrisisScreen:
    """Compiled patterns of every language: near-miss senses, disclosures (sure, and doubtful ones whose
    words have everyday senses too), council business, and homelessness tonight with the signs of a
    child that make it a disclosure.

    Each list is also compiled as one alternation, searched in one pass: several times faster than
    a pass per pattern. The near-miss patterns, in batches of _NEAR_MISS_BATCH, run one by one only
    when their batch's pass finds one of them, so that each blanks its own words.
    """

    def __init__(
        self,
        near_misses: Iterable[str],
        disclosures: Iterable[str],
        council_business: Iterable[str],
        homeless_tonight: Iterable[str] = (),
        with_child: Iterable[str] = (),
        doubtful: Iterable[str] = (),
    ) -> None:
        near_misses = tuple(_faster(pattern) for pattern in near_misses)
        batches = [
            near_misses[i : i + _NEAR_MISS_BATCH] for i in range(0, len(near_misses), _NEAR_MISS_BATCH)
        ]
        self.near_misses = tuple(
            (_union(batch), tuple(re.compile(pattern) for pattern in batch)) for batch in batches
        )
        self.disclosures = _union(disclosures)
        self.doubtful = _union(doubtful)
        self.council_business = _union(council_business)
        self.homeless_tonight = _union(homeless_tonight)
        self.with_child = _union(with_child)

    def screen(self, text: str) -> Screening:
        """Blank out the near-miss senses in the normalised message, then look for a disclosure, and
        failing one, for homelessness tonight."""
        words = normalise(text)
        spans = [
            _trigger(found)
            for batch, guards in self.near_misses
            if batch.search(words)
            for guard in guards
            for found in guard.finditer(words)
        ]
        near_miss = bool(spans) or self.council_business.search(words) is not None
        blanked = _blanked(words, spans)
        if found := self.disclosures.search(blanked):
            return Screening(found.group(0).strip(), near_miss)
        doubtful = self.doubtful.search(blanked)
        homeless = self.homeless_tonight.search(blanked)
        # Homelessness tonight with a child is a child at risk; an adult's own may be housing's.
        if homeless and self.with_child.search(blanked):
            return Screening(homeless.group(0).strip(), near_miss)
        if doubtful:
            return Screening(doubtful.group(0).strip(), near_miss, homeless is not None, doubtful=True)
        return Screening(None, near_miss, homeless_tonight=homeless is not None)


def _union(patterns: Iterable[str]) -> re.Pattern[str]:
    """One pattern matching wherever any of `patterns` does (their named groups dropped); none, nowhere.

    The word boundary most patterns start with is tested once for all of them: the engine tries every
    alternative at every position, and inside a word all of them would fail on it one by one.
    """
    faster = [_faster(pattern).replace("(?P<x>", "(?:") for pattern in patterns]
    at_word = [pattern.removeprefix(r"\b") for pattern in faster if pattern.startswith(r"\b")]
    anywhere = [pattern for pattern in faster if not pattern.startswith(r"\b")]
    alternatives = [f"(?:{pattern})" for pattern in anywhere]
    if at_word:
        alternatives.insert(0, r"\b(?:" + "|".join(f"(?:{pattern})" for pattern in at_word) + ")")
    return re.compile("|".join(alternatives) if alternatives else "(?!)")


#: A group of plain words: "(?:no|not got any|without)".
_WORD_GROUP = re.compile(r"\(\?:((?:[a-z0-9 ]+\|)+[a-z0-9 ]+)\)")


def _faster(pattern: str) -> str:
    """`pattern` with each group of plain words written as a prefix tree (english_words.word_trie): it
    matches the same messages, several times faster when the group is long."""
    return _WORD_GROUP.sub(lambda group: word_trie(*group.group(1).split("|")), pattern)


def _trigger(found: re.Match[str]) -> tuple[int, int]:
    """The words a near-miss pattern blanks: its group `x` when it has one ("the pavement isnt safe"
    blanks "isnt safe"), else all it matched. Blanking little keeps a disclosure beside it visible."""
    if "x" in found.re.groupindex and found.group("x") is not None:
        return found.span("x")
    return found.span()


def _blanked(words: str, spans: Iterable[tuple[int, int]]) -> str:
    """`words` with each span replaced by " # " (so the words either side do not join up)."""
    pieces, position = [], 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        pieces += [words[position : max(start, position)], " # "]
        position = end
    pieces.append(words[position:])
    return "".join(pieces)


@cache
def default_screen() -> CrisisScreen:
    """The screen with every language's terms, compiled once."""
    return CrisisScreen(
        (*near_misses.ENGLISH, *near_misses.WELSH),
        kinds.SURE,
        (*council_business.ENGLISH, *council_business.WELSH),
        kinds.HOMELESS_TONIGHT,
        kinds.WITH_CHILD,
        kinds.DOUBTFUL,
    )


def screen(text: str, language: str) -> Screening:
    """What the screen finds in `text`, written in a conversation in `language`.

    Every language's terms are screened whatever `language` is: residents switch language mid-chat
    (English in a Welsh conversation is common), and a missed disclosure costs more than a few
    microseconds of extra patterns.
    """
    del language  # see above: the terms of every language apply
    return _screened(text)


def forget_recent_messages() -> None:
    """Forget the verdicts remembered for recent messages (the screen's and the detector's): a benchmark
    that replays the same scripts calls it so that each turn is timed as a message never seen."""
    _screened.cache_clear()
    forget_detected()


@lru_cache(maxsize=1024)
def _screened(text: str) -> Screening:
    # Remembered for a while: the offline agent screens a message before classifying it and the engine
    # screens it again before any handler runs (as it must for Dialogflow), and the patterns are the
    # dearest part of a turn. A Screening is immutable, so sharing one is safe.
    return default_screen().screen(text)


def crisis_in(text: str, language: str) -> bool:
    """True when `text` discloses that someone is at risk of harm: suicide or self-harm, abuse of a
    child or adult, domestic abuse, forced marriage, not being safe at home, a child without a home
    tonight, no food or heat with someone vulnerable, danger to life now.

    An adult's own homelessness tonight is not counted: without a classifier to ask, the intent the
    message was matched to (`housing.homeless`, whose answer is time-aware) answers it.
    """
    return screen(text, language).hit


def is_crisis(text: str, language: str, prediction: Prediction) -> bool:
    """Whether the agent must answer `system.safeguarding` first, whatever else the conversation is doing.

    Yes when the screen finds a disclosure that counts (`screen_hit_counts`: any but a doubtful one,
    which needs the learned detector's agreement in a message of more than a few words); when the
    message tells of an adult's own homelessness tonight and the classifier is not sure it is
    `housing.homeless` (whose time-aware answer then comes instead), so that the resident always gets
    one of the two; or when the learned detector (detector.py) takes it for a disclosure, or the
    classifier chose `system.safeguarding` with at least CLASSIFIER_CONFIDENCE and the detector gives it
    at least CLASSIFIER_AGREEMENT, and the message has none of the screen's near-miss senses ("the noise
    is killing me") and is not plainly council business ("my partner wants to pay the council tax",
    "can i phone someone about my bin"), which both models often take for a disclosure. When the
    classifier is sure of `housing.homeless`, neither model overrides it. In a language without a
    detector, the screen's hits and the classifier's guess count alone.
    """
    found = screen(text, language)
    if found.hit and screen_hit_counts(found, text, language):
        return True
    sure_homeless = prediction.intent_id == HOMELESS and prediction.confidence >= HOMELESS_CONFIDENCE
    if found.homeless_tonight and not sure_homeless:
        return True
    if found.near_miss or sure_homeless:
        return False
    if detected(text, language):
        return True
    guessed = prediction.intent_id == SAFEGUARDING and prediction.confidence >= CLASSIFIER_CONFIDENCE
    probability = detected_probability(text, language)
    return guessed and (probability is None or probability >= CLASSIFIER_AGREEMENT)


def screen_hit_counts(found: Screening, text: str, language: str) -> bool:
    """Whether the screen's disclosure in `text` counts on its own: yes unless it is of a doubtful pattern
    only (kinds.DOUBTFUL), in a message of more than SHORT_MESSAGE_WORDS words, that the detector gives
    less than SCREEN_AGREEMENT ("staff at the tip were verbally abusive to me, i want to complain")."""
    if not found.doubtful or len(text.split()) <= SHORT_MESSAGE_WORDS:
        return True
    probability = detected_probability(text, language)
    return probability is None or probability >= SCREEN_AGREEMENT


def learned_crisis_in(text: str, language: str, matched_intent: str | None = None) -> bool:
    """True when the screen finds a disclosure in `text` that counts (`screen_hit_counts`), or the
    learned detector finds one and the screen knows no near-miss sense in it (the webhook's decision,
    with no classifier of its own to ask).

    A message matched to `housing.homeless` keeps that answer (time-aware, 999 first) unless the screen
    itself finds a disclosure, as in `is_crisis` when the classifier is sure of it.
    """
    found = screen(text, language)
    if found.hit and screen_hit_counts(found, text, language):
        return True
    if found.near_miss or matched_intent == HOMELESS:
        return False
    return detected(text, language)
