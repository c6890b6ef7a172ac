"""`sync-intents apply` and `restore` against the fake Dialogflow: what ends up in the agent."""

from __future__ import annotations

import shutil
from pathlib import Path

from google.cloud import dialogflow_v2 as df

from tests.conftest import BuildLibrary
from tests.dialogflow.conftest import COUNTY_PROJECT, UNITARY_PROJECT, Sync, with_dialogflow
from tests.dialogflow.fake_dialogflow import FakeDialogflow
from tests.handlers.conftest import copy_library
from webhook.dialogflow.calls import CallPolicy
from webhook.dialogflow.sync import SyncOptions, apply_outcome, plan_council
from webhook.library.loader import load_library

APPLY = ("apply", "--council", "unitary", "--yes")
PLAN = ("plan", "--council", "unitary")


def intent_requests(fake: FakeDialogflow) -> list[df.BatchUpdateIntentsRequest]:
    return [request for method, request in fake.requests if method == "Intents.BatchUpdateIntents"]


def test_first_apply_creates_everything_in_every_language_and_trains(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    agent = fake.agent(UNITARY_PROJECT)
    assert sorted(i.neutral.display_name for i in agent.intents.values()) == [
        "Default Fallback Intent",  # the test library has no fallback of its own: kept
        "streets.pothole",
        "system.welcome",
        "waste.collection_day",
    ]
    assert agent.phrases("waste.collection_day", "en") == ["when is my bin day", "bin day for AA1 1AA"]
    assert agent.phrases("waste.collection_day", "cy") == ["pryd mae diwrnod bin"]
    bins = agent.intent_named("waste.collection_day")
    assert bins is not None
    annotated = bins.phrases["en"][1].parts[1]
    assert (annotated.text, annotated.entity_type, annotated.alias, annotated.user_defined) == (
        "AA1 1AA",
        "@postcode",
        "postcode",
        True,
    )
    assert bins.prompts == {
        "en": {"postcode": ["What's your postcode?"]},
        "cy": {"postcode": ["Beth yw eich cod post?"]},
    }
    assert bins.neutral.parameters[0].mandatory
    assert [c.name for c in bins.neutral.output_contexts] == [
        f"projects/{UNITARY_PROJECT}/agent/sessions/-/contexts/bin_collection"
    ]
    # Council facts are filled in, per language.
    assert list(bins.messages["en"][0].text.text) == ["Check your bin day online or call 01632 960001."]
    assert [b.postback for b in bins.messages["en"][1].card.buttons] == ["https://unitary.example/bins"]
    assert "ffoniwch 01632 960001" in bins.messages["cy"][0].text.text[0]
    welcome = agent.intent_named("system.welcome")
    assert welcome is not None
    assert list(welcome.neutral.events) == ["WELCOME"]
    assert list(welcome.messages["en"][1].quick_replies.quick_replies) == ["Bin day"]
    assert welcome.messages["cy"][0].text.text[0] == "Helo, cynorthwyydd Cyngor Unedol ydw i."
    postcode = agent.entity_type_named("postcode")
    assert postcode is not None
    assert postcode.neutral.kind == df.EntityType.Kind.KIND_REGEXP
    assert set(postcode.entries) == {"en", "cy"}
    assert agent.trained and agent.trainings == 1
    assert "3 created, 1 updated" in result.output  # the stock welcome intent became system.welcome


def test_a_second_apply_makes_no_write_call(sync: Sync, library: Path, fake: FakeDialogflow) -> None:
    sync(*APPLY, library=library)
    fake.page_size = 2  # every listing takes several pages
    fake.reset_counts()

    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    assert "No changes" in result.output
    assert fake.count("writes") == 0
    assert fake.calls["Intents.ListIntents"] == 4  # two pages in each of two languages


def test_a_changed_welsh_phrase_changes_only_welsh(sync: Sync, library: Path, fake: FakeDialogflow) -> None:
    sync(*APPLY, library=library)
    bins = library / "intents/waste/collection_day.yaml"
    bins.write_text(bins.read_text().replace("pryd mae diwrnod bin", "pryd mae diwrnod y bin"))
    fake.reset_counts()

    planned = sync(*PLAN, library=library)
    applied = sync(*APPLY, library=library)

    assert applied.exit_code == 0, applied.output
    assert "cy phrases:\n        - pryd mae diwrnod bin\n        + pryd mae diwrnod y bin" in planned.output
    assert " en " not in planned.output.split("To update:")[1]
    assert [r.language_code for r in intent_requests(fake)] == ["cy"]
    assert [i.display_name for i in intent_requests(fake)[0].intent_batch_inline.intents] == [
        "waste.collection_day"
    ]
    agent = fake.agent(UNITARY_PROJECT)
    assert agent.phrases("waste.collection_day", "cy") == ["pryd mae diwrnod y bin"]
    assert agent.phrases("waste.collection_day", "en") == ["when is my bin day", "bin day for AA1 1AA"]
    assert agent.trained


def test_a_hand_made_intent_survives_every_command(
    sync: Sync, library: Path, fake: FakeDialogflow, tmp_path: Path
) -> None:
    # One made in the console, and one whose display name collides with a library intent.
    opening = fake.hand_make_intent(UNITARY_PROJECT, "Opening hours", {"en": ["when are you open"]})
    pothole = fake.hand_make_intent(UNITARY_PROJECT, "streets.pothole", {"en": ["my own pothole phrase"]})

    planned = sync(*PLAN, library=library)
    sync(*APPLY, library=library)
    (library / "intents/system/welcome.yaml").unlink()  # a deletion, so apply snapshots and deletes
    deleted = sync(*APPLY, library=library)
    snapshot = max((tmp_path / "snapshots").glob("*.zip"))  # the latest
    sync("restore", str(snapshot), "--yes")
    sync("export", "--council", "unitary", "--output", str(tmp_path / "agent.zip"), library=library)

    assert "! intent streets.pothole: exists but was not created by sync-intents" in planned.output
    assert deleted.exit_code == 0, deleted.output
    agent = fake.agent(UNITARY_PROJECT)
    assert agent.phrases("Opening hours", "en") == ["when are you open"]
    assert agent.phrases("streets.pothole", "en") == ["my own pothole phrase"]
    assert {
        agent.intent_named("Opening hours").neutral.name,
        agent.intent_named("streets.pothole").neutral.name,
    } == {
        opening,
        pothole,
    }


def test_a_deletion_deletes_only_owned_intents_after_a_snapshot(
    sync: Sync, library: Path, fake: FakeDialogflow, tmp_path: Path
) -> None:
    sync(*APPLY, library=library)
    fake.hand_make_intent(UNITARY_PROJECT, "waste.garden_waste", {"en": ["garden bin"]})
    (library / "intents/system/welcome.yaml").unlink()
    fake.reset_counts()
    shutil.rmtree(tmp_path / "snapshots")  # the first apply's, taken before adopting the stock welcome

    planned = sync(*PLAN, library=library)
    applied = sync(*APPLY, library=library)

    assert "To delete:\n  - intent system.welcome\n" in planned.output
    assert "garden_waste" not in planned.output  # not the library's, so not even a conflict
    assert applied.exit_code == 0, applied.output
    methods = [method for method, _ in fake.requests]
    assert methods.index("Agents.ExportAgent") < methods.index("Intents.BatchDeleteIntents")
    snapshots = list((tmp_path / "snapshots").glob(f"{UNITARY_PROJECT}-*.zip"))
    assert len(snapshots) == 1
    assert f"Snapshot of the agent before deleting: {snapshots[0]}" in applied.output
    agent = fake.agent(UNITARY_PROJECT)
    assert agent.intent_named("system.welcome") is None
    assert agent.phrases("waste.garden_waste", "en") == ["garden bin"]
    assert agent.intent_named("waste.collection_day") is not None
    assert agent.trained


def test_a_stock_intent_beside_the_librarys_own_is_deleted_after_a_snapshot(
    sync: Sync, library: Path, fake: FakeDialogflow, tmp_path: Path
) -> None:
    # An agent synced before stock intents were handled: system.welcome is the library's, and the stock
    # welcome intent still answers WELCOME and "hi" beside it.
    sync(*APPLY, library=library)
    agent = fake.agent(UNITARY_PROJECT)
    for stock in ("Default Welcome Intent", "Default Fallback Intent"):
        stored = agent.intent_named(stock)
        if stored is not None:
            del agent.intents[stored.neutral.name.rsplit("/", 1)[1]]
    fake.add_stock_intents(UNITARY_PROJECT)
    shutil.rmtree(tmp_path / "snapshots")

    planned = sync(*PLAN, library=library)
    applied = sync(*APPLY, library=library)
    again = sync(*PLAN, library=library)

    assert (
        "To delete:\n  - intent Default Welcome Intent (the agent's stock intent; system.welcome does its "
        "job; after a snapshot)\n" in planned.output
    )
    assert "Default Fallback Intent: kept, the library has no intent for a fallback" in planned.output
    assert applied.exit_code == 0, applied.output
    on_welcome = [i.neutral.display_name for i in agent.intents.values() if "WELCOME" in i.neutral.events]
    assert on_welcome == ["system.welcome"]
    assert agent.intent_named("Default Fallback Intent") is not None  # no library fallback: kept
    assert len(list((tmp_path / "snapshots").glob(f"{UNITARY_PROJECT}-*.zip"))) == 1
    assert "No changes" in again.output


def test_restore_brings_the_snapshot_back(
    sync: Sync, library: Path, fake: FakeDialogflow, tmp_path: Path
) -> None:
    sync(*APPLY, library=library)
    agent = fake.agent(UNITARY_PROJECT)
    before = agent.state()
    (library / "intents/system/welcome.yaml").unlink()
    sync(*APPLY, library=library)
    snapshot = max((tmp_path / "snapshots").glob("*.zip"))  # the latest

    result = sync("restore", str(snapshot), "--yes")

    assert result.exit_code == 0, result.output
    assert agent.state() == before
    assert agent.phrases("system.welcome", "cy") == ["bore da"]
    assert agent.trained
    # And the next plan sees the library's own deletion again, not a conflict.
    assert "To delete:\n  - intent system.welcome" in sync(*PLAN, library=library).output


def test_restore_asks_before_replacing_the_agent(
    sync: Sync, library: Path, fake: FakeDialogflow, tmp_path: Path
) -> None:
    sync(*APPLY, library=library)
    (library / "intents/system/welcome.yaml").unlink()
    sync(*APPLY, library=library)
    snapshot = max((tmp_path / "snapshots").glob("*.zip"))  # the latest

    result = sync("restore", str(snapshot), input="n\n")

    assert result.exit_code == 1
    assert fake.agent(UNITARY_PROJECT).intent_named("system.welcome") is None


def test_apply_asks_before_writing(sync: Sync, library: Path, fake: FakeDialogflow) -> None:
    result = sync("apply", "--council", "unitary", library=library, input="n\n")

    assert result.exit_code == 1
    assert "nothing applied" in result.output
    assert fake.count("writes") == 0


FOLLOWUP = """\
id: waste.collection_day_more
title: More about bin days
description: The resident asks for more after being told their bin day.
tier: district
followup_of: waste.collection_day
contexts:
  input: [bin_collection]
languages:
  en:
    review: native
    phrases: [tell me more]
    responses:
      text: ["See {service.url}."]
      card:
        title: Bin days
        subtitle: Every week
        buttons:
          - text: Bin calendar
            url: "{service.url}"
  cy:
    review: needs-welsh-speaker
    phrases: [dywedwch fwy]
    responses:
      text: ["Gweler {service.url}."]
"""


def test_a_follow_up_is_created_after_its_parent_and_attached_to_it(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow
) -> None:
    library = build_library(
        files={
            **with_dialogflow("unitary", UNITARY_PROJECT),
            "intents/waste/collection_day_more.yaml": FOLLOWUP,
        }
    )

    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    agent = fake.agent(UNITARY_PROJECT)
    parent, child = (
        agent.intent_named("waste.collection_day"),
        agent.intent_named("waste.collection_day_more"),
    )
    assert parent is not None and child is not None
    assert child.neutral.parent_followup_intent_name == parent.neutral.name
    assert list(child.neutral.input_context_names) == [
        f"projects/{UNITARY_PROJECT}/agent/sessions/-/contexts/bin_collection"
    ]
    card = child.messages["en"][1].card
    assert (card.title, card.subtitle, card.buttons[0].postback) == (
        "Bin days",
        "Every week",
        "https://unitary.example",  # no service page for it: the council's home page
    )
    assert "No changes" in sync(*PLAN, library=library).output
    # An update of the follow-up (its Welsh above, its English now) never names its read-only parent.
    more = library / "intents/waste/collection_day_more.yaml"
    more.write_text(more.read_text().replace("phrases: [tell me more]", "phrases: [tell me more please]"))
    fake.reset_counts()
    updated = sync(*APPLY, library=library)
    assert updated.exit_code == 0, updated.output
    updates = [r for r in intent_requests(fake) if r.intent_batch_inline.intents[0].name]
    assert updates and all("parent_followup_intent_name" not in r.update_mask.paths for r in updates)
    assert child.neutral.parent_followup_intent_name == parent.neutral.name
    assert agent.phrases("waste.collection_day_more", "en") == ["tell me more please"]


def test_all_applies_every_council_with_an_agent(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow
) -> None:
    library = build_library(
        files={**with_dialogflow("unitary", UNITARY_PROJECT), **with_dialogflow("county", COUNTY_PROJECT)}
    )

    result = sync("apply", "--all", "--yes", library=library)

    assert result.exit_code == 0, result.output
    table = result.output[result.output.rindex("council ") :].splitlines()
    assert table[0].split() == [
        "council",
        "agent",
        "create",
        "update",
        "delete",
        "left",
        "alone",
        "reads",
        "writes",
        "result",
    ]
    # Three created, and the agent's stock welcome intent adopted as system.welcome.
    assert table[1].split()[:5] == ["county", f"projects/{COUNTY_PROJECT}/agent", "3", "1", "0"]
    assert table[1].split()[-1] == "applied"
    assert table[2].split()[:2] == ["unitary", f"projects/{UNITARY_PROJECT}/agent"]
    # The county speaks English only and routes bin questions to its districts.
    county = fake.agent(COUNTY_PROJECT)
    assert county.phrases("waste.collection_day", "en") == ["when is my bin day", "bin day for AA1 1AA"]
    assert fake.agent(UNITARY_PROJECT).trained and county.trained
    again = sync("plan", "--all", "--detailed-exitcode", library=library)
    assert again.exit_code == 0, again.output


def test_an_owned_intent_with_a_hand_made_follow_up_is_not_deleted(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    sync(*APPLY, library=library)
    welcome = fake.agent(UNITARY_PROJECT).intent_named("system.welcome")
    assert welcome is not None
    fake.hand_make_intent(
        UNITARY_PROJECT, "Welcome - yes", {"en": ["yes please"]}, parent=welcome.neutral.name
    )
    (library / "intents/system/welcome.yaml").unlink()

    result = sync(*APPLY, library=library)

    assert "! intent system.welcome: not deleted: hand-made follow-up Welcome - yes needs it" in result.output
    assert "No changes" in result.output
    assert fake.agent(UNITARY_PROJECT).phrases("Welcome - yes", "en") == ["yes please"]


def test_a_follow_up_of_a_hand_made_intent_is_left_alone(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow
) -> None:
    fake.hand_make_intent(UNITARY_PROJECT, "waste.collection_day", {"en": ["bins"]})
    library = build_library(
        files={
            **with_dialogflow("unitary", UNITARY_PROJECT),
            "intents/waste/collection_day_more.yaml": FOLLOWUP,
        }
    )

    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    assert (
        "! intent waste.collection_day_more: its parent waste.collection_day is hand-made, "
        "so the follow-up cannot be attached to it"
    ) in result.output
    assert fake.agent(UNITARY_PROJECT).intent_named("waste.collection_day_more") is None
    assert fake.agent(UNITARY_PROJECT).phrases("waste.collection_day", "en") == ["bins"]


def test_fields_the_library_does_not_manage_survive_an_update(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    sync(*APPLY, library=library)
    pothole = fake.agent(UNITARY_PROJECT).intent_named("streets.pothole")
    assert pothole is not None
    pothole.neutral.priority = 750000  # raised by hand in the console
    pothole.neutral.ml_disabled = True
    edit = library / "intents/streets/pothole.yaml"
    edit.write_text(edit.read_text().replace("report a pothole\n", "report a pothole please\n"))

    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    assert "report a pothole please" in fake.agent(UNITARY_PROJECT).phrases("streets.pothole", "en")
    assert (pothole.neutral.priority, pothole.neutral.ml_disabled) == (750000, True)


def test_an_intent_deleted_in_the_console_between_plan_and_apply_fails_clearly_then_converges(
    sync: Sync, library: Path, fake: FakeDialogflow, tmp_path: Path
) -> None:
    sync(*APPLY, library=library)
    edit = library / "intents/streets/pothole.yaml"
    edit.write_text(edit.read_text().replace("report a pothole\n", "report a pothole please\n"))
    options = SyncOptions(endpoint=fake.endpoint, policy=CallPolicy(poll_seconds=0), snapshots=tmp_path)
    outcome = plan_council(load_library(library).library, "unitary", options)
    agent = fake.agent(UNITARY_PROJECT)
    pothole = agent.intent_named("streets.pothole")
    assert pothole is not None
    del agent.intents[pothole.neutral.name.rsplit("/", 1)[1]]

    apply_outcome(outcome, options)
    outcome.close()
    rerun = sync(*APPLY, library=library)

    assert (
        outcome.error is not None and "BatchUpdateIntents" in outcome.error and "NOT_FOUND" in outcome.error
    )
    assert rerun.exit_code == 0, rerun.output
    assert "+ intent streets.pothole" in rerun.output
    assert "report a pothole please" in agent.phrases("streets.pothole", "en")
    assert "No changes" in sync(*PLAN, library=library).output


def test_the_librarys_conversations_reach_the_agent_as_dialogflow_runs_them(
    sync: Sync, fake: FakeDialogflow, tmp_path: Path
) -> None:
    # The repository's own library, for the demo council: answer intents scoped by the question's
    # context, a context-scoped fallback, follow-ups under their parents, and a postcode default.
    library = copy_library(tmp_path / "library", {"demo": "dialogflow:\n  project_id: demo-project\n"})
    fake.add_agent("demo-project", "en", ["cy"])

    result = sync("apply", "--council", "demo", "--yes", library=library)

    assert result.exit_code == 0, result.output
    agent = fake.agent("demo-project")

    def stored(name: str) -> df.Intent:
        intent = agent.intent_named(name)
        assert intent is not None, f"no intent {name}"
        return intent.neutral

    def contexts(*names: str) -> list[str]:
        return [f"projects/demo-project/agent/sessions/-/contexts/{name}" for name in names]

    answer = stored("dialogue.answer")
    assert answer.is_fallback and list(answer.input_context_names) == contexts("awaiting")
    assert list(stored("dialogue.location_answer").input_context_names) == contexts("awaiting_location")
    assert list(stored("dialogue.cancel").input_context_names) == contexts("awaiting")
    followup = stored("waste.another_bin_day")
    assert followup.parent_followup_intent_name == stored("waste.collection_day").name
    assert list(followup.input_context_names) == contexts("bin_collection")
    defaults = {p.display_name: p.default_value for p in stored("waste.collection_day").parameters}
    assert defaults["postcode"] == "#resident.postcode"
    hours = stored("elections.polling_station_hours")
    assert hours.parent_followup_intent_name == stored("elections.polling_station").name
    assert "polling_station" in [
        c.name.rsplit("/", 1)[1] for c in stored("elections.polling_station").output_contexts
    ]
    assert "what time does it open" in fake.agent("demo-project").phrases(
        "waste.recycling_centre_hours", "en"
    )
    assert "No changes" in sync("plan", "--council", "demo", library=library).output
