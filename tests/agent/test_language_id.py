"""Noticing the language a resident typed in: clear English and Welsh, and what carries no language.

These messages are the guesser's development list: its thresholds and word lists were tuned on them;
bench/bench_language_id.py measures it on the held-out sets in tests/nlu/. They are written as residents
type (lower case, no accents, typos) and are not copied from the training phrases or tests/nlu/.
The Welsh is machine-drafted: review: needs-welsh-speaker.
"""

from __future__ import annotations

import time

import pytest

from webhook.agent.language_id import (
    ENGLISH,
    WELSH,
    LanguageGuess,
    LanguageGuesser,
    build_guesser,
    language_of,
)
from webhook.library.model import Library

CLEAR_ENGLISH = [
    "hiya can u tell me when my recycling goes",
    "need to pay my council tax bill",
    "theres a massive pothole outside number 4",
    "street light flickering all night on our road",
    "how do i register to vote",
    "my neighbours dog barks all day",
    "can i get a new recycling box",
    "im being evicted next week what do i do",
    "who is my local councillor",
    "what time does the library shut on saturday",
    "complaint about the bin men",
    "rats in the back garden",
    "i want to talk to a real person",
    "is there a discount if i live alone",
    "school admissions for my daughter",
    "fly tipping behind the shops",
    "thanks for your help",
    "hello is anyone there",
    "my boiler is broken and the landlord is the council",
    "planning application for an extension next door",
    "how much is council tax band d",
    "got a parking ticket i think its unfair",
    "applying for housing benefit",
    "whens the tip open",
    "I've moved house, do I need to tell you?",
    "cant find my polling card",
    "wen is my bin day",
    "recylcing not colected again!!",
    "pay my counsil tax",
    "noisey neighbours every weekend",
    "grass verge not been cut for months",
    "abandoned car on the estate",
    "blue badge renewal",
    "my mum needs a carer",
    "skip permit",
]

# English with a Welsh place or person name in it: still English.
ENGLISH_WITH_WELSH_NAMES = [
    "bin day in llanrumney",
    "parking at heol y parc",
    "potholes on ffordd yr eglwys",
    "polling station in pen-y-bont",
    "my address is 3 maes y coed",
    "is the library in cwmbran open today",
    "is the tip at bryn glas open",
    "street light out on heol hir",
    "who is the councillor for llandaff north",
    "my name is sioned pryce and i want to complain",
    "missed bin at 12 ty gwyn road",
    "fly tipping near nant y coed",
    "bins for bod hyfryd",
    "missed collection llys y coed",
    "my son goes to ysgol gymraeg bro morgannwg",
    "is ysgol y wern shut today",
    "whats on at canolfan y celfyddydau",
]

# Names and addresses alone, or English with words Welsh also writes: never Welsh (None is fine). An
# English speaker types an address alone when the bot asks for one.
NEVER_WELSH = [
    "ty newydd yn y bryn",
    "ysgol gyfun gymraeg plasmawr",
    "neuadd y sir",
    "canolfan hamdden llanishen",
    "dai jones ty coch",
    "gwel y mor bins",
    "pothole lon y wern",
    "missed bin heol yr ysgol",
    "tai chi classes canolfan hamdden",
    "ac unit broken in ty gwyn",
    "os map of cwm ni",
    "eu settlement scheme housing",
    "ni number for pen y bryn",
    "contact ysgol gynradd gymraeg",
]

