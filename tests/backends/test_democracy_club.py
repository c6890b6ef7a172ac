"""democracy_club.py against a local server answering like the Democracy Club API and its sandbox."""

from __future__ import annotations

import datetime as dt
import traceback
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import (
    DEADLINE_SECONDS,
    FAILURES,
    SLACK_SECONDS,
    arrange_failure,
    refused_base_url,
)
from webhook.backends.base import BackendHTTPError, BackendUnavailable
from webhook.backends.cache import TTLCache
from webhook.backends.democracy_club import (
    DemocracyClubClient,
    Outcome,
    PostcodeNotRecognised,
    UnknownAddress,
    from_settings,
)
from webhook.deadline import Deadline

KEY_ENV = "TEST_DEMOCRACY_CLUB_KEY"
KEY = "dc-test-key-0123456789"

WESTMINSTER = {
    "council_id": "WSM",
    "name": "City of Westminster",
    "nation": "England",
    "email": "electoralservices@westminster.gov.uk",
    "phone": "020 7641 2730",
    "website": "http://www.westminster.gov.uk/",
    "postcode": "WC2N 5HR",
    "address": "Electoral Registration Officer\nWestminster City Council\n2nd Floor, City Hall\n5 Strand",
    "identifiers": ["E09000033"],
}
EDINBURGH = {
    "council_id": "EDH",
    "name": "City of Edinburgh Council",
    "nation": "Scotland",
    "email": "elections@edinburgh.gov.uk",
    "phone": "0131 200 2315",
    "website": "https://www.edinburgh.gov.uk/info/20033/elections_and_voting",
    "postcode": "EH1 1YJ",
    "address": "City Chambers\r\nHigh Street\r\nEdinburgh",
    "identifiers": ["S12000036"],
}
LOTHIAN_REGISTRATION = {
    "phone": "0131 200 2315",
    "email": "enquiries@lothian-vjb.gov.uk",
    "address": (
        "Electoral Registration Officer\nLothian Valuation Joint Board\n17A South Gyle Crescent\nEDINBURGH"
    ),
    "postcode": "EH12 9FL",
    "website": "http://www.lothian-vjb.gov.uk/",
}
EONI = {
    "council_id": "LBC",
    "name": "The Electoral Office for Northern Ireland",
    "nation": "Northern Ireland",
    "email": "info@eoni.org.uk",
    "phone": "02890 446680",
    "website": "http://www.eoni.org.uk/",
    "postcode": "BT1 1ER",
    "address": "The Electoral Office Headquarters\nSt Anne's House\n15 Church Street\nBelfast",
    "identifiers": ["N09000007"],
}


def registration_of(office: dict[str, Any]) -> dict[str, Any]:
    """The `registration` block: the office's contacts without its name and ids (as in England)."""
    return {key: office[key] for key in ("email", "phone", "website", "postcode", "address")}


def station(address: str, postcode: str, longitude: float, latitude: float) -> dict[str, Any]:
    return {
        "id": "E09000033.39-york-room-lancaster-hall-hotel",
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": {"postcode": postcode, "address": address},
    }


def ballot(
    ballot_paper_id: str,
    title: str,
    *,
    cancelled: bool = False,
    reason: str | None = None,
    replaced_by: str | None = None,
    voter_id: str = "EA-2022",
) -> dict[str, Any]:
    poll_date = ballot_paper_id.rsplit(".", 1)[-1]
    return {
        "ballot_paper_id": ballot_paper_id,
        "ballot_title": title,
        "ballot_url": f"https://developers.democracyclub.org.uk/api/v1/elections/{ballot_paper_id}/",
        "poll_open_date": poll_date,
        "elected_role": "Local Councillor",
        "metadata": None,
        "cancelled": cancelled,
        "cancellation_reason": reason,
        "replaced_by": replaced_by,
        "replaces": None,
        "requires_voter_id": voter_id,
        "timetable": {
            "notice_of_election_deadline": "2018-10-18",
            "close_of_nominations": "2018-10-26",
            "sopn_publish_deadline": "2018-10-29",
            "registration_deadline": "2018-11-06",
            "postal_vote_application_deadline": "2018-11-07",
            "vac_application_deadline": "2018-11-14",
        },
        "election_id": ballot_paper_id.rsplit(".", 2)[0] + "." + poll_date,
        "election_name": title,
        "post_name": "Lancaster Gate",
        "postal_voting_requirements": None,
        "candidates_verified": True,
        "by_election_reason": "",
        "voting_system": {"slug": "FPTP", "name": "First-past-the-post", "uses_party_lists": False},
        "hustings": [],
        "seats_contested": 1,
        "candidates": [
            {
                "list_position": None,
                "party": {"party_id": "party:63", "party_name": "Green Party"},
                "previous_party_affiliations": None,
                "person": {
                    "ynr_id": 7505,
                    "name": "A Candidate",
                    "absolute_url": "https://whocanivotefor.co.uk/person/7505/a-candidate",
                    "email": None,
                    "photo_url": None,
                    "leaflets": None,
                },
            }
        ],
        "wcivf_url": "https://whocanivotefor.co.uk/elections/local.westminster.2018-11-22/",
    }


