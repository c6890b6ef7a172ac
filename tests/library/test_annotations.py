"""The inline annotation syntax of training phrases."""

from __future__ import annotations

import pytest

from webhook.library.annotations import AnnotationError, PhrasePart, normalise, parse_phrase, plain_text


def test_an_annotated_value_becomes_a_parameter_part() -> None:
    assert parse_phrase("bin day for [AA1 1AA](postcode) please") == (
        PhrasePart("bin day for "),
        PhrasePart("AA1 1AA", "postcode"),
        PhrasePart(" please"),
    )


def test_plain_text_is_what_the_resident_typed() -> None:
    assert plain_text("[AA1 1AA](postcode) bin day") == "AA1 1AA bin day"


@pytest.mark.parametrize(
    "phrase",
    ["bin day for [AA1 1AA]", "bin day [AA1 1AA](Postcode)", "a ] stray", "[nested [x](y)](z)"],
)
def test_malformed_annotations_are_errors(phrase: str) -> None:
    with pytest.raises(AnnotationError):
        parse_phrase(phrase)


def test_normalising_ignores_case_punctuation_apostrophes_and_spacing() -> None:
    assert normalise("Bin men DIDN'T   come!") == normalise("bin men didnt come") == "bin men didnt come"
    assert normalise("didn\u2019t") == "didnt"
