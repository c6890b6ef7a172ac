"""Validate a library folder: parse, schema-check and apply every rule, in one pass."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from webhook.library.loader import load_library
from webhook.library.model import Library
from webhook.library.problems import Location, Problem, Severity, reading_order
from webhook.library.rules import run_rules


@dataclass(frozen=True)
class Report:
    """The outcome of validating a library: the loaded library, every problem in the order to fix them
    (root causes in file order, then their knock-on effects), and the files that did not load."""

    library: Library
    problems: list[Problem]
    unloaded: Mapping[Path, Location] = field(default_factory=dict)

    def adding(self, problems: Iterable[Problem]) -> Report:
        """The report with more problems (such as the councils' data files), in reading order."""
        return replace(self, problems=reading_order([*self.problems, *problems]))

    @property
    def knock_on(self) -> list[Problem]:
        """Problems that exist only because a file did not load; they go when it is fixed."""
        return [p for p in self.problems if p.is_knock_on]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def passed(self, *, strict: bool = False) -> bool:
        """True when there are no errors (and, when strict, no warnings)."""
        return not (self.errors or (strict and self.warnings))


def validate_library(
    root: Path, *, handler_names: Collection[str] | None = None, already_validated: bool = False
) -> Report:
    """Load `root` (holding intents/ and councils/) and check it against every rule.

    `handler_names` are the fulfilment handlers an intent may name (the library does not import the
    fulfilment package, so the caller passes `webhook.fulfilment.handlers.handler_names()`); without
    them the handler-unknown rule does not run. `already_validated` (a stamp says this exact library
    passed, webhook/library/stamp.py) only loads it: no schema, no rules.
    """
    loaded = load_library(root, check_schemas=not already_validated)
    if already_validated:
        return Report(loaded.library, reading_order(loaded.problems), loaded.unloaded)
    found = run_rules(loaded.library, unloaded=loaded.unloaded, handler_names=handler_names)
    return Report(loaded.library, reading_order(loaded.problems + found), loaded.unloaded)


def summary(report: Report) -> str:
    """One closing line: what was checked and how it went."""
    library = report.library
    unloaded = len(report.unloaded)
    line = (
        f"checked {len(library.intents)} intents, {len(library.entities)} entity types and "
        f"{len(library.councils)} councils"
        + (f" ({unloaded} {'file' if unloaded == 1 else 'files'} did not load)" if unloaded else "")
        + f": {len(report.errors)} errors, {len(report.warnings)} warnings"
    )
    if knock_on := len(report.knock_on):
        effects = "is a knock-on effect" if knock_on == 1 else "are knock-on effects"
        line += (
            f"; {knock_on} of them {effects} of the {'file' if unloaded == 1 else 'files'} that did not load"
        )
    return line


def as_json(report: Report, *, strict: bool = False) -> dict[str, object]:
    """The report for machines (`--format json`); a knock-on problem's `cause` says where its root
    cause stands."""
    return {
        "passed": report.passed(strict=strict),
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "knock_on": len(report.knock_on),
        "problems": [problem.as_json() for problem in report.problems],
    }
