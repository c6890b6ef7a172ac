"""Typed answers to the options the bot offered, as residents type them (webhook/fulfilment/choosing.py)."""

from __future__ import annotations

import pytest

from webhook.fulfilment.choosing import matching_options, options_named_outright
from webhook.welsh.mutations import radicals

STREETS = ["High Street, AA1 2AB", "Mill Lane, AA1 2AB"]
HOUSES = ["1 High Street", "11 High Street", "2 Mill Lane", "Flat 2, 4 Station Road"]
SIZES = ["Smaller than a dinner plate", "Larger than a dinner plate", "Across most of the road"]
DUMPED = ["Household rubbish", "Furniture or mattresses", "Building rubble", "Garden waste"]
DUMPED_CY = ["Sbwriel cartref", "Dodrefn neu fatresi", "Rhywbeth arall"]


@pytest.mark.parametrize(
    ("typed", "options", "expected"),
    [
        ("its high st", STREETS, [0]),
        ("hight street", STREETS, [0]),  # a typo
        ("hihg st", STREETS, [0]),  # two letters swapped
        ("mill ln please", STREETS, [1]),
        ("12 high street", STREETS, [0]),  # a house number the options do not hold
        ("number 2", STREETS, [1]),  # the second in the list
        ("the last one", STREETS, [1]),
        ("yr ail un", STREETS, [1]),
        ("yr un cynta", STREETS, [0]),  # as spoken, without the final f
        ("option 3", DUMPED, [2]),
        ("opsiwn 2", DUMPED_CY, [1]),
        ("yr ola plis", STREETS, [1]),
        ("lon y felin", ["Stryd Fawr, AA1 2AB", "Lôn y Felin, AA1 2AB"], [1]),  # no circumflex
        ("number 11", HOUSES, [1]),  # a house number, not the eleventh
        ("it's 11 High Street", HOUSES, [1]),
        ("1 high street", HOUSES, [0]),  # not 11
        ("its bigger than a dinner plate", SIZES, [1]),
        ("across the road", SIZES, [2]),
        ("hen soffa a matres", DUMPED_CY, [1]),  # "matres" is "fatresi" unmutated, singular
        ("bricks, its from builders", DUMPED, [2]),  # "builders" is "building" with another ending
        ("2 old mattress", DUMPED, [1]),
        ("gardening stuff", DUMPED, [3]),
    ],
)
def test_typed_words_pick_the_option_a_resident_means(
    typed: str, options: list[str], expected: list[int]
) -> None:
    assert matching_options(typed, options) == expected


@pytest.mark.parametrize(
    ("typed", "options"),
    [
        ("the corner of hill road and church lane", SIZES),  # a place, not "across most of the road"
        ("oak road", STREETS),
        ("an old fridge", ["Household rubbish", "Furniture or mattresses", "Something else"]),
        ("", STREETS),
    ],
)
def test_words_that_name_no_option_pick_none(typed: str, options: list[str]) -> None:
    assert matching_options(typed, options) == []


def test_words_that_fit_two_options_are_ambiguous() -> None:
    assert matching_options("high street", HOUSES) == [0, 1]


def test_a_welsh_word_is_matched_whatever_its_mutation() -> None:
    assert "cyngor" in radicals("nghyngor")
    assert {"matresi", "batresi"} <= set(radicals("fatresi"))
    assert "gardd" in radicals("ardd")


def test_words_given_for_an_option_name_it_as_its_label_does() -> None:
    words = [["bin bags"], ["sofa", "settee", "bed", "chair"], ["bricks"], ["hedge cuttings"]]
    assert matching_options("an old sofa and a bed", DUMPED, words) == [1]
    assert matching_options("two sofas", DUMPED, words) == [1]  # another ending
    assert matching_options("its by the church", DUMPED, words) == []  # "church" is no misspelt "chair"
    assert matching_options("just bricks", DUMPED, words) == [2]
    assert matching_options("a fridge", DUMPED, words) == []  # a thing no option's words hold
    assert matching_options("number 2", DUMPED, words) == [1]  # positions are unchanged


#: What the demo council lists residents as typing for each kind of dumped waste (a shortened copy).
DUMPED_WORDS = [["bin bags", "black bags"], ["sofa", "chair", "mattress"], ["bricks", "rubble"]]


@pytest.mark.parametrize(
    ("first_message", "named"),
    [
        ("someone has dumped an old mattress by the shops", [1]),
        ("load of rubble and bricks left in the lay-by", [2]),
        ("an old matress dumped", []),  # misspelt: a first message is never taken on a near miss
        ("stuff dumped by the church gates", []),  # "church" is no misspelt "chair"
        ("black bags and a sofa dumped", [0, 1]),  # two kinds: the caller asks
    ],
)
def test_a_first_message_names_an_option_only_by_a_listed_word_whole(
    first_message: str, named: list[int]
) -> None:
    assert options_named_outright(first_message, DUMPED_WORDS) == named
