"""The register committed in councils/register/: it loads, passes its schema, and holds every current
council of the source, as the build script counted them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from webhook.library.loader import load_library
from webhook.register.load import REGISTER_FILE, REGISTER_SCHEMA, load_register

REPOSITORY = Path(__file__).resolve().parents[2]
#: What `python -m webhook.register.build` reported for mySociety's register 1.6.1.
REPORTED = {
    "england": {"county": 21, "district": 164, "unitary": 132},
    "northern-ireland": {"unitary": 11},
    "scotland": {"unitary": 32},
    "wales": {"unitary": 22},
}


def test_the_committed_register_loads_with_no_problems() -> None:
    loaded = load_register(REPOSITORY)
    assert loaded.problems == ()
    assert loaded.register is not None
    assert loaded.register.source.licence == "CC-BY-4.0"
    assert "mysociety" in loaded.register.source.url


def test_it_holds_one_entry_per_current_council_as_reported() -> None:
    register = load_register(REPOSITORY).register
    assert register is not None
    assert len(register.councils) == 382
    counted: dict[str, dict[str, int]] = {}
    for (nation, tier), n in register.count().items():
        counted.setdefault(nation, {})[tier] = n
    assert counted == REPORTED
    assert json.loads((REPOSITORY / REGISTER_FILE).read_text("utf-8"))["counts"] == REPORTED


def test_the_overlays_agree_with_the_register() -> None:
    library = load_library(REPOSITORY).library
    register = library.register
    assert register is not None
    for slug in ("oxford", "oxfordshire", "cardiff"):
        council = library.councils[slug]
        registered = register.by_gss(council.gss_code)
        assert registered is not None and (registered.slug, registered.tier) == (slug, council.tier)
    assert register.county_of(register.by_slug("oxford")).slug == "oxfordshire"
    assert register.by_slug("cardiff").welsh_name == "Caerdydd"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"tier": "parish"}, "councils/0/tier: 'parish' is not one of"),
        ({"tier": "district"}, "councils/0: a district needs a county"),
        ({"welsh_name": "Aberdeen"}, "councils/0: a Welsh name for a council not in Wales"),
    ],
)
def test_a_broken_register_is_a_validation_error(tmp_path: Path, change: dict, expected: str) -> None:
    for folder in ("intents", "councils"):
        shutil.copytree(REPOSITORY / folder, tmp_path / folder)
    path = tmp_path / REGISTER_FILE
    data = json.loads(path.read_text("utf-8"))
    assert data["councils"][0]["slug"] == "aberdeen"  # a Scottish unitary council
    data["councils"][0].update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = load_library(tmp_path)
    problems = [p for p in loaded.problems if p.rule == "register"]
    assert problems and problems[0].message.startswith(expected)
    assert loaded.library.register is None
    assert (tmp_path / REGISTER_SCHEMA).is_file()
