"""An overlay's `welsh_review`: `sync-intents validate` warns, at FILE:LINE:COL, when a council that speaks
Welsh has Welsh in its overlay and no mark saying whether a Welsh speaker has checked it; the schema
takes only the marks the review workflow knows."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import MINIMAL_LIBRARY, BuildLibrary
from webhook.cli import main
from webhook.library.validate import validate_library

OVERLAY = "councils/unitary/council.yaml"
#: The minimal library's Welsh-speaking overlay, which says `welsh_review: needs-welsh-speaker`.
UNITARY = (MINIMAL_LIBRARY / OVERLAY).read_text(encoding="utf-8")
UNMARKED = UNITARY.replace("welsh_review: needs-welsh-speaker\n", "")
#: Welsh of the overlay's own besides its name: a report question, as the demo council asks them.
QUESTIONS = """\
backends:
  reports:
    kind: open311
    base_url: https://open311.unitary.example/v2
    api_key_env: UNITARY_OPEN311_API_KEY
    questions:
      noise_type: {en: What is making the noise?, cy: Beth sy'n gwneud y sŵn?}
"""


def _review_warnings(root: Path) -> list[str]:
    return [
        problem.format(root)
        for problem in validate_library(root).problems
        if problem.rule == "welsh-review-missing"
    ]


def test_validate_warns_at_the_overlays_first_welsh_text_when_it_has_no_welsh_review(
    build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "welsh_review" in UNITARY and "welsh_review" not in UNMARKED
    root = build_library(files={OVERLAY: UNMARKED + QUESTIONS})
    monkeypatch.chdir(root)  # paths are printed from where the command runs
    lines = UNMARKED.splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "cy: Cyngor Unedol" in text)
    column = lines[line - 1].index("Cyngor Unedol") + 1

    result = CliRunner().invoke(main, ["validate", "--strict", "--library", str(root)])

    assert result.exit_code == 1
    found = [text for text in result.output.splitlines() if "[welsh-review-missing]" in text]
    assert found == [
        f"{OVERLAY}:{line}:{column}: warning: the overlay has 2 Welsh texts (the first here, name) and no "
        "welsh_review saying whether a Welsh speaker has checked them: write `welsh_review: "
        "needs-welsh-speaker` after `languages:` (`sync-intents translations export` gives a Welsh "
        "speaker the sheet to review) [welsh-review-missing]"
    ]


@pytest.mark.parametrize("mark", ["needs-welsh-speaker", "native"])
def test_either_mark_satisfies_validate(build_library: BuildLibrary, mark: str) -> None:
    root = build_library(files={OVERLAY: UNMARKED + QUESTIONS + f"welsh_review: {mark}\n"})
    report = validate_library(root)
    assert report.errors == []
    assert _review_warnings(root) == []


def test_an_overlay_with_no_welsh_text_needs_no_mark(build_library: BuildLibrary) -> None:
    english_only = UNMARKED.replace("  cy: Cyngor Unedol\n", "")  # its website's /cy page is no wording
    assert "Cyngor" not in english_only
    assert _review_warnings(build_library(files={OVERLAY: english_only})) == []


def test_a_council_that_speaks_no_welsh_is_not_asked_for_a_mark(build_library: BuildLibrary) -> None:
    english = UNMARKED.replace("languages: [en, cy]", "languages: [en]")
    assert _review_warnings(build_library(files={OVERLAY: english})) == []


def test_the_schema_takes_only_the_review_workflows_marks(build_library: BuildLibrary) -> None:
    root = build_library(
        files={
            OVERLAY: UNMARKED
            + "welsh_review: checked\nwelsh_native_so_far:\n  name: '12345678'\n  contact.address: abcdefgh\n"
        }
    )
    lines = (root / OVERLAY).read_text("utf-8").splitlines()
    errors = [problem for problem in validate_library(root).errors if problem.rule == "schema"]
    where = {(problem.location.line, problem.location.column) for problem in errors}
    review = lines.index("welsh_review: checked") + 1
    fingerprint = lines.index("  name: '12345678'") + 1
    # the mark, and a fingerprint a spreadsheet has turned into a number
    assert where == {(review, 15), (fingerprint, 9)}
