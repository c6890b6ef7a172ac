"""Resolve a council's overlay against the shared library, remembering which layer gave each value.

Layers, from the bottom up: `library` (intents/, with the bot's own sentences in intents/messages/),
`routing` (intents/routing.yaml, when another tier of council provides the service), `register` (a
county with no overlay, named from councils/register/uk_councils.json), `council:<slug>`
(the overlay's overrides, extra phrases and own wording of messages), and `default` (a value the
platform derives, such as the council's home page standing in for a service page).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from webhook.library.loader import build_responses
from webhook.library.model import (
    Card,
    Council,
    CountyFacts,
    Intent,
    Library,
    Link,
    LocalisedText,
    Responses,
    localise,
)
from webhook.library.placeholders import fill
from webhook.register.model import RegisteredCouncil

T = TypeVar("T")

LIBRARY = "library"
ROUTING = "routing"
DEFAULT = "default"
REGISTER = "register"
#: The routing message for a county known only by name and website (no phone number to give).
TO_COUNTY_ONLINE = "to_county_online"
RESPONSE_FIELDS = ("text", "quick_replies", "links", "card")


def council_layer(slug: str) -> str:
    """The provenance label of a council's overlay."""
    return f"council:{slug}"


@dataclass(frozen=True)
class Sourced(Generic[T]):
    """A value and the layer it came from."""

    value: T
    layer: str


@dataclass(frozen=True)
class Facts:
    """The facts a council publishes that responses may name, and its per-service facts."""

    layer: str
    values: Mapping[str, LocalisedText]
    services: Mapping[str, Mapping[str, LocalisedText]] = field(default_factory=dict)
    slug: str | None = None


@dataclass(frozen=True)
class Provider:
    """Who provides an intent's service to a council's residents.

    `routing` is None when the council provides it itself, `to_county` when its county does, and
    `to_district` when a county is asked about a district service (the district depends on the address).
    """

    routing: str | None
    facts: Facts | None
    #: The routing message that says it, when not the one named by `routing` (see TO_COUNTY_ONLINE).
    message: str | None = None

    @property
    def message_kind(self) -> str | None:
        """The routing message (intents/routing.yaml) the council answers with."""
        return self.message or self.routing


@dataclass(frozen=True)
class ResolvedIntent:
    """An intent as one council's bot speaks it in one language."""

    intent: Intent
    council: Council
    language: str
    provider: Provider
    phrases: tuple[Sourced[str], ...]
    responses: Responses
    response_layers: Mapping[str, str]
    prompts: Mapping[str, Sourced[tuple[str, ...]]]
    facts: Mapping[str, Sourced[str]] = field(default_factory=dict)
    unresolved: tuple[str, ...] = ()

    @property
    def routed(self) -> bool:
        """True when the reply sends the resident to another council."""
        return self.provider.routing is not None and self.response_layers.get("text") == ROUTING


def council_facts(council: Council) -> Facts:
    """The overlay's named facts: name, contact details and its free-form `facts`."""
    values: dict[str, LocalisedText] = {"name": council.name}
    for key in ("phone", "email", "website", "address"):
        if key in council.contact:
            values[key] = council.contact[key]
    values.update(council.facts)
    return Facts(council_layer(council.slug), values, council.services, council.slug)


def _county_facts(library: Library, council: Council) -> Facts | None:
    county = council.county
    if isinstance(county, CountyFacts):
        values: dict[str, LocalisedText] = {"name": county.name, "website": county.website}
        if county.phone:
            values["phone"] = county.phone
        return Facts(council_layer(council.slug) + " (county)", values)
    if isinstance(county, str) and (overlay := library.council(county)) is not None:
        return council_facts(overlay)
    registered = registered_county(library, council)
    if registered is not None:  # the county has no overlay: the register's name and website
        return Facts(REGISTER, {"name": registered.name, "website": registered.website})
    return None


def registered_county(library: Library, council: Council) -> RegisteredCouncil | None:
    """A district's county from the register: the one its overlay names by slug, else the one the
    register gives for its GSS code. None without a register, or for a county the overlay gives inline."""
    register = library.register
    if register is None or isinstance(council.county, CountyFacts):
        return None
    if isinstance(council.county, str):
        found = register.by_slug(council.county)
    else:
        own = register.by_gss(council.gss_code)
        found = register.county_of(own) if own else None
    return found if found is not None and found.tier == "county" else None


