"""Webhook throughput and latency for a config-only turn, a handler-backed turn (council.contact, which
works out whether the council is open now) and a cached bin-day turn, beside a bare Flask JSON echo run
the same way.

Both run under gunicorn (the project's gunicorn.conf.py, 2 workers) on loopback and are loaded by wrk in
turn, round after round, in the same run, so the ratio of their requests per second is the figure that
travels between machines (goals: at least 0.85 for the config-only turn, 0.8 for the handler-backed one).
"""

from __future__ import annotations

import os
import statistics
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
#: Seconds of load per measurement, and rounds of (echo, config-only, bin-day) taken in turn: on a
#: shared virtual machine one run of the same load can be a third off another, so each ratio is taken
#: within a round (the loads run seconds apart) and the figures are medians over the rounds.
SECONDS = 4
ROUNDS = 9
WARM_UP_SECONDS = 2


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
CONTACT_TURN = {
    **CONFIG_ONLY_TURN,
    "queryResult": {
        **CONFIG_ONLY_TURN["queryResult"],
        "queryText": "what is the council's phone number",
        "intent": {"name": "projects/demo-council-bot/agent/intents/3", "displayName": "council.contact"},
    },
}
#: Each measured turn's goal, as a share of the echo's requests per second.
GOALS = {"webhook: config-only turn": 0.85, "webhook: handler turn (council.contact)": 0.8}
#: The same token for every council, so the benchmark needs no per-council set-up.
TOKEN_ENV = {f"WEBHOOK_{slug}_TOKEN": TOKEN for slug in ("DEMO", "OXFORD", "OXFORDSHIRE", "CARDIFF")}


def main() -> list[Figure]:
    headers = {"X-Webhook-Token": TOKEN}
    loads = {
        "bare Flask JSON echo": CONFIG_ONLY_TURN,
        "webhook: config-only turn": CONFIG_ONLY_TURN,
        "webhook: handler turn (council.contact)": CONTACT_TURN,
        "webhook: cached bin-day turn": BIN_DAY_TURN,
    }
    rounds: dict[str, list[LoadResult]] = {name: [] for name in loads}
    # The servers' CPU time per request: steadier than requests per second on a shared machine.
    cpu_us: dict[str, list[float]] = {name: [] for name in loads}
    env = {**TOKEN_ENV, "APP_ENV": "production", "SECRET_KEY": "bench"}
    load_cpus, server_cpus = split_cpus()
    load = {"cpus": load_cpus, "threads": len(load_cpus) if load_cpus else 2}
    # Both servers run throughout, idle while the other is loaded, and are measured in turn.
    with (
        gunicorn("echo_app:app", env={"PYTHONPATH": str(Path(__file__).parent)}, cpus=server_cpus) as echo,
        gunicorn("webhook:create_app()", env=env, cpus=server_cpus) as app,
    ):
        servers = {name: echo if "echo" in name else app for name in loads}
        urls = {name: f"{server.url}/webhook/demo" for name, server in servers.items()}
        for name, body in loads.items():
            wrk_post(urls[name], body, headers, seconds=WARM_UP_SECONDS, **load)
        for _ in range(ROUNDS):
            for name, body in loads.items():
                cpu_before = servers[name].cpu_seconds()
                result = wrk_post(urls[name], body, headers, seconds=SECONDS, **load)
                cpu_us[name].append((servers[name].cpu_seconds() - cpu_before) / result.requests * 1e6)
                rounds[name].append(result)
        peak_kib = max(app.worker_memory_kib("VmHWM"))
    results = {name: median_result(taken) for name, taken in rounds.items()}
    where = (
        f"servers on CPUs {sorted(server_cpus)}, wrk on {sorted(load_cpus)}" if load_cpus else "shared CPUs"
    )
    print(
        f"gunicorn (gunicorn.conf.py, 2 workers), wrk {load['threads']} thread(s) 8 connections, {where}, "
        f"median of {ROUNDS} rounds of {SECONDS} s"
    )
    print(
        f"  {'':30} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7} {'CPU us/req':>11}   rounds req/s"
    )
    for name, result in results.items():
        each = " ".join(f"{taken.requests_per_second:.0f}" for taken in rounds[name])
        print(
            f"  {name:30} {result.requests_per_second:9.0f} {result.p50_ms:8.2f} {result.p99_ms:8.2f} "
            f"{result.errors:7d} {statistics.median(cpu_us[name]):11.0f}   {each}"
        )
    echoes = rounds["bare Flask JSON echo"]
    echo_rps = results["bare Flask JSON echo"].requests_per_second
    figures = [Figure("bare Flask JSON echo", f"{echo_rps:.0f} req/s")]
    for name in [name for name in loads if "echo" not in name]:
        result = results[name]
        ratios = [
            taken.requests_per_second / echo.requests_per_second
            for taken, echo in zip(rounds[name], echoes, strict=True)
        ]
        ratio = statistics.median(ratios)
        each = " ".join(f"{r:.2f}" for r in ratios)
        print(f"  {name}: {ratio:.2f} of the echo's requests per second (median; rounds {each})")
        cpu_ratio = statistics.median(cpu_us["bare Flask JSON echo"]) / statistics.median(cpu_us[name])
        print(f"  {name}: the echo's server CPU per request is {cpu_ratio:.2f} of this turn's")
        figures += [
            Figure(f"{name}", f"{result.requests_per_second:.0f} req/s"),
            Figure(f"{name}: ratio to echo", f"{ratio:.2f}", *_goal(name, ratio)),
            Figure(f"{name}: p50 / p99", f"{result.p50_ms:.1f} / {result.p99_ms:.1f} ms"),
            Figure(f"{name}: server CPU per request (echo's / this)", f"{cpu_ratio:.2f}"),
            Figure(f"{name}: errors", str(result.errors), "0", result.errors == 0),
        ]
    print(f"  peak memory of a webhook worker: {peak_kib / 1024:.0f} MiB")
    figures.append(Figure("peak memory of a webhook worker", f"{peak_kib / 1024:.0f} MiB"))
    return figures


def _goal(name: str, ratio: float) -> tuple[str, bool | None]:
    goal = GOALS.get(name)
    return (f">= {goal}", ratio >= goal) if goal is not None else ("", None)


def split_cpus() -> tuple[set[int] | None, set[int] | None]:
    """The load generator's CPU and the servers' CPUs: apart, so wrk does not take the servers' time
    (on a single CPU machine both share it)."""
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        return None, None
    return {cpus[0]}, set(cpus[1:])


def median_result(results: list[LoadResult]) -> LoadResult:
    """Each figure's median over the rounds (errors: the total)."""
    return LoadResult(
        requests_per_second=statistics.median(r.requests_per_second for r in results),
        p50_ms=statistics.median(r.p50_ms for r in results),
        p99_ms=statistics.median(r.p99_ms for r in results),
        requests=sum(r.requests for r in results),
        errors=sum(r.errors for r in results),
    )


if __name__ == "__main__":
    main()
