"""The fake's ExportAgent and RestoreAgent: Dialogflow ES's agent ZIP, as the console writes and reads it.

The layout is the console's (see the API reference's ExportAgentResponse and real exports): agent.json,
package.json, intents/<name>.json with intents/<name>_usersays_<lang>.json, entities/<name>.json with
entities/<name>_entries_<lang>.json. Restore refuses what the console refuses: no agent.json, an intent or
entity type without a name, a name used twice, a language the agent.json does not list, a parameter or
annotation whose entity type is neither a system entity nor in the ZIP, a follow-up whose parent is not in
it. Resource ids are the files' `id`s, as the console keeps them.
"""

from __future__ import annotations

import io
import json
import re
import uuid
import zipfile
from typing import TYPE_CHECKING, Any

from google.cloud import dialogflow_v2 as df

if TYPE_CHECKING:
    from tests.dialogflow.fake_dialogflow import Agent

MESSAGE_TYPES = {"text": 0, "card": 1, "quick_replies": 2, "image": 3, "payload": 4}
USERSAYS = re.compile(r"^intents/(?P<stem>.+)_usersays_(?P<lang>[A-Za-z-]+)\.json$")
ENTRIES = re.compile(r"^entities/(?P<stem>.+)_entries_(?P<lang>[A-Za-z-]+)\.json$")


class AgentZipError(ValueError):
    """The ZIP is not one the console would restore."""


