"""The YAML loader: safe, strict about duplicates, and exact about where each value stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from webhook.library.yaml_loader import parse_document

PATH = Path("example.yaml")


def test_positions_of_values_and_keys_count_from_one() -> None:
    document, problems = parse_document(PATH, "id: a.b\nlanguages:\n  en:\n    phrases:\n      - hello\n")
    assert problems == []
    assert document is not None
    assert document.locate(("languages", "en", "phrases", 0)).line == 5
    assert document.locate(("languages", "en", "phrases", 0)).column == 9
    assert document.locate(("languages",), key=True).line == 2


def test_a_missing_path_is_located_at_its_nearest_parent() -> None:
    document, _ = parse_document(PATH, "top:\n  inner: 1\n")
    assert document is not None
    assert document.locate(("top", "absent", 3)).line == 2


def test_duplicate_keys_are_reported_at_the_second_one() -> None:
    _, problems = parse_document(PATH, "a: 1\nb: 2\na: 3\n")
    assert [(p.rule, p.location.line, p.location.column) for p in problems] == [("duplicate-key", 3, 1)]
    assert "first on line 1" in problems[0].message


def test_python_tags_are_refused_not_constructed() -> None:
    document, problems = parse_document(PATH, "x: !!python/object/apply:os.system ['echo hi']\n")
    assert document is None
    assert problems[0].rule == "yaml-syntax"


def test_aliases_are_refused_so_no_document_can_expand_exponentially() -> None:
    text = "a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    document, problems = parse_document(PATH, text)
    assert document is None
    assert problems[0].rule == "yaml-syntax"
    assert "aliases" in problems[0].message


def test_merge_keys_are_refused() -> None:
    _, problems = parse_document(PATH, "base: {a: 1}\nother:\n  <<: {a: 1}\n  b: 2\n")
    assert [p.rule for p in problems] == ["yaml-syntax"]
    assert problems[0].location.line == 3


def test_a_syntax_error_names_its_line_and_column() -> None:
    document, problems = parse_document(PATH, "a: [1, 2\nb: 3\n")
    assert document is None
    assert problems[0].rule == "yaml-syntax"
    assert problems[0].location.line == 2


def test_an_empty_file_is_an_empty_document() -> None:
    document, problems = parse_document(PATH, "# only a comment\n")
    assert problems == []
    assert document is not None and document.data is None


def test_scalars_are_typed_as_safe_load_types_them() -> None:
    document, _ = parse_document(PATH, "n: 3\nf: 1.5\nb: true\ns: '09:00'\nnull_value: ~\n")
    assert document is not None
    assert document.data == {"n": 3, "f": 1.5, "b": True, "s": "09:00", "null_value": None}


def test_an_impossible_date_is_a_problem_at_its_line_not_a_crash() -> None:
    document, problems = parse_document(PATH, "name: x\nclosed: 2025-02-30\n")
    assert document is None
    assert (problems[0].rule, problems[0].location.line, problems[0].location.column) == ("yaml-syntax", 2, 9)


@pytest.mark.parametrize(
    ("text", "line", "column", "hint"),
    [
        pytest.param(
            "title: Bin day: when\n",
            1,
            15,
            "a colon followed by a space inside unquoted text: put the whole text in quotes",
            id="a colon in unquoted text",
        ),
        pytest.param(
            "text:\n  - Call us: we: are open\n",
            2,
            16,
            "a colon followed by a space inside unquoted text",
            id="a colon in an unquoted list item",
        ),
        pytest.param("a:\n\tb: 1\n", 2, 1, "a tab is used for indentation", id="a tab"),
        pytest.param("a:\n  b: 1\n\tc: 2\n", 3, 1, "a tab is used for indentation", id="a tab after spaces"),
        pytest.param(
            "a:\n  b: 1\n   c: 2\n",
            3,
            5,
            "inconsistent indentation: this line is indented further than the one above it",
            id="a line indented too far",
        ),
        pytest.param(
            "a:\n    b: 1\n  c: 2\n",
            3,
            3,
            "inconsistent indentation: this line does not line up with the lines above it",
            id="a line indented too little",
        ),
        pytest.param(
            'a: "hello\nb: 2\n', 3, 1, "the quote mark on line 1 is never closed", id="an unclosed quote"
        ),
        pytest.param(
            "a: [1, 2\nb: 3\n",
            2,
            2,
            "the [ on line 1 is not closed with ], or a comma is missing",
            id="an unclosed bracket",
        ),
        pytest.param(
            "a:\n  b: 1\n- c\n",
            3,
            1,
            "a `-` list item at the wrong level",
            id="a list item at the wrong level",
        ),
        pytest.param(
            "text: {council.name} can help\n",
            1,
            22,
            "a value that starts with a {placeholder} is read as a {key: value} mapping: put the whole text "
            'in quotes, e.g. "{council.name} can help"',
            id="a placeholder first in a value",
        ),
        pytest.param(
            "text:\n  - {council.name} can help\n",
            2,
            20,
            "a value that starts with a {placeholder}",
            id="a placeholder first in a list item",
        ),
        pytest.param(
            "a: 'it's here'\n",
            1,
            8,
            "write a quote mark inside it twice ('it''s')",
            id="a quote inside quotes",
        ),
        pytest.param(
            "a: 1\nthis text wrapped\nb: 2\n",
            3,
            1,
            "line 2 is neither `key: value` nor a `- ` list item",
            id="a line that is not key: value",
        ),
        pytest.param("a: @home\n", 1, 4, "text cannot start with *, &, @ or `", id="an @ first"),
    ],
)
def test_a_syntax_error_keeps_the_parsers_words_and_adds_a_plain_english_hint(
    text: str, line: int, column: int, hint: str
) -> None:
    document, problems = parse_document(PATH, text)
    assert document is None
    (problem,) = problems
    assert (problem.rule, problem.location.line, problem.location.column) == ("yaml-syntax", line, column)
    said, _, rest = problem.message.partition(" (hint: ")
    assert said and said[0].islower() and "hint" not in said, "the parser's own message comes first"
    assert hint in rest


def test_a_syntax_error_without_a_known_cause_has_no_hint() -> None:
    _, problems = parse_document(PATH, "a: | x\n")
    assert "hint" not in problems[0].message


@pytest.mark.parametrize(
    ("text", "needle", "occurrence", "expected"),
    [
        pytest.param('t: "Call {c.phone} now"\n', "{c.phone}", 0, (1, 10), id="in double quotes"),
        pytest.param("t: 'It''s {c.phone}'\n", "{c.phone}", 0, (1, 11), id="after an escaped quote"),
        pytest.param('t: "\\u0057 {c.phone}"\n', "{c.phone}", 0, (1, 12), id="after an escape"),
        pytest.param("t: ŵŵ {c.phone}\n", "{c.phone}", 0, (1, 7), id="after Welsh letters"),
        pytest.param("t: >-\n  Call us\n  on {c.phone}\n", "{c.phone}", 0, (3, 6), id="in a folded block"),
        pytest.param("t: a {c.x} b {c.x}\n", "{c.x}", 1, (1, 14), id="the second of two"),
        pytest.param("t: a {c.x}\nu: {c.x}\n", "{c.x}", 1, (1, 4), id="never beyond its own text"),
    ],
)
def test_text_inside_a_string_is_located_where_it_is_written(
    text: str, needle: str, occurrence: int, expected: tuple[int, int]
) -> None:
    document, problems = parse_document(PATH, text)
    assert document is not None and problems == []
    location = document.locate_text(("t",), needle, occurrence)
    assert (location.line, location.column) == expected
