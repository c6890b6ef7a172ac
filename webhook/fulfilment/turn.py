"""The typed values a fulfilment handler sees and returns: a Turn in, a Reply out. No JSON here."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from webhook.deadline import Deadline
from webhook.library.model import Card, Council, Intent, Library, Link, localise
from webhook.library.resolve import ResolvedIntent, resolved_intent


@dataclass(frozen=True)
class Session:
    """A Dialogflow session path, in any of its four forms (with or without location and environment)."""

    path: str
    project_id: str
    session_id: str
    location: str | None = None
    environment: str | None = None
    user: str | None = None

    def context_name(self, short_name: str) -> str:
        """The full resource name of a context of this session."""
        return f"{self.path}/contexts/{short_name}"


@dataclass(frozen=True)
class Context:
    """An active context: its short name (the part after /contexts/), lifespan and parameters."""

    name: str
    lifespan: int = 0
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OutputContext:
    """A context the reply sets (lifespan 0 ends it)."""

    name: str
    lifespan: int
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FollowupEvent:
    """Ask Dialogflow to trigger another intent by event, e.g. to re-prompt or hand over."""

    name: str
    parameters: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Reply:
    """What the bot answers: each text is one message bubble; links and cards follow them."""

    texts: tuple[str, ...] = ()
    quick_replies: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    cards: tuple[Card, ...] = ()
    output_contexts: tuple[OutputContext, ...] = ()
    followup_event: FollowupEvent | None = None
    payload: Mapping[str, Any] | None = None
    language: str | None = None


@dataclass(frozen=True, eq=False)
class Turn:
    """One resident's turn as Dialogflow reports it, resolved against the council and the library."""

    council: Council
    library: Library
    intent_name: str
    language: str
    session: Session
    deadline: Deadline
    query_text: str = ""
    parameters: Mapping[str, Any] = field(default_factory=dict)
    original_parameters: Mapping[str, Any] = field(default_factory=dict)
    contexts: Mapping[str, Context] = field(default_factory=dict)
    source: str | None = None
    all_required_params_present: bool = True
    confidence: float | None = None

    @property
    def intent(self) -> Intent | None:
        """The library intent, or None when Dialogflow matched one the library does not hold."""
        return self.library.intents.get(self.intent_name)

    @cached_property
    def resolved(self) -> ResolvedIntent:
        """The intent as this council speaks it in the turn's language. Only for known intents."""
        intent = self.intent
        if intent is None:
            raise LookupError(f"{self.intent_name!r} is not a library intent")
        language = self.language if self.language in intent.languages else "en"
        return resolved_intent(self.library, self.council, intent.id, language)

    def parameter(self, name: str) -> Any:
        """A parameter's value, treating Dialogflow's empty string and empty list as absent."""
        value = self.parameters.get(name)
        return None if value in ("", [], {}) else value

    def council_text(self, key: str) -> str | None:
        """One of the council's own facts (name, phone, website ...) in the turn's language."""
        if key == "name":
            return localise(self.council.name, self.language) or localise(self.council.name, "en")
        value = self.council.contact.get(key, self.council.facts.get(key))
        return localise(value, self.language) or localise(value, "en")

    def choose(self, variants: tuple[str, ...]) -> str:
        """One of several response variants, stable within a session so a retried turn reads the same."""
        if not variants:
            return ""
        index = zlib.crc32(f"{self.session.session_id}:{self.intent_name}".encode()) % len(variants)
        return variants[index]
