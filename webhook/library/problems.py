"""Problems found in the library: values with a location, printed only at the edge."""

from __future__ import annotations

import os
from dataclasses import dataclass
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
    """One thing wrong with the library, with the rule that found it."""

    location: Location
    severity: Severity
    rule: str
    message: str

    def format(self, relative_to: Path | None = None) -> str:
        """`PATH:LINE:COL: severity: message [rule-id]`, the line every editor and CI log can follow."""
        return f"{self.location.display(relative_to)}: {self.severity}: {self.message} [{self.rule}]"

    def as_json(self, relative_to: Path | None = None) -> dict[str, object]:
        """A plain dict for `--format json`."""
        return {
            "path": display_path(self.location.path, relative_to),
            "line": self.location.line,
            "column": self.location.column,
            "severity": str(self.severity),
            "rule": self.rule,
            "message": self.message,
        }


def display_path(path: Path, relative_to: Path | None = None) -> str:
    """The path relative to a folder (the current directory by default) where that is shorter."""
    base = relative_to if relative_to is not None else Path.cwd()
    try:
        return os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return str(path)
