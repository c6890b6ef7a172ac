"""The JSON Schemas that live beside the data, each compiled once, and schema problems with positions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from referencing import Registry, Resource

from webhook.library.placeholders import PLACEHOLDER
from webhook.library.problems import Location, Problem, Severity
from webhook.library.yaml_loader import Document

# Which schema governs which kind of file, relative to the library root.
SCHEMA_FILES = {
    "intent": Path("intents/schema/intent.schema.json"),
    "entity": Path("intents/schema/entity.schema.json"),
    "routing": Path("intents/schema/routing.schema.json"),
    "messages": Path("intents/schema/messages.schema.json"),
    "glossary": Path("intents/schema/glossary.schema.json"),
    "council": Path("councils/council.schema.json"),
}


def missing_schemas(root: Path) -> list[Problem]:
    """A problem for each JSON Schema the library folder lacks (a folder copied without
    intents/schema/, or not a library at all)."""
    return [
        Problem(Location(root / relative), Severity.ERROR, "schema", f"the schema file {relative} is missing")
        for relative in SCHEMA_FILES.values()
        if not (root / relative).is_file()
    ]


@lru_cache(maxsize=8)
def validators(root: Path) -> dict[str, Draft202012Validator]:
    """One compiled validator per kind of file; schemas reference each other by their `$id`."""
    schemas = {kind: json.loads((root / rel).read_text("utf-8")) for kind, rel in SCHEMA_FILES.items()}
    registry: Registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in schemas.values()
    )
    return {kind: Draft202012Validator(schema, registry=registry) for kind, schema in schemas.items()}


def schema_problems(document: Document, validator: Draft202012Validator) -> list[Problem]:
    """Every schema violation in the document, each at the line of the value (or key) at fault."""
    problems = [_problem(document, error) for error in _leaf_errors(validator, document.data)]
    return sorted(set(problems))


def _leaf_errors(validator: Draft202012Validator, data: Any) -> Iterator[ValidationError]:
    for error in validator.iter_errors(data):
        # For oneOf/anyOf the sub-error that best explains the failure reads far better.
        yield best_match(error.context) if error.context else error


def _problem(document: Document, error: ValidationError) -> Problem:
    path = tuple(error.absolute_path)
    message = error.message
    location = document.locate(path)
    if "propertyNames" in error.absolute_schema_path:  # a bad key: point at the key, not its mapping
        location = document.locate((*path, str(error.instance)), key=True)
        message = f"the key {error.message}"
    elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(key for key in error.instance if key not in allowed)
        if extra:
            location = document.locate((*path, extra[0]), key=True)
            message = f"unknown key {extra[0]!r}" + (
                f"; allowed here: {', '.join(sorted(allowed))}" if allowed else ""
            )
    elif error.validator == "pattern" and path and str(path[-1]).endswith("_env"):
        # Never echo the value: a secret pasted where its variable's name belongs would reach CI logs.
        message = (
            "must be the name of an environment variable (capital letters, digits and _), not the secret "
            "itself: put the secret in that variable"
        )
    elif error.validator == "required":
        message = f"missing required key: {error.message.split(' is a required')[0]}"
    hint = _unquoted_text_hint(document, path)
    if hint:
        message = f"{message} (hint: {hint})"
    where = "/".join(str(part) for part in path)
    if where:
        message = f"{where}: {message}"
    return Problem(location, Severity.ERROR, "schema", _shorten(message))


def _unquoted_text_hint(document: Document, path: tuple[Any, ...]) -> str | None:
    """Why valid YAML can still hold a mapping where text was meant, for the two mistakes council staff
    make most: `url: {service.url}` (braces open a mapping) and `- Call us: 01632 960000` (a colon and
    a space make a key)."""
    value: Any = document.data
    for part in path:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return None
    if not isinstance(value, dict) or len(value) != 1:
        return None
    key, inner = next(iter(value.items()))
    if inner is None and isinstance(key, str) and PLACEHOLDER.fullmatch(f"{{{key}}}"):
        return f"YAML reads {{{key}}} at the start of a value as a mapping: put the whole text in quotes"
    if isinstance(key, str) and isinstance(inner, str | int | float) and " " in key.strip():
        return "a colon followed by a space inside unquoted text makes it a key: put the whole text in quotes"
    return None


def _shorten(message: str, limit: int = 300) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
