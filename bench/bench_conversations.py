"""Whole conversations: how many of the scripted ones hold, per language, and what one turn of
`/api/chat` costs on the demo council while they are held.

1. Every script in tests/conversations/ (the development set) and in the six held-out sets,
   bench/data/conversations_heldout/ and _2/ to _6/ (never tuned on), runs through the
   offline agent, its lookups and reports served by the local fakes (as `sync-intents test` runs
   them): conversations and turns passed per language. Goal (issue "Conversations that hold
   together"): at least 95% of conversations per language.
2. The demo council's scripts are then replayed through the app's own `/api/chat` (in process, the state
   token carried from turn to turn, as the chat page does), several rounds, after one warm-up round that
   trains the models: the time of each turn, p50/p99. Goal: p99 under 20 ms per turn.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

from webhook import create_app
from webhook.agent.conversations import Outcome, load_scripts, run_script, summary
from webhook.agent.dialogue import OfflineAgent
from webhook.agent.understanding import LibraryUnderstanding
from webhook.backends.registry import Backends
from webhook.fakes.serving import serving_fakes
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handlers import handler_registry
from webhook.library.loader import load_library
from webhook.safeguarding.screen import forget_recent_messages

REPOSITORY = Path(__file__).resolve().parents[1]
SCRIPTS = REPOSITORY / "tests" / "conversations"
#: Scripts written without seeing the bot's phrases, never tuned on (see their READMEs): the first set
#: (2026-12-01; bugs it showed were fixed, so it is now optimistic) and the second (2026-12-02).
HELD_OUT = REPOSITORY / "bench" / "data" / "conversations_heldout"
HELD_OUT_2 = REPOSITORY / "bench" / "data" / "conversations_heldout_2"
#: The third (2026-12-02, after the Welsh development round): its first run is recorded in
#: docs/performance.md; general bugs it showed were fixed after that run.
HELD_OUT_3 = REPOSITORY / "bench" / "data" / "conversations_heldout_3"
#: The fourth, fifth and sixth (2026-12-02): their first runs are recorded in docs/performance.md.
HELD_OUT_4 = REPOSITORY / "bench" / "data" / "conversations_heldout_4"
HELD_OUT_5 = REPOSITORY / "bench" / "data" / "conversations_heldout_5"
HELD_OUT_6 = REPOSITORY / "bench" / "data" / "conversations_heldout_6"
#: The seventh (2026-12-02, a new author): its first run is recorded in docs/performance.md.
HELD_OUT_7 = REPOSITORY / "bench" / "data" / "conversations_heldout_7"
ROUNDS = 3
PASS_GOAL = 0.95
P99_GOAL_MS = 20.0


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the sorted values fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def held(cache: Path, fakes: str, folder: Path) -> list[Outcome]:
    """Every script of a folder, held with the offline agent."""
    library = load_library(REPOSITORY).library
    engine = Engine(library, handler_registry(), Backends(app_base_url=fakes))
    agent = OfflineAgent(library, LibraryUnderstanding(library, cache), engine=engine)
    return [run_script(agent, library, script) for script in load_scripts(folder)]


def pass_figures(outcomes: list[Outcome], label: str) -> list[Figure]:
    """Conversations passed per language, printed and as figures held to the goal."""
    figures = []
    for line in summary(outcomes):
        print(f"{label}: {line}")
    for language in sorted({outcome.language for outcome in outcomes}):
        mine = [outcome for outcome in outcomes if outcome.language == language]
        share = sum(outcome.passed for outcome in mine) / len(mine)
        name = f"{label} conversations passed ({language}, {len(mine)} scripts)"
        figures.append(Figure(name, f"{share:.1%}", f">= {PASS_GOAL:.0%}", share >= PASS_GOAL))
    return figures


def turn_times(cache: Path, fakes: str) -> list[float]:
    """Milliseconds of each `/api/chat` turn of the demo council's scripts, over ROUNDS rounds."""
    app = create_app(
        {
            "APP_ENV": "test",
            "LIBRARY_DIR": REPOSITORY,
            "NLU_CACHE_DIR": cache,
            "APP_BASE_URL": fakes,
            "CHAT_RATE_PER_MINUTE": 1_000_000,
            "CHAT_RATE_BURST": 1_000_000,
        }
    )
    client = app.test_client()
    scripts = [script for script in load_scripts(SCRIPTS) if script.council == "demo"]
    times: list[float] = []
    for round_ in range(ROUNDS + 1):
        for number, script in enumerate(scripts):
            state = None
            session = f"bench-{round_}-{number}"
            for step in script.steps:
                body = {"council": "demo", "session": session, "text": step.say or ""}
                body["language"] = script.language or "en"
                if state:
                    body["state"] = state
                forget_recent_messages()  # each turn a message never seen, as from a new resident
                started = time.perf_counter()
                response = client.post("/api/chat", json=body)
                elapsed = (time.perf_counter() - started) * 1000
                reply = response.get_json()
                if response.status_code != 200:
                    raise RuntimeError(f"{script.name}: /api/chat answered {response.status_code}: {reply}")
                state = reply["state"]
                if round_:  # the first round trains the models and warms the caches
                    times.append(elapsed)
    return times


def main() -> list[Figure]:
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory() as cache, serving_fakes() as fakes:
        figures += pass_figures(held(Path(cache), fakes, SCRIPTS), "development")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT), "held-out")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT_2), "second held-out")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT_3), "third held-out")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT_4), "fourth held-out")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT_5), "fifth held-out")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT_6), "sixth held-out")
        figures += pass_figures(held(Path(cache), fakes, HELD_OUT_7), "seventh held-out")
        times = turn_times(Path(cache), fakes)
    p50, p99 = statistics.median(times), percentile(times, 0.99)
    print(f"/api/chat: {len(times)} turns, p50 {p50:.1f} ms, p99 {p99:.1f} ms, max {max(times):.1f} ms")
    figures.append(Figure("/api/chat turn p50 (demo scripts)", f"{p50:.1f} ms"))
    goal = f"< {P99_GOAL_MS:.0f} ms"
    figures.append(Figure("/api/chat turn p99 (demo scripts)", f"{p99:.1f} ms", goal, p99 < P99_GOAL_MS))
    return figures


if __name__ == "__main__":
    from figures import print_table

    print_table(main())
