"""Bin days: rounds files (patterns, bank-holiday slippage, overrides, the address picker), a council's
bin-day API served by a real local HTTP server, caching, and the missed-collection reporting window."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from webhook.backends.base import BackendHTTPError, BackendInvalidResponse, BackendUnavailable
from webhook.backends.bins import (
    AddressRequired,
    BinsSettingsError,
    BinType,
    HttpJsonProvider,
    MissedReportRules,
    MissedReportVerdict,
    PostcodeNotServed,
    ScheduleProvider,
    UnknownAddress,
    from_settings,
    guess_bin_type,
    missed_collection_window,
    normalise_postcode,
    validate_rounds_file,
)
from webhook.backends.calendar import LONDON, bank_holidays
from webhook.backends.registry import Backends
from webhook.deadline import Deadline
from webhook.library.model import Council
from webhook.library.yaml_loader import Document

REPOSITORY = Path(__file__).resolve().parents[2]
ENGLAND_AND_WALES = bank_holidays("england")

ROUNDS_YAML = """\
# yaml-language-server: $schema=../bins.schema.json
bins:
  general: {name: {en: Black bin, cy: Bin du}, bin_type: general_waste}
  recycling: {name: Blue bin, bin_type: recycling}
  food: {name: Food caddy, bin_type: food_waste}
  garden: {name: Garden waste bin, bin_type: garden_waste}
  glass: {name: Glass box, bin_type: glass}
  textiles: {name: Textiles bag}
rounds:
  monday:
    general: {day: monday, every_weeks: 2, anchor: 2025-01-06}
    recycling: {day: monday, every_weeks: 2, anchor: 2025-01-13}
    food: monday
    garden: {day: monday, every_weeks: 2, anchor: 2025-01-13, months: [3, 4, 5, 6, 7, 8, 9, 10, 11]}
    glass: {day: monday, every_weeks: 4, anchor: 2025-01-20}
  wednesday:
    food: wednesday
  thursday:
    food: thursday
  friday:
    food: friday
    textiles: {day: friday, every_weeks: 8, anchor: 2025-01-03}
postcodes:
  AA1 1AA: monday
  AA1 2AB:
    streets:
      - {id: high-street, name: {en: High Street, cy: Stryd Fawr}, round: wednesday}
      - {id: mill-lane, name: Mill Lane, round: friday}
  AA1 3: thursday
  AA1: wednesday
  AA1 3ZZ: friday
bank_holidays: rest_of_week
overrides:
  2025-12-25: 2025-12-27
  2025-12-26: 2025-12-27
