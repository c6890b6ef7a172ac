"""Dialogflow calls per `sync-intents apply` on the demo council, against the tests' fake Dialogflow.

Design-time calls are limited to about 60 a minute per project, so the number of calls a sync makes is
its cost. Prints reads and writes separately (operation polls apart) for a full first sync, an unchanged
library, a one-intent change in one language, and a one-intent deletion (which exports a snapshot first).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import click
from click.testing import CliRunner

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from tests.dialogflow.fake_dialogflow import FakeDialogflow  # noqa: E402
from webhook.dialogflow.commands import COMMANDS  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import Figure  # noqa: E402

PROJECT = "demo-council-bot"
POLL = "Operations.GetOperation"


def demo_library(folder: Path) -> Path:
    """A copy of the repository's library with the demo council syncing to PROJECT."""
    root = folder / "library"
    shutil.copytree(REPOSITORY / "intents", root / "intents")
    shutil.copytree(REPOSITORY / "councils", root / "councils")
    overlay = root / "councils/demo/council.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") + f"dialogflow:\n  project_id: {PROJECT}\n")
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in a file with `new`."""
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


def apply(fake: FakeDialogflow, library: Path, snapshots: Path) -> tuple[dict[str, int], float]:
    """Run one apply; return the calls by kind and the wall time."""
    fake.reset_counts()
    arguments = [
        "apply",
        "--council",
        "demo",
        "--yes",
        "--library",
        str(library),
        "--endpoint",
        fake.endpoint,
    ]
    arguments += ["--snapshots", str(snapshots), "--poll-seconds", "0", "--calls-per-minute", "100000"]
    started = time.perf_counter()
    result = CliRunner().invoke(click.Group(commands=COMMANDS), arguments, catch_exceptions=False)
    elapsed = time.perf_counter() - started
    if result.exit_code != 0:
        raise SystemExit(f"apply failed:\n{result.output}")
    polls = fake.calls[POLL]
    counts = {"reads": fake.count("reads") - polls, "polls": polls, "writes": fake.count("writes")}
    return counts, elapsed


def quota_peak(councils: int = 8, scale: float = 0.05) -> tuple[int, float]:
    """`--all` over `councils` agents in as many projects, with one credential (one consumer project).

    The quota window is shortened to `scale` of a minute so that the run takes seconds; the limit stays
    60 calls a window. Returns the most calls the fake saw charged to the consumer project in any window,
    and the wall time.
    """
    from tests.conftest import MINIMAL_LIBRARY

    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary) / "library"
        shutil.copytree(MINIMAL_LIBRARY, root)
        for sub in ("schema", "messages"):
            shutil.copytree(REPOSITORY / "intents" / sub, root / "intents" / sub)
        shutil.copy(REPOSITORY / "intents" / "routing.yaml", root / "intents" / "routing.yaml")
        shutil.copy(REPOSITORY / "councils" / "council.schema.json", root / "councils")
        base = (root / "councils/unitary/council.yaml").read_text(encoding="utf-8")
        fake = FakeDialogflow()
        fake.start()
        for index in range(councils):
            slug = f"council{index}"
            folder = root / "councils" / slug
            folder.mkdir()
            text = base.replace("slug: unitary", f"slug: {slug}")
            (folder / "council.yaml").write_text(
                text + f"dialogflow:\n  project_id: council-bot-{index:03d}\n", encoding="utf-8"
            )
            fake.add_agent(f"council-bot-{index:03d}", "en", ["cy"])
        import webhook.dialogflow.calls as calls
        from webhook.dialogflow.calls import CallPolicy
        from webhook.dialogflow.sync import SyncOptions, apply_outcomes, plan_councils
        from webhook.library.loader import load_library

        calls._limiters.clear()
        window = 60.0 * scale
        policy = CallPolicy(poll_seconds=0, backoff_seconds=0, window_seconds=window)
        options = SyncOptions(
            endpoint=fake.endpoint, policy=policy, snapshots=Path(temporary) / "s", quota_project="one-sa"
        )
        library = load_library(root).library
        slugs = [f"council{index}" for index in range(councils)]
        started = time.perf_counter()
        outcomes = plan_councils(library, slugs, options, workers=4)
        apply_outcomes(outcomes, options, workers=4)
        elapsed = time.perf_counter() - started
        for outcome in outcomes:
            outcome.close()
            if outcome.error:
                raise SystemExit(f"{outcome.council}: {outcome.error}")
        fake.stop()
        return fake.peak_calls("one-sa", window), elapsed


def main() -> list[Figure]:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        library = demo_library(folder)
        fake = FakeDialogflow()
        fake.start()
        fake.add_agent(PROJECT, "en", ["cy"])
        try:
            rows = [("full first sync", *apply(fake, library, folder / "snapshots"))]
            rows.append(("unchanged library", *apply(fake, library, folder / "snapshots")))
            bins = library / "intents/waste/collection_day.yaml"
            bins.write_text(
                bins.read_text(encoding="utf-8").replace("pryd mae", "pryd y mae", 1), encoding="utf-8"
            )
            rows.append(("one intent changed (Welsh)", *apply(fake, library, folder / "snapshots")))
            overlay = library / "councils/demo/council.yaml"
            text = overlay.read_text(encoding="utf-8").replace(
                "disabled: []", "disabled: [libraries.services]"
            )
            overlay.write_text(text, encoding="utf-8")
            rows.append(("one intent disabled (deleted)", *apply(fake, library, folder / "snapshots")))
        finally:
            fake.stop()
        agent = fake.agent(PROJECT)
    print(
        f"sync-intents apply, demo council (en + cy): {len(agent.intents)} intents, "
        f"{len(agent.entity_types)} entity types (one of them the ownership record)"
    )
    print(f"  {'':30} {'reads':>6} {'writes':>7} {'polls':>6} {'calls':>6} {'wall':>8}")
    for label, counts, elapsed in rows:
        total = counts["reads"] + counts["writes"] + counts["polls"]
        print(
            f"  {label:30} {counts['reads']:6d} {counts['writes']:7d} {counts['polls']:6d} {total:6d}"
            f" {elapsed:7.2f}s"
        )
    print("  (at 60 calls a minute, any of these syncs fits within one minute of a project's quota)")
    peak, wall = quota_peak()
    print(
        f"apply --all, 8 councils in 8 projects, one credential: peak {peak} calls in any quota window "
        f"charged to the consumer project (limit 60; window scaled to 3 s, {wall:.1f}s wall)"
    )
    return [
        Figure(
            f"Dialogflow calls per sync: {label}",
            f"{c['reads'] + c['writes'] + c['polls']} ({c['writes']} writes)",
        )
        for label, c, _ in rows
    ] + [Figure("Peak design-time calls a minute per consumer project, --all with one credential", str(peak))]


if __name__ == "__main__":
    main()
