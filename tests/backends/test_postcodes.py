"""postcodes.py against a local postcodes.io: the shapes of its lookups and of its two kinds of 404."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import DEADLINE_SECONDS, FAILURES, SLACK_SECONDS, arrange_failure
from webhook.backends.base import BackendUnavailable
from webhook.backends.cache import TTLCache
from webhook.backends.postcodes import (
    AdminArea,
    InvalidPostcode,
    PostcodeArea,
    PostcodesClient,
    UnknownPostcode,
    council_for,
    from_settings,
    is_in_area,
    normalise_postcode,
)
from webhook.deadline import Deadline
from webhook.library.model import Council
from webhook.library.yaml_loader import Document


def postcodes_io_result(
    postcode: str,
    *,
    country: str,
    district: tuple[str, str],
    county: tuple[str | None, str | None],
    ward: tuple[str, str],
    latitude: float | None,
    longitude: float | None,
) -> dict[str, Any]:
    """A 200 answer of GET /postcodes/<postcode>, with every field postcodes.io documents."""
    outcode, incode = postcode.split()
    no_code = f"{district[1][0]}99999999"
    return {
        "status": 200,
        "result": {
            "postcode": postcode,
            "quality": 1,
            "eastings": 551626,
            "northings": 170342,
            "country": country,
            "nhs_ha": "South East Coast",
            "longitude": longitude,
            "latitude": latitude,
            "european_electoral_region": "South East",
            "primary_care_trust": "West Kent",
            "region": "South East",
            "lsoa": f"{district[0]} 001A",
            "msoa": f"{district[0]} 001",
            "incode": incode,
            "outcode": outcode,
            "parliamentary_constituency": district[0],
            "parliamentary_constituency_2024": district[0],
            "admin_district": district[0],
            "parish": None,
            "admin_county": county[0],
            "date_of_introduction": "198001",
            "admin_ward": ward[0],
            "ced": None,
            "ccg": "NHS Kent and Medway",
            "nuts": district[0],
            "pfa": "Kent",
            "nhs_region": "South East",
            "ttwa": "London",
            "national_park": None,
            "bua": None,
            "icb": "NHS Kent and Medway Integrated Care Board",
            "cancer_alliance": "Kent and Medway",
            "lsoa11": f"{district[0]} 001A",
            "msoa11": f"{district[0]} 001",
            "lsoa21": f"{district[0]} 001A",
            "msoa21": f"{district[0]} 001",
            "oa21": "E00169393",
            "ruc11": "(England/Wales) Urban city and town",
            "ruc21": "Urban: Nearer to a major town or city",
            "lep1": "South East",
            "lep2": None,
            "codes": {
                "admin_district": district[1],
                "admin_county": county[1],
                "admin_ward": ward[1],
                "parish": no_code,
                "parliamentary_constituency": "E14001465",
                "parliamentary_constituency_2024": "E14001465",
                "ccg": "E38000237",
                "ccg_id": "91Q",
                "ced": no_code,
                "nuts": "TLJ46",
                "lsoa": "E01024445",
                "msoa": "E02005087",
                "lau2": district[1],
                "pfa": "E23000032",
                "nhs_region": "E40000005",
                "ttwa": "E30000234",
                "national_park": no_code,
                "bua": no_code,
                "icb": "E54000032",
                "cancer_alliance": "E56000007",
                "lsoa11": "E01024445",
                "msoa11": "E02005087",
                "lsoa21": "E01024445",
                "msoa21": "E02005087",
                "oa21": "E00169393",
                "ruc11": "C1",
                "ruc21": "UN1",
                "lep1": "E37000025",
                "lep2": None,
            },
        },
    }


TWO_TIER = postcodes_io_result(
    "BR8 7RE",
    country="England",
    district=("Sevenoaks", "E07000111"),
    county=("Kent", "E10000016"),
    ward=("Hextable", "E05009960"),
    latitude=51.411831,
    longitude=0.178871,
)
LONDON_BOROUGH = postcodes_io_result(
    "SE1P 5ZZ",
    country="England",
    district=("Southwark", "E09000028"),
    county=(None, "E99999999"),
    ward=("London Bridge & West Bermondsey", "E05011104"),
    latitude=51.492763,
    longitude=-0.080126,
)
SCOTTISH_UNITARY = postcodes_io_result(
    "AB10 1AB",
    country="Scotland",
    district=("Aberdeen City", "S12000033"),
    county=(None, "S99999999"),
    ward=("George St/Harbour", "S13002842"),
    latitude=57.14959,
    longitude=-2.096923,
)
INVALID = {"status": 404, "error": "Invalid postcode"}
NOT_FOUND = {"status": 404, "error": "Postcode not found"}
TERMINATED = {
    "status": 404,
    "error": "Postcode not found",
    "terminated": {
        "postcode": "AB1 0AA",
        "year_terminated": 1996,
        "month_terminated": 6,
        "longitude": -2.242851,
        "latitude": 57.101474,
    },
}


@pytest.fixture
def client(httpserver: HTTPServer) -> PostcodesClient:
    """A client of the local server with a cache of its own, so tests do not share answers."""
    return PostcodesClient(httpserver.url_for("/"), cache=TTLCache(ttl_seconds=60))


def deadline() -> Deadline:
    return Deadline.after(DEADLINE_SECONDS)


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("  BR8   7re ", "BR8 7RE"),
        ("M1 1AE", "M1 1AE"),
        ("b338th", "B33 8TH"),
        ("DN55 1PT", "DN55 1PT"),
        ("ec1a\t1bb", "EC1A 1BB"),
        ("AA1 1AA", "AA1 1AA"),
        ("gir 0aa", "GIR 0AA"),
    ],
)
def test_postcodes_are_normalised_whatever_the_case_and_spacing(typed: str, normalised: str) -> None:
    assert normalise_postcode(typed) == normalised


@pytest.mark.parametrize(
    "typed", ["", "hello", "SW1A", "SW1A 1AAA", "12345", "BR8 7R1", "BR8-7RE", "1AA AA1", "ZZZ9 9ZZ"]
)
def test_text_not_shaped_like_a_postcode_is_refused(typed: str) -> None:
    assert normalise_postcode(typed) is None


def test_a_two_tier_postcode_gives_district_county_and_ward(
    httpserver: HTTPServer, client: PostcodesClient
) -> None:
    httpserver.expect_request("/postcodes/BR87RE").respond_with_json(TWO_TIER)

    area = client.lookup("br8 7re", deadline())

    assert area == PostcodeArea(
        postcode="BR8 7RE",
        country="England",
        district=AdminArea("Sevenoaks", "E07000111"),
        county=AdminArea("Kent", "E10000016"),
        ward=AdminArea("Hextable", "E05009960"),
        latitude=51.411831,
        longitude=0.178871,
    )
    httpserver.check_assertions()


@pytest.mark.parametrize(
    ("body", "path", "district_code"),
    [
        (LONDON_BOROUGH, "/postcodes/SE1P5ZZ", "E09000028"),
        (SCOTTISH_UNITARY, "/postcodes/AB101AB", "S12000033"),
    ],
)
def test_a_placeholder_county_code_means_no_county(
    httpserver: HTTPServer, client: PostcodesClient, body: dict[str, Any], path: str, district_code: str
) -> None:
    httpserver.expect_request(path).respond_with_json(body)

    area = client.lookup(body["result"]["postcode"], deadline())

    assert area.county is None
    assert area.district.gss_code == district_code


def test_a_postcode_with_no_coordinates_still_gives_its_councils(
    httpserver: HTTPServer, client: PostcodesClient
) -> None:
    body = postcodes_io_result(
        "BR8 7RE",
        country="England",
        district=("Sevenoaks", "E07000111"),
        county=("Kent", "E10000016"),
        ward=("Hextable", "E05009960"),
        latitude=None,
        longitude=None,
    )
    httpserver.expect_request("/postcodes/BR87RE").respond_with_json(body)

    area = client.lookup("BR8 7RE", deadline())

    assert (area.latitude, area.longitude) == (None, None)
    assert area.district.name == "Sevenoaks"


def test_postcodes_io_invalid_postcode_is_an_invalid_postcode(
    httpserver: HTTPServer, client: PostcodesClient
) -> None:
    httpserver.expect_request("/postcodes/QQ11QQ").respond_with_json(INVALID, status=404)

    with pytest.raises(InvalidPostcode) as raised:
        client.lookup("QQ1 1QQ", deadline())

    assert raised.value.postcode == "QQ1 1QQ"


def test_text_not_shaped_like_a_postcode_is_refused_without_a_call(
    httpserver: HTTPServer, client: PostcodesClient
) -> None:
    with pytest.raises(InvalidPostcode):
        client.lookup("my house", deadline())

    assert httpserver.log == []


def test_a_postcode_never_issued_is_unknown_not_invalid(
    httpserver: HTTPServer, client: PostcodesClient
) -> None:
    httpserver.expect_request("/postcodes/AA11AA").respond_with_json(NOT_FOUND, status=404)

    with pytest.raises(UnknownPostcode) as raised:
        client.lookup("AA1 1AA", deadline())

    assert raised.value.terminated is None


def test_a_terminated_postcode_says_when_it_was_withdrawn(
    httpserver: HTTPServer, client: PostcodesClient
) -> None:
    httpserver.expect_request("/postcodes/AB10AA").respond_with_json(TERMINATED, status=404)

    with pytest.raises(UnknownPostcode) as raised:
        client.lookup("AB1 0AA", deadline())

    terminated = raised.value.terminated
    assert terminated is not None
    assert (terminated.postcode, terminated.year, terminated.month) == ("AB1 0AA", 1996, 6)


def test_lookups_are_cached_whatever_the_spelling(httpserver: HTTPServer, client: PostcodesClient) -> None:
    httpserver.expect_request("/postcodes/BR87RE").respond_with_json(TWO_TIER)

    first = client.lookup("BR8 7RE", deadline())
    second = client.lookup("br87re", deadline())

    assert first == second
    assert len(httpserver.log) == 1


def test_a_failed_lookup_is_not_cached(httpserver: HTTPServer, client: PostcodesClient) -> None:
    httpserver.expect_ordered_request("/postcodes/BR87RE").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/postcodes/BR87RE").respond_with_json(TWO_TIER)

    with pytest.raises(BackendUnavailable):
        client.lookup("BR8 7RE", deadline())
    area = client.lookup("BR8 7RE", deadline())

    assert area.district.gss_code == "E07000111"


@pytest.mark.parametrize("valid", [True, False])
def test_validate_asks_postcodes_io(httpserver: HTTPServer, client: PostcodesClient, valid: bool) -> None:
    httpserver.expect_request("/postcodes/BR87RE/validate").respond_with_json(
        {"status": 200, "result": valid}
    )

    assert client.validate("BR8 7RE", deadline()) is valid


def test_validate_refuses_nonsense_without_a_call(httpserver: HTTPServer, client: PostcodesClient) -> None:
    assert client.validate("not a postcode", deadline()) is False
    assert httpserver.log == []


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_is_a_backend_error_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, failure: str
) -> None:
    base_url, expected = arrange_failure(httpserver, request, failure, "/postcodes/BR87RE")
    client = PostcodesClient(base_url, cache=TTLCache(ttl_seconds=60))
    turn = deadline()

    with pytest.raises(expected):
        client.lookup("BR8 7RE", turn)

    assert turn.elapsed() < DEADLINE_SECONDS + SLACK_SECONDS


def test_from_settings_uses_the_configured_base_url() -> None:
    assert from_settings({"kind": "postcodes_io", "base_url": "http://127.0.0.1:9/pc/"}).base_url == (
        "http://127.0.0.1:9/pc"
    )
    assert from_settings({"kind": "postcodes_io"}).base_url == "https://api.postcodes.io"


def council(slug: str, gss_code: str, tier: str) -> Council:
    return Council(
        slug=slug,
        name=slug.title(),
        gss_code=gss_code,
        tier=tier,
        nation="england",
        languages=("en",),
        contact={},
        document=Document(path=Path(f"councils/{slug}/council.yaml"), data={}),
    )


SEVENOAKS = council("sevenoaks", "E07000111", "district")
KENT = council("kent", "E10000016", "county")
SOUTHWARK = council("southwark", "E09000028", "unitary")
COUNCILS = (SEVENOAKS, KENT, SOUTHWARK)
BR8 = PostcodeArea(
    "BR8 7RE",
    "England",
    AdminArea("Sevenoaks", "E07000111"),
    AdminArea("Kent", "E10000016"),
    None,
    None,
    None,
)
SE1P = PostcodeArea("SE1P 5ZZ", "England", AdminArea("Southwark", "E09000028"), None, None, None, None)


@pytest.mark.parametrize(
    ("area", "tier", "expected"),
    [
        (BR8, "district", SEVENOAKS),
        (BR8, "county", KENT),
        (BR8, "any", SEVENOAKS),
        (SE1P, "district", SOUTHWARK),
        (SE1P, "county", SOUTHWARK),  # a London borough provides county services itself
    ],
)
def test_council_for_finds_the_council_providing_the_tier(
    area: PostcodeArea, tier: str, expected: Council
) -> None:
    assert council_for(area, COUNCILS, tier) == expected


def test_council_for_is_none_when_that_council_has_no_overlay() -> None:
    assert council_for(BR8, (SOUTHWARK,), "county") is None


def test_is_in_area_knows_a_district_and_its_county_cover_a_postcode() -> None:
    assert is_in_area(BR8, SEVENOAKS)
    assert is_in_area(BR8, KENT)
    assert not is_in_area(BR8, SOUTHWARK)