def provider_for(library: Library, council: Council, intent: Intent) -> Provider:
    """Which council provides the intent's service to this council's residents."""
    if intent.tier == "any" or council.tier in ("unitary", intent.tier):
        return Provider(None, council_facts(council))
    if intent.tier == "county":  # a district asked about a county service
        facts = _county_facts(library, council)
        # A county known only from the register has no phone to give: the message that names none.
        online = facts is not None and facts.layer == REGISTER and TO_COUNTY_ONLINE in library.routing
        return Provider("to_county", facts, TO_COUNTY_ONLINE if online else None)
    return Provider("to_district", None)  # a county asked about a district service


def lookup(
    name: str, *, council: Council, provider: Provider, intent: Intent, language: str
) -> Sourced[str] | None:
    """The value of one placeholder for this council, intent and language, or None if undefined."""
    namespace, _, key = name.partition(".")
    if namespace == "topic":
        text = intent.languages.get(language) or intent.languages["en"]
        return Sourced(text.topic or intent.title.lower(), LIBRARY)
    if namespace == "council":
        return _fact(council_facts(council), key, language)
    facts = provider.facts
    if facts is None:
        return None
    if namespace == "provider":
        return _fact(facts, key, language)
    if namespace == "service":
        service = facts.services.get(intent.id, {})
        if key in service:
            return _localised(service[key], facts.layer, language)
        fallback = {"url": "website", "phone": "phone", "email": "email"}.get(key)
        found = _fact(facts, fallback, language) if fallback else None
        return Sourced(found.value, DEFAULT) if found else None
    return None


def _fact(facts: Facts, key: str, language: str) -> Sourced[str] | None:
    if key not in facts.values:
        return None
    return _localised(facts.values[key], facts.layer, language)


def _localised(value: LocalisedText, layer: str, language: str) -> Sourced[str] | None:
    text = localise(value, language)
    return Sourced(text, layer) if text else None


def resolve_intent(library: Library, council: Council, intent_id: str, language: str) -> ResolvedIntent:
    """The intent as this council's bot speaks it in `language`, with each value's layer.

    Raises KeyError when the intent does not exist or has no text in that language.
    """
    intent = library.intents[intent_id]
    base = intent.languages[language]
    provider = provider_for(library, council, intent)
    override = council.overrides.get(intent_id, {}).get(language)
    responses, layers = _spoken_responses(library, council, intent, language, provider)

    unresolved: list[str] = []
    used: dict[str, Sourced[str]] = {}

    def value_of(name: str) -> str | None:
        found = lookup(name, council=council, provider=provider, intent=intent, language=language)
        if found is None:
            unresolved.append(name)
            return None
        used[name] = found
        return found.value

    filled = _fill_responses(responses, value_of, council.welsh_mutations)
    phrases = _library_phrases(library, intent_id, language, base.phrases)
    if override:
        phrases += tuple(Sourced(p, council_layer(council.slug)) for p in override.extra_phrases)
    prompts = {p.name: Sourced(p.prompts.get(language, ()), LIBRARY) for p in intent.parameters if p.required}
    return ResolvedIntent(
        intent=intent,
        council=council,
        language=language,
        provider=provider,
        phrases=phrases,
        responses=filled,
        response_layers=layers,
        prompts=prompts,
        facts=used,
        unresolved=tuple(dict.fromkeys(unresolved)),
    )


def unresolved_names(library: Library, council: Council, intent_id: str, language: str) -> frozenset[str]:
    """The placeholders the intent's responses name that this council does not define: the names of
    `resolve_intent(...).unresolved`, found without filling any text. `sync-intents validate` asks it of
    every intent of every council (25,000 at 382 councils), and resolves only where something is missing.

    Raises KeyError when the intent does not exist or has no text in that language.
    """
    intent = library.intents[intent_id]
    provider = provider_for(library, council, intent)
    responses, _ = _spoken_responses(library, council, intent, language, provider)
    names = _placeholder_names(library, council, intent_id, language, responses)
    return frozenset(
        name
        for name in names
        if lookup(name, council=council, provider=provider, intent=intent, language=language) is None
    )


