"""A compiled agent in Dialogflow ES's export format: the zip the console imports and restores.

agent.json, package.json, intents/<name>.json with intents/<name>_usersays_<lang>.json, and
entities/<name>.json with entities/<name>_entries_<lang>.json. Ids are derived from names, so exporting
the same library twice gives the same bytes.

The ZIP is safe to restore in the console: its webhook block keeps fulfilment on (with the URL given, or
the overlay's `dialogflow.agent.webhook_url`), and it carries the ownership record
(`sync-intents-ownership`) naming the ids of its intents and entity types, which the console keeps on
restore, so the next `apply` still knows them as the library's. agent.json carries the overlay's agent
settings (see `agent_settings`); messages carry their platform, so the console shows cards and quick
replies (see `platforms`).
"""

from __future__ import annotations

import io
import json
import uuid
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from google.cloud import dialogflow_v2 as df

from webhook.dialogflow.agent_settings import agent_json
from webhook.dialogflow.compile import CompiledAgent, DesiredEntityType, DesiredIntent
from webhook.dialogflow.ownership import OWNERSHIP_ENTITY_TYPE, Ownership
from webhook.dialogflow.platforms import export_name

ID_NAMESPACE = uuid.UUID("6f1d3b5e-1c7a-4c1e-9a34-5b0f2d1e7c90")
#: Zip entries carry this time so that the archive depends only on its content.
ZIP_TIME = (2020, 1, 1, 0, 0, 0)

AgentFiles = dict[str, Any]


def stable_id(*parts: str) -> str:
    """A UUID that is always the same for the same parts."""
    return str(uuid.uuid5(ID_NAMESPACE, "\x1f".join(parts)))


class ExportError(ValueError):
    """The agent cannot be exported as asked (an intent uses the webhook, and no URL was given)."""


def agent_files(compiled: CompiledAgent, webhook_url: str = "") -> AgentFiles:
    """Every file of the export, by path inside the zip, as JSON-ready values."""
    default, *others = _default_first(compiled.languages)
    webhook_url = webhook_url or str(compiled.settings.get("webhook_url", ""))
    uses_webhook = any(
        next(iter(i.by_language.values())).webhook_state != df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED
        for i in compiled.intents.values()
    )
    if uses_webhook and not webhook_url:
        raise ExportError(
            "intents of this agent call the webhook: pass --webhook-url (or set the overlay's "
            "dialogflow.agent.webhook_url) so that a restore keeps fulfilment on (the console replaces "
            "the agent's webhook settings with the ZIP's)"
        )
    files: AgentFiles = {
        "package.json": {"version": "1.0.0"},
        "agent.json": agent_json(compiled.display_name, default, others, compiled.settings, webhook_url),
    }
    files |= _ownership_files(compiled, default)
    for name, entity_type in compiled.entity_types.items():
        files[f"entities/{name}.json"] = _entity_json(entity_type, default)
        for language, typed in entity_type.by_language.items():
            if typed.entities:
                files[f"entities/{name}_entries_{language}.json"] = [
                    {"value": e.value, "synonyms": list(e.synonyms)} for e in typed.entities
                ]
    for name, intent in compiled.intents.items():
        files[f"intents/{name}.json"] = _intent_json(intent, compiled.intents, default)
        for language, typed in intent.by_language.items():
            if typed.training_phrases:
                files[f"intents/{name}_usersays_{language}.json"] = [
                    _phrase_json(name, language, index, phrase)
                    for index, phrase in enumerate(typed.training_phrases)
                ]
    return files


def _default_first(languages: tuple[str, ...]) -> list[str]:
    return sorted(languages, key=lambda language: language != "en")


def _ownership_files(compiled: CompiledAgent, default: str) -> AgentFiles:
    """The ownership record: every intent and entity type of the export is the library's."""
    ownership = Ownership(
        frozenset(stable_id("intent", name) for name in compiled.intents),
        frozenset(stable_id("entity", name) for name in compiled.entity_types),
    )
    return {
        f"entities/{OWNERSHIP_ENTITY_TYPE}.json": {
            "id": stable_id("entity", OWNERSHIP_ENTITY_TYPE),
            "name": OWNERSHIP_ENTITY_TYPE,
            "isOverridable": True,
            "isEnum": True,
            "isRegexp": False,
            "automatedExpansion": False,
            "allowFuzzyExtraction": False,
        },
        f"entities/{OWNERSHIP_ENTITY_TYPE}_entries_{default}.json": [
            {"value": e.value, "synonyms": list(e.synonyms)} for e in ownership.entries()
        ],
    }


