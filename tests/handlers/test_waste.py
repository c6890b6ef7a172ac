"""waste.collection_day and waste.missed_collection, through /webhook/<slug>, on the demo council's
published rounds (councils/demo/bins.yaml) and on a council bin-day API served locally."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from google.cloud import dialogflow_v2
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.backends.fixtures_http import FAILURES, arrange_failure
from tests.handlers.conftest import (
    FAILURE_APOLOGY,
    Answer,
    Ask,
    FailAt,
    app_on,
    copy_library,
    make_ask,
    within_deadline,
)
from tests.handlers.shapes import open311_created, open311_services, postcode_found

LOOKUP = "/_fakes/postcodes/postcodes/{}"
OPEN311 = "/_fakes/open311"
WEDNESDAY = dt.datetime(2026, 6, 3, 10, 0)


def serve_postcode(apis: HTTPServer, postcode: str, **areas) -> None:
    apis.expect_request(LOOKUP.format(postcode.replace(" ", ""))).respond_with_json(
        postcode_found(postcode, **areas)
    )


def picked(previous: Answer) -> list[dict]:
    return previous.contexts_for_next_turn()


# waste.collection_day


def test_every_bin_is_given_with_its_next_days(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(WEDNESDAY)
    serve_postcode(apis, "AA1 1AA")
    answer = ask("waste.collection_day", text="when are my bins", parameters={"postcode": "AA1 1AA"})
    assert answer.texts == [
        "Your next collection is Monday 8 June: Black bin (general waste), Food caddy and Glass box.",
        "Black bin (general waste): Monday 8 June, then Monday 22 June, then Monday 6 July",
        "Food caddy: Monday 8 June, then Monday 15 June, then Monday 22 June",
        "Glass box: Monday 8 June, then Monday 6 July, then Monday 3 August",
        "Blue recycling bin: Monday 15 June, then Monday 29 June, then Monday 13 July",
        "Green garden waste bin: Monday 15 June, then Monday 29 June, then Monday 13 July",
    ]
    assert answer.quick_replies == ["Report a missed bin", "Which bin does it go in?", "Order a new bin"]
    assert answer.context("resident")["postcode"] == "AA1 1AA"
    assert answer.context("bin_collection") is not None


def test_one_kind_of_bin_in_welsh(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(WEDNESDAY)
    serve_postcode(apis, "AA1 1AA")
    answer = ask(
        "waste.collection_day", language="cy", parameters={"postcode": "AA1 1AA", "bin_type": "recycling"}
    )
    assert answer.texts == [
        "Eich casgliad nesaf: dydd Llun 15 Mehefin: Bin ailgylchu glas.",
        "Bin ailgylchu glas: dydd Llun 15 Mehefin, yna dydd Llun 29 Mehefin, yna dydd Llun 13 Gorffennaf",
    ]


def test_a_bin_the_round_does_not_have_is_said_before_the_others(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(WEDNESDAY)
    serve_postcode(apis, "AA2 5ZZ", ward=("Riverside", "W05009902"))
    answer = ask("waste.collection_day", parameters={"postcode": "AA2 5ZZ", "bin_type": "garden_waste"})
    assert answer.texts[0] == "We don't empty a garden waste bin at AA2 5ZZ."
    assert answer.texts[1].startswith("Your next collection is Friday 5 June")


def test_bank_holiday_changes_are_shown(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 12, 20, 10, 0))
    answer = ask("waste.collection_day", parameters={"postcode": "AA2 5ZZ", "bin_type": "food_waste"})
    assert answer.texts == [
        "Your next collection is Saturday 26 December: Food caddy.",
        "Food caddy: Saturday 26 December (moved from Friday 25 December), then Saturday 2 January (moved "
        "from Friday 1 January), then Friday 8 January",
    ]


def test_tomorrow_is_said_as_tomorrow(ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 7, 19, 0))
    answer = ask("waste.collection_day", parameters={"postcode": "AA1 1AA", "bin_type": "food_waste"})
    assert answer.texts[0] == "Your next collection is tomorrow (Monday 8 June): Food caddy."


class TestStreetPicker:
    @pytest.fixture
    def first(self, ask: Ask, clock) -> Answer:
        clock(WEDNESDAY)
        return ask("waste.collection_day", parameters={"postcode": "aa1 2ab"})

    def test_the_streets_are_offered_as_quick_replies(self, first: Answer) -> None:
        assert first.texts == ["Collection days differ by street at AA1 2AB. Which is yours?"]
        assert first.quick_replies == ["Bin day: High Street, AA1 2AB", "Bin day: Mill Lane, AA1 2AB"]

    def test_dialogflow_learns_the_streets_for_the_typed_answer(self, first: Answer) -> None:
        # A session entity type: the agent's dialogue.choice_answer then knows "its mill lane".
        (choices,) = first.reply.session_entity_types
        assert choices.name.endswith("/entityTypes/choice")
        assert (
            choices.entity_override_mode
            == dialogflow_v2.SessionEntityType.EntityOverrideMode.ENTITY_OVERRIDE_MODE_OVERRIDE
        )
        assert [entity.value for entity in choices.entities] == ["High Street", "Mill Lane"]
        assert first.context("awaiting")["kind"] == "choice"

    @pytest.mark.parametrize("said", ["Bin day: Mill Lane, AA1 2AB", "mill lane please", "2"])
    def test_the_chosen_streets_days_are_given(self, ask: Ask, first: Answer, said: str) -> None:
        answer = ask(
            "waste.collection_day", text=said, parameters={"postcode": "AA1 2AB"}, contexts=picked(first)
        )
        assert answer.texts[0] == (
            "Your next collection at Mill Lane, AA1 2AB is tomorrow (Thursday 4 June): Blue recycling bin, "
            "Food caddy and Green garden waste bin."
        )
        # The choice is kept, not the offer: "and the recycling?" need not ask which street again.
        assert answer.context("bin_address") == {"postcode": "AA1 2AB", "chosen": "mill-lane"}

    def test_the_picker_in_welsh_names_the_streets_in_welsh(self, ask: Ask, clock) -> None:
        clock(WEDNESDAY)
        first = ask("waste.collection_day", language="cy", parameters={"postcode": "AA1 2AB"})
        assert first.quick_replies == [
            "Diwrnod bin: Stryd Fawr, AA1 2AB",
            "Diwrnod bin: Lôn y Felin, AA1 2AB",
        ]
        answer = ask(
            "waste.collection_day",
            language="cy",
            text="Diwrnod bin: Stryd Fawr, AA1 2AB",
            parameters={"postcode": "AA1 2AB"},
            contexts=picked(first),
        )
        assert answer.texts[0].startswith("Eich casgliad nesaf yn Stryd Fawr, AA1 2AB: dydd Mawrth 9 Mehefin")


def test_a_corrected_postcode_looks_the_bin_day_up_again_and_ends_the_old_picker(ask: Ask, clock) -> None:
    clock(WEDNESDAY)
    first = ask("waste.collection_day", parameters={"postcode": "AA1 2AB"})  # offers two streets
    corrected = ask(
        "dialogue.different_address",
        text="oops wrong postcode, should be AA1 1AA",
        parameters={"postcode": "AA1 1AA"},
        contexts=picked(first),
    )
    assert corrected.texts[0] == (
        "Your next collection is Monday 8 June: Black bin (general waste), Food caddy and Glass box."
    )
    assert corrected.context("resident") == {"postcode": "AA1 1AA", "intent": "waste.collection_day"}
    assert corrected.context("awaiting") is None  # the streets of AA1 2AB are no longer on offer
    without_one = ask("dialogue.different_address", text="wrong postcode", contexts=picked(first))
    assert "postcode" in without_one.texts[0].lower()  # no new postcode yet: it asks for one


def test_a_postcode_without_rounds_is_questioned(ask: Ask) -> None:
    answer = ask("waste.collection_day", parameters={"postcode": "AA9 9ZZ"})
    assert answer.texts == [
        "I couldn't find bin collections for AA9 9ZZ. Please check the postcode, or call 01632 960000."
    ]


def test_a_postcode_of_another_council_is_sent_there(apis: HTTPServer, ask: Ask) -> None:
    serve_postcode(apis, "BR8 7RE", district=("Sevenoaks", "E07000111"), county=("Kent", "E10000016"))
    answer = ask("waste.collection_day", language="cy", parameters={"postcode": "BR8 7RE"})
    assert answer.texts == [
        "Nid yw BR8 7RE yn ardal Cyngor Bwrdeistref Demo: mae'n cael ei wasanaethu gan Sevenoaks District "
        "Council, a all eich helpu gyda hyn."
    ]
    # Named from the register of UK councils, with GOV.UK's page for that council.
    assert answer.links == ["https://www.gov.uk/find-local-council/sevenoaks"]


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_area_check_still_gives_the_bin_days_within_the_deadline(
    fail_at: FailAt,
    hurried_ask: Ask,
    clock,
    failure: str,
) -> None:
    clock(WEDNESDAY)
    fail_at(failure, LOOKUP.format("AA11AA"))
    answer = hurried_ask("waste.collection_day", parameters={"postcode": "AA1 1AA"})
    assert within_deadline(answer)
    assert answer.texts[0].startswith("Your next collection is Monday 8 June")


# A council with a bin-day API (the UKBinCollectionData shape), served locally.

BINS_API = """backends:
  bins:
    kind: http_json
    url_template: /api/bins?postcode={postcode_compact}
    bin_types: {"Empty Standard Mixed Recycling": recycling}