"""


def write_rounds(tmp_path: Path, text: str = ROUNDS_YAML) -> Path:
    path = tmp_path / "bins.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def schedule(tmp_path: Path, text: str = ROUNDS_YAML, **settings: object) -> ScheduleProvider:
    write_rounds(tmp_path, text)
    provider = from_settings(
        {"kind": "schedule", "file": "bins.yaml", **settings}, tmp_path, nation="england"
    )
    assert isinstance(provider, ScheduleProvider)
    return provider


def dates(
    provider: ScheduleProvider, postcode: str, bin_type: BinType, today: date, **kwargs: str
) -> list[date]:
    collections = provider.collections(postcode, Deadline.after(1), today=today, **kwargs).of_type(bin_type)
    assert len(collections) == 1
    return list(collections[0].dates)


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# ---------------------------------------------------------------------------------------------------
# Schedules


def test_weekly_collections_from_today(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    wednesday = date(2025, 6, 4)
    assert dates(provider, "AA1 1AA", BinType.FOOD_WASTE, wednesday) == [
        date(2025, 6, 9),
        date(2025, 6, 16),
        date(2025, 6, 23),
    ]


def test_todays_collection_counts_as_the_next_one(tmp_path: Path) -> None:
    monday = date(2025, 6, 9)
    assert dates(schedule(tmp_path), "AA1 1AA", BinType.FOOD_WASTE, monday)[0] == monday


def test_fortnightly_bins_alternate_from_their_anchor(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    today = date(2025, 6, 4)
    general = dates(provider, "AA1 1AA", BinType.GENERAL_WASTE, today)
    recycling = dates(provider, "AA1 1AA", BinType.RECYCLING, today)
    # 2025-01-06 + 22 weeks = 2025-06-09: general waste; recycling the other Mondays.
    assert general == [date(2025, 6, 9), date(2025, 6, 23), date(2025, 7, 7)]
    assert recycling == [date(2025, 6, 16), date(2025, 6, 30), date(2025, 7, 14)]


def test_four_weekly_glass_and_eight_weekly_textiles(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    today = date(2025, 6, 4)
    assert dates(provider, "AA1 1AA", BinType.GLASS, today) == [
        date(2025, 6, 9),
        date(2025, 7, 7),
        date(2025, 8, 4),
    ]
    textiles = provider.collections("AA1 2AB", Deadline.after(1), "mill-lane", today=today).bins
    assert [(c.text("en"), c.bin_type, c.dates[:2]) for c in textiles if c.bin_type is None] == [
        ("Textiles bag", None, (date(2025, 6, 20), date(2025, 8, 15)))
    ]


def test_garden_waste_pauses_over_winter(tmp_path: Path) -> None:
    garden = dates(schedule(tmp_path), "AA1 1AA", BinType.GARDEN_WASTE, date(2025, 11, 20))
    # Recycling Mondays are 17 November and 1 December; the next in March are the 9th and 23rd, then
    # Easter Monday (6 April 2026) moves the one after to the Tuesday.
    assert garden == [date(2026, 3, 9), date(2026, 3, 23), date(2026, 4, 7)]


def test_bins_are_listed_soonest_first_with_the_councils_names(tmp_path: Path) -> None:
    result = schedule(tmp_path).collections("AA1 1AA", Deadline.after(1), today=date(2025, 6, 10))
    assert [(c.text("cy"), c.next) for c in result.bins] == [
        ("Blue bin", date(2025, 6, 16)),
        ("Food caddy", date(2025, 6, 16)),
        ("Garden waste bin", date(2025, 6, 16)),
        ("Bin du", date(2025, 6, 23)),
        ("Glass box", date(2025, 7, 7)),
    ]
    next_day = result.next_day()
    assert next_day is not None and next_day[0] == date(2025, 6, 16)
    assert {c.bin_type for c in next_day[1]} == {BinType.FOOD_WASTE, BinType.RECYCLING, BinType.GARDEN_WASTE}


def test_the_last_collection_is_known_for_missed_bin_reports(tmp_path: Path) -> None:
    result = schedule(tmp_path).collections("AA1 1AA", Deadline.after(1), today=date(2025, 7, 1))
    assert result.of_type(BinType.FOOD_WASTE)[0].last == date(2025, 6, 30)
    assert result.of_type(BinType.GENERAL_WASTE)[0].last == date(2025, 6, 23)
    assert result.of_type(BinType.GLASS)[0].last == date(2025, 6, 9)


# Slippage, with the real England and Wales bank holidays from the package's cached feed.


def test_a_bank_holiday_monday_moves_the_rest_of_that_week_one_day_later(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    before = date(2025, 5, 22)  # Spring bank holiday: Monday 26 May 2025
    assert dates(provider, "AA1 1AA", BinType.FOOD_WASTE, before)[:2] == [date(2025, 5, 27), date(2025, 6, 2)]
    assert dates(provider, "AA1 2AB", BinType.FOOD_WASTE, before, address_id="high-street")[:2] == [
        date(2025, 5, 29),  # Wednesday -> Thursday
        date(2025, 6, 4),  # the week after is back to normal
    ]
    assert dates(provider, "AA1 2AB", BinType.FOOD_WASTE, before, address_id="mill-lane")[:2] == [
        date(2025, 5, 23),  # the week before is not affected
        date(2025, 5, 31),  # Friday -> Saturday
    ]


def test_moved_collections_say_when_they_would_have_been(tmp_path: Path) -> None:
    result = schedule(tmp_path).collections("AA1 1AA", Deadline.after(1), today=date(2025, 5, 22))
    food = result.of_type(BinType.FOOD_WASTE)[0]
    assert food.moved_from == {date(2025, 5, 27): date(2025, 5, 26)}


def test_easter_moves_good_friday_and_the_week_of_easter_monday(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    before_easter = date(2025, 4, 14)  # Good Friday 18 April, Easter Monday 21 April 2025
    assert dates(provider, "AA1 2AB", BinType.FOOD_WASTE, before_easter, address_id="mill-lane")[:2] == [
        date(2025, 4, 19),
        date(2025, 4, 26),
    ]
    assert dates(provider, "AA1 1AA", BinType.FOOD_WASTE, before_easter)[:2] == [
        date(2025, 4, 14),
        date(2025, 4, 22),
    ]


def test_published_christmas_dates_win_over_the_rule(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    before = date(2025, 12, 20)  # Christmas Day is a Thursday, Boxing Day a Friday; both go to Saturday
    thursdays = dates(provider, "AA1 3AA", BinType.FOOD_WASTE, before)
    fridays = dates(provider, "AA1 2AB", BinType.FOOD_WASTE, before, address_id="mill-lane")
    wednesdays = dates(provider, "AA1 2AB", BinType.FOOD_WASTE, before, address_id="high-street")
    # The week after, the rule applies again: New Year's Day (Thursday) moves Thursday and Friday on.
    assert thursdays[:2] == [date(2025, 12, 27), date(2026, 1, 2)]
    assert fridays[:2] == [date(2025, 12, 27), date(2026, 1, 3)]
    assert wednesdays[:2] == [date(2025, 12, 24), date(2025, 12, 31)]


@pytest.mark.parametrize(
    ("rule", "monday", "wednesday"),
    [
        ("normal", date(2025, 5, 26), date(2025, 5, 28)),
        ("next_day", date(2025, 5, 27), date(2025, 5, 28)),
        ("rest_of_week", date(2025, 5, 27), date(2025, 5, 29)),
    ],
)
def test_each_bank_holiday_rule(tmp_path: Path, rule: str, monday: date, wednesday: date) -> None:
    provider = schedule(
        tmp_path, ROUNDS_YAML.replace("bank_holidays: rest_of_week", f"bank_holidays: {rule}")
    )
    today = date(2025, 5, 24)
    assert dates(provider, "AA1 1AA", BinType.FOOD_WASTE, today)[0] == monday
    assert dates(provider, "AA1 2AB", BinType.FOOD_WASTE, today, address_id="high-street")[0] == wednesday


# Postcodes and the address picker


def test_a_postcode_with_one_round_needs_no_address(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    assert provider.addresses("AA1 1AA", Deadline.after(1)) == ()
    assert provider.collections("aa11aa", Deadline.after(1), today=date(2025, 6, 4)).postcode == "AA1 1AA"


def test_a_postcode_split_between_rounds_offers_its_streets(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    streets = provider.addresses("AA1 2AB", Deadline.after(1))
    assert [(street.id, street.text("en"), street.text("cy")) for street in streets] == [
        ("high-street", "High Street", "Stryd Fawr"),
        ("mill-lane", "Mill Lane", "Mill Lane"),
    ]
    with pytest.raises(AddressRequired) as caught:
        provider.collections("AA1 2AB", Deadline.after(1), today=date(2025, 6, 4))
    assert caught.value.addresses == streets
    chosen = provider.collections(
        "AA1 2AB", Deadline.after(1), address_id="mill-lane", today=date(2025, 6, 4)
    )
    assert chosen.address == streets[1]
    assert chosen.of_type(BinType.FOOD_WASTE)[0].next == date(2025, 6, 6)  # Friday's round


def test_an_address_the_picker_never_offered_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownAddress) as caught:
        schedule(tmp_path).collections("AA1 2AB", Deadline.after(1), address_id="station-road")
    assert caught.value.address_id == "station-road"


@pytest.mark.parametrize(
    ("postcode", "weekday"),
    [
        ("AA1 3ZZ", 4),  # its own entry beats its sector's
        ("AA1 3QP", 3),  # the AA1 3 sector: Thursday
        ("AA1 7QP", 2),  # the AA1 district: Wednesday
    ],
)
def test_sectors_and_districts_cover_postcodes_without_their_own_entry(
    tmp_path: Path, postcode: str, weekday: int
) -> None:
    food = dates(schedule(tmp_path), postcode, BinType.FOOD_WASTE, date(2025, 6, 2))
    assert food[0].weekday() == weekday


@pytest.mark.parametrize("postcode", ["AB1 2CD", "not a postcode", ""])
def test_postcodes_the_council_does_not_serve(tmp_path: Path, postcode: str) -> None:
    provider = schedule(tmp_path)
    with pytest.raises(PostcodeNotServed):
        provider.addresses(postcode, Deadline.after(1))
    with pytest.raises(PostcodeNotServed):
        provider.collections(postcode, Deadline.after(1))


def test_the_demo_councils_rounds_are_valid_and_offer_a_picker() -> None:
    folder = REPOSITORY / "councils" / "demo"
    assert validate_rounds_file(folder / "bins.yaml") == []
    provider = from_settings({"kind": "schedule", "file": "bins.yaml"}, folder, nation="wales")
    assert len(provider.addresses("AA1 2AB", Deadline.after(1))) == 2
    result = provider.collections("AA1 1AA", Deadline.after(1), today=date(2026, 6, 1))
    assert {c.bin_type for c in result.bins} == set(BinType)


def test_an_edited_rounds_file_is_read_again(tmp_path: Path) -> None:
    provider = schedule(tmp_path)
    assert dates(provider, "AA1 1AA", BinType.FOOD_WASTE, date(2025, 6, 4))[0] == date(2025, 6, 9)
    write_rounds(tmp_path, ROUNDS_YAML.replace("    food: monday", "    food: tuesday"))
    assert dates(provider, "AA1 1AA", BinType.FOOD_WASTE, date(2025, 6, 4))[0] == date(2025, 6, 10)


def council_with(tmp_path: Path, nation: str, backends: dict[str, object]) -> Council:
    write_rounds(tmp_path)
    document = Document(path=tmp_path / "council.yaml", data={})
    return Council(
        "test", "Test Council", "S12000999", "unitary", nation, ("en",), {}, document, backends=backends
    )


def test_a_scottish_councils_collections_slip_for_scottish_bank_holidays(tmp_path: Path) -> None:
    scottish = Backends().for_council(council_with(tmp_path, "scotland", {"bins": {"kind": "schedule"}})).bins
    english = Backends().for_council(council_with(tmp_path, "england", {"bins": {"kind": "schedule"}})).bins
    assert scottish is not None and english is not None
    st_andrews_day = date(2025, 12, 1)  # a Monday, a bank holiday in Scotland only
    scottish_food = scottish.collections("AA1 1AA", Deadline.after(1), today=date(2025, 11, 28)).of_type(
        "food_waste"
    )
    english_food = english.collections("AA1 1AA", Deadline.after(1), today=date(2025, 11, 28)).of_type(
        "food_waste"
    )
    assert scottish_food[0].next == st_andrews_day + timedelta(days=1)
    assert english_food[0].next == st_andrews_day


def test_each_councils_provider_is_built_once(tmp_path: Path) -> None:
    council = council_with(tmp_path, "wales", {"bins": {"kind": "schedule"}})
    backends = Backends()
    assert backends.for_council(council).bins is backends.for_council(council).bins
    assert backends.for_council(council_with(tmp_path, "wales", {})).bins is None


# Broken rounds files


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        ("food: monday", "food: mondy", "food: mondy", "rounds/monday/food: 'mondy' is not one of"),
        (
            "{day: monday, every_weeks: 2, anchor: 2025-01-06}",
            "{day: monday, every_weeks: 2}",
            "every_weeks: 2}",
            "rounds/monday/general: missing required key: 'anchor'",
        ),
        (
            "anchor: 2025-01-06",
            "anchor: 2025-01-07",
            "2025-01-07",
            "the anchor 2025-01-07 is a tuesday, not a monday",
        ),
        ("AA1 1AA: monday", "AA1 1AA: mondya", "mondya", "no round 'mondya' under rounds:"),
        ("    food: wednesday", "    compost: wednesday", "compost", "no bin 'compost' under bins:"),
        ("round: friday}", "rund: friday}", "rund", "unknown key 'rund'"),
        ("AA1 3: thursday", "aa1 3: thursday", "aa1 3", "does not match"),
        ("2025-12-25: 2025-12-27", "2025-12-25: 2025-12-32", "2025-12-32", "day is out of range for month"),
    ],
)
def test_a_broken_rounds_file_reports_the_line(
    tmp_path: Path, old: str, new: str, needle: str, expected: str
) -> None:
    assert old in ROUNDS_YAML
    broken = ROUNDS_YAML.replace(old, new, 1)
    with pytest.raises(BinsSettingsError) as caught:
        schedule(tmp_path, broken)
    problems = caught.value.problems
    assert {problem.location.line for problem in problems} == {line_of(broken, needle)}, problems
    assert expected in str(caught.value)
    assert f"bins.yaml:{line_of(broken, needle)}:" in str(caught.value)


def test_a_missing_rounds_file_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(BinsSettingsError, match="cannot read the bin rounds file"):
        from_settings({"kind": "schedule", "file": "rounds.yaml"}, tmp_path, nation="england")


def test_unknown_kinds_and_nations_are_settings_errors(tmp_path: Path) -> None:
    with pytest.raises(BinsSettingsError, match="unknown bins provider kind 'carrier_pigeon'"):
        from_settings({"kind": "carrier_pigeon"}, tmp_path, nation="england")
    with pytest.raises(BinsSettingsError, match="unknown nation"):
        from_settings({"kind": "schedule"}, tmp_path, nation="atlantis")


# ---------------------------------------------------------------------------------------------------
# A council's bin-day API (the UKBinCollectionData output shape), served by a real local server


BINS_ANSWER = {
    "bins": [
        {"type": "Empty Standard Mixed Recycling", "collectionDate": "29/07/2022"},
        {"type": "Empty Standard Garden Waste", "collectionDate": "29/07/2022"},
        {"type": "Empty Standard General Waste", "collectionDate": "05/08/2022"},
        {"type": "Empty Standard Mixed Recycling", "collectionDate": "12/08/2022"},
        {"type": "Empty Standard General Waste", "collectionDate": "22/07/2022"},
    ]
}
TODAY = date(2022, 7, 25)


def api_provider(httpserver: HTTPServer, **settings: object) -> HttpJsonProvider:
    block = {"kind": "http_json", "url_template": httpserver.url_for("/api/bins") + "?postcode={postcode}"}
    provider = from_settings({**block, **settings}, Path("."), nation="england")
    assert isinstance(provider, HttpJsonProvider)
    return provider


def test_the_common_bins_shape_is_read(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/bins", query_string={"postcode": "AA1 1AA"}).respond_with_json(
        BINS_ANSWER
    )
    result = api_provider(httpserver).collections("aa1 1aa", Deadline.after(2), today=TODAY)
    assert [(c.text("en"), c.bin_type, c.dates) for c in result.bins] == [
        ("Empty Standard Mixed Recycling", BinType.RECYCLING, (date(2022, 7, 29), date(2022, 8, 12))),
        ("Empty Standard Garden Waste", BinType.GARDEN_WASTE, (date(2022, 7, 29),)),
        ("Empty Standard General Waste", BinType.GENERAL_WASTE, (date(2022, 8, 5),)),  # 22/07 is past
    ]


def test_field_names_date_format_and_bin_names_are_settings(httpserver: HTTPServer) -> None:
    answer = {
        "collections": [
            {"service": "Black bin", "date": "2022-07-26"},
            {"service": "Blue box", "date": "2022-07-27"},
        ]
    }
    httpserver.expect_request("/api/bins").respond_with_json(answer)
    provider = api_provider(
        httpserver,
        bins_field="collections",
        type_field="service",
        date_field="date",
        date_format="%Y-%m-%d",
        bin_types={"Black bin": "general_waste", "Blue box": "recycling"},
    )
    result = provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)
    assert [(c.bin_type, c.next) for c in result.bins] == [
        (BinType.GENERAL_WASTE, date(2022, 7, 26)),
        (BinType.RECYCLING, date(2022, 7, 27)),
    ]


def test_a_second_lookup_is_answered_from_the_cache(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/bins").respond_with_json(BINS_ANSWER)
    provider = api_provider(httpserver)
    first = provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)
    second = provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)
    assert first == second
    assert len(httpserver.log) == 1
    provider.collections("AA1 2AB", Deadline.after(2), today=TODAY)  # another postcode is another request
    assert len(httpserver.log) == 2


def test_failures_are_not_cached(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/api/bins").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/api/bins").respond_with_json(BINS_ANSWER)
    provider = api_provider(httpserver)
    with pytest.raises(BackendUnavailable):
        provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)
    assert provider.collections("AA1 1AA", Deadline.after(2), today=TODAY).bins


@pytest.fixture
def release() -> Iterator[threading.Event]:
    """Lets a deliberately slow handler finish as soon as the test is done with it."""
    event = threading.Event()
    yield event
    event.set()


def test_a_slow_api_gives_up_within_the_deadline(httpserver: HTTPServer, release: threading.Event) -> None:
    def slow(request: Request) -> Response:
        release.wait(5)
        return Response(json.dumps(BINS_ANSWER), content_type="application/json")

    httpserver.expect_request("/api/bins").respond_with_handler(slow)
    deadline = Deadline.after(1.0)
    started = time.monotonic()
    with pytest.raises(BackendUnavailable):
        api_provider(httpserver).collections("AA1 1AA", deadline, today=TODAY)
    assert time.monotonic() - started < 1.0 + 0.5


def test_connection_refused_is_unavailable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = HttpJsonProvider(f"http://127.0.0.1:{port}/api/bins?postcode={{postcode}}")
    with pytest.raises(BackendUnavailable):
        provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)


@pytest.mark.parametrize("status", [500, 502, 503])
def test_server_errors_are_unavailable(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/api/bins").respond_with_data("<h1>Server Error</h1>", status=status)
    with pytest.raises(BackendUnavailable):
        api_provider(httpserver).collections("AA1 1AA", Deadline.after(2), today=TODAY)


def test_an_unknown_postcode_is_not_served_and_other_4xx_stay_http_errors(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/bins", query_string={"postcode": "AA9 9ZZ"}).respond_with_json(
        {"error": "No properties found"}, status=404
    )
    httpserver.expect_request("/api/bins", query_string={"postcode": "AA1 1AA"}).respond_with_json(
        {"error": "Rate limit"}, status=429
    )
    provider = api_provider(httpserver)
    with pytest.raises(PostcodeNotServed):
        provider.collections("AA9 9ZZ", Deadline.after(2), today=TODAY)
    with pytest.raises(BackendHTTPError) as caught:
        provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)
    assert caught.value.status == 429


@pytest.mark.parametrize(
    "body",
    [
        "<html><body>Bin collections</body></html>",  # garbage: a web page
        json.dumps({"bins": "none"}),
        json.dumps([{"type": "Refuse", "collectionDate": "29/07/2022"}]),
        json.dumps({"bins": [{"type": "Refuse"}]}),
        json.dumps({"bins": [{"collectionDate": "29/07/2022"}]}),
        json.dumps({"bins": [{"type": "Refuse", "collectionDate": "2022-07-29"}]}),  # not dd/mm/yyyy
        json.dumps({"bins": [{"type": "Refuse", "collectionDate": "31/02/2022"}]}),
        json.dumps({"bins": ["Refuse 29/07/2022"]}),
    ],
)
def test_answers_off_the_documented_shape_are_invalid(httpserver: HTTPServer, body: str) -> None:
    httpserver.expect_request("/api/bins").respond_with_data(body, content_type="application/json")
    with pytest.raises(BackendInvalidResponse):
        api_provider(httpserver).collections("AA1 1AA", Deadline.after(2), today=TODAY)


def test_an_api_that_needs_an_address_offers_the_picker(httpserver: HTTPServer) -> None:
    addresses = {
        "addresses": [
            {"uprn": "100001", "address": "1 High Street"},
            {"uprn": 100002, "address": "2 High Street"},
        ]
    }
    httpserver.expect_request("/api/addresses", query_string={"postcode": "AA1 1AA"}).respond_with_json(
        addresses
    )
    httpserver.expect_request("/api/bins", query_string={"uprn": "100002"}).respond_with_json(BINS_ANSWER)
    provider = api_provider(
        httpserver,
        url_template=httpserver.url_for("/api/bins") + "?uprn={address_id}",
        addresses_url_template=httpserver.url_for("/api/addresses") + "?postcode={postcode}",
    )
    offered = provider.addresses("AA1 1AA", Deadline.after(2))
    assert [(a.id, a.text("cy")) for a in offered] == [
        ("100001", "1 High Street"),
        ("100002", "2 High Street"),
    ]
    with pytest.raises(AddressRequired):
        provider.collections("AA1 1AA", Deadline.after(2), today=TODAY)
    with pytest.raises(UnknownAddress):
        provider.collections("AA1 1AA", Deadline.after(2), address_id="999", today=TODAY)
    result = provider.collections("AA1 1AA", Deadline.after(2), address_id="100002", today=TODAY)
    assert result.address == offered[1] and result.bins
    assert len(httpserver.log) == 2  # the address list was fetched once and cached


def test_the_api_key_comes_from_the_environment(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DEMO_BINS_KEY", "k-123")
    httpserver.expect_request("/api/bins", headers={"X-Api-Key": "k-123"}).respond_with_json(BINS_ANSWER)
    provider = api_provider(httpserver, api_key_env="DEMO_BINS_KEY", api_key_header="X-Api-Key")
    assert provider.collections("AA1 1AA", Deadline.after(2), today=TODAY).bins
    monkeypatch.delenv("DEMO_BINS_KEY")
    with pytest.raises(BinsSettingsError, match="DEMO_BINS_KEY is not set"):
        api_provider(httpserver, api_key_env="DEMO_BINS_KEY")


def test_templates_with_unknown_placeholders_are_refused(httpserver: HTTPServer) -> None:
    with pytest.raises(BinsSettingsError, match="only"):
        api_provider(httpserver, url_template="https://bins.example/api?uprn={uprn}")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Empty Standard General Waste", BinType.GENERAL_WASTE),
        ("Refuse Collection", BinType.GENERAL_WASTE),
        ("Mixed recycling (glass, cans and plastics)", BinType.RECYCLING),
        ("Glass recycling box", BinType.GLASS),
        ("Food waste caddy", BinType.FOOD_WASTE),
        ("Garden Waste Subscription", BinType.GARDEN_WASTE),
        ("Food and garden waste", None),  # two streams in one bin: not guessed
        ("Purple bin", None),
    ],
)
def test_bin_names_map_to_bin_types_only_when_clear(name: str, expected: BinType | None) -> None:
    assert guess_bin_type(name) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("aa11aa", "AA1 1AA"),
        (" AA1  1AA ", "AA1 1AA"),
        ("ec1a1bb", "EC1A 1BB"),
        ("AA1", None),
        ("hello", None),
    ],
)
def test_normalise_postcode(text: str, expected: str | None) -> None:
    assert normalise_postcode(text) == expected


# ---------------------------------------------------------------------------------------------------
# The missed-collection window (England and Wales bank holidays)


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def test_too_early_before_the_end_of_the_collection_day() -> None:
    window = missed_collection_window(date(2025, 6, 10), at(2025, 6, 10, 14, 0), ENGLAND_AND_WALES)
    assert window.verdict is MissedReportVerdict.TOO_EARLY and not window.accepted
    assert window.opens_at == at(2025, 6, 10, 17, 0)


def test_accepted_from_the_end_of_the_collection_day() -> None:
    window = missed_collection_window(date(2025, 6, 10), at(2025, 6, 10, 17, 0), ENGLAND_AND_WALES)
    assert window.accepted


def test_a_future_collection_is_too_early() -> None:
    window = missed_collection_window(date(2025, 6, 12), at(2025, 6, 10, 18, 0), ENGLAND_AND_WALES)
    assert window.verdict is MissedReportVerdict.TOO_EARLY


def test_two_working_days_skip_the_weekend() -> None:
    thursday = date(2025, 6, 12)  # working days after: Friday 13, Monday 16
    assert missed_collection_window(thursday, at(2025, 6, 15, 12, 0), ENGLAND_AND_WALES).accepted
    last_evening = missed_collection_window(thursday, at(2025, 6, 16, 23, 59), ENGLAND_AND_WALES)
    assert last_evening.accepted and last_evening.last_day == date(2025, 6, 16)
    late = missed_collection_window(thursday, at(2025, 6, 17, 0, 0), ENGLAND_AND_WALES)
    assert late.verdict is MissedReportVerdict.TOO_LATE
    assert late.closes_at == at(2025, 6, 17, 0, 0)


def test_two_working_days_skip_a_bank_holiday_monday() -> None:
    friday = date(2025, 5, 23)  # then the weekend and Spring bank holiday: Tuesday 27, Wednesday 28
    window = missed_collection_window(friday, at(2025, 5, 28, 16, 0), ENGLAND_AND_WALES)
    assert window.accepted and window.last_day == date(2025, 5, 28)
    assert missed_collection_window(friday, at(2025, 5, 29, 9, 0), ENGLAND_AND_WALES).verdict is (
        MissedReportVerdict.TOO_LATE
    )


def test_christmas_stretches_the_window() -> None:
    christmas_eve = date(2024, 12, 24)  # 25, 26 holidays, then the weekend: Friday 27, Monday 30
    window = missed_collection_window(christmas_eve, at(2024, 12, 30, 12, 0), ENGLAND_AND_WALES)
    assert window.accepted and window.last_day == date(2024, 12, 30)


def test_a_council_that_takes_reports_from_the_next_morning() -> None:
    rules = MissedReportRules.from_settings({"opens_at": "07:00", "opens_days_after": 1, "working_days": 3})
    window = missed_collection_window(date(2025, 6, 10), at(2025, 6, 10, 20, 0), ENGLAND_AND_WALES, rules)
    assert window.verdict is MissedReportVerdict.TOO_EARLY
    assert window.opens_at == at(2025, 6, 11, 7, 0)
    assert window.last_day == date(2025, 6, 13)


def test_the_window_is_in_uk_time() -> None:
    # 16:30 UTC on a June day is 17:30 in London: the crews have finished.
    window = missed_collection_window(
        date(2025, 6, 10), datetime(2025, 6, 10, 16, 30, tzinfo=UTC), ENGLAND_AND_WALES
    )
    assert window.accepted


def test_the_providers_carry_the_councils_window(tmp_path: Path) -> None:
    provider = schedule(tmp_path, missed_reports={"opens_at": "19:00"})
    assert provider.missed_rules.opens_at == clock(19, 0)
    with pytest.raises(BinsSettingsError):
        schedule(tmp_path, missed_reports={"working_days": 0})
