"""`make bench`: run every benchmark, each printing its details, then one table of every figure."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure, print_table

BENCHMARKS = [
    "bench_validate",
    "bench_webhook",
    "bench_backends",
    "bench_nlu",
    "bench_out_of_scope",
    "bench_language_id",
    "bench_safeguarding",
    "bench_conversations",
    "bench_chat",
    "bench_sync",
    "bench_diff",
    "bench_soak",
    "bench_insights",
    "bench_grouping",
    "bench_dashboard",
    "bench_scale",
]


def main() -> None:
    figures: list[Figure] = []
    for name in BENCHMARKS:
        started = time.perf_counter()
        print(f"\n=== {name} ===", flush=True)
        module = importlib.import_module(name)
        figures += module.main() or []
        print(f"({name} took {time.perf_counter() - started:.0f} s)", flush=True)
    print_table(figures)


if __name__ == "__main__":
    main()
