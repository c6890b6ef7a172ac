"""What an import keeps that the library's own YAML cannot say: webhook use with no handler here,
annotations Dialogflow made itself, the platform of cards and quick replies, and agent.json's settings."""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from tests.dialogflow.agent_exports import COUNCIL_CONSOLE, LIBRARY_SUPPLEMENTARY
from tests.dialogflow.conftest import Sync
from tests.dialogflow.test_faithful_import import library_of, write_export
from webhook.cli import main
from webhook.dialogflow.importer import SETTINGS_FILE


def imported(sync: Sync, tmp_path: Path, fixture: dict[str, Any]) -> tuple[Path, str]:
    output = tmp_path / "imported"
    result = sync("import", str(write_export(tmp_path / "export", fixture)), "--output", str(output))
    assert result.exit_code == 0, result.output
    return output, result.output


def exported(sync: Sync, library: Path, output: Path, *options: str) -> dict[str, Any]:
    result = sync("export", "--council", "roundtrip", *options, "--output", str(output), library=library)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(output) as archive:
        return {name: json.loads(archive.read(name)) for name in archive.namelist()}


def test_an_imported_agent_using_its_webhook_validates_with_library(sync: Sync, tmp_path: Path) -> None:
    output, printed = imported(sync, tmp_path, LIBRARY_SUPPLEMENTARY)

    validated = CliRunner().invoke(main, ["validate", "--library", str(output)])

    assert validated.exit_code == 0, validated.output
    assert "handler-unknown" not in validated.output
    lost_card = yaml.safe_load((output / "intents/imported/libraries_lost_card.yaml").read_text("utf-8"))
    assert "fulfilment" not in lost_card
    assert lost_card["dialogflow"]["webhook"] == "enabled"
    assert "imported.libraries_lost_card: calls the agent's webhook; kept as dialogflow.webhook" in printed


def test_webhook_use_and_slot_filling_come_back_in_the_export(sync: Sync, tmp_path: Path) -> None:
    output, _ = imported(sync, tmp_path, COUNCIL_CONSOLE)
    library = library_of(output, tmp_path / "library", "en, cy")

    files = exported(sync, library, tmp_path / "again.zip")

    bins = files["intents/Bins - collection day.json"]
    assert (bins["webhookUsed"], bins["webhookForSlotFilling"]) == (True, True)
    assert files["agent.json"]["webhook"]["url"] == "https://bot.vale.example/dialogflow"
    assert files["agent.json"]["webhook"]["available"] is True


def test_annotations_dialogflow_made_itself_keep_their_flag(sync: Sync, tmp_path: Path) -> None:
    output, _ = imported(sync, tmp_path, LIBRARY_SUPPLEMENTARY)
    library = library_of(output, tmp_path / "library", "en")

    files = exported(sync, library, tmp_path / "again.zip", "--webhook-url", "https://bot.example/df")

    date = files["intents/libraries.renew.books - date_usersays_en.json"][0]["data"]
    assert [(p["text"], p["userDefined"]) for p in date] == [
        ("keep them until ", False),
        ("next friday", False),
    ]
    branch = files["intents/libraries.renew.books_usersays_en.json"][1]["data"]
    assert [(p["text"], p["userDefined"]) for p in branch] == [
        ("renew the books from ", False),
        ("Canton", True),
    ]


def test_cards_and_quick_replies_keep_the_platform_they_were_on(sync: Sync, tmp_path: Path) -> None:
    console, _ = imported(sync, tmp_path / "console", COUNCIL_CONSOLE)
    api_made, _ = imported(sync, tmp_path / "api", LIBRARY_SUPPLEMENTARY)

    welcome = yaml.safe_load((console / "intents/imported/default_welcome_intent.yaml").read_text("utf-8"))
    renewed = yaml.safe_load(
        (api_made / "intents/imported/libraries_renew_books_date_yes.yaml").read_text("utf-8")
    )

    assert welcome["languages"]["en"]["responses"]["quick_replies"] == ["Bin day", "Council tax"]
    assert "rich_platform" not in welcome["dialogflow"]  # Telegram, the sync's own
    assert renewed["dialogflow"]["rich_platform"] == "default"
    assert renewed["languages"]["en"]["responses"]["quick_replies"] == ["Renew more", "That's all"]


def test_quick_replies_on_two_platforms_keep_the_syncs_and_note_the_other(sync: Sync, tmp_path: Path) -> None:
    fixture = copy.deepcopy(COUNCIL_CONSOLE)
    messages = fixture["intents/Default Welcome Intent.json"]["responses"][0]["messages"]
    messages.append({"type": 2, "platform": "facebook", "lang": "en", "condition": "", "replies": ["Bins"]})

    output, printed = imported(sync, tmp_path, fixture)

    welcome = yaml.safe_load((output / "intents/imported/default_welcome_intent.yaml").read_text("utf-8"))
    assert welcome["languages"]["en"]["responses"]["quick_replies"] == ["Bin day", "Council tax"]
    assert (
        "imported.default_welcome_intent: left out a en message of type 2 with platform facebook" in printed
    )


