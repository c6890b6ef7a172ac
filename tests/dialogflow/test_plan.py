"""`sync-intents plan`: what it prints, its JSON, its exit codes, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from tests.conftest import BuildLibrary
from tests.dialogflow.conftest import UNITARY_PROJECT, Sync, with_dialogflow
from tests.dialogflow.fake_dialogflow import FakeDialogflow
from webhook.dialogflow.commands import COMMANDS

APPLY = ("apply", "--council", "unitary", "--yes")
PLAN = ("plan", "--council", "unitary")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_plan_on_an_empty_agent_lists_everything_to_create_and_writes_nothing(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    result = sync(*PLAN, "--detailed-exitcode", library=library)

    assert result.exit_code == 2
    assert result.output.startswith(
        "Plan for unitary -> projects/unitary-council-bot/agent (languages: en, cy)\n\n"
        "To create:\n"
        "  + entity type postcode (en 1 entries, cy 1 entries)\n"
        "  + intent streets.pothole (en 2 phrases, cy 1 phrases)\n"
    )
    assert (
        "  ~ intent system.welcome (adopts the agent's stock intent 'Default Welcome Intent', "
        "after a snapshot)\n" in result.output
    )
    assert (
        "Stock intents of the agent:\n  * Default Fallback Intent: kept, the library has no intent for "
        "a fallback without input contexts\n" in result.output
    )
    assert "Plan: 3 to create, 1 to update, 0 to delete." in result.output
    assert fake.count("writes") == 0


def test_plan_shows_changed_phrases_and_responses_per_language(sync: Sync, library: Path) -> None:
    sync(*APPLY, library=library)
    bins = library / "intents/waste/collection_day.yaml"
    edit(bins, "      - when is my bin day\n", "      - when is my bin collection day\n")
    edit(bins, "Check your bin day online", "Check your bin day on our website")
    edit(bins, "lifespan: 5", "lifespan: 3")

    result = sync(*PLAN, library=library)

    assert (
        "To update:\n"
        "  ~ intent waste.collection_day\n"
        "      changed: output contexts\n"
        "      en phrases:\n"
        "        - when is my bin day\n"
        "        + when is my bin collection day\n"
        "      en responses:\n"
        "        - text: Check your bin day online or call 01632 960001.\n"
        "        + text: Check your bin day on our website or call 01632 960001.\n"
    ) in result.output
    assert "cy" not in result.output.split("To update:")[1]


def test_plan_json_is_for_machines(sync: Sync, library: Path) -> None:
    sync(*APPLY, library=library)
    edit(
        library / "intents/system/welcome.yaml", "      - bore da\n", "      - bore da\n      - prynhawn da\n"
    )
    (library / "intents/streets/pothole.yaml").write_text(
        (library / "intents/streets/pothole.yaml")
        .read_text(encoding="utf-8")
        .replace("streets.pothole", "streets.potholes"),
        encoding="utf-8",
    )
    (library / "intents/streets/pothole.yaml").rename(library / "intents/streets/potholes.yaml")
    edit(library / "councils/county/council.yaml", "streets.pothole:", "streets.potholes:")

    result = sync(*PLAN, "--format", "json", "--detailed-exitcode", library=library)

    assert result.exit_code == 2, result.output
    plan = json.loads(result.output)
    assert plan["agent"] == f"projects/{UNITARY_PROJECT}/agent"
    assert [c["display_name"] for c in plan["create"]] == ["streets.potholes"]
    assert [c["display_name"] for c in plan["delete"]] == ["streets.pothole"]
    [update] = plan["update"]
    assert update["display_name"] == "system.welcome"
    assert update["languages"] == ["cy"]
    assert update["diffs"]["cy"]["phrases_added"] == ["prynhawn da"]
    assert plan["summary"] == {"create": 1, "update": 1, "delete": 1}


def test_detailed_exitcode_is_zero_when_the_agent_matches(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    sync(*APPLY, library=library)

    result = sync(*PLAN, "--detailed-exitcode", library=library)

    assert result.exit_code == 0
    assert "No changes: the agent matches the library." in result.output


def test_a_hand_edit_in_the_console_shows_as_an_update_back_to_the_library(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    sync(*APPLY, library=library)
    pothole = fake.agent(UNITARY_PROJECT).intent_named("streets.pothole")
    assert pothole is not None
    del pothole.phrases["en"][0]

    result = sync(*PLAN, library=library)

    assert (
        "  ~ intent streets.pothole\n      en phrases:\n        + there is a pothole on my road\n"
        in result.output
    )


def test_an_agent_without_a_language_the_council_speaks_is_a_clear_error(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow
) -> None:
    fake.add_agent("english-only-bot", "en")
    library = build_library(files=with_dialogflow("unitary", "english-only-bot"))

    result = sync(*PLAN, library=library)

    assert result.exit_code == 1
    assert "the agent projects/english-only-bot/agent does not support cy (it has en)" in result.output


def test_dialogflow_languages_choose_what_the_agent_gets(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow
) -> None:
    fake.add_agent("english-only-bot", "en")
    library = build_library(files=with_dialogflow("unitary", "english-only-bot", "  languages: [en]\n"))

    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    assert fake.agent("english-only-bot").phrases("system.welcome", "en") == ["hello", "good morning"]


def test_project_overrides_the_overlay(sync: Sync, library: Path, fake: FakeDialogflow) -> None:
    fake.add_agent("staging-council-bot", "en", ["cy"])

    result = sync(*APPLY, "--project", "staging-council-bot", library=library)

    assert result.exit_code == 0, result.output
    assert fake.agent("staging-council-bot").intent_named("system.welcome") is not None
    untouched = fake.agent(UNITARY_PROJECT).intents.values()
    assert sorted(i.neutral.display_name for i in untouched) == [
        "Default Fallback Intent",
        "Default Welcome Intent",
    ]


def test_a_council_without_a_project_needs_one(sync: Sync, library: Path) -> None:
    result = sync("plan", "--council", "district", library=library)

    assert result.exit_code == 1
    assert "council district declares no dialogflow.project_id; pass --project" in result.output


def test_an_unknown_council_and_missing_choice_are_usage_errors(sync: Sync, library: Path) -> None:
    assert "no council 'nowhere'" in sync("plan", "--council", "nowhere", library=library).output
    missing = sync("plan", library=library)
    assert missing.exit_code == 2
    assert "give either --council SLUG or --all" in missing.output


def test_a_library_with_errors_is_refused_before_any_call(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    edit(library / "intents/system/welcome.yaml", "tier: any", "tier: everywhere")

    result = sync(*APPLY, library=library)

    assert result.exit_code == 1
    assert "the library has 1 error(s); fix them first" in result.output
    assert fake.count() == 0


def test_without_an_endpoint_missing_credentials_are_a_clear_error(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOOGLE_APPLICATION_CREDENTIALS", str(tmp_path / "no-such-key.json"))
    group = click.Group(commands=COMMANDS)

    result = CliRunner().invoke(group, ["plan", "--council", "unitary", "--library", str(library)])

    assert result.exit_code == 1
    assert "no Google credentials for projects/unitary-council-bot/agent" in result.output
