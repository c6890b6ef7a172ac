"""councillors.py: the council's published list, its schema, and problems that name FILE:LINE:COL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from webhook.backends.base import BackendError
from webhook.backends.councillors import (
    CouncillorListInvalid,
    PublishedCouncillors,
    describe,
    from_settings,
    load_councillors,
)

REPOSITORY = Path(__file__).resolve().parents[2]
SCHEMA = REPOSITORY / "councils" / "councillors.schema.json"

VALID = """\
# yaml-language-server: $schema=../councillors.schema.json
source: https://demo-council.example/council/councillors
wards:
  - code: W05009901
    name: {en: Castle, cy: Castell}
    councillors:
      - name: Alys Pritchard
        party: {en: Demo Valley Independents, cy: Annibynwyr Cwm Demo}
        email: alys.pritchard@demo-council.example
      - name: Gareth Moss
        party: Riverside Party
  - code: W05009902
    name: Riverside
    councillors:
      - name: Priya Shah
        party: Riverside Party
        phone: "01632 960302"
"""


@pytest.fixture
def council_folder(tmp_path: Path) -> Path:
    """councils/<slug>/ with the repository's schema beside it, as in the library."""
    folder = tmp_path / "councils" / "demo"
    folder.mkdir(parents=True)
    shutil.copy(SCHEMA, tmp_path / "councils" / SCHEMA.name)
    return folder


def write(folder: Path, text: str) -> Path:
    path = folder / "councillors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_demo_councils_list_is_valid_and_bilingual() -> None:
    councillors = load_councillors(REPOSITORY / "councils" / "demo" / "councillors.yaml")

    castle = councillors.councillors_for("W05009901")
    assert [describe(person, "cy") for person in castle] == [
        "Alys Pritchard (Annibynwyr Cwm Demo)",
        "Gareth Moss (Plaid Glan yr Afon)",
    ]
    assert all(person.email is None or person.email.endswith("@demo-council.example") for person in castle)
    ward = councillors.ward_named("Glan yr Afon")
    assert ward is not None and ward.code == "W05009902"


def test_councillors_are_found_by_ward_code(council_folder: Path) -> None:
    councillors = load_councillors(write(council_folder, VALID))

    assert [p.name for p in councillors.councillors_for("w05009902 ")] == ["Priya Shah"]
    assert councillors.councillors_for("W05009999") == ()
    assert describe(councillors.councillors_for("W05009901")[1], "en") == "Gareth Moss (Riverside Party)"


@pytest.mark.parametrize(
    ("broken", "rule", "line", "column", "words"),
    [
        (VALID.replace("code: W05009902", "code: W0500990"), "schema", 12, 11, "does not match"),
        (
            VALID.replace("        phone:", "        phone_number:"),
            "schema",
            17,
            9,
            "unknown key 'phone_number'",
        ),
        (
            VALID.replace("  - code: W05009902", "  - code: W05009901"),
            "ward-duplicate",
            12,
            11,
            "first on line 4",
        ),
        (VALID.replace("        party: Riverside Party\n  - code", "  - code"), "schema", 10, 9, "party"),
        (
            VALID.replace("    name: Riverside", "    name: Riverside\n    name: Glan yr Afon"),
            "duplicate-key",
            14,
            5,
            "twice",
        ),
        (VALID.replace("wards:", "wards: ["), "yaml-syntax", 4, 3, ""),
    ],
)
def test_every_problem_names_its_file_line_and_column(
    council_folder: Path, broken: str, rule: str, line: int, column: int, words: str
) -> None:
    path = write(council_folder, broken)

    with pytest.raises(CouncillorListInvalid) as raised:
        load_councillors(path)

    problem = raised.value.problems[0]
    assert (problem.rule, problem.location.path, problem.location.line, problem.location.column) == (
        rule,
        path,
        line,
        column,
    )
    assert words in problem.message
    assert f"councillors.yaml:{line}:{column}: error:" in str(raised.value)


def test_the_published_list_is_read_again_when_the_file_changes(council_folder: Path) -> None:
    path = write(council_folder, VALID)
    published = PublishedCouncillors(path)
    assert [p.name for p in published.councillors_for("W05009902")] == ["Priya Shah"]

    write(council_folder, VALID.replace("Priya Shah", "Rhys Owen Jones"))

    assert [p.name for p in published.councillors_for("W05009902")] == ["Rhys Owen Jones"]


def test_a_missing_or_broken_list_is_a_backend_error_for_the_handler(council_folder: Path) -> None:
    published = from_settings({"kind": "published_list", "file": "members.yaml"}, council_folder)
    assert published.path == council_folder / "members.yaml"

    with pytest.raises(BackendError, match=r"members\.yaml"):
        published.councillors_for("W05009901")

    (council_folder / "members.yaml").write_text("source: 12\n", encoding="utf-8")
    with pytest.raises(CouncillorListInvalid):
        published.councillors_for("W05009901")


def test_from_settings_defaults_to_councillors_yaml(council_folder: Path) -> None:
    write(council_folder, VALID)

    published = from_settings({"kind": "published_list"}, council_folder)

    ward = published.ward("W05009901")
    assert ward is not None and ward.name == {"en": "Castle", "cy": "Castell"}
