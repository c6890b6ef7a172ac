"""Editing YAML as text: a replaced value reads back exactly, in the style it was written where that style
can hold it, and the rest of the file is left byte for byte."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from webhook.library.yaml_loader import JsonPath, parse_document
from webhook.translations.yaml_edit import EditError, edited_text, replace_value, set_mapping

SOURCE = """\
# a comment that must stay
plain: hen destun  # and this one
quoted: "hen"
single: 'hen'
flow: [hen, "b"]
block: |
  hen
after: 1
"""
PLACES: list[JsonPath] = [("plain",), ("quoted",), ("single",), ("flow", 0), ("block",)]
VALUES = [
    "yes",
    "a: b",
    "#hash",
    "ŵyn ŷd",
    'dyfyniad "x"',
    "it's",
    "[x]",
    "123",
    "a, b",
    "dwy\nlinell",
    " bylchau ",
]


def _set(data: Any, path: JsonPath, value: str) -> Any:
    changed = copy.deepcopy(data)
    target = changed
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return changed


@pytest.mark.parametrize("path", PLACES, ids=lambda p: "/".join(map(str, p)))
@pytest.mark.parametrize("value", VALUES)
def test_a_replaced_value_reads_back_exactly_and_nothing_else_changes(path: JsonPath, value: str) -> None:
    document, _ = parse_document(Path("x.yaml"), SOURCE)
    edit = replace_value(document, path, value)
    text = edited_text(document, [edit], _set(document.data, path, value))  # raises unless it reads back
    assert text[: edit.start] == SOURCE[: edit.start] and text.endswith(SOURCE[edit.end :])
    assert "# a comment that must stay\n" in text and "  # and this one\n" in text


def test_the_written_style_is_kept_where_it_can_hold_the_text() -> None:
    document, _ = parse_document(Path("x.yaml"), SOURCE)
    edits = [replace_value(document, (key,), "ŵyn bach") for key in ("plain", "quoted", "single")]
    expected = {**document.data, "plain": "ŵyn bach", "quoted": "ŵyn bach", "single": "ŵyn bach"}
    text = edited_text(document, edits, expected)
    assert "plain: ŵyn bach  # and this one\n" in text
    assert 'quoted: "ŵyn bach"\n' in text and "single: 'ŵyn bach'\n" in text
    # a comma ends a plain value inside [a flow list], not in a block mapping
    edit = replace_value(document, ("flow", 0), "a, b")
    assert edit.text == '"a, b"'
    assert replace_value(document, ("plain",), "a, b").text == "a, b"


def test_a_small_mapping_is_added_after_a_key_replaced_and_removed_as_whole_lines() -> None:
    source = "block:\n  review: needs-welsh-speaker\n  text: hen\n"
    document, _ = parse_document(Path("x.yaml"), source)
    added = edited_text(
        document,
        [
            set_mapping(
                document, ("block",), "done", {"a.0": "abcdefgh", "no": "x"}, after="review", comment="why"
            )
        ],
        {"block": {**document.data["block"], "done": {"a.0": "abcdefgh", "no": "x"}}},
    )
    assert added == (
        "block:\n  review: needs-welsh-speaker\n"
        '  done:  # why\n    a.0: "abcdefgh"\n    "no": "x"\n'
        "  text: hen\n"
    )
    document, _ = parse_document(Path("x.yaml"), added)
    replaced = edited_text(
        document,
        [set_mapping(document, ("block",), "done", {"b.1": "y"}, after="review")],
        {"block": {**document.data["block"], "done": {"b.1": "y"}}},
    )
    assert replaced == 'block:\n  review: needs-welsh-speaker\n  done:\n    b.1: "y"\n  text: hen\n'
    document, _ = parse_document(Path("x.yaml"), replaced)
    edit = set_mapping(document, ("block",), "done", {}, after="review")
    assert (
        edited_text(document, [edit], {"block": {"review": "needs-welsh-speaker", "text": "hen"}}) == source
    )


def test_an_edit_that_would_not_read_back_as_intended_is_refused() -> None:
    document, _ = parse_document(Path("x.yaml"), SOURCE)
    edit = replace_value(document, ("plain",), "newydd")
    with pytest.raises(EditError, match="would not read back as intended"):
        edited_text(document, [edit], document.data)
