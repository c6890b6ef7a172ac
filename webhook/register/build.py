"""Build councils/register/uk_councils.json from mySociety's register of UK local authority names and
codes (CC-BY-4.0): `python -m webhook.register.build <uk_local_authorities_current.csv>`.

Source: https://github.com/mysociety/uk_local_authority_names_and_codes, the file
data/packages/uk_la_past_current/uk_local_authorities_current.csv. The CSV is not committed: the
data file records the source, its version and the licence with attribution.

Which rows: every council with no `end-date`, in England, Wales, Scotland and Northern Ireland.
Combined authorities (COMB) and the Greater London Authority (SRA) are left out: they are not
councils a resident contacts for council services.

How each `local-authority-type` maps to a tier for routing:

| type | what it is | tier |
|---|---|---|
| CTY | county council | county |
| NMD | non-metropolitan district | district (its county from `county-la`) |
| UA  | unitary authority (England) | unitary |
| MD  | metropolitan district (borough) | unitary: it provides county services too |
| LBO | London borough | unitary: it provides county services too |
| CC  | City of London Corporation | unitary |
| WPA | Welsh principal area | unitary |
| SCO | Scottish council | unitary |
| NID | Northern Ireland district | unitary (Northern Ireland has no county councils) |

Slug: GOV.UK's slug (`gov-uk-slug`), else the short name (`nice-name`), lower-cased, with a hyphen for
anything but letters and digits ("st.-helens" is st-helens).
Website: the source gives none, so GOV.UK's find-your-council page for the council
(https://www.gov.uk/find-local-council/<gov-uk-slug>), or its front page where the source has no
GOV.UK slug. Welsh name: for Welsh councils only, an alternative name (`alt-names`) that is neither
the English name, a spelling of it, nor English words ("Council", "County"...), and is cleanly
encoded; others are left out, never drafted.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from webhook.register.load import REGISTER_FILE
from webhook.register.model import GOV_UK_FINDER

SOURCE_URL = "https://github.com/mysociety/uk_local_authority_names_and_codes"
SOURCE_FILE = "data/packages/uk_la_past_current/uk_local_authorities_current.csv"
LICENCE = "CC-BY-4.0"
ATTRIBUTION = (
    "Contains data from mySociety's UK local authority names and codes (CC-BY-4.0), which contains "
    "public sector information licensed under the Open Government Licence v3.0"
)

TIER_BY_TYPE = {
    "CTY": "county",
    "NMD": "district",
    "UA": "unitary",
    "MD": "unitary",
    "LBO": "unitary",
    "CC": "unitary",
    "WPA": "unitary",
    "SCO": "unitary",
    "NID": "unitary",
}
#: Not councils a resident contacts: combined authorities and the Greater London Authority.
LEFT_OUT_TYPES = frozenset({"COMB", "SRA"})
NATION_SLUGS = {
    "England": "england",
    "Wales": "wales",
    "Scotland": "scotland",
    "Northern Ireland": "northern-ireland",
}
#: Words that make an alternative name English, not Welsh.
_ENGLISH_WORDS = frozenset({"council", "county", "borough", "city", "the", "and", "of", "ua"})
#: A cleanly encoded name: letters (Welsh accents included), spaces, hyphens and apostrophes. The
#: source holds a few names garbled in an encoding round trip ("Sir Ynys M\ufffdn"): left out.
_CLEAN_NAME = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")


class BuildError(ValueError):
    """The CSV is not shaped like mySociety's register."""


