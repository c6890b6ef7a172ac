"""The engine apart from the web: it imports no Flask, builds its own handler registry, and its typed
reply is what the rendered WebhookResponse says (the contract the offline agent relies on)."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from tests.backends.fixtures_http import refused_base_url
from tests.conftest import REPOSITORY
from tests.fulfilment.conftest import webhook_request
from webhook.agent.dialogue import Matched, OfflineAgent
from webhook.agent.messages import chat_messages, reply_messages
from webhook.agent.session import ActiveContext, ConversationState
from webhook.backends.registry import Backends
from webhook.deadline import Deadline
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handler_names import handler_names
from webhook.fulfilment.handlers import handler_registry
from webhook.fulfilment.parse import parse_webhook_request
from webhook.fulfilment.registry import Handler, handler
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.loader import load_library

LIBRARY = load_library(REPOSITORY).library


def test_the_engine_and_the_offline_agent_import_no_flask() -> None:
    code = (
        "import sys\n"
        "import webhook.fulfilment.engine, webhook.fulfilment.handlers, webhook.agent.dialogue\n"
        "loaded = sorted(m for m in sys.modules if m == 'flask' or m.startswith(('flask.', 'werkzeug')))\n"
        "print(','.join(loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_each_registry_is_built_afresh_and_holds_every_handler_the_library_names() -> None:
    first, second = handler_registry(), handler_registry()
    assert first is not second
    named = {intent.handler for intent in LIBRARY.intents.values() if intent.handler}
    assert named <= first.names()
    replaced = first.replaced("council.contact", lambda turn: None)  # type: ignore[arg-type,return-value]
    assert replaced.get("council.contact") is not first.get("council.contact")


def test_the_names_validation_reads_from_the_source_are_those_the_registry_imports() -> None:
    # A module in the folder that handlers.MODULES leaves out would show here as names the app lacks.
    assert handler_names() == handler_registry().names()


def test_a_handler_that_never_waits_runs_on_the_requests_own_thread() -> None:
    threads: dict[str, str] = {}

    def record(name: str) -> Handler:
        def run(turn: Turn) -> Reply:
            threads[name] = threading.current_thread().name
            return Reply(texts=("done",))

        return run

    registry = handler_registry().replaced(
        "council.contact", handler("council.contact", waits=False)(record("quick"))
    )
    registry = registry.replaced("waste.collection_day", record("waiting"))
    engine = Engine(LIBRARY, registry, Backends(refused_base_url()))
    demo = LIBRARY.councils["demo"]
    for intent, parameters in (("council.contact", {}), ("waste.collection_day", {"postcode": "AA1 1AA"})):
        call = parse_webhook_request(webhook_request(intent, parameters=parameters))
        assert engine.answer(demo, call, Deadline.after(2.0)).reply.texts == ("done",)
    assert threads == {"quick": threading.current_thread().name, "waiting": threads["waiting"]}
    assert threads["waiting"].startswith("fulfil")


def _cases() -> list[tuple[str, str, str]]:
    return [
        (slug, intent_id, language)
        for slug, council in LIBRARY.councils.items()
        for intent_id, intent in LIBRARY.intents.items()
        for language in council.languages
        if council.offers(intent_id) and language in intent.languages
    ]


@pytest.fixture(scope="module")
def agent(tmp_path_factory: pytest.TempPathFactory) -> OfflineAgent:
    """An offline agent whose engine's outside APIs all refuse (handlers then answer from the library)."""
    engine = Engine(LIBRARY, handler_registry(), Backends(refused_base_url()))
    return OfflineAgent(LIBRARY, understanding=None, engine=engine)  # type: ignore[arg-type]


@pytest.mark.parametrize(("slug", "intent_id", "language"), _cases())
def test_the_typed_reply_and_the_rendered_response_say_the_same(
    agent: OfflineAgent, slug: str, intent_id: str, language: str
) -> None:
    council = LIBRARY.councils[slug]
    state = ConversationState(slug, f"contract-{slug}", language)
    state.contexts["resident"] = ActiveContext(5, {"postcode": "AA1 1AA"})
    values = {"postcode": "AA1 1AA"} if LIBRARY.intents[intent_id].parameter("postcode") else {}
    matched = Matched(LIBRARY.intents[intent_id], values, {}, "text the resident typed", 0.9)
    call = agent.webhook_call(council, state, matched)
    # The call the agent builds is the one the webhook parses from the request Dialogflow would send.
    assert call == parse_webhook_request(agent.webhook_request(council, state, matched))
    answered = agent.engine.answer(council, call, Deadline.after(2.0))
    body = answered.body
    assert reply_messages(answered.reply) == chat_messages(body["fulfillmentMessages"])
    rendered_contexts = {
        item["name"].rsplit("/contexts/", 1)[-1]: (item["lifespanCount"], item.get("parameters", {}))
        for item in body.get("outputContexts", [])
    }
    typed_contexts = {c.name: (c.lifespan, dict(c.parameters)) for c in answered.reply.output_contexts}
    assert rendered_contexts == typed_contexts
    event = answered.reply.followup_event
    assert body.get("followupEventInput", {}).get("name") == (event.name if event else None)
    assert (body.get("payload") or None) == (dict(answered.reply.payload) if answered.reply.payload else None)