"""
BINS_ANSWER = {
    "bins": [
        {"type": "Empty Standard Mixed Recycling", "collectionDate": "05/06/2026"},
        {"type": "Empty Standard General Waste", "collectionDate": "12/06/2026"},
        {"type": "Empty Standard Mixed Recycling", "collectionDate": "19/06/2026"},
    ]
}


@pytest.fixture
def api_ask(tmp_path: Path, httpserver: HTTPServer) -> Ask:
    return make_ask(
        app_on(copy_library(tmp_path, {"oxford": BINS_API}), APP_BASE_URL=httpserver.url_for("/"))
    )


def test_a_councils_bin_api_is_used(apis: HTTPServer, api_ask: Ask, clock) -> None:
    clock(WEDNESDAY)
    apis.expect_request("/api/bins", query_string="postcode=OX11BX").respond_with_json(BINS_ANSWER)
    answer = api_ask("waste.collection_day", slug="oxford", parameters={"postcode": "OX1 1BX"})
    assert answer.texts == [
        "Your next collection is Friday 5 June: Empty Standard Mixed Recycling.",
        "Empty Standard Mixed Recycling: Friday 5 June, then Friday 19 June",
        "Empty Standard General Waste: Friday 12 June",
    ]


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_bin_api_gives_the_bin_day_page_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, tmp_path: Path, clock, failure: str
) -> None:
    clock(WEDNESDAY)
    base, _ = arrange_failure(httpserver, request, failure, "/api/bins")
    app = app_on(copy_library(tmp_path, {"oxford": BINS_API}), APP_BASE_URL=base)
    app.config["TURN_DEADLINE_SECONDS"] = 1.0
    answer = make_ask(app)("waste.collection_day", slug="oxford", parameters={"postcode": "OX1 1BX"})
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY["en"])
    assert "01865 249811" in answer.text
    assert answer.links == ["https://www.oxford.gov.uk"]


# waste.missed_collection

MONDAY = dt.date(2026, 6, 8)


def serve_missed(apis: HTTPServer, created: str = "MB-77") -> None:
    services = open311_services("MISSED")
    services[0]["metadata"] = "false"
    apis.expect_request(f"{OPEN311}/services.json").respond_with_json(services)
    apis.expect_request(f"{OPEN311}/requests.json", method="POST").respond_with_json(open311_created(created))


def test_a_report_before_the_crews_have_finished_is_not_taken(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 8, 12, 0))
    serve_postcode(apis, "AA1 1AA")
    answer = ask("waste.missed_collection", parameters={"postcode": "AA1 1AA"})
    assert answer.texts == [
        "Our crews may still be on their way. You can report a bin missed on Monday 8 June from 4pm today."
    ]
    assert [r for r, _ in apis.log if r.method == "POST"] == []


def test_a_report_after_the_window_is_not_taken(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 12, 9, 0))
    answer = ask("waste.missed_collection", parameters={"postcode": "AA1 1AA", "bin_type": "general_waste"})
    assert answer.texts == [
        "It's too late to report the collection on Monday 8 June as missed: we take reports until the end of "
        "Wednesday 10 June. Please put your bin out again on Monday 22 June, or call 01632 960000."
    ]


def test_a_missed_bin_is_reported_across_turns(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 8, 18, 30))
    serve_postcode(apis, "AA1 1AA")
    serve_missed(apis)
    first = ask(
        "waste.missed_collection",
        text="my black bin wasn't emptied",
        parameters={"postcode": "AA1 1AA", "bin_type": "general_waste"},
    )
    assert (
        first.texts[0] == "I'll report your collection on Monday 8 June as missed: Black bin (general waste)."
    )
    assert first.texts[-1].startswith("Would you like the reference sent to you?")
    assert first.quick_replies == ["No thanks"]
    done = ask(
        "waste.missed_collection",
        text="Missed bin AA1 1AA: no e-mail",
        parameters={"postcode": "AA1 1AA"},
        contexts=first.contexts_for_next_turn(),
    )
    assert done.texts == ["Thank you, we have your report. Your reference is MB-77."]
    [report] = [r for r, _ in apis.log if r.method == "POST"]
    assert report.form["service_code"] == "MISSED"
    assert report.form["description"] == (
        "Missed collection on Monday 8 June 2026 at AA1 1AA: Black bin (general waste)."
    )
    assert report.form["address_string"] == "AA1 1AA"


def test_a_missed_bin_on_a_split_postcode_in_welsh(apis: HTTPServer, ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 9, 19, 0))  # Tuesday: High Street's collection day
    serve_missed(apis, created="MB-78")
    first = ask("waste.missed_collection", language="cy", parameters={"postcode": "AA1 2AB"})
    assert first.quick_replies == [
        "Bin heb ei gasglu: Stryd Fawr, AA1 2AB",
        "Bin heb ei gasglu: Lôn y Felin, AA1 2AB",
    ]
    second = ask(
        "waste.missed_collection",
        language="cy",
        text="Bin heb ei gasglu: Stryd Fawr, AA1 2AB",
        parameters={"postcode": "AA1 2AB"},
        contexts=first.contexts_for_next_turn(),
    )
    assert second.texts[-1].startswith("Hoffech chi i ni anfon y cyfeirnod atoch chi?")
    done = ask(
        "waste.missed_collection",
        language="cy",
        text="Bin heb ei gasglu AA1 2AB: dim e-bost",
        parameters={"postcode": "AA1 2AB"},
        contexts=second.contexts_for_next_turn(),
    )
    assert done.texts == ["Diolch, mae eich adroddiad gennym. Eich cyfeirnod yw MB-78."]
    [report] = [r for r, _ in apis.log if r.method == "POST"]
    assert report.form["address_string"] == "Stryd Fawr, AA1 2AB"
    assert report.form["description"].startswith("Casgliad a fethwyd ar ddydd Mawrth 9 Mehefin 2026")


def test_a_date_that_was_not_a_collection_day_is_questioned(ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 9, 10, 0))
    answer = ask(
        "waste.missed_collection", parameters={"postcode": "AA1 1AA", "date": "2026-06-06T12:00:00+01:00"}
    )
    assert answer.texts == [
        "Saturday 6 June wasn't a collection day at AA1 1AA. Your last collection was Monday 8 June."
    ]


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failing_report_keeps_the_answers_and_gives_the_page(
    fail_at: FailAt,
    httpserver: HTTPServer,
    hurried_ask: Ask,
    clock,
    failure: str,
) -> None:
    clock(dt.datetime(2026, 6, 8, 18, 30))
    if failure != "refused":
        services = open311_services("MISSED")
        services[0]["metadata"] = "false"
        httpserver.expect_request(f"{OPEN311}/services.json").respond_with_json(services)
    fail_at(failure, f"{OPEN311}/requests.json", method="POST")
    answer = hurried_ask(
        "waste.missed_collection", text="missed bin jo@example.com", parameters={"postcode": "AA1 1AA"}
    )
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY["en"])
    assert "https://demo-council.example/waste/missed-collection" in answer.links
    saved = answer.context("report")
    assert saved is not None and saved["location"] == "AA1 1AA"
    assert json.dumps(saved).count("jo@example.com") == 1  # kept only to send the confirmation later


def test_after_postcodes_io_hangs_the_next_turns_do_not_wait_for_it(
    apis: HTTPServer, request: pytest.FixtureRequest, hurried_ask: Ask, clock
) -> None:
    clock(WEDNESDAY)
    calls = []
    release = threading.Event()
    request.addfinalizer(release.set)

    def hang(_: Request) -> Response:
        calls.append(1)
        release.wait(timeout=30)
        return Response("{}", content_type="application/json")

    apis.expect_request(LOOKUP.format("AA11AA")).respond_with_handler(hang)
    first = hurried_ask("waste.collection_day", parameters={"postcode": "AA1 1AA"})
    second = hurried_ask("waste.collection_day", parameters={"postcode": "AA1 1AA"})
    assert first.texts[0] == second.texts[0]
    assert first.texts[0].startswith("Your next collection is Monday 8 June")
    assert len(calls) == 1  # the second turn did not call the hung postcodes.io again
    assert second.elapsed < first.elapsed


def test_a_collection_weeks_ago_is_too_late_to_report(ask: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 9, 10, 0))
    answer = ask(
        "waste.missed_collection",
        parameters={"postcode": "AA1 1AA", "bin_type": "food_waste", "date": "2026-05-18T12:00:00+01:00"},
    )
    assert answer.texts[0].startswith("It's too late to report the collection on Monday 18 May as missed")
