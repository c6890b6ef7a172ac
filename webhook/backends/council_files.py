"""Council data files (bin rounds, places, councillors, the A to Z of waste), each read once until it
changes, through one cache the app owns.

Each file's module provides a plain reader (`Path -> value`, raising its own typed error with every
problem at FILE:LINE:COL); this module keeps what the readers return, keyed by the file and its
modification time and size, so an edited file is read again and a broken one is never kept.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Reader = Callable[[Path], T]


class CouncilFiles:
    """What each council data file holds, read when first asked for and again whenever it changes."""

    def __init__(self) -> None:
        self._read: dict[tuple[Path, Callable[[Path], Any]], tuple[tuple[int, int], Any]] = {}
        self._lock = threading.Lock()

    def read(self, path: Path, reader: Reader[T]) -> T:
        """The file's content as `reader` makes it, as the file now stands. Errors are not kept."""
        try:
            status = path.stat()
        except OSError:
            return reader(path)  # the reader says, in its own terms, that the file cannot be read
        # Size as well as time: two edits within the clock's resolution mostly differ in size.
        version = (status.st_mtime_ns, status.st_size)
        key = (path.resolve(), reader)
        with self._lock:
            found = self._read.get(key)
        if found is not None and found[0] == version:
            return found[1]
        value = reader(path)
        with self._lock:
            self._read[key] = (version, value)
        return value

    def clear(self) -> None:
        """Forget everything read."""
        with self._lock:
            self._read.clear()


@dataclass(frozen=True)
class DataFile(Generic[T]):
    """One council data file and its reader; `current()` is its content as the file now stands."""

    path: Path
    reader: Reader[T]
    files: CouncilFiles

    def current(self) -> T:
        """The file's content. Raises the reader's error when the file is missing or wrong."""
        return self.files.read(self.path, self.reader)
