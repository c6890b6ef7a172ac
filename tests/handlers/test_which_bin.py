"""waste.which_bin, through /webhook/<slug>, from the demo council's A to Z of waste."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPOSITORY
from tests.handlers.conftest import FAILURE_APOLOGY, Ask, app_on, copy_library, make_ask
from webhook.backends.waste_guide import validate_guide_file
from webhook.library.loader import load_library

A_TO_Z = "https://demo-council.example/waste/which-bin"


@pytest.mark.parametrize(
    ("language", "item", "expected"),
    [
        (
            "en",
            "pizza_boxes",
            [
                "Pizza boxes: put them in your blue recycling bin.",
                "Tear off any greasy parts and put them in your food caddy.",
            ],
        ),
        (
            "en",
            "paint",
            [
                "Paint: take them to a recycling centre (the tip).",
                "Tins of paint that have dried out can go in your black bin.",
            ],
        ),
        ("en", "polystyrene", ["Polystyrene: put them in your black bin (general waste)."]),
        (
            "cy",
            "pizza_boxes",
            [
                "Bocsys pizza: rhowch nhw yn eich bin ailgylchu glas.",
                "Rhwygwch unrhyw ddarnau seimllyd i ffwrdd a'u rhoi yn eich cadi bwyd.",
            ],
        ),
        ("cy", "medicines", ["Meddyginiaethau: ewch â nhw yn ôl i fferyllfa."]),
    ],
)
def test_the_item_is_given_its_bin(ask: Ask, language: str, item: str, expected: list[str]) -> None:
    answer = ask("waste.which_bin", language=language, parameters={"waste_item": item})
    assert answer.texts == expected
    assert answer.links[0].startswith("https://demo-council.example/")


def test_every_item_the_library_knows_has_an_answer() -> None:
    library = load_library(REPOSITORY).library
    values = {entry.value for entry in library.entities["waste_item"].languages["en"]}
    guide = (REPOSITORY / "councils" / "demo" / "which_bin.yaml").read_text("utf-8")
    assert validate_guide_file(REPOSITORY / "councils" / "demo" / "which_bin.yaml") == []
    assert [value for value in sorted(values) if f"\n  {value}:\n" not in guide] == []


def test_an_item_the_guide_lacks_gets_the_a_to_z_page(tmp_path: Path) -> None:
    library = copy_library(tmp_path)
    guide = library / "councils" / "demo" / "which_bin.yaml"
    guide.write_text(guide.read_text("utf-8").replace("\n  vapes:\n", "\n  not_vapes:\n"), "utf-8")
    answer = make_ask(app_on(library))("waste.which_bin", parameters={"waste_item": "vapes"})
    assert answer.texts[0].startswith(("Search for the item in our A to Z", "Not sure which bin to use?"))
    assert answer.links == [A_TO_Z]


def test_a_broken_guide_gives_the_a_to_z_page_and_names_the_line(tmp_path: Path) -> None:
    library = copy_library(tmp_path)
    guide = library / "councils" / "demo" / "which_bin.yaml"
    text = guide.read_text("utf-8").replace("goes: glass\n", "goes: bottle_bank\n", 1)
    guide.write_text(text, "utf-8")
    line = text[: text.index("goes: bottle_bank")].count("\n") + 1
    [problem] = validate_guide_file(guide)
    assert (problem.location.path, problem.location.line) == (guide, line)
    assert "'bottle_bank' is not a destination" in problem.message
    answer = make_ask(app_on(library))("waste.which_bin", parameters={"waste_item": "glass_bottles"})
    assert answer.text.startswith(FAILURE_APOLOGY["en"])
    assert A_TO_Z in answer.links


def test_a_council_without_a_guide_answers_from_the_library(ask: Ask) -> None:
    answer = ask("waste.which_bin", slug="cardiff", parameters={"waste_item": "batteries"})
    assert "batteries" not in answer.text.lower()
