"""A copy of the repository's library to export from and import into (the repository's own YAML is
never touched), and the translator's sheet as a spreadsheet user sees it: rows of named cells."""

from __future__ import annotations

import csv
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.conftest import REPOSITORY
from webhook.cli import main
from webhook.translations.sheet import COLUMNS


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """The repository's intents and councils, copied."""
    root = tmp_path / "library"
    shutil.copytree(REPOSITORY / "intents", root / "intents")
    shutil.copytree(REPOSITORY / "councils", root / "councils")
    return root


def yaml_bytes(root: Path) -> dict[Path, bytes]:
    """Every YAML file of a library, byte for byte."""
    return {path: path.read_bytes() for path in sorted(root.rglob("*.yaml"))}


def sync_intents(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(main, list(args))


@dataclass
class Sheet:
    """A sheet as a reviewer edits it: each row's cells by column name."""

    headings: list[str]
    rows: list[dict[str, str]]

    @classmethod
    def read(cls, path: Path) -> Sheet:
        records = list(csv.reader(path.read_text("utf-8-sig").splitlines(keepends=True)))
        names = [column.name for column in COLUMNS]
        assert records[0] == [column.heading for column in COLUMNS]
        return cls(records[0], [dict(zip(names, record, strict=True)) for record in records[1:]])

    def row(self, key: str) -> dict[str, str]:
        return next(row for row in self.rows if row["key"] == key)

    def number(self, key: str) -> int:
        """The row's number as the spreadsheet shows it (the headings are row 1)."""
        return next(index for index, row in enumerate(self.rows, start=2) if row["key"] == key)

    def save(self, path: Path, *, delimiter: str = ",", encoding: str = "utf-8-sig") -> Path:
        with path.open("w", encoding=encoding, errors="replace", newline="") as file:
            writer = csv.writer(file, delimiter=delimiter)
            writer.writerow(self.headings)
            writer.writerows([list(row.values()) for row in self.rows])
        return path


def export(runner: CliRunner, library: Path, output: Path, *args: str) -> Sheet:
    """Export through the CLI and read the sheet back."""
    result = sync_intents(
        runner, "translations", "export", "--library", str(library), "--output", str(output), *args
    )
    assert result.exit_code == 0, result.output
    return Sheet.read(output)
