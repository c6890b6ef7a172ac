"""`sync-intents new-council` writes a valid overlay from the register, and `show --missing` lists what
it still lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from webhook.cli import main
from webhook.fulfilment.handler_names import handler_names
from webhook.library.validate import validate_library

REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """A copy of the repository's library (intents/ and councils/, with the register)."""
    for folder in ("intents", "councils"):
        shutil.copytree(REPOSITORY / folder, tmp_path / folder)
    return tmp_path


def run(library: Path, *args: str, given: str | None = None) -> Result:
    return CliRunner().invoke(main, ["new-council", "--library", str(library), *args], input=given)


def errors(library: Path) -> list[str]:
    report = validate_library(library, handler_names=handler_names())
    return [problem.format() for problem in report.errors]


def overlay(library: Path, slug: str) -> tuple[str, dict]:
    text = (library / "councils" / slug / "council.yaml").read_text("utf-8")
    return text, yaml.safe_load(text)


def test_a_district_by_gss_code_names_its_county_overlay(library: Path) -> None:
    result = run(library, "E07000177", "--phone", "01295 227001")
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and "Cherwell District Council" in result.output
    text, data = overlay(library, "cherwell")
    assert data["name"] == "Cherwell District Council"
    assert (data["gss_code"], data["tier"], data["nation"]) == ("E07000177", "district", "england")
    assert data["county"] == "oxfordshire"  # it has an overlay in this library
    assert data["languages"] == ["en"]
    assert data["contact"] == {
        "phone": "01295 227001",
        "website": "https://www.gov.uk/find-local-council/cherwell",
    }
    assert text.count("# TODO") >= 4
    assert errors(library) == []


def test_a_district_whose_county_has_no_overlay_gives_the_county_inline(library: Path) -> None:
    result = run(library, "Adur", "--phone", "01273 263000", given="01243 777100\n")
    assert result.exit_code == 0, result.output
    assert "West Sussex County Council's phone number" in result.output  # asked for
    _, data = overlay(library, "adur")
    assert data["county"] == {
        "name": "West Sussex County Council",
        "gss_code": "E10000032",
        "website": "https://www.gov.uk/find-local-council/west-sussex",
        "phone": "01243 777100",
    }
    assert errors(library) == []


def test_a_welsh_council_by_name_speaks_both_languages(library: Path) -> None:
    result = run(library, "Carmarthenshire", "--phone", "01267 234567")
    assert result.exit_code == 0, result.output
    text, data = overlay(library, "carmarthenshire")
    assert data["languages"] == ["en", "cy"]
    assert data["name"] == {"en": "Carmarthenshire County Council"}  # the Welsh name is the council's to give
    assert "TODO: cy: the council's own name in Welsh" in text and "Sir Gaerfyrddin" in text
    assert data["nation"] == "wales" and data["tier"] == "unitary" and "county" not in data
    report = validate_library(library, handler_names=handler_names())
    assert report.errors == []
    assert any("carmarthenshire" in str(p.location.path) for p in report.warnings)  # name.cy missing


def test_a_welsh_council_starts_with_welsh_review_so_its_welsh_has_a_review_state(
    library: Path, tmp_path: Path
) -> None:
    assert run(library, "Carmarthenshire", "--phone", "01267 234567").exit_code == 0
    assert run(library, "E07000177", "--phone", "01295 227001").exit_code == 0
    text, data = overlay(library, "carmarthenshire")
    assert data["welsh_review"] == "needs-welsh-speaker"
    assert "welsh_review" not in overlay(library, "cherwell")[1]  # an English council has no Welsh
    # the officer gives the Welsh name the TODO asks for: it needs a Welsh speaker, and says so
    path = library / "councils/carmarthenshire/council.yaml"
    path.write_text(text.replace("  # TODO: cy:", '  cy: "Cyngor Sir Gâr"\n  # TODO: cy:'), "utf-8")
    report = validate_library(library, handler_names=handler_names())
    assert report.errors == []
    assert not [problem for problem in report.warnings if problem.rule == "welsh-review-missing"]
    sheet = tmp_path / "cy.csv"
    result = CliRunner().invoke(
        main, ["translations", "export", "--library", str(library), "--output", str(sheet)]
    )
    assert result.exit_code == 0, result.output
    rows = sheet.read_text("utf-8-sig").splitlines()
    (row,) = [line for line in rows if "council:carmarthenshire:" in line]
    assert "Cyngor Sir Gâr" in row and ",needs-welsh-speaker," in row


def test_a_name_that_matches_several_councils_lists_them(library: Path) -> None:
    result = run(library, "Sussex", "--phone", "01632 960000")
    assert result.exit_code != 0
    for name in ("East Sussex County Council", "West Sussex County Council", "Mid Sussex District Council"):
        assert name in result.output
    assert not (library / "councils" / "east-sussex").exists()


def test_an_existing_overlay_is_never_overwritten(library: Path) -> None:
    before = (library / "councils" / "oxford" / "council.yaml").read_text("utf-8")
    result = run(library, "Oxford", "--phone", "01632 960000")
    assert result.exit_code != 0
    assert "already has an overlay" in result.output
    assert (library / "councils" / "oxford" / "council.yaml").read_text("utf-8") == before


def test_an_unknown_council_and_a_bad_phone_are_refused(library: Path) -> None:
    assert "no current council matches" in run(library, "Atlantis", "--phone", "01632 960000").output
    result = run(library, "Cherwell", "--phone", "call us")
    assert result.exit_code != 0 and "not a UK phone number" in result.output
    assert not (library / "councils" / "cherwell").exists()


def test_show_missing_lists_what_a_new_council_lacks_intent_by_intent(library: Path) -> None:
    assert run(library, "Cherwell", "--phone", "01295 227001").exit_code == 0
    result = CliRunner().invoke(
        main, ["show", "--library", str(library), "--council", "cherwell", "--missing"]
    )
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "What Cherwell District Council (cherwell) has not given yet, for answers in en:"
    assert (
        "  contact.website: meanwhile links go to GOV.UK's page for the council "
        "(https://www.gov.uk/find-local-council/cherwell), which links to its site"
    ) in lines
    assert (
        "  contact.opening_hours: meanwhile answers never say whether the phone lines are open now" in lines
    )
    at = lines.index("  waste.collection_day")
    assert (
        "    services.waste.collection_day.url: meanwhile the home page: "
        "https://www.gov.uk/find-local-council/cherwell"
    ) in lines[at:]
    # a county service's page is the county's to give
    at = lines.index("  streets.pothole")
    assert (
        "    services.streets.pothole.url in councils/oxfordshire/council.yaml: meanwhile the home page: "
        "https://www.oxfordshire.gov.uk" in lines[at:]
    )


def test_show_missing_for_a_council_that_gave_its_pages_lists_fewer(library: Path) -> None:
    result = CliRunner().invoke(main, ["show", "--library", str(library), "--council", "demo", "--missing"])
    assert result.exit_code == 0, result.output
    assert "  waste.collection_day" not in result.output.splitlines()
    assert "contact.website" not in result.output
