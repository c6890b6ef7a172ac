"""Turn a Dialogflow ES agent export (zip or folder) into library YAML that validates.

Each file's own `name` field is trusted, not its file name (the console shortens and escapes those).
A display name already shaped `<area>.<name>` keeps it as the intent id; any other gets a slug under the
`imported` area, and the display name itself is kept in the intent's `dialogflow:` block (with its
action, parameter names and values, text messages after the first, the platform of its cards and quick
replies when not the sync's own, webhook use, and annotations Dialogflow made itself), so exporting the
library again gives back the agent. An intent that called the agent's webhook keeps that in its
`dialogflow:` block, not as a `fulfilment:` handler this project does not have, so the folder validates.
Only English and Welsh are imported (the library speaks those): the languages come from agent.json, or, in
an export without one, from the files. agent.json's settings go in `dialogflow-agent.yaml`, the
`dialogflow:` block for the council's overlay. Everything the library cannot express (other languages,
text on one platform only, conditions, priorities, webhook credentials ...) is listed in the report, never
dropped silently. Text is marked `review: needs-review`, since nobody has checked it against the library's
style yet.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from webhook.dialogflow.agent_settings import settings_from
from webhook.dialogflow.import_checks import (
    context_notes,
    entity_notes,
    message_notes,
    phrase_notes,
    prompt_notes,
    unread_files,
)
from webhook.dialogflow.ownership import INTENT_ID, OWNERSHIP_ENTITY_TYPE
from webhook.dialogflow.platforms import DEFAULT_NAME, RICH_PLATFORM, RICH_PLATFORMS, export_name

LIBRARY_LANGUAGES = ("en", "cy")
RESERVED_AREAS = ("entities", "messages", "schema")
NAME = re.compile(r"^[a-z][a-z0-9_]*$")
ENTITY = re.compile(r"^[a-z][a-z0-9_-]*$")
CONTEXT = re.compile(r"^[a-z][a-z0-9_-]*$")
DEFAULT_FROM_CONTEXT = re.compile(r"^#[a-z][a-z0-9_-]*\.[a-z][a-z0-9_]*$")
#: Intent fields the import keeps, and the value of each the console writes when it is not used.
INTENT_KEPT = {"id", "parentId", "rootParentId", "name", "contexts", "responses", "webhookUsed"}
INTENT_DEFAULTS: dict[str, Any] = {
    "auto": True,
    "priority": 500000,
    "webhookForSlotFilling": False,
    "fallbackIntent": False,
    "events": [],
    "conditionalResponses": [],
    "condition": "",
    "conditionalFollowupEvents": [],
    "lastUpdate": None,
    "endInteraction": False,
    "liveAgentHandoff": False,
}
RESPONSE_DEFAULTS: dict[str, Any] = {
    "resetContexts": False,
    "action": "",
    "affectedContexts": [],
    "parameters": [],
    "messages": [],
    "defaultResponsePlatforms": {},
    "speech": [],
}
PARAMETER_DEFAULTS: dict[str, Any] = {
    "id": None,
    "name": None,
    "required": False,
    "dataType": None,
    "value": None,
    "defaultValue": "",
    "isList": False,
    "prompts": [],
    "promptMessages": [],
    "noMatchPromptMessages": [],
    "noInputPromptMessages": [],
    "outputDialogContexts": [],
}
USERSAYS = re.compile(r"^(?P<stem>.+)_usersays_(?P<lang>[A-Za-z-]+)\.json$")
ENTRIES = re.compile(r"^(?P<stem>.+)_entries_(?P<lang>[A-Za-z-]+)\.json$")
NO_TEXT = "(The imported agent had no text response here: write one.)"
#: Export message types of cards and quick replies, which the console shows on a platform's tab only.
RICH_TYPES = (1, 2)
#: The file `import` writes the agent's settings to: the `dialogflow:` block for the council's overlay.
SETTINGS_FILE = "dialogflow-agent.yaml"


class AgentImportError(ValueError):
    """The export cannot be imported; the message says why."""


@dataclass
class ImportReport:
    """What was written, and what a person should look at."""

    intents: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: The `dialogflow:` block for the council's overlay: its languages and agent.json's settings.
    settings: dict[str, Any] = field(default_factory=dict)


def read_export(source: Path) -> dict[str, Any]:
    """Every JSON file of an export, by its path inside the export (agent.json, intents/x.json, ...)."""
    files: dict[str, bytes] = {}
    if source.is_dir():
        for path in sorted(source.rglob("*.json")):
            files[path.relative_to(source).as_posix()] = path.read_bytes()
    else:
        try:
            with zipfile.ZipFile(source) as archive:
                for info in archive.infolist():
                    if info.filename.endswith(".json") and not info.is_dir():
                        files[info.filename] = archive.read(info)
        except zipfile.BadZipFile as error:
            raise AgentImportError(f"{source} is neither a folder nor a zip file") from error
    # An export zipped with its folder around it: drop the common top folder.
    tops = {PurePosixPath(p).parts[0] for p in files}
    if len(tops) == 1 and not ({"agent.json", "package.json"} & set(files)):
        top = tops.pop()
        inner = {p[len(top) + 1 :]: content for p, content in files.items()}
        if {"agent.json", "package.json"} & set(inner):
            files = inner
    parsed = {}
    for path, content in files.items():
        try:
            parsed[path] = json.loads(content.decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as error:
            raise AgentImportError(f"{source}: {path} is not valid JSON ({error})") from error
    if not any(p.startswith(("intents/", "entities/")) for p in parsed):
        raise AgentImportError(f"{source} holds no intents/ or entities/: is it a Dialogflow ES export?")
    return parsed


#: What a library folder needs besides intents to validate on its own (`validate --library <folder>`).
LIBRARY_SUPPORT = (
    "intents/schema",
    "intents/routing.yaml",
    "intents/messages",
    "councils/council.schema.json",
)


def import_agent(source: Path, output: Path, library_root: Path | None = None) -> ImportReport:
    """Read the export at `source` and write library YAML under `output`; refuses to overwrite a file.

    With `library_root`, its schemas, routing messages and messages catalogue are copied in too, so that
    the folder is a library that validates on its own.
    """
    files = read_export(source)
    documents, report = convert(files)
    existing = [path for path in documents if (output / path).exists()]
    if existing:
        found = ", ".join(sorted(existing)[:5])
        raise AgentImportError(f"{output} already has {found}: choose an empty folder")
    if (output / SETTINGS_FILE).exists():
        raise AgentImportError(f"{output} already has {SETTINGS_FILE}: choose an empty folder")
    for path, (schema, data) in documents.items():
        target = output / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"# yaml-language-server: $schema={schema}\n{dump_yaml(data)}", encoding="utf-8")
    (output / SETTINGS_FILE).write_text(
        "# The agent's settings: add this to the council's overlay (councils/<slug>/council.yaml) with the\n"
        "# agent's project_id; `sync-intents export` writes them back into agent.json.\n"
        + dump_yaml({"dialogflow": report.settings}),
        encoding="utf-8",
    )
    for relative in LIBRARY_SUPPORT if library_root else ():
        origin, target = library_root / relative, output / relative
        if target.exists() or not origin.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if origin.is_dir():
            shutil.copytree(origin, target)
        else:
            shutil.copy(origin, target)
    return report


def convert(files: Mapping[str, Any]) -> tuple[dict[str, tuple[str, dict[str, Any]]], ImportReport]:
    """The library files (path -> (schema path, data)) for an export's files, and notes on the way."""
    report = ImportReport()
    agent = files.get("agent.json", {})
    found = _languages(files)
    default = str(agent.get("language") or ("en" if "en" in found or not found else found[0])).lower()
    every = list(dict.fromkeys([default, *agent.get("supportedLanguages", []), *found]))
    languages = [lang for lang in every if lang in LIBRARY_LANGUAGES]
    dropped = [lang for lang in every if lang not in LIBRARY_LANGUAGES]
    if dropped:
        report.notes.append(f"left out languages the library does not speak: {', '.join(dropped)}")
    if "en" not in languages:
        raise AgentImportError("the agent has no English: the library needs English for every intent")
    if "agent.json" not in files:
        report.notes.append(f"no agent.json: took the languages from the files ({', '.join(every)})")
    if default != "en":
        report.notes.append(f"the agent's default language is {default}; an export makes English the default")
    report.settings["languages"] = languages
    settings, notes = settings_from(agent)
    if settings:
        report.settings["agent"] = settings
    report.notes += notes
    report.notes += unread_files(files)
    entity_names = _entity_names(files)
    documents: dict[str, tuple[str, dict[str, Any]]] = {}
    for stem, data in _definitions(files, "entities/", ENTRIES):
        if data["name"] == OWNERSHIP_ENTITY_TYPE:
            continue  # sync-intents' own record of what it created, not part of the library
        name = entity_names[data["name"]]
        entries = _localised(files, "entities/", stem, ENTRIES)
        documents[f"intents/entities/{name}.yaml"] = (
            "../schema/entity.schema.json",
            _entity(data, name, entries, languages, default),
        )
        report.notes += entity_notes(data, name, entries, languages, default)
        report.entities.append(name)
    intents = list(_definitions(files, "intents/", USERSAYS))
    ids = _intent_ids([data["name"] for _, data in intents])
    by_export_id = {data.get("id"): ids[data["name"]] for _, data in intents}
    for stem, data in intents:
        intent_id = ids[data["name"]]
        usersays = _localised(files, "intents/", stem, USERSAYS)
        converted = _intent(data, intent_id, usersays, languages, default, entity_names, by_export_id, report)
        area, name = intent_id.split(".")
        documents[f"intents/{area}/{name}.yaml"] = ("../schema/intent.schema.json", converted)
        report.intents.append(intent_id)
    return documents, report


