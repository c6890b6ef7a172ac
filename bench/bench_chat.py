"""`/api/chat` turns per second on the offline agent, under gunicorn with 2 workers, loaded by wrk."""

from __future__ import annotations

import sys
import tempfile
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


def warm_up(url: str, turns: int = 20) -> None:
    """Make every worker build or load its model before anything is measured."""
    client = ChatClient(url, "demo", "bench-warm-up")
    for _ in range(turns):
        client.say("how do i pay my council tax")
    client.close()


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
