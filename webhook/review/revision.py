"""The library as it stood at a git revision, read from git without touching the working tree.

`git archive <ref> intents councils` is unpacked into a temporary folder and loaded from there, so a
reviewer's own edits, and whatever branch is checked out, are left exactly as they are.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from webhook.library.loader import LoadResult, load_library
from webhook.library.schemas import SCHEMA_FILES

#: What `--head` means when it is not given: the files as they are now, edits included.
WORKING_TREE = "working tree"
LIBRARY_FOLDERS = ("intents", "councils")


class RevisionError(RuntimeError):
    """A revision that cannot be read: not a git repository, no such ref, or git itself failing."""


def git(repository: Path, *args: str) -> bytes:
    """What `git -C repository args...` printed; RevisionError with git's own last line when it fails."""
    try:
        done = subprocess.run(["git", "-C", str(repository), *args], capture_output=True, check=False)
    except FileNotFoundError as error:
        raise RevisionError("git is not installed, and reading the library's history needs it") from error
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise RevisionError(message[-1] if message else f"git {' '.join(args)} failed")
    return done.stdout


def repository_of(library_root: Path) -> tuple[Path, str]:
    """The git repository holding the library folder, and the folder's path inside it ('' at the top)."""
    try:
        top = git(library_root, "rev-parse", "--show-toplevel").decode().strip()
    except RevisionError as error:
        raise RevisionError(
            f"{library_root} is not in a git repository, so there is no revision to compare with ({error})"
        ) from None
    inside = library_root.resolve().relative_to(Path(top).resolve()).as_posix()
    return Path(top), "" if inside == "." else inside


def commit_of(library_root: Path, ref: str) -> str:
    """The commit `ref` names, in full; RevisionError naming the ref when there is none."""
    repository, _ = repository_of(library_root)
    try:
        return git(repository, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}").decode().strip()
    except RevisionError:
        raise RevisionError(
            f"no revision {ref!r} in {repository} (fetch it first, e.g. `git fetch origin {ref}`)"
        ) from None


@contextmanager
def library_folder(library_root: Path, ref: str) -> Iterator[Path]:
    """A folder holding the library's intents/ and councils/ as they were at `ref` (removed afterwards);
    the library folder itself for WORKING_TREE."""
    if ref == WORKING_TREE:
        yield library_root
        return
    repository, inside = repository_of(library_root)
    commit = commit_of(library_root, ref)
    paths = [f"{inside}/{name}" if inside else name for name in LIBRARY_FOLDERS]
    present = git(repository, "ls-tree", "--name-only", commit, "--", *paths).decode().split()
    if not present:
        raise RevisionError(f"revision {ref} holds no intents/ or councils/ under {inside or 'the top'}")
    archive = git(repository, "archive", "--format=tar", commit, "--", *present)
    with tempfile.TemporaryDirectory(prefix="library-at-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")  # "data": no absolute paths, links out or devices
        root = Path(folder) / inside if inside else Path(folder)
        _add_missing_schemas(root, library_root)
        yield root


def _add_missing_schemas(root: Path, library_root: Path) -> None:
    """Schemas this code reads that an older revision did not have yet, taken from the working tree:
    the revision's files are read by today's loader, which needs every one of them."""
    for relative in SCHEMA_FILES.values():
        if not (root / relative).exists() and (library_root / relative).exists():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(library_root / relative, root / relative)


def load_revision(library_root: Path, ref: str) -> LoadResult:
    """The library as it stood at `ref` (or as it is now, for WORKING_TREE)."""
    with library_folder(library_root, ref) as folder:
        return load_library(folder)