def poll_date(
    date: str,
    ballots: list[dict[str, Any]],
    *,
    polling_station: dict[str, Any] | None = None,
    notifications: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "date": date,
        "polling_station": {
            "polling_station_known": polling_station is not None,
            "custom_finder": None,
            "report_problem_url": (
                "https://wheredoivote.co.uk/report_problem/?source=testing" if polling_station else None
            ),
            "station": polling_station,
        },
        "advance_voting_station": None,
        "notifications": notifications or [],
        "ballots": ballots,
    }


def answer(
    postcode: str,
    dates: list[dict[str, Any]],
    *,
    addresses: list[dict[str, Any]] | None = None,
    electoral_services: dict[str, Any] = WESTMINSTER,
    registration: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A 200 answer of /api/v1/postcode/<pc>/ or /api/v1/address/<slug>/."""
    return {
        "address_picker": bool(addresses),
        "addresses": addresses or [],
        "dates": dates,
        "electoral_services": electoral_services,
        "registration": registration or registration_of(electoral_services),
        "postcode_location": {
            "type": "Feature",
            "properties": {"postcode": postcode},
            "geometry": {"type": "Point", "coordinates": [-0.1804843, 51.5113775]},
        },
    }


BY_ELECTION = ballot(
    "local.westminster.lancaster-gate.by.2018-11-22", "Westminster local election Lancaster Gate"
)
YORK_ROOM = station(
    "York Room, Lancaster Hall Hotel\n35 Craven Terrace\nLondon", "W2 3EL", -0.1785134375, 51.512779025
)
STATION_KNOWN = answer("AA1 2AA", [poll_date("2018-11-22", [BY_ELECTION], polling_station=YORK_ROOM)])
STATION_UNKNOWN = answer("AA1 2AB", [poll_date("2018-11-22", [BY_ELECTION])])
NO_ELECTION = answer("AA1 1AA", [])
ADDRESS_PICKER = answer(
    "AA1 3AA",
    [],
    addresses=[
        {
            "address": f"{number} Leinster Gardens, London",
            "postcode": "AA13AA",
            "slug": slug,
            "url": f"https://developers.democracyclub.org.uk/api/v1/address/{slug}/",
        }
        for number, slug in (("42", "10035187881"), ("19A", "10035187882"), ("22", "10035187883"))
    ],
)
MAYOR = ballot("mayor.lewisham.2018-05-03", "Mayor of Lewisham")
BLACKHEATH_CANCELLED = ballot(
    "local.lewisham.blackheath.2018-05-03",
    "Lewisham local election Blackheath",
    cancelled=True,
    reason="UNDER_CONTESTED",
    replaced_by="local.lewisham.blackheath.2018-05-10",
)
PARTLY_CANCELLED = answer(
    "AA1 4AA",
    [
        poll_date("2018-05-03", [MAYOR, BLACKHEATH_CANCELLED]),
        poll_date("2018-05-10", [ballot("local.lewisham.blackheath.2018-05-10", "Lewisham Blackheath")]),
    ],
)
ALL_CANCELLED = answer(
    "AB1 2CD",
    [
        poll_date(
            "2018-05-03",
            [
                ballot(
                    "mayor.lewisham.2018-05-03", "Mayor of Lewisham", cancelled=True, reason="NO_CANDIDATES"
                )
            ],
            notifications=[
                {
                    "type": "cancelled_election",
                    "title": "Cancelled Election",
                    "url": None,
                    "detail": "The poll for this election will not take place",
                }
            ],
        )
    ],
)
SCOTLAND = answer("EH1 1YJ", [], electoral_services=EDINBURGH, registration=LOTHIAN_REGISTRATION)
NORTHERN_IRELAND = answer(
    "AA1 5AA",
    [
        poll_date(
            "2018-05-03",
            [ballot("parl.west-tyrone.by.2018-05-03", "West Tyrone by-election", voter_id="EFA-2002")],
            notifications=[
                {
                    "type": "voter_id",
                    "url": "http://www.eoni.org.uk/Vote/Voting-at-a-polling-place",
                    "title": "You need to show photographic ID to vote in this election",
                    "detail": "Voters in Northern Ireland are required to show one form of photo ID.",
                }
            ],
        )
    ],
    electoral_services=EONI,
)


@pytest.fixture
def client(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> DemocracyClubClient:
    monkeypatch.setenv(KEY_ENV, KEY)
    return DemocracyClubClient(httpserver.url_for("/"), api_key_env=KEY_ENV, cache=TTLCache(ttl_seconds=60))


def serve(httpserver: HTTPServer, path: str, body: Any, status: int = 200) -> None:
    httpserver.expect_request(path, query_string={"auth_token": KEY}).respond_with_json(body, status=status)


def deadline() -> Deadline:
    return Deadline.after(DEADLINE_SECONDS)


def test_a_known_station_gives_its_address_and_place(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/AA12AA/", STATION_KNOWN)

    information = client.postcode("aa1 2aa", deadline())

    assert information.outcome is Outcome.STATION_KNOWN
    poll = information.next_poll
    assert poll is not None and poll.station is not None
    assert poll.date == dt.date(2018, 11, 22)
    assert poll.station.address == "York Room, Lancaster Hall Hotel\n35 Craven Terrace\nLondon"
    assert poll.station.postcode == "W2 3EL"
    assert (poll.station.latitude, poll.station.longitude) == (51.512779025, -0.1785134375)
    assert [b.title for b in poll.ballots] == ["Westminster local election Lancaster Gate"]
    httpserver.check_assertions()


def test_an_unknown_station_gives_electoral_services_contacts(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/AA12AB/", STATION_UNKNOWN)

    information = client.postcode("AA1 2AB", deadline())

    assert information.outcome is Outcome.STATION_UNKNOWN
    assert information.electoral_services is not None
    assert information.electoral_services.name == "City of Westminster"
    assert information.electoral_services.phone == "020 7641 2730"
    assert information.electoral_services.email == "electoralservices@westminster.gov.uk"


def test_a_postcode_with_several_stations_offers_addresses_then_looks_one_up(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/AA13AA/", ADDRESS_PICKER)
    serve(httpserver, "/api/v1/address/10035187882/", STATION_KNOWN)

    picker = client.postcode("AA1 3AA", deadline())
    assert picker.outcome is Outcome.ADDRESS_PICKER
    assert [(a.address, a.slug) for a in picker.addresses] == [
        ("42 Leinster Gardens, London", "10035187881"),
        ("19A Leinster Gardens, London", "10035187882"),
        ("22 Leinster Gardens, London", "10035187883"),
    ]

    chosen = client.address(picker.addresses[1].slug, deadline())
    assert chosen.outcome is Outcome.STATION_KNOWN


def test_no_upcoming_election_is_its_own_outcome(httpserver: HTTPServer, client: DemocracyClubClient) -> None:
    serve(httpserver, "/api/v1/postcode/AA11AA/", NO_ELECTION)

    information = client.postcode("AA1 1AA", deadline())

    assert information.outcome is Outcome.NO_UPCOMING_ELECTION
    assert information.next_poll is None


def test_a_cancelled_ballot_is_reported_beside_the_polls_that_go_ahead(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/AA14AA/", PARTLY_CANCELLED)

    information = client.postcode("AA1 4AA", deadline())

    assert information.outcome is Outcome.STATION_UNKNOWN
    assert information.next_poll is not None and information.next_poll.date == dt.date(2018, 5, 3)
    [cancelled] = information.cancelled_ballots
    assert cancelled.cancellation_reason == "UNDER_CONTESTED"
    assert cancelled.replaced_by == "local.lewisham.blackheath.2018-05-10"


def test_when_every_poll_is_cancelled_the_resident_is_told_so(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/AB12CD/", ALL_CANCELLED)

    information = client.postcode("AB1 2CD", deadline())

    assert information.outcome is Outcome.ALL_CANCELLED
    assert information.next_poll is None
    assert [n.type for n in information.dates[0].notifications] == ["cancelled_election"]


def test_in_scotland_registration_is_not_the_councils_electoral_services(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/EH11YJ/", SCOTLAND)

    information = client.postcode("EH1 1YJ", deadline())

    registration = information.registration_contact
    assert registration is not None and information.electoral_services is not None
    assert registration.email == "enquiries@lothian-vjb.gov.uk"
    assert information.electoral_services.email == "elections@edinburgh.gov.uk"
    assert information.electoral_services.address == "City Chambers\nHigh Street\nEdinburgh"


def test_in_northern_ireland_the_electoral_office_and_voter_id_notice_come_through(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/postcode/AA15AA/", NORTHERN_IRELAND)

    information = client.postcode("AA1 5AA", deadline())

    assert information.electoral_services is not None
    assert information.electoral_services.nation == "Northern Ireland"
    poll = information.next_poll
    assert poll is not None
    assert poll.ballots[0].requires_voter_id == "EFA-2002"
    assert [n.type for n in poll.notifications] == ["voter_id"]


def test_the_sandbox_needs_no_key(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/api/v1/sandbox/postcode/AA12AA/", query_string="").respond_with_json(
        STATION_KNOWN
    )
    client = from_settings({"kind": "democracy_club", "base_url": httpserver.url_for("/"), "sandbox": True})

    assert client.postcode("AA1 2AA", deadline()).outcome is Outcome.STATION_KNOWN


def test_a_postcode_democracy_club_cannot_place_is_not_recognised(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(
        httpserver, "/api/v1/postcode/ZZ99ZZ/", {"message": "Could not geocode from any source"}, status=400
    )

    with pytest.raises(PostcodeNotRecognised, match="Could not geocode"):
        client.postcode("ZZ9 9ZZ", deadline())


def test_text_not_shaped_like_a_postcode_is_refused_without_a_call(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    with pytest.raises(PostcodeNotRecognised):
        client.postcode("the town hall", deadline())
    assert httpserver.log == []


def test_a_stale_address_choice_is_an_unknown_address(
    httpserver: HTTPServer, client: DemocracyClubClient
) -> None:
    serve(httpserver, "/api/v1/address/999/", {"detail": "Not found."}, status=404)

    with pytest.raises(UnknownAddress):
        client.address("999", deadline())


def test_a_refused_key_is_an_http_error(httpserver: HTTPServer, client: DemocracyClubClient) -> None:
    serve(httpserver, "/api/v1/postcode/AA12AA/", {"detail": "Invalid token."}, status=403)

    with pytest.raises(BackendHTTPError) as raised:
        client.postcode("AA1 2AA", deadline())
    assert raised.value.status == 403


def test_a_missing_key_fails_without_a_call(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    client = DemocracyClubClient(httpserver.url_for("/"), api_key_env=KEY_ENV, cache=TTLCache(ttl_seconds=60))

    with pytest.raises(BackendUnavailable, match=KEY_ENV):
        client.postcode("AA1 2AA", deadline())
    assert httpserver.log == []


def test_the_key_never_appears_in_a_failure_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    client = DemocracyClubClient(refused_base_url(), api_key_env=KEY_ENV, cache=TTLCache(ttl_seconds=60))

    with pytest.raises(BackendUnavailable) as raised:
        client.postcode("AA1 2AA", deadline())

    assert KEY not in "".join(traceback.format_exception(raised.value))


def test_answers_are_cached(httpserver: HTTPServer, client: DemocracyClubClient) -> None:
    serve(httpserver, "/api/v1/postcode/AA12AA/", STATION_KNOWN)

    client.postcode("AA1 2AA", deadline())
    client.postcode("aa12aa", deadline())

    assert len(httpserver.log) == 1


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_is_a_backend_error_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    base_url, expected = arrange_failure(httpserver, request, failure, "/api/v1/postcode/AA12AA/")
    client = DemocracyClubClient(base_url, api_key_env=KEY_ENV, cache=TTLCache(ttl_seconds=60))
    turn = deadline()

    with pytest.raises(expected):
        client.postcode("AA1 2AA", turn)

    assert turn.elapsed() < DEADLINE_SECONDS + SLACK_SECONDS


def test_from_settings_needs_a_key_outside_the_sandbox() -> None:
    with pytest.raises(ValueError, match="api_key_env"):
        from_settings({"kind": "democracy_club"})
    client = from_settings({"kind": "democracy_club", "api_key_env": KEY_ENV})
    assert client.base_url == "https://developers.democracyclub.org.uk"
    assert client.api_key_env == KEY_ENV
