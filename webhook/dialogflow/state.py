"""What an agent holds now, read once per language (intents in the FULL view, every page)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from google.cloud import dialogflow_v2 as df

from webhook.dialogflow.gateway import Gateway
from webhook.dialogflow.ownership import OWNERSHIP_ENTITY_TYPE, Ownership, read_ownership


class AgentLanguageError(ValueError):
    """The agent does not support a language the council's bot speaks."""


@dataclass(frozen=True)
class AgentState:
    """Every intent and entity type, by resource name, as read in each language."""

    default_language: str
    supported: tuple[str, ...]
    intents: Mapping[str, Mapping[str, df.Intent]]
    entity_types: Mapping[str, Mapping[str, df.EntityType]]
    ownership: Ownership
    ownership_name: str = ""

    def display_name(self, kind: str, name: str) -> str:
        """The display name of an intent or entity type read from the agent."""
        table = self.intents if kind == "intent" else self.entity_types
        return next(iter(table[name].values())).display_name


def read_state(gateway: Gateway, languages: tuple[str, ...]) -> AgentState:
    """Read the agent in each of `languages` (and its default language, where ownership lives)."""
    info = gateway.agent_info()
    missing = [language for language in languages if language not in info.languages]
    if missing:
        raise AgentLanguageError(
            f"the agent {gateway.target.agent} does not support {', '.join(missing)} "
            f"(it has {', '.join(info.languages)}); add the language to the agent first"
        )
    to_read = tuple(dict.fromkeys((info.default_language, *languages)))
    entity_types: dict[str, dict[str, df.EntityType]] = {}
    intents: dict[str, dict[str, df.Intent]] = {}
    ownership_type: df.EntityType | None = None
    for language in to_read:
        for entity_type in gateway.list_entity_types(language):
            if entity_type.display_name == OWNERSHIP_ENTITY_TYPE:
                if language == info.default_language:
                    ownership_type = entity_type
                continue
            entity_types.setdefault(entity_type.name, {})[language] = entity_type
        if language in languages:
            for intent in gateway.list_intents(language):
                intents.setdefault(intent.name, {})[language] = intent
    return AgentState(
        default_language=info.default_language,
        supported=info.languages,
        intents=intents,
        entity_types=entity_types,
        ownership=read_ownership(ownership_type),
        ownership_name=ownership_type.name if ownership_type else "",
    )
