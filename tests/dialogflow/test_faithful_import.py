"""Import then export of real-shaped agent exports gives back the same agent, field by field."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPOSITORY
from tests.dialogflow.agent_exports import COUNCIL_CONSOLE, LIBRARY_SUPPLEMENTARY
from tests.dialogflow.conftest import Sync
from webhook.library.validate import validate_library

COUNCIL = """\
slug: roundtrip
name: Round Trip Council
gss_code: W06000997
tier: unitary
nation: wales
languages: [{languages}]
contact:
  phone: "01632 960002"
  website: https://roundtrip.example
"""
WEBHOOK = "https://bot.vale.example/dialogflow"


def write_export(folder: Path, files: dict[str, Any]) -> Path:
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def library_of(imported: Path, folder: Path, languages: str) -> Path:
    """A library holding only the imported intents and entities, and one council offering them all."""
    shutil.copytree(REPOSITORY / "intents" / "schema", folder / "intents" / "schema")
    shutil.copy(REPOSITORY / "intents" / "routing.yaml", folder / "intents" / "routing.yaml")
    shutil.copytree(REPOSITORY / "intents" / "messages", folder / "intents" / "messages")
    (folder / "councils/roundtrip").mkdir(parents=True)
    shutil.copy(REPOSITORY / "councils" / "council.schema.json", folder / "councils" / "council.schema.json")
    (folder / "councils/roundtrip/council.yaml").write_text(COUNCIL.format(languages=languages))
    shutil.copytree(imported, folder, dirs_exist_ok=True)
    return folder


def by_name(files: dict[str, Any]) -> dict[str, Any]:
    """Intent and entity files by what they describe (file names differ: the console escapes them)."""
    ids = {
        data["id"]: data["name"] for path, data in files.items() if isinstance(data, dict) and "id" in data
    }
    found: dict[str, Any] = {}
    for path, data in files.items():
        folder, _, stem = path.partition("/")
        if folder not in ("intents", "entities"):
            continue
        for marker in ("_usersays_", "_entries_"):
            if marker in stem:
                owner, _, language = stem.rpartition(marker)
                definition = files[f"{folder}/{owner}.json"]
                found[f"{folder}:{definition['name']}:{language}"] = data
                break
        else:
            found[f"{folder}:{data['name']}"] = _named(data, ids)
    return found


def _named(data: dict[str, Any], ids: dict[str, str]) -> dict[str, Any]:
    """An intent's own id left out and its parents' ids replaced by their names (ids are not content)."""
    named = {k: v for k, v in data.items() if k != "id"}
    for key in ("parentId", "rootParentId"):
        if key in named:
            named[key] = ids[named[key]]
    return named


def leaves(value: Any, path: str = "") -> dict[str, Any]:
    """Every field as path -> value (list items by position), phrase and parameter ids left out."""
    if isinstance(value, dict):
        found: dict[str, Any] = {}
        for key, item in value.items():
            if key == "id" and path:
                continue
            found |= leaves(item, f"{path}.{key}")
        return found or {path: {}}
    if isinstance(value, list):
        found = {}
        for index, item in enumerate(value):
            found |= leaves(item, f"{path}[{index}]")
        return found or {path: []}
    return {path: value}


def compare(original: dict[str, Any], again: dict[str, Any]) -> tuple[int, list[str]]:
    """How many fields of the original there are, and those the second export lacks or changed."""
    before, after = by_name(original), by_name(again)
    lost = []
    total = 0
    for key, data in before.items():
        got = leaves(after.get(key, {}))
        for path, value in leaves(data).items():
            total += 1
            if got.get(path, "<missing>") != value:
                lost.append(f"{key}{path}: {value!r} became {got.get(path, '<missing>')!r}")
    for field in ("language", "supportedLanguages", "webhook"):
        if field in original.get("agent.json", {}):
            total += 1
            expected = original["agent.json"][field]
            actual = again["agent.json"][field]
            if field == "webhook":
                actual = {k: actual[k] for k in expected}
            if actual != expected:
                lost.append(f"agent.json {field}: {expected!r} became {actual!r}")
    return total, lost


@pytest.mark.parametrize(
    ("fixture", "languages"),
    [(COUNCIL_CONSOLE, "en, cy"), (LIBRARY_SUPPLEMENTARY, "en")],
    ids=["console", "supplementary"],
)
def test_import_then_export_gives_back_every_field(
    sync: Sync, tmp_path: Path, fixture: dict[str, Any], languages: str
) -> None:
    source = write_export(tmp_path / "export", fixture)

    imported = sync("import", str(source), "--output", str(tmp_path / "imported"))
    library = library_of(tmp_path / "imported", tmp_path / "library", languages)
    problems = validate_library(library).errors
    exported = sync(
        "export",
        "--council",
        "roundtrip",
        "--webhook-url",
        WEBHOOK,
        "--output",
        str(tmp_path / "again.zip"),
        library=library,
    )

    assert imported.exit_code == 0, imported.output
    assert [p.format() for p in problems] == []
    assert exported.exit_code == 0, exported.output
    with zipfile.ZipFile(tmp_path / "again.zip") as archive:
        again = {name: json.loads(archive.read(name)) for name in archive.namelist()}
    total, lost = compare(fixture, again)
    assert lost == []
    assert total > 150  # the comparison really looked at the agent
