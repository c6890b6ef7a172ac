"""The NLU report on the held-out test set, and `sync-intents nlu-report`.

The accuracy goals are asserted here so that a library change that breaks understanding fails CI.
"""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import REPOSITORY
from webhook.agent.commands import COMMANDS
from webhook.agent.report import (
    IN_SCOPE_GOAL,
    OUT_OF_SCOPE_GOAL,
    HeldOutExample,
    HeldOutSetError,
    build_report,
    council_report,
    load_test_set,
)
from webhook.agent.store import ModelStore
from webhook.library.model import Library

CLI = click.Group(commands=COMMANDS)


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_demo_council_meets_the_accuracy_goals_on_the_held_out_set(
    demo_store: ModelStore, library: Library, nlu_cache: Path, language: str
) -> None:
    report = council_report(library, "demo", language, cache_dir=nlu_cache)
    assert report.model_source == "cache"  # the session's model, not a retrained one
    assert report.examples == {"en": 360, "cy": 180}[language] and report.skipped == 0
    assert report.in_scope_accuracy >= IN_SCOPE_GOAL, report.confused
    assert report.out_of_scope_recall is not None and report.out_of_scope_recall >= OUT_OF_SCOPE_GOAL
    assert report.goals_met
    assert report.cross_validation is not None and report.cross_validation.folds == 5


def test_examples_of_intents_the_council_does_not_offer_are_skipped(demo_store: ModelStore) -> None:
    examples = [
        HeldOutExample("when is my bin day", "waste.collection_day"),
        HeldOutExample("report a pothole", "streets.pothole"),
        HeldOutExample("renew my passport", "system.fallback"),
    ]
    report = build_report(demo_store.classifier("demo", "en"), examples, offered={"waste.collection_day"})
    assert (report.examples, report.skipped) == (2, 1)
    assert report.in_scope_accuracy == 1.0 and report.out_of_scope_recall == 1.0


def test_per_intent_scores_and_confused_pairs(demo_store: ModelStore) -> None:
    examples = [
        HeldOutExample("when is my bin day", "waste.collection_day"),
        HeldOutExample("report a pothole", "waste.collection_day"),  # mislabelled on purpose
        HeldOutExample("report a pothole", "streets.pothole"),
    ]
    offered = {"waste.collection_day", "streets.pothole"}
    report = build_report(demo_store.classifier("demo", "en"), examples, offered)
    scores = {s.intent: s for s in report.per_intent}
    assert (scores["waste.collection_day"].precision, scores["waste.collection_day"].recall) == (1.0, 0.5)
    assert (scores["streets.pothole"].precision, scores["streets.pothole"].support) == (0.5, 1)
    assert [(p.expected, p.predicted, p.count) for p in report.confused] == [
        ("waste.collection_day", "streets.pothole", 1)
    ]


def test_a_malformed_test_set_names_the_file_and_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "en.yaml"
    path.write_text("examples:\n  - text: hello\n    intent: system.welcome\n  - text: no intent\n")
    with pytest.raises(HeldOutSetError, match=r"en\.yaml: examples\[1\] must have a `text` and an `intent`"):
        load_test_set(path)
    with pytest.raises(HeldOutSetError, match="cannot read"):
        load_test_set(tmp_path / "missing.yaml")


def invoke(*arguments: str) -> click.testing.Result:
    return CliRunner().invoke(CLI, ["nlu-report", "--library", str(REPOSITORY), *arguments])


def test_the_command_prints_the_report(demo_store: ModelStore, nlu_cache: Path) -> None:
    result = invoke("--council", "demo", "--cache-dir", str(nlu_cache))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("NLU report for demo (en): 360 held-out examples (0 skipped)")
    assert any(line.strip().startswith("in-scope accuracy") and "met" in line for line in lines)
    assert any(line.startswith("Cross-validation (5 folds") for line in lines)
    assert any(line.strip().startswith("waste.collection_day") for line in lines)
    assert "Most confused (expected -> predicted):" in lines


def test_the_command_prints_json_for_machines(demo_store: ModelStore, nlu_cache: Path) -> None:
    result = invoke(
        "--council", "demo", "--language", "cy", "--format", "json", "--cache-dir", str(nlu_cache)
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["council"], report["language"], report["examples"]) == ("demo", "cy", 180)
    assert report["goals"]["met"] is True
    assert {"intent", "precision", "recall", "f1", "support"} <= set(report["per_intent"][0])


def test_check_fails_when_the_goals_are_not_met(
    demo_store: ModelStore, nlu_cache: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        "examples:\n"
        "  - {text: when is my bin day, intent: streets.pothole}\n"
        "  - {text: report a pothole, intent: system.fallback}\n"
    )
    arguments = ("--council", "demo", "--cache-dir", str(nlu_cache), "--test-set", str(wrong))
    assert invoke(*arguments).exit_code == 0
    failed = invoke(*arguments, "--check")
    assert failed.exit_code == 1 and "NOT MET" in failed.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--council", "atlantis"), "no council 'atlantis'"),
        (("--council", "oxford", "--language", "cy"), "oxford does not speak 'cy'"),
        (("--council", "demo", "--test-set", "/nonexistent/en.yaml"), "cannot read the test set"),
    ],
)
def test_bad_options_are_clear_errors(arguments: tuple[str, ...], message: str, tmp_path: Path) -> None:
    result = invoke(*arguments, "--cache-dir", str(tmp_path))
    assert result.exit_code != 0 and message in result.output
