"""`sync-intents show --review`: what still needs a Welsh speaker, per council that speaks Welsh, counted
from the YAML independently of the code under test, and again after a reviewer's import."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from tests.translations.conftest import export, sync_intents

REVIEWED = ("native", "reviewed")


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def _tally(library: Path) -> tuple[int, int, int, int]:
    """What the bot says in Welsh and its Welsh training phrases: (waiting, all) of each, for a unitary
    council that offers every intent and rewords no message."""
    said = said_waiting = phrases = phrases_waiting = 0
    for path in (library / "intents").glob("*/*.yaml"):
        if path.parent.name in ("entities", "messages", "schema"):
            continue
        data = _load(path)
        welsh = data["languages"].get("cy")
        if welsh is None:
            continue
        responses, card = welsh["responses"], welsh["responses"].get("card") or {}
        count = (
            len(responses["text"])
            + len(responses.get("quick_replies", []))
            + len(responses.get("links", []))
            + len([part for part in ("title", "subtitle") if card.get(part)])
            + len(card.get("buttons", []))
            + ("topic" in welsh)
            + sum(len(p.get("prompts", {}).get("cy", [])) for p in data.get("parameters", []))
        )
        waiting = welsh["review"] not in REVIEWED
        said, phrases = said + count, phrases + len(welsh["phrases"])
        said_waiting += count * waiting
        phrases_waiting += len(welsh["phrases"]) * waiting
    for path in (library / "intents" / "messages").glob("*.yaml"):
        welsh = _load(path)["languages"].get("cy")
        said += len(welsh["messages"])
        said_waiting += len(welsh["messages"]) * (welsh["review"] not in REVIEWED)
    return said_waiting, said, phrases_waiting, phrases


def _show_review(runner: CliRunner, library: Path, *args: str) -> str:
    result = sync_intents(runner, "show", "--review", "--library", str(library), *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_each_welsh_speaking_council_gets_its_counts(runner: CliRunner, library: Path) -> None:
    output = _show_review(runner, library)
    waiting, said, phrases_waiting, phrases = _tally(library)
    totals = (
        f"{waiting} of {said} texts the bot says and {phrases_waiting} of {phrases} training phrases "
        "need a Welsh speaker"
    )
    assert f"cardiff (Cyngor Caerdydd): {totals}" in output.splitlines()
    assert f"demo (Cyngor Bwrdeistref Demo): {totals}" in output.splitlines()
    assert "oxford" not in output  # Oxford speaks English only
    assert "council demo" in output and "council.yaml keeps no review mark" in output


def test_the_counts_fall_by_what_a_reviewer_marks_done(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    waiting, said, phrases_waiting, phrases = _tally(library)
    assert "messages waste " in _show_review(runner, library, "--council", "demo")
    sheet = export(runner, library, tmp_path / "cy.csv")
    sheet.row("intent:waste.collection_day:responses.text.0")["done"] = "done"
    sheet.row("intent:waste.collection_day:phrases.0")["done"] = "done"
    waste = [row for row in sheet.rows if row["key"].startswith("message:waste.")]
    for row in waste:
        row["done"] = "done"
    result = sync_intents(
        runner, "translations", "import", "--library", str(library), str(sheet.save(tmp_path / "cy.csv"))
    )
    assert result.exit_code == 0, result.output

    output = _show_review(runner, library, "--council", "demo")

    said_now = waiting - 1 - len(waste)
    phrases_now = phrases_waiting - 1
    assert (
        f"demo (Cyngor Bwrdeistref Demo): {said_now} of {said} texts the bot says and {phrases_now} of "
        f"{phrases} training phrases need a Welsh speaker"
    ) in output.splitlines()
    assert "messages waste " not in output  # fully reviewed, so no longer listed
    line = next(line for line in output.splitlines() if "intent waste.collection_day " in line)
    _, _, _, says_waiting, _, says, _, asks_waiting, _, asks, _ = line.split()
    assert (int(says_waiting), int(asks_waiting)) == (int(says) - 1, int(asks) - 1)
    assert "cardiff" not in output


def test_a_council_that_does_not_speak_welsh_is_refused(runner: CliRunner, library: Path) -> None:
    result = sync_intents(runner, "show", "--review", "--council", "oxford", "--library", str(library))
    assert result.exit_code != 0
    assert "'oxford' is not a council that speaks Welsh (those that do: cardiff, demo)" in result.output


def test_show_without_review_still_needs_a_council_and_an_intent(runner: CliRunner, library: Path) -> None:
    result = sync_intents(runner, "show", "--library", str(library), "waste.collection_day")
    assert result.exit_code == 2 and "give --council and an INTENT_ID (or --review)" in result.output