def _spoken_responses(
    library: Library, council: Council, intent: Intent, language: str, provider: Provider
) -> tuple[Responses, dict[str, str]]:
    """The responses the council's bot speaks for the intent, before filling, and the layer of each
    field: the library's, the routing message's when another council provides the service, and the
    overlay's own overrides on top."""
    responses, layers = intent.languages[language].responses, dict.fromkeys(RESPONSE_FIELDS, LIBRARY)
    kind = provider.message_kind
    if kind and intent.when_routed == "route" and kind in library.routing:
        routing = library.routing[kind].responses
        responses = routing.get(language) or routing["en"]
        layers = dict.fromkeys(RESPONSE_FIELDS, ROUTING)
    override = council.overrides.get(intent.id, {}).get(language)
    if override and override.responses:
        responses, layers = _apply_override(responses, layers, override.responses, council.slug)
    return responses, layers


def _placeholder_names(
    library: Library, council: Council, intent_id: str, language: str, responses: Responses
) -> tuple[str, ...]:
    """Every placeholder name in the responses, remembered per library when they are the library's own
    or a routing message's (shared by every council); an overlay's override is read afresh."""
    override = council.overrides.get(intent_id, {}).get(language)
    key = None if override and override.responses else ("placeholder names", id(responses))
    found = library.memo.get(key) if key else None
    if found is None:
        named: list[str] = []
        _fill_responses(responses, lambda name: named.append(name), {})  # every text, as resolving reads it
        found = tuple(dict.fromkeys(named))
        if key:
            library.memo[key] = found
    return found


def resolve_message(library: Library, council: Council, message_id: str, language: str) -> Sourced[str]:
    """One of the bot's own sentences as this council words it in `language`, with its layer: the
    overlay's own wording, else the library's; the English when neither has that language.

    Raises KeyError when the library holds no such message.
    """
    texts = library.messages[message_id].texts
    own = council.messages.get(message_id, {})
    for wanted in dict.fromkeys((language, "en")):
        if wanted in own:
            return Sourced(own[wanted], council_layer(council.slug))
        if wanted in texts:
            return Sourced(texts[wanted], LIBRARY)
    raise KeyError(f"message {message_id!r} has no {language!r} or English text")


def _library_phrases(
    library: Library, intent_id: str, language: str, phrases: tuple[str, ...]
) -> tuple[Sourced[str], ...]:
    """The intent's own phrases, marked as the library's: one tuple shared by every council (a deployment
    of hundreds would otherwise hold a copy per council of every intent's phrases)."""
    key = ("library phrases", intent_id, language)
    found = library.memo.get(key)
    if found is None:
        found = library.memo[key] = tuple(Sourced(p, LIBRARY) for p in phrases)
    return found


def resolved_intent(library: Library, council: Council, intent_id: str, language: str) -> ResolvedIntent:
    """`resolve_intent`, remembered per library: the webhook answers the same intents all day."""
    key = ("resolved", council.slug, intent_id, language)
    found = library.memo.get(key)
    if found is None:
        found = library.memo[key] = resolve_intent(library, council, intent_id, language)
    return found


def _apply_override(
    responses: Responses, layers: dict[str, str], override: Mapping[str, Any], slug: str
) -> tuple[Responses, dict[str, str]]:
    merged = {
        "text": list(responses.text),
        "quick_replies": list(responses.quick_replies),
        "links": [{"text": link.text, "url": link.url} for link in responses.links],
    }
    if responses.card:
        merged["card"] = _card_dict(responses.card)
    merged.update(override)
    layers = {**layers, **dict.fromkeys(override, council_layer(slug))}
    return build_responses(merged), layers


def _card_dict(card: Card) -> dict[str, Any]:
    return {
        "title": card.title,
        "subtitle": card.subtitle,
        "image_url": card.image_url,
        "buttons": [{"text": b.text, "url": b.url} for b in card.buttons],
    }


def _fill_responses(responses: Responses, value_of: Any, forms: Mapping[str, Mapping[str, str]]) -> Responses:
    def filled(text: str) -> str:
        return fill(text, value_of, forms)

    def link(item: Link) -> Link:
        return Link(filled(item.text), filled(item.url))

    card = responses.card
    return replace(
        responses,
        text=tuple(filled(t) for t in responses.text),
        quick_replies=tuple(filled(q) for q in responses.quick_replies),
        links=tuple(link(item) for item in responses.links),
        card=replace(
            card,
            title=filled(card.title),
            subtitle=filled(card.subtitle),
            buttons=tuple(link(b) for b in card.buttons),
        )
        if card
        else None,
    )
