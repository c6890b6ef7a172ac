"""The conversation survives leaving the page in the same tab (a reload, a link to the council's site and
back), until the resident starts again or closes the tab."""

from __future__ import annotations

from playwright.sync_api import Page, Route, expect

from tests.chat.browser import bots, focused, open_chat, tab_to, type_and_send

COUNCIL_PAGE = (
    "<!doctype html><html lang='en'><head><title>Council</title></head><body><h1>Page</h1></body></html>"
)


def bin_day(page: Page) -> None:
    """Ask for the bin day and give the postcode, by keyboard."""
    tab_to(page, "chat-input")
    type_and_send(page, page, "when do my bins get collected")
    type_and_send(page, page, "aa1 1aa")
    expect(bots(page).last).to_have_attribute("data-intent", "waste.collection_day")


def transcript(page: Page) -> list[str]:
    return [message.inner_text() for message in page.locator(".message").all()]


def test_a_reload_keeps_the_conversation_where_it_was(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    bin_day(page)
    before = transcript(page)
    page.reload()
    expect(page.locator(".message")).to_have_count(len(before))
    assert transcript(page) == before  # and no second welcome
    expect(page.locator(".feedback").last).to_be_visible()
    tab_to(page, "chat-input")
    type_and_send(page, page, "and the recycling?")  # the signed state came back too
    expect(bots(page).last).to_have_attribute("data-intent", "waste.another_bin_day")


def test_a_resident_follows_a_link_and_comes_back_to_the_same_conversation(page: Page, base_url: str) -> None:
    page.context.route(
        "https://demo-council.example/**",
        lambda route: route.fulfill(body=COUNCIL_PAGE, content_type="text/html"),
    )
    open_chat(page, base_url)
    bin_day(page)
    before = transcript(page)
    link = bots(page).last.locator("a").first
    href = link.get_attribute("href")
    tab_to(page, link.inner_text(), backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_url(href)
    page.go_back()
    expect(page.locator(".message")).to_have_count(len(before))
    assert transcript(page) == before
    tab_to(page, "chat-input")
    type_and_send(page, page, "and the recycling?")
    expect(bots(page).last).to_have_attribute("data-intent", "waste.another_bin_day")


def test_a_message_on_its_way_when_the_resident_leaves_is_sent_when_they_come_back(
    page: Page, base_url: str
) -> None:
    open_chat(page, base_url)
    tab_to(page, "chat-input")
    held: list[Route] = []

    def hold_the_first(route: Route) -> None:
        if held:
            route.continue_()
        else:
            held.append(route)  # no answer comes before the resident leaves

    page.route("**/api/chat", hold_the_first)
    page.keyboard.type("how do i pay my council tax")
    page.keyboard.press("Enter")
    expect(page.locator(".message--user")).to_have_count(1)
    assert len(held) == 1
    page.reload()
    expect(bots(page)).to_have_count(2, timeout=30_000)
    expect(bots(page).last).to_have_attribute("data-intent", "council_tax.pay")
    expect(page.locator(".message--user")).to_have_count(1)


def test_start_again_forgets_the_conversation(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    bin_day(page)
    session = page.evaluate("JSON.parse(sessionStorage.getItem('council-chat:demo')).session")
    tab_to(page, "Start again", backwards=True)
    page.keyboard.press("Enter")
    expect(bots(page)).to_have_count(1, timeout=30_000)
    assert focused(page) == "chat-input"
    page.reload()
    expect(bots(page)).to_have_count(1, timeout=30_000)
    expect(page.locator(".message--user")).to_have_count(0)
    kept = page.evaluate("JSON.parse(sessionStorage.getItem('council-chat:demo'))")
    assert kept["session"] != session and len(kept["entries"]) == 1
    tab_to(page, "chat-input")
    type_and_send(page, page, "when do my bins get collected")
    expect(bots(page).last).to_contain_text("postcode")  # the postcode given before is forgotten


def test_another_tab_starts_its_own_conversation(page: Page, base_url: str) -> None:
    open_chat(page, base_url)
    bin_day(page)
    other = page.context.new_page()
    open_chat(other, base_url)
    expect(bots(other)).to_have_count(1)
    expect(other.locator(".message--user")).to_have_count(0)


def test_nothing_is_kept_once_the_tab_closes(page: Page, base_url: str) -> None:
    """The conversation lives in the tab's sessionStorage only: no cookie, nothing in localStorage or
    IndexedDB, so a tab opened after it closed starts afresh."""
    context = page.context
    open_chat(page, base_url)
    bin_day(page)
    assert page.evaluate("sessionStorage.getItem('council-chat:demo')")
    page.close()
    later = context.new_page()
    open_chat(later, base_url)
    expect(bots(later)).to_have_count(1)
    expect(later.locator(".message--user")).to_have_count(0)
    assert context.cookies() == []
    assert later.evaluate("localStorage.length") == 0
    assert later.evaluate("async () => (await indexedDB.databases()).length") == 0


def test_the_resident_can_decline_storage_and_still_chat(page: Page, base_url: str) -> None:
    """Where sessionStorage is refused (some private modes), the chat still works on the page."""
    page.add_init_script(
        "Object.defineProperty(window, 'sessionStorage', {get() { throw new DOMException('denied'); }})"
    )
    open_chat(page, base_url)
    bin_day(page)
