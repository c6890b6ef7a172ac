"""Overlay resolution: tier routing, overrides, facts and the layer each value came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BuildLibrary
from webhook.library.loader import load_library
from webhook.library.model import Library
from webhook.library.resolve import resolve_intent

OVERRIDE = """\
# yaml-language-server: $schema=../council.schema.json
slug: unitary
name:
  en: Unitary Council
  cy: Cyngor Unedol
gss_code: W06000998
tier: unitary
nation: wales
languages: [en, cy]
contact:
  phone:
    en: "01632 960001"
    cy: "01632 960011"
  website:
    en: https://unitary.example
    cy: https://unitary.example/cy
services:
  waste.collection_day:
    url:
      en: https://unitary.example/bins
      cy: https://unitary.example/cy/biniau
intents:
  overrides:
    waste.collection_day:
      en:
        extra_phrases: ["is it black bin week"]
        responses:
          text: ["Bins go out by 7am. Check your day online or call {council.phone}."]
"""


@pytest.fixture
def library(build_library: BuildLibrary) -> Library:
    root: Path = build_library(files={"councils/unitary/council.yaml": OVERRIDE})
    return load_library(root).library


def test_a_unitary_council_answers_everything_itself(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["unitary"], "streets.pothole", "en")
    assert resolved.provider.routing is None
    assert not resolved.routed
    assert resolved.responses.links[0].url == "https://unitary.example"  # no pothole page: home page
    assert resolved.facts["service.url"].layer == "default"


def test_a_district_sends_county_services_to_its_county(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["district"], "streets.pothole", "en")
    assert resolved.routed
    text = resolved.responses.text[0]
    assert "County Council" in text and "District Council" in text and "01632 960003" in text
    assert resolved.responses.links[0].url == "https://county.example/potholes"
    assert resolved.response_layers["text"] == "routing"
    assert resolved.facts["service.url"].layer == "council:county"


def test_a_county_sends_district_services_to_the_residents_district(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["county"], "waste.collection_day", "en")
    assert resolved.provider.routing == "to_district"
    assert "bin collections" in resolved.responses.text[0]
    assert resolved.responses.links[0].url == "https://www.gov.uk/find-local-council"


def test_a_district_answers_its_own_services(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["district"], "waste.collection_day", "en")
    assert not resolved.routed
    assert resolved.responses.text[0] == "Check your bin day online or call 01632 960002."


def test_council_wording_replaces_only_the_fields_it_names(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["unitary"], "waste.collection_day", "en")
    assert resolved.responses.text == ("Bins go out by 7am. Check your day online or call 01632 960001.",)
    assert resolved.response_layers["text"] == "council:unitary"
    assert resolved.response_layers["links"] == "library"
    assert resolved.responses.links[0].url == "https://unitary.example/bins"


def test_extra_phrases_are_added_and_labelled_with_the_council(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["unitary"], "waste.collection_day", "en")
    layers = {phrase.value: phrase.layer for phrase in resolved.phrases}
    assert layers["is it black bin week"] == "council:unitary"
    assert layers["when is my bin day"] == "library"


def test_welsh_replies_use_the_welsh_facts(library: Library) -> None:
    resolved = resolve_intent(library, library.councils["unitary"], "waste.collection_day", "cy")
    assert resolved.responses.text[0].endswith("01632 960011.")
    assert resolved.response_layers["text"] == "library"  # the override was English only


def test_welsh_routing_uses_the_welsh_message(build_library: BuildLibrary) -> None:
    district = OVERRIDE.replace("slug: unitary", "slug: unitary\ncounty: county").replace(
        "tier: unitary", "tier: district"
    )
    library = load_library(build_library(files={"councils/unitary/council.yaml": district})).library
    resolved = resolve_intent(library, library.councils["unitary"], "streets.pothole", "cy")
    assert resolved.routed
    # the topic "tyllau yn y ffordd" takes the soft mutation after "am"
    assert "sy'n gyfrifol am dyllau yn y ffordd" in resolved.responses.text[0]


def test_an_intent_that_responds_when_routed_names_the_providing_council(build_library: BuildLibrary) -> None:
    safeguarding = """\
id: system.safeguarding
title: Safeguarding
description: Give emergency and safeguarding numbers to someone at risk.
tier: county
when_routed: respond
languages:
  en:
    review: native
    phrases: [i am not safe at home]
    responses:
      text:
        - "If you are in danger now, call 999. To report a concern, call {provider.name} on {service.phone}."
"""
    root = build_library(files={"intents/system/safeguarding.yaml": safeguarding})
    library = load_library(root).library
    resolved = resolve_intent(library, library.councils["district"], "system.safeguarding", "en")
    assert not resolved.routed
    assert resolved.responses.text[0].endswith("call County Council on 01632 960003.")
