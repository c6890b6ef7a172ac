"""No message is lost: typed while a reply is on its way, sent when the network fails or the server
refuses, or when the chat's first call is refused. In real headless Chromium, by keyboard, on a 320x568
phone and a 1280x800 laptop, with what a screen reader announces and axe-core's WCAG 2.2 AA check in
each of those states."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, Request, Route, expect

from tests.chat.browser import (
    ServeChat,
    announcements,
    axe_violations,
    bots,
    focused,
    listen_for_announcements,
    open_chat,
    tab_to,
)

FAILED = {
    "en": "Sorry, your message could not be sent. Check your connection, then try again.",
    "cy": "Mae\u2019n ddrwg gennym, nid oedd modd anfon eich neges. "
    "Gwiriwch eich cysylltiad, yna ceisiwch eto.",
}
WAITING = {"en": "(Waiting to send)", "cy": "(Yn aros i gael ei hanfon)"}
TRY_AGAIN = {"en": "Try again", "cy": "Ceisio eto"}
START_FAILED = {
    "en": "Sorry, the chat could not start.",
    "cy": "Mae\u2019n ddrwg gennym, nid oedd modd dechrau\u2019r sgwrs.",
}


def text_of(request: Request) -> str:
    return json.loads(request.post_data or "{}").get("text", "")


def type_without_waiting(page: Page, *texts: str) -> None:
    """Type messages one after another as a quick typist does, never waiting for an answer."""
    for text in texts:
        page.keyboard.type(text)
        page.keyboard.press("Enter")


def to_the_message_box(page: Page) -> None:
    tab_to(page, "chat-input")


def test_messages_typed_while_a_reply_is_on_its_way_are_sent_in_order(
    sized_page: Page, base_url: str
) -> None:
    page = sized_page
    open_chat(page, base_url)
    to_the_message_box(page)
    held: list[Route] = []
    sent: list[str] = []

    def hold_the_first(route: Route) -> None:
        sent.append(text_of(route.request))
        if held:
            route.continue_()
        else:
            held.append(route)  # its answer is on its way until the test lets it go

    page.route("**/api/chat", hold_the_first)
    texts = ["how do i pay my council tax", "where do i vote", "aa1 1aa"]
    type_without_waiting(page, *texts)
    expect(page.locator(".message--user")).to_have_count(3)
    assert sent == texts[:1]  # one message at a time; the others wait their turn, shown as waiting
    expect(page.locator(".message--user").nth(1)).to_contain_text(WAITING["en"])
    expect(page.locator(".message--user").nth(2)).to_contain_text(WAITING["en"])
    assert axe_violations(page) == []

    held[0].continue_()
    expect(bots(page)).to_have_count(4, timeout=30_000)
    assert sent == texts
    intents = [bots(page).nth(i).get_attribute("data-intent") for i in (1, 2, 3)]
    assert intents == ["council_tax.pay", "elections.polling_station", "elections.polling_station"]
    expect(page.locator(".message--waiting, .message__waiting:not(:empty)")).to_have_count(0)
    assert focused(page) == "chat-input"


FAILURES: dict[str, Callable[[Route], None]] = {
    "network": lambda route: route.abort("internetdisconnected"),
    "503": lambda route: route.fulfill(status=503, json={"error": {"status": 503, "message": "down"}}),
    "500": lambda route: route.fulfill(status=500, body="<html>oops</html>", content_type="text/html"),
}


@pytest.mark.parametrize(
    ("sized_page", "failure", "language"),
    [("phone", "network", "en"), ("phone", "503", "cy"), ("laptop", "500", "en")],
    indirect=["sized_page"],
)
def test_a_failed_message_is_announced_and_try_again_sends_the_same_text(
    sized_page: Page, base_url: str, failure: str, language: str
) -> None:
    page = sized_page
    open_chat(page, base_url, language)
    to_the_message_box(page)
    listen_for_announcements(page)
    sent: list[str] = []

    def fail_once(route: Route) -> None:
        sent.append(text_of(route.request))
        if len(sent) == 1:
            FAILURES[failure](route)
        else:
            route.continue_()

    page.route("**/api/chat", fail_once)
    first, second = ("how do i pay my council tax", "where do i vote")
    if language == "cy":
        first, second = ("sut dw i'n talu treth cyngor", "lle dw i'n pleidleisio")
    type_without_waiting(page, first)
    alert = page.get_by_role("alert")
    expect(alert).to_have_text(FAILED[language])
    assert FAILED[language] in announcements(page)
    expect(page.locator(".message--user").last).to_contain_text(WAITING[language])
    expect(page.get_by_role("button", name=TRY_AGAIN[language])).to_be_visible()
    expect(alert).to_be_in_viewport()  # seen where the resident is typing, on a phone too
    expect(page.get_by_role("button", name=TRY_AGAIN[language])).to_be_in_viewport()
    assert focused(page) == "chat-input"
    assert axe_violations(page) == []

    type_without_waiting(page, second)  # kept, in order, behind the one that failed
    expect(page.locator(".message--user")).to_have_count(2)
    assert sent == [first]

    tab_to(page, TRY_AGAIN[language], backwards=True)
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(3, timeout=30_000)
    assert sent == [first, first, second]
    expect(alert).to_have_text("")
    expect(page.get_by_role("button", name=TRY_AGAIN[language])).to_be_hidden()
    assert focused(page) == "chat-input"
    assert axe_violations(page) == []


def test_a_quick_typist_over_the_rate_limit_loses_nothing(page: Page, serve_chat: ServeChat) -> None:
    """The server allows a burst of 3 and then one a second: the chat waits as the server says
    (Retry-After) and sends the rest, in order, by itself."""
    base_url = serve_chat(CHAT_RATE_BURST=3, CHAT_RATE_PER_MINUTE=60)
    answered: list[tuple[str, int]] = []
    page.on(
        "response",
        lambda r: answered.append((text_of(r.request), r.status)) if r.url.endswith("/api/chat") else None,
    )
    open_chat(page, base_url)
    to_the_message_box(page)
    texts = ["hiya", "how do i pay my council tax", "where do i vote", "aa1 1aa", "thanks bye"]
    type_without_waiting(page, *texts)
    expect(page.get_by_role("alert")).to_contain_text("You are sending messages too fast.")
    assert axe_violations(page) == []  # the "sending too fast" state, while messages wait
    expect(bots(page)).to_have_count(1 + len(texts), timeout=30_000)
    assert [text for text, status in answered if status == 200] == ["", *texts]
    assert any(status == 429 for _, status in answered)
    expect(page.get_by_role("alert")).to_have_text("")
    assert [m.inner_text().split(":", 1)[1].strip() for m in page.locator(".message--user").all()] == texts


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_welcome_keeps_trying_waiting_longer_each_time(page: Page, base_url: str, language: str) -> None:
    tries: list[float] = []

    def fail_twice(route: Route) -> None:
        tries.append(time.monotonic())
        if len(tries) <= 2:
            route.fulfill(status=503, json={"error": {"status": 503, "message": "starting"}})
        else:
            route.continue_()

    page.route("**/api/chat", fail_twice)
    page.goto(f"{base_url}/chat/demo?language={language}")
    expect(page.get_by_role("alert")).to_contain_text(START_FAILED[language])
    expect(bots(page)).to_have_count(1, timeout=30_000)
    expect(page.get_by_role("alert")).to_have_text("")
    assert len(tries) == 3
    first_wait, second_wait = tries[1] - tries[0], tries[2] - tries[1]
    assert 0.9 <= first_wait < 1.9 and second_wait >= 1.9


def test_the_welcome_comes_when_the_rate_limit_refused_the_first_call(
    page: Page, serve_chat: ServeChat
) -> None:
    base_url = serve_chat(CHAT_RATE_BURST=1, CHAT_RATE_PER_MINUTE=60)
    body = json.dumps({"council": "demo", "session": "someone-else-on-this-address"}).encode()
    request = urllib.request.Request(f"{base_url}/api/chat", body, {"Content-Type": "application/json"})
    urllib.request.urlopen(request).close()  # the allowance of this address is used up
    page.goto(f"{base_url}/chat/demo")
    expect(page.get_by_role("alert")).to_contain_text(START_FAILED["en"])
    expect(bots(page)).to_have_count(1, timeout=30_000)
    expect(bots(page).first).to_have_attribute("data-intent", "system.welcome")
    expect(page.get_by_role("alert")).to_have_text("")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_the_welcome_can_be_tried_again_by_keyboard(page: Page, base_url: str, language: str) -> None:
    """While the network is down the welcome keeps trying by itself; a resident on "Try again" when it
    does keeps the keyboard focus (in the message box, never on the page's <body>), and "Try again"
    brings the welcome once the network is back."""
    tries: list[str] = []
    down = [True]

    def fail_while_down(route: Route) -> None:
        tries.append(text_of(route.request))
        if down[0]:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    page.route("**/api/chat", fail_while_down)
    page.goto(f"{base_url}/chat/demo?language={language}")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(START_FAILED[language])
    assert axe_violations(page) == []

    tab_to(page, TRY_AGAIN[language])
    expect(alert).to_contain_text(START_FAILED[language])
    before = len(tries)
    page.wait_for_function(
        "() => document.getElementById('chat-retry').hidden === false && "
        "document.activeElement !== document.getElementById('chat-retry')",
        timeout=20_000,
    )  # tried again by itself, and failed again
    assert len(tries) > before
    assert focused(page) == "chat-input"

    tab_to(page, TRY_AGAIN[language], backwards=True)
    down[0] = False  # the network is back as the resident presses it
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(1, timeout=30_000)
    expect(bots(page).first).to_have_attribute("data-intent", "system.welcome")
    expect(alert).to_have_text("")
    assert set(tries) == {""}  # only ever the welcome
    assert focused(page) == "chat-input"
    assert axe_violations(page) == []
