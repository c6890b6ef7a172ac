"""What a real agent enforces and the sync must live with: message sizes, quota per consumer project, the
console's restore of an export, and batch results in no particular order."""

from __future__ import annotations

from pathlib import Path

import pytest
from google.cloud import dialogflow_v2 as df

import webhook.dialogflow.calls as calls
from tests.conftest import MINIMAL_LIBRARY, BuildLibrary
from tests.dialogflow.agent_exports import COUNCIL_CONSOLE, LIBRARY_SUPPLEMENTARY
from tests.dialogflow.conftest import UNITARY_PROJECT, Sync, with_dialogflow
from tests.dialogflow.fake_dialogflow import FakeDialogflow
from webhook.dialogflow.calls import CallPolicy, limiters_for
from webhook.dialogflow.export import zip_bytes
from webhook.dialogflow.gateway import Gateway, GatewayError
from webhook.dialogflow.ownership import OWNERSHIP_ENTITY_TYPE
from webhook.dialogflow.sync import SyncOptions, apply_outcomes, plan_councils
from webhook.dialogflow.target import Target
from webhook.library.loader import load_library

APPLY = ("apply", "--council", "unitary", "--yes")
PLAN = ("plan", "--council", "unitary")
TOPICS = [
    ("graffiti", "graffiti ar y wal"),
    ("fly tipping", "tipio anghyfreithlon"),
    ("a broken streetlight", "golau stryd wedi torri"),
    ("dog fouling", "baw ci"),
    ("an abandoned car", "car wedi'i adael"),
    ("a blocked drain", "draen wedi blocio"),
]
REPORT = """\
id: streets.report_{number}
title: Report {english}
description: Let a resident report {english}.
tier: any
languages:
  en:
    review: native
    phrases: ["report {english}", "{english} near me"]
    responses:
      text: ["Report {english} on our website."]
      quick_replies: [Something else]
  cy:
    review: needs-welsh-speaker
    phrases: ["{welsh}"]
    responses:
      text: ["Rhowch wybod ar ein gwefan."]
"""
FAST = CallPolicy(backoff_seconds=0, poll_seconds=0, calls_per_minute=100000)


def intents(count: int, phrases: int) -> list[df.Intent]:
    """New intents, each with `phrases` distinct training phrases of about 40 bytes."""
    return [
        df.Intent(
            display_name=f"bulk.intent_{number}",
            training_phrases=[
                df.Intent.TrainingPhrase(
                    parts=[df.Intent.TrainingPhrase.Part(text=f"phrase {i} of intent {number} please")]
                )
                for i in range(phrases)
            ],
        )
        for number in range(count)
    ]


@pytest.fixture(autouse=True)
def fresh_limiters() -> None:
    """Each test starts with no calls counted against any quota key."""
    calls._limiters.clear()


def test_a_request_over_the_services_size_limit_is_not_retried(fake: FakeDialogflow) -> None:
    fake.stop()
    small = FakeDialogflow(max_message_bytes=50_000)
    small.start()
    small.add_agent(UNITARY_PROJECT, "en")
    try:
        with Gateway(Target(UNITARY_PROJECT), endpoint=small.endpoint, policy=FAST) as gateway:
            with pytest.raises(GatewayError) as raised:
                gateway.batch_update_intents(intents(1, 2000), "en", ["display_name", "training_phrases"])
            log = gateway.log
    finally:
        small.stop()

    message = str(raised.value)
    assert "BatchUpdateIntents" in message and "over the size limit, not retried" in message
    assert "50000" in message  # the limit it ran into
    assert log.calls["Intents.BatchUpdateIntents"] == 1
    assert sum(log.retries.values()) == 0
    assert small.agent(UNITARY_PROJECT).intent_named("bulk.intent_0") is None


def test_an_answer_over_the_channels_size_limit_is_not_retried(fake: FakeDialogflow) -> None:
    with Gateway(Target(UNITARY_PROJECT), endpoint=fake.endpoint, policy=FAST) as gateway:
        gateway.batch_update_intents(intents(3, 100), "en", ["display_name", "training_phrases"])
    tight = CallPolicy(backoff_seconds=0, poll_seconds=0, calls_per_minute=100000, max_message_bytes=5_000)

    with Gateway(Target(UNITARY_PROJECT), endpoint=fake.endpoint, policy=tight) as gateway:
        with pytest.raises(GatewayError) as raised:
            gateway.list_intents("en")
        log = gateway.log

    assert "ListIntents" in str(raised.value) and "over the size limit, not retried" in str(raised.value)
    assert "5000" in str(raised.value)
    assert log.calls["Intents.ListIntents"] == 1 and sum(log.retries.values()) == 0


