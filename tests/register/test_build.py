"""The register's build script on a small CSV in the exact column shape of mySociety's register."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from webhook.register.build import BuildError, build_register, main, read_rows
from webhook.register.load import REGISTER_SCHEMA, load_register

REPOSITORY = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).parent / "fixtures" / "uk_local_authorities_sample.csv"


@pytest.fixture
def document() -> dict:
    return build_register(read_rows(SAMPLE), "test version")


def by_slug(document: dict) -> dict[str, dict]:
    return {council["slug"]: council for council in document["councils"]}


def test_only_current_councils_are_kept(document: dict) -> None:
    slugs = set(by_slug(document))
    assert "aylesbury-vale" not in slugs  # abolished in 2020: has an end date
    assert "greater-manchester" not in slugs  # a combined authority, not a council
    assert slugs == {
        "adur",
        "west-sussex",
        "cardiff",
        "isle-of-anglesey",
        "powys",
        "camden",
        "aberdeen",
        "armagh-banbridge-craigavon",
        "st-helens",
        "buckinghamshire",
    }


def test_a_district_names_its_county_by_gss_code_and_slug(document: dict) -> None:
    adur = by_slug(document)["adur"]
    assert adur["tier"] == "district"
    assert adur["county"] == {"gss_code": "E10000032", "slug": "west-sussex"}
    assert by_slug(document)["west-sussex"]["tier"] == "county"
    assert "county" not in by_slug(document)["west-sussex"]


@pytest.mark.parametrize(
    ("slug", "tier", "nation"),
    [
        ("camden", "unitary", "england"),  # a London borough provides county services too
        ("st-helens", "unitary", "england"),  # so does a metropolitan borough
        ("aberdeen", "unitary", "scotland"),
        ("armagh-banbridge-craigavon", "unitary", "northern-ireland"),
        ("cardiff", "unitary", "wales"),
    ],
)
def test_each_type_maps_to_a_tier_and_nation(document: dict, slug: str, tier: str, nation: str) -> None:
    council = by_slug(document)[slug]
    assert (council["tier"], council["nation"]) == (tier, nation)


def test_a_welsh_name_is_kept_only_when_the_source_gives_a_clean_welsh_one(document: dict) -> None:
    councils = by_slug(document)
    assert councils["cardiff"]["welsh_name"] == "Caerdydd"
    assert "welsh_name" not in councils["powys"]  # the same name in both languages
    assert "welsh_name" not in councils["isle-of-anglesey"]  # garbled in the source: never guessed
    assert "welsh_name" not in councils["camden"]


def test_websites_are_gov_uks_page_for_the_council(document: dict) -> None:
    councils = by_slug(document)
    assert councils["st-helens"]["website"] == "https://www.gov.uk/find-local-council/st.-helens"
    assert councils["buckinghamshire"]["website"] == "https://www.gov.uk/find-local-council"


def test_counts_and_source_are_recorded(document: dict) -> None:
    assert document["counts"] == {
        "england": {"county": 1, "district": 1, "unitary": 3},
        "northern-ireland": {"unitary": 1},
        "scotland": {"unitary": 1},
        "wales": {"unitary": 3},
    }
    assert document["source"]["licence"] == "CC-BY-4.0"
    assert document["source"]["version"] == "test version"
    assert "mySociety" in document["source"]["attribution"]


def test_a_csv_of_another_shape_is_refused(tmp_path: Path) -> None:
    other = tmp_path / "other.csv"
    other.write_text("code,name\nABC,Somewhere\n", encoding="utf-8")
    with pytest.raises(BuildError, match="no column"):
        build_register(read_rows(other), "v")


def test_the_script_writes_a_register_that_loads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "councils" / "register" / "uk_councils.json"
    (tmp_path / REGISTER_SCHEMA).parent.mkdir(parents=True)
    shutil.copy(REPOSITORY / REGISTER_SCHEMA, tmp_path / REGISTER_SCHEMA)
    assert main([str(SAMPLE), "--version", "1.0 (test)", "--output", str(output)]) == 0
    printed = capsys.readouterr().out
    assert "wrote 10 councils" in printed
    assert "england: 1 county, 1 district, 3 unitary" in printed
    loaded = load_register(tmp_path)
    assert loaded.problems == ()
    assert loaded.register is not None
    assert loaded.register.by_gss("W06000015").welsh_name == "Caerdydd"
    assert json.loads(output.read_text("utf-8"))["$schema"] == "register.schema.json"
