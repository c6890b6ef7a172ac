"""The Welsh lint (webhook/library/welsh_lint.py): what it reports, what it leaves alone."""

from __future__ import annotations

import pytest

from tests.conftest import REPOSITORY
from webhook.library.loader import load_library
from webhook.library.placeholders import fill
from webhook.library.resolve import resolve_intent
from webhook.library.welsh_lint import lint_welsh


@pytest.mark.parametrize(
    ("text", "written", "suggestion"),
    [
        ("croeso i Cyngor Caerdydd", "Cyngor", "i Gyngor"),
        # "dydd" is no mutated form ("tydd" is no word): the "o dydd Llun" is reported
        ("ar agor o dydd Llun", "dydd", "o ddydd"),
        ("ewch i gwefan y cyngor", "gwefan", "i wefan"),
        ("ffoniwch tan dydd Gwener", "dydd", "tan ddydd"),
        ("wedi cael ei casglu", "casglu", "ei gasglu (soft) or ei chasglu (aspirate)"),
        ("ar gyfer gwasanaeth y cyngor", None, None),  # "gyfer" may be "cyfer" mutated: left alone
        ("ffoniwch am treth gyngor", "treth", "am dreth"),
        ("cysylltwch â Cyngor Caerdydd", "Cyngor", "â Chyngor"),
        ("biniau a papur", "papur", "a phapur"),
        ("fy cyfrif", "cyfrif", "fy nghyfrif"),
        ("gan Rheolwr y gwasanaeth", "Rheolwr", "gan Reolwr"),
        ("heb llawer o amser", "llawer", "heb lawer"),
    ],
)
def test_an_unmutated_word_after_a_trigger_is_reported_with_its_form(
    text: str, written: str | None, suggestion: str | None
) -> None:
    found = lint_welsh(text)
    if written is None:
        assert found == []
        return
    (finding,) = found
    assert finding.written == written and finding.offset == text.index(written)
    assert finding.message.endswith(suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "croeso i Gyngor Caerdydd",
        "Gofynnwch i mi am finiau",  # "mi" never mutates
        "Dewch i mewn",  # a fixed expression
        "gan mai dydd Llun yw hi",
        "ffoniwch ar 029 2087 2087",  # numbers
        "gwybodaeth i DVLA",  # an acronym
        "a chi",  # ch never mutates
        "ar agor o ddydd Llun",
        "wedi ei gasglu, neu ei chasglu",  # "ei" is "his" (soft) or "her" (aspirate)
        "ei mam a'i bin",  # m and b do not take the aspirate mutation after "her"
        "Mae'r casgliad ar {date|soft} yn {place|nasal}",
        "ffoniwch ar {service.phone} neu ewch i {council.website}",  # not words
        "croeso i {council.name|soft}",
    ],
)
def test_right_welsh_is_left_alone(text: str) -> None:
    assert lint_welsh(text) == []


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("croeso i {council.name}", "{council.name|soft}"),
        ("cysylltwch â {name}", "{name|aspirate}"),
        ("rhowch ei {name}", "{name|soft} or {name|aspirate}"),  # "his" or "her"
        ("eich casgliad nesaf yn {address}", "{address|nasal}"),
        ("croeso i {council.name|nasal}", "{council.name|soft}"),
    ],
)
def test_a_placeholder_after_a_trigger_must_name_its_mutation(text: str, fix: str) -> None:
    (finding,) = lint_welsh(text)
    assert fix in finding.message


def test_after_a_either_mutation_is_right() -> None:
    # "a" is "and" (aspirate) or the relative particle (soft)
    assert lint_welsh("{name} a {other|aspirate}") == []
    assert lint_welsh("{name} a {other|soft}") == []


def test_placeholders_fill_with_their_mutation_and_yn_changes_before_a_nasal() -> None:
    values = {"council.name": "Cyngor Caerdydd", "place": "Penarth", "day": "dydd Llun"}.get
    assert fill("croeso i {council.name|soft}", values) == "croeso i Gyngor Caerdydd"
    assert fill("cysylltwch â {council.name|aspirate}", values) == "cysylltwch â Chyngor Caerdydd"
    assert fill("rhywun yn {council.name|nasal}", values) == "rhywun yng Nghyngor Caerdydd"
    assert fill("Yn {place|nasal}", values) == "Ym Mhenarth"
    assert fill("ar agor o {day|soft}", values) == "ar agor o ddydd Llun"
    assert fill("croeso i {council.name}", values) == "croeso i Cyngor Caerdydd"  # no mark, no change


def test_the_library_welcomes_and_thanks_in_welsh_with_the_councils_mutated_name() -> None:
    library = load_library(REPOSITORY).library
    cardiff = library.councils["cardiff"]
    welcome = resolve_intent(library, cardiff, "system.welcome", "cy").responses.text
    goodbye = resolve_intent(library, cardiff, "system.thanks_goodbye", "cy").responses.text
    assert any("croeso i Gyngor Caerdydd" in text for text in welcome)
    assert any("gan Gyngor Caerdydd" in text for text in goodbye)
    assert not any("i Cyngor" in text or "gan Cyngor" in text for text in (*welcome, *goodbye))
