"""`sync-intents diff`: how long the whole library takes to compare, with both revisions' classifiers.

A temporary git repository holds the library twice: as it is (base) and with one phrase added in
English and in Welsh to an intent every council offers (head), so every council's classifier in every
language must be trained for both revisions. The command runs as CI runs it, in a new process, with an
empty model cache (cold), then again with the cache the first run filled (warm), then without
--understanding. Goal: under 60 s cold on the project's 2-CPU machine.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure

REPOSITORY = Path(__file__).resolve().parents[1]
SYNC_INTENTS = Path(sys.executable).with_name("sync-intents")
GOAL_SECONDS = 60.0
GIT = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.com"]
CHANGED = "intents/system/thanks_goodbye.yaml"


def _repository(folder: Path) -> Path:
    root = folder / "repo"
    root.mkdir()
    for name in ("intents", "councils"):
        shutil.copytree(REPOSITORY / name, root / name)
    subprocess.run([*GIT, "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=root, check=True)
    subprocess.run([*GIT, "commit", "-q", "-m", "base"], cwd=root, check=True)
    text = (root / CHANGED).read_text(encoding="utf-8")
    # One new phrase per language, after each language's first phrase.
    text = text.replace("    phrases:\n", "    phrases:\n      - cheers that sorted it\n", 1)
    head, _, tail = text.partition("  cy:\n")
    tail = tail.replace("    phrases:\n", "    phrases:\n      - diolch mae hynny wedi helpu\n", 1)
    (root / CHANGED).write_text(f"{head}  cy:\n{tail}", encoding="utf-8")
    subprocess.run([*GIT, "commit", "-q", "-am", "a phrase in each language"], cwd=root, check=True)
    return root


def _run(root: Path, cache: Path, *extra: str) -> tuple[float, str]:
    command = [
        str(SYNC_INTENTS),
        "diff",
        "--library",
        str(root),
        "--base",
        "HEAD~1",
        "--head",
        "HEAD",
        "--all",
        "--format",
        "markdown",
        "--test-sets",
        str(REPOSITORY / "tests" / "nlu"),
        "--conversations",
        str(REPOSITORY / "tests" / "conversations"),
        "--cache-dir",
        str(cache),
        *extra,
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout


def main() -> list[Figure]:
    with tempfile.TemporaryDirectory() as folder:
        root = _repository(Path(folder))
        cache = Path(folder) / "cache"
        cold, report = _run(root, cache, "--understanding")
        warm, _ = _run(root, cache, "--understanding")
        content, _ = _run(root, cache)
    retrained = report.count("points) over")
    affected = re.search(r"(\d+) of (\d+) councils affected", report)
    councils = affected.group(2) if affected else "?"
    sections = report.count("\n#### ")
    print(
        f"diff of the whole library ({councils} councils, {sections} council-languages affected), "
        f"{retrained} accuracy comparisons"
    )
    print(f"  --understanding, empty model cache      {cold:6.1f} s")
    print(f"  --understanding, models cached          {warm:6.1f} s")
    print(f"  answers and Dialogflow changes only     {content:6.1f} s")
    return [
        Figure("diff --all --understanding, cold cache", f"{cold:.1f} s", "< 60 s", cold < GOAL_SECONDS),
        Figure("diff --all --understanding, warm cache", f"{warm:.1f} s"),
        Figure("diff --all without --understanding", f"{content:.1f} s"),
    ]


if __name__ == "__main__":
    main()
