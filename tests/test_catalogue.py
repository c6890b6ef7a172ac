"""The shared catalogue: the 50 intents residents ask about most, in English and Welsh."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from webhook.library.annotations import normalise, plain_text
from webhook.library.loader import load_library
from webhook.library.model import Library
from webhook.library.resolve import resolve_intent

REPOSITORY = Path(__file__).resolve().parents[1]
CATALOGUE = """
waste.collection_day waste.missed_collection waste.which_bin waste.new_bin waste.bulky_collection
waste.garden_waste waste.recycling_centre council_tax.pay council_tax.balance council_tax.band
council_tax.discount council_tax.support council_tax.direct_debit council_tax.moving_home
benefits.housing_benefit business_rates.enquiry housing.repair housing.pay_rent housing.apply
housing.homeless parking.permit parking.fine parking.blue_badge streets.pothole streets.streetlight
streets.flytipping streets.other_problem environment.noise environment.pest_control
community.antisocial_behaviour planning.application_search planning.permission_advice
planning.building_control libraries.services registration.births_deaths_marriages
elections.polling_station elections.register_to_vote schools.admissions schools.free_meals
social_care.adults council.find_my_council council.contact council.councillor council.complaint
system.welcome system.fallback system.human_handoff system.switch_language system.safeguarding
system.thanks_goodbye
""".split()
# Intents that hold a conversation together: answers to the bot's own questions, leaving a flow, and
# follow-ups that match only after the answer they follow (by input context).
CONVERSATION = """
dialogue.answer dialogue.location_answer dialogue.choice_answer dialogue.contact_answer
dialogue.postcode_answer dialogue.never_mind dialogue.different_address
dialogue.cancel dialogue.start_again waste.another_bin_day waste.which_bin_another_item
waste.recycling_centre_hours elections.polling_station_hours
""".split()
# Added after the held-out NLU test set was written, so it has no examples of them.
SINCE_THE_TEST_SET = ["elections.voter_id"]
# Intents whose answer needs a lookup or an action, so a webhook handler answers them.
WEBHOOK_INTENTS = """
waste.collection_day waste.missed_collection waste.which_bin waste.recycling_centre
elections.polling_station council.find_my_council council.councillor council.contact
council_tax.moving_home streets.pothole streets.streetlight streets.flytipping streets.other_problem
""".split()


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(REPOSITORY).library


def test_the_library_has_exactly_the_catalogue_and_the_conversation_intents(library: Library) -> None:
    assert len(CATALOGUE) == 50
    assert sorted(library.intents) == sorted(CATALOGUE + SINCE_THE_TEST_SET + CONVERSATION)


@pytest.mark.parametrize("intent_id", CONVERSATION)
def test_conversation_intents_match_only_in_their_context_unless_for_any_moment(
    library: Library, intent_id: str
) -> None:
    intent = library.intents[intent_id]
    # Starting again, and "never mind" said when nothing is in progress, are for any moment.
    assert intent.input_contexts or intent_id in ("dialogue.start_again", "dialogue.never_mind")
    if intent.followup_of:
        parent = library.intents[intent.followup_of]
        assert set(intent.input_contexts) <= {context.name for context in parent.output_contexts}


@pytest.mark.parametrize("intent_id", CATALOGUE + SINCE_THE_TEST_SET + CONVERSATION[1:])
def test_each_intent_has_enough_phrases_and_a_welsh_version(library: Library, intent_id: str) -> None:
    intent = library.intents[intent_id]
    assert len(intent.languages["en"].phrases) >= 25
    assert len(intent.languages["cy"].phrases) >= 25
    assert intent.languages["cy"].responses.text
    assert intent.languages["cy"].review in ("reviewed", "native", "needs-welsh-speaker")


@pytest.mark.parametrize("intent_id", CATALOGUE + SINCE_THE_TEST_SET + CONVERSATION)
def test_responses_are_short_enough_to_read_on_a_phone(library: Library, intent_id: str) -> None:
    for language, text in library.intents[intent_id].languages.items():
        for response in text.responses.text:
            words = len(response.split())
            assert words <= 65, f"{intent_id} ({language}) has a {words}-word response"


@pytest.mark.parametrize("intent_id", WEBHOOK_INTENTS)
def test_lookups_and_actions_name_their_webhook_handler(library: Library, intent_id: str) -> None:
    intent = library.intents[intent_id]
    assert intent.webhook and intent.handler


def test_no_training_phrase_trains_two_intents_that_match_in_the_same_contexts(library: Library) -> None:
    owners: dict[tuple[str, str, frozenset[str]], str] = {}
    for intent in library.intents.values():
        for language, text in intent.languages.items():
            for phrase in text.phrases:
                key = (language, normalise(plain_text(phrase)), frozenset(intent.input_contexts))
                assert owners.setdefault(key, intent.id) == intent.id, f"{phrase!r} is in two intents"


def test_safeguarding_is_reachable_from_any_context_and_leads_with_emergency_numbers(
    library: Library,
) -> None:
    intent = library.intents["system.safeguarding"]
    assert intent.input_contexts == ()
    for council in library.councils.values():
        for language in council.languages:
            resolved = resolve_intent(library, council, "system.safeguarding", language)
            first = resolved.responses.text[0]
            assert "999" in first.split(".")[0], f"{council.slug} ({language}) must lead with 999"
            assert "116 123" in first
            assert not resolved.unresolved


def test_the_fallback_intent_learns_from_negative_examples(library: Library) -> None:
    fallback = library.intents["system.fallback"]
    assert fallback.fallback
    phrases = " ".join(fallback.languages["en"].phrases).lower()
    for topic in ("passport", "gp", "weather"):
        assert topic in phrases


def test_a_district_asked_about_a_county_service_names_the_county(library: Library) -> None:
    oxford = library.councils["oxford"]
    for intent_id in ("streets.pothole", "schools.admissions", "parking.blue_badge", "libraries.services"):
        resolved = resolve_intent(library, oxford, intent_id, "en")
        assert resolved.routed
        assert "Oxfordshire County Council" in resolved.responses.text[0]
        assert resolved.responses.links[0].url.startswith("https://www.oxfordshire.gov.uk")


def test_a_county_asked_about_bins_sends_residents_to_their_district(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["oxfordshire"], "waste.collection_day", "en")
    assert resolved.provider.routing == "to_district"
    assert "find-local-council" in resolved.responses.links[0].url


def test_the_demo_council_fills_every_placeholder_in_both_languages(library: Library) -> None:
    demo = library.councils["demo"]
    assert demo.languages == ("en", "cy") and not demo.disabled
    for intent_id in CATALOGUE:
        for language in ("en", "cy"):
            resolved = resolve_intent(library, demo, intent_id, language)
            assert not resolved.unresolved, (intent_id, language, resolved.unresolved)
            assert not re.search(r"\{[a-z_.]+\}", " ".join(resolved.responses.text))


def load_test_set(language: str) -> list[dict[str, str]]:
    return yaml.safe_load((REPOSITORY / "tests" / "nlu" / f"{language}.yaml").read_text())["examples"]


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_nlu_test_set_is_labelled_with_library_intents(library: Library, language: str) -> None:
    examples = load_test_set(language)
    labels = {example["intent"] for example in examples}
    assert labels == set(CATALOGUE)
    out_of_scope = [e for e in examples if e["intent"] == "system.fallback"]
    assert len(out_of_scope) >= 30


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_nlu_test_set_is_held_out_from_training(library: Library, language: str) -> None:
    training = {
        normalise(plain_text(phrase))
        for intent in library.intents.values()
        if language in intent.languages
        for phrase in intent.languages[language].phrases
    }
    leaked = [e["text"] for e in load_test_set(language) if normalise(e["text"]) in training]
    assert leaked == []
