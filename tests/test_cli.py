"""`sync-intents validate` and `show`, through click's test runner."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from tests.conftest import REPOSITORY, BuildLibrary
from webhook.cli import main

BROKEN = Path(__file__).parent / "library" / "broken"


def test_validate_passes_a_library_with_no_errors(runner: CliRunner, build_library: BuildLibrary) -> None:
    result = runner.invoke(main, ["validate", "--library", str(build_library())])
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_strict_validate_fails_on_warnings(runner: CliRunner, build_library: BuildLibrary) -> None:
    result = runner.invoke(main, ["validate", "--strict", "--library", str(build_library())])
    assert result.exit_code == 1
    assert "warning:" in result.output and "[too-few-phrases]" in result.output


def test_validate_prints_each_problem_with_a_path_relative_to_the_current_directory(
    runner: CliRunner, build_library: BuildLibrary, monkeypatch
) -> None:
    root = build_library(BROKEN / "phrase-duplicate")
    monkeypatch.chdir(root)
    result = runner.invoke(main, ["validate", "--library", "."])
    assert result.exit_code == 1
    expected = (
        "intents/system/welcome.yaml:12:9: error: phrase 'Good morning!' repeats line 11 of "
        "welcome.yaml [phrase-duplicate]"
    )
    assert expected in result.output.splitlines()
    assert "1 errors" in result.output


def test_validate_json_output_is_machine_readable(runner: CliRunner, build_library: BuildLibrary) -> None:
    root = build_library(BROKEN / "schema")
    result = runner.invoke(main, ["validate", "--format", "json", "--library", str(root)])
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["passed"] is False
    schema = [p for p in report["problems"] if p["rule"] == "schema"]
    assert {(p["line"], p["column"]) for p in schema} == {(5, 7), (12, 7)}
    assert all(p["path"] == os.path.relpath(root / "intents/system/welcome.yaml") for p in schema)
    assert report["knock_on"] == 0 and all(p["cause"] is None for p in report["problems"])


def test_validate_lists_a_broken_file_before_what_it_knocks_on(
    runner: CliRunner, build_library: BuildLibrary, monkeypatch
) -> None:
    intent = (BROKEN.parent / "minimal" / "intents" / "waste" / "collection_day.yaml").read_text()
    broken = intent.replace("Tell a resident which", "Tell a resident: which")
    root = build_library(files={"intents/waste/collection_day.yaml": broken})
    monkeypatch.chdir(root)
    result = runner.invoke(main, ["validate", "--library", "."])
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if ": error: " in line]
    assert errors == [
        "intents/waste/collection_day.yaml:4:29: error: mapping values are not allowed in this context "
        "(hint: a colon followed by a space inside unquoted text: put the whole text in quotes) "
        "[yaml-syntax]",
        "councils/unitary/council.yaml:16:3: error: intent 'waste.collection_day' did not load "
        "(see intents/waste/collection_day.yaml above) [overlay-unknown-intent]",
    ]
    assert "(1 file did not load): 2 errors" in result.output
    assert "1 of them is a knock-on effect of the file that did not load" in result.output


def test_validate_fails_on_an_intent_naming_a_handler_that_does_not_exist(
    runner: CliRunner, build_library: BuildLibrary
) -> None:
    root = build_library(BROKEN / "handler-unknown")
    result = runner.invoke(main, ["validate", "--library", str(root)])
    assert result.exit_code == 1
    assert (
        "no fulfilment handler 'waste.colection_day' (did you mean 'waste.collection_day'?)" in result.output
    )


def test_validate_finds_the_repository_from_the_current_directory(runner: CliRunner, monkeypatch) -> None:
    repository = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(repository / "intents")
    result = runner.invoke(main, ["validate"])
    assert result.exit_code == 0, result.output
    assert "4 councils" in result.output or "councils" in result.output


def test_show_labels_each_value_with_its_layer(runner: CliRunner, build_library: BuildLibrary) -> None:
    root = build_library()
    result = runner.invoke(main, ["show", "--library", str(root), "--council", "district", "streets.pothole"])
    assert result.exit_code == 0, result.output
    assert "provided by: County Council  [council:county]" in result.output
    assert "  [routing]" in result.output
    assert "{service.url} = https://county.example/potholes  [council:county]" in result.output


def test_show_in_welsh(runner: CliRunner, build_library: BuildLibrary) -> None:
    root = build_library()
    args = ["show", "--library", str(root), "--council", "unitary", "--language", "cy", "system.welcome"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "Helo, cynorthwyydd Cyngor Unedol ydw i.  [library]" in result.output


def test_show_explains_an_unknown_council(runner: CliRunner, build_library: BuildLibrary) -> None:
    root = build_library()
    result = runner.invoke(main, ["show", "--library", str(root), "--council", "nowhere", "system.welcome"])
    assert result.exit_code == 2
    assert "no council 'nowhere'" in result.output


def test_show_refuses_a_language_the_council_does_not_speak(
    runner: CliRunner, build_library: BuildLibrary
) -> None:
    root = build_library()
    args = ["show", "--library", str(root), "--council", "county", "--language", "cy", "system.welcome"]
    result = runner.invoke(main, args)
    assert result.exit_code == 2
    assert "does not speak 'cy'" in result.output


def test_validate_checks_each_councils_data_files(runner: CliRunner, build_library: BuildLibrary) -> None:
    repository = Path(__file__).resolve().parents[1]
    bins = (repository / "councils" / "demo" / "bins.yaml").read_text(encoding="utf-8")
    broken = bins.replace("food: monday", "food: someday", 1)
    root = build_library(files={"councils/unitary/bins.yaml": broken})
    result = runner.invoke(main, ["validate", "--library", str(root)])
    assert result.exit_code == 1
    assert "unitary/bins.yaml:" in result.output and "[schema]" in result.output


def test_test_runs_conversations_against_the_fakes_and_prints_figures_per_language(
    runner: CliRunner, tmp_path: Path
) -> None:
    scripts = tmp_path / "scripts"
    scripts.mkdir()
    (scripts / "bins.yaml").write_text(
        "council: demo\nturns:\n"
        "  - say: when is my bin day\n    expect: {intent: waste.collection_day}\n"
        "  - say: AA1 2AB\n    expect: {text_contains: [Which is yours]}\n"
        "  - say: its mill ln\n    expect: {text_contains: [Mill Lane]}\n",
        encoding="utf-8",
    )
    (scripts / "wrong_cy.yaml").write_text(
        "council: demo\nlanguage: cy\nturns:\n"
        "  - say: pryd mae diwrnod bin\n    expect: {intent: waste.collection_day}\n"
        "  - say: AA1 1AA\n    expect: {intent: council.councillor}\n",
        encoding="utf-8",
    )

    result = runner.invoke(main, ["test", "--library", str(REPOSITORY), "--scripts", str(scripts)])

    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert "cy: 0/1 conversations passed (0.0%), 1/2 turns passed (50.0%)" in lines
    assert "en: 1/1 conversations passed (100.0%), 3/3 turns passed (100.0%)" in lines
    assert "1 passed, 1 failed" in lines
