"""The shared library and council overlays as typed, immutable values (built only from valid files)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from webhook.library.yaml_loader import Document
from webhook.register.model import Register

LANGUAGES = ("en", "cy")
LocalisedText = str | Mapping[str, str]


def localise(value: LocalisedText | None, language: str) -> str | None:
    """The text for `language`, else the English: a plain string serves every language."""
    if value is None or isinstance(value, str):
        return value
    return value.get(language) or value.get("en")


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Card:
    title: str
    subtitle: str = ""
    image_url: str = ""
    buttons: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Responses:
    """What the bot says: text variants (one is chosen per turn), quick replies, links and a card."""

    text: tuple[str, ...]
    quick_replies: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    card: Card | None = None


@dataclass(frozen=True)
class Parameter:
    name: str
    entity: str
    required: bool = False
    is_list: bool = False
    prompts: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: `#context.parameter`: the value an active context supplies when the resident gives none.
    default: str | None = None

    @property
    def default_source(self) -> tuple[str, str] | None:
        """The context and parameter named by `default`, if it names one."""
        if not self.default or not self.default.startswith("#") or "." not in self.default:
            return None
        context, _, parameter = self.default[1:].partition(".")
        return context, parameter

    @property
    def is_system(self) -> bool:
        """True for Dialogflow's built-in entities such as sys.date."""
        return self.entity.startswith("sys.")


@dataclass(frozen=True)
class OutputContext:
    name: str
    lifespan: int = 5


@dataclass(frozen=True)
class IntentLanguage:
    review: str
    phrases: tuple[str, ...]
    responses: Responses
    topic: str = ""


@dataclass(frozen=True)
class Intent:
    """One intent of the shared library, as written in intents/<area>/<name>.yaml."""

    id: str
    title: str
    description: str
    tier: str
    languages: Mapping[str, IntentLanguage]
    document: Document = field(compare=False, repr=False)
    lgsl: tuple[int, ...] = ()
    when_routed: str = "route"
    fallback: bool = False
    followup_of: str | None = None
    events: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    input_contexts: tuple[str, ...] = ()
    output_contexts: tuple[OutputContext, ...] = ()
    #: Contexts the intent's handler may set at run time (Dialogflow does not set them on a match).
    webhook_contexts: tuple[str, ...] = ()
    webhook: bool = False
    handler: str | None = None
    slot_filling: bool = False
    #: What only the Dialogflow agent needs (an imported agent's display name, action, ...), as written.
    dialogflow: Mapping[str, Any] = field(default_factory=dict)

    def parameter(self, name: str) -> Parameter | None:
        """The parameter called `name`, if the intent declares one."""
        return next((p for p in self.parameters if p.name == name), None)


@dataclass(frozen=True)
class EntityEntry:
    value: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    """A custom entity type from intents/entities/<name>.yaml."""

    name: str
    kind: str
    document: Document = field(compare=False, repr=False)
    description: str = ""
    fuzzy: bool = False
    patterns: tuple[str, ...] = ()
    languages: Mapping[str, tuple[EntityEntry, ...]] = field(default_factory=dict)
    reviews: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RoutingMessage:
    """What a council says about a service another tier provides, per language."""

    kind: str
    responses: Mapping[str, Responses]
    reviews: Mapping[str, str]
    #: intents/routing.yaml as written, for locating problems in it.
    document: Document = field(compare=False, repr=False)


@dataclass(frozen=True)
class GlossaryTerm:
    """A council term's one Welsh name in responses and messages, and the wordings to avoid."""

    english: str
    welsh: str
    avoid: tuple[str, ...]
    #: The glossary file and the term's place in its list, for locating problems.
    document: Document = field(compare=False, repr=False)
    index: int = 0


@dataclass(frozen=True)
class Message:
    """One of the bot's own sentences, from intents/messages/<area>.yaml: its id (`<area>.<key>`) and
    its text per language, with `{name}` placeholders that the code fills in."""

    id: str
    texts: Mapping[str, str]
    reviews: Mapping[str, str]
    document: Document = field(compare=False, repr=False)

    @property
    def key(self) -> str:
        """The id without its area: the key in the file's `messages`."""
        return self.id.partition(".")[2]


@dataclass(frozen=True)
class CountyFacts:
    """A district's county given inline, for a county that has no overlay of its own."""

    name: LocalisedText
    website: LocalisedText
    phone: LocalisedText | None = None
    gss_code: str | None = None


@dataclass(frozen=True)
class LanguageOverride:
    extra_phrases: tuple[str, ...] = ()
    responses: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Council:
    """One council's overlay, as written in councils/<slug>/council.yaml."""

    slug: str
    name: LocalisedText
    gss_code: str
    tier: str
    nation: str
    languages: tuple[str, ...]
    contact: Mapping[str, Any]
    document: Document = field(compare=False, repr=False)
    county: str | CountyFacts | None = None
    facts: Mapping[str, LocalisedText] = field(default_factory=dict)
    services: Mapping[str, Mapping[str, LocalisedText]] = field(default_factory=dict)
    disabled: tuple[str, ...] = ()
    overrides: Mapping[str, Mapping[str, LanguageOverride]] = field(default_factory=dict)
    backends: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    dialogflow: Mapping[str, Any] | None = None
    webhook_env: Mapping[str, str] = field(default_factory=dict)
    #: The council's own wording of library messages: message id -> language -> text.
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    #: The council's own mutated forms of Welsh names that do not follow the rules: radical -> kind -> form.
    welsh_mutations: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        """The council's folder, where its data files live."""
        return self.document.path.parent

    def offers(self, intent_id: str) -> bool:
        """Whether the council offers the intent (every library intent unless disabled)."""
        return intent_id not in self.disabled

    def credential_env(self, kind: str) -> str:
        """The environment variable holding a webhook credential: username, password or token."""
        default = f"WEBHOOK_{self.slug.upper().replace('-', '_')}_{kind.upper()}"
        return self.webhook_env.get(f"{kind}_env", default)


@dataclass(frozen=True)
class Library:
    """The whole shared library and every council overlay, as loaded from one folder."""

    root: Path
    intents: Mapping[str, Intent]
    entities: Mapping[str, Entity]
    councils: Mapping[str, Council]
    routing: Mapping[str, RoutingMessage]
    #: The bot's own sentences by id (`<area>.<key>`), from intents/messages/.
    messages: Mapping[str, Message] = field(default_factory=dict)
    #: intents/glossary.yaml: the Welsh term of each council term, and wordings to avoid.
    glossary: tuple[GlossaryTerm, ...] = ()
    #: councils/register/uk_councils.json: every current UK council, for routing to councils that
    #: have no overlay; None when the library holds no register.
    register: Register | None = field(default=None, compare=False, repr=False)
    #: Memoised derived values (resolved intents): the library never changes once loaded.
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    def council(self, slug: str) -> Council | None:
        """The council with that slug, if its overlay loaded."""
        return self.councils.get(slug)