def _languages(files: Mapping[str, Any]) -> list[str]:
    """The languages an export's files hold text in (for an export without agent.json)."""
    found: list[str] = []
    for path, data in sorted(files.items()):
        name = path.rsplit("/", 1)[-1]
        match = USERSAYS.match(name) or ENTRIES.match(name)
        if match:
            found.append(match["lang"].lower())
        elif path.startswith("intents/") and isinstance(data, dict):
            for response in data.get("responses", []):
                found += [str(m["lang"]).lower() for m in response.get("messages", []) if m.get("lang")]
                for parameter in response.get("parameters", []):
                    found += [str(p["lang"]).lower() for p in parameter.get("prompts", []) if p.get("lang")]
    return list(dict.fromkeys(found))


def _definitions(files: Mapping[str, Any], folder: str, localised: re.Pattern[str]) -> list[tuple[str, Any]]:
    found = []
    for path, data in sorted(files.items()):
        relative = path[len(folder) :]
        if not path.startswith(folder) or "/" in relative or localised.match(relative):
            continue
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            raise AgentImportError(f"{path} has no name")
        found.append((relative[: -len(".json")], data))
    return found


def _localised(files: Mapping[str, Any], folder: str, stem: str, pattern: re.Pattern[str]) -> dict[str, Any]:
    found = {}
    for path, data in files.items():
        match = pattern.match(path[len(folder) :]) if path.startswith(folder) else None
        if match and match["stem"] == stem:
            found[match["lang"].lower()] = data
    return found


