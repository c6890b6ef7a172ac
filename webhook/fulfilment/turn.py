"""The typed values a fulfilment handler sees and returns: a Turn in, a Reply out. No JSON here."""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from webhook.backends.registry import NO_BACKENDS, CouncilBackends
from webhook.deadline import Deadline
from webhook.library.messages import message_text
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


@dataclass(frozen=True)
class WebhookCall:
    """The parts of a WebhookRequest that fulfilment uses, as Dialogflow sent them."""

    session: Session
    intent_name: str
    language_code: str
    query_text: str
    parameters: Mapping[str, Any]
    original_parameters: Mapping[str, Any]
    contexts: Mapping[str, Context]
    source: str | None
    all_required_params_present: bool
    confidence: float | None
    #: Set by the engine when the message answers a question the bot asked: the kind of answer wanted
    #: (see questions.py); the call then carries the asking intent's name and parameters.
    answering: str | None = None


@dataclass(frozen=True, eq=False)
class Turn:
    """One resident's turn as Dialogflow reports it (`call`), resolved against the council and library."""

    council: Council
    library: Library
    call: WebhookCall
    language: str
    deadline: Deadline
    #: The council's backend clients and data files (none in a turn built without an app).
    backends: CouncilBackends = NO_BACKENDS

    @property
    def intent_name(self) -> str:
        """The display name of the intent Dialogflow matched."""
        return self.call.intent_name

    @property
    def session(self) -> Session:
        return self.call.session

    @property
    def query_text(self) -> str:
        """What the resident typed or said."""
        return self.call.query_text

    @property
    def parameters(self) -> Mapping[str, Any]:
        """The intent's parameters as Dialogflow resolved them."""
        return self.call.parameters

    @property
    def original_parameters(self) -> Mapping[str, Any]:
        """The parameters as the resident wrote them (Dialogflow's `.original` keys)."""
        return self.call.original_parameters

    @property
    def contexts(self) -> Mapping[str, Context]:
        """The active contexts by short name (Dialogflow's own `__` contexts left out)."""
        return self.call.contexts

    @property
    def answering(self) -> str | None:
        """The kind of answer this message gives to the bot's own question, or None."""
        return self.call.answering

    @property
    def source(self) -> str | None:
        """Where the call came from (e.g. "facebook"), if Dialogflow said."""
        return self.call.source

    @property
    def all_required_params_present(self) -> bool:
        return self.call.all_required_params_present

    @property
    def confidence(self) -> float | None:
        """How sure Dialogflow was of the intent."""
        return self.call.confidence

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
            return localise(self.council.name, self.language)
        return localise(self.council.contact.get(key, self.council.facts.get(key)), self.language)

    def say(self, message_id: str, /, **values: object) -> str:
        """One of the bot's own sentences (intents/messages/), as the council words it in the turn's
        language, with `values` filled in: `turn.say("waste.next", day=..., bins=...)`."""
        return message_text(self.library, self.council, message_id, self.language, **values)

    def choose(self, variants: tuple[str, ...]) -> str:
        """One of several response variants, stable within a session so a retried turn reads the same."""
        if len(variants) < 2:
            return variants[0] if variants else ""
        index = zlib.crc32(f"{self.session.session_id}:{self.intent_name}".encode()) % len(variants)
        return variants[index]
