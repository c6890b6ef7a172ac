"""The chat page and the widget in real headless Chromium: conversations, keyboard, Welsh, WCAG 2.2 AA."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.chat.browser import CHROMIUM_ARGS, axe_violations, chromium_path, serve
from tests.conftest import REPOSITORY, app_settings
from webhook import create_app
from webhook.library.annotations import plain_text
from webhook.library.loader import load_library

LIBRARY = load_library(REPOSITORY).library


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    cache: Path = tmp_path_factory.mktemp("browser-nlu")
    app = create_app(
        app_settings(
            REPOSITORY,
            NLU_CACHE_DIR=cache,
            SECRET_KEY="browser",
            CHAT_RATE_PER_MINUTE=6000,
            CHAT_RATE_BURST=1000,
        )
    )
    with serve(app) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def open_chat(page: Page, base_url: str, language: str = "en") -> None:
    page.goto(f"{base_url}/chat/demo?language={language}")
    expect(page.locator(".message--bot").first).to_be_visible(timeout=30_000)


def say(page: Page, text: str) -> None:
    """Type a message and send it with the keyboard, then wait for the bot's answer."""
    before = page.locator(".message--bot").count()
    page.locator("#chat-input").fill(text)
    page.keyboard.press("Enter")
    expect(page.locator(".message--bot")).to_have_count(before + 1, timeout=30_000)


def last_bot(page: Page):
    return page.locator(".message--bot").last


def test_the_welcome_is_in_a_live_region_and_the_page_has_no_accessibility_violations(
    page: Page, base_url: str
) -> None:
    open_chat(page, base_url)
    log = page.locator("#chat-log")
    assert log.get_attribute("role") == "log" and log.get_attribute("aria-live") == "polite"
    expect(last_bot(page)).to_contain_text("Demo Borough Council")
    assert axe_violations(page) == []


def test_a_resident_books_nothing_but_learns_their_bin_day_by_keyboard_alone(
    page: Page, base_url: str
) -> None:
    open_chat(page, base_url)
    page.keyboard.press("Tab")  # skip link
    page.locator("#chat-input").focus()
    say(page, "when do my bins get collected")
    expect(last_bot(page)).to_contain_text("postcode")
    say(page, "AA1 1AA")
    assert page.evaluate("document.activeElement.id") == "chat-input"
    expect(page.locator(".message--user").last).to_contain_text("AA1 1AA")
    assert axe_violations(page) == []


def test_quick_replies_are_real_buttons_that_send_their_text(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    buttons = page.locator("#quick-replies button")
    expect(buttons.first).to_be_visible()
    label = buttons.first.inner_text()
    buttons.first.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".message--user").last).to_contain_text(label)
    expect(page.locator(".message--bot")).to_have_count(2, timeout=30_000)


def test_links_open_in_the_same_tab(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    say(page, "how do i pay my council tax")
    link = last_bot(page).locator("a").first
    expect(link).to_have_attribute("href", "https://demo-council.example/council-tax/pay")
    assert link.get_attribute("target") is None


def test_the_language_switch_at_the_start_turns_the_chat_welsh(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    page.locator("[data-language-choice=cy]").click()
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(last_bot(page)).to_have_attribute("lang", "cy")
    expect(page.locator("#chat-send")).to_have_text("Anfon")
    say(page, "pryd mae'r biniau yn cael eu casglu")
    expect(last_bot(page)).to_contain_text("cod post")
    assert axe_violations(page) == []


def test_safeguarding_answers_from_the_middle_of_a_prompt(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    say(page, "when do my bins get collected")
    say(page, "i dont feel safe at home, my partner hurts me")
    expect(last_bot(page)).to_contain_text("999")
    expect(last_bot(page)).to_contain_text("116 123")


@pytest.mark.parametrize("width", [320, 375])
def test_the_chat_reflows_on_a_narrow_phone_with_24px_targets(
    browser: Browser, base_url: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 640})
    page = context.new_page()
    try:
        open_chat(page, base_url)
        say(page, "how do i pay my council tax")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        for button in page.locator("button:visible").all():
            box = button.bounding_box()
            assert box and box["width"] >= 24 and box["height"] >= 24, button.inner_text()
        assert axe_violations(page) == []
    finally:
        context.close()


def test_the_widget_opens_the_chat_and_returns_focus_when_closed(page: Page, base_url: str) -> None:
    page.set_content(
        "<!doctype html><html lang='en'><head><title>A council page</title></head><body><main>"
        "<h1>Bins</h1><p><a href='#end'>A link at the bottom</a></p></main>"
        f"<script src='{base_url}/static/widget.js' data-council='demo'></script></body></html>"
    )
    launcher = page.get_by_role("button", name="Ask us a question")
    expect(launcher).to_be_visible()
    launcher.focus()
    page.keyboard.press("Enter")
    expect(launcher).to_have_attribute("aria-expanded", "true")
    frame = page.frame_locator("iframe[title='Council chat']")
    expect(frame.locator(".message--bot").first).to_be_visible(timeout=30_000)
    page.keyboard.press("Escape")
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.className") == "ccb-launcher"
    assert page.evaluate("getComputedStyle(document.documentElement).scrollPaddingBottom") == "96px"
    assert axe_violations(page) == []


def _first_phrase(intent_id: str, language: str) -> str:
    return plain_text(LIBRARY.intents[intent_id].languages[language].phrases[0])


@pytest.mark.parametrize("language", ["en", "cy"])
def test_every_catalogue_conversation_can_be_held_on_the_page(
    page: Page, base_url: str, language: str
) -> None:
    """Each of the demo council's intents, asked as the library's first phrase, gets its own answer
    (after the postcode, for intents that need one)."""
    open_chat(page, base_url, language)
    for intent_id in sorted(LIBRARY.intents):
        if intent_id in ("system.switch_language",):
            continue  # switching language mid-test is covered above
        say(page, _first_phrase(intent_id, language))
        answer = last_bot(page)
        if answer.get_attribute("data-intent") == intent_id and "AA1 1AA" in answer.inner_text():
            say(page, "AA1 1AA")  # the prompt for a postcode
        expect(last_bot(page)).to_have_attribute("data-intent", intent_id)
        expect(last_bot(page)).to_have_attribute("lang", language)