CLEAR_WELSH = [
    "dwi isio talu treth y cyngor",
    "sut dwin talu fy nhreth cyngor ar lein",
    "mae twll mawr yn y ffordd tu allan ir ty",
    "ble mae fy ngorsaf bleidleisio",
    "oes modd cael bin gwyrdd newydd",
    "mae'r golau stryd wedi torri ers wythnos",
    "faint yw'r dreth cyngor eleni",
    "dw i angen siarad efo rhywun am fy rhent",
    "ga i wneud cais am dy cyngor",
    "pa fin ydw in rhoi poteli gwydr ynddo",
    "mae cymydog swnllyd yn chwarae cerddoriaeth drwyr nos",
    "wnaethon nhw ddim casglur ailgylchu bore ma",
    "sut mae cofrestru i bleidleisio",
    "dwin ddigartref a does gen i nunlle i gysgu heno",
    "mae llygod mawr yn yr ardd gefn",
    "pryd mae'r llyfrgell ar agor dydd sadwrn",
    "diolch yn fawr am eich help",
    "sut mae, dwi angen help",
    "mae angen trwsior boeler yn fy fflat",
    "isie gwybod pwy yw fy nghynghorydd",
    "ydw in gallu cael gostyngiad person sengl",
    "wi moyn gwneud cwyn am y cyngor",
    "sut ma cael lle mewn ysgol gynradd ir plant",
    "ma sbwriel wedi cael ei adael ar ochr y lon",
    "beth yw rhif ffon y cyngor",
    "dwi di symud ty, be dwi angen neud",
    "fydd y lori sbwriel yn dod dydd gwener",
    "alla i siarad a rhywun yn gymraeg",
    "mae fy mab angen cludiant ir ysgol",
    "dwi ddim yn deall y bil",
    "ydych chin casglu eitemau mawr fel soffa",
    "oes rhaid talu am barcio yn y dre",
    "shwmae, dwi angen help gyda budd-dal tai",
    "tocyn parcio annheg, sut dwin apelio",
    "Mae'r palmant yn beryglus iawn tu allan i'r siop",
    "pryd mae'r casgliad gwastraff gardd yn dechra",
    "golau stryd wedi torri",
    "lle mewn ysgol",
    "bathodyn glas i fy mam",
    "atgyweirio yn fy nhy",
    "help gyda biliau",
    "prynhawn da, oes rhywun ar gael",
    "wi'n moyn gwbod pryd ma'r bins",
    "shw mae, fi moyn talu treth y cyngor",
    "ble ma'r tip agosa",
    "odi'r llyfrgell ar agor heddi",
    "so'r bins wedi cael eu casglu",
    "pam fod y lori heb ddod",
    "sa i'n gwbod beth yw fy mand treth",
    "allech chi helpu fi",
    "dw i isho siarad hefo rhywun",
    "faint ydi'r dreth",
    "be sy mlaen yn y llyfrgell",
    "ydi'n iawn i roi bocsys pizza yn y bin glas",
]

# Welsh with English words in it, as Welsh speakers write.
WELSH_WITH_ENGLISH_WORDS = [
    "dwi angen talu council tax",
    "mae'r bins heb eu collectio",
    "sut dwi'n apelio parking ticket",
    "pryd mae'r recycling yn cael ei gasglu",
    "oes na pest control yn yr ardal",
    "ma'r streetlight off ers dydd llun",
    "dwi di cael parking ticket, be alla i neud",
    "isio gwbod am y blue badge",
    "ga i book-io apwyntiad",
    "mae'r bin men wedi methu ni eto",
    "dwi'n byw yn Llanrumney a mae'r bins heb eu casglu",
]

# Welsh phrases with no verb, made of words names are not made of.
WELSH_PHRASES = [
    "treth cyngor",
    "casgliad gwastraff gardd",
    "tocyn parcio",
    "trwydded barcio i breswylwyr",
    "cais cynllunio",
    "biniau ailgylchu newydd",
    "gorsaf bleidleisio",
    "cofrestru i bleidleisio",
    "oriau agor y llyfrgell",
    "rhif ffon y cyngor",
    "talu rhent",
]

NO_LANGUAGE = [
    "",
    "   ",
    "?",
    "ok",
    "yes",
    "no",
    "bin",
    "diolch",
    "AA1 1AA",
    "cf10 1ab",
    "DEMO-1001",
    "sam@example.com",
    "07700 900123",
    "12/05/2026",
    "https://example.com/bins",
    "Gareth Jones",
    "Sioned",
    "llanrumney",
    "3 heol y parc",
    "heol y parc",
    "pen-y-bont ar ogwr",
    "👍",
    # Greetings and thanks: English speakers in Wales say them in Welsh, Welsh speakers in English.
    "bore da",
    "diolch yn fawr",
    "iawn diolch",
    "hwyl fawr",
    "ok diolch",
    "thank you very much",
    "ok thanks",
    "good morning",
    "yes please",
]


