"""The widget on a council's own pages, in real headless Chromium: opened by keyboard the cursor is in the
chat's message box, Escape closes it, it speaks the page's language, the conversation follows the
resident from page to page, and nothing is fetched from any site but the council's and the chat's.

The council's site is https://demo-council.example and the chat https://chat.test (both served by
the test, the chat by the app), so the chat is in a frame of another origin, as it is in real use.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Frame, Page, expect

from tests.chat.browser import (
    RequestLog,
    axe_violations,
    focused,
    reply_start_and_box_are_on_screen,
    tab_to,
    type_and_send,
)
from tests.chat.conftest import VIEWPORTS

CHAT = "https://chat.test"
COUNCIL = "https://demo-council.example"
LAUNCHER = {"en": "Ask us a question", "cy": "Gofynnwch gwestiwn i ni"}


def council_page(title: str, language: str = "en", widget_language: str | None = None) -> str:
    chosen = f" data-language='{widget_language}'" if widget_language else ""
    return (
        f"<!doctype html><html lang='{language}'><head><title>{title}</title></head><body>"
        f"<main><h1>{title}</h1><p><a href='{COUNCIL}/'>Home</a></p></main>"
        f"<script src='{CHAT}/static/widget.js' data-council='demo'{chosen} defer></script></body></html>"
    )


@pytest.fixture(params=sorted(VIEWPORTS))
def site(
    request: pytest.FixtureRequest, browser: Browser, base_url: str, requests_seen: RequestLog
) -> Iterator[Page]:
    """A tab on the council's site, whose pages carry the widget, at a phone's size and a laptop's.
    (bypass_csp lets axe-core into the chat's frame; test_browser.py checks the framing policy.)"""
    context = browser.new_context(viewport=VIEWPORTS[request.param], bypass_csp=True)
    context.on("request", requests_seen.add)
    context.route(
        f"{CHAT}/**",
        lambda route: route.fulfill(response=route.fetch(url=route.request.url.replace(CHAT, base_url))),
    )
    pages = {
        f"{COUNCIL}/": council_page("Home"),
        f"{COUNCIL}/bins": council_page("Bins"),
        f"{COUNCIL}/cy/biniau": council_page("Biniau", language="cy"),
    }
    context.route(
        f"{COUNCIL}/**",
        lambda route: route.fulfill(
            body=pages.get(route.request.url, council_page("A council page")), content_type="text/html"
        ),
    )
    page = context.new_page()
    yield page
    context.close()


def chat_frame(page: Page) -> Frame:
    frame = page.frame(url=lambda url: url.startswith(f"{CHAT}/chat/"))
    assert frame is not None
    return frame


def open_widget(page: Page, language: str = "en") -> Frame:
    """Tab to the launcher and press Enter; the chat's frame, once its welcome has come."""
    tab_to(page, LAUNCHER[language])
    page.keyboard.press("Enter")
    expect(page.locator(".ccb-launcher")).to_have_attribute("aria-expanded", "true")  # hidden on a phone
    expect(page.frame_locator("iframe").locator(".message--bot").first).to_be_visible(timeout=30_000)
    return chat_frame(page)


def input_has_focus(page: Page, frame: Frame) -> bool:
    """Whether the chat's message box has the keyboard focus (the frame asks for it as it opens)."""
    frame.wait_for_function("document.activeElement.id === 'chat-input'", timeout=5_000)
    return page.evaluate("document.activeElement.tagName") == "IFRAME" and focused(frame) == "chat-input"


@pytest.mark.parametrize(("path", "language"), [("/bins", "en"), ("/cy/biniau", "cy")])
def test_opening_the_widget_by_keyboard_puts_the_cursor_in_the_chat(
    site: Page, requests_seen: RequestLog, path: str, language: str
) -> None:
    site.goto(f"{COUNCIL}{path}")
    frame = open_widget(site, language)
    expect(frame.locator("html")).to_have_attribute("lang", language)
    assert input_has_focus(site, frame)
    assert axe_violations(site, iframes=False) == [] and axe_violations(frame) == []

    # What the resident types goes straight into the chat.
    words = (
        ("when do my bins get collected", "aa1 1aa") if language == "en" else ("pryd mae'r bins", "aa1 1aa")
    )
    for text in words:
        reply = type_and_send(site, frame, text)
        assert input_has_focus(site, frame)
        assert all(reply_start_and_box_are_on_screen(frame).values())
        assert axe_violations(frame) == []
    expect(reply).to_have_attribute("data-intent", "waste.collection_day")

    # A suggested reply, pressed with Enter: it is sent, and the cursor is back in the message box.
    suggestion = frame.locator("#quick-replies button").first.inner_text()
    tab_to(site, suggestion, backwards=True, within=frame)
    site.keyboard.press("Enter")
    expect(frame.locator(".message--user").last).to_contain_text(suggestion)
    expect(frame.locator(".message--bot")).to_have_count(4, timeout=30_000)
    assert input_has_focus(site, frame)
    assert all(reply_start_and_box_are_on_screen(frame).values())
    assert axe_violations(frame) == []

    # Escape, from the message box, closes it and gives focus back to the launcher.
    site.keyboard.press("Escape")
    launcher = site.get_by_role("button", name=LAUNCHER[language])
    expect(launcher).to_have_attribute("aria-expanded", "false")
    expect(launcher).to_be_focused()
    expect(site.locator(".ccb-panel")).to_be_hidden()
    assert axe_violations(site, iframes=False) == []
    assert requests_seen.outside(CHAT, COUNCIL) == []


def test_on_a_phone_the_open_chat_fills_the_screen(site: Page) -> None:
    site.goto(f"{COUNCIL}/bins")
    open_widget(site)
    panel = site.locator(".ccb-panel").bounding_box()
    width, height = site.viewport_size["width"], site.viewport_size["height"]
    assert panel is not None
    if width <= 480:
        assert (panel["x"], panel["y"], panel["width"], panel["height"]) == (0, 0, width, height)
        # The launcher it covers is out of the tab order, so focus never lands where nobody sees it.
        expect(site.get_by_role("button", name=LAUNCHER["en"])).to_be_hidden()
    else:
        assert panel["width"] <= 424 and panel["y"] > 0  # a panel beside the page


def test_the_close_button_and_the_launcher_toggle_the_chat_by_keyboard(site: Page) -> None:
    site.goto(f"{COUNCIL}/bins")
    frame = open_widget(site)
    tab_to(site, "Close chat", backwards=True)  # out of the frame, back to its close button
    site.keyboard.press("Enter")
    launcher = site.get_by_role("button", name=LAUNCHER["en"])
    expect(launcher).to_be_focused()
    site.keyboard.press("Enter")  # opened again: the same conversation, the cursor in it
    expect(site.locator(".ccb-launcher")).to_have_attribute("aria-expanded", "true")
    expect(site.frame_locator("iframe").locator(".message--bot")).to_have_count(1)
    assert input_has_focus(site, frame)


def test_the_conversation_follows_the_resident_to_the_next_page(
    site: Page, requests_seen: RequestLog
) -> None:
    site.goto(f"{COUNCIL}/bins")
    frame = open_widget(site)
    type_and_send(site, frame, "when do my bins get collected")
    reply = type_and_send(site, frame, "aa1 1aa")
    link = reply.locator("a").first
    assert link.get_attribute("target") == "_top"  # the council's page opens in the tab, not the frame
    href, words = link.get_attribute("href") or "", link.inner_text()
    said = [m.inner_text() for m in frame.locator(".message").all()]

    # The resident follows the answer's link, by keyboard, to another page of the council's site.
    tab_to(site, words, backwards=True, within=frame)
    site.keyboard.press("Enter")
    site.wait_for_url(href)
    assert not site.url.startswith(CHAT)

    frame = open_widget(site)
    expect(frame.locator(".message")).to_have_count(len(said))
    assert [m.inner_text() for m in frame.locator(".message").all()] == said
    assert input_has_focus(site, frame)
    reply = type_and_send(site, frame, "and the recycling?")
    expect(reply).to_have_attribute("data-intent", "waste.another_bin_day")
    assert requests_seen.outside(CHAT, COUNCIL) == []


def test_the_sample_council_site_shows_the_widget_under_its_own_policy(
    browser: Browser, base_url: str, requests_seen: RequestLog
) -> None:
    """`make run`'s /demo-site/ page, with the app's Content-Security-Policy enforced."""
    context = browser.new_context(viewport=VIEWPORTS["phone"])
    context.on("request", requests_seen.add)
    page = context.new_page()
    try:
        page.goto(f"{base_url}/demo-site/demo/bins")
        launcher = page.get_by_role("button", name=LAUNCHER["en"])
        expect(launcher).to_have_css("position", "fixed")  # its style sheet loaded
        tab_to(page, LAUNCHER["en"])
        page.keyboard.press("Enter")
        frame_locator = page.frame_locator("iframe")
        expect(frame_locator.locator(".message--bot").first).to_be_visible(timeout=30_000)
        frame = page.frame(url=lambda url: "/chat/demo" in url)
        assert frame is not None and input_has_focus(page, frame)
        type_and_send(page, frame, "how do i pay my council tax")
        expect(frame.locator(".message--bot").last).to_have_attribute("data-intent", "council_tax.pay")
        assert requests_seen.outside(base_url) == []
    finally:
        context.close()


def test_the_conversation_can_be_saved_from_the_widget(site: Page) -> None:
    site.goto(f"{COUNCIL}/bins")
    frame = open_widget(site)
    type_and_send(site, frame, "how do i pay my council tax")
    tab_to(site, "Save this conversation", backwards=True, within=frame)
    with site.expect_download() as download:
        site.keyboard.press("Enter")
    saved = Path(download.value.path()).read_text(encoding="utf-8")
    assert "You said: how do i pay my council tax" in saved
    assert "https://demo-council.example/council-tax/pay" in saved


@pytest.mark.parametrize("site", ["phone"], indirect=True)
def test_where_the_chats_frame_may_not_keep_it_the_council_page_keeps_it(site: Page) -> None:
    """A browser that refuses the chat's frame its storage (third-party storage blocked) has the widget
    keep the conversation in the council page's own sessionStorage, so it still follows the resident."""
    site.add_init_script(
        f"if (location.origin === '{CHAT}') {{ Object.defineProperty(window, 'sessionStorage', "
        "{ get() { throw new DOMException('blocked', 'SecurityError'); } }); }"
    )
    site.goto(f"{COUNCIL}/bins")
    frame = open_widget(site)
    type_and_send(site, frame, "when do my bins get collected")
    type_and_send(site, frame, "aa1 1aa")
    said = [m.inner_text() for m in frame.locator(".message").all()]
    kept = site.evaluate("JSON.parse(sessionStorage.getItem('council-chat:demo'))")
    assert len(kept["entries"]) == len(said)

    site.goto(f"{COUNCIL}/")
    frame = open_widget(site)
    expect(frame.locator(".message")).to_have_count(len(said))
    assert [m.inner_text() for m in frame.locator(".message").all()] == said
    assert input_has_focus(site, frame)
    reply = type_and_send(site, frame, "and the recycling?")
    expect(reply).to_have_attribute("data-intent", "waste.another_bin_day")
