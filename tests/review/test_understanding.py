"""`sync-intents diff --understanding`: both revisions' classifiers on the same test utterances.

The test utterances are the repository's own held-out set and conversation scripts, read where they
are; nothing of them is copied into training phrases.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from tests.conftest import REPOSITORY
from tests.review.conftest import LibraryRepository
from webhook.review.render import markdown
from webhook.review.report import build_review
from webhook.review.serialise import as_json, schema
from webhook.review.understanding import Yardsticks

YARDSTICKS = Yardsticks(REPOSITORY / "tests" / "nlu", REPOSITORY / "tests" / "conversations")
KEPT = 5


def move_phrases(data: Any, moved: list[str]) -> None:
    """Keep council_tax.pay's first English phrases; the rest go to a list for another intent."""
    phrases = data["languages"]["en"]["phrases"]
    moved.extend(phrases[KEPT:])
    del phrases[KEPT:]


def test_phrases_that_pull_questions_to_another_intent_show_as_a_new_confusion(
    repo: LibraryRepository, tmp_path: Path
) -> None:
    # A contributor "tidies" council_tax.pay's phrases into council_tax.balance: its own training
    # phrases, not the test set's, now teach the model that paying is asking for the balance.
    moved: list[str] = []
    repo.edit_yaml("intents/council_tax/pay.yaml", lambda data: move_phrases(data, moved))
    repo.edit_yaml(
        "intents/council_tax/balance.yaml", lambda data: data["languages"]["en"]["phrases"].extend(moved)
    )
    repo.commit("move phrases")

    review = build_review(
        repo.root,
        "base",
        "HEAD",
        ["demo"],
        understanding=True,
        yardsticks=YARDSTICKS,
        cache_dir=tmp_path / "cache",
        margin=0.5,
    )

    assert {(s.council, s.language) for s in review.sections} == {("demo", "en")}
    understanding = review.sections[0].understanding
    assert understanding is not None and understanding.retrained
    held_out, turns = understanding.measures
    assert held_out.source == "held-out test set (en.yaml)"
    # the conversation scripts' opening turns are the second yardstick, measured on both revisions
    assert turns.source == "conversation turns" and turns.examples > 0
    assert "conversation turns: " in markdown(review)
    assert held_out.accuracy_after < held_out.accuracy_before
    [pay] = [shift for shift in held_out.shifts if shift.intent == "council_tax.pay"]
    assert pay.right_after < pay.right_before
    confusion = next(c for c in held_out.confusions if c.expected == "council_tax.pay")
    assert confusion.predicted == "council_tax.balance" and confusion.after > confusion.before
    assert any("accuracy on the held-out test set (en.yaml) falls by" in b for b in review.blockers())
    sentence = (
        f"{confusion.after} test utterances of council_tax.pay now go to council_tax.balance "
        f"(before: {confusion.before})"
    )
    assert sentence in markdown(review)
    assert list(Draft202012Validator(schema()).iter_errors(as_json(review))) == []


def test_a_language_whose_training_data_did_not_change_is_not_retrained(
    repo: LibraryRepository, tmp_path: Path
) -> None:
    repo.replace("intents/council_tax/pay.yaml", "Pay online now.", "Pay online today.")
    repo.commit("answer only")

    review = build_review(
        repo.root,
        "base",
        "HEAD",
        ["oxford"],
        understanding=True,
        yardsticks=YARDSTICKS,
        cache_dir=tmp_path / "cache",
    )

    [section] = review.sections
    assert section.understanding is not None and not section.understanding.retrained
    assert section.understanding.note == "training data unchanged: not retrained"
    assert not (tmp_path / "cache").exists()  # nothing was trained
