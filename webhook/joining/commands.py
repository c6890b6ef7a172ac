"""`sync-intents new-council`: start a council's overlay from the register of UK councils."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import click

from webhook.cli_options import LIBRARY_OPTION
from webhook.joining.overlay import PHONE, overlay_text
from webhook.register.load import REGISTER_FILE, load_register
from webhook.register.model import Register, RegisteredCouncil

_GSS_LINE = re.compile(r"^gss_code:\s*['\"]?([ENSW][0-9]{8})", re.MULTILINE)


class NewCouncilError(click.ClickException):
    """Why no overlay was written."""


def choose(register: Register, query: str) -> RegisteredCouncil:
    """The one council the query names; an error listing them when it names several or none."""
    found = register.find(query)
    if len(found) == 1:
        return found[0]
    if not found:
        raise NewCouncilError(
            f"no current council matches {query!r}: give its GSS code (e.g. E07000178) or name"
        )
    listed = "\n".join(f"  {c.gss_code}  {c.name} ({c.slug}, {c.tier}, {c.nation})" for c in found)
    raise NewCouncilError(f"{query!r} matches {len(found)} councils; give one's GSS code or slug:\n{listed}")


def existing_overlay(root: Path, council: RegisteredCouncil) -> Path | None:
    """An overlay already there for this council: by its slug, or under another slug by its GSS code."""
    own = root / "councils" / council.slug / "council.yaml"
    if own.exists():
        return own
    for path in sorted((root / "councils").glob("*/council.yaml")):
        match = _GSS_LINE.search(path.read_text("utf-8"))
        if match and match.group(1) == council.gss_code:
            return path
    return None


def write_overlay(
    root: Path, query: str, phone: str | None, county_phone: str | None = None
) -> tuple[Path, RegisteredCouncil]:
    """Write councils/<slug>/council.yaml for the council the query names; `phone` (and, for a
    district whose county has no overlay, `county_phone`) are asked for when not given. Refuses to
    overwrite an overlay."""
    loaded = load_register(root)
    if loaded.register is None:
        reasons = "; ".join(problem.message for problem in loaded.problems) or f"no {REGISTER_FILE}"
        raise NewCouncilError(f"the register cannot be read: {reasons}")
    council = choose(loaded.register, query)
    if (existing := existing_overlay(root, council)) is not None:
        raise NewCouncilError(f"{council.name} already has an overlay: {existing} (not overwritten)")
    if phone is None:
        phone = click.prompt(f"{council.name}'s phone number, as residents dial it (e.g. 01865 249811)")
    phone = _phone(phone)
    path = root / "councils" / council.slug / "council.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    county = loaded.register.county_of(council)
    if county is not None and not (root / "councils" / county.slug / "council.yaml").exists():
        if county_phone is None:
            county_phone = click.prompt(f"{county.name}'s phone number for residents (it has no overlay)")
        county_phone = _phone(county_phone)
    else:
        county_phone = None
    text = overlay_text(council, loaded.register, phone, county_phone=county_phone)
    path.write_text(text, encoding="utf-8")
    return path, council


def _phone(text: str) -> str:
    phone = " ".join(text.split())
    if not PHONE.match(phone):
        raise NewCouncilError(f"{phone!r} is not a UK phone number as residents dial it (e.g. 01865 249811)")
    return phone


@click.command("new-council")
@LIBRARY_OPTION
@click.option("--phone", default=None, help="The council's main phone number (asked for when not given).")
@click.option(
    "--county-phone",
    default=None,
    help="For a district whose county has no overlay: the county's phone number (asked for when not given).",
)
@click.argument("query", metavar="GSS_CODE_OR_NAME")
def new_council(library_dir: Path, phone: str | None, county_phone: str | None, query: str) -> None:
    """Write councils/<slug>/council.yaml for a council of the register of UK councils, pre-filled
    (name, GSS code, tier, county, nation, languages, website), with a TODO at each fact only the
    council can give. Never overwrites an overlay."""
    path, council = write_overlay(library_dir, query, phone, county_phone)
    click.echo(f"wrote {path} for {council.name} ({council.gss_code}, {council.tier}, {council.nation})")
    click.echo("next: fill in the TODOs, then run")
    click.echo("  sync-intents validate")
    click.echo(f"  sync-intents show --council {council.slug} --missing")
    sys.exit(0)
