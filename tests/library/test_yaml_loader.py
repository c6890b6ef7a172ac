"""The YAML loader: safe, strict about duplicates, and exact about where each value stands."""

from __future__ import annotations

from pathlib import Path

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
