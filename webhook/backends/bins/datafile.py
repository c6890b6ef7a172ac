"""Load a council's data file (bin rounds, places) with its JSON Schema, keeping line numbers.

Problems come back as `webhook.library.problems.Problem` values (FILE:LINE:COL, rule, message), the
same as `sync-intents validate` prints, so an editor or CI log can jump straight to the fault.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from webhook.library.problems import Location, Problem, Severity
from webhook.library.yaml_loader import Document, load_document

#: Where the schemas live, relative to the repository (the councils/ folder holds them all).
COUNCILS_DIR = Path(__file__).resolve().parents[3] / "councils"


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
    try:
        document, problems = load_document(path)
    except ValueError as error:  # PyYAML builds dates eagerly: 2025-02-30 fails as it is read
        return None, [_impossible_date(path, error)]
    if document is None:
        return None, problems
    document.data = _dates_as_text(document.data)
    if document.data is None:
        problems.append(Problem(Location(path), Severity.ERROR, "schema", "the file is empty"))
        return document, problems
    return document, problems + _schema_problems(document, validator(schema_name))


def _schema_problems(document: Document, schema: Draft202012Validator) -> list[Problem]:
    """Each schema violation at the line of the value or key at fault, worded as the library's are
    (webhook.library.schemas), and a key breaking `propertyNames` (a lower-case postcode, an impossible
    date) at that key rather than at the start of its mapping."""
    problems = set()
    for error in schema.iter_errors(document.data):
        problems.add(_problem(document, best_match(error.context) if error.context else error))
    return sorted(problems)


def _problem(document: Document, error: ValidationError) -> Problem:
    path = tuple(error.absolute_path)
    location = document.locate(path)
    message = error.message
    if "propertyNames" in error.absolute_schema_path:
        location = document.locate((*path, str(error.instance)), key=True)
        message = f"the key {error.message}"
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(key for key in error.instance if key not in allowed)
        if extra:
            location = document.locate((*path, extra[0]), key=True)
            message = f"unknown key {extra[0]!r}"
            message += f"; allowed here: {', '.join(allowed)}" if allowed else ""
    elif error.validator == "required":
        message = f"missing required key: {error.message.split(' is a required')[0]}"
    where = "/".join(str(part) for part in path)
    message = f"{where}: {message}" if where else message
    shortened = message if len(message) <= 300 else message[:299] + "…"
    return Problem(location, Severity.ERROR, "schema", shortened)


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    if isinstance(value, dt.date):  # datetime is a date too; its text then fails the date pattern
        return value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
    return value


def _impossible_date(path: Path, error: ValueError) -> Problem:
    """Find the date PyYAML could not build, to give its line."""
    location = Location(path)
    try:
        stack = [yaml.compose(path.read_text("utf-8"), Loader=yaml.SafeLoader)]
    except (OSError, yaml.YAMLError):
        stack = []
    constructor = yaml.constructor.SafeConstructor()
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack.extend(item for pair in node.value for item in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                constructor.construct_yaml_timestamp(node)
            except ValueError:
                location = Location(path, node.start_mark.line + 1, node.start_mark.column + 1)
                break
    return Problem(location, Severity.ERROR, "yaml-syntax", f"not a real date: {error}")


def error_lines(problems: list[Problem]) -> str:
    """The problems one per line, as `sync-intents validate` prints them."""
    return "\n".join(problem.format() for problem in sorted(problems))