@pytest.fixture(scope="module")
def guesser(library: Library) -> LanguageGuesser:
    """The guesser of the repository's own library."""
    return build_guesser(library)


def language(guess: LanguageGuess | None) -> str | None:
    return guess.language if guess else None


@pytest.mark.parametrize("text", CLEAR_ENGLISH)
def test_clear_english_is_guessed_english(guesser: LanguageGuesser, text: str) -> None:
    assert language(guesser.guess(text)) == ENGLISH


@pytest.mark.parametrize("text", ENGLISH_WITH_WELSH_NAMES)
def test_english_with_a_welsh_place_or_name_stays_english(guesser: LanguageGuesser, text: str) -> None:
    assert language(guesser.guess(text)) == ENGLISH


@pytest.mark.parametrize("text", NEVER_WELSH)
def test_names_and_addresses_are_never_guessed_welsh(guesser: LanguageGuesser, text: str) -> None:
    assert language(guesser.guess(text)) != WELSH


@pytest.mark.parametrize("text", CLEAR_WELSH + WELSH_WITH_ENGLISH_WORDS + WELSH_PHRASES)
def test_clear_welsh_is_guessed_welsh(guesser: LanguageGuesser, text: str) -> None:
    assert language(guesser.guess(text)) == WELSH


# Welsh with English nouns and no English grammar: the nouns are loanwords, and a Welsh chat must not
# turn English under the resident.
WELSH_WITH_ENGLISH_NOUNS = [
    "graffiti ar y bus shelter",
    "llwyth o dog poo ar y cae chwarae",
    "spray paint ar y wal",
]


@pytest.mark.parametrize("text", WELSH_WITH_ENGLISH_NOUNS)
def test_english_nouns_in_welsh_are_not_taken_for_english(guesser: LanguageGuesser, text: str) -> None:
    guess = guesser.guess(text)
    assert guess is None or guess.language == "cy"


@pytest.mark.parametrize("text", NO_LANGUAGE)
def test_text_without_a_language_gets_no_guess(guesser: LanguageGuesser, text: str) -> None:
    assert guesser.guess(text) is None


def test_a_guess_carries_a_confidence_that_grows_with_the_evidence(guesser: LanguageGuesser) -> None:
    short = guesser.guess("dwi angen bin")
    long = guesser.guess("dwi angen bin newydd achos mae'r hen un wedi torri yn y gwynt neithiwr")
    assert short is not None and long is not None
    assert 0.5 < short.confidence < long.confidence <= 1.0


def test_accents_and_apostrophes_do_not_change_the_guess(guesser: LanguageGuesser) -> None:
    written = guesser.guess("Pryd mae'r lori'n dod i'r tŷ?")
    assert written == guesser.guess("pryd maer lorin dod ir ty")
    assert language(written) == WELSH


def test_language_of_builds_once_per_library(library: Library) -> None:
    assert language_of(library) is language_of(library)


def test_a_library_without_text_gives_no_guess(library: Library) -> None:
    empty = Library(library.root, intents={}, entities={}, councils={}, routing={})
    assert build_guesser(empty).guess("pryd mae diwrnod bin") is None
    assert build_guesser(empty).guess("when is my bin day") is None


def test_building_and_guessing_are_quick(library: Library) -> None:
    """Goals: build under 0.5 s and guess under 1 ms; asserted with room for a busy test machine."""
    started = time.perf_counter()
    guesser = build_guesser(library)
    built = time.perf_counter() - started
    texts = CLEAR_ENGLISH + CLEAR_WELSH
    started = time.perf_counter()
    for text in texts:
        guesser.guess(text)
    per_message = (time.perf_counter() - started) / len(texts)
    assert built < 1.0 and per_message < 0.002
