"""A file that does not load is the root cause of what it knocks on elsewhere, and is reported first."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BuildLibrary
from webhook.library.problems import Location, Problem, Severity
from webhook.library.validate import Report, as_json, summary, validate_library

MINIMAL = Path(__file__).parent / "minimal"
COLLECTION_DAY = "intents/waste/collection_day.yaml"


def minimal(relative: str) -> str:
    return (MINIMAL / relative).read_text(encoding="utf-8")


def replaced(relative: str, old: str, new: str) -> dict[str, str]:
    """A file of the minimal library with one change, for `build_library(files=...)`."""
    return {relative: minimal(relative).replace(old, new)}


def broken_collection_day() -> dict[str, str]:
    """The bin-day intent with a colon in unquoted text on line 4, which the unitary council names."""
    return replaced(COLLECTION_DAY, "Tell a resident which", "Tell a resident: which")


#: The unitary council names the bin-day intent under `services:`.
UNITARY_NAMES_IT = "councils/unitary/council.yaml:16:3 [overlay-unknown-intent]"


def where(problem: Problem, root: Path) -> str:
    cause = f" <- {problem.cause.display(root)}" if problem.cause else ""
    return f"{problem.location.display(root)} [{problem.rule}]{cause}"


def test_a_broken_intent_is_reported_before_the_overlay_that_names_it(build_library: BuildLibrary) -> None:
    root = build_library(files=broken_collection_day())
    report = validate_library(root)
    assert [where(p, root) for p in report.errors] == [
        "intents/waste/collection_day.yaml:4:29 [yaml-syntax]",
        f"{UNITARY_NAMES_IT} <- intents/waste/collection_day.yaml:4:29",
    ]
    knock_on = report.errors[1]
    assert knock_on.message == (
        "intent 'waste.collection_day' did not load (see intents/waste/collection_day.yaml above)"
    )


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        pytest.param(
            replaced(COLLECTION_DAY, "tier: district", "tier: districts"),
            f"{UNITARY_NAMES_IT} <- intents/waste/collection_day.yaml:5:7",
            id="an intent that breaks its schema",
        ),
        pytest.param(
            replaced(COLLECTION_DAY, "id: waste.collection_day", "id: waste.bin_day"),
            f"{UNITARY_NAMES_IT} <- intents/waste/collection_day.yaml:2:5",
            id="an intent whose id differs from its place",
        ),
        pytest.param(
            {"intents/entities/postcode.yaml": "name: [postcode\n"},
            "intents/waste/collection_day.yaml:8:13 [entity-unknown] <- intents/entities/postcode.yaml:2:1",
            id="an entity type",
        ),
        pytest.param(
            replaced("councils/county/council.yaml", "tier: county", ""),
            "councils/district/council.yaml:6:9 [county-unknown] <- councils/county/council.yaml:2:1",
            id="a county's overlay",
        ),
        pytest.param(
            {
                **broken_collection_day(),
                "intents/waste/collection_day_confirm.yaml": minimal("intents/system/welcome.yaml")
                .replace("id: system.welcome", "id: waste.collection_day_confirm")
                .replace("events: [WELCOME]", "followup_of: waste.collection_day"),
            },
            "intents/waste/collection_day_confirm.yaml:6:14 [followup-unknown] <- "
            "intents/waste/collection_day.yaml:4:29",
            id="the intent a follow-up follows",
        ),
        pytest.param(
            {
                **broken_collection_day(),
                "intents/waste/bin_type.yaml": minimal("intents/system/welcome.yaml")
                .replace("id: system.welcome", "id: waste.bin_type")
                .replace("events: [WELCOME]", "contexts:\n  input: [bin_collection]"),
            },
            "intents/waste/bin_type.yaml:7:11 [context-orphan] <- intents/waste/collection_day.yaml:4:29",
            id="the intent that outputs a context",
        ),
    ],
)
def test_what_a_file_that_did_not_load_knocks_on_names_it_as_the_cause(
    files: dict[str, str], expected: str, build_library: BuildLibrary
) -> None:
    root = build_library(files=files)
    report = validate_library(root)
    assert expected in [where(p, root) for p in report.problems]
    assert all(p.severity is Severity.ERROR for p in report.knock_on)


def test_root_causes_come_first_and_each_knock_on_follows_its_cause(build_library: BuildLibrary) -> None:
    files = {
        **broken_collection_day(),
        "intents/entities/postcode.yaml": "name: [postcode\n",
        "councils/district/council.yaml": minimal("councils/district/council.yaml")
        + "services:\n  waste.collection_day: {url: https://district.example/bins}\n",
    }
    root = build_library(files=files)
    problems = validate_library(root).errors
    roots = [p for p in problems if p.cause is None]
    assert problems[: len(roots)] == roots, "every root cause is listed before any knock-on"
    assert roots == sorted(roots)
    knock_on = problems[len(roots) :]
    assert knock_on and [p.cause for p in knock_on] == sorted(p.cause for p in knock_on)
    causes = {p.location for p in roots}
    assert all(p.cause in causes for p in knock_on), "a knock-on names a problem that is printed"


def test_a_missing_intent_that_no_file_tried_to_define_is_not_a_knock_on(build_library: BuildLibrary) -> None:
    text = minimal("councils/district/council.yaml") + "intents:\n  disabled: [waste.colection_day]\n"
    root = build_library(files={"councils/district/council.yaml": text})
    (problem,) = validate_library(root).errors
    assert (problem.rule, problem.cause) == ("overlay-unknown-intent", None)
    assert problem.message == "no intent 'waste.colection_day' in the library"


def test_the_summary_counts_files_that_did_not_load_and_knock_on_effects(build_library: BuildLibrary) -> None:
    line = summary(validate_library(build_library(files=broken_collection_day())))
    assert line == (
        "checked 2 intents, 1 entity types and 3 councils (1 file did not load): 2 errors, 4 warnings; "
        "1 of them is a knock-on effect of the file that did not load"
    )


def test_json_gives_each_knock_on_its_cause(build_library: BuildLibrary) -> None:
    root = build_library(files=broken_collection_day())
    report = as_json(validate_library(root), strict=False)
    assert report["knock_on"] == 1
    problems = report["problems"]
    assert isinstance(problems, list)
    (knock_on,) = [p for p in problems if p["cause"] is not None]
    assert knock_on["rule"] == "overlay-unknown-intent"
    cause = knock_on["cause"]
    assert (Path(cause["path"]).resolve(), cause["line"], cause["column"]) == (root / COLLECTION_DAY, 4, 29)
    assert all(p["cause"] is None for p in problems if p is not knock_on)


def test_problems_added_later_keep_the_reading_order(build_library: BuildLibrary) -> None:
    root = build_library(files=broken_collection_day())
    report = validate_library(root)
    extra = Problem(Location(root / "councils/unitary/bins.yaml", 3, 1), Severity.ERROR, "schema", "bad day")
    added = report.adding([extra, *report.problems])
    assert isinstance(added, Report)
    assert added.problems[-1].is_knock_on
    assert extra in added.problems and len(added.problems) == len(report.problems) + 1


@pytest.mark.parametrize(
    ("relative", "old", "new", "hint"),
    [
        (
            "councils/unitary/council.yaml",
            'phone: "01632 960001"',
            "phone: {council.phone}",
            "YAML reads {council.phone} at the start of a value as a mapping: put the whole text in quotes",
        ),
        (
            COLLECTION_DAY,
            "- when is my bin day",
            "- call us: when is my bin day",
            "a colon followed by a space inside unquoted text makes it a key: put the whole text in quotes",
        ),
    ],
)
def test_text_that_yaml_reads_as_a_mapping_gets_a_hint(
    build_library: BuildLibrary, relative: str, old: str, new: str, hint: str
) -> None:
    root = build_library(files=replaced(relative, old, new))
    found = [p for p in validate_library(root).errors if p.rule == "schema"]
    assert [p.location.path.name for p in found] == [Path(relative).name]
    assert f"(hint: {hint})" in found[0].message


def test_an_overlay_rewording_a_message_of_a_broken_messages_file_is_a_knock_on(
    build_library: BuildLibrary,
) -> None:
    unitary = minimal("councils/unitary/council.yaml")
    root = build_library(
        files={
            "councils/unitary/council.yaml": unitary + 'messages:\n  system.lookup_failed: {en: "Sorry."}\n',
            "intents/messages/system.yaml": "area: system\nlanguages: [not, a, mapping\n",
        }
    )
    report = validate_library(root)
    knock_on = [p for p in report.problems if p.rule == "overlay-unknown-message"]
    assert [p.message for p in knock_on] == [
        "message 'system.lookup_failed' did not load (see intents/messages/system.yaml above)"
    ]
    assert report.problems[0].location.path.name == "system.yaml"


def test_a_folder_without_the_schemas_gets_one_error_per_missing_schema_not_a_traceback(
    tmp_path: Path,
) -> None:
    (tmp_path / "intents").mkdir()
    (tmp_path / "councils").mkdir()
    report = validate_library(tmp_path)
    assert not report.passed()
    missing = sorted(str(problem.location.path.relative_to(tmp_path)) for problem in report.problems)
    assert "intents/schema/intent.schema.json" in missing
    assert "councils/council.schema.json" in missing
    assert all(problem.rule == "schema" and "is missing" in problem.message for problem in report.problems)
