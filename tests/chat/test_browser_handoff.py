"""Asking for a person on the chat page, in real headless Chromium, as residents do it: typing on a 320x568
phone in their own words, by keyboard alone on a 1280x800 laptop, with a typo in their contact details,
in Welsh, and after the bot has not understood them twice. axe-core's WCAG 2.2 AA check runs at every
step (`say`). The demo council hands over by GOV.UK Notify e-mail (the app's own fake Notify here), and
the first test follows the case to its delivery."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, Route, expect

from tests.chat.browser import (
    announcements,
    axe_violations,
    bots,
    focused,
    lines_taken,
    listen_for_announcements,
    open_chat,
    tab_to,
)
from tests.chat.conftest import VIEWPORTS
from tests.chat.test_browser_conversations import say
from tests.conftest import REPOSITORY
from webhook.handoff.case import REFERENCE_PREFIX
from webhook.library.loader import load_library
from webhook.library.messages import message_text

LIBRARY = load_library(REPOSITORY).library
DEMO = LIBRARY.councils["demo"]
#: A hand-off's reference as the page shows it, "HO-7KQ2-MXTA" (webhook/handoff/case.py).
REFERENCE = re.compile(rf"\b{REFERENCE_PREFIX}-[A-Z0-9]{{4}}-[A-Z0-9]{{4}}\b")
#: One reference in eleven has no digit at all (8 characters from 23 letters and 8 digits).
LETTERS_ONLY_REFERENCE = f"{REFERENCE_PREFIX}-MXTA-KQPB"


def words(key: str, language: str = "en") -> str:
    """The demo council's wording of the hand-off message `handoff.<key>` (it is reworded in the
    catalogue, not here), up to its first {placeholder}."""
    return message_text(LIBRARY, DEMO, f"handoff.{key}", language).split("{", 1)[0].strip()


def question(key: str, language: str = "en") -> str:
    """The last sentence of a hand-off message: "Is that OK?" of the consent, whether staff are in or
    not (the test runs at whatever time it is)."""
    return message_text(LIBRARY, DEMO, f"handoff.{key}", language).rsplit(". ", 1)[-1]


def suggested_replies(page: Page) -> list[str]:
    return page.locator("#quick-replies button").all_inner_texts()


def press_suggested_reply(page: Page, label: str) -> None:
    """From the message box, Shift+Tab back to a suggested reply and press Enter on it; wait for the
    answer."""
    before = bots(page).count()
    tab_to(page, label, backwards=True)
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(before + 1, timeout=30_000)


def new_page(browser: Browser, viewport: str) -> Iterator[Page]:
    # bypass_csp lets the test inject axe-core; the CSP itself is tested in test_browser.py.
    context = browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    yield from new_page(browser, "phone")


@pytest.fixture
def laptop(browser: Browser) -> Iterator[Page]:
    yield from new_page(browser, "laptop")


def start_typing(page: Page, base_url: str, language: str = "en") -> None:
    """Open the chat, check it, and Tab to the message box."""
    open_chat(page, base_url, language)
    assert axe_violations(page) == []
    tab_to(page, "chat-input")


def test_a_resident_on_a_phone_types_their_way_to_a_reference_that_is_announced(
    phone: Page, base_url: str, served_apps: dict[str, Flask]
) -> None:
    page = phone
    outbox = served_apps[base_url].extensions["handoff"].outbox
    delivered_before = outbox.counts().get("delivered", 0)
    start_typing(page, base_url)
    listen_for_announcements(page)

    consent = say(page, "can i talk to an actual person")
    assert question("consent") in consent
    assert suggested_replies(page) == [words("share_yes"), words("share_no")]

    assert words("contact") in say(page, "yeah thats fine")  # consent in their own words, typed
    assert suggested_replies(page) == []

    accepted = say(page, "07700 900 123")
    found = REFERENCE.search(accepted)
    assert found, accepted
    reference = found.group(0)
    assert words("accepted") in accepted
    assert "07700900123" in accepted  # the number, read back as the staff will get it

    # A screen reader announces it as it announces every reply: added to the log, a live region.
    expect(page.get_by_role("log")).to_contain_text(reference)
    assert [text for text in announcements(page) if reference in text], announcements(page)
    assert lines_taken(bots(page).last, reference) == 1
    # And the contact centre gets it: the worker delivers the case through the (fake) Notify.
    deadline = time.monotonic() + 10
    while outbox.counts().get("delivered", 0) == delivered_before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert outbox.counts().get("delivered", 0) == delivered_before + 1


def test_by_keyboard_the_consent_replies_are_reached_and_yes_leaves_the_cursor_in_the_message_box(
    laptop: Page, base_url: str
) -> None:
    page = laptop
    start_typing(page, base_url)
    say(page, "i want to speak to a real person")
    yes, no = words("share_yes"), words("share_no")
    assert suggested_replies(page) == [yes, no]

    # Both are reached from the message box, and the one with focus shows it (GOV.UK's yellow).
    assert tab_to(page, no, backwards=True) == 1
    assert tab_to(page, yes, backwards=True) == 1
    assert page.evaluate("getComputedStyle(document.activeElement).backgroundColor") == "rgb(255, 221, 0)"
    before = bots(page).count()
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(before + 1, timeout=30_000)
    expect(page.locator(".message--user").last).to_contain_text(yes)
    expect(bots(page).last).to_contain_text(words("contact"))
    assert focused(page) == "chat-input"
    assert axe_violations(page) == []

    # The resident types the contact details straight away: no click, no Tab.
    accepted = say(page, "sam.jones@example.com")
    assert REFERENCE.search(accepted) and "sam.jones@example.com" in accepted


def test_a_mistyped_contact_is_asked_for_again_once_with_an_example(phone: Page, base_url: str) -> None:
    page = phone
    start_typing(page, base_url)
    say(page, "can i talk to an actual person")
    say(page, "yes")

    again = say(page, "07700 9001")  # a digit or two short
    assert words("contact_again") in again  # with the example: "like 07700 900123 or name@example.com"
    assert not REFERENCE.search(again)

    gave_up = say(page, "me@example")  # no .com: asked once again only, then the phone number
    assert words("contact_gave_up") in gave_up
    assert words("contact_again") not in gave_up
    assert not REFERENCE.search(gave_up)


def test_a_welsh_resident_is_handed_over_in_welsh(laptop: Page, base_url: str) -> None:
    page = laptop
    start_typing(page, base_url, "cy")
    consent = say(page, "ga i siarad gyda pherson")
    assert question("consent", "cy") in consent
    assert suggested_replies(page) == [words("share_yes", "cy"), words("share_no", "cy")]
    expect(page.locator("#quick-replies")).to_have_attribute("lang", "cy")

    assert words("contact", "cy") in say(page, "ie")
    accepted = say(page, "nia.evans@example.com")
    assert REFERENCE.search(accepted), accepted
    assert words("accepted", "cy") in accepted  # "... Eich cyfeirnod yw"

    expect(page.locator("html")).to_have_attribute("lang", "cy")
    languages = page.locator(".message").evaluate_all("nodes => nodes.map(node => node.lang)")
    assert len(languages) == 7 and set(languages) == {"cy"}  # the welcome, and three turns each way


def test_two_misunderstandings_in_a_row_bring_the_offer_of_a_person_and_taking_it_starts_the_hand_off(
    laptop: Page, base_url: str
) -> None:
    page = laptop
    start_typing(page, base_url)
    assert words("offer") not in say(page, "asdf qwerty")
    assert words("offer") in say(page, "blorp")
    assert suggested_replies(page) == [words("offer_reply")]

    press_suggested_reply(page, words("offer_reply"))
    expect(page.locator(".message--user").last).to_contain_text(words("offer_reply"))
    expect(bots(page).last).to_contain_text(question("consent"))
    assert suggested_replies(page) == [words("share_yes"), words("share_no")]
    assert focused(page) == "chat-input"
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["en", "cy"])
def test_an_answer_judged_not_helpful_offers_a_person_one_keypress_away(
    laptop: Page, base_url: str, language: str
) -> None:
    page = laptop
    start_typing(page, base_url, language)
    say(page, "how do i pay my council tax" if language == "en" else "sut mae talu treth gyngor")
    tab_to(page, "No" if language == "en" else "Nac oedd", backwards=True)
    page.keyboard.press("Enter")
    person = page.locator(".feedback__person")
    expect(person).to_have_text(words("offer_reply", language))
    assert focused(page).startswith("looking-for-")  # what were you looking for? comes first
    assert person.evaluate("node => node.closest('[lang]').lang") == language
    assert axe_violations(page) == []

    before = bots(page).count()
    tab_to(page, words("offer_reply", language))
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(before + 1, timeout=30_000)
    expect(bots(page).last).to_contain_text(question("consent", language))
    expect(person).to_have_count(0)
    assert focused(page) == "chat-input"
    assert axe_violations(page) == []


def test_a_reference_of_letters_only_never_breaks_across_lines_on_a_phone(phone: Page, base_url: str) -> None:
    """References are random: one in eleven has no digit. The app's real replies, with the reference
    swapped for such a one, at every phone width from 320 to 480 pixels."""

    def letters_only(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=REFERENCE.sub(LETTERS_ONLY_REFERENCE, response.text()))

    page = phone
    page.route("**/api/chat", letters_only)
    start_typing(page, base_url)
    say(page, "can i talk to an actual person")
    say(page, "yes")
    assert LETTERS_ONLY_REFERENCE in say(page, "07700 900 123")

    lines_at_width: dict[int, int] = {}
    for width in range(320, 481, 4):
        page.set_viewport_size({"width": width, "height": 568})
        lines_at_width[width] = lines_taken(bots(page).last, LETTERS_ONLY_REFERENCE)
    assert {width: lines for width, lines in lines_at_width.items() if lines != 1} == {}