def test_agent_settings_go_to_the_overlay_block_and_back(sync: Sync, tmp_path: Path) -> None:
    output, printed = imported(sync, tmp_path, COUNCIL_CONSOLE)
    block = yaml.safe_load((output / SETTINGS_FILE).read_text("utf-8"))["dialogflow"]
    library = library_of(output, tmp_path / "library", "en, cy")

    agent = exported(sync, library, tmp_path / "again.zip")["agent.json"]

    assert block["languages"] == ["en", "cy"]
    assert block["agent"] == {
        "description": "Vale council helper",
        "display_name": "Vale Council",
        "webhook_url": "https://bot.vale.example/dialogflow",
        "ml_mode": "use.after",
        "classification_threshold": 0.45,
        "knowledge_confidence_adjustment": -0.4,
        "spell_correction": True,
    }
    assert "not kept" not in printed  # every setting of this agent.json has a place
    assert (agent["mlMinConfidence"], agent["customClassifierMode"], agent["defaultTimezone"]) == (
        0.45,
        "use.after",
        "Europe/London",
    )
    assert (agent["displayName"], agent["enableSpellCorrection"]) == ("Vale Council", True)


def test_settings_the_overlay_cannot_hold_are_noted_and_credentials_never_written(
    sync: Sync, tmp_path: Path
) -> None:
    fixture = copy.deepcopy(COUNCIL_CONSOLE)
    settings = fixture["agent.json"]
    settings["defaultTimezone"] = "Europe/Dublin"
    settings["webhook"] |= {"username": "bot", "headers": {"X-Api-Key": "s3cret-key-value"}}
    settings["googleAssistant"] = {"project": "vale-assistant", "voiceType": "MALE_1"}

    output, printed = imported(sync, tmp_path, fixture)

    block = yaml.safe_load((output / SETTINGS_FILE).read_text("utf-8"))["dialogflow"]
    assert block["agent"]["time_zone"] == "Europe/Dublin"
    assert "agent.json webhook username not kept (credentials never go in YAML)" in printed
    assert "agent.json webhook headers not kept (credentials never go in YAML)" in printed
    assert (
        'agent.json googleAssistant = {"project": "vale-assistant", "voiceType": "MALE_1"} not kept'
        in printed
    )
    written = "".join(path.read_text("utf-8") for path in output.rglob("*.yaml"))
    assert "s3cret-key-value" not in written and "s3cret-key-value" not in printed


def test_every_change_an_import_makes_to_an_export_is_noted(sync: Sync, tmp_path: Path) -> None:
    fixture = copy.deepcopy(COUNCIL_CONSOLE)
    bins = fixture["intents/Bins - collection day.json"]
    bins["contexts"] = ["Resident-Details"]
    bins["responses"][0]["parameters"][1]["prompts"] = [{"lang": "en", "value": "Which bin?"}]
    more = fixture["intents/Bins - collection day - more.json"]["responses"][0]["messages"]
    more.insert(0, dict(more[1], title="Garden waste"))  # a second card with a title, before the text
    links = [{"text": "Report", "postback": "https://vale.example/report"}, {"text": "Call", "postback": ""}]
    more.append(dict(more[3], buttons=links))  # a second card of links, one of them with no link
    welcome = fixture["intents/Default Welcome Intent.json"]["responses"][0]["messages"]
    welcome[1]["title"] = "Pick one"
    fixture["intents/Bins - collection day_usersays_en.json"].append(
        {"id": "t", "data": [{"text": "bins [urgent]", "userDefined": False}], "isTemplate": True}
    )
    fixture["entities/bin-type.json"]["automatedExpansion"] = True
    fixture["entities/bin-type_entries_en.json"][1]["synonyms"] = ["black bin", "general"]
    fixture["customSmalltalkResponses_en.json"] = []

    _, printed = imported(sync, tmp_path, fixture)

    for note in (
        "customSmalltalkResponses_en.json: not read",
        "entity type bin-type: automatedExpansion = true not kept",
        "entity type bin-type: 1 en entries' value becomes its first synonym",
        "imported.bins_collection_day: context 'Resident-Details' is written 'resident-details'",
        "imported.bins_collection_day: prompts of the optional parameter 'BinType' not kept",
        "imported.bins_collection_day: 1 en template phrase(s) imported as plain examples",
        "imported.bins_collection_day: 1 en phrase(s) with [ or ] written with ( and )",
        "imported.bins_collection_day_more: en: only the last of its 2 cards with a title kept",
        "imported.bins_collection_day_more: en: its 2 cards of links are sent as one",
        "imported.bins_collection_day_more: en: 1 card button(s) without text or link left out",
        "imported.bins_collection_day_more: en messages reordered",
        "imported.default_welcome_intent: en quick replies' title 'Pick one' not kept",
    ):
        assert note in printed, note
