"""The demo council's every flow offline, as `make run` serves it: the app on a real loopback port with
the local fakes (webhook/fakes/) registered, and the demo overlay's relative backend URLs pointing at it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

import pytest
from flask import Flask

from tests.conftest import app_settings
from tests.handlers.conftest import Ask, make_ask
from tests.live_server import serve
from webhook import create_app
from webhook.fakes.democracy_club import polling_day


@pytest.fixture(scope="module")
def demo_app() -> Iterator[Flask]:
    """The app serving the fakes on a free loopback port, in a thread, for the whole module."""
    app = create_app(app_settings())  # the test configuration serves the fakes
    with serve(app) as url:
        app.extensions["backends"].rebase(url)
        yield app


@pytest.fixture
def demo(demo_app: Flask) -> Ask:
    return make_ask(demo_app)


def test_the_fakes_describe_themselves(demo_app: Flask) -> None:
    index = demo_app.test_client().get("/_fakes/").get_json()
    assert set(index["fakes"]) == {"postcodes.io", "democracy_club", "open311", "govuk_notify"}


@pytest.mark.parametrize(
    ("postcode", "expected"),
    [
        ("AA1 1AA", "AA1 1AA is in our area. Demo Borough Council provides all your council services."),
        ("AA3 1AA", "AA3 1AA is not in our area. Your council is the council for Neighbouring Vale."),
        (
            "AA4 1AA",
            "AA4 1AA is not in our area. Your district council is Oxford City Council and your county "
            "council "
            "is Oxfordshire County Council.",
        ),
        ("AA6 1AA", "I couldn't find the postcode AA6 1AA."),
        ("AA0 0AA", "The postcode AA0 0AA is no longer in use (since March 2019)."),
    ],
)
def test_find_my_council(demo: Ask, postcode: str, expected: str) -> None:
    assert demo("council.find_my_council", parameters={"postcode": postcode}).texts[0].startswith(expected)


def test_councillors(demo: Ask) -> None:
    answer = demo("council.councillor", language="cy", parameters={"postcode": "AA1 1AA"})
    assert answer.texts[0] == "Rydych chi'n byw yn ward Castell. Eich cynghorwyr yw:"


def test_polling_stations_every_outcome(demo: Ask) -> None:
    day = polling_day(dt.date.today())
    known = demo("elections.polling_station", parameters={"postcode": "AA1 1AA"})
    assert known.texts[0] == (
        "Your polling station is Castle Community Hall, 2 Castle Street, Demo Town, AA1 1AB."
    )
    assert f"{day.day} " in known.texts[1]
    picker = demo("elections.polling_station", parameters={"postcode": "AA1 2AB"})
    assert picker.quick_replies == [
        "Polling station: 1 High Street, AA1 2AB",
        "Polling station: 2 Mill Lane, AA1 2AB",
    ]
    chosen = demo(
        "elections.polling_station",
        text="Polling station: 2 Mill Lane, AA1 2AB",
        parameters={"postcode": "AA1 2AB"},
        contexts=picker.contexts_for_next_turn(),
    )
    assert chosen.texts[0].startswith("Your polling station is Riverside Primary School")
    unknown = demo("elections.polling_station", parameters={"postcode": "AA1 3AA"})
    assert "has not been published yet" in unknown.texts[0]
    assert "electoral.services@demo-council.example" in unknown.texts[1]
    cancelled = demo("elections.polling_station", parameters={"postcode": "AA1 4AB"})
    assert "will not take place" in cancelled.texts[0]
    none = demo("elections.polling_station", parameters={"postcode": "AA1 5AA"})
    assert none.texts[0] == "I don't know of any elections coming up at AA1 5AA."


def test_registration_in_scotland_and_northern_ireland(demo: Ask) -> None:
    scotland = demo("elections.register_to_vote", text="register to vote AA8 1AA")
    assert "valuation joint board" in scotland.text and "0131 496 0001" in scotland.text
    northern_ireland = demo("elections.register_to_vote", text="register to vote AA5 1AA")
    assert "Electoral Office registers voters" in northern_ireland.text


def test_a_pothole_report_with_an_email_confirmation(
    demo: Ask, demo_app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No key in the environment: the backends give the app's own fake a development placeholder.
    for variable in ("DEMO_OPEN311_API_KEY", "DEMO_NOTIFY_API_KEY"):
        monkeypatch.setenv(variable, "to be removed")
        monkeypatch.delenv(variable)
    demo_app.extensions["backends"].clear()
    first = demo("streets.pothole", text="pothole", parameters={"postcode": "AA1 1AA"})
    assert first.texts[-1] == "How big is it?"
    assert first.quick_replies[0] == "Smaller than a dinner plate"
    second = demo(
        "streets.pothole", text="Pothole: Larger than a dinner plate", contexts=first.contexts_for_next_turn()
    )
    assert second.quick_replies == ["No thanks"]
    done = demo("streets.pothole", text="Pothole: jo@example.com", contexts=second.contexts_for_next_turn())
    assert done.texts[0].startswith("Thank you, we have your report. Your reference is DEMO-")
    assert done.texts[-1] == "We've sent the reference to your e-mail address."
    # ... without changing the process's environment.
    assert "DEMO_NOTIFY_API_KEY" not in os.environ and "DEMO_OPEN311_API_KEY" not in os.environ


def test_noise_in_welsh(demo: Ask) -> None:
    first = demo("environment.noise", language="cy", text="swn drws nesa", parameters={"postcode": "AA1 1AA"})
    assert first.texts[-1] == "Beth sy'n gwneud y sŵn?"
    second = demo(
        "environment.noise", language="cy", text="Sŵn: A barking dog", contexts=first.contexts_for_next_turn()
    )
    done = demo(
        "environment.noise", language="cy", text="Sŵn: dim e-bost", contexts=second.contexts_for_next_turn()
    )
    assert done.texts[0].startswith("Diolch, mae eich adroddiad gennym. Eich cyfeirnod yw DEMO-")


def test_bins_which_bin_places_moving_and_contact(demo: Ask) -> None:
    assert (
        demo("waste.collection_day", parameters={"postcode": "AA1 1AA"})
        .texts[0]
        .startswith("Your next collection is")
    )
    assert demo("waste.which_bin", parameters={"waste_item": "vapes"}).texts[0].startswith("Vapes:")
    nearest = demo("waste.recycling_centre", parameters={"postcode": "AA2 4ZZ"})
    assert nearest.texts[0] == "Your nearest recycling centres:"
    assert nearest.texts[1].startswith("Harbour Recycling Centre")
    assert demo("libraries.services").texts[1] == "Our libraries:"
    moving = demo("council_tax.moving_home", parameters={"date": "2026-06-01", "postcode": "AA3 2BB"})
    assert "AA3 2BB is in Neighbouring Vale's area, so you'll pay council tax to them" in moving.text
    assert demo("council.contact").texts[-1].startswith("We're")


def test_a_missed_bin_report(demo: Ask, clock) -> None:
    clock(dt.datetime(2026, 6, 8, 18, 30))  # a Monday evening: AA1 1AA's collection day
    first = demo("waste.missed_collection", parameters={"postcode": "AA1 1AA", "bin_type": "food_waste"})
    assert first.quick_replies == ["No thanks"]
    done = demo(
        "waste.missed_collection",
        text="Missed bin AA1 1AA: no e-mail",
        parameters={"postcode": "AA1 1AA"},
        contexts=first.contexts_for_next_turn(),
    )
    assert done.texts[0].startswith("Thank you, we have your report. Your reference is DEMO-")
