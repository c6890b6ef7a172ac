"""Compiling the repository's own library for the demo council into Dialogflow objects."""

from __future__ import annotations

import pytest
from google.cloud import dialogflow_v2 as df

from tests.conftest import REPOSITORY
from webhook.dialogflow.compare import phrase_text
from webhook.dialogflow.compile import CompiledAgent, compile_council
from webhook.dialogflow.target import Target
from webhook.library.loader import load_library

TARGET = Target("demo-council-bot")


@pytest.fixture(scope="module")
def demo() -> CompiledAgent:
    return compile_council(load_library(REPOSITORY).library, "demo", TARGET)


def test_every_intent_the_demo_council_offers_is_compiled_in_english_and_welsh(demo: CompiledAgent) -> None:
    library = load_library(REPOSITORY).library

    assert set(demo.intents) == set(library.intents)
    assert demo.languages == ("en", "cy")
    for intent in demo.intents.values():
        assert set(intent.by_language) == {"en", "cy"}
        assert all(i.display_name == intent.display_name for i in intent.by_language.values())


def test_fallback_phrases_are_negative_examples_on_a_fallback_intent(demo: CompiledAgent) -> None:
    fallback = demo.intents["system.fallback"].by_language["en"]

    assert fallback.is_fallback
    assert "how do i renew my passport" in [phrase_text(p) for p in fallback.training_phrases]
    assert not demo.intents["waste.collection_day"].by_language["en"].is_fallback


def test_webhook_state_follows_fulfilment(demo: CompiledAgent) -> None:
    bins = demo.intents["waste.collection_day"].by_language["cy"]

    assert bins.webhook_state == df.Intent.WebhookState.WEBHOOK_STATE_ENABLED_FOR_SLOT_FILLING
    # An intent with no handler calls the webhook too, because the demo's hand-off sends the
    # conversation (tests/handoff/test_dialogflow.py has a council without one).
    assert demo.intents["system.welcome"].by_language["en"].webhook_state == (
        df.Intent.WebhookState.WEBHOOK_STATE_ENABLED
    )


def test_required_parameters_carry_their_prompts_per_language(demo: CompiledAgent) -> None:
    english = {p.display_name: p for p in demo.intents["waste.collection_day"].by_language["en"].parameters}
    welsh = {p.display_name: p for p in demo.intents["waste.collection_day"].by_language["cy"].parameters}

    assert english["postcode"].mandatory
    assert english["postcode"].entity_type_display_name == "@postcode"
    assert list(english["postcode"].prompts) == ["What's your postcode? For example, AA1 1AA."]
    assert list(welsh["postcode"].prompts) == ["Beth yw eich cod post? Er enghraifft, AA1 1AA."]
    assert not english["bin_type"].mandatory and list(english["bin_type"].prompts) == []


def test_responses_have_the_demo_councils_facts_filled_in(demo: CompiledAgent) -> None:
    for intent in demo.intents.values():
        for language, compiled in intent.by_language.items():
            for message in compiled.messages:
                text = df.Intent.Message.to_json(message)
                assert "{council." not in text and "{service." not in text, (intent.display_name, language)


def test_entity_kinds_map_to_dialogflow_kinds(demo: CompiledAgent) -> None:
    bins = demo.entity_types["bin_type"].by_language["en"]
    pcn = demo.entity_types["pcn_number"].by_language["cy"]

    assert bins.kind == df.EntityType.Kind.KIND_MAP
    assert bins.enable_fuzzy_extraction
    general = next(e for e in bins.entities if e.value == "general_waste")
    assert list(general.synonyms[:2]) == ["general_waste", "general waste"]  # the value matches itself too
    assert pcn.kind == df.EntityType.Kind.KIND_REGEXP
    assert [e.value for e in pcn.entities] == ["\\b[A-Za-z]{2}[0-9]{8}\\b", "\\b[0-9]{10}\\b"]


def test_a_location_puts_the_agent_and_its_contexts_under_it() -> None:
    regional = Target("demo-council-bot", "europe-west2")

    assert regional.agent == "projects/demo-council-bot/locations/europe-west2/agent"
    assert regional.context("bin_collection") == (
        "projects/demo-council-bot/locations/europe-west2/agent/sessions/-/contexts/bin_collection"
    )
    assert regional.api_host == "europe-west2-dialogflow.googleapis.com"
    assert Target("demo-council-bot", "global").agent == TARGET.agent == "projects/demo-council-bot/agent"