def read_rows(path: Path) -> list[dict[str, str]]:
    """The CSV's rows as dicts keyed by its header."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def build_register(rows: Sequence[Mapping[str, str]], version: str) -> dict[str, Any]:
    """The register's JSON document from the CSV's rows: current councils, sorted by slug."""
    required = ("local-authority-code", "official-name", "nice-name", "gss-code", "end-date", "nation")
    if rows and (missing := [column for column in required if column not in rows[0]]):
        raise BuildError(f"not mySociety's register: no column {', '.join(missing)}")
    current = [
        row
        for row in rows
        if not row["end-date"].strip()
        and row["nation"] in NATION_SLUGS
        and row["local-authority-type"] not in LEFT_OUT_TYPES
    ]
    unknown = sorted({row["local-authority-type"] for row in current} - TIER_BY_TYPE.keys())
    if unknown:
        raise BuildError(f"unknown local-authority-type {', '.join(unknown)}: say how it maps to a tier")
    slugs = {row["local-authority-code"]: _slug(row) for row in current}
    by_code = {row["local-authority-code"]: row for row in current}
    duplicates = [slug for slug, n in Counter(slugs.values()).items() if n > 1]
    if duplicates:
        raise BuildError(f"two councils would share the slug {', '.join(sorted(duplicates))}")
    councils = [_council(row, slugs, by_code) for row in current]
    return {
        "source": {
            "name": "mySociety: UK local authority names and codes",
            "url": SOURCE_URL,
            "file": SOURCE_FILE,
            "version": version,
            "licence": LICENCE,
            "attribution": ATTRIBUTION,
        },
        "counts": summary_counts(councils),
        "councils": sorted(councils, key=lambda council: council["slug"]),
    }


def _council(row: Mapping[str, str], slugs: Mapping[str, str], by_code: Mapping[str, Any]) -> dict[str, Any]:
    code = row["local-authority-code"]
    tier = TIER_BY_TYPE[row["local-authority-type"]]
    gov_uk_slug = row.get("gov-uk-slug", "").strip()
    council: dict[str, Any] = {
        "slug": slugs[code],
        "name": row["official-name"].strip(),
        "gss_code": row["gss-code"].strip(),
        "code": code,
        "tier": tier,
        "nation": NATION_SLUGS[row["nation"]],
        "website": f"{GOV_UK_FINDER}/{gov_uk_slug}" if gov_uk_slug else GOV_UK_FINDER,
    }
    if tier == "district":
        county = by_code.get(row.get("county-la", "").strip())
        if county is None:
            raise BuildError(f"{code}: a district whose county {row.get('county-la')!r} is not current")
        council["county"] = {
            "gss_code": county["gss-code"].strip(),
            "slug": slugs[county["local-authority-code"]],
        }
    if row["nation"] == "Wales" and (welsh := welsh_name(row)):
        council["welsh_name"] = welsh
    return council


def _slug(row: Mapping[str, str]) -> str:
    name = row.get("gov-uk-slug", "").strip() or row["nice-name"]
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")


def welsh_name(row: Mapping[str, str]) -> str | None:
    """The Welsh name among a Welsh council's alternative names, or None when it has none distinct
    from the English (Ceredigion, Powys) or only a garbled one."""
    english = _fold(row["nice-name"])
    for name in _alt_names(row.get("alt-names", "")):
        folded = _fold(name)
        if not name[:1].isupper() or not _CLEAN_NAME.match(name):
            continue  # the source's lower-case search spellings, and garbled names
        if folded == english or english in folded or _ENGLISH_WORDS & set(folded.split()):
            continue
        return name
    return None


def _alt_names(text: str) -> Iterable[str]:
    # Comma-separated; a name never starts with a space, so ", " is inside a name (as in
    # "Armagh City, Banbridge and Craigavon").
    return (name.strip() for name in re.split(r",(?! )", text) if name.strip())


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def summary_counts(councils: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, int]]:
    """How many councils of each nation and tier: {nation: {tier: n}}."""
    counts: dict[str, dict[str, int]] = {}
    for council in councils:
        by_tier = counts.setdefault(council["nation"], {})
        by_tier[council["tier"]] = by_tier.get(council["tier"], 0) + 1
    return {nation: dict(sorted(tiers.items())) for nation, tiers in sorted(counts.items())}


def write_register(document: Mapping[str, Any], path: Path) -> None:
    """The register as JSON, one council a line, so a review sees each change on its own line."""
    lines = ["{"]
    lines.append('  "$schema": "register.schema.json",')
    lines.append(f'  "source": {json.dumps(document["source"], ensure_ascii=False)},')
    lines.append(f'  "counts": {json.dumps(document["counts"], ensure_ascii=False)},')
    lines.append('  "councils": [')
    entries = [f"    {json.dumps(council, ensure_ascii=False)}" for council in document["councils"]]
    lines.append(",\n".join(entries))
    lines += ["  ]", "}", ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Read the CSV, write the register, print how many councils of each nation and tier."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", type=Path, help="uk_local_authorities_current.csv from mySociety")
    parser.add_argument(
        "--version",
        required=True,
        help="the source's version: its git commit (and date), e.g. 67ef8b1 (2024-...)",
    )
    parser.add_argument("--output", type=Path, default=REGISTER_FILE, help=f"default: {REGISTER_FILE}")
    args = parser.parse_args(argv)
    try:
        document = build_register(read_rows(args.csv), args.version)
    except (BuildError, OSError) as error:
        print(f"build_register: {error}", file=sys.stderr)
        return 1
    write_register(document, args.output)
    total = len(document["councils"])
    print(f"wrote {total} councils to {args.output}")
    for nation, tiers in document["counts"].items():
        print(f"  {nation}: " + ", ".join(f"{n} {tier}" for tier, n in tiers.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
