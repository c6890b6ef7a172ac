"""Every conversation script in tests/conversations/ holds, through the offline agent and the webhook."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from webhook.agent.conversations import load_scripts, run_script
from webhook.agent.dialogue import OfflineAgent
from webhook.agent.understanding import LibraryUnderstanding
from webhook.backends.registry import Backends
from webhook.fakes.serving import serving_fakes
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handlers import handler_registry
from webhook.library.loader import load_library

REPOSITORY = Path(__file__).resolve().parents[1]
SCRIPTS = load_scripts(REPOSITORY / "tests" / "conversations")
LIBRARY = load_library(REPOSITORY).library


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OfflineAgent]:
    """The offline agent with the demo council's lookups and reports served by the local fakes."""
    with serving_fakes() as fakes:
        engine = Engine(LIBRARY, handler_registry(), Backends(app_base_url=fakes))
        yield OfflineAgent(
            LIBRARY, LibraryUnderstanding(LIBRARY, tmp_path_factory.mktemp("nlu")), engine=engine
        )


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_conversation(agent: OfflineAgent, script) -> None:
    outcome = run_script(agent, LIBRARY, script)
    assert outcome.passed, "\n".join(failure.format() for failure in outcome.failures)
