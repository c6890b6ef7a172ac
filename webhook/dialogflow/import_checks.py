"""What an import changes or leaves out beyond the fields `importer` converts, each as a note.

`importer` keeps every field of an export it can express and notes the rest; these checks cover the
quieter changes: a file it does not read, an entity type's settings the library has no word for, synonyms
it rewrites, context names it lower-cases, quick-reply titles, cards and link lists folded together or
reordered, optional parameters' prompts, template phrases and brackets in phrase text. Pure: an export's
JSON in, notes out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

#: Files of an export the import reads; anything else is noted.
READ_FILES = ("agent.json", "package.json")
#: Entity type fields the import converts, and the value of the others when they are not used.
ENTITY_HANDLED = frozenset({"id", "name", "isEnum", "isRegexp", "allowFuzzyExtraction"})
ENTITY_DEFAULTS: dict[str, Any] = {"isOverridable": True, "automatedExpansion": False}
#: The order the library writes an intent's messages in.
MESSAGE_ORDER = ("text", "quick_replies", "card", "links")


def unread_files(paths: Iterable[str]) -> list[str]:
    """Notes on the export's JSON files the import does not read."""
    notes = []
    for path in sorted(paths):
        folder, _, rest = path.partition("/")
        if path in READ_FILES or (folder in ("intents", "entities") and rest and "/" not in rest):
            continue
        notes.append(f"{path}: not read (the library has no place for it)")
    return notes


def entity_notes(
    data: Mapping[str, Any], name: str, entries: Mapping[str, Any], languages: list[str], default: str
) -> list[str]:
    """Notes on an entity type's settings and entries that an export would not give back as they are."""
    notes = [
        f"entity type {name}: {key} = {json.dumps(value)} not kept"
        for key, value in data.items()
        if key not in ENTITY_HANDLED and (key not in ENTITY_DEFAULTS or value != ENTITY_DEFAULTS[key])
    ]
    if data.get("isRegexp"):
        patterns = [e.get("value") for e in entries.get(default) or next(iter(entries.values()), [])]
        for language in languages:
            own = [e.get("value") for e in entries.get(language, [])]
            if own and own != patterns:
                notes.append(
                    f"entity type {name}: its {language} patterns differ from the {default} ones; the "
                    f"{default} patterns are kept for every language"
                )
        return notes
    for language in languages:
        changed = [
            entry["value"]
            for entry in entries.get(language, [])
            if list(entry.get("synonyms", [])) != _synonyms_written(entry, bool(data.get("isEnum")))
        ]
        if changed:
            what = (
                "synonyms become just the value (a list entity's entries have no synonyms)"
                if data.get("isEnum")
                else "value becomes its first synonym (Dialogflow matches a map entry by its synonyms)"
            )
            notes.append(
                f"entity type {name}: {len(changed)} {language} entries' {what}: {', '.join(changed)}"
            )
    return notes


def _synonyms_written(entry: Mapping[str, Any], is_list: bool) -> list[str]:
    value = entry["value"]
    if is_list:
        return [value]
    return list(dict.fromkeys((value, *(s for s in entry.get("synonyms", []) if s != value))))


def context_notes(intent_id: str, original: str, written: str) -> list[str]:
    """A note when a context's name is written otherwise than the export had it."""
    if original == written:
        return []
    return [f"{intent_id}: context {original!r} is written {written!r} (Dialogflow ignores a context's case)"]


def message_notes(intent_id: str, language: str, taken: list[tuple[str, Mapping[str, Any]]]) -> list[str]:
    """Notes on one language's messages, as the import took them (kind, export JSON), in order."""
    notes = []
    where = f"{intent_id}: {language}"
    replies = [m for kind, m in taken if kind == "quick_replies"]
    for message in replies:
        if message.get("title"):
            notes.append(f"{where} quick replies' title {message['title']!r} not kept")
    if len(replies) > 1:
        notes.append(f"{where}: its {len(replies)} quick-reply messages are sent as one")
    cards = [m for kind, m in taken if kind == "card"]
    if len(cards) > 1:
        notes.append(f"{where}: only the last of its {len(cards)} cards with a title kept")
    links = [m for kind, m in taken if kind == "links"]
    if len(links) > 1:
        notes.append(f"{where}: its {len(links)} cards of links are sent as one")
    for kind, message in taken:
        if kind not in ("card", "links", "empty card"):
            continue
        dropped = [b for b in message.get("buttons", []) if not (b.get("text") and b.get("postback"))]
        if dropped:
            notes.append(f"{where}: {len(dropped)} card button(s) without text or link left out")
        if kind == "empty card":
            notes.append(f"{where}: a card with no title and no buttons left out")
    ranks = [MESSAGE_ORDER.index(kind) for kind, _ in taken if kind in MESSAGE_ORDER]
    if ranks != sorted(ranks):
        notes.append(f"{where} messages reordered: texts first, then quick replies, the card and links")
    return notes


def phrase_notes(
    intent_id: str, language: str, usersays: Sequence[Mapping[str, Any]], aliases: Mapping[str, str]
) -> list[str]:
    """Notes on training phrases the library's syntax writes otherwise (`aliases`: the parameters kept,
    by their name in the export)."""
    notes = []
    templates = sum(1 for item in usersays if item.get("isTemplate"))
    if templates:
        notes.append(f"{intent_id}: {templates} {language} template phrase(s) imported as plain examples")
    bracketed = sum(
        1 for item in usersays if any(c in str(p.get("text", "")) for p in item.get("data", []) for c in "[]")
    )
    if bracketed:
        notes.append(f"{intent_id}: {bracketed} {language} phrase(s) with [ or ] written with ( and )")
    unknown = sorted(
        {
            str(part["alias"])
            for item in usersays
            for part in item.get("data", [])
            if part.get("alias") and part["alias"] not in aliases
        }
    )
    if unknown:
        notes.append(
            f"{intent_id}: {language} annotations of {', '.join(unknown)} left out (no such parameter)"
        )
    return notes


def prompt_notes(intent_id: str, parameter: Mapping[str, Any]) -> list[str]:
    """A note when an optional parameter has prompts (Dialogflow asks only for a required one's)."""
    if parameter.get("required") or not any(p.get("value") for p in parameter.get("prompts", [])):
        return []
    return [f"{intent_id}: prompts of the optional parameter {parameter.get('name')!r} not kept"]
