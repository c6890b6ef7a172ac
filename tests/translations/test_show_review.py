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


def _overlay_welsh(data: object, path: tuple = ()) -> int:
    """How many Welsh texts an overlay holds: strings under a `cy` key, less web addresses, phone
    numbers and GOV.UK Notify template ids."""
    if isinstance(data, dict):
        return sum(_overlay_welsh(value, (*path, key)) for key, value in data.items())
    if isinstance(data, list):
        return sum(_overlay_welsh(value, (*path, index)) for index, value in enumerate(data))
    return int(
        isinstance(data, str)
        and "cy" in path
        and "templates" not in path
        and any(char.isalpha() for char in data)
        and not data.startswith("http")
    )


def _overlay_tally(library: Path, slug: str) -> tuple[int, int]:
    """The overlay's Welsh texts: (waiting for a Welsh speaker, all), from its welsh_review."""
    data = _load(library / "councils" / slug / "council.yaml")
    count = _overlay_welsh(data)
    if data.get("welsh_review") in REVIEWED:
        return 0, count
    return count - len(data.get("welsh_native_so_far", {})), count


def _show_review(runner: CliRunner, library: Path, *args: str) -> str:
    result = sync_intents(runner, "show", "--review", "--library", str(library), *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_each_welsh_speaking_council_gets_its_counts(runner: CliRunner, library: Path) -> None:
    output = _show_review(runner, library)
    waiting, said, phrases_waiting, phrases = _tally(library)
    for slug, name in (("cardiff", "Cyngor Caerdydd"), ("demo", "Cyngor Bwrdeistref Demo")):
        own_waiting, own = _overlay_tally(library, slug)
        assert own_waiting == own > 0  # every overlay with Welsh says needs-welsh-speaker
        totals = (
            f"{waiting + own_waiting} of {said + own} texts the bot says and {phrases_waiting} of {phrases} "
            "training phrases need a Welsh speaker"
        )
        assert f"{slug} ({name}): {totals}" in output.splitlines()
        (line,) = [line for line in output.splitlines() if line.startswith(f"  council {slug} ")]
        assert line.split()[2:6] == ["says", str(own), "of", str(own)]
        assert line.endswith("[needs-welsh-speaker]")
    assert "oxford" not in output  # Oxford speaks English only
    assert "no welsh_review mark" not in output


def test_the_counts_fall_by_what_a_reviewer_marks_done(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    waiting, said, phrases_waiting, phrases = _tally(library)
    own_waiting, own = _overlay_tally(library, "demo")
    waiting, said = waiting + own_waiting, said + own
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


def test_an_overlays_welsh_is_counted_under_its_welsh_review_and_falls_as_rows_are_done(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    def overlay_line(output: str) -> str:
        (line,) = [line for line in output.splitlines() if line.startswith("  council cardiff ")]
        return line

    own_waiting, own = _overlay_tally(library, "cardiff")
    assert (own_waiting, own) == (2, 2)  # Cardiff's name and address
    output = _show_review(runner, library, "--council", "cardiff")
    assert overlay_line(output).split()[2:] == ["says", "2", "of", "2", "[needs-welsh-speaker]"]
    sheet = export(runner, library, tmp_path / "cy.csv")
    sheet.row("council:cardiff:name")["done"] = "done"
    result = sync_intents(
        runner, "translations", "import", "--library", str(library), str(sheet.save(tmp_path / "cy.csv"))
    )
    assert result.exit_code == 0, result.output
    assert _overlay_tally(library, "cardiff") == (1, 2)  # welsh_native_so_far lists the name
    output = _show_review(runner, library, "--council", "cardiff")
    assert overlay_line(output).split()[2:] == ["says", "1", "of", "2", "[needs-welsh-speaker]"]

    sheet.row("council:cardiff:contact.address")["done"] = "done"
    result = sync_intents(
        runner, "translations", "import", "--library", str(library), str(sheet.save(tmp_path / "cy.csv"))
    )
    assert result.exit_code == 0, result.output
    output = _show_review(runner, library, "--council", "cardiff")
    assert "council cardiff" not in output  # welsh_review: native, so fully reviewed
    waiting, said, _, _ = _tally(library)
    assert f"cardiff (Cyngor Caerdydd): {waiting} of {said + 2} texts the bot says" in output


def test_an_overlay_without_welsh_review_is_listed_apart_and_not_counted(
    runner: CliRunner, library: Path
) -> None:
    path = library / "councils/cardiff/council.yaml"
    path.write_text(path.read_text("utf-8").replace("welsh_review: needs-welsh-speaker\n", ""), "utf-8")
    output = _show_review(runner, library, "--council", "cardiff")
    waiting, said, _, _ = _tally(library)
    assert f"cardiff (Cyngor Caerdydd): {waiting} of {said} texts the bot says" in output
    assert "council cardiff" in output
    assert "2 texts of its own (no welsh_review mark in council.yaml yet)" in output