def test_one_intent_larger_than_any_request_fails_before_any_call(fake: FakeDialogflow) -> None:
    tight = CallPolicy(backoff_seconds=0, poll_seconds=0, calls_per_minute=100000, max_message_bytes=5_000)

    with (
        Gateway(Target(UNITARY_PROJECT), endpoint=fake.endpoint, policy=tight) as gateway,
        pytest.raises(GatewayError) as raised,
    ):
        gateway.batch_update_intents(intents(1, 200), "en", ["display_name", "training_phrases"])

    assert "the intent bulk.intent_0 is" in str(raised.value) and "shorten it" in str(raised.value)
    assert fake.calls["Intents.BatchUpdateIntents"] == 0


def test_a_batch_over_the_limit_is_split_into_requests_that_each_fit(fake: FakeDialogflow) -> None:
    limit = 20_000
    fake.stop()
    small = FakeDialogflow(max_message_bytes=limit)
    small.start()
    small.add_agent(UNITARY_PROJECT, "en")
    policy = CallPolicy(backoff_seconds=0, poll_seconds=0, calls_per_minute=100000, max_message_bytes=limit)
    wanted = intents(12, 60)  # about 3 KB each: 36 KB in all
    try:
        with Gateway(Target(UNITARY_PROJECT), endpoint=small.endpoint, policy=policy) as gateway:
            written = gateway.batch_update_intents(wanted, "en", ["display_name", "training_phrases"])
    finally:
        small.stop()

    requests = [r for method, r in small.requests if method == "Intents.BatchUpdateIntents"]
    assert len(requests) >= 2
    assert all(df.BatchUpdateIntentsRequest.pb(r).ByteSize() <= limit for r in requests)
    sent = [i.display_name for r in requests for i in r.intent_batch_inline.intents]
    assert sent == [i.display_name for i in wanted]  # each once, in order
    assert sorted(i.display_name for i in written) == sorted(sent)
    assert small.agent(UNITARY_PROJECT).phrases("bulk.intent_11", "en")[59] == "phrase 59 of intent 11 please"


def test_agents_in_two_projects_with_one_credential_share_one_limiter() -> None:
    policy = CallPolicy(calls_per_minute=60)

    first = limiters_for("one-sa", "council-bot-001", policy)
    second = limiters_for("one-sa", "council-bot-002", policy)
    other_credential = limiters_for("other-sa", "council-bot-001", policy)

    assert first[0] is second[0]  # one budget for the consumer project
    assert first[1] is not second[1]
    assert other_credential[0] is not first[0] and other_credential[1] is first[1]


def many_councils(root: Path, count: int, fake: FakeDialogflow) -> list[str]:
    """`count` copies of the unitary council, each with its agent in its own project."""
    base = (MINIMAL_LIBRARY / "councils/unitary/council.yaml").read_text(encoding="utf-8")
    slugs = []
    for index in range(count):
        slug, project = f"council{index}", f"council-bot-{index:03d}"
        folder = root / "councils" / slug
        folder.mkdir(parents=True)
        text = base.replace("slug: unitary", f"slug: {slug}")
        (folder / "council.yaml").write_text(text + f"dialogflow:\n  project_id: {project}\n", "utf-8")
        fake.add_agent(project, "en", ["cy"])
        slugs.append(slug)
    return slugs


def test_all_with_one_credential_never_passes_the_quota_of_its_consumer_project(
    build_library: BuildLibrary, fake: FakeDialogflow, tmp_path: Path
) -> None:
    root = build_library()
    slugs = many_councils(root, 4, fake)
    limit, window = 12, 0.6  # 12 calls in any 0.6 s stands for 60 a minute, so the test takes seconds
    fake.quota = (limit, window)  # the fake refuses what a real project's quota would
    policy = CallPolicy(poll_seconds=0, backoff_seconds=0, calls_per_minute=limit, window_seconds=window)
    options = SyncOptions(endpoint=fake.endpoint, policy=policy, snapshots=tmp_path, quota_project="one-sa")
    library = load_library(root).library

    outcomes = plan_councils(library, slugs, options, workers=4)
    apply_outcomes(outcomes, options, workers=4)
    for outcome in outcomes:
        outcome.close()

    assert [outcome.error for outcome in outcomes] == [None] * 4
    charged = fake.call_times["one-sa"]
    assert len(charged) == fake.count() > 4 * limit  # every call charged to one consumer, none refused
    assert fake.peak_calls("one-sa", window) <= limit
    assert all(fake.agent(f"council-bot-{i:03d}").trained for i in range(4))


