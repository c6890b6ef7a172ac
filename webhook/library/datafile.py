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

from webhook.library.loader import is_library, source_checkout
from webhook.library.problems import Location, Problem, Severity
from webhook.library.schemas import schema_problems
from webhook.library.yaml_loader import Document, load_document

SHARED_SCHEMA = "council.schema.json"


@lru_cache(maxsize=16)
def validator(schema_name: str, councils_dir: Path) -> Draft202012Validator:
    """The compiled schema `<councils_dir>/<schema_name>`; it may refer to council.schema.json's
    definitions. Raises OSError or ValueError when a schema is missing or is not JSON."""
    schemas = [json.loads((councils_dir / name).read_text("utf-8")) for name in (schema_name, SHARED_SCHEMA)]
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas
    )
    return Draft202012Validator(schemas[0], registry=registry)


def load_data_file(path: Path, schema_name: str) -> tuple[Document | None, list[Problem]]:
    """Parse and schema-check one data file. Dates become ISO strings, so schemas treat a quoted and an
    unquoted date alike. The document is None when the file cannot be parsed at all.

    The schemas are those in `schema_folder(path)`; a missing one is a problem, not an exception.
    """
    document, problems = load_document(path)
    if document is None:
        return None, problems
    document.data = _dates_as_text(document.data)
    if document.data is None:
        problems.append(Problem(Location(path), Severity.ERROR, "schema", "the file is empty"))
        return document, problems
    councils_dir = schema_folder(path)
    try:
        checks = validator(schema_name, councils_dir)
    except (OSError, ValueError) as error:
        message = f"cannot check it: {schema_name} and {SHARED_SCHEMA} must be in {councils_dir} ({error})"
        return document, [*problems, Problem(Location(path), Severity.ERROR, "schema", message)]
    return document, problems + schema_problems(document, checks)


def schema_folder(path: Path) -> Path:
    """The folder holding the data file's schemas: its library's councils/ folder (for
    <root>/councils/<slug>/bins.yaml, <root>/councils/). Only a file outside any library, as tests
    write, is checked against the checkout's schemas, and only when running from source."""
    councils_dir = path.resolve().parents[1]
    checkout = source_checkout()
    if checkout is None or is_library(councils_dir.parent):
        return councils_dir
    return checkout / "councils"


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
