"""elections.polling_station and elections.register_to_vote, through /webhook/<slug>."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import FAILURES
from tests.handlers.conftest import FAILURE_APOLOGY, Ask, FailAt, within_deadline
from tests.handlers.shapes import ballot, poll_date, voting_information

POSTCODE = "/_fakes/democracy-club/api/v1/sandbox/postcode/{}/"
ADDRESS = "/_fakes/democracy-club/api/v1/sandbox/address/{}/"
POLL_DAY = dt.date(2026, 6, 4)
SESSION_CONTEXTS = "projects/demo-council-bot/agent/sessions/5f1c-session/contexts/"

SCOTTISH_SERVICES = {
    "council_id": "DFI",
    "name": "Demo Firth Council",
    "nation": "Scotland",
    "email": "elections@demo-firth.example",
    "phone": "0131 496 0000",
    "website": "https://demo-firth.example",
    "postcode": "AA8 1AA",
    "address": "City Chambers\r\nHigh Street\r\nDemo Firth",
    "identifiers": ["S12000999"],
}
SCOTTISH_REGISTRATION = {
    "phone": "0131 496 0001",
    "email": "enquiries@demo-firth-vjb.example",
    "address": "Electoral Registration Officer\nDemo Firth Valuation Joint Board\n17 Gyle Crescent",
    "postcode": "AA8 9FL",
    "website": "https://demo-firth-vjb.example/",
}
NORTHERN_IRISH_SERVICES = {
    "council_id": "DLO",
    "name": "The Electoral Office for Northern Ireland",
    "nation": "Northern Ireland",
    "email": "info@electoral-office.example",
    "phone": "028 9649 6000",
    "website": "https://electoral-office.example/",
    "postcode": "AA5 1AA",
    "address": "The Electoral Office Headquarters\nChurch Street",
    "identifiers": ["N09000999"],
}


def serve(apis: HTTPServer, postcode: str, body: dict, status: int = 200) -> None:
    apis.expect_request(POSTCODE.format(postcode.replace(" ", ""))).respond_with_json(body, status=status)


def remembered(postcode: str) -> list[dict]:
    return [{"name": SESSION_CONTEXTS + "resident", "parameters": {"postcode": postcode}}]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "Your polling station is Castle Community Hall, 2 Castle Street, Demo Town, AA1 1AB.",
                "Election day: Thursday 4 June. You can vote in: Demo local election Castle. Polling "
                "stations "
                "are open from 7am to 10pm.",
            ],
        ),
        (
            "cy",
            [
                "Eich gorsaf bleidleisio yw Castle Community Hall, 2 Castle Street, Demo Town, AA1 1AB.",
                "Diwrnod yr etholiad: dydd Iau 4 Mehefin. Gallwch bleidleisio yn: Demo local election "
                "Castle. "
                "Mae gorsafoedd pleidleisio ar agor o 7am tan 10pm.",
            ],
        ),
    ],
)
def test_a_known_station_is_given_with_the_poll(apis: HTTPServer, ask: Ask, language: str, expected) -> None:
    serve(apis, "AA1 1AA", voting_information("AA1 1AA", dates=[poll_date(POLL_DAY)]))
    answer = ask("elections.polling_station", language=language, parameters={"postcode": "AA1 1AA"})
    assert answer.texts == expected
    assert answer.links[0].startswith("https://www.openstreetmap.org/?mlat=52.31000&mlon=-4.41000")
    assert answer.context("resident")["postcode"] == "AA1 1AA"


def test_photo_id_is_mentioned_when_a_ballot_requires_it(apis: HTTPServer, ask: Ask) -> None:
    needs_id = ballot("parl.demo.2026-06-04", "Demo parliamentary election", POLL_DAY)
    needs_id["requires_voter_id"] = "EA-2022"
    serve(apis, "AA1 1AA", voting_information("AA1 1AA", dates=[poll_date(POLL_DAY, ballots=[needs_id])]))
    answer = ask("elections.polling_station", parameters={"postcode": "AA1 1AA"})
    assert "Take photo ID: you need it to vote at a polling station." in answer.texts
    assert "https://www.gov.uk/how-to-vote/photo-id-youll-need" in answer.links


def test_an_unpublished_station_gives_electoral_services_contacts(apis: HTTPServer, ask: Ask) -> None:
    serve(apis, "AA1 3AA", voting_information("AA1 3AA", dates=[poll_date(POLL_DAY, station=None)]))
    answer = ask("elections.polling_station", parameters={"postcode": "AA1 3AA"})
    assert answer.texts == [
        "There is an election on Thursday 4 June (Demo local election Castle), but your polling station has "
        "not been published yet. It will be on your poll card.",
        "For help, contact Demo Borough Council: phone 01632 960400, email elections@demo-council.example.",
    ]


def test_no_upcoming_election_says_so_with_contacts_in_welsh(apis: HTTPServer, ask: Ask) -> None:
    serve(apis, "AA1 5AA", voting_information("AA1 5AA"))
    answer = ask("elections.polling_station", language="cy", parameters={"postcode": "AA1 5AA"})
    assert answer.texts == [
        "Dydw i ddim yn gwybod am unrhyw etholiadau ar y gweill yn AA1 5AA.",
        "Am help, cysylltwch â Demo Borough Council: ffôn 01632 960400, e-bost "
        "elections@demo-council.example.",
    ]


def test_a_poll_whose_ballots_are_all_cancelled_will_not_take_place(apis: HTTPServer, ask: Ask) -> None:
    cancelled = [
        ballot("local.demo.castle.2026-06-04", "Demo local election Castle", POLL_DAY, cancelled=True),
    ]
    dates = [poll_date(POLL_DAY, ballots=cancelled, station=None)]
    serve(apis, "AA1 4AB", voting_information("AA1 4AB", dates=dates))
    answer = ask("elections.polling_station", parameters={"postcode": "AA1 4AB"})
    assert answer.texts == [
        "The election at AA1 4AB on Thursday 4 June will not take place: there were no more candidates than "
        "seats, so they were elected unopposed."
    ]


def test_one_cancelled_ballot_is_mentioned_beside_the_poll_that_goes_ahead(
    apis: HTTPServer, ask: Ask
) -> None:
    ballots = [
        ballot("local.demo.castle.2026-06-04", "Demo local election Castle", POLL_DAY),
        ballot("town.demo.castle.2026-06-04", "Demo Town Council Castle ward", POLL_DAY, cancelled=True),
    ]
    serve(apis, "AA1 4AA", voting_information("AA1 4AA", dates=[poll_date(POLL_DAY, ballots=ballots)]))
    answer = ask("elections.polling_station", parameters={"postcode": "AA1 4AA"})
    assert answer.texts[1].startswith(
        "Election day: Thursday 4 June. You can vote in: Demo local election Castle."
    )
    assert answer.texts[2] == (
        "Demo Town Council Castle ward will not take place: there were no more candidates than seats, so "
        "they "
        "were elected unopposed."
    )


class TestAddressPicker:
    ADDRESSES: ClassVar = [("1 High Street, Demo Town", "demo-1"), ("11 High Street, Demo Town", "demo-11")]

    @pytest.fixture
    def picker(self, apis: HTTPServer, ask: Ask):
        serve(apis, "AA1 2AB", voting_information("AA1 2AB", addresses=self.ADDRESSES))
        return ask("elections.polling_station", parameters={"postcode": "AA1 2AB"})

    def test_the_addresses_are_offered_as_quick_replies(self, picker) -> None:
        assert picker.texts == ["There's more than one polling station at AA1 2AB. Which is your address?"]
        assert picker.quick_replies == [
            "Polling station: 1 High Street, AA1 2AB",
            "Polling station: 11 High Street, AA1 2AB",
        ]
        assert picker.context("polling_address")["postcode"] == "AA1 2AB"

    @pytest.mark.parametrize(
        ("said", "slug"),
        [
            ("Polling station: 11 High Street, AA1 2AB", "demo-11"),
            ("polling station 1 high street AA1 2AB", "demo-1"),
            ("it's 11 High Street", "demo-11"),
            ("2", "demo-11"),
        ],
    )
    def test_the_chosen_address_is_looked_up(
        self, apis: HTTPServer, ask: Ask, picker, said: str, slug: str
    ) -> None:
        station = ("Riverside Primary School\nMill Lane", "AA1 2AD")
        apis.expect_request(ADDRESS.format(slug)).respond_with_json(
            voting_information("AA1 2AB", dates=[poll_date(POLL_DAY, station=station)])
        )
        answer = ask(
            "elections.polling_station",
            text=said,
            parameters={"postcode": "AA1 2AB"},
            contexts=picker.contexts_for_next_turn(),
        )
        assert answer.texts[0] == "Your polling station is Riverside Primary School, Mill Lane, AA1 2AD."
        # The choice is kept, not the offer: the next question about this postcode need not ask again.
        assert answer.context("polling_address") == {"postcode": "AA1 2AB", "chosen": slug}

    def test_a_stale_choice_offers_the_addresses_again(self, apis: HTTPServer, ask: Ask, picker) -> None:
        apis.expect_request(ADDRESS.format("demo-1")).respond_with_json({"detail": "Not found."}, status=404)
        answer = ask(
            "elections.polling_station",
            text="Polling station: 1 High Street, AA1 2AB",
            parameters={"postcode": "AA1 2AB"},
            contexts=picker.contexts_for_next_turn(),
        )
        assert answer.quick_replies == picker.quick_replies


def test_a_postcode_democracy_club_cannot_place_is_questioned(apis: HTTPServer, ask: Ask) -> None:
    serve(apis, "AA9 9ZZ", {"detail": "Could not geocode from any source"}, status=400)
    answer = ask("elections.polling_station", parameters={"postcode": "AA9 9ZZ"})
    assert answer.texts == [
        "I couldn't find voting information for AA9 9ZZ. Please check the postcode, for example AA1 1AA."
    ]


@pytest.mark.parametrize("language", ["en", "cy"])
@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_gives_the_service_page_and_phone_within_the_deadline(
    fail_at: FailAt,
    hurried_ask: Ask,
    failure: str,
    language: str,
) -> None:
    fail_at(failure, POSTCODE.format("AA11AA"))
    answer = hurried_ask("elections.polling_station", language=language, parameters={"postcode": "AA1 1AA"})
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY[language])
    page = "https://demo-council.example/elections/polling-station".replace(
        "example/", "example/cy/" if language == "cy" else "example/"
    )
    assert page in answer.links
    assert "01632 960000" in answer.text


# elections.register_to_vote


def test_registering_without_a_postcode_is_the_library_answer(apis: HTTPServer, ask: Ask) -> None:
    answer = ask("elections.register_to_vote", text="how do I register to vote")
    assert answer.texts[0].startswith("You can register to vote online in about 5 minutes.")
    assert len(answer.texts) == 1
    assert apis.log == []


def test_registering_with_a_known_postcode_names_who_keeps_the_register(apis: HTTPServer, ask: Ask) -> None:
    serve(apis, "AA1 1AA", voting_information("AA1 1AA"))
    answer = ask("elections.register_to_vote", contexts=remembered("AA1 1AA"))
    assert answer.texts[-1] == (
        "To check you're registered, or to ask for a postal or proxy vote, contact Demo Borough Council: "
        "phone "
        "01632 960400, email elections@demo-council.example."
    )
    assert "https://www.gov.uk/register-to-vote" in answer.links


def test_a_scottish_postcode_is_sent_to_the_valuation_joint_board(apis: HTTPServer, ask: Ask) -> None:
    body = voting_information(
        "AA8 1AA", electoral_services=SCOTTISH_SERVICES, registration=SCOTTISH_REGISTRATION
    )
    serve(apis, "AA8 1AA", body)
    answer = ask("elections.register_to_vote", text="register to vote at AA8 1AA")
    assert answer.texts[1:] == [
        "In Scotland the electoral register is kept by your area's Electoral Registration Officer at the "
        "valuation joint board, not the council.",
        "To check you're registered, or to ask for a postal or proxy vote, contact the Electoral "
        "Registration "
        "Officer: phone 0131 496 0001, email enquiries@demo-firth-vjb.example.",
    ]
    assert answer.links[0] == "https://www.saa.gov.uk"


def test_a_northern_irish_postcode_is_sent_to_the_electoral_office_in_welsh(
    apis: HTTPServer, ask: Ask
) -> None:
    serve(apis, "AA5 1AA", voting_information("AA5 1AA", electoral_services=NORTHERN_IRISH_SERVICES))
    answer = ask("elections.register_to_vote", language="cy", contexts=remembered("AA5 1AA"))
    assert answer.texts[1:] == [
        "Yng Ngogledd Iwerddon, y Swyddfa Etholiadol sy'n cofrestru pleidleiswyr, nid y cyngor.",
        "I wirio a ydych wedi cofrestru, neu i ofyn am bleidlais bost neu drwy ddirprwy, cysylltwch â The "
        "Electoral Office for Northern Ireland: ffôn 028 9649 6000, e-bost info@electoral-office.example.",
    ]
    assert answer.links[0] == "https://www.eoni.org.uk"


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_registration_lookup_still_says_how_to_register(
    fail_at: FailAt, hurried_ask: Ask, failure: str
) -> None:
    fail_at(failure, POSTCODE.format("AA11AA"))
    answer = hurried_ask("elections.register_to_vote", contexts=remembered("AA1 1AA"))
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY["en"] + " You can register to vote online")
    assert "https://www.gov.uk/register-to-vote" in answer.links
