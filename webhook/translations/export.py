"""Write the library's Welsh as sheets a translator reviews: all of it in one file, one intent's (with
the bot's own sentences its handler says), or one file per intent, messages file, routing message and
overlay into a folder."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from pathlib import Path

from webhook.library.model import Library
from webhook.library.translations import WelshString, welsh_strings
from webhook.translations.sheet import write_sheet


class ExportError(ValueError):
    """The export cannot be made as asked (an unknown intent, a file that would be overwritten)."""


def _file_name(string: WelshString) -> str:
    return f"{string.block.kind}-{string.block.name}.csv"


def _speaks_for(string: WelshString, intent_ids: Collection[str]) -> bool:
    """Whether the string is one of the intents' own, or a sentence of a messages file whose
    description names one of them ("waste.collection_day and waste.missed_collection: ...", or
    "streets.*")."""
    block = string.block
    if block.kind == "intent":
        return block.name in intent_ids
    if block.kind != "messages":
        return False
    description = str(block.document.data.get("description", ""))
    named = re.findall(r"[a-z_]+\.(?:[a-z_]+|\*)", description)
    return any(
        name == intent_id or (name.endswith(".*") and intent_id.startswith(name[:-1]))
        for name in named
        for intent_id in intent_ids
    )


def export_sheets(library: Library, output: Path, intent_ids: Sequence[str] = ()) -> list[tuple[Path, int]]:
    """Write the sheets: to the file `output`, or, when `output` is a folder (or a name with no
    extension, made a folder), one file per block. Only the intents named, when some are, each with
    the sentences of the messages files that name it. Returns each file written and its number of rows.
    Never overwrites a file: a translator may be working on it."""
    unknown = sorted(set(intent_ids) - set(library.intents))
    if unknown:
        raise ExportError(f"no intent {', '.join(unknown)} in the library")
    strings = welsh_strings(library)
    if intent_ids:
        strings = [string for string in strings if _speaks_for(string, intent_ids)]
    if output.is_dir() or not output.suffix:
        output.mkdir(parents=True, exist_ok=True)
        groups: dict[Path, list[WelshString]] = {}
        for string in strings:
            groups.setdefault(output / _file_name(string), []).append(string)
    else:
        groups = {output: strings}
    existing = [path for path in groups if path.exists()]
    if existing:
        raise ExportError(
            f"{existing[0]} exists: a translator may be working on it; move it away or choose another "
            "--output"
        )
    return [(path, write_sheet(path, rows, library.root)) for path, rows in groups.items()]
