"""The repository's own data files, as contributors' editors see them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[1]
DATA_FILES = sorted(
    [*REPOSITORY.glob("intents/**/*.yaml"), *REPOSITORY.glob("councils/*/*.yaml")],
    key=str,
)
SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.MULTILINE)


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(REPOSITORY)))
def test_every_data_file_names_its_schema_for_editors(path: Path) -> None:
    match = SCHEMA_LINE.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} lacks the '# yaml-language-server: $schema=...' line"
    schema = (path.parent / match.group(1)).resolve()
    assert schema.is_file(), f"{match.group(1)} does not exist"
    assert json.loads(schema.read_text())["$schema"].endswith("2020-12/schema")