def _short(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _file_stem(display_name: str) -> str:
    return display_name.replace("/", "_")


def write_agent_zip(agent: Agent) -> bytes:
    """The agent as the console exports it."""
    files: dict[str, Any] = {
        "package.json": {"version": "1.0.0"},
        "agent.json": {
            "displayName": agent.parent.split("/")[1],
            "language": agent.default_language,
            "supportedLanguages": list(agent.other_languages),
            "webhook": dict(agent.webhook),
            "defaultTimezone": "Europe/London",
        },
    }
    for key, stored in agent.entity_types.items():
        neutral = stored.neutral
        stem = _file_stem(neutral.display_name)
        files[f"entities/{stem}.json"] = {
            "id": key,
            "name": neutral.display_name,
            "isOverridable": True,
            "isEnum": neutral.kind == df.EntityType.Kind.KIND_LIST,
            "isRegexp": neutral.kind == df.EntityType.Kind.KIND_REGEXP,
            "automatedExpansion": neutral.auto_expansion_mode
            == df.EntityType.AutoExpansionMode.AUTO_EXPANSION_MODE_DEFAULT,
            "allowFuzzyExtraction": neutral.enable_fuzzy_extraction,
        }
        for language, entries in stored.entries.items():
            files[f"entities/{stem}_entries_{language}.json"] = [
                {"value": e.value, "synonyms": list(e.synonyms)} for e in entries
            ]
    for key, stored in agent.intents.items():
        intent = stored.neutral
        stem = _file_stem(intent.display_name)
        data: dict[str, Any] = {"id": key}
        if intent.parent_followup_intent_name:
            root = stored
            while root.neutral.parent_followup_intent_name:
                root = agent.intents[_short(root.neutral.parent_followup_intent_name)]
            data["parentId"] = _short(intent.parent_followup_intent_name)
            data["rootParentId"] = _short(root.neutral.name)
        data |= {
            "name": intent.display_name,
            "auto": not intent.ml_disabled,
            "contexts": [_short(c) for c in intent.input_context_names],
            "responses": [
                {
                    "resetContexts": intent.reset_contexts,
                    "action": intent.action,
                    "affectedContexts": [
                        {"name": _short(c.name), "parameters": {}, "lifespan": c.lifespan_count}
                        for c in intent.output_contexts
                    ],
                    "parameters": [
                        {
                            "id": p.name,
                            "name": p.display_name,
                            "required": p.mandatory,
                            "dataType": p.entity_type_display_name,
                            "value": p.value,
                            "defaultValue": p.default_value,
                            "isList": p.is_list,
                            "prompts": [
                                {"lang": language, "value": text}
                                for language, prompts in stored.prompts.items()
                                for text in prompts.get(p.display_name, [])
                            ],
                        }
                        for p in intent.parameters
                    ],
                    "messages": [
                        _message_json(message, language)
                        for language, messages in stored.messages.items()
                        for message in messages
                    ],
                    "defaultResponsePlatforms": {
                        platform.name.lower(): True for platform in intent.default_response_platforms
                    },
                    "speech": [],
                }
            ],
            "priority": intent.priority,
            "webhookUsed": intent.webhook_state != df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED,
            "webhookForSlotFilling": intent.webhook_state
            == df.Intent.WebhookState.WEBHOOK_STATE_ENABLED_FOR_SLOT_FILLING,
            "fallbackIntent": intent.is_fallback,
            "events": [{"name": event} for event in intent.events],
        }
        files[f"intents/{stem}.json"] = data
        for language, phrases in stored.phrases.items():
            if phrases:
                files[f"intents/{stem}_usersays_{language}.json"] = [
                    {
                        "id": phrase.name,
                        "data": [
                            {"text": part.text, "userDefined": part.user_defined}
                            | ({"alias": part.alias, "meta": part.entity_type} if part.alias else {})
                            for part in phrase.parts
                        ],
                        "isTemplate": False,
                        "count": phrase.times_added_count,
                        "updated": 0,
                    }
                    for phrase in phrases
                ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, value in sorted(files.items()):
            archive.writestr(path, json.dumps(value, indent=2, ensure_ascii=False))
    return buffer.getvalue()


def _message_json(message: df.Intent.Message, language: str) -> dict[str, Any]:
    kind = df.Intent.Message.pb(message).WhichOneof("message")
    if kind not in MESSAGE_TYPES:
        raise AgentZipError(f"the fake cannot export a {kind} message")
    item: dict[str, Any] = {"type": MESSAGE_TYPES[kind], "lang": language, "condition": ""}
    if message.platform:
        item["platform"] = message.platform.name.lower()
    if kind == "text":
        item["speech"] = list(message.text.text)
    elif kind == "quick_replies":
        item |= {"title": message.quick_replies.title, "replies": list(message.quick_replies.quick_replies)}
    elif kind == "card":
        card = message.card
        item |= {
            "title": card.title,
            "subtitle": card.subtitle,
            "imageUrl": card.image_uri,
            "buttons": [{"text": b.text, "postback": b.postback} for b in card.buttons],
        }
    elif kind == "image":
        item["imageUrl"] = message.image.image_uri
    else:
        item["payload"] = df.Intent.Message.to_dict(message)["payload"]
    return item


def _platform(name: str, where: str) -> df.Intent.Message.Platform:
    if name.upper() not in df.Intent.Message.Platform.__members__:
        raise AgentZipError(f"{where}: unknown platform {name!r}")
    return df.Intent.Message.Platform[name.upper()]


def _message(item: dict[str, Any], where: str) -> df.Intent.Message:
    kind = int(item.get("type", 0))
    message = df.Intent.Message()
    if item.get("platform"):
        message.platform = _platform(str(item["platform"]), where)
    if kind == 0:
        speech = item.get("speech", [])
        message.text = df.Intent.Message.Text(text=[speech] if isinstance(speech, str) else list(speech))
    elif kind == 1:
        message.card = df.Intent.Message.Card(
            title=item.get("title", ""),
            subtitle=item.get("subtitle", ""),
            image_uri=item.get("imageUrl", ""),
            buttons=[
                df.Intent.Message.Card.Button(text=b.get("text", ""), postback=b.get("postback", ""))
                for b in item.get("buttons", [])
            ],
        )
    elif kind == 2:
        message.quick_replies = df.Intent.Message.QuickReplies(
            title=item.get("title", ""), quick_replies=list(item.get("replies", []))
        )
    elif kind == 3:
        message.image = df.Intent.Message.Image(image_uri=item.get("imageUrl", ""))
    elif kind == 4:
        message = df.Intent.Message({"payload": item.get("payload", {}), "platform": message.platform})
    else:
        raise AgentZipError(f"{where}: unknown message type {kind}")
    return message


def read_agent_zip(agent: Agent, content: bytes) -> None:
    """Replace everything in `agent` with the ZIP's content, or refuse it as the console would."""
    from tests.dialogflow.fake_dialogflow import StoredEntityType, StoredIntent

    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            files = {
                name: json.loads(archive.read(name).decode("utf-8-sig"))
                for name in archive.namelist()
                if name.endswith(".json")
            }
    except (zipfile.BadZipFile, ValueError, UnicodeDecodeError) as error:
        raise AgentZipError(f"not a readable ZIP of JSON files ({error})") from error
    settings = files.get("agent.json")
    if not isinstance(settings, dict) or not settings.get("language"):
        raise AgentZipError("agent.json is missing or names no language")
    default = settings["language"]
    languages = (default, *settings.get("supportedLanguages", []))
    entity_types: dict[str, StoredEntityType] = {}
    by_stem: dict[str, StoredEntityType] = {}
    for path, data in files.items():
        if not path.startswith("entities/") or ENTRIES.match(path):
            continue
        if not isinstance(data, dict) or not data.get("name"):
            raise AgentZipError(f"{path} has no name")
        kind = (
            df.EntityType.Kind.KIND_REGEXP
            if data.get("isRegexp")
            else df.EntityType.Kind.KIND_LIST
            if data.get("isEnum")
            else df.EntityType.Kind.KIND_MAP
        )
        key = data.get("id") or str(uuid.uuid4())
        stored = StoredEntityType(
            neutral=df.EntityType(
                name=f"{agent.path}/entityTypes/{key}",
                display_name=data["name"],
                kind=kind,
                auto_expansion_mode=df.EntityType.AutoExpansionMode.AUTO_EXPANSION_MODE_DEFAULT
                if data.get("automatedExpansion")
                else df.EntityType.AutoExpansionMode.AUTO_EXPANSION_MODE_UNSPECIFIED,
                enable_fuzzy_extraction=bool(data.get("allowFuzzyExtraction")),
            )
        )
        if any(e.neutral.display_name == data["name"] for e in entity_types.values()):
            raise AgentZipError(f"two entity types are named {data['name']!r}")
        entity_types[key] = stored
        by_stem[path[len("entities/") : -len(".json")]] = stored
    for path, data in files.items():
        match = ENTRIES.match(path)
        if match:
            stored = by_stem.get(match["stem"])
            if stored is None:
                raise AgentZipError(f"{path} has no entity type file")
            _check_language(match["lang"], languages, path)
            stored.entries[match["lang"]] = [
                df.EntityType.Entity(value=e["value"], synonyms=e.get("synonyms", [])) for e in data
            ]
    names = {"@" + e.neutral.display_name for e in entity_types.values()}

    def check_entity(data_type: str, where: str) -> None:
        if data_type and not data_type.startswith("@sys.") and data_type not in names:
            raise AgentZipError(f"{where}: entity type {data_type} is not in the agent")

    intents: dict[str, StoredIntent] = {}
    stems: dict[str, StoredIntent] = {}
    parents: dict[str, str] = {}
    for path, data in files.items():
        if not path.startswith("intents/") or USERSAYS.match(path):
            continue
        if not isinstance(data, dict) or not data.get("name"):
            raise AgentZipError(f"{path} has no name")
        if any(i.neutral.display_name == data["name"] for i in intents.values()):
            raise AgentZipError(f"two intents are named {data['name']!r}")
        key = data.get("id") or str(uuid.uuid4())
        response = (data.get("responses") or [{}])[0]
        stored_intent = StoredIntent(
            neutral=df.Intent(
                name=f"{agent.path}/intents/{key}",
                display_name=data["name"],
                priority=int(data.get("priority", 500000)),
                ml_disabled=not data.get("auto", True),
                is_fallback=bool(data.get("fallbackIntent")),
                webhook_state=df.Intent.WebhookState.WEBHOOK_STATE_ENABLED_FOR_SLOT_FILLING
                if data.get("webhookForSlotFilling")
                else df.Intent.WebhookState.WEBHOOK_STATE_ENABLED
                if data.get("webhookUsed")
                else df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED,
                events=[e["name"] for e in data.get("events", [])],
                input_context_names=[
                    f"{agent.path}/sessions/-/contexts/{c}" for c in data.get("contexts", [])
                ],
                output_contexts=[
                    df.Context(
                        name=f"{agent.path}/sessions/-/contexts/{c['name']}",
                        lifespan_count=c.get("lifespan", 5),
                    )
                    for c in response.get("affectedContexts", [])
                ],
                action=response.get("action", ""),
                reset_contexts=bool(response.get("resetContexts")),
                default_response_platforms=[
                    _platform(name, path)
                    for name, on in response.get("defaultResponsePlatforms", {}).items()
                    if on
                ],
            )
        )
        parameters = []
        for item in response.get("parameters", []):
            check_entity(item.get("dataType", ""), path)
            parameters.append(
                df.Intent.Parameter(
                    name=item.get("id") or str(uuid.uuid4()),
                    display_name=item["name"],
                    value=item.get("value", ""),
                    default_value=item.get("defaultValue", ""),
                    entity_type_display_name=item.get("dataType", ""),
                    mandatory=bool(item.get("required")),
                    is_list=bool(item.get("isList")),
                )
            )
            for prompt in item.get("prompts", []):
                language = prompt.get("lang", default)
                _check_language(language, languages, path)
                by_name = stored_intent.prompts.setdefault(language, {})
                by_name.setdefault(item["name"], []).append(prompt["value"])
        stored_intent.neutral.parameters = parameters
        for item in response.get("messages", []):
            language = item.get("lang", default)
            _check_language(language, languages, path)
            stored_intent.messages.setdefault(language, []).append(_message(item, path))
        if data.get("parentId"):
            parents[key] = data["parentId"]
        intents[key] = stored_intent
        stems[path[len("intents/") : -len(".json")]] = stored_intent
    for child, parent in parents.items():
        if parent not in intents:
            raise AgentZipError(f"the parent {parent} of {intents[child].neutral.display_name} is missing")
        intents[child].neutral.parent_followup_intent_name = f"{agent.path}/intents/{parent}"
    for path, data in files.items():
        match = USERSAYS.match(path)
        if not match:
            continue
        owner = stems.get(match["stem"])
        if owner is None:
            raise AgentZipError(f"{path} has no intent file")
        _check_language(match["lang"], languages, path)
        phrases = []
        for item in data:
            for part in item.get("data", []):
                check_entity(part.get("meta", ""), path)
            phrases.append(
                df.Intent.TrainingPhrase(
                    name=item.get("id") or str(uuid.uuid4()),
                    type_=df.Intent.TrainingPhrase.Type.EXAMPLE,
                    times_added_count=int(item.get("count", 0)),
                    parts=[
                        df.Intent.TrainingPhrase.Part(
                            text=part.get("text", ""),
                            entity_type=part.get("meta", ""),
                            alias=part.get("alias", ""),
                            user_defined=bool(part.get("userDefined")),
                        )
                        for part in item.get("data", [])
                    ],
                )
            )
        owner.phrases[match["lang"]] = phrases
    agent.default_language = default
    agent.other_languages = tuple(settings.get("supportedLanguages", []))
    agent.webhook = dict(settings.get("webhook") or {})
    agent.intents = intents
    agent.entity_types = entity_types


def _check_language(language: str, languages: tuple[str, ...], where: str) -> None:
    if language not in languages:
        raise AgentZipError(f"{where}: language {language!r} is not one agent.json lists")