def test_restoring_an_export_keeps_fulfilment_and_ownership(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow, tmp_path: Path
) -> None:
    url = "https://bot.unitary.example/dialogflow"
    pothole = (MINIMAL_LIBRARY / "intents/streets/pothole.yaml").read_text(encoding="utf-8")
    library = build_library(
        files={
            **with_dialogflow("unitary", UNITARY_PROJECT, f"  agent:\n    webhook_url: {url}\n"),
            # An imported intent whose agent called its webhook: the restore must keep that on.
            "intents/streets/pothole.yaml": pothole + "dialogflow:\n  webhook: enabled\n",
        }
    )
    exported = sync(
        "export", "--council", "unitary", "--output", str(tmp_path / "agent.zip"), library=library
    )
    agent = fake.agent(UNITARY_PROJECT)
    agent.webhook = {}  # nothing set up yet: the restore must bring it

    restored = sync("restore", str(tmp_path / "agent.zip"), "--project", UNITARY_PROJECT, "--yes")
    fake.reset_counts()
    planned = sync(*PLAN, library=library)
    applied = sync(*APPLY, library=library)

    assert exported.exit_code == 0, exported.output
    assert restored.exit_code == 0, restored.output
    assert agent.webhook["url"] == url and agent.webhook["available"] is True
    stored = agent.intent_named("streets.pothole")
    assert stored is not None
    assert stored.neutral.webhook_state == df.Intent.WebhookState.WEBHOOK_STATE_ENABLED
    assert agent.entity_type_named(OWNERSHIP_ENTITY_TYPE) is not None
    assert "No changes" in planned.output, planned.output
    assert "left alone" not in planned.output  # still the library's, not taken for hand-made
    assert "No changes" in applied.output
    assert fake.count("writes") == 0


@pytest.mark.parametrize("order", ["reversed", "shuffled"])
def test_batch_results_in_any_order_converge_in_one_run(
    build_library: BuildLibrary, sync: Sync, fake: FakeDialogflow, order: str
) -> None:
    # Several intents per batch, so that a shuffle really reorders them.
    extra = {}
    for number, (english, welsh) in enumerate(TOPICS):
        extra[f"intents/streets/report_{number}.yaml"] = REPORT.format(
            number=number, english=english, welsh=welsh
        )
    library = build_library(files={**with_dialogflow("unitary", UNITARY_PROJECT), **extra})
    fake.batch_order = order

    first = sync(*APPLY, library=library)
    fake.reset_counts()
    second = sync(*APPLY, library=library)

    assert first.exit_code == 0, first.output
    assert fake.reordered > 0  # the fake did answer out of order
    agent = fake.agent(UNITARY_PROJECT)
    for number, (english, welsh) in enumerate(TOPICS):
        assert agent.phrases(f"streets.report_{number}", "en") == [f"report {english}", f"{english} near me"]
        assert agent.phrases(f"streets.report_{number}", "cy") == [welsh]
    assert "No changes" in second.output
    assert fake.count("writes") == 0


def test_a_write_the_service_lost_fails_the_run_before_training_and_the_next_run_mends_it(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    fake.lose_phrases_in = "cy"  # answered as written, but the Welsh phrases were not kept

    failed = sync(*APPLY, library=library)
    agent = fake.agent(UNITARY_PROJECT)
    trainings = agent.trainings
    mended = sync(*APPLY, library=library)
    fake.reset_counts()
    again = sync(*PLAN, library=library)

    assert failed.exit_code == 1
    assert "after writing, the agent still differs from the library: update " in failed.output
    assert trainings == 0  # nothing trained on a half-written agent
    assert mended.exit_code == 0, mended.output
    assert agent.phrases("waste.collection_day", "cy") == ["pryd mae diwrnod bin"]
    assert agent.trained
    assert "No changes" in again.output and fake.count("writes") == 0


def test_the_fake_restores_a_console_export_and_refuses_what_the_console_refuses(
    sync: Sync, fake: FakeDialogflow, tmp_path: Path
) -> None:
    (tmp_path / "console.zip").write_bytes(zip_bytes(COUNCIL_CONSOLE))
    (tmp_path / "no-agent-json.zip").write_bytes(zip_bytes(LIBRARY_SUPPLEMENTARY))

    restored = sync("restore", str(tmp_path / "console.zip"), "--project", UNITARY_PROJECT, "--yes")
    refused = sync("restore", str(tmp_path / "no-agent-json.zip"), "--project", UNITARY_PROJECT, "--yes")

    assert restored.exit_code == 0, restored.output
    agent = fake.agent(UNITARY_PROJECT)
    assert sorted(i.neutral.display_name for i in agent.intents.values()) == [
        "Bins - collection day",
        "Bins - collection day - more",
        "Default Fallback Intent",
        "Default Welcome Intent",
    ]
    bins, more = (
        agent.intent_named("Bins - collection day"),
        agent.intent_named("Bins - collection day - more"),
    )
    assert bins is not None and more is not None
    assert more.neutral.parent_followup_intent_name == bins.neutral.name
    assert agent.phrases("Bins - collection day", "cy") == ["pa ddiwrnod mae'r biniau'n cael eu casglu"]
    assert [p.display_name for p in bins.neutral.parameters] == ["Postcode", "BinType"]
    welcome = agent.intent_named("Default Welcome Intent")
    assert welcome is not None
    assert welcome.messages["en"][1].platform == df.Intent.Message.Platform.TELEGRAM
    assert agent.webhook["url"] == "https://bot.vale.example/dialogflow"
    assert agent.trained
    assert refused.exit_code == 1
    assert "INVALID_ARGUMENT: not an agent export: agent.json is missing" in refused.output
    assert agent.intent_named("Bins - collection day") is not None  # the refused restore changed nothing
