"""Backend-backed turns: the latency of a cached bin-day turn, and replies inside the deadline when every
outside system hangs.

The app runs as `make run` does: the demo council's relative backend URLs point at the app itself on a
loopback port, where the local fakes (webhook/fakes/) answer. Turns go through POST /webhook/demo.

1. Cached bin-day turn: after a warm-up (which caches the postcode's area check), many turns for the
   same postcode; the bins come from the demo council's published rounds. Prints p50, p99 and max.
2. Hung backend: every outside API is a loopback socket that accepts connections and never answers.
   Each handler that calls one must still answer inside the turn's deadline (4 s, Dialogflow allows 5).
"""

from __future__ import annotations

import json
import logging
import socket
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from figures import Figure

from tests.live_server import serve
from webhook import create_app
from webhook.fulfilment.auth import Credentials

TOKEN = "bench-token"
CACHED_TURNS = 2000
WARM_UP_TURNS = 50
P99_GOAL_MS = 50.0


def turn(intent: str, text: str = "", **parameters: Any) -> dict[str, Any]:
    """A WebhookRequest as Dialogflow sends it."""
    return {
        "responseId": "bench",
        "session": "projects/demo-council-bot/agent/sessions/bench-session",
        "queryResult": {
            "queryText": text,
            "languageCode": "en",
            "parameters": parameters,
            "allRequiredParamsPresent": True,
            "intent": {"name": "projects/demo-council-bot/agent/intents/1", "displayName": intent},
            "intentDetectionConfidence": 0.9,
        },
        "originalDetectIntentRequest": {"source": "DIALOGFLOW_CONSOLE"},
    }


def build_app() -> Any:
    credentials = {slug: Credentials(token=TOKEN) for slug in ("demo", "oxford", "oxfordshire", "cardiff")}
    app = create_app({"APP_ENV": "test", "WEBHOOK_CREDENTIALS": credentials})
    # One log line per turn (and per failed call) would bury the figures: keep errors only.
    for name in ("webhook", "werkzeug", "notifications_python_client"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return app


@contextmanager
def black_hole() -> Iterator[str]:
    """A loopback port that accepts connections and never answers: a hung council system."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=2)
        for connection in held:
            connection.close()
        listener.close()


def post(client: Any, body: dict[str, Any]) -> tuple[float, dict[str, Any]]:
    started = time.perf_counter()
    response = client.post("/webhook/demo", json=body, headers={"X-Webhook-Token": TOKEN})
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"the webhook answered {response.status_code}: {response.data[:200]!r}")
    return elapsed, json.loads(response.data)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def cached_bin_day(app: Any) -> list[Figure]:
    client = app.test_client()
    body = turn("waste.collection_day", "when is my bin day AA1 1AA", postcode="AA1 1AA")
    for _ in range(WARM_UP_TURNS):
        post(client, body)
    _, reply = post(client, body)
    assert reply["fulfillmentText"].startswith("Your next collection is"), reply["fulfillmentText"]
    latencies = [post(client, body)[0] * 1000 for _ in range(CACHED_TURNS)]
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    print(f"cached bin-day turn, {CACHED_TURNS} turns in process (area check cached, rounds from bins.yaml)")
    print(f"  p50 {p50:.2f} ms   p99 {p99:.2f} ms   max {max(latencies):.2f} ms")
    return [
        Figure("cached bin-day turn: p50", f"{p50:.2f} ms"),
        Figure("cached bin-day turn: p99", f"{p99:.2f} ms", f"<= {P99_GOAL_MS:.0f} ms", p99 <= P99_GOAL_MS),
    ]


HUNG_TURNS = {
    "council.find_my_council": turn(
        "council.find_my_council", "which council is AA1 1AA", postcode="AA1 1AA"
    ),
    "elections.polling_station": turn("elections.polling_station", "where do I vote", postcode="AA1 1AA"),
    "waste.collection_day": turn("waste.collection_day", "bin day AA1 3CD", postcode="AA1 3CD"),
    "streets.pothole": turn("streets.pothole", "pothole on Mill Lane", postcode="AA1 2AB"),
}


def hung_backends(app: Any) -> list[Figure]:
    deadline = app.config["TURN_DEADLINE_SECONDS"]
    client = app.test_client()
    rows = []
    with black_hole() as hole:
        app.extensions["backends"].rebase(hole)
        app.extensions["backends"].clear()
        for name, body in HUNG_TURNS.items():
            elapsed, reply = post(client, body)
            rows.append((name, elapsed, reply["fulfillmentText"].splitlines()[0]))
        # Once postcodes.io has hung, area checks rest: the next bin-day turn does not wait for it.
        elapsed, reply = post(client, turn("waste.collection_day", "bin day AA1 3CE", postcode="AA1 3CE"))
        rows.append(("waste.collection_day (again)", elapsed, reply["fulfillmentText"].splitlines()[0]))
    print(f"every outside API hung (a socket that never answers); turn deadline {deadline:.1f} s")
    for name, elapsed, text in rows:
        print(f"  {name:30} {elapsed:6.2f} s  {text[:70]}")
    slowest = max(elapsed for _, elapsed, _ in rows)
    useful = all(text.strip() for _, _, text in rows)
    return [
        Figure(
            "hung backend: slowest reply",
            f"{slowest:.2f} s",
            f"< {deadline:.1f} s deadline",
            slowest < deadline and useful,
        ),
        Figure("hung backend: bin day after the first hang", f"{rows[-1][1] * 1000:.0f} ms"),
    ]


def main() -> list[Figure]:
    app = build_app()
    with serve(app) as url:
        app.extensions["backends"].rebase(url)
        figures = cached_bin_day(app)
    figures += hung_backends(app)
    return figures


if __name__ == "__main__":
    main()
