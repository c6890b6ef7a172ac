"""A git repository built in a temporary folder from the repository's intents/ and councils/, with
helpers to change a file and commit, so each test compares two real revisions."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPOSITORY

#: Fixed names and dates, so the repository's history is the same on every run.
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
    "GIT_AUTHOR_DATE": "2026-12-01T12:00:00Z",
    "GIT_COMMITTER_DATE": "2026-12-01T12:00:00Z",
}


@dataclass(frozen=True)
class LibraryRepository:
    """The temporary repository: its folder, and ways to change it."""

    root: Path

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            capture_output=True,
            text=True,
            check=True,
            env={"PATH": "/usr/bin:/bin", "HOME": str(self.root), **GIT_ENV},
        )
        return done.stdout.strip()

    def commit(self, message: str) -> str:
        """Commit every change; the new commit's id."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message)
        return self.git("rev-parse", "HEAD")

    def replace(self, relative: str, old: str, new: str) -> None:
        """Replace text that occurs exactly once in a file."""
        path = self.root / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} is not in {relative} exactly once"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def edit_yaml(self, relative: str, change: Callable[[Any], None]) -> None:
        """Load a YAML file, change its data in place, and write it back (comments are not kept)."""
        path = self.root / relative
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def blank_oxford_contact(self) -> None:
        """Oxford's overlay overrides its contact answer with a blank one (an answer becoming empty)."""
        self.edit_yaml(
            "councils/oxford/council.yaml",
            lambda data: (
                data.setdefault("intents", {})
                .setdefault("overrides", {})
                .update({"council.contact": {"en": {"responses": {"text": [" "]}}}})
            ),
        )


def new_library_repository(tmp_path: Path) -> LibraryRepository:
    """A new git repository holding a copy of the library, nothing committed yet."""
    root = tmp_path / "repo"
    root.mkdir()
    for folder in ("intents", "councils"):
        shutil.copytree(REPOSITORY / folder, root / folder)
    repository = LibraryRepository(root)
    repository.git("init", "-q", "-b", "main")
    return repository


@pytest.fixture
def repo(tmp_path: Path) -> LibraryRepository:
    """A git repository holding a copy of the library, committed once as `base`."""
    repository = new_library_repository(tmp_path)
    repository.commit("base")
    repository.git("tag", "base")
    return repository
