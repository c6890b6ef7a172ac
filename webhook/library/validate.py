"""Validate a library folder: parse, schema-check and apply every rule, in one pass."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from webhook.library.loader import load_library
from webhook.library.model import Library
from webhook.library.problems import Problem, Severity
from webhook.library.rules import run_rules


@dataclass(frozen=True)
class Report:
    """The outcome of validating a library: the loaded library and every problem, in file order."""

    library: Library
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def passed(self, *, strict: bool = False) -> bool:
        """True when there are no errors (and, when strict, no warnings)."""
        return not (self.errors or (strict and self.warnings))


def validate_library(root: Path) -> Report:
    """Load `root` (holding intents/ and councils/) and check it against every rule."""
    loaded = load_library(root)
    problems = loaded.problems + run_rules(loaded.library)
    return Report(library=loaded.library, problems=sorted(set(problems)))


def summary(report: Report) -> str:
    """One closing line: what was checked and how it went."""
    library = report.library
    return (
        f"checked {len(library.intents)} intents, {len(library.entities)} entity types and "
        f"{len(library.councils)} councils: {len(report.errors)} errors, "
        f"{len(report.warnings)} warnings"
    )


def as_json(report: Report, *, strict: bool = False) -> dict[str, object]:
    """The report for machines (`--format json`)."""
    return {
        "passed": report.passed(strict=strict),
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "problems": [problem.as_json() for problem in report.problems],
    }
