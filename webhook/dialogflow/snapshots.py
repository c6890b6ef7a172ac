"""Agent snapshots on disk: the export zip Dialogflow returns, and a note of where it came from."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from webhook.dialogflow.target import Target

DEFAULT_FOLDER = Path(".snapshots")


@dataclass(frozen=True)
class Snapshot:
    """A snapshot read back: the zip's bytes, and the agent it was taken from (if its note survives)."""

    path: Path
    content: bytes
    target: Target | None
    council: str | None
    taken_at: str | None


def write_snapshot(
    folder: Path, target: Target, council: str, content: bytes, reason: str, now: datetime | None = None
) -> Path:
    """Save `content` as <folder>/<project>-<UTC time>.zip with a .json note beside it; return the zip."""
    moment = now or datetime.now(UTC)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{target.project}-{moment.strftime('%Y%m%dT%H%M%S%fZ')}"
    path = folder / f"{stem}.zip"
    path.write_bytes(content)
    note = {
        "project": target.project,
        "location": target.location,
        "council": council,
        "taken_at": moment.isoformat(),
        "reason": reason,
    }
    path.with_suffix(".json").write_text(json.dumps(note, indent=2) + "\n", encoding="utf-8")
    return path


def read_snapshot(path: Path) -> Snapshot:
    """A snapshot zip, and its note when there is one (a zip from the console has none)."""
    content = path.read_bytes()
    note_path = path.with_suffix(".json")
    note = json.loads(note_path.read_text(encoding="utf-8")) if note_path.exists() else {}
    target = Target(note["project"], note.get("location")) if note.get("project") else None
    return Snapshot(path, content, target, note.get("council"), note.get("taken_at"))
