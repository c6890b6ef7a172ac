"""Real headless Chromium (Debian's) driven by Playwright against the app served on loopback."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

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
