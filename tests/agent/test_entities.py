"""Parameter extraction with the repository's entities: what a resident types, what the webhook gets."""

from __future__ import annotations

from datetime import date

import pytest

from webhook.agent.entities import Extracted, as_parameters, extract, normalise_postcode
from webhook.library.model import Library, Parameter

TODAY = date(2026, 11, 24)  # a Tuesday


def found(library: Library, text: str, *parameters: Parameter, language: str = "en") -> dict[str, Extracted]:
    return extract(text, parameters, library, language, today=TODAY)


POSTCODE = Parameter("postcode", "postcode")
BIN_TYPE = Parameter("bin_type", "bin_type")
DATE = Parameter("date", "sys.date")


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("aa11aa", "AA1 1AA"), ("AA1 1AA", "AA1 1AA"), ("aa9  9zz", "AA9 9ZZ"), ("cf101aa", "CF10 1AA")],
)
def test_postcodes_are_normalised_to_upper_case_with_one_space(typed: str, expected: str) -> None:
    assert normalise_postcode(typed) == expected


def test_a_postcode_comes_with_the_words_the_resident_typed(library: Library) -> None:
    assert found(library, "bin day for aa11aa please", POSTCODE) == {
        "postcode": Extracted("AA1 1AA", "aa11aa")
    }


def test_a_map_entity_gives_the_value_of_the_synonym(library: Library) -> None:
    assert found(library, "is it blue bin week", BIN_TYPE) == {"bin_type": Extracted("recycling", "blue bin")}
    assert found(library, "loads of Dog-Poo on the path", Parameter("problem", "street_problem")) == {
        "problem": Extracted("dog_fouling", "Dog-Poo")
    }


@pytest.mark.parametrize(
    ("text", "value", "original"),
    [
        ("my recyclin bin wasnt emptied", "recycling", "recyclin bin"),
        ("the blak bin", "general_waste", "blak bin"),
        ("my garden wast bin", "garden_waste", "garden wast bin"),
    ],
)
def test_a_fuzzy_entity_forgives_misspellings(library: Library, text: str, value: str, original: str) -> None:
    assert found(library, text, BIN_TYPE) == {"bin_type": Extracted(value, original)}


def test_a_word_merely_resembling_a_short_synonym_is_not_a_match(library: Library) -> None:
    problems = Parameter("problems", "street_problem", is_list=True)
    assert found(library, "my nan has bags of tags", problems) == {
        "problems": Extracted(["graffiti"], ["tags"])
    }
    assert found(library, "the bin is full of rags", BIN_TYPE) == {}


def test_welsh_synonyms_with_mutations(library: Library) -> None:
    assert found(library, "dyw fy min du heb ei gasglu", BIN_TYPE, language="cy") == {
        "bin_type": Extracted("general_waste", "min du")
    }


def test_several_parameters_from_one_message(library: Library) -> None:
    text = "my recycling wasn't collected on monday at AA2 3BB"
    assert found(library, text, POSTCODE, BIN_TYPE, DATE) == {
        "postcode": Extracted("AA2 3BB", "AA2 3BB"),
        "bin_type": Extracted("recycling", "recycling"),
        "date": Extracted("2026-11-23T12:00:00+00:00", "monday"),
    }


def test_welsh_dates(library: Library) -> None:
    assert found(library, "dw i'n symud dydd Llun nesaf", DATE, language="cy") == {
        "date": Extracted("2026-11-30T12:00:00+00:00", "dydd Llun nesaf")
    }


def test_regexp_entities_keep_their_shape_in_upper_case(library: Library) -> None:
    assert found(library, "ticket ab12345678", Parameter("pcn", "pcn_number")) == {
        "pcn": Extracted("AB12345678", "ab12345678")
    }
    planning = found(library, "any news on 23/01234/ful", Parameter("ref", "planning_reference"), DATE)
    assert planning == {"ref": Extracted("23/01234/FUL", "23/01234/ful")}


def test_system_entities(library: Library) -> None:
    text = "I'm Sam, my name is sam, email Sam.Smith@example.com or call 07700 900123 about 3 bags at 2pm"
    assert found(
        library,
        text,
        Parameter("email", "sys.email"),
        Parameter("phone", "sys.phone-number"),
        Parameter("name", "sys.given-name"),
        Parameter("count", "sys.number"),
        Parameter("time", "sys.time"),
    ) == {
        "email": Extracted("Sam.Smith@example.com", "Sam.Smith@example.com"),
        "phone": Extracted("07700 900123", "07700 900123"),
        "name": Extracted("Sam", "sam"),
        "count": Extracted(3, "3"),
        "time": Extracted("2026-11-24T14:00:00+00:00", "2pm"),
    }


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [("two bags", "en", 2), ("twenty one", "en", 21), ("2.5 metres", "en", 2.5), ("tri bag", "cy", 3)],
)
def test_numbers_in_digits_or_words(library: Library, text: str, language: str, value: float) -> None:
    assert found(library, text, Parameter("n", "sys.number"), language=language)["n"].value == value


def test_a_number_inside_a_postcode_is_not_a_number(library: Library) -> None:
    assert found(library, "AA1 1AA", Parameter("n", "sys.number")) == {}


def test_a_list_parameter_takes_every_match(library: Library) -> None:
    assert found(library, "the blue bin and the food caddy", Parameter("bins", "bin_type", is_list=True)) == {
        "bins": Extracted(["recycling", "food_waste"], ["blue bin", "food caddy"])
    }


def test_sys_any_takes_the_text_no_other_parameter_took(library: Library) -> None:
    location = Parameter("location", "sys.any")
    assert found(library, "pothole outside the school, AA2 3BB", POSTCODE, location) == {
        "postcode": Extracted("AA2 3BB", "AA2 3BB"),
        "location": Extracted("pothole outside the school", "pothole outside the school"),
    }


def test_the_language_entity_understands_both_languages(library: Library) -> None:
    language = Parameter("language", "language")
    assert found(library, "can we speak welsh", language)["language"].value == "cy"
    assert found(library, "Saesneg plis", language, language="cy")["language"].value == "en"


def test_nothing_found_is_left_out_and_dialogflow_parameters_fill_the_gaps(library: Library) -> None:
    extracted = found(library, "when is bin day for AA1 1AA", POSTCODE, BIN_TYPE)
    assert extracted == {"postcode": Extracted("AA1 1AA", "AA1 1AA")}
    assert as_parameters(extracted, (POSTCODE, BIN_TYPE), originals=True) == {
        "postcode": "AA1 1AA",
        "postcode.original": "AA1 1AA",
        "bin_type": "",
        "bin_type.original": "",
    }


def test_an_unknown_entity_finds_nothing(library: Library) -> None:
    assert found(library, "anything at all", Parameter("thing", "no_such_entity")) == {}
