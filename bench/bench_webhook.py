"""Webhook throughput and latency for a config-only and a cached bin-day turn, beside a bare Flask JSON
echo run the same way.

Both run under gunicorn with 2 workers on loopback and are loaded by wrk in the same run, so the ratio
of their requests per second is the figure that travels between machines (goal: at least 0.85).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure
from serving import LoadResult, gunicorn, wrk_post

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


BIN_DAY_TURN = {
    **CONFIG_ONLY_TURN,
    "queryResult": {
        **CONFIG_ONLY_TURN["queryResult"],
        "queryText": "when is my bin day AA1 1AA",
        "parameters": {"postcode": "AA1 1AA", "postcode.original": "AA1 1AA"},
        "intent": {
            "name": "projects/demo-council-bot/agent/intents/2",
            "displayName": "waste.collection_day",
        },
    },
}
#: The same token for every council, so the benchmark needs no per-council set-up.
TOKEN_ENV = {f"WEBHOOK_{slug}_TOKEN": TOKEN for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF")}


def main() -> list[Figure]:
    headers = {"X-Webhook-Token": TOKEN}
    results: dict[str, LoadResult] = {}
    with gunicorn("echo_app:app", env={"PYTHONPATH": str(Path(__file__).parent)}) as served:
        results["bare Flask JSON echo"] = wrk_post(
            f"{served.url}/webhook/demo", CONFIG_ONLY_TURN, headers, seconds=SECONDS
        )
    env = {**TOKEN_ENV, "APP_ENV": "production", "SECRET_KEY": "bench"}
    with gunicorn("webhook:create_app()", env=env) as served:
        url = f"{served.url}/webhook/demo"
        results["webhook: config-only turn"] = wrk_post(url, CONFIG_ONLY_TURN, headers, seconds=SECONDS)
        results["webhook: cached bin-day turn"] = wrk_post(url, BIN_DAY_TURN, headers, seconds=SECONDS)
        peak_kib = max(served.worker_memory_kib("VmHWM"))
    print(f"webhook under gunicorn (2 sync workers), wrk 2 threads 8 connections {SECONDS} s each")
    print(f"  {'':30} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, result in results.items():
        print(
            f"  {name:30} {result.requests_per_second:9.0f} {result.p50_ms:8.2f} {result.p99_ms:8.2f} "
            f"{result.errors:7d}"
        )
    echo = results["bare Flask JSON echo"].requests_per_second
    figures = [Figure("bare Flask JSON echo", f"{echo:.0f} req/s")]
    for name in ("webhook: config-only turn", "webhook: cached bin-day turn"):
        result = results[name]
        ratio = result.requests_per_second / echo
        print(f"  {name}: {ratio:.2f} of the echo's requests per second")
        figures += [
            Figure(f"{name}", f"{result.requests_per_second:.0f} req/s"),
            Figure(f"{name}: ratio to echo", f"{ratio:.2f}", ">= 0.85", ratio >= 0.85),
            Figure(f"{name}: p50 / p99", f"{result.p50_ms:.1f} / {result.p99_ms:.1f} ms"),
            Figure(f"{name}: errors", str(result.errors), "0", result.errors == 0),
        ]
    print(f"  peak memory of a webhook worker: {peak_kib / 1024:.0f} MiB")
    figures.append(Figure("peak memory of a webhook worker", f"{peak_kib / 1024:.0f} MiB"))
    return figures


if __name__ == "__main__":
    main()
