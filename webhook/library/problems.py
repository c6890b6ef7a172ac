"""Problems found in the library: values with a location, printed only at the edge."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How serious a problem is: errors fail validation, warnings fail it only with --strict."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    """A place in a file; line and column count from 1."""

    path: Path
    line: int = 1
    column: int = 1

    def display(self, relative_to: Path | None = None) -> str:
        """`PATH:LINE:COL` with PATH relative to `relative_to` (the current directory by default)."""
        return f"{display_path(self.path, relative_to)}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the library, with the rule that found it.

    `cause` is set on a knock-on effect: a problem that exists only because another file did not load
    (an overlay naming an intent whose file is broken). It holds where that file's own first problem
    is; fix that one and the knock-on goes away. It is not part of a problem's identity or order.
    """

    location: Location
    severity: Severity
    rule: str
    message: str
    cause: Location | None = field(default=None, compare=False)

    @property
    def is_knock_on(self) -> bool:
        return self.cause is not None

    def format(self, relative_to: Path | None = None) -> str:
        """`PATH:LINE:COL: severity: message [rule-id]`, the line every editor and CI log can follow."""
        return f"{self.location.display(relative_to)}: {self.severity}: {self.message} [{self.rule}]"

    def as_json(self, relative_to: Path | None = None) -> dict[str, object]:
        """A plain dict for `--format json`; `cause` is null, or where the root cause stands."""
        cause = self.cause
        return {
            "path": display_path(self.location.path, relative_to),
            "line": self.location.line,
            "column": self.location.column,
            "severity": str(self.severity),
            "rule": self.rule,
            "message": self.message,
            "cause": None
            if cause is None
            else {"path": display_path(cause.path, relative_to), "line": cause.line, "column": cause.column},
        }


def reading_order(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in the order to fix them: root causes by file, line and column, then knock-on effects,
    grouped by the file that caused them. Repeats are dropped."""

    def key(problem: Problem) -> tuple[bool, Location, Problem]:
        return problem.cause is not None, problem.cause or problem.location, problem

    return sorted(set(problems), key=key)


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """The path relative to a folder (the current directory by default) where that is shorter."""
    base = relative_to if relative_to is not None else Path.cwd()
    try:
        return os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return str(path)
