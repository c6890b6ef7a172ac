"""Import then export of real-shaped agent exports gives back the same agent, field by field."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPOSITORY
from tests.dialogflow.agent_exports import COUNCIL_CONSOLE, LIBRARY_SUPPLEMENTARY
from tests.dialogflow.conftest import Sync
from webhook.dialogflow.importer import SETTINGS_FILE, dump_yaml
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
    """A library holding only the imported intents and entities, and one council offering them all, whose
    overlay's `dialogflow:` block is the one the import wrote (with a project)."""
    shutil.copytree(REPOSITORY / "intents" / "schema", folder / "intents" / "schema")
    shutil.copy(REPOSITORY / "intents" / "routing.yaml", folder / "intents" / "routing.yaml")
    shutil.copytree(REPOSITORY / "intents" / "messages", folder / "intents" / "messages")
    (folder / "councils/roundtrip").mkdir(parents=True)
    shutil.copy(REPOSITORY / "councils" / "council.schema.json", folder / "councils" / "council.schema.json")
    settings = yaml.safe_load((imported / SETTINGS_FILE).read_text(encoding="utf-8"))
    settings["dialogflow"] = {"project_id": "roundtrip-bot", **settings["dialogflow"]}
    (folder / "councils/roundtrip/council.yaml").write_text(
        COUNCIL.format(languages=languages) + dump_yaml(settings), encoding="utf-8"
    )
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
    got = leaves(again["agent.json"])
    for path, value in (leaves(original["agent.json"]) if "agent.json" in original else {}).items():
        total += 1
        if got.get(path, "<missing>") != value:
            lost.append(f"agent.json{path}: {value!r} became {got.get(path, '<missing>')!r}")
    return total, lost


@pytest.mark.parametrize(
    ("fixture", "languages", "options"),
    [
        (COUNCIL_CONSOLE, "en, cy", ()),  # the webhook's URL comes back from the overlay
        (LIBRARY_SUPPLEMENTARY, "en", ("--webhook-url", WEBHOOK)),  # no agent.json, so no URL
    ],
    ids=["console", "supplementary"],
)
def test_import_then_export_gives_back_every_field(
    sync: Sync, tmp_path: Path, fixture: dict[str, Any], languages: str, options: tuple[str, ...]
) -> None:
    source = write_export(tmp_path / "export", fixture)

    imported = sync("import", str(source), "--output", str(tmp_path / "imported"))
    library = library_of(tmp_path / "imported", tmp_path / "library", languages)
    problems = validate_library(library).errors
    exported = sync(
        "export",
        "--council",
        "roundtrip",
        *options,
        "--output",
        str(tmp_path / "again.zip"),
        library=library,
    )

    assert imported.exit_code == 0, imported.output
    assert "not kept" not in imported.output and "left out" not in imported.output  # nothing to drop
    assert [p.format() for p in problems] == []
    assert exported.exit_code == 0, exported.output
    with zipfile.ZipFile(tmp_path / "again.zip") as archive:
        again = {name: json.loads(archive.read(name)) for name in archive.namelist()}
    total, lost = compare(fixture, again)
    assert lost == []
    assert total > 150  # the comparison really looked at the agent
