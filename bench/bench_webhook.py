"""Webhook throughput and latency for a config-only turn, beside a bare Flask JSON echo run the same way.

Both run under gunicorn with 2 workers on loopback and are loaded by wrk in the same run, so the ratio
of their requests per second is the figure that travels between machines (goal: at least 0.85).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serving import gunicorn, wrk_post

TOKEN = "bench-token"
CONFIG_ONLY_TURN = {
    "responseId": "bench",
    "session": "projects/demo-council-bot/agent/sessions/bench-session",
    "queryResult": {
        "queryText": "how do i pay my council tax",
        "languageCode": "en",
        "parameters": {},
        "allRequiredParamsPresent": True,
        "intent": {"name": "projects/demo-council-bot/agent/intents/1", "displayName": "council_tax.pay"},
        "intentDetectionConfidence": 0.9,
    },
    "originalDetectIntentRequest": {"source": "DIALOGFLOW_CONSOLE"},
}
SECONDS = 10


def main() -> None:
    env = {f"WEBHOOK_{slug}_TOKEN": TOKEN for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF")}
    headers = {"X-Webhook-Token": TOKEN}
    with gunicorn("echo_app:app", env={"PYTHONPATH": str(Path(__file__).parent)}) as base:
        echo = wrk_post(f"{base}/webhook/demo", CONFIG_ONLY_TURN, headers, seconds=SECONDS)
    with gunicorn("webhook:create_app()", env={**env, "APP_ENV": "production", "SECRET_KEY": "bench"}) as base:
        webhook = wrk_post(f"{base}/webhook/demo", CONFIG_ONLY_TURN, headers, seconds=SECONDS)
    print(f"webhook, config-only turn, gunicorn 2 workers, wrk 2 threads 8 connections {SECONDS} s")
    print(f"  {'':28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, result in (("bare Flask JSON echo", echo), ("webhook council_tax.pay", webhook)):
        print(
            f"  {name:28} {result.requests_per_second:9.0f} {result.p50_ms:8.2f} {result.p99_ms:8.2f} "
            f"{result.errors:7d}"
        )
    print(
        f"  ratio webhook/echo: {webhook.requests_per_second / echo.requests_per_second:.2f} (goal >= 0.85)"
    )


if __name__ == "__main__":
    main()
