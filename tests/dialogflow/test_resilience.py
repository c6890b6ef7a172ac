"""Quota errors, dropped connections and interrupted runs: apply retries, and re-running converges."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dialogflow.conftest import UNITARY_PROJECT, Sync
from tests.dialogflow.fake_dialogflow import FakeDialogflow
from webhook.dialogflow.calls import CallPolicy, RateLimiter

APPLY = ("apply", "--council", "unitary", "--yes")
PLAN = ("plan", "--council", "unitary")
#: The library's intents, and the stock fallback intent the test library has no counterpart for (the stock
#: welcome intent becomes system.welcome).
LIBRARY_INTENTS = ["Default Fallback Intent", "streets.pothole", "system.welcome", "waste.collection_day"]


def display_names(fake: FakeDialogflow) -> list[str]:
    return sorted(i.neutral.display_name for i in fake.agent(UNITARY_PROJECT).intents.values())


@pytest.mark.parametrize(
    ("fault", "method"),
    [
        ("RESOURCE_EXHAUSTED", "Intents.BatchUpdateIntents"),
        ("UNAVAILABLE", "Intents.ListIntents"),
        ("DROP", "EntityTypes.BatchUpdateEntityTypes"),
        ("DROP", "Agents.TrainAgent"),
        ("RESOURCE_EXHAUSTED", "Operations.GetOperation"),
    ],
)
def test_quota_errors_and_dropped_connections_are_retried(
    sync: Sync, library: Path, fake: FakeDialogflow, fault: str, method: str
) -> None:
    fake.inject(fault, method=method)

    result = sync(*APPLY, library=library)

    assert result.exit_code == 0, result.output
    assert fake.calls[method] >= 2  # the failed call, then its retry
    assert display_names(fake) == LIBRARY_INTENTS
    assert fake.agent(UNITARY_PROJECT).trained
    assert "No changes" in sync(*PLAN, library=library).output


def test_retries_give_up_after_the_configured_attempts(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    for _ in range(3):
        fake.inject("UNAVAILABLE", method="Agents.GetAgent")

    result = sync(*APPLY, "--max-attempts", "3", library=library)

    assert result.exit_code == 1
    assert "GetAgent on projects/unitary-council-bot/agent failed: UNAVAILABLE" in result.output
    assert fake.calls["Agents.GetAgent"] == 3
    assert fake.count("writes") == 0


def test_a_run_interrupted_between_batches_converges_when_re_run(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    # English is created and the stock welcome adopted, then the Welsh batch fails with an error that is
    # not retried.
    fake.inject("INTERNAL", method="Intents.BatchUpdateIntents", nth=3)

    failed = sync(*APPLY, library=library)
    welsh_after_failure = fake.agent(UNITARY_PROJECT).phrases("system.welcome", "cy")
    planned = sync(*PLAN, library=library)
    rerun = sync(*APPLY, library=library)

    assert failed.exit_code == 1
    assert "BatchUpdateIntents on projects/unitary-council-bot/agent failed: INTERNAL" in failed.output
    assert welsh_after_failure == ["helo", "shwmae"]  # still the stock intent's Welsh
    assert (
        "record intent(s) created by an interrupted run: streets.pothole, system.welcome, "
        "waste.collection_day" in planned.output
    )
    assert "left alone" not in planned.output  # its own half-finished work is not taken for hand-made
    assert "~ intent system.welcome" in planned.output
    assert rerun.exit_code == 0, rerun.output
    agent = fake.agent(UNITARY_PROJECT)
    assert display_names(fake) == LIBRARY_INTENTS
    assert agent.phrases("system.welcome", "cy") == ["bore da"]
    assert agent.trained
    fake.reset_counts()
    assert "No changes" in sync(*APPLY, library=library).output
    assert fake.count("writes") == 0


def test_a_connection_dropped_after_the_service_acted_converges_when_re_run(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    # The English batch is applied but its answer is lost: the retry finds the intents already there.
    fake.inject("DROP", method="Intents.BatchUpdateIntents", after_applying=True)

    failed = sync(*APPLY, library=library)
    rerun = sync(*APPLY, library=library)

    assert failed.exit_code == 1
    assert "ALREADY_EXISTS" in failed.output
    assert rerun.exit_code == 0, rerun.output
    assert display_names(fake) == LIBRARY_INTENTS
    assert fake.agent(UNITARY_PROJECT).trained
    assert "No changes" in sync(*PLAN, library=library).output


def test_a_run_stopped_before_training_trains_next_time(
    sync: Sync, library: Path, fake: FakeDialogflow
) -> None:
    fake.inject("INTERNAL", method="Agents.TrainAgent")

    failed = sync(*APPLY, library=library)
    untrained = not fake.agent(UNITARY_PROJECT).trained
    planned = sync(*PLAN, "--detailed-exitcode", library=library)
    rerun = sync(*APPLY, library=library)

    assert failed.exit_code == 1 and untrained
    assert planned.exit_code == 2
    assert "train the agent (a previous run stopped before training)" in planned.output
    assert rerun.exit_code == 0, rerun.output
    assert fake.agent(UNITARY_PROJECT).trained
    assert "No changes" in sync(*PLAN, library=library).output


def test_the_rate_limiter_allows_at_most_n_calls_in_any_window() -> None:
    now = [0.0]
    waits: list[float] = []

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    limiter = RateLimiter(3, 60.0, clock=lambda: now[0], sleep=sleep)
    started = []
    for _ in range(7):
        limiter.acquire()
        started.append(now[0])
        now[0] += 1.0  # each call takes a second

    assert started == [0.0, 1.0, 2.0, 60.0, 61.0, 62.0, 120.0]
    for index, moment in enumerate(started):
        assert sum(1 for other in started if moment - 60.0 < other <= moment) <= 3, index


def test_backoff_doubles_up_to_its_cap() -> None:
    policy = CallPolicy(backoff_seconds=1.0, max_backoff_seconds=5.0)

    assert [policy.backoff(attempt) for attempt in range(1, 6)] == [1.0, 2.0, 4.0, 5.0, 5.0]
    assert policy.backoff(2, jitter=0.5) == 1.0


def test_plan_keeps_to_the_calls_per_minute_it_is_given(
    sync: Sync, library: Path, fake: FakeDialogflow, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [0.0]
    started: list[float] = []

    def sleep(seconds: float) -> None:
        now[0] += seconds

    limiter = RateLimiter(3, 60.0, clock=lambda: now[0], sleep=sleep)
    original = limiter.acquire

    def acquire() -> list[float]:
        stamp = original()
        started.append(now[0])
        return stamp

    limiter.acquire = acquire  # type: ignore[method-assign]
    unlimited = RateLimiter(1000, 60.0, clock=lambda: now[0], sleep=sleep)
    monkeypatch.setattr(
        "webhook.dialogflow.calls._limiters",
        {"consumer:shared-quota": limiter, f"agent:{UNITARY_PROJECT}": unlimited},
    )

    result = sync(*PLAN, "--calls-per-minute", "3", "--quota-project", "shared-quota", library=library)

    assert result.exit_code == 0, result.output
    assert fake.count() == 5  # GetAgent, then entity types and intents in English and Welsh
    assert started == [0.0, 0.0, 0.0, 60.0, 60.0]