def _entity_json(entity_type: DesiredEntityType, default: str) -> dict[str, Any]:
    typed = entity_type.by_language[default]
    return {
        "id": stable_id("entity", entity_type.display_name),
        "name": entity_type.display_name,
        "isOverridable": True,
        "isEnum": typed.kind == df.EntityType.Kind.KIND_LIST,
        "isRegexp": typed.kind == df.EntityType.Kind.KIND_REGEXP,
        "automatedExpansion": False,
        "allowFuzzyExtraction": typed.enable_fuzzy_extraction,
    }


def _short_context(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _intent_json(intent: DesiredIntent, every: Mapping[str, DesiredIntent], default: str) -> dict[str, Any]:
    typed = intent.by_language[default]
    data: dict[str, Any] = {"id": stable_id("intent", intent.display_name)}
    if intent.parent:
        root = intent.parent
        while every[root].parent:
            root = every[root].parent or root
        data["parentId"] = stable_id("intent", intent.parent)
        data["rootParentId"] = stable_id("intent", root)
    data |= {
        "name": intent.display_name,
        "auto": True,
        "contexts": [_short_context(name) for name in typed.input_context_names],
        "responses": [
            {
                "resetContexts": False,
                "action": typed.action,
                "affectedContexts": [
                    {"name": _short_context(c.name), "parameters": {}, "lifespan": c.lifespan_count}
                    for c in typed.output_contexts
                ],
                "parameters": [_parameter_json(intent, index) for index in range(len(typed.parameters))],
                "messages": [
                    message
                    for language, localised in intent.by_language.items()
                    for message in _messages_json(localised.messages, language)
                ],
                "defaultResponsePlatforms": {
                    export_name(platform.name): True for platform in typed.default_response_platforms
                },
                "speech": [],
            }
        ],
        "priority": 500000,
        "webhookUsed": typed.webhook_state != df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED,
        "webhookForSlotFilling": typed.webhook_state
        == df.Intent.WebhookState.WEBHOOK_STATE_ENABLED_FOR_SLOT_FILLING,
        "fallbackIntent": typed.is_fallback,
        "events": [{"name": event} for event in typed.events],
        "conditionalResponses": [],
        "condition": "",
        "conditionalFollowupEvents": [],
    }
    return data


def _parameter_json(intent: DesiredIntent, index: int) -> dict[str, Any]:
    first = next(iter(intent.by_language.values())).parameters[index]
    prompts = [
        {"lang": language, "value": prompt}
        for language, typed in intent.by_language.items()
        for prompt in typed.parameters[index].prompts
    ]
    return {
        "id": stable_id("parameter", intent.display_name, first.display_name),
        "name": first.display_name,
        "required": first.mandatory,
        "dataType": first.entity_type_display_name,
        "value": first.value,
        "defaultValue": first.default_value,
        "isList": first.is_list,
        "prompts": prompts,
        "promptMessages": [],
        "noMatchPromptMessages": [],
        "noInputPromptMessages": [],
        "outputDialogContexts": [],
    }


def _messages_json(messages: list[df.Intent.Message], language: str) -> list[dict[str, Any]]:
    found = []
    for message in messages:
        kind = df.Intent.Message.pb(message).WhichOneof("message")
        base: dict[str, Any] = {"lang": language, "condition": ""}
        if message.platform:
            base = {"platform": export_name(message.platform.name), **base}
        if kind == "text":
            found.append({"type": 0, **base, "speech": list(message.text.text)})
        elif kind == "quick_replies":
            replies = message.quick_replies
            found.append({"type": 2, **base, "title": replies.title, "replies": list(replies.quick_replies)})
        elif kind == "card":
            card = message.card
            found.append(
                {
                    "type": 1,
                    **base,
                    "title": card.title,
                    "subtitle": card.subtitle,
                    "imageUrl": card.image_uri,
                    "buttons": [{"text": b.text, "postback": b.postback} for b in card.buttons],
                }
            )
    return found


def _phrase_json(intent: str, language: str, index: int, phrase: df.Intent.TrainingPhrase) -> dict[str, Any]:
    data = []
    for part in phrase.parts:
        item: dict[str, Any] = {"text": part.text}
        if part.alias:
            item |= {"alias": part.alias, "meta": part.entity_type}
        item["userDefined"] = part.user_defined
        data.append(item)
    return {
        "id": stable_id("phrase", intent, language, str(index)),
        "data": data,
        "isTemplate": False,
        "count": 0,
        "updated": 0,
    }


def file_bytes(value: Any) -> bytes:
    """A file's JSON as the console writes it: two-space indent, UTF-8."""
    return (json.dumps(value, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def zip_bytes(files: AgentFiles) -> bytes:
    """The export as a zip, entries sorted and timestamps fixed."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, file_bytes(files[path]))
    return buffer.getvalue()


def write_zip(files: AgentFiles, output: Path) -> None:
    """Write the export zip to `output`."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(zip_bytes(files))
