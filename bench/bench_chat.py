"""`/api/chat` turns per second on the offline agent, under gunicorn with 2 workers, loaded by wrk."""

from __future__ import annotations

import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from chat_client import ChatClient
from figures import Figure
from serving import gunicorn, wrk_post

SECONDS = 10
TURN = {
    "council": "demo",
    "session": "bench-chat-session",
    "text": "how do i pay my council tax",
    "language": "en",
}


def chat_env(cache: Path) -> dict[str, str]:
    """Production settings with the rate limit lifted (the load comes from one address) and a model cache."""
    tokens = {f"WEBHOOK_{slug}_TOKEN": "bench" for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF")}
    return {
        **tokens,
        "APP_ENV": "production",
        "SECRET_KEY": "bench",
        "NLU_CACHE_DIR": str(cache),
        "CHAT_RATE_PER_MINUTE": "100000000",
        "CHAT_RATE_BURST": "100000000",
    }


#: How long a server may take to warm up (every council's models and the crisis detector, cold).
READY_TIMEOUT_SECONDS = 900.0
#: Answers of 200 from /readyz in a row that show every worker ready (each answer comes from one).
READY_IN_A_ROW = 10


def warm_up(url: str, turns: int = 20) -> None:
    """Make every worker build or load its model before anything is measured, and wait until each has
    finished its background warm-up (every council's models and the crisis detector, which a cold
    worker trains): otherwise that training lands in the first rounds measured."""
    client = ChatClient(url, "demo", "bench-warm-up")
    for _ in range(turns):
        client.say("how do i pay my council tax")
    client.close()
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    in_a_row = 0
    while in_a_row < READY_IN_A_ROW:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} was not ready after {READY_TIMEOUT_SECONDS:.0f} s")
        try:
            with urllib.request.urlopen(f"{url}/readyz", timeout=5) as answer:
                in_a_row = in_a_row + 1 if answer.status == 200 else 0
        except OSError:  # 503 (HTTPError) while a worker still warms up
            in_a_row = 0
            time.sleep(0.5)


def main() -> list[Figure]:
    with (
        tempfile.TemporaryDirectory() as cache,
        gunicorn("webhook:create_app()", env=chat_env(Path(cache))) as served,
    ):
        warm_up(served.url)
        result = wrk_post(f"{served.url}/api/chat", TURN, {}, seconds=SECONDS)
    print(f"/api/chat, one-message conversations on the offline agent, gunicorn 2 workers, wrk {SECONDS} s")
    print(
        f"  {result.requests_per_second:.0f} turns/s, p50 {result.p50_ms:.1f} ms, "
        f"p99 {result.p99_ms:.1f} ms, errors {result.errors}"
    )
    return [
        Figure("/api/chat turns per second", f"{result.requests_per_second:.0f} turns/s"),
        Figure("/api/chat p50 / p99", f"{result.p50_ms:.1f} / {result.p99_ms:.1f} ms"),
        Figure("/api/chat errors under load", str(result.errors), "0", result.errors == 0),
    ]


if __name__ == "__main__":
    main()
