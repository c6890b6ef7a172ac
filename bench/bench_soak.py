"""A bounded soak: 16 residents chatting at once for SOAK_SECONDS (default 600) against gunicorn with
2 workers on loopback. Reports errors (goal: 0) and worker memory growth after warm-up (goal: < 10%)."""

from __future__ import annotations

import itertools
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_chat import chat_env, warm_up
from chat_client import ChatClient
from figures import Figure
from serving import gunicorn

SECONDS = int(os.environ.get("SOAK_SECONDS", "600"))
WARM_UP_SECONDS = 30
RESIDENTS = 16
# Conversations a resident holds, turn by turn: slot filling, Welsh, fallback, safeguarding, routing.
CONVERSATIONS = [
    ("demo", "en", ["", "when do my bins get collected", "AA1 1AA", "thanks"]),
    ("demo", "cy", ["", "sut mae talu treth y cyngor", "diolch"]),
    ("demo", "en", ["what's the weather like tomorrow", "how do i report a pothole", "cancel"]),
    ("demo", "en", ["i don't feel safe at home", "who is my councillor"]),
    ("oxford", "en", ["there's a pothole on my road", "how do i pay my council tax"]),
    ("cardiff", "cy", ["beth yw rhif ffon y cyngor", "pryd mae'r biniau'n cael eu casglu"]),
]


def resident(url: str, number: int, stop: float, counts: dict[str, int], lock: threading.Lock) -> None:
    for round_number in itertools.count():
        council, language, turns = CONVERSATIONS[(number + round_number) % len(CONVERSATIONS)]
        client = ChatClient(url, council, f"soak-{number}-{round_number}", language)
        for text in turns:
            if time.monotonic() >= stop:
                client.close()
                return
            status, reply = client.say(text)
            with lock:
                counts["turns"] += 1
                if status != 200 or reply is None:
                    counts["errors"] += 1
        client.close()


def run_residents(url: str, seconds: float, counts: dict[str, int]) -> None:
    """RESIDENTS chatting at once for `seconds`."""
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=resident, args=(url, n, stop, counts, lock)) for n in range(RESIDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)


def main() -> list[Figure]:
    counts = {"turns": 0, "errors": 0}
    with (
        tempfile.TemporaryDirectory() as cache,
        gunicorn("webhook:create_app()", env=chat_env(Path(cache))) as served,
    ):
        warm_up(served.url, turns=40)
        # Warm up with the same load first, so models, caches and thread pools exist before measuring.
        run_residents(served.url, WARM_UP_SECONDS, {"turns": 0, "errors": 0})
        before = sum(served.worker_memory_kib())
        run_residents(served.url, SECONDS, counts)
        after = sum(served.worker_memory_kib())
    growth = (after - before) / before * 100
    print(f"soak: {RESIDENTS} residents for {SECONDS} s against gunicorn (2 workers)")
    print(f"  {counts['turns']} turns ({counts['turns'] / SECONDS:.0f}/s), {counts['errors']} errors")
    print(f"  worker memory {before / 1024:.0f} MiB -> {after / 1024:.0f} MiB ({growth:+.1f}%)")
    return [
        Figure(f"soak {SECONDS} s x {RESIDENTS} chats: turns", str(counts["turns"])),
        Figure(
            f"soak {SECONDS} s x {RESIDENTS} chats: errors", str(counts["errors"]), "0", counts["errors"] == 0
        ),
        Figure(f"soak {SECONDS} s: worker memory growth", f"{growth:+.1f}%", "< 10%", growth < 10),
    ]


if __name__ == "__main__":
    main()
