"""Read councils/register/uk_councils.json, check it against its schema, and keep it: the register is
read once per file version (it changes only when the build script is run again)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from webhook.register.model import Register, RegisteredCouncil, RegisterSource

#: Where the register lives, relative to the library root (the folder holding intents/ and councils/).
REGISTER_FILE = Path("councils/register/uk_councils.json")
REGISTER_SCHEMA = Path("councils/register/register.schema.json")


@dataclass(frozen=True)
class RegisterProblem:
    """Something wrong with the register file: where (a JSON path) and what."""

    path: Path
    where: str
    message: str


@dataclass(frozen=True)
class LoadedRegister:
    """The register, or None when its file is absent or broken, and what is wrong with it."""

    register: Register | None
    problems: tuple[RegisterProblem, ...] = ()


def load_register(root: Path) -> LoadedRegister:
    """The register of the library at `root`. A library without one (a test library, a copy of a few
    councils) has none: routing then knows only the councils with overlays."""
    path = root / REGISTER_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return LoadedRegister(None)
    return _load(path.resolve(), (root / REGISTER_SCHEMA).resolve(), stamp)


@lru_cache(maxsize=4)
def _load(path: Path, schema_path: Path, stamp: int) -> LoadedRegister:
    """Read and check the file; cached by its path and modification time."""
    del stamp  # part of the cache key only: an edited file is read again
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        return LoadedRegister(None, (RegisterProblem(path, "", f"cannot read the register: {error}"),))
    if not schema_path.is_file():
        return LoadedRegister(None, (RegisterProblem(schema_path, "", "the register's schema is missing"),))
    schema = json.loads(schema_path.read_text("utf-8"))
    errors = sorted(Draft202012Validator(schema).iter_errors(data), key=lambda e: list(e.absolute_path))
    problems = [
        RegisterProblem(path, "/".join(str(part) for part in error.absolute_path), error.message)
        for error in errors[:20]
    ]
    problems += _rule_problems(path, data) if not errors else []
    if problems:
        return LoadedRegister(None, tuple(problems))
    return LoadedRegister(build(data))


def _rule_problems(path: Path, data: dict[str, Any]) -> list[RegisterProblem]:
    """What the schema does not say (or says slowly): codes and slugs unique, a county for each district
    and only for districts, that county in the register, Welsh names only for Welsh councils."""
    problems: list[RegisterProblem] = []
    councils = data["councils"]
    by_gss: dict[str, int] = {}
    slugs: set[str] = set()
    for index, council in enumerate(councils):
        if council["gss_code"] in by_gss:
            problems.append(
                RegisterProblem(path, f"councils/{index}", f"GSS code {council['gss_code']} twice")
            )
        if council["slug"] in slugs:
            problems.append(RegisterProblem(path, f"councils/{index}", f"slug {council['slug']} twice"))
        by_gss[council["gss_code"]] = index
        slugs.add(council["slug"])
    for index, council in enumerate(councils):
        county = council.get("county")
        if "welsh_name" in council and council["nation"] != "wales":
            problems.append(
                RegisterProblem(path, f"councils/{index}", "a Welsh name for a council not in Wales")
            )
        if (county is None) != (council["tier"] != "district"):
            problems.append(
                RegisterProblem(path, f"councils/{index}", "a district needs a county; only a district")
            )
        if county is None:
            continue
        found = by_gss.get(county["gss_code"])
        if found is None or councils[found]["tier"] != "county" or councils[found]["slug"] != county["slug"]:
            problems.append(
                RegisterProblem(path, f"councils/{index}/county", f"{county} is not a county in the register")
            )
    return problems


def build(data: dict[str, Any]) -> Register:
    """The register from its (valid) JSON document."""
    source = data["source"]
    return Register(
        councils=tuple(
            RegisteredCouncil(
                slug=c["slug"],
                name=c["name"],
                gss_code=c["gss_code"],
                tier=c["tier"],
                nation=c["nation"],
                website=c["website"],
                code=c["code"],
                county_gss=c["county"]["gss_code"] if "county" in c else None,
                county_slug=c["county"]["slug"] if "county" in c else None,
                welsh_name=c.get("welsh_name"),
            )
            for c in data["councils"]
        ),
        source=RegisterSource(
            name=source["name"],
            url=source["url"],
            version=source["version"],
            licence=source["licence"],
            attribution=source["attribution"],
        ),
    )
