"""How long `sync-intents validate` takes on the whole repository (goal: well under a second).

Prints the wall time of the command as a user runs it (a new process each time, so interpreter start
and imports count) and of the validation alone inside one process.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
RUNS = 7


def command_seconds() -> list[float]:
    """Wall time of `sync-intents validate --strict` in a fresh process, RUNS times."""
    command = [str(Path(sys.executable).with_name("sync-intents")), "validate", "--strict"]
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run(command, cwd=REPOSITORY, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return times


def in_process_seconds() -> tuple[list[float], int, int]:
    """Wall time of validate_library() alone, with schemas compiled afresh each run."""
    from webhook.library.schemas import validators
    from webhook.library.validate import validate_library

    times = []
    for _ in range(RUNS):
        validators.cache_clear()
        started = time.perf_counter()
        report = validate_library(REPOSITORY)
        times.append(time.perf_counter() - started)
    library = report.library
    return times, len(library.intents), len(library.councils)


def main() -> list[Figure]:
    command = command_seconds()
    inside, intents, councils = in_process_seconds()
    print(f"validate: {intents} intents, {councils} councils, median of {RUNS} runs")
    print(f"  {'sync-intents validate --strict (new process)':48} {statistics.median(command):6.3f} s")
    print(f"  {'validate_library() in process':48} {statistics.median(inside):6.3f} s")
    wall = statistics.median(command)
    return [
        Figure("validate the repository (new process, wall)", f"{wall:.2f} s", "< 1 s", wall < 1.0),
        Figure("validate the repository (in process)", f"{statistics.median(inside):.2f} s"),
    ]


if __name__ == "__main__":
    main()
