"""Councillors from the council's own published list, kept in its folder: councils/<slug>/councillors.yaml.

The file is governed by councils/councillors.schema.json; every problem in it is reported as
`FILE:LINE:COL: error: message [rule]`, like the rest of the library.

Settings (the overlay's backend block, `kind: published_list`):

- `file` (optional): the list's file name in the council's folder; default councillors.yaml.

The list is read on first use and read again whenever the file changes, so an edit shows at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from webhook.backends.base import BackendError
from webhook.backends.council_files import CouncilFiles, DataFile
from webhook.library.datafile import load_data_file
from webhook.library.model import LocalisedText, localise
from webhook.library.problems import Problem, Severity
from webhook.library.yaml_loader import Document

DEFAULT_FILE = "councillors.yaml"
SCHEMA_FILE = "councillors.schema.json"


class CouncillorListInvalid(BackendError):
    """The council's list has problems; each names its file, line and column."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(problem.format() for problem in problems))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Councillor:
    name: str
    party: LocalisedText
    email: str | None = None
    phone: str | None = None
    surgery: LocalisedText | None = None
    url: LocalisedText | None = None


@dataclass(frozen=True)
class Ward:
    code: str
    name: LocalisedText
    councillors: tuple[Councillor, ...]


@dataclass(frozen=True)
class CouncillorList:
    """One council's wards and their councillors, by GSS ward code."""

    source: LocalisedText
    wards: Mapping[str, Ward]

    def ward(self, code: str) -> Ward | None:
        """The ward with this GSS code (postcodes.io's `codes.admin_ward`)."""
        return self.wards.get(code.strip().upper())

    def ward_named(self, name: str) -> Ward | None:
        """The ward with this name in any language, ignoring case (for a resident who types it)."""
        wanted = name.strip().casefold()
        for ward in self.wards.values():
            names = [ward.name] if isinstance(ward.name, str) else list(ward.name.values())
            if any(candidate.casefold() == wanted for candidate in names):
                return ward
        return None

    def councillors_for(self, ward_code: str) -> tuple[Councillor, ...]:
        """The ward's councillors; empty when the council publishes no such ward."""
        ward = self.ward(ward_code)
        return ward.councillors if ward else ()


def validate_councillors_file(path: Path) -> list[Problem]:
    """Every problem of a councillors file (schema, then duplicate wards), each at its line."""
    document, problems = load_data_file(path, SCHEMA_FILE)
    if document is not None and not problems:
        problems += _duplicate_wards(document)
    return sorted(problems)


def load_councillors(path: Path) -> CouncillorList:
    """Read and check a councillors file against councils/councillors.schema.json. Raises
    CouncillorListInvalid listing every problem."""
    problems = validate_councillors_file(path)
    if problems:
        raise CouncillorListInvalid(problems)
    document, _ = load_data_file(path, SCHEMA_FILE)
    assert document is not None
    return _build(document.data)


class PublishedCouncillors:
    """A council's list, read when first needed and again whenever the file changes."""

    def __init__(self, path: Path, files: CouncilFiles | None = None) -> None:
        self.list_file = DataFile(path, load_councillors, files or CouncilFiles())

    @property
    def path(self) -> Path:
        """The council's councillors file."""
        return self.list_file.path

    def current(self) -> CouncillorList:
        """The list as the file now stands. Raises CouncillorListInvalid (a BackendError) when the file
        is missing or broken, so a handler falls back to the council's councillors page."""
        return self.list_file.current()

    def ward(self, code: str) -> Ward | None:
        """The ward with this GSS code."""
        return self.current().ward(code)

    def councillors_for(self, ward_code: str) -> tuple[Councillor, ...]:
        """The ward's councillors; empty when the council publishes no such ward."""
        return self.current().councillors_for(ward_code)


def from_settings(
    settings: Mapping[str, Any], folder: Path, files: CouncilFiles | None = None
) -> PublishedCouncillors:
    """A provider from an overlay's `kind: published_list` block; `folder` is the council's folder."""
    return PublishedCouncillors(folder / str(settings.get("file") or DEFAULT_FILE), files)


def describe(councillor: Councillor, language: str) -> str:
    """ "Name (Party)" in the language, for a reply or a quick reply."""
    party = localise(councillor.party, language)
    return f"{councillor.name} ({party})" if party else councillor.name


def _duplicate_wards(document: Document) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for index, ward in enumerate(document.data["wards"]):
        code = ward["code"]
        if code in seen:
            first_line = document.locate(("wards", seen[code], "code")).line
            problems.append(
                Problem(
                    document.locate(("wards", index, "code")),
                    Severity.ERROR,
                    "ward-duplicate",
                    f"ward {code} is listed twice (first on line {first_line})",
                )
            )
        else:
            seen[code] = index
    return problems


def _build(data: Mapping[str, Any]) -> CouncillorList:
    wards = {
        ward["code"]: Ward(
            code=ward["code"],
            name=ward["name"],
            councillors=tuple(
                Councillor(
                    name=person["name"],
                    party=person["party"],
                    email=person.get("email"),
                    phone=person.get("phone"),
                    surgery=person.get("surgery"),
                    url=person.get("url"),
                )
                for person in ward["councillors"]
            ),
        )
        for ward in data["wards"]
    }
    return CouncillorList(source=data["source"], wards=wards)
