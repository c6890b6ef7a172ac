"""Council data files are checked against the schemas of the library they belong to."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from webhook.library.datafile import load_data_file

REPOSITORY = Path(__file__).resolve().parents[2]


def library_with_guide(root: Path, *schemas: str) -> Path:
    """A library folder whose demo council has the repository's which_bin.yaml, and these schemas."""
    (root / "intents").mkdir(parents=True)
    (root / "councils" / "demo").mkdir(parents=True)
    for name in schemas:
        shutil.copy(REPOSITORY / "councils" / name, root / "councils" / name)
    return Path(shutil.copy(REPOSITORY / "councils" / "demo" / "which_bin.yaml", root / "councils" / "demo"))


def test_a_data_file_is_checked_against_its_own_librarys_schema(tmp_path: Path) -> None:
    guide = library_with_guide(tmp_path / "as-shipped", "which_bin.schema.json", "council.schema.json")
    document, problems = load_data_file(guide, "which_bin.schema.json")
    assert document is not None and problems == []

    guide = library_with_guide(tmp_path / "stricter", "which_bin.schema.json", "council.schema.json")
    schema_file = tmp_path / "stricter" / "councils" / "which_bin.schema.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    schema["required"].append("owner")
    schema_file.write_text(json.dumps(schema), "utf-8")
    _, problems = load_data_file(guide, "which_bin.schema.json")
    assert [problem.message for problem in problems] == ["missing required key: 'owner'"]


def test_a_library_without_the_schema_gets_a_problem_not_an_exception(tmp_path: Path) -> None:
    guide = library_with_guide(tmp_path / "library", "council.schema.json")
    document, problems = load_data_file(guide, "which_bin.schema.json")
    assert document is not None
    [problem] = problems
    assert (problem.location.path, problem.rule) == (guide, "schema")
    assert (
        "which_bin.schema.json" in problem.message
        and str(tmp_path / "library" / "councils") in problem.message
    )
