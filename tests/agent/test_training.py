"""Training data: a council's resolved phrases, plain text, with annotated phrases expanded."""

from __future__ import annotations

import re

from tests.conftest import BuildLibrary
from webhook.agent.training import FALLBACK_INTENT, TrainingPhrase, training_set
from webhook.library.loader import load_library
from webhook.library.model import Library

POSTCODE = re.compile(r"^bin day for [A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$")
OVERLAY = """\
slug: unitary
name: {en: Unitary Council, cy: Cyngor Unedol}
gss_code: W06000998
tier: unitary
nation: wales
languages: [en, cy]
contact:
  phone: "01632 960001"
  website: {en: "https://unitary.example", cy: "https://unitary.example/cy"}
services:
  waste.collection_day:
    url: https://unitary.example/bins
intents:
  disabled: [streets.pothole]
  overrides:
    waste.collection_day:
      en:
        extra_phrases: [when does the dustcart come down our lane]
"""


def phrase(library: Library, written: str, language: str = "en") -> TrainingPhrase:
    phrases = training_set(library, library.councils["demo"], language).phrases
    return next(p for p in phrases if p.text == written)


def test_an_annotated_postcode_phrase_also_trains_with_other_postcodes(library: Library) -> None:
    bin_day = phrase(library, "bin day for AA1 1AA")
    assert bin_day.intent_id == "waste.collection_day"
    assert len(bin_day.texts) > 1 and "bin day for AA1 1AA" not in bin_day.texts[1:]
    assert all(POSTCODE.match(text) for text in bin_day.texts)


def test_an_annotated_map_value_also_trains_with_the_entitys_other_synonyms(library: Library) -> None:
    synonyms = {s for entry in library.entities["bin_type"].languages["en"] for s in entry.synonyms}
    emptied = phrase(library, "when is my black bin next emptied")
    variants = {text.removeprefix("when is my ").removesuffix(" next emptied") for text in emptied.texts[1:]}
    assert variants and variants <= synonyms - {"black bin"}


def test_welsh_phrases_expand_with_welsh_synonyms(library: Library) -> None:
    welsh = {s for entry in library.entities["bin_type"].languages["cy"] for s in entry.synonyms}
    caddy = phrase(library, "pryd mae'r cadi bwyd yn cael ei wagio", "cy")
    variants = {t.removeprefix("pryd mae'r ").removesuffix(" yn cael ei wagio") for t in caddy.texts[1:]}
    assert variants and variants <= welsh


def test_expansion_is_the_same_every_time(library: Library) -> None:
    council = library.councils["demo"]
    assert training_set(library, council, "en") == training_set(library, council, "en")


def test_fallback_phrases_are_a_class_of_their_own(library: Library) -> None:
    passport = phrase(library, "how do i renew my passport")
    assert passport.intent_id == FALLBACK_INTENT


def test_a_councils_extra_phrases_train_and_its_disabled_intents_do_not(build_library: BuildLibrary) -> None:
    library = load_library(build_library(files={"councils/unitary/council.yaml": OVERLAY})).library
    training = training_set(library, library.councils["unitary"], "en")
    texts = {p.text: p.intent_id for p in training.phrases}
    assert texts["when does the dustcart come down our lane"] == "waste.collection_day"
    assert "streets.pothole" not in training.intent_ids
    assert "report a pothole" not in texts


def test_the_content_hash_follows_the_phrases_not_the_council(build_library: BuildLibrary) -> None:
    library = load_library(build_library()).library
    unitary = training_set(library, library.councils["unitary"], "en")
    district = training_set(library, library.councils["district"], "en")
    welsh = training_set(library, library.councils["unitary"], "cy")
    assert unitary.digest() == district.digest() != welsh.digest()
