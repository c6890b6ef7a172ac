"""Load a council's data file (bin rounds, places, councillors) with its JSON Schema, keeping line numbers.

Problems come back as `webhook.library.problems.Problem` values (FILE:LINE:COL, rule, message), the
same as `sync-intents validate` prints, so an editor or CI log can jump straight to the fault.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from webhook.library.problems import Location, Problem, Severity
from webhook.library.schemas import schema_problems
from webhook.library.yaml_loader import Document, load_document

#: Where the schemas live, relative to the repository (the councils/ folder holds them all).
COUNCILS_DIR = Path(__file__).resolve().parents[2] / "councils"


@lru_cache(maxsize=8)
def validator(schema_name: str, councils_dir: Path = COUNCILS_DIR) -> Draft202012Validator:
    """The compiled schema `councils/<schema_name>`; it may refer to council.schema.json's definitions."""
    schemas = [
        json.loads((councils_dir / name).read_text("utf-8")) for name in (schema_name, "council.schema.json")
    ]
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
    return Draft202012Validator(schemas[0], registry=registry)


def load_data_file(path: Path, schema_name: str) -> tuple[Document | None, list[Problem]]:
    """Parse and schema-check one data file. Dates become ISO strings, so schemas treat a quoted and an
    unquoted date alike. The document is None when the file cannot be parsed at all."""
    document, problems = load_document(path)
    if document is None:
        return None, problems
    document.data = _dates_as_text(document.data)
    if document.data is None:
        problems.append(Problem(Location(path), Severity.ERROR, "schema", "the file is empty"))
        return document, problems
    return document, problems + schema_problems(document, validator(schema_name))


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, dt.date):  # datetime is a date too; its text then fails the date pattern
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def error_lines(problems: list[Problem]) -> str:
    """The problems one per line, as `sync-intents validate` prints them."""
    return "\n".join(problem.format() for problem in sorted(problems))
