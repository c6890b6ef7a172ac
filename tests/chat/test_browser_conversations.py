"""Whole conversations on the chat page, as residents hold them: by keyboard alone, typing their answers
their own way, on a 320x568 phone and a 1280x800 laptop, in English and in Welsh, with axe-core's WCAG
2.2 AA check at every step and no request to any other site."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.chat.browser import (
    RequestLog,
    announcements,
    axe_violations,
    bots,
    focused,
    listen_for_announcements,
    open_chat,
    reply_start_and_box_are_on_screen,
    tab_to,
    type_and_send,
)
from tests.conftest import REPOSITORY
from webhook.library.loader import load_library
from webhook.library.messages import message_text

LIBRARY = load_library(REPOSITORY).library


def words_before(message_id: str, language: str) -> str:
    """The last words of the bot's own message before its first {placeholder} (it is reworded in the
    catalogue, not here): "Your reference is" of "... Your reference is {reference}."."""
    text = message_text(LIBRARY, LIBRARY.councils["demo"], message_id, language)
    return text.split("{", 1)[0].rsplit(". ", 1)[-1].strip(" :")


@dataclass(frozen=True)
class Script:
    """What a resident types, in one language, and the words of the page they use."""

    language: str
    postcode: str
    follow_up: str
    report: list[str]
    comment: str
    # The page's own words (chat.js), which the resident reads and presses.
    no: str
    thanks: str
    save: str
    restart: str
    you_said: str
    # What the bot's answers start with (from the library), to know they came.
    bin_day: str
    reference: str


SCRIPTS = {
    "en": Script(
        language="en",
        postcode="aa1 1aa",
        follow_up="and the recycling?",
        report=[
            "theres a pothole on my road",
            "outside number 12 on the high st",
            "smaller than a dinner plate",
        ],
        comment="when will it be fixed",
        no="No",
        thanks="Thank you for your feedback.",
        save="Save this conversation",
        restart="Start again",
        you_said="You said:",
        bin_day=words_before("waste.next", "en"),
        reference=words_before("reporting.accepted", "en"),
    ),
    "cy": Script(
        language="cy",
        postcode="aa1 1aa",
        follow_up="a'r ailgylchu?",
        report=["dwi isio riportio twll yn y ffordd", "tu allan i rif 12 stryd fawr", "llai na plat cinio"],
        comment="pryd fydd o wedi ei drwsio",
        no="Nac oedd",
        thanks="Diolch am eich adborth.",
        save="Cadw\u2019r sgwrs hon",
        restart="Dechrau eto",
        you_said="Dywedoch chi:",
        bin_day=words_before("waste.next", "cy"),
        reference=words_before("reporting.accepted", "cy"),
    ),
}
#: The page's own English words: none of them may show on the Welsh page.
ENGLISH_WORDS = {
    "Skip to main content",
    "Council chatbot",
    "Ask a question about council services.",
    "Start again",
    "Save this conversation",
    "Your message",
    "Send",
    "Do not share bank details. In an emergency, call 999.",
    "Was this helpful?",
    "Yes",
    "No",
    "Thank you for your feedback.",
    "What were you looking for? (optional)",
    "Send feedback",
    "Try again",
    "Suggested replies",
    "Conversation options",
}


def check_step(page: Page) -> None:
    """What must hold after every step: the newest reply starts in view, the message box is on the
    screen, nothing scrolls sideways, and axe finds nothing."""
    assert reply_start_and_box_are_on_screen(page) == {
        "first_line_in_log": True,
        "first_line_on_screen": True,
        "box_on_screen": True,
        "no_sideways_scroll": True,
    }
    assert axe_violations(page) == []


def check_control_step(page: Page) -> None:
    """After using a control (feedback, save, start again): whatever has focus is on the screen (to a
    pixel's rounding: a control scrolled to the top may sit at -0.4 px), nothing scrolls sideways, and
    axe finds nothing."""
    assert page.evaluate(
        """() => { const box = document.activeElement.getBoundingClientRect();
                   return box.top >= -1 && box.bottom <= innerHeight + 1
                       && document.documentElement.scrollWidth <= innerWidth; }"""
    )
    assert axe_violations(page) == []


def say(page: Page, text: str) -> str:
    """Type into the message box (which has focus), send with Enter, check the step; the reply's text."""
    assert focused(page) == "chat-input"
    reply = type_and_send(page, page, text)
    assert focused(page) == "chat-input"
    check_step(page)
    return reply.inner_text()


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_whole_conversation_by_keyboard_alone(
    sized_page: Page, base_url: str, requests_seen: RequestLog, language: str
) -> None:
    page, script = sized_page, SCRIPTS[language]
    open_chat(page, base_url, language)
    assert axe_violations(page) == []  # the page opens at its top, the council's name first

    # A suggested reply, pressed with Enter: it is sent, and the cursor is back in the message box.
    first_suggestion = page.locator("#quick-replies button").first.inner_text()
    tab_to(page, first_suggestion)
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(2, timeout=30_000)
    assert focused(page) == "chat-input"
    expect(page.locator(".message--user").last).to_contain_text(first_suggestion)
    check_step(page)

    # The postcode, typed: a long answer, read from its first line.
    assert script.bin_day in say(page, script.postcode)
    expect(bots(page).last).to_have_attribute("data-intent", "waste.collection_day")
    expect(bots(page).last).to_have_attribute("lang", language)
    assert script.bin_day in say(page, script.follow_up)
    expect(bots(page).last).to_have_attribute("data-intent", "waste.another_bin_day")

    # A report, in the resident's words, to its reference number, which never breaks across lines.
    for text in script.report:
        say(page, text)
    reply = say(page, "no thanks" if language == "en" else "dim diolch")
    assert script.reference in reply
    reference = bots(page).last.locator(".nowrap", has_text=re.compile(r"^DEMO-\d+$"))
    assert reference.evaluate("node => node.getClientRects().length") == 1

    # Was this helpful? No, and what they were looking for; then the cursor is back in the message box.
    tab_to(page, script.no, backwards=True)
    page.keyboard.press("Enter")
    expect(bots(page).last.locator("xpath=following-sibling::div[1]")).to_contain_text(script.thanks)
    assert focused(page).startswith("looking-for-")
    check_control_step(page)
    page.keyboard.type(script.comment)
    page.keyboard.press("Enter")
    expect(page.locator(".feedback__comment")).to_have_count(0)
    assert focused(page) == "chat-input"
    check_control_step(page)

    if language == "cy":
        shown = page.evaluate(
            """() => [...document.querySelectorAll('button, label, h1, a.skip-link, .site-header__name, '
                                                  + '.chat__intro, .chat__hint, .feedback p')]
               .filter(node => !node.closest('.message') && node.offsetParent !== null)
               .map(node => node.textContent.trim())"""
        )
        assert len(shown) >= 8 and not ENGLISH_WORDS & set(shown), shown

    # Save this conversation: a plain-text file with both sides of it.
    tab_to(page, script.save, backwards=True)
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert f"{script.you_said} {script.postcode}" in saved and script.bin_day in saved
    assert re.search(rf"{script.reference} DEMO-\d+", saved)
    assert download.value.suggested_filename.startswith("chat-demo-")
    check_control_step(page)  # the page after saving

    # Start again: only a fresh welcome is left, and the cursor is in the message box.
    tab_to(page, script.restart, backwards=True)
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(1, timeout=30_000)
    expect(page.locator(".message--user")).to_have_count(0)
    assert focused(page) == "chat-input"
    check_control_step(page)

    assert requests_seen.outside(base_url) == []


def test_yes_is_sent_as_feedback_on_the_answer_and_stays_answered(page: Page, base_url: str) -> None:
    sent: list[dict] = []
    page.on(
        "request",
        lambda r: sent.append(json.loads(r.post_data or "{}")) if r.url.endswith("/api/feedback") else None,
    )
    open_chat(page, base_url)
    listen_for_announcements(page)
    tab_to(page, "chat-input")
    type_and_send(page, page, "how do i pay my council tax")
    expect(page.locator(".feedback")).to_have_count(1)  # the welcome asks nothing; the answer does
    assert any(text.startswith("Was this helpful?") for text in announcements(page))  # after the answer
    tab_to(page, "Yes", backwards=True)
    page.keyboard.press("Enter")
    expect(page.locator(".feedback")).to_have_text("Thank you for your feedback.")
    assert announcements(page)[-1] == "Thank you for your feedback."
    assert focused(page) == "chat-input"
    assert sent == [
        {
            "council": "demo",
            "session": page.evaluate("JSON.parse(sessionStorage.getItem('council-chat:demo')).session"),
            "intent": "council_tax.pay",
            "answer": 2,
            "helpful": True,
            "language": "en",
        }
    ]
    page.reload()
    expect(page.locator(".feedback")).to_have_text("Thank you for your feedback.")
    expect(page.get_by_role("button", name="Yes")).to_have_count(0)


def test_feedback_that_cannot_be_sent_says_so_and_can_be_given_again(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    tab_to(page, "chat-input")
    type_and_send(page, page, "how do i pay my council tax")
    page.route("**/api/feedback", lambda route: route.fulfill(status=429, json={"error": {"status": 429}}))
    tab_to(page, "Yes", backwards=True)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Sorry, your feedback could not be sent.")
    expect(page.get_by_role("button", name="Yes")).to_be_visible()
