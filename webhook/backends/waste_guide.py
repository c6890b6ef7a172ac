"""A council's A to Z of waste: which bin (or place) each `waste_item` entity value goes in.

The overlay names the file (`backends: which_bin: {kind: a_to_z, file: which_bin.yaml}`); see
councils/demo/which_bin.yaml for its shape. The file is read when first needed and again whenever it
changes; every problem in it is reported as FILE:LINE:COL, like the rest of the library.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from webhook.backends.base import BackendError
from webhook.library.datafile import load_data_file
from webhook.library.model import Council, LocalisedText
from webhook.library.problems import Location, Problem, Severity
from webhook.library.yaml_loader import Document

DEFAULT_FILE = "which_bin.yaml"

SCHEMA_FILE = "which_bin.schema.json"


class WasteGuideInvalid(BackendError):
    """The council's A to Z file is missing or wrong; each problem names its file, line and column."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(problem.format() for problem in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class GuideEntry:
    """Where one kind of waste goes: its name, how to get rid of it, and any advice."""

    name: LocalisedText
    goes: LocalisedText
    note: LocalisedText | None = None


@dataclass(frozen=True)
class WasteGuide:
    """A council's A to Z of waste, by `waste_item` entity value."""

    entries: Mapping[str, GuideEntry]

    def entry(self, item: str) -> GuideEntry | None:
        """Where the item goes, or None when the council's file does not say."""
        return self.entries.get(item)


def guide_file(council: Council) -> Path | None:
    """The council's A to Z file, or None when its overlay names none."""
    settings = council.backends.get("which_bin")
    if settings is None or settings.get("kind") != "a_to_z":
        return None
    return council.folder / str(settings.get("file") or DEFAULT_FILE)


def load_guide(path: Path) -> WasteGuide:
    """Read and check an A to Z file. Raises WasteGuideInvalid."""
    if not path.is_file():
        raise WasteGuideInvalid(
            [Problem(Location(path), Severity.ERROR, "yaml-syntax", "cannot read: no such file")]
        )
    problems = validate_guide_file(path)
    if problems:
        raise WasteGuideInvalid(problems)
    document, _ = load_data_file(path, SCHEMA_FILE)
    assert document is not None  # validated just above
    destinations = document.data["destinations"]
    return WasteGuide(
        {
            item: GuideEntry(name=entry["name"], goes=destinations[entry["goes"]], note=entry.get("note"))
            for item, entry in document.data["items"].items()
        }
    )


def validate_guide_file(path: Path) -> list[Problem]:
    """Every problem in an A to Z file: YAML, schema, and items sent to a destination not defined."""
    document, problems = load_data_file(path, SCHEMA_FILE)
    if document is not None and not problems:
        problems += _unknown_destinations(document)
    return sorted(problems)


def _unknown_destinations(document: Document) -> list[Problem]:
    known = set(document.data["destinations"])
    return [
        Problem(
            document.locate(("items", item, "goes")),
            Severity.ERROR,
            "which-bin-destination",
            f"items/{item}/goes: {entry['goes']!r} is not a destination ({', '.join(sorted(known))})",
        )
        for item, entry in document.data["items"].items()
        if entry["goes"] not in known
    ]
