"""A new council's overlay, pre-filled from the register (`sync-intents new-council`): what the
register knows, and a TODO comment at each fact only the council can give."""

from __future__ import annotations

import datetime as dt
import json
import re

from webhook.register.model import Register, RegisteredCouncil

#: The overlay schema's pattern for a phone number as residents dial it.
PHONE = re.compile(r"^[0-9+][0-9 ]{5,18}[0-9]$")
_TIER_WORDS = {
    "unitary": "a unitary council: it provides every council service",
    "district": "a district council: its county provides roads, schools, libraries and social care",
    "county": "a county council: its districts provide bins, council tax, housing and planning",
}


def overlay_text(
    council: RegisteredCouncil, register: Register, phone: str, *, county_phone: str | None = None
) -> str:
    """The text of councils/<slug>/council.yaml for a council of the register. A district names its
    county by slug when the county has an overlay (`county_phone` None), else gives the county inline
    with the register's name and website and `county_phone` (safeguarding answers must give a number)."""
    slug, welsh = council.slug, council.nation == "wales"
    lines = [
        "# yaml-language-server: $schema=../council.schema.json",
        f"# {council.name}, {_TIER_WORDS[council.tier]}.",
        "# Written by `sync-intents new-council` from the register of UK councils:",
        f"# {register.source.name} ({register.source.licence}),",
        f"# version {register.source.version}.",
        "# Each TODO marks a fact only the council can give; until it is given, residents get what",
        f"# `sync-intents show --council {slug} --missing` lists.",
        f"slug: {slug}",
        f"reviewed: {dt.date.today().isoformat()}  # `sync-intents drift` lists library changes since",
    ]
    if welsh:
        lines += ["name:", f"  en: {_quoted(council.name)}"]
        hint = (
            f" (the register gives the area's Welsh name: {council.welsh_name})" if council.welsh_name else ""
        )
        lines += [f"  # TODO: cy: the council's own name in Welsh{hint}"]
    else:
        lines.append(f"name: {_quoted(council.name)}")
    lines += [f"gss_code: {council.gss_code}", f"tier: {council.tier}"]
    if council.tier == "district":
        county = register.county_of(council)
        assert county is not None  # the register checks every district's county
        if county_phone is None:
            lines.append(f"county: {county.slug}")
        else:
            lines += [
                f"# {county.name} has no overlay yet: its name and website from the register. When it has",
                f"# one, write `county: {county.slug}` instead.",
                "county:",
                f"  name: {_quoted(county.name)}",
                f"  gss_code: {county.gss_code}",
                f"  website: {county.website}",
                "  # TODO: check this is the county's number for residents (safeguarding answers give it)",
                f"  phone: {_quoted(county_phone)}",
            ]
    lines.append(f"nation: {council.nation}")
    if welsh:
        lines += [
            "# A Welsh council answers in Welsh as well as English (the Welsh Language Standards).",
            "languages: [en, cy]",
            "# No Welsh speaker has checked this file's Welsh yet; `sync-intents translations import`",
            "# makes it native when one has.",
            "welsh_review: needs-welsh-speaker",
        ]
    else:
        lines.append("languages: [en]")
    lines += [
        "contact:",
        "  # TODO: check this is the number residents should ring (the switchboard or contact centre)",
        *(["  # (a Welsh line too? give phone: {en: ..., cy: ...})"] if welsh else []),
        f"  phone: {_quoted(phone)}",
    ]
    if council.website_is_finder:
        lines.append("  # TODO: the council's home page (until then GOV.UK's page for it, which links to it)")
    lines += [
        f"  website: {council.website}",
        "  # TODO: the main office's postal address, e.g.",
        "  # address: Town Hall, High Street, Anytown AA1 1AA",
        "  # TODO: a contact email, and opening hours (answers then say when the phone lines open again):",
        "  # email: contact@example.gov.uk",
        "  # opening_hours:",
        '  #   monday: "09:00-17:00"',
        "# TODO: services: each service's own page (and phone, if not the main number); until then",
        f"# answers link to the home page. `sync-intents show --council {slug} --missing` lists them, e.g.",
        "# services:",
        "#   waste.collection_day:",
        "#     url: https://www.example.gov.uk/bins",
        "# TODO: backends: the systems that answer lookups (postcodes, bins, reports); see councils/demo/.",
        "",
    ]
    return "\n".join(lines)


def _quoted(text: str) -> str:
    """A YAML scalar: quoted (JSON's double quotes are YAML too) so a colon or leading digit is text."""
    return json.dumps(text, ensure_ascii=False)
