"""Smoke-check a running council chatbot: every page, the chat API and the webhook answer as they should.

tests/test_packaging.py runs it against the installed wheel, and CI (`make image-check`) against the
Docker image, so both check the same things:

    python3 tests/check_server.py http://127.0.0.1:8080 --token TOKEN [--wait 60]

TOKEN is the demo council's webhook token (WEBHOOK_DEMO_TOKEN). Standard library only, so it runs with
any Python 3.11, outside the project's virtualenv.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

#: The demo council's phone number, as its overlay gives it.
DEMO_PHONE = "01632 960000"


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        return json.loads(self.body)


def fetch(url: str, body: object = None, headers: dict[str, str] | None = None) -> Answer:
    """GET, or POST `body` as JSON; HTTP errors are answers too, not exceptions."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(
        url, data=data, headers={"Content-Type": "application/json"} | (headers or {})
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, response.headers.get("Content-Type", ""), response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers.get("Content-Type", ""), error.read())


def wait_until_up(base_url: str, seconds: float, probe: str = "/healthz") -> None:
    """Return once `probe` answers 200; raise TimeoutError after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if fetch(f"{base_url}{probe}").status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{base_url}{probe} did not answer 200 within {seconds:.0f} s")
        time.sleep(0.2)


def wait_until_ready(base_url: str, seconds: float) -> None:
    """Return once /readyz says ready (its models built, as a platform waits before sending residents)."""
    wait_until_up(base_url, seconds, "/readyz")


def page(answer: Answer, *expected: str) -> str | None:
    """None when the answer is a 200 HTML page holding every expected string, else what is wrong."""
    if answer.status != 200:
        return f"status {answer.status}: {answer.text[:300]}"
    if "text/html" not in answer.content_type:
        return f"content type {answer.content_type!r}, not HTML"
    missing = [text for text in expected if text not in answer.text]
    return f"the page lacks {missing}" if missing else None


def check_pages(base_url: str) -> dict[str, str | None]:
    """What a resident's browser and a container platform fetch."""
    widget = fetch(f"{base_url}/static/widget.js")
    openapi = fetch(f"{base_url}/openapi.json")
    return {
        "GET /": page(fetch(f"{base_url}/"), "Councils on the platform", "/councils/demo"),
        "GET /chat/demo": page(fetch(f"{base_url}/chat/demo"), 'data-council="demo"', "chat.js"),
        "GET /councils/demo": page(fetch(f"{base_url}/councils/demo"), "waste.collection_day"),
        "GET /openapi.json": None
        if openapi.status == 200 and str(openapi.json().get("openapi", "")).startswith("3.1")
        else f"status {openapi.status}: {openapi.text[:300]}",
        "GET /healthz": None if fetch(f"{base_url}/healthz").status == 200 else "not 200",
        "GET /readyz": None if (ready := fetch(f"{base_url}/readyz")).status == 200 else ready.text[:300],
        "GET /static/widget.js": None
        if widget.status == 200 and "javascript" in widget.content_type and b"data-council" in widget.body
        else f"status {widget.status}, {widget.content_type!r}",
    }


def check_chat(base_url: str) -> dict[str, str | None]:
    """A conversation on the offline agent: the welcome, then a real question in the same conversation."""
    turn = {"council": "demo", "session": "smoke-check-1", "text": "", "language": "en"}
    welcome = fetch(f"{base_url}/api/chat", turn)
    if welcome.status != 200 or not welcome.json().get("messages"):
        return {"POST /api/chat (welcome)": f"status {welcome.status}: {welcome.text[:300]}"}
    question = fetch(
        f"{base_url}/api/chat", turn | {"text": "when is my bin day", "state": welcome.json()["state"]}
    )
    reply = question.json() if question.status == 200 else {}
    return {
        "POST /api/chat (welcome)": None,
        "POST /api/chat (when is my bin day)": None
        if reply.get("intent") == "waste.collection_day" and reply.get("messages")
        else f"status {question.status}: {question.text[:300]}",
    }


def check_webhook(base_url: str, token: str) -> dict[str, str | None]:
    """Dialogflow's call for the demo council: refused without its token, answered with it."""
    call = {
        "responseId": "smoke-1",
        "session": "projects/smoke/agent/sessions/smoke-1",
        "queryResult": {
            "queryText": "how do I contact the council",
            "languageCode": "en",
            "intent": {"displayName": "council.contact"},
        },
    }
    refused = fetch(f"{base_url}/webhook/demo", call)
    answered = fetch(f"{base_url}/webhook/demo", call, {"X-Webhook-Token": token})
    text = answered.json().get("fulfillmentText", "") if answered.status == 200 else ""
    return {
        "POST /webhook/demo without a token": None if refused.status == 401 else f"status {refused.status}",
        "POST /webhook/demo": None
        if DEMO_PHONE in text
        else f"status {answered.status}: {answered.text[:300]}",
    }


def check_server(base_url: str, token: str) -> dict[str, str | None]:
    """Every check by name: None when it passed, else what went wrong."""
    base_url = base_url.rstrip("/")
    checks: dict[str, Callable[[], dict[str, str | None]]] = {
        "pages": lambda: check_pages(base_url),
        "chat": lambda: check_chat(base_url),
        "webhook": lambda: check_webhook(base_url, token),
    }
    results: dict[str, str | None] = {}
    for name, check in checks.items():
        try:
            results |= check()
        except (OSError, ValueError) as error:  # no answer, or JSON that is not
            results[name] = f"{type(error).__name__}: {error}"
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url", help="e.g. http://127.0.0.1:8080")
    parser.add_argument("--token", required=True, help="the demo council's webhook token")
    parser.add_argument("--wait", type=float, default=0, help="seconds to wait for /readyz first")
    options = parser.parse_args()
    if options.wait:
        try:
            wait_until_ready(options.base_url.rstrip("/"), options.wait)
        except TimeoutError as error:
            print(f"FAIL  {error}")
            return 1
    results = check_server(options.base_url, options.token)
    for name, failure in results.items():
        print(f"ok    {name}" if failure is None else f"FAIL  {name}: {failure}")
    return 1 if any(results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
