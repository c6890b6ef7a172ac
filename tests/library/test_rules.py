"""Every rule has a broken fixture, and each is reported at its file, line, column and rule id."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BuildLibrary
from webhook.library.problems import Severity
from webhook.library.rules import RULES
from webhook.library.validate import validate_library

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(path.name for path in BROKEN.iterdir() if path.is_dir())


def reported(root: Path) -> tuple[set[str], set[str]]:
    """(every problem as `PATH:LINE:COL: severity [rule]`, the errors alone), paths relative to root."""
    problems = validate_library(root).problems
    lines = {f"{p.location.display(root)}: {p.severity} [{p.rule}]" for p in problems}
    errors = {
        f"{p.location.display(root)}: {p.severity} [{p.rule}]"
        for p in problems
        if p.severity is Severity.ERROR
    }
    return lines, errors


def test_the_minimal_library_has_no_errors(build_library: BuildLibrary) -> None:
    _, errors = reported(build_library())
    assert errors == set()


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_is_reported_where_it_is_broken(case: str, build_library: BuildLibrary) -> None:
    root = build_library(BROKEN / case)
    expected = set((BROKEN / case / "expect.txt").read_text().splitlines())
    lines, errors = reported(root)
    assert expected <= lines, f"missing: {expected - lines}"
    assert errors <= expected, f"errors nobody expected: {errors - expected}"


def test_every_rule_has_a_broken_fixture() -> None:
    assert set(RULES) == set(CASES)


def test_a_strict_run_fails_on_warnings_alone(build_library: BuildLibrary) -> None:
    report = validate_library(build_library(BROKEN / "phrase-near-duplicate"))
    assert not report.errors and report.warnings
    assert report.passed() and not report.passed(strict=True)
