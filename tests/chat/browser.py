"""Real headless Chromium (Debian's) driven by Playwright against the app served on loopback: the
browser's settings, axe-core, the requests a page made, and a resident's keyboard."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import Frame, FrameLocator, Locator, Page, expect

REPOSITORY = Path(__file__).resolve().parents[2]
AXE = REPOSITORY / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # This machine has no internet: keep Chromium from trying to reach Google in the background.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_path() -> str:
    """Debian's Chromium; `.ci/run` installs it. Its absence is an error, never a skipped test."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("Chromium is not installed: run `apt-get install chromium` (.ci/run does)")
    return path


def axe_violations(page: Any, *, iframes: bool = True) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.2 AA violations on the page as it is now."""
    if not AXE.exists():
        raise RuntimeError("axe-core is missing: run `npm ci` (`make test` does)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async ([tags, iframes]) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, iframes})",
        [WCAG_22_AA, iframes],
    )
    return [
        {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


#: Serves a chat app with the given settings for the rest of the session; gives its base URL.
ServeChat = Callable[..., str]


class RequestLog:
    """Every request a browser context made (Playwright's request event)."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def add(self, request: Any) -> None:
        self.urls.append(request.url)

    def outside(self, *allowed: str) -> list[str]:
        """The requests to any origin but these (blob: and data: URLs never leave the browser)."""
        origins = {_origin(url) for url in allowed}
        return [
            url for url in self.urls if not url.startswith(("blob:", "data:")) and _origin(url) not in origins
        ]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


# The chat, by keyboard ---------------------------------------------------------------------------------


def open_chat(page: Page | Frame, base_url: str, language: str = "en") -> None:
    """Open the full-page chat and wait for the welcome."""
    page.goto(f"{base_url}/chat/demo?language={language}")
    expect(page.locator(".message--bot").first).to_be_visible(timeout=30_000)


def focused(page: Page | Frame) -> str:
    """The focused element: its id, else its text."""
    return page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")


def tab_to(page: Page, target: str, *, backwards: bool = False, within: Page | Frame | None = None) -> int:
    """Press Tab (Shift+Tab backwards) until the element with this id or text has focus; how many
    presses it took. Keys go to the page; `within` is the frame whose focus is read."""
    where = within or page
    for presses in range(1, 101):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if target in (focused(where), where.evaluate("document.activeElement.textContent.trim()")):
            return presses
    raise AssertionError(f"{target!r} never took focus; focus is on {focused(where)!r}")


def bots(chat: Page | Frame | FrameLocator) -> Locator:
    return chat.locator(".message--bot")


def type_and_send(page: Page, chat: Page | Frame | FrameLocator, text: str) -> Locator:
    """Type a message as a resident does, into the box that has focus, press Enter, and wait for the
    answer; the answer."""
    before = bots(chat).count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    expect(bots(chat)).to_have_count(before + 1, timeout=30_000)
    return bots(chat).last


def reply_start_and_box_are_on_screen(chat: Page | Frame) -> dict[str, Any]:
    """Where the newest reply's first line and the message box are, against the log and the screen."""
    return chat.evaluate(
        """() => {
        const first = [...document.querySelectorAll('.message--bot')].pop().querySelector('p');
        const line = first.getBoundingClientRect();
        const log = document.getElementById('chat-log').getBoundingClientRect();
        const box = document.getElementById('chat-row').getBoundingClientRect();
        const top = line.top, bottom = line.top + 20;  // its first line
        return {
          first_line_in_log: top >= log.top - 1 && bottom <= log.bottom + 1,
          first_line_on_screen: top >= 0 && bottom <= innerHeight,
          box_on_screen: box.top >= 0 && box.bottom <= innerHeight + 1,
          no_sideways_scroll: document.documentElement.scrollWidth <= innerWidth,
        };
    }"""
    )


# What a resident notices: what a screen reader announces, and where text breaks --------------------------


def listen_for_announcements(page: Page | Frame) -> None:
    """From now on, record the text added to the page's live regions (an aria-live region, or a role of
    log, status or alert): what a screen reader announces, in order. `announcements` reads it."""
    page.evaluate(
        """() => {
        window.__announced = [];
        const live = '[aria-live]:not([aria-live="off"]), [role="log"], [role="status"], [role="alert"]';
        const heard = node => !(node.nodeType === 1 ? node : node.parentNode).closest('[aria-hidden="true"]');
        const observer = new MutationObserver(records => {
          for (const record of records) {
            for (const node of record.addedNodes) {
              const text = node.textContent.replace(/\\s+/g, ' ').trim();
              if (text && heard(node)) { window.__announced.push(text); }
            }
          }
        });
        for (const region of document.querySelectorAll(live)) {
          observer.observe(region, { childList: true, subtree: true });
        }
    }"""
    )


def announcements(page: Page | Frame) -> list[str]:
    """The texts added to a live region since `listen_for_announcements`, in order."""
    return page.evaluate("window.__announced")


def lines_taken(element: Locator, text: str) -> int:
    """On how many lines the first occurrence of `text` in `element` is laid out (0: it is not there)."""
    return element.evaluate(
        """(node, text) => {
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        const pieces = [];
        let whole = '';
        while (walker.nextNode()) {
          pieces.push({ node: walker.currentNode, start: whole.length });
          whole += walker.currentNode.data;
        }
        const at = whole.indexOf(text);
        if (at < 0) { return 0; }
        const end = at + text.length;
        const first = pieces.find(p => at < p.start + p.node.data.length);
        const last = pieces.find(p => end <= p.start + p.node.data.length);
        const range = document.createRange();
        range.setStart(first.node, at - first.start);
        range.setEnd(last.node, end - last.start);
        const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top);
        tops.sort((a, b) => a - b);
        let lines = 0, previous = -Infinity;  // boxes on one line share a top, give or take a pixel
        for (const top of tops) { if (top - previous > 4) { lines += 1; previous = top; } }
        return lines;
    }""",
        text,
    )
