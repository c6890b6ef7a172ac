"""Welsh initial consonant mutations (webhook/welsh/mutations.py): each consonant under each mutation,
the letters that never change, capitals, and names that resist."""

from __future__ import annotations

import pytest

from webhook.welsh.mutations import before_word, mutate, mutate_word, nasal_preposition, radicals

SOFT_CASES = [
    ("pont", "bont"),
    ("tref", "dref"),
    ("cyngor", "gyngor"),
    ("bin", "fin"),
    ("dydd", "ddydd"),
    ("gardd", "ardd"),
    ("Gwener", "Wener"),
    ("mawrth", "fawrth"),
    ("llyfrgell", "lyfrgell"),
    ("rhif", "rif"),
    ("Cyngor", "Gyngor"),
    ("Caerdydd", "Gaerdydd"),
    ("Pontypridd", "Bontypridd"),
    ("Torfaen", "Dorfaen"),
    ("Llanelli", "Lanelli"),
    ("Rhondda", "Rondda"),
    ("Gwynedd", "Wynedd"),
    ("Merthyr", "Ferthyr"),
    ("Dinbych", "Ddinbych"),
    ("Bangor", "Fangor"),
    ("treth", "dreth"),
    ("casgliad", "gasgliad"),
]
ASPIRATE_CASES = [
    ("pont", "phont"),
    ("tref", "thref"),
    ("cyngor", "chyngor"),
    ("Cyngor", "Chyngor"),
    ("Caerdydd", "Chaerdydd"),
    ("Pen-y-bont", "Phen-y-bont"),
    ("Torfaen", "Thorfaen"),
    ("talu", "thalu"),
    ("bin", "bin"),  # the aspirate mutation takes only p, t and c
    ("dydd", "dydd"),
    ("Gwynedd", "Gwynedd"),
    ("mawrth", "mawrth"),
]
NASAL_CASES = [
    ("pont", "mhont"),
    ("tref", "nhref"),
    ("cyngor", "nghyngor"),
    ("bin", "min"),
    ("dydd", "nydd"),
    ("gardd", "ngardd"),
    ("Caerdydd", "Nghaerdydd"),
    ("Penarth", "Mhenarth"),
    ("Tredegar", "Nhredegar"),
    ("Bangor", "Mangor"),
    ("Dinbych", "Ninbych"),
    ("Gwynedd", "Ngwynedd"),
    ("llyfrgell", "llyfrgell"),  # the nasal mutation leaves ll, rh and m alone
    ("Rhondda", "Rhondda"),
    ("Merthyr", "Merthyr"),
]
UNCHANGED = [
    # letters that never mutate, under every mutation
    "chwefror",
    "Chwarel",
    "Phil",
    "theatr",
    "ffordd",
    "Ffynnon",
    "ngolwg",
    "tsieina",
    # vowels and other consonants
    "Abertawe",
    "eich",
    "heol",
    "Sadwrn",
    "nos",
    "ysgol",
    # capitals are an acronym; English words of a council's name resist
    "DVLA",
    "GOV.UK",
    "Council",
    "Borough",
]


@pytest.mark.parametrize(("word", "mutated"), SOFT_CASES)
def test_the_soft_mutation(word: str, mutated: str) -> None:
    assert mutate_word(word, "soft") == mutated


@pytest.mark.parametrize(("word", "mutated"), ASPIRATE_CASES)
def test_the_aspirate_mutation(word: str, mutated: str) -> None:
    assert mutate_word(word, "aspirate") == mutated


@pytest.mark.parametrize(("word", "mutated"), NASAL_CASES)
def test_the_nasal_mutation(word: str, mutated: str) -> None:
    assert mutate_word(word, "nasal") == mutated


@pytest.mark.parametrize("word", UNCHANGED)
@pytest.mark.parametrize("kind", ["soft", "aspirate", "nasal"])
def test_words_that_cannot_take_a_mutation_keep_their_form(word: str, kind: str) -> None:
    assert mutate_word(word, kind) == word


def test_there_are_at_least_sixty_cases() -> None:
    assert len(SOFT_CASES) + len(ASPIRATE_CASES) + len(NASAL_CASES) + len(UNCHANGED) >= 60


def test_only_the_first_word_of_a_name_mutates() -> None:
    assert mutate("Cyngor Sir Ddinbych", "soft") == "Gyngor Sir Ddinbych"
    assert mutate("dydd Llun 7 Rhagfyr", "soft") == "ddydd Llun 7 Rhagfyr"
    assert mutate("Canolfan Ddinesig, 1 Stryd Fawr", "nasal") == "Nghanolfan Ddinesig, 1 Stryd Fawr"


def test_numbers_postcodes_and_empty_values_are_left_alone() -> None:
    assert mutate("1 Stryd Fawr", "soft") == "1 Stryd Fawr"
    assert mutate("CF10 4UW", "nasal") == "CF10 4UW"
    assert mutate("", "soft") == ""


def test_a_council_gives_the_forms_of_a_name_that_does_not_follow_the_rules() -> None:
    forms = {"Bro Morgannwg": {"soft": "Fro Morgannwg", "nasal": "Mro Morgannwg"}}
    assert mutate("Bro Morgannwg", "nasal", forms) == "Mro Morgannwg"
    assert mutate("Bro Morgannwg", "aspirate", forms) == "Bro Morgannwg"  # not given: the rules


def test_an_unknown_mutation_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown mutation 'hard'"):
        mutate_word("cyngor", "hard")


@pytest.mark.parametrize(
    ("mutated", "preposition"),
    [("Nghaerdydd", "yng"), ("Mhenarth", "ym"), ("Mangor", "ym"), ("Abertawe", "yn"), ("Stryd", "yn")],
)
def test_yn_before_a_nasal_mutation(mutated: str, preposition: str) -> None:
    assert nasal_preposition("yn", mutated) == preposition


def test_a_mutated_word_leads_back_to_its_radical() -> None:
    assert "cyngor" in radicals("nghyngor")
    assert {"matresi", "batresi"} <= set(radicals("fatresi"))
    assert "gardd" in radicals("ardd")


@pytest.mark.parametrize(
    ("word", "following", "form"),
    [("a", "ailgylchu", "ac"), ("â", "Ynys Môn", "ag"), ("A", "eraill", "Ac"), ("a", "thuniau", "a")],
)
def test_a_and_a_take_a_consonant_before_a_vowel(word: str, following: str, form: str) -> None:
    assert before_word(word, following) == form