def slug(text: str, pattern: re.Pattern[str] = NAME, prefix: str = "x") -> str:
    """Lower case, runs of anything else as one underscore, starting with a letter."""
    value = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    if not value or not value[0].isalpha():
        value = f"{prefix}_{value}".rstrip("_")
    return value if pattern.match(value) else prefix


def _entity_names(files: Mapping[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for _, data in _definitions(files, "entities/", ENTRIES):
        original = data["name"]
        if original == OWNERSHIP_ENTITY_TYPE:
            continue
        name = original if ENTITY.match(original) and original != "sys" else slug(original, ENTITY, "entity")
        while name in names.values():
            name += "_2"
        names[original] = name
    return names


def _intent_ids(display_names: list[str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for display in display_names:
        if INTENT_ID.match(display) and display.split(".")[0] not in RESERVED_AREAS:
            candidate = display
        else:
            candidate = f"imported.{slug(display, prefix='intent')}"
        while candidate in ids.values():
            candidate += "_2"
        ids[display] = candidate
    return ids


def _entity(
    data: Mapping[str, Any], name: str, entries: Mapping[str, Any], languages: list[str], default: str
) -> dict[str, Any]:
    kind = "regexp" if data.get("isRegexp") else "list" if data.get("isEnum") else "map"
    entity: dict[str, Any] = {
        "name": name,
        "description": f"Imported from the Dialogflow entity type '{data['name']}'.",
        "kind": kind,
    }
    if data.get("allowFuzzyExtraction"):
        entity["fuzzy"] = True
    if kind == "regexp":
        source = entries.get(default) or next(iter(entries.values()), [])
        entity["patterns"] = list(dict.fromkeys(e["value"] for e in source)) or [".+"]
        return entity
    entity["languages"] = {}
    for language in languages:
        if not entries.get(language):
            continue
        converted = []
        for entry in entries[language]:
            item: dict[str, Any] = {"value": entry["value"]}
            synonyms = [s for s in entry.get("synonyms", []) if s != entry["value"]]
            if kind == "map" and synonyms:
                item["synonyms"] = synonyms
            converted.append(item)
        entity["languages"][language] = {"review": "needs-review", "entries": converted}
    return entity


def _intent(
    data: Mapping[str, Any],
    intent_id: str,
    usersays: Mapping[str, Any],
    languages: list[str],
    default: str,
    entity_names: Mapping[str, str],
    by_export_id: Mapping[Any, str],
    report: ImportReport,
) -> dict[str, Any]:
    display = data["name"]
    response = (data.get("responses") or [{}])[0]
    _report_unkept(data, response, intent_id, report)
    intent: dict[str, Any] = {
        "id": intent_id,
        "title": _title(display),
        "description": f"Imported from the Dialogflow intent '{display}'.",
        "tier": "any",
    }
    dialogflow: dict[str, Any] = {}
    if display != intent_id:
        dialogflow["display_name"] = display
    if response.get("action"):
        dialogflow["action"] = response["action"]
    if data.get("fallbackIntent"):
        intent["fallback"] = True
    if data.get("parentId"):
        parent = by_export_id.get(data["parentId"])
        if parent:
            intent["followup_of"] = parent
        else:
            report.notes.append(f"{intent_id}: its parent intent is not in the export; imported without it")
    events = [e["name"] for e in data.get("events", []) if e.get("name")]
    if events:
        intent["events"] = events
    parameters, aliases, originals = _parameters(response, languages, entity_names, intent_id, report)
    if parameters:
        intent["parameters"] = parameters
    if originals:
        dialogflow["parameters"] = originals
    contexts: dict[str, Any] = {}
    for original in [*data.get("contexts", []), *(c["name"] for c in response.get("affectedContexts", []))]:
        report.notes += context_notes(intent_id, original, context_name(original))
    if data.get("contexts"):
        contexts["input"] = list(dict.fromkeys(context_name(c) for c in data["contexts"]))
    if response.get("affectedContexts"):
        contexts["output"] = [
            {"name": context_name(c["name"]), "lifespan": c.get("lifespan", 5)}
            for c in response["affectedContexts"]
        ]
        for context in response["affectedContexts"]:
            if context.get("parameters"):
                report.notes.append(
                    f"{intent_id}: output context {context['name']} sets parameters; left out"
                )
    if contexts:
        intent["contexts"] = contexts
    if data.get("webhookUsed"):
        # This project has no handler for another agent's webhook: keep the flag for the export, and
        # let a person write the handler and move it to `fulfilment:`.
        dialogflow["webhook"] = "slot_filling" if data.get("webhookForSlotFilling") else "enabled"
        report.notes.append(
            f"{intent_id}: calls the agent's webhook; kept as dialogflow.webhook. To answer it here, write "
            f"a handler in webhook/fulfilment/handlers/ and name it in a `fulfilment:` block instead"
        )
    platform = _rich_platform(response.get("messages", []), languages, default)
    if platform != export_name(RICH_PLATFORM):
        dialogflow["rich_platform"] = platform or DEFAULT_NAME
    intent["languages"] = {}
    more_text: dict[str, list[list[str]]] = {}
    machine: dict[str, dict[str, list[str]]] = {}
    for language in languages:
        intent["languages"][language], more, machine_annotated = _language(
            response,
            usersays.get(language, []),
            _Where(language, default, intent_id, platform),
            aliases,
            report,
            bool(data.get("fallbackIntent")),
        )
        if more:
            more_text[language] = more
        if machine_annotated:
            machine[language] = machine_annotated
    if more_text:
        dialogflow["more_text"] = more_text
    if machine:
        dialogflow["machine_annotated"] = machine
    expected = {platform: True} if platform and _has_rich(response, languages, default, platform) else {}
    if response.get("defaultResponsePlatforms", {}) != expected:
        value = json.dumps(response.get("defaultResponsePlatforms"))
        report.notes.append(f"{intent_id}: response defaultResponsePlatforms = {value} not kept")
    if dialogflow:
        intent["dialogflow"] = dialogflow
    return intent


def context_name(name: str) -> str:
    """A context name as the library writes it: Dialogflow's own, lower-cased (contexts ignore case)."""
    lowered = name.lower()
    return lowered if CONTEXT.match(lowered) else slug(name, CONTEXT, "context")


def _report_unkept(
    data: Mapping[str, Any], response: Mapping[str, Any], intent_id: str, report: ImportReport
) -> None:
    """Note every field of an intent the library cannot express and that is not at its default."""
    handled = INTENT_KEPT | {"webhookForSlotFilling", "fallbackIntent", "events", "lastUpdate"}
    for key, value in data.items():
        if key not in handled and (key not in INTENT_DEFAULTS or value != INTENT_DEFAULTS[key]):
            report.notes.append(f"{intent_id}: {key} = {json.dumps(value)} not kept")
    if len(data.get("responses") or []) > 1:
        report.notes.append(f"{intent_id}: only the first of {len(data['responses'])} responses kept")
    for key, value in response.items():
        if key not in RESPONSE_DEFAULTS or (
            key in ("resetContexts", "speech") and value != RESPONSE_DEFAULTS[key]
        ):
            report.notes.append(f"{intent_id}: response {key} = {json.dumps(value)} not kept")
    for parameter in response.get("parameters", []):
        for key, value in parameter.items():
            if key not in PARAMETER_DEFAULTS or (
                PARAMETER_DEFAULTS[key] is not None
                and key not in ("required", "isList", "prompts", "defaultValue")
                and value != PARAMETER_DEFAULTS[key]
            ):
                report.notes.append(
                    f"{intent_id}: parameter {parameter.get('name')} {key} = {json.dumps(value)} not kept"
                )


def _title(display: str) -> str:
    words = re.sub(r"[._\-]+", " ", display).strip()
    title = (words[:1].upper() + words[1:])[:80]
    return title if len(title) >= 3 else f"Intent {title}".strip()


def _parameters(
    response: Mapping[str, Any],
    languages: list[str],
    entity_names: Mapping[str, str],
    intent_id: str,
    report: ImportReport,
) -> tuple[list[dict[str, Any]], dict[str, str], dict[str, dict[str, str]]]:
    parameters = []
    aliases: dict[str, str] = {}
    originals: dict[str, dict[str, str]] = {}
    for item in response.get("parameters", []):
        data_type = str(item.get("dataType", ""))
        if not data_type.startswith("@"):
            report.notes.append(f"{intent_id}: parameter {item.get('name')!r} has no entity type; left out")
            continue
        raw = data_type[1:]
        entity = raw if raw.startswith("sys.") else entity_names.get(raw)
        if entity is None:
            report.notes.append(
                f"{intent_id}: parameter {item.get('name')!r} uses unknown entity @{raw}; left out"
            )
            continue
        name = slug(item["name"], NAME, "value")
        while name in originals or any(p["name"] == name for p in parameters):
            name += "_2"
        aliases[item["name"]] = name
        report.notes += prompt_notes(intent_id, item)
        original: dict[str, str] = {}
        if item["name"] != name:
            original["name"] = item["name"]
        if item.get("value", f"${item['name']}") != f"${item['name']}":
            original["value"] = item["value"]
        if original:
            originals[name] = original
        parameter: dict[str, Any] = {"name": name, "entity": entity}
        if item.get("required"):
            parameter["required"] = True
        if item.get("isList"):
            parameter["list"] = True
        prompts = {
            language: [
                p["value"]
                for p in item.get("prompts", [])
                if p.get("lang", "en") == language and p.get("value")
            ]
            for language in languages
        }
        prompts = {language: texts for language, texts in prompts.items() if texts}
        if prompts:
            parameter["prompts"] = prompts
        default_value = item.get("defaultValue") or ""
        if DEFAULT_FROM_CONTEXT.match(default_value):
            parameter["default"] = default_value
        elif default_value:
            report.notes.append(
                f"{intent_id}: parameter {item['name']!r} default {default_value!r} is not a "
                "#context.parameter; left out"
            )
        parameters.append(parameter)
    return parameters, aliases, originals


@dataclass(frozen=True)
class _Where:
    """Which of an intent's messages a conversion takes: its language, and its cards' platform."""

    language: str
    default: str
    intent_id: str
    #: The export name of the platform its cards and quick replies are kept from ("" for the default).
    platform: str


def _rich_platform(messages: list[Mapping[str, Any]], languages: list[str], default: str) -> str:
    """The platform an intent's cards and quick replies are kept from: the one they are on, the sync's
    own when they are on several (the others are noted and left out)."""
    found = list(
        dict.fromkeys(
            str(m.get("platform", ""))
            for m in messages
            if int(m.get("type", 0)) in RICH_TYPES
            and m.get("lang", default) in languages
            and not m.get("condition")
            and str(m.get("platform", "")) in ("", *RICH_PLATFORMS)
        )
    )
    own = export_name(RICH_PLATFORM)
    if not found or own in found:
        return own
    return found[0]


def _has_rich(response: Mapping[str, Any], languages: list[str], default: str, platform: str) -> bool:
    return any(
        int(m.get("type", 0)) in RICH_TYPES
        and m.get("lang", default) in languages
        and str(m.get("platform", "")) == platform
        and not m.get("condition")
        for m in response.get("messages", [])
    )


def _language(
    response: Mapping[str, Any],
    usersays: list[Mapping[str, Any]],
    where: _Where,
    aliases: Mapping[str, str],
    report: ImportReport,
    fallback: bool = False,
) -> tuple[dict[str, Any], list[list[str]], dict[str, list[str]]]:
    """One language of an intent; its further text messages; its phrases' machine-made annotations."""
    phrases: list[str] = []
    machine: dict[str, list[str]] = {}
    report.notes += phrase_notes(where.intent_id, where.language, usersays, aliases)
    for item in usersays:
        text, made_by_dialogflow = _phrase(item, aliases)
        if text and text not in phrases:
            phrases.append(text)
            if made_by_dialogflow:
                machine[text] = made_by_dialogflow
    if not phrases and not fallback:  # a fallback's phrases are negative examples, and may be none
        phrases = [_title(where.intent_id.split(".")[-1]).lower()]
        report.notes.append(
            f"{where.intent_id}: no {where.language} training phrases; wrote {phrases[0]!r}: replace it"
        )
    responses, more = _responses(response.get("messages", []), where, report)
    return {"review": "needs-review", "phrases": phrases, "responses": responses}, more, machine


def _phrase(item: Mapping[str, Any], aliases: Mapping[str, str]) -> tuple[str, list[str]]:
    """A phrase in the library's syntax, and the parameters of the annotations Dialogflow made itself
    (`userDefined: false`), which the library's syntax cannot mark."""
    text = []
    machine: list[str] = []
    for part in item.get("data", []):
        value = str(part.get("text", "")).replace("[", "(").replace("]", ")")
        alias = aliases.get(part.get("alias", ""))
        if alias and value.strip():
            # Spaces belong outside the brackets: `[AA1 1AA](postcode)`, not `[AA1 1AA ](postcode)`.
            lead = value[: len(value) - len(value.lstrip())]
            trail = value[len(value.rstrip()) :]
            text.append(f"{lead}[{value.strip()}]({alias}){trail}")
            if part.get("userDefined", True) is False and alias not in machine:
                machine.append(alias)
        else:
            text.append(value)
    return "".join(text).strip(), machine


def _responses(
    messages: list[Mapping[str, Any]], where: _Where, report: ImportReport
) -> tuple[dict[str, Any], list[list[str]]]:
    """The responses, and the text messages after the first (Dialogflow sends each one)."""
    language, intent_id = where.language, where.intent_id
    responses: dict[str, Any] = {"text": []}
    texts: list[list[str]] = []
    taken: list[tuple[str, Mapping[str, Any]]] = []
    for message in messages:
        if message.get("lang", where.default) != language:
            continue
        kind = int(message.get("type", 0))
        platform = str(message.get("platform", ""))
        rich_here = kind in RICH_TYPES and platform == where.platform
        if (platform and not rich_here) or message.get("condition"):
            what = f"platform {platform}" if platform else "a condition"
            report.notes.append(f"{intent_id}: left out a {language} message of type {kind} with {what}")
            continue
        if kind == 0:
            speech = message.get("speech", [])
            variants = [s for s in ([speech] if isinstance(speech, str) else speech) if s]
            if variants:
                texts.append(variants)
                taken.append(("text", message))
        elif kind in RICH_TYPES and not rich_here:
            report.notes.append(
                f"{intent_id}: left out a {language} message of type {kind} on the default platform "
                f"(its other cards and quick replies are on {where.platform})"
            )
        elif kind == 2:
            responses.setdefault("quick_replies", []).extend(message.get("replies", []))
            taken.append(("quick_replies", message))
        elif kind == 1:
            buttons = [{"text": b["text"], "url": b.get("postback", "")} for b in message.get("buttons", [])]
            buttons = [b for b in buttons if b["text"] and b["url"]]
            if message.get("title"):
                card: dict[str, Any] = {"title": message["title"]}
                for key, source in (("subtitle", "subtitle"), ("image_url", "imageUrl")):
                    if message.get(source):
                        card[key] = message[source]
                if buttons:
                    card["buttons"] = buttons
                responses["card"] = card
                taken.append(("card", message))
            elif buttons:
                responses.setdefault("links", []).extend(buttons)
                taken.append(("links", message))
            else:
                taken.append(("empty card", message))
        else:
            report.notes.append(f"{intent_id}: left out a {language} message of type {kind}")
    report.notes += message_notes(intent_id, language, taken)
    if texts:
        responses["text"] = texts[0]
    else:
        responses["text"] = [NO_TEXT]
        report.notes.append(f"{intent_id}: no {language} text response; wrote a placeholder to replace")
    return responses, texts[1:]


class _Dumper(yaml.SafeDumper):
    """Plain YAML: no anchors or aliases (the library's loader refuses them), block style."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Any) -> str:
    """YAML the library's strict loader accepts, keys in the order given."""
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False
    )
