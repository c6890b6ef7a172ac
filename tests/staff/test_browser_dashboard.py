"""The staff pages in real headless Chromium: signing in by keyboard alone, the dashboard at a laptop's
and a phone's size with no sideways scroll, and axe-core (WCAG 2.2 AA) clean on every page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.chat.browser import axe_violations, focused, tab_to
from tests.live_server import serve
from tests.staff.conftest import PASSWORDS, USERNAMES, staff_app
from webhook.insights.events import FeedbackEvent, TurnEvent
from webhook.insights.store import write_events

VIEWPORTS = {"phone": {"width": 320, "height": 568}, "laptop": {"width": 1280, "height": 800}}


def turn(conversation: str, council: str, intent: str, text: str, days_ago: int) -> TurnEvent:
    fallback = intent == "system.fallback"
    return TurnEvent(
        at=datetime.now(UTC) - timedelta(days=days_ago, minutes=5),
        council=council,
        conversation=conversation,
        language="en",
        channel="chat",
        intent=intent,
        confidence=0.2 if fallback else 0.9,
        fallback=fallback,
        handoff=False,
        outcome=None,
        text=text,
    )


def sample_events() -> list[TurnEvent | FeedbackEvent]:
    """A month of conversations in two councils, with questions both failed to answer."""
    events: list[TurnEvent | FeedbackEvent] = []
    for day in range(30):
        for n in range(day % 5 + 1):
            council = "demo" if n % 2 == 0 else "oxford"
            conversation = f"c-{day}-{n}"
            events.append(turn(conversation, council, "waste.collection_day", "when is my bin day", day))
            if n % 3 == 0:
                text = "can i get a permit for a skip on the road outside my house"
                events.append(turn(conversation, council, "system.fallback", text, day))
    events.append(
        FeedbackEvent(
            datetime.now(UTC),
            "demo",
            "c-0-0",
            "waste.collection_day",
            0,
            False,
            "en",
            "it said the wrong day",
        )
    )
    return events


@pytest.fixture(scope="module")
def staff_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    database = Path(tmp_path_factory.mktemp("staff-browser")) / "app.sqlite3"
    app = staff_app(f"sqlite:///{database}")
    write_events(app.extensions["database"], sample_events())
    with serve(app) as url:
        yield url


def new_page(browser: Browser, viewport: str = "laptop") -> Page:
    # bypass_csp lets the test inject axe-core; the app's own pages need no inline script.
    return browser.new_context(viewport=VIEWPORTS[viewport], bypass_csp=True).new_page()


def sign_in_by_keyboard(page: Page, base_url: str, scope: str) -> None:
    page.goto(f"{base_url}/staff/{scope}/sign-in")
    tab_to(page, "username")
    page.keyboard.type(USERNAMES[scope])
    page.keyboard.press("Tab")
    assert focused(page) == "password"
    page.keyboard.type(PASSWORDS[scope])
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base_url}/staff/{scope}/")


def open_every_details(page: Page) -> None:
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def test_staff_sign_in_by_keyboard_alone_and_reach_the_dashboard(browser: Browser, staff_url: str) -> None:
    page = new_page(browser)

    sign_in_by_keyboard(page, staff_url, "demo")

    expect(page.locator("h1")).to_contain_text("what residents asked")
    expect(page.locator("#figure-conversations")).not_to_have_text("0")
    page.close()


def test_a_wrong_password_is_announced_and_the_page_is_accessible(browser: Browser, staff_url: str) -> None:
    page = new_page(browser)
    page.goto(f"{staff_url}/staff/oxford/sign-in")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert axe_violations(page) == []

    page.fill("#username", "oxford-staff")
    page.fill("#password", "not it")
    page.press("#password", "Enter")

    expect(page.locator("[role=alert]")).to_contain_text("The username or password is not right")
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_dashboard_reads_without_sideways_scroll_and_is_accessible(
    browser: Browser, staff_url: str, viewport: str
) -> None:
    page = new_page(browser, viewport)
    sign_in_by_keyboard(page, staff_url, "demo")
    page.select_option("#days", "90")
    page.click("text=Show")
    expect(page).to_have_url(f"{staff_url}/staff/demo/?days=90&language=")
    open_every_details(page)

    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    expect(page.locator("svg.chart")).to_have_count(2)
    expect(
        page.get_by_text("can i get a permit for a skip on the road outside my house").first
    ).to_be_visible()
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_sector_view_is_accessible_and_shows_questions_recurring_in_councils(
    browser: Browser, staff_url: str, viewport: str
) -> None:
    page = new_page(browser, viewport)
    sign_in_by_keyboard(page, staff_url, "sector")
    open_every_details(page)

    expect(page.locator("#unanswered")).to_contain_text("several councils")
    expect(page.get_by_role("row").filter(has_text="can i get a permit")).to_contain_text("Demo")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert axe_violations(page) == []
    page.close()


def test_the_suggestion_page_is_reached_from_the_dashboard_and_is_accessible(
    browser: Browser, staff_url: str
) -> None:
    page = new_page(browser)
    sign_in_by_keyboard(page, staff_url, "demo")

    page.get_by_role("link", name="Suggest as training phrases").first.click()
    open_every_details(page)

    expect(page.locator("h1")).to_have_text("Suggest as training phrases")
    expect(page.locator("#suggestion-yaml")).to_contain_text("extra_phrases")
    assert axe_violations(page) == []
    page.close()


def test_the_dashboard_is_worked_by_keyboard_alone(browser: Browser, staff_url: str) -> None:
    page = new_page(browser)
    sign_in_by_keyboard(page, staff_url, "demo")

    tab_to(page, "days")
    page.keyboard.press("ArrowDown")  # from the last 30 days to the last 90
    tab_to(page, "Show")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{staff_url}/staff/demo/?days=90&language=")
    skip = "can i get a permit for a skip on the road outside my house"
    tab_to(page, f"Suggest as training phrases for “{skip}”")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Suggest as training phrases")
    tab_to(page, "Sign out")
    page.keyboard.press("Enter")

    expect(page).to_have_url(f"{staff_url}/staff/demo/sign-in?signed_out=1")
    expect(page.locator(".notice")).to_have_text("You have signed out.")
    page.close()
