"""Fixtures: the fake Dialogflow server, a library whose councils declare agents, and a CLI runner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from tests.conftest import MINIMAL_LIBRARY, BuildLibrary
from tests.dialogflow.fake_dialogflow import FakeDialogflow
from webhook.dialogflow.commands import COMMANDS

UNITARY_PROJECT = "unitary-council-bot"
COUNTY_PROJECT = "county-council-bot"
#: Fast settings for tests: no real waiting on backoff, polls or the rate limit.
FAST = ["--backoff-seconds", "0", "--poll-seconds", "0", "--calls-per-minute", "100000"]

Sync = Callable[..., Result]


def with_dialogflow(council: str, project: str, extra: str = "") -> dict[str, str]:
    """The minimal library's council overlay with a `dialogflow:` block added."""
    path = f"councils/{council}/council.yaml"
    text = (MINIMAL_LIBRARY / path).read_text(encoding="utf-8")
    return {path: text + f"dialogflow:\n  project_id: {project}\n{extra}"}


@pytest.fixture
def fake() -> Iterator[FakeDialogflow]:
    """A running fake with the unitary council's agent (English default, Welsh) and the county's."""
    server = FakeDialogflow()
    server.start()
    server.add_agent(UNITARY_PROJECT, "en", ["cy"])
    server.add_agent(COUNTY_PROJECT, "en")
    yield server
    server.stop()


@pytest.fixture
def library(build_library: BuildLibrary) -> Path:
    """The minimal test library, the unitary council syncing to its agent."""
    return build_library(files=with_dialogflow("unitary", UNITARY_PROJECT))


@pytest.fixture
def sync(fake: FakeDialogflow, tmp_path: Path) -> Sync:
    """Run a sync-intents command against the fake: sync("apply", "--council", "unitary", "--yes")."""
    group = click.Group(commands=COMMANDS)
    runner = CliRunner()

    def run(command: str, *args: str, library: Path | None = None, input: str | None = None) -> Result:
        full = [command]
        if command in ("plan", "apply", "restore"):
            full += ["--endpoint", fake.endpoint, *FAST]  # first, so that a test's own options win
        if command == "apply":
            full += ["--snapshots", str(tmp_path / "snapshots")]
        full += args
        if library is not None:
            full += ["--library", str(library)]
        return runner.invoke(group, full, input=input, catch_exceptions=False)

    return run
