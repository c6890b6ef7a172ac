"""Every conversation script in tests/conversations/ holds, through the offline agent and the webhook."""

from __future__ import annotations

from pathlib import Path

import pytest

from webhook.agent.conversations import load_scripts, run_script
from webhook.agent.dialogue import OfflineAgent
from webhook.agent.understanding import LibraryUnderstanding
from webhook.library.loader import load_library

REPOSITORY = Path(__file__).resolve().parents[1]
SCRIPTS = load_scripts(REPOSITORY / "tests" / "conversations")
LIBRARY = load_library(REPOSITORY).library


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> OfflineAgent:
    return OfflineAgent(LIBRARY, LibraryUnderstanding(LIBRARY, tmp_path_factory.mktemp("nlu")))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_conversation(agent: OfflineAgent, script) -> None:
    outcome = run_script(agent, LIBRARY, script)
    assert outcome.passed, "\n".join(failure.format() for failure in outcome.failures)
