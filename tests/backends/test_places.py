"""A council's places (recycling centres, libraries, offices): loading, opening hours, nearest."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from tests.backends.opening import describe
from webhook.backends.calendar import LONDON, bank_holidays
from webhook.backends.places import PlaceKind, Places, PlacesFileError, load_places, validate_places_file

REPOSITORY = Path(__file__).resolve().parents[2]
ENGLAND_AND_WALES = bank_holidays("england")

PLACES_YAML = """\
# yaml-language-server: $schema=../places.schema.json
places:
  - id: north-tip
    name: {en: North Recycling Centre, cy: Canolfan Ailgylchu'r Gogledd}
    kind: recycling_centre
    address: Tip Lane
    location: {latitude: 52.50, longitude: -4.00}
    bank_holidays: open
    opening_hours:
      - name: {en: Summer hours, cy: Oriau'r haf}
        from: "04-01"
        to: "09-30"
        hours: {monday: "08:00-18:00", saturday: "08:00-18:00"}
      - name: {en: Winter hours, cy: Oriau'r gaeaf}
        from: "10-01"
        to: "03-31"
        hours: {monday: "09:00-16:00", saturday: "09:00-16:00"}
    closures:
      - 2025-12-25
  - id: south-tip
    name: South Recycling Centre
    kind: recycling_centre
    address: Dump Road
    location: {latitude: 52.10, longitude: -4.00}
    opening_hours: {monday: "09:00-17:00"}
  - id: central-library
    name: {en: Central Library, cy: Llyfrgell Ganolog}
    kind: library
    address: {en: 3 High Street, cy: 3 Stryd Fawr}
    location: {latitude: 52.30, longitude: -4.00}
    opening_hours: {monday: "09:00-17:00", tuesday: "09:00-17:00"}
    closures:
      - from: 2025-06-09
        to: 2025-06-10
        reason: {en: Stocktaking, cy: Cyfrif stoc}
  - id: mobile-library
    name: Mobile library
    kind: library
    address: Around the villages
    opening_hours: {tuesday: "10:00-15:00"}
"""


def london(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def write_places(folder: Path, text: str) -> Path:
    """A council folder holding places.yaml (the schemas are the repository's own)."""
    path = folder / "councils" / "test" / "places.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def places(tmp_path: Path) -> Places:
    return load_places(write_places(tmp_path, PLACES_YAML))


def test_the_demo_councils_places_are_valid() -> None:
    path = REPOSITORY / "councils" / "demo" / "places.yaml"
    assert validate_places_file(path) == []
    demo = load_places(path)
    assert demo.places_of_kind(PlaceKind.RECYCLING_CENTRE) and demo.places_of_kind(PlaceKind.LIBRARY)


def test_places_of_kind(places: Places) -> None:
    assert [place.id for place in places.places_of_kind("library")] == ["central-library", "mobile-library"]
    assert places.places_of_kind(PlaceKind.OFFICE) == ()


def test_nearest_ranks_by_straight_line_distance(places: Places) -> None:
    nearest = places.nearest(52.45, -4.00, kind=PlaceKind.RECYCLING_CENTRE)
    assert [nearby.place.id for nearby in nearest] == ["north-tip", "south-tip"]
    # 0.05 and 0.35 degrees of latitude: about 5.6 km and 38.9 km.
    assert nearest[0].distance_km == pytest.approx(5.56, abs=0.05)
    assert nearest[1].distance_km == pytest.approx(38.92, abs=0.1)
    assert nearest[1].distance_miles == pytest.approx(24.18, abs=0.1)


def test_nearest_leaves_out_places_without_a_location_and_honours_the_limit(places: Places) -> None:
    assert [nearby.place.id for nearby in places.nearest(52.29, -4.00, kind="library")] == ["central-library"]
    assert len(places.nearest(52.29, -4.00, limit=2)) == 2


def test_seasonal_hours(places: Places) -> None:
    tip = places.get("north-tip")
    assert tip is not None
    summer = tip.status(london(2025, 7, 7, 17, 0), ENGLAND_AND_WALES)
    winter = tip.status(london(2025, 11, 3, 17, 0), ENGLAND_AND_WALES)
    assert describe(summer, "en") == "Open now until 6pm"
    assert describe(winter, "en") == "Closed now. Opens Saturday 8 November at 9am"
    assert describe(winter, "cy") == "Ar gau nawr. Yn agor ddydd Sadwrn 8 Tachwedd am 9am"


def test_a_recycling_centre_open_on_bank_holidays_but_the_library_is_not(places: Places) -> None:
    spring_bank_holiday = london(2025, 5, 26, 11, 0)
    tip, library = places.get("north-tip"), places.get("central-library")
    assert tip is not None and library is not None
    assert tip.status(spring_bank_holiday, ENGLAND_AND_WALES).open_now
    library_status = library.status(spring_bank_holiday, ENGLAND_AND_WALES)
    assert describe(library_status, "en") == "Closed today (Spring bank holiday). Opens tomorrow at 9am"


def test_a_places_own_closures_still_close_it_on_a_bank_holiday(places: Places) -> None:
    tip = places.get("north-tip")
    assert tip is not None
    christmas = tip.status(london(2025, 12, 25, 11, 0), ENGLAND_AND_WALES)
    assert describe(christmas, "en") == "Closed today. Opens Saturday 27 December at 9am"


def test_closure_reason_in_welsh(places: Places) -> None:
    library = places.get("central-library")
    assert library is not None
    status = library.status(london(2025, 6, 9, 10, 0), ENGLAND_AND_WALES)
    assert describe(status, "cy") == "Ar gau heddiw (Cyfrif stoc). Yn agor ddydd Llun 16 Mehefin am 9am"
    assert library.text("name", "cy") == "Llyfrgell Ganolog"
    assert places.get("south-tip").text("name", "cy") == "South Recycling Centre"  # type: ignore[union-attr]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """The line number (from 1) of the `occurrence`-th line containing `needle`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return lines[occurrence - 1]


def test_a_broken_places_file_reports_each_problem_with_its_line(tmp_path: Path) -> None:
    broken = PLACES_YAML.replace("kind: library\n    address: {en: 3", "kind: libary\n    address: {en: 3")
    broken = broken.replace('from: "10-01"', 'from: "13-01"')
    path = write_places(tmp_path, broken)
    with pytest.raises(PlacesFileError) as caught:
        load_places(path)
    found = {(problem.location.line, problem.message.split(":")[0]) for problem in caught.value.problems}
    assert found == {
        (line_of(broken, '"13-01"'), "places/0/opening_hours/1/from"),
        (line_of(broken, "kind: libary"), "places/2/kind"),
    }
    assert {problem.location.path for problem in caught.value.problems} == {path}
    # The message names the file and line, as `sync-intents validate` does, so logs point at the fault.
    assert f"places.yaml:{line_of(broken, 'kind: libary')}:11: error: places/2/kind" in str(caught.value)


def test_duplicate_ids_and_backwards_closures_are_problems(tmp_path: Path) -> None:
    broken = PLACES_YAML.replace("- id: mobile-library", "- id: north-tip").replace(
        "to: 2025-06-10", "to: 2025-06-01"
    )
    problems = validate_places_file(write_places(tmp_path, broken))
    assert [(problem.rule, problem.location.line) for problem in problems] == [
        ("places-date", line_of(broken, "- from: 2025-06-09")),
        ("places-duplicate-id", line_of(broken, "- id: north-tip", 2)),
    ]
