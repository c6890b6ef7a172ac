"""The offline agent's dialogue: contexts age, follow-up events chain, cancel and give-up work."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from google.cloud import dialogflow_v2

from tests.conftest import REPOSITORY
from webhook.agent.dialogue import MAX_PROMPTS, Matched, OfflineAgent
from webhook.agent.session import ConversationState
from webhook.agent.understanding import LibraryUnderstanding
from webhook.fulfilment.turn import FollowupEvent, Reply
from webhook.library.loader import load_library

LIBRARY = load_library(REPOSITORY).library
DEMO = LIBRARY.councils["demo"]


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> OfflineAgent:
    cache: Path = tmp_path_factory.mktemp("dialogue-nlu")
    return OfflineAgent(LIBRARY, LibraryUnderstanding(LIBRARY, cache))


def new_state(language: str = "en") -> ConversationState:
    return ConversationState("demo", "dialogue-test", language)


def test_an_output_context_lives_for_its_lifespan_in_turns(agent: OfflineAgent) -> None:
    state = new_state()
    agent.respond(DEMO, state, "when are my bins collected")
    agent.respond(DEMO, state, "AA1 1AA")
    assert state.contexts["bin_collection"].lifespan == 5
    for _ in range(4):
        agent.respond(DEMO, state, "thank you")
    assert state.contexts["bin_collection"].lifespan == 1
    agent.respond(DEMO, state, "thank you")
    assert "bin_collection" not in state.contexts


def test_a_follow_up_event_from_the_webhook_triggers_the_intent_that_has_it(
    agent: OfflineAgent, monkeypatch
) -> None:
    handlers = agent.engine.handlers.replaced(
        "council.contact", lambda turn: Reply(texts=("One moment.",), followup_event=FollowupEvent("WELCOME"))
    )
    monkeypatch.setattr(agent.engine, "handlers", handlers)
    reply = agent.respond(DEMO, new_state(), "what is the council's phone number")
    assert reply.intent == "system.welcome"
    assert reply.messages[0]["text"] == "One moment."
    assert "Demo Borough Council" in " ".join(m.get("text", "") for m in reply.messages)


def test_the_agent_stops_asking_after_repeated_answers_it_cannot_use(agent: OfflineAgent) -> None:
    state = new_state()
    agent.respond(DEMO, state, "when are my bins collected")
    for _ in range(MAX_PROMPTS - 1):
        reply = agent.respond(DEMO, state, "erm not sure")
        assert "postcode" in reply.messages[0]["text"]
    reply = agent.respond(DEMO, state, "erm not sure")
    assert "01632 960000" in reply.messages[0]["text"]
    assert state.pending is None


def test_cancel_in_welsh_leaves_the_prompt(agent: OfflineAgent) -> None:
    state = new_state("cy")
    agent.respond(DEMO, state, "pryd mae'r biniau yn cael eu casglu")
    assert state.pending is not None
    reply = agent.respond(DEMO, state, "canslo")
    assert state.pending is None
    assert "stopio" in reply.messages[0]["text"]


def test_the_webhook_request_is_what_dialogflow_would_send(agent: OfflineAgent) -> None:
    state = new_state()
    matched = Matched(
        LIBRARY.intents["waste.collection_day"], {"postcode": "AA1 1AA"}, {"postcode": "aa11aa"}, "x", 0.9
    )
    request = agent.webhook_request(DEMO, state, matched)
    parsed = dialogflow_v2.WebhookRequest.from_json(json.dumps(request), ignore_unknown_fields=False)
    assert parsed.query_result.parameters["postcode"] == "AA1 1AA"
    assert parsed.query_result.parameters["postcode.original"] == "aa11aa"
    assert parsed.query_result.parameters["bin_type"] == ""
    assert parsed.session == "projects/offline-demo/agent/sessions/dialogue-test"
