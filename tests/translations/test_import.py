"""`sync-intents translations import`: a reviewed sheet back into the YAML, through the real CLI, on a copy
of the library. Export then import round trips byte for byte; a reviewer's edit changes that string and
its review state and nothing else; a wrong row stops everything with FILE:ROW."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from tests.translations.conftest import export, sync_intents, yaml_bytes
from webhook.library.translations import fingerprint

BIN_DAY = "intents/waste/collection_day.yaml"
PROGRESS_NOTE = "strings a Welsh speaker has marked done (sync-intents translations import)"
ANSWER = "intent:waste.collection_day:responses.text.1"


def _import(runner: CliRunner, library: Path, *paths: Path, dry_run: bool = False):
    args = ["translations", "import", "--library", str(library), *(["--dry-run"] if dry_run else [])]
    return sync_intents(runner, *args, *map(str, paths))


def _changed_lines(before: str, after: str) -> list[str]:
    return [
        line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:2] in ("- ", "+ ")
    ]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run where the sheets are, so problems name them as `cy.csv:ROW:`."""
    monkeypatch.chdir(tmp_path)


def test_importing_an_unchanged_export_leaves_every_yaml_file_byte_identical(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    export(runner, library, tmp_path / "cy.csv")
    before = yaml_bytes(library)
    result = _import(runner, library, tmp_path / "cy.csv")
    assert result.exit_code == 0, result.output
    assert "0 Welsh texts changed, 0 newly marked done" in result.output
    assert "nothing to change" in result.output
    assert yaml_bytes(library) == before


def test_a_reviewed_edit_marked_done_changes_only_that_string_and_its_review_state(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv")
    row = sheet.row(ANSWER)
    old, new = row["welsh"], row["welsh"] + " Diolch."
    row["welsh"], row["done"] = new, "done"
    sheet.save(tmp_path / "cy.csv")
    before = yaml_bytes(library)
    text = (library / BIN_DAY).read_text("utf-8")

    result = _import(runner, library, tmp_path / "cy.csv")

    assert result.exit_code == 0, result.output
    assert "1 Welsh texts changed, 1 newly marked done" in result.output
    assert (
        "intent waste.collection_day: 1 of" in result.output
        and "review stays needs-welsh-speaker" in result.output
    )
    assert "validation: checked" in result.output  # the library is validated after writing
    after = (library / BIN_DAY).read_text("utf-8")
    english = row["english"]
    assert sorted(_changed_lines(text, after)) == sorted(
        [
            f"+     native_so_far:  # {PROGRESS_NOTE}",
            f'+       responses.text.1: "{fingerprint(english, new)}"',
            f'+         - "{new}"',
            f'-         - "{old}"',
        ]
    )
    assert {path for path, data in yaml_bytes(library).items() if before[path] != data} == {library / BIN_DAY}

    again = export(runner, library, tmp_path / "again.csv", "--intent", "waste.collection_day")
    assert again.row(ANSWER)["review"] == "native"
    assert again.row(ANSWER)["welsh"] == new
    assert {r["review"] for r in again.rows if r["key"] != ANSWER} == {"needs-welsh-speaker"}


def test_a_string_edited_after_its_review_needs_a_welsh_speaker_again(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["done"] = "ok"
    assert _import(runner, library, sheet.save(tmp_path / "cy.csv")).exit_code == 0
    path = library / BIN_DAY
    welsh = sheet.row(ANSWER)["welsh"]
    path.write_text(path.read_text("utf-8").replace(welsh, welsh + " Edited by hand."), "utf-8")
    again = export(runner, library, tmp_path / "again.csv", "--intent", "waste.collection_day")
    assert again.row(ANSWER)["review"] == "needs-welsh-speaker"


def test_when_every_string_of_a_block_is_done_it_becomes_native_and_the_progress_list_goes(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "first.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["done"] = "done"
    assert _import(runner, library, sheet.save(tmp_path / "first.csv")).exit_code == 0
    assert "native_so_far" in (library / BIN_DAY).read_text("utf-8")

    sheet = export(runner, library, tmp_path / "rest.csv", "--intent", "waste.collection_day")
    for row in sheet.rows:
        row["done"] = "✓"
    result = _import(runner, library, sheet.save(tmp_path / "rest.csv"))

    assert result.exit_code == 0, result.output
    assert "every string done, so review: native" in result.output
    data = yaml.safe_load((library / BIN_DAY).read_text("utf-8"))
    assert data["languages"]["cy"]["review"] == "native"
    assert "native_so_far" not in data["languages"]["cy"]
    final = export(runner, library, tmp_path / "final.csv", "--intent", "waste.collection_day")
    assert {row["review"] for row in final.rows} == {"native"}


def test_comments_in_the_yaml_survive_an_import(runner: CliRunner, library: Path, tmp_path: Path) -> None:
    path = library / BIN_DAY
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    old = sheet.row(ANSWER)["welsh"]
    # a reviewer's note beside the text, and one above it
    commented = path.read_text("utf-8").replace(
        f'        - "{old}"', f'        # the second answer\n        - "{old}"  # read aloud by the widget'
    )
    path.write_text(commented, "utf-8")
    sheet = export(runner, library, tmp_path / "cy2.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["welsh"] = "Testun newydd, ffoniwch {council.phone}."
    result = _import(runner, library, sheet.save(tmp_path / "cy2.csv"))
    assert result.exit_code == 0, result.output
    after = path.read_text("utf-8")
    new_line = '        - "Testun newydd, ffoniwch {council.phone}."  # read aloud by the widget'
    assert f"        # the second answer\n{new_line}" in after
    assert [line for line in after.splitlines() if line.lstrip().startswith("#")] == [
        line for line in commented.splitlines() if line.lstrip().startswith("#")
    ]


def _drop_placeholder(row: dict[str, str]) -> str:
    placeholder = re.search(r"\{[^{}]+\}", row["welsh"]).group(0)
    row["welsh"] = row["welsh"].replace(placeholder, "")
    return f"must keep {placeholder}"


def _empty(row: dict[str, str]) -> str:
    row["welsh"] = "  "
    return "the Welsh is empty"


def _unknown_key(row: dict[str, str]) -> str:
    row["key"] = "intent:waste.collection_day:responses.text.7"
    return "unknown key intent:waste.collection_day:responses.text.7"


def _too_long_quick_reply(row: dict[str, str]) -> str:
    row["key"] = "intent:waste.collection_day:responses.quick_replies.0"
    return "too long"


@pytest.mark.parametrize("spoil", [_drop_placeholder, _empty, _unknown_key], ids=lambda f: f.__name__)
def test_a_wrong_row_is_named_by_file_and_row_and_nothing_is_written(
    runner: CliRunner, library: Path, tmp_path: Path, spoil
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv")
    number = sheet.number("intent:waste.collection_day:responses.text.0")
    good = sheet.row("message:waste.next")
    good["welsh"], good["done"] = good["welsh"] + " Diolch.", "done"  # a good row is not written either
    expected = spoil(sheet.row("intent:waste.collection_day:responses.text.0"))
    sheet.save(tmp_path / "cy.csv")
    before = yaml_bytes(library)

    result = _import(runner, library, tmp_path / "cy.csv")

    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith(f"cy.csv:{number}: ")]
    assert lines and expected in lines[0], result.output
    assert "nothing written" in result.output
    assert yaml_bytes(library) == before


def test_a_stale_row_whose_english_changed_since_the_export_is_reported(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    row = sheet.row(ANSWER)
    row["welsh"], row["done"] = row["welsh"] + " Diolch.", "done"
    sheet.save(tmp_path / "cy.csv")
    path = library / BIN_DAY
    path.write_text(path.read_text("utf-8").replace(row["english"], "Bins are emptied weekly."), "utf-8")
    before = yaml_bytes(library)

    result = _import(runner, library, tmp_path / "cy.csv")

    assert result.exit_code == 1
    assert (
        f"cy.csv:{sheet.number(ANSWER)}: {ANSWER}: stale row: the English has changed since this sheet was "
        "exported; it now reads 'Bins are emptied weekly.'"
    ) in result.output
    assert yaml_bytes(library) == before


def test_a_mutation_on_a_placeholder_must_be_kept(runner: CliRunner, library: Path, tmp_path: Path) -> None:
    path = library / BIN_DAY
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    welsh = sheet.row(ANSWER)["welsh"]
    mutated = welsh + " Croeso i {council.name|soft}."
    path.write_text(path.read_text("utf-8").replace(welsh, mutated), "utf-8")
    sheet = export(runner, library, tmp_path / "cy2.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["welsh"] = mutated.replace("{council.name|soft}", "{council.name}")
    before = yaml_bytes(library)
    result = _import(runner, library, sheet.save(tmp_path / "cy2.csv"))
    assert result.exit_code == 1
    assert (
        f"cy2.csv:{sheet.number(ANSWER)}: {ANSWER}: the Welsh must keep {{council.name|soft}}"
        in result.output
    )
    assert yaml_bytes(library) == before


def test_a_translator_may_add_a_known_mutation_to_a_bare_placeholder(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    row = sheet.row(ANSWER)
    placeholder = re.search(r"\{([a-z.]+)\}", row["welsh"]).group(1)
    row["welsh"] = row["welsh"].replace(f"{{{placeholder}}}", f"{{{placeholder}|soft}}")
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"), dry_run=True)
    assert "1 Welsh texts changed" in result.output, result.output

    row["welsh"] = row["welsh"].replace("|soft}", "|meddal}")
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"), dry_run=True)
    assert result.exit_code == 1
    assert (
        f"cy.csv:{sheet.number(ANSWER)}: {ANSWER}: {{{placeholder}|meddal}}: unknown mutation"
        in result.output
    )


def test_a_phrase_must_keep_its_parameter_marks(runner: CliRunner, library: Path, tmp_path: Path) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    row = next(
        r for r in sheet.rows if "(postcode)" in r["welsh"] and r["key"].split(":")[2].startswith("phrases")
    )
    row["welsh"] = re.sub(r"\[([^\]]+)\]\(postcode\)", r"\1", row["welsh"])
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 1
    assert (
        f"cy.csv:{sheet.number(row['key'])}: {row['key']}: the phrase must keep a [value](postcode) mark"
        in (result.output)
    )


@pytest.mark.parametrize(
    ("added", "expected"),
    [
        (" Ar agor o dydd Llun.", "after 'o', 'dydd' takes the soft mutation: o ddydd"),
        (" Croeso i {council.name}.", "write {council.name|soft}"),
        (" Talwch eich treth y cyngor.", "the glossary's Welsh for 'council tax' is 'treth gyngor'"),
    ],
)
def test_welsh_the_lint_or_the_glossary_refuses_is_named_by_its_row_and_nothing_is_written(
    runner: CliRunner, library: Path, tmp_path: Path, added: str, expected: str
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    row = sheet.row(ANSWER)
    row["welsh"], row["done"] = row["welsh"] + added, "done"
    before = yaml_bytes(library)
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 1
    assert f"cy.csv:{sheet.number(ANSWER)}: {ANSWER}: " in result.output
    assert expected in result.output, result.output
    assert yaml_bytes(library) == before


def test_a_phrase_is_welsh_as_residents_type_it_so_the_lint_leaves_it_alone(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    row = next(r for r in sheet.rows if r["key"].split(":")[2].startswith("phrases"))
    row["welsh"] = "pryd mae casgliad biniau o dydd llun"
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"), dry_run=True)
    assert result.exit_code == 0, result.output
    assert "1 Welsh texts changed" in result.output


def test_a_quick_reply_the_schema_refuses_is_named_by_its_row(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    key = "intent:waste.collection_day:responses.quick_replies.0"
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    sheet.row(key)["welsh"] = "Rhoi gwybod am fin sydd heb ei gasglu gan y criw heddiw"
    before = yaml_bytes(library)
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 1
    assert f"cy.csv:{sheet.number(key)}: {key}: " in result.output and "is too long" in result.output
    assert yaml_bytes(library) == before


def test_a_sheet_saved_without_welsh_letters_is_refused(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    key = "council:demo:backends.reports.questions.noise_type"
    sheet = export(runner, library, tmp_path / "cy.csv")
    sheet.row(key)["welsh"] = sheet.row(key)["welsh"].replace("ŵ", "?")
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 1
    assert f"cy.csv:{sheet.number(key)}: {key}: Welsh letters have been turned into '?'" in result.output

    sheet.save(tmp_path / "ansi.csv", encoding="cp1252")  # â in other rows cannot be UTF-8 there
    result = _import(runner, library, tmp_path / "ansi.csv")
    assert result.exit_code == 1 and "ansi.csv: the file is not UTF-8" in result.output


def test_a_sheet_saved_with_semicolons_reads_the_same(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["done"] = "Iawn"
    result = _import(runner, library, sheet.save(tmp_path / "semi.csv", delimiter=";"))
    assert result.exit_code == 0, result.output
    assert "0 Welsh texts changed, 1 newly marked done" in result.output


def test_a_dry_run_says_what_would_change_and_writes_nothing(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["done"] = "done"
    before = yaml_bytes(library)
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"), dry_run=True)
    assert result.exit_code == 0, result.output
    assert f"{Path('library') / BIN_DAY}: 0 changed, 1 marked done" in result.output
    assert yaml_bytes(library) == before


def test_an_overlay_row_marked_done_is_recorded_under_the_overlays_welsh_review(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    key = "council:cardiff:contact.address"
    path = library / "councils/cardiff/council.yaml"
    text = path.read_text("utf-8")
    sheet = export(runner, library, tmp_path / "cy.csv")
    english, old = sheet.row(key)["english"], sheet.row(key)["welsh"]
    new = old.replace("Neuadd y Sir", "Neuadd Y Sir")
    sheet.row(key)["welsh"], sheet.row(key)["done"] = new, "done"
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 0, result.output
    assert "council cardiff: 1 of 2 strings done, welsh_review stays needs-welsh-speaker" in result.output
    assert "0 errors, 0 warnings" in result.output  # the overlay still validates
    # the reworded address, and the progress list after welsh_review; comments and layout untouched
    assert sorted(_changed_lines(text, path.read_text("utf-8"))) == sorted(
        [
            f"-     cy: {old}",
            f"+     cy: {new}",
            f"+ welsh_native_so_far:  # {PROGRESS_NOTE}",
            f'+   contact.address: "{fingerprint(english, new)}"',
        ]
    )
    lines = path.read_text("utf-8").splitlines()
    assert lines[lines.index("welsh_review: needs-welsh-speaker") + 1].startswith("welsh_native_so_far:")
    again = export(runner, library, tmp_path / "again.csv")
    assert again.row(key)["review"] == "native"
    assert again.row("council:cardiff:name")["review"] == "needs-welsh-speaker"


def test_an_overlay_becomes_native_when_every_row_is_done_and_its_progress_list_goes(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    path = library / "councils/demo/council.yaml"
    text = path.read_text("utf-8")
    sheet = export(runner, library, tmp_path / "first.csv")
    rows = [row for row in sheet.rows if row["key"].startswith("council:demo:")]
    rows[0]["done"] = "done"
    assert _import(runner, library, sheet.save(tmp_path / "first.csv")).exit_code == 0
    assert "welsh_native_so_far" in path.read_text("utf-8")

    sheet = export(runner, library, tmp_path / "rest.csv")
    for row in sheet.rows:
        if row["key"].startswith("council:demo:"):
            row["done"] = "iawn"
    result = _import(runner, library, sheet.save(tmp_path / "rest.csv"))

    assert result.exit_code == 0, result.output
    assert "council demo: every string done, so welsh_review: native" in result.output
    after = path.read_text("utf-8")
    assert _changed_lines(text, after) == [
        "- welsh_review: needs-welsh-speaker",
        "+ welsh_review: native",
    ]  # the progress list written by the first import is gone again
    final = export(runner, library, tmp_path / "final.csv")
    assert {row["review"] for row in final.rows if row["key"].startswith("council:demo:")} == {"native"}
    assert {row["review"] for row in final.rows if row["key"].startswith("council:cardiff:")} == {
        "needs-welsh-speaker"
    }


def test_an_overlay_without_welsh_review_is_reworded_but_its_done_rows_are_not_recorded(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    key = "council:cardiff:contact.address"
    path = library / "councils/cardiff/council.yaml"
    path.write_text(path.read_text("utf-8").replace("welsh_review: needs-welsh-speaker\n", ""), "utf-8")
    text = path.read_text("utf-8")
    sheet = export(runner, library, tmp_path / "cy.csv")
    assert sheet.row(key)["review"] == "not recorded"
    old = sheet.row(key)["welsh"]
    sheet.row(key)["welsh"], sheet.row(key)["done"] = old.replace("Neuadd y Sir", "Neuadd Y Sir"), "done"
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 0, result.output
    assert (
        "council cardiff: 1 marked done not recorded: council.yaml has no welsh_review (write "
        "`welsh_review: needs-welsh-speaker` in it, then import again)"
    ) in result.output
    assert "[welsh-review-missing]" in result.output  # the validation after writing says so too
    assert _changed_lines(text, path.read_text("utf-8")) == [
        f"-     cy: {old}",
        f"+     cy: {old.replace('Neuadd y Sir', 'Neuadd Y Sir')}",
    ]


def test_the_reviewers_notes_are_shown(runner: CliRunner, library: Path, tmp_path: Path) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv", "--intent", "waste.collection_day")
    sheet.row(ANSWER)["notes"] = "Cardiff says 'casgliadau' here"
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert f"cy.csv:{sheet.number(ANSWER)} {ANSWER}: Cardiff says 'casgliadau' here" in result.output


def test_a_routing_message_becomes_native_only_when_all_its_strings_are_done(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    path = library / "intents/routing.yaml"
    sheet = export(runner, library, tmp_path / "cy.csv")
    rows = [row for row in sheet.rows if row["key"].startswith("routing:to_county:")]
    rows[0]["done"] = "done"
    before = path.read_bytes()
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 0, result.output
    assert (
        f"routing to_county: 1 of {len(rows)} strings done, review stays needs-welsh-speaker "
        "(its file keeps no partial progress)"
    ) in result.output
    assert path.read_bytes() == before

    for row in rows:
        row["done"] = "done"
    result = _import(runner, library, sheet.save(tmp_path / "cy.csv"))
    assert result.exit_code == 0, result.output
    routing = yaml.safe_load(path.read_text("utf-8"))
    assert (routing["to_county"]["cy"]["review"], routing["to_district"]["cy"]["review"]) == (
        "native",
        "needs-welsh-speaker",
    )
