"""The staff dashboard over one million stored turns: generated data (90 days, four councils, 15% of
turns falling to fallback, questions drawn from the library's own phrases and a pool of off-topic
ones), then the time to compute the dashboard's figures and to render its page, on SQLite (the
default) and on PostgreSQL when its server programs are installed. Goal: under 1 s.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from webhook.database import Database, connect, migrate
from webhook.database.tables import conversations, turn_days, turns
from webhook.insights.figures import Period, figures, unanswered_turns
from webhook.library.loader import load_library

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]

TURNS = 1_000_000
COUNCILS = {"demo": 0.7, "oxford": 0.1, "oxfordshire": 0.1, "cardiff": 0.1}
FALLBACK_SHARE = 0.15
GOAL_SECONDS = 1.0
REPEATS = 5
OFF_TOPIC = [
    "can you fix my boiler",
    "my boiler is broken again",
    "who do i call about a gas leak smell",
    "when does the swimming pool open",
    "is the leisure centre open on sunday",
    "swimming lessons for kids",
    "how do i get a blue badge renewed",
    "blue badge renewal",
    "where can i get a dog licence",
    "tree fell on my car who pays",
    "noisy neighbours at night",
    "my neighbour plays loud music",
    "how do i become a foster carer",
    "school bus pass for my son",
    "allotment waiting list",
]
TYPOS = {"my": "ma", "the": "teh", "you": "u", "when": "wen", "where": "were"}


def generate(database: Database, seed: int = 7) -> None:
    """Write TURNS turns (and their conversations) spread over the last 90 days."""
    rng = random.Random(seed)
    library = load_library(REPOSITORY).library
    intents = [i for i in library.intents.values() if not i.fallback and i.languages.get("en")]
    phrases = {i.id: list(i.languages["en"].phrases) or [i.title] for i in intents}
    names = list(phrases)
    now = datetime.now(UTC)
    councils, weights = list(COUNCILS), list(COUNCILS.values())
    batch: list[dict[str, Any]] = []
    chats: list[dict[str, Any]] = []
    per_day: dict[tuple[str, Any, str, str], list[int]] = {}
    written = 0
    with database.engine.begin() as connection:
        while written < TURNS:
            council = rng.choices(councils, weights)[0]
            started = now - timedelta(seconds=rng.uniform(0, 90 * 86400))
            conversation = f"{rng.getrandbits(120):030x}"
            length = min(rng.choice([1, 1, 2, 2, 3, 4, 6]), TURNS - written)
            fallbacks = handoffs = 0
            for step in range(length):
                fallback = rng.random() < FALLBACK_SHARE
                intent = "system.fallback" if fallback else rng.choice(names)
                text = _typo(rng, rng.choice(OFF_TOPIC if fallback else phrases[intent]))
                handoff = intent == "system.human_handoff"
                at = started + timedelta(seconds=20 * step)
                language = "cy" if rng.random() < 0.05 else "en"
                count = per_day.setdefault((council, at.date(), language, intent), [0, 0])
                count[0] += 1
                count[1] += fallback
                fallbacks += fallback
                handoffs += handoff
                batch.append(
                    {
                        "at": at,
                        "council": council,
                        "conversation": conversation,
                        "language": language,
                        "channel": "chat",
                        "intent": intent,
                        "confidence": round(rng.uniform(0.3, 1), 4),
                        "fallback": fallback,
                        "handoff": handoff,
                        "outcome": "handled",
                        "text": text,
                    }
                )
            chats.append(
                {
                    "id": conversation,
                    "council": council,
                    "started_at": started,
                    "started_day": started.date(),
                    "last_at": started + timedelta(seconds=20 * (length - 1)),
                    "language": "en",
                    "channel": "chat",
                    "turns": length,
                    "fallbacks": fallbacks,
                    "handoffs": handoffs,
                    "unhelpful": int(rng.random() < 0.05),
                }
            )
            written += length
            if len(batch) >= 20_000:
                connection.execute(turns.insert(), batch)
                connection.execute(conversations.insert(), chats)
                batch, chats = [], []
        if batch:
            connection.execute(turns.insert(), batch)
            connection.execute(conversations.insert(), chats)
        connection.execute(
            turn_days.insert(),
            [
                {"council": c, "day": d, "language": lang, "intent": i, "turns": n, "fallbacks": f}
                for (c, d, lang, i), (n, f) in per_day.items()
            ],
        )


def settle(database: Database) -> None:
    """What a live database has done by itself in the background by now: statistics gathered and, on
    PostgreSQL, the visibility map built (autovacuum), so index-only scans need not visit the table."""
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql("ANALYZE" if database.is_sqlite else "VACUUM ANALYZE")


def _typo(rng: random.Random, text: str) -> str:
    words = [TYPOS.get(w, w) if rng.random() < 0.2 else w for w in text.lower().split()]
    return " ".join(words)


def timed(action: Callable[[], object]) -> float:
    """The median of REPEATS runs, in seconds (after one untimed run to warm caches)."""
    action()
    runs = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def measure(label: str, database: Database, url: str) -> list[Figure]:
    started = time.perf_counter()
    generate(database)
    settle(database)
    print(f"  {label}: generated {TURNS:,} turns in {time.perf_counter() - started:.0f} s")
    out: list[Figure] = []
    for days in (30, 90):
        period = Period.last_days(days)
        seconds = timed(lambda period=period: figures(database, period, ["demo"]))
        print(f"  {label}: figures for demo, {days} days: {seconds * 1000:.0f} ms")
        unanswered = timed(lambda period=period: unanswered_turns(database, period, ["demo"]))
        print(f"  {label}: unanswered turns for demo, {days} days: {unanswered * 1000:.0f} ms")
        for scope in ("demo", "sector"):
            page = _page_seconds(url, days, scope)
            print(f"  {label}: dashboard page for {scope}, {days} days: {page * 1000:.0f} ms")
            out.append(
                Figure(
                    f"dashboard page ({scope}), 1M turns, {days} days ({label})",
                    f"{page * 1000:.0f} ms",
                    f"< {GOAL_SECONDS * 1000:.0f} ms",
                    page < GOAL_SECONDS,
                )
            )
    return out


def _page_seconds(url: str, days: int, scope: str = "demo") -> float:
    """The dashboard page's time through the app, signed in: `scope` is a council's slug or "sector"."""
    client = _signed_in(url, scope)
    first = client.get(f"/staff/{scope}/?days={days}")
    assert first.status_code == 200 and b"Unanswered" in first.data, first.status_code
    return timed(lambda: client.get(f"/staff/{scope}/?days={days}").data)


def _signed_in(url: str, scope: str) -> Any:
    import re

    from argon2 import PasswordHasher

    from webhook import create_app
    from webhook.staff import StaffAccount

    password = "benchmark staff password"
    account = StaffAccount("bench", PasswordHasher().hash(password))
    app = create_app(
        {
            "APP_ENV": "test",
            "LIBRARY_DIR": REPOSITORY,
            "DATABASE_URL": url,
            "SECRET_KEY": "bench",
            "STAFF_CREDENTIALS": {scope: account},
        }
    )
    client = app.test_client()
    page = client.get(f"/staff/{scope}/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token, "no sign-in form"
    signed = client.post(
        f"/staff/{scope}/sign-in", data={"csrf_token": token[1], "username": "bench", "password": password}
    )
    assert signed.status_code == 303, signed.status_code
    return client


def main() -> list[Figure]:
    out: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/dashboard.sqlite3"
        database = connect(url)
        migrate(database)
        out += measure("SQLite", database, url)
        database.dispose()
    sys.path.insert(0, str(REPOSITORY))  # the tests' PostgreSQL starter
    try:
        from tests.postgres_server import remove, start_server

        server = start_server()
    except (RuntimeError, OSError) as error:
        print(f"  PostgreSQL not measured: {error}")
        return out
    try:
        url = server.create_database()
        database = connect(url)
        migrate(database)
        out += measure("PostgreSQL", database, url)
        database.dispose()
    finally:
        remove(server)
    return out


if __name__ == "__main__":
    main()
