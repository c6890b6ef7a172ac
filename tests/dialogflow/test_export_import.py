"""`sync-intents export` and `import`: Dialogflow ES's agent export format, both ways."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BuildLibrary
from tests.dialogflow.conftest import Sync
from webhook.library.validate import validate_library


def unzip(path: Path) -> dict[str, Any]:
    with zipfile.ZipFile(path) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def export(sync: Sync, library: Path, output: Path) -> dict[str, Any]:
    result = sync("export", "--council", "unitary", "--output", str(output), library=library)
    assert result.exit_code == 0, result.output
    return unzip(output)


def test_export_writes_the_agent_export_format(sync: Sync, library: Path, tmp_path: Path) -> None:
    files = export(sync, library, tmp_path / "agent.zip")

    assert sorted(files) == [
        "agent.json",
        "entities/postcode.json",
        "entities/postcode_entries_cy.json",
        "entities/postcode_entries_en.json",
        "entities/sync-intents-ownership.json",  # so that a restore of the ZIP is still the library's
        "entities/sync-intents-ownership_entries_en.json",
        "intents/streets.pothole.json",
        "intents/streets.pothole_usersays_cy.json",
        "intents/streets.pothole_usersays_en.json",
        "intents/system.welcome.json",
        "intents/system.welcome_usersays_cy.json",
        "intents/system.welcome_usersays_en.json",
        "intents/waste.collection_day.json",
        "intents/waste.collection_day_usersays_cy.json",
        "intents/waste.collection_day_usersays_en.json",
        "package.json",
    ]
    assert files["package.json"] == {"version": "1.0.0"}
    assert (files["agent.json"]["language"], files["agent.json"]["supportedLanguages"]) == ("en", ["cy"])
    assert files["entities/postcode.json"]["isRegexp"] is True
    bins = files["intents/waste.collection_day.json"]
    assert bins["name"] == "waste.collection_day"
    [response] = bins["responses"]
    assert response["affectedContexts"] == [{"name": "bin_collection", "parameters": {}, "lifespan": 5}]
    [postcode] = response["parameters"]
    assert (postcode["dataType"], postcode["value"], postcode["required"]) == ("@postcode", "$postcode", True)
    assert postcode["prompts"] == [
        {"lang": "en", "value": "What's your postcode?"},
        {"lang": "cy", "value": "Beth yw eich cod post?"},
    ]
    assert {
        "type": 0,
        "lang": "cy",
        "condition": "",
        "speech": ["Gwiriwch eich diwrnod bin ar-lein neu ffoniwch 01632 960001."],
    } in response["messages"]
    assert files["intents/system.welcome.json"]["events"] == [{"name": "WELCOME"}]
    annotated = files["intents/waste.collection_day_usersays_en.json"][1]["data"]
    assert annotated == [
        {"text": "bin day for ", "userDefined": False},
        {"text": "AA1 1AA", "alias": "postcode", "meta": "@postcode", "userDefined": True},
    ]


def test_export_is_the_same_every_time(sync: Sync, library: Path, tmp_path: Path) -> None:
    export(sync, library, tmp_path / "one.zip")
    export(sync, library, tmp_path / "two.zip")

    assert (tmp_path / "one.zip").read_bytes() == (tmp_path / "two.zip").read_bytes()


def test_export_import_export_round_trips(sync: Sync, library: Path, tmp_path: Path) -> None:
    first = export(sync, library, tmp_path / "first.zip")

    imported = sync("import", str(tmp_path / "first.zip"), "--output", str(tmp_path / "imported"))
    second_library = tmp_path / "second"
    shutil.copytree(library, second_library)
    for old in (second_library / "intents").glob("*/*.yaml"):
        if old.parent.name not in ("messages", "schema"):
            old.unlink()
    shutil.copytree(tmp_path / "imported", second_library, dirs_exist_ok=True)
    second = export(sync, second_library, tmp_path / "second.zip")

    assert imported.exit_code == 0, imported.output
    assert "Wrote 3 intents and 1 entity types" in imported.output
    assert validate_library(second_library).errors == []
    assert second == first


HAND_BUILT: dict[str, Any] = {
    "agent.json": {"language": "en", "supportedLanguages": ["fr"], "displayName": "Hand built"},
    "package.json": {"version": "1.0.0"},
    # The file names are not the names: the console shortens and escapes them.
    "intents/Default Welcome.json": {
        "id": "11111111-0000-0000-0000-000000000001",
        "name": "Default Welcome Intent",
        "contexts": [],
        "responses": [
            {
                "affectedContexts": [{"name": "Welcomed", "parameters": {}, "lifespan": 2}],
                "parameters": [],
                "messages": [
                    {"type": 0, "lang": "en", "condition": "", "speech": "Hello! How can I help?"},
                    {
                        "type": 2,
                        "lang": "en",
                        "condition": "",
                        "title": "",
                        "replies": ["Bins", "Council tax"],
                    },
                    {"type": 0, "platform": "telegram", "lang": "en", "speech": ["Hi from Telegram"]},
                    {"type": 0, "lang": "fr", "condition": "", "speech": ["Bonjour"]},
                ],
            }
        ],
        "webhookUsed": False,
        "fallbackIntent": False,
        "events": [{"name": "WELCOME"}],
    },
    "intents/Default Welcome_usersays_en.json": [
        {
            "id": "a",
            "data": [{"text": "hi", "userDefined": False}],
            "isTemplate": False,
            "count": 0,
            "updated": 0,
        },
        {"id": "b", "data": [{"text": "hello there", "userDefined": False}], "isTemplate": False, "count": 0},
    ],
    "intents/Default Welcome_usersays_fr.json": [
        {"id": "c", "data": [{"text": "salut", "userDefined": False}]}
    ],
    "intents/order.json": {
        "id": "11111111-0000-0000-0000-000000000002",
        "parentId": "11111111-0000-0000-0000-000000000001",
        "rootParentId": "11111111-0000-0000-0000-000000000001",
        "name": "bins.Order Bin",
        "contexts": ["Welcomed"],
        "responses": [
            {
                "affectedContexts": [],
                "parameters": [
                    {
                        "id": "p1",
                        "required": True,
                        "dataType": "@Bin Colour",
                        "name": "Colour",
                        "value": "$Colour",
                        "prompts": [{"lang": "en", "value": "Which bin?"}],
                        "isList": False,
                    },
                    {
                        "id": "p2",
                        "required": False,
                        "dataType": "@sys.number",
                        "name": "count",
                        "isList": False,
                    },
                ],
                "messages": [
                    {"type": 0, "lang": "en", "speech": ["Ordered $count $Colour bins."]},
                    {
                        "type": 1,
                        "lang": "en",
                        "title": "",
                        "buttons": [{"text": "Bin shop", "postback": "https://council.example/bins"}],
                    },
                ],
            }
        ],
        "webhookUsed": True,
        "webhookForSlotFilling": True,
        "fallbackIntent": False,
        "events": [],
    },
    "intents/order_usersays_en.json": [
        {
            "id": "d",
            "data": [
                {"text": "order ", "userDefined": False},
                {"text": "2", "alias": "count", "meta": "@sys.number", "userDefined": False},
                {"text": " ", "userDefined": False},
                {"text": "blue ", "alias": "Colour", "meta": "@Bin Colour", "userDefined": True},
                {"text": "bins", "userDefined": False},
            ],
        }
    ],
    "entities/colour.json": {
        "id": "e",
        "name": "Bin Colour",
        "isEnum": False,
        "isRegexp": False,
        "allowFuzzyExtraction": True,
    },
    "entities/colour_entries_en.json": [{"value": "blue", "synonyms": ["blue", "recycling"]}],
    "entities/ref.json": {"id": "f", "name": "ref", "isEnum": False, "isRegexp": True},
    "entities/ref_entries_en.json": [{"value": "[0-9]{6}", "synonyms": ["[0-9]{6}"]}],
}


def write_export(folder: Path, files: dict[str, Any]) -> Path:
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(data), encoding="utf-8")
    return folder


def test_import_turns_a_hand_built_agent_into_library_yaml_that_validates(
    sync: Sync, build_library: BuildLibrary, tmp_path: Path
) -> None:
    source = write_export(tmp_path / "export", HAND_BUILT)
    output = tmp_path / "library-files"

    result = sync("import", str(source), "--output", str(output))

    assert result.exit_code == 0, result.output
    assert "note: left out languages the library does not speak: fr" in result.output
    written = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.yaml"))
    assert [p for p in written if not p.startswith(("intents/messages/", "intents/routing"))] == [
        "dialogflow-agent.yaml",  # the agent's settings, for the council's overlay
        "intents/entities/bin_colour.yaml",
        "intents/entities/ref.yaml",
        "intents/imported/bins_order_bin.yaml",
        "intents/imported/default_welcome_intent.yaml",
    ]
    order = (output / "intents/imported/bins_order_bin.yaml").read_text(encoding="utf-8")
    assert order.startswith(
        "# yaml-language-server: $schema=../schema/intent.schema.json\nid: imported.bins_order_bin\n"
    )
    assert "followup_of: imported.default_welcome_intent" in order
    assert "- order [2](count) [blue](colour) bins" in order
    assert "entity: bin_colour" in order and "entity: sys.number" in order
    assert "input:\n  - welcomed" in order
    assert "links:\n      - text: Bin shop\n        url: https://council.example/bins" in order
    welcome = (output / "intents/imported/default_welcome_intent.yaml").read_text(encoding="utf-8")
    assert "Hi from Telegram" not in welcome and "Bonjour" not in welcome
    assert "quick_replies:\n      - Bins\n      - Council tax" in welcome
    library = build_library(overlay=output)
    # The test library's Welsh council needs Welsh the imported agent never had; nothing else is wrong.
    errors = validate_library(library).errors
    assert {p.rule for p in errors} == {"language-parity"}
    assert all("'cy'" in p.message for p in errors)


def test_import_reads_a_zip_too(sync: Sync, tmp_path: Path) -> None:
    source = write_export(tmp_path / "export", HAND_BUILT)
    archive = tmp_path / "agent.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in source.rglob("*.json"):
            zipped.write(path, f"Hand-built/{path.relative_to(source).as_posix()}")  # wrapped in a folder

    result = sync("import", str(archive), "--output", str(tmp_path / "out"))

    assert result.exit_code == 0, result.output
    assert (tmp_path / "out/intents/entities/ref.yaml").read_text(encoding="utf-8").count("[0-9]{6}") == 1


def test_import_never_overwrites(sync: Sync, tmp_path: Path) -> None:
    source = write_export(tmp_path / "export", HAND_BUILT)
    output = tmp_path / "out"
    sync("import", str(source), "--output", str(output))
    entity = output / "intents/entities/ref.yaml"
    entity.write_text("mine", encoding="utf-8")

    result = sync("import", str(source), "--output", str(output))

    assert result.exit_code == 1
    assert "already has" in result.output
    assert entity.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"readme.json": {}}, "holds no intents/ or entities/"),
        ({"agent.json": {"language": "fr"}, "intents/a.json": {"name": "a"}}, "the agent has no English"),
        ({"intents/a.json": {"id": "x"}}, "intents/a.json has no name"),
    ],
)
def test_import_explains_what_it_cannot_read(
    sync: Sync, tmp_path: Path, files: dict[str, Any], message: str
) -> None:
    source = write_export(tmp_path / "export", files)

    result = sync("import", str(source), "--output", str(tmp_path / "out"))

    assert result.exit_code == 1
    assert message in result.output
