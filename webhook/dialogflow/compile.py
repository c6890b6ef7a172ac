"""Compile a council's resolved library into Dialogflow ES v2 objects, one per language.

Pure: no calls, no files. The result is what the agent should hold; `plan` compares it with what it does.
Follow-up parents are kept as display names, since resource names exist only once the parent does.
An intent's display name is its id, unless its `dialogflow:` block (written by `import`) keeps the
agent's own, with its action, parameter names and values, further text messages, the platform of its
cards and quick replies, webhook use without a handler here, and annotations Dialogflow made itself.
Text goes on the default platform, cards, quick replies and links on `platforms.RICH_PLATFORM`, so that
the console shows them (see `platforms`).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from google.cloud import dialogflow_v2 as df

from webhook.dialogflow.platforms import DEFAULT_PLATFORM, platform_for
from webhook.dialogflow.target import Target
from webhook.handoff.conversation import keeps_transcript
from webhook.library.annotations import AnnotationError, parse_phrase
from webhook.library.model import Council, Entity, Intent, Library, Responses
from webhook.library.resolve import resolved_intent

#: The fields of an intent the library manages; update masks name exactly these, so hand-set fields
#: such as priority or ml_disabled survive a sync.
INTENT_FIELDS = (
    "display_name",
    "action",
    "webhook_state",
    "is_fallback",
    "input_context_names",
    "events",
    "training_phrases",
    "output_contexts",
    "parameters",
    "messages",
    "default_response_platforms",
    "parent_followup_intent_name",
)
#: An update's mask: a follow-up's parent is read-only once the intent exists.
INTENT_UPDATE_FIELDS = tuple(f for f in INTENT_FIELDS if f != "parent_followup_intent_name")
ENTITY_TYPE_FIELDS = ("display_name", "kind", "auto_expansion_mode", "enable_fuzzy_extraction", "entities")
#: The platform of cards, quick replies and links, unless an imported intent keeps another.
RICH = df.Intent.Message.Platform[platform_for(None)]
KINDS = {
    "map": df.EntityType.Kind.KIND_MAP,
    "list": df.EntityType.Kind.KIND_LIST,
    "regexp": df.EntityType.Kind.KIND_REGEXP,
}


class CompileError(ValueError):
    """The council cannot be compiled (no such council, or a language its agent should get is missing)."""


@dataclass(frozen=True)
class DesiredEntityType:
    """An entity type as the agent should hold it, complete in each language it has entries in."""

    display_name: str
    by_language: Mapping[str, df.EntityType]


@dataclass(frozen=True)
class DesiredIntent:
    """An intent as the agent should hold it, complete in each language; `parent` is a display name."""

    display_name: str
    parent: str | None
    by_language: Mapping[str, df.Intent]


@dataclass(frozen=True)
class CompiledAgent:
    """Everything one council's agent should hold. Intents are ordered parents before follow-ups."""

    council: str
    display_name: str
    target: Target
    languages: tuple[str, ...]
    entity_types: Mapping[str, DesiredEntityType]
    intents: Mapping[str, DesiredIntent]
    #: The overlay's `dialogflow.agent` block: agent.json settings the export writes (see agent_settings).
    settings: Mapping[str, Any] = field(default_factory=dict)


def agent_languages(council: Council) -> tuple[str, ...]:
    """The languages the council's agent gets: its `dialogflow.languages`, else every language it speaks."""
    configured = (council.dialogflow or {}).get("languages")
    return tuple(configured) if configured else council.languages


def council_target(council: Council, project: str | None = None) -> Target:
    """The agent a council syncs to; `project` (from --project) overrides its overlay."""
    settings = council.dialogflow or {}
    chosen = project or settings.get("project_id")
    if not chosen:
        raise CompileError(f"council {council.slug} declares no dialogflow.project_id; pass --project")
    return Target(chosen, settings.get("location"))


def compile_council(library: Library, slug: str, target: Target) -> CompiledAgent:
    """The council's whole agent: every entity type it needs and every intent it offers."""
    council = library.council(slug)
    if council is None:
        known = ", ".join(sorted(library.councils)) or "none"
        raise CompileError(f"no council {slug!r} in the library (known: {known})")
    languages = agent_languages(council)
    intents: dict[str, DesiredIntent] = {}
    for intent in _parents_first(library, council):
        compiled = _compile_intent(library, council, intent, languages, target)
        intents[compiled.display_name] = compiled
    entity_types = {
        name: compile_entity(entity, languages) for name, entity in sorted(library.entities.items())
    }
    name = council.name if isinstance(council.name, str) else council.name.get("en", council.slug)
    settings = dict((council.dialogflow or {}).get("agent", {}))
    return CompiledAgent(slug, name, target, languages, entity_types, intents, settings)


def _parents_first(library: Library, council: Council) -> list[Intent]:
    """Offered intents, parents before follow-ups; a follow-up of an intent not offered is left out."""
    offered = {i: intent for i, intent in sorted(library.intents.items()) if council.offers(i)}

    def depth(intent: Intent) -> int | None:
        seen = 0
        while intent.followup_of:
            parent = offered.get(intent.followup_of)
            seen += 1
            if parent is None or seen > len(offered):
                return None
            intent = parent
        return seen

    depths = {i: depth(intent) for i, intent in offered.items()}
    return [
        offered[i] for i in sorted((i for i, d in depths.items() if d is not None), key=lambda i: depths[i])
    ]


def compile_entity(entity: Entity, languages: tuple[str, ...]) -> DesiredEntityType:
    """An entity type in each language (no entries in a language the library gives none)."""
    by_language = {}
    for language in languages:
        if entity.kind == "regexp":
            entries = [df.EntityType.Entity(value=p, synonyms=[p]) for p in entity.patterns]
        elif language in entity.languages:
            entries = [
                df.EntityType.Entity(
                    value=entry.value,
                    synonyms=[entry.value]
                    if entity.kind == "list"
                    else _synonyms(entry.value, entry.synonyms),
                )
                for entry in entity.languages[language]
            ]
        else:
            entries = []
        by_language[language] = df.EntityType(
            display_name=entity.name,
            kind=KINDS[entity.kind],
            auto_expansion_mode=df.EntityType.AutoExpansionMode.AUTO_EXPANSION_MODE_UNSPECIFIED,
            enable_fuzzy_extraction=entity.fuzzy,
            entities=entries,
        )
    return DesiredEntityType(entity.name, by_language)


def _synonyms(value: str, synonyms: tuple[str, ...]) -> list[str]:
    # Dialogflow matches a map entry only by its synonyms, so the value itself must be one of them.
    return list(dict.fromkeys((value, *synonyms)))


def display_name(intent: Intent) -> str:
    """The intent's display name in the agent: its id, or the one an imported agent gave it."""
    return str(intent.dialogflow.get("display_name") or intent.id)


def parameter_name(intent: Intent, name: str) -> str:
    """A parameter's name in the agent (an imported agent's may differ from the library's)."""
    return str(intent.dialogflow.get("parameters", {}).get(name, {}).get("name") or name)


def _compile_intent(
    library: Library, council: Council, intent: Intent, languages: tuple[str, ...], target: Target
) -> DesiredIntent:
    extra = intent.dialogflow.get("parameters", {})
    parent = library.intents.get(intent.followup_of) if intent.followup_of else None
    platform = df.Intent.Message.Platform[platform_for(intent.dialogflow.get("rich_platform"))]
    state = webhook_state(intent, every_turn=keeps_transcript(council))
    by_language = {}
    for language in languages:
        if language not in intent.languages:
            raise CompileError(f"{intent.id} has no {language!r} text, but {council.slug}'s agent speaks it")
        resolved = resolved_intent(library, council, intent.id, language)
        phrases = list(dict.fromkeys(sourced.value for sourced in resolved.phrases))
        prompts = {name: list(sourced.value) for name, sourced in resolved.prompts.items()}
        more_text = intent.dialogflow.get("more_text", {}).get(language, [])
        machine = intent.dialogflow.get("machine_annotated", {}).get(language, {})
        by_language[language] = df.Intent(
            display_name=display_name(intent),
            action=intent.dialogflow.get("action", ""),
            webhook_state=state,
            is_fallback=intent.fallback,
            input_context_names=[target.context(name) for name in intent.input_contexts],
            events=list(intent.events),
            training_phrases=[training_phrase(intent, phrase, machine.get(phrase, ())) for phrase in phrases],
            output_contexts=[
                df.Context(name=target.context(c.name), lifespan_count=c.lifespan)
                for c in intent.output_contexts
            ],
            parameters=[
                df.Intent.Parameter(
                    display_name=parameter_name(intent, p.name),
                    value=extra.get(p.name, {}).get("value") or f"${parameter_name(intent, p.name)}",
                    entity_type_display_name=f"@{p.entity}",
                    mandatory=p.required,
                    prompts=prompts.get(p.name, []) if p.required else [],
                    is_list=p.is_list,
                    # "#resident.postcode": Dialogflow fills the slot from the context when not given.
                    default_value=p.default or "",
                )
                for p in intent.parameters
            ],
            messages=messages(resolved.responses, more_text, platform),
        )
    # The rich platform's tab starts with the default texts, so that a channel on it gets them too. The
    # field is language-neutral: set when any language has a card, quick replies or links.
    if platform.name != DEFAULT_PLATFORM and any(
        message.platform == platform for typed in by_language.values() for message in typed.messages
    ):
        for typed in by_language.values():
            typed.default_response_platforms = [platform]
    parent_name = display_name(parent) if parent else intent.followup_of
    return DesiredIntent(display_name(intent), parent_name, by_language)


def webhook_state(intent: Intent, every_turn: bool = False) -> df.Intent.WebhookState:
    """Whether Dialogflow calls the webhook for the intent, and while filling its slots too.

    An imported intent whose agent called a webhook this project has no handler for keeps that in
    `dialogflow.webhook` ("enabled" or "slot_filling"), so that exporting it gives back the agent.
    With `every_turn` (a council whose hand-off sends the conversation), the library's own intents all
    call it, so that the webhook sees every turn: it carries the transcript and counts the
    misunderstandings (webhook/handoff/conversation.py). Dialogflow still has each intent's static
    responses to give if the webhook cannot answer.
    """
    kept = intent.dialogflow.get("webhook")
    if (intent.webhook and intent.slot_filling) or kept == "slot_filling":
        return df.Intent.WebhookState.WEBHOOK_STATE_ENABLED_FOR_SLOT_FILLING
    if intent.webhook or kept == "enabled" or (every_turn and not intent.dialogflow):
        return df.Intent.WebhookState.WEBHOOK_STATE_ENABLED
    return df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED


def training_phrase(
    intent: Intent, phrase: str, machine_annotated: Collection[str] = ()
) -> df.Intent.TrainingPhrase:
    """A phrase with its annotated values as entity parts (`[AA1 1AA](postcode)` -> @postcode).

    Annotations are the library's (`user_defined`), except those of the parameters in
    `machine_annotated`, which Dialogflow made itself in the agent the intent was imported from.
    """
    try:
        parts = parse_phrase(phrase)
    except AnnotationError:  # the validator reports it; the agent gets the phrase as typed
        return df.Intent.TrainingPhrase(
            type_=df.Intent.TrainingPhrase.Type.EXAMPLE, parts=[df.Intent.TrainingPhrase.Part(text=phrase)]
        )
    compiled = []
    for part in parts:
        parameter = intent.parameter(part.parameter) if part.parameter else None
        if parameter is None:
            compiled.append(df.Intent.TrainingPhrase.Part(text=part.text))
        else:
            compiled.append(
                df.Intent.TrainingPhrase.Part(
                    text=part.text,
                    entity_type=f"@{parameter.entity}",
                    alias=parameter_name(intent, parameter.name),
                    user_defined=parameter.name not in machine_annotated,
                )
            )
    return df.Intent.TrainingPhrase(type_=df.Intent.TrainingPhrase.Type.EXAMPLE, parts=compiled)


def messages(
    responses: Responses,
    more_text: list[list[str]] | None = None,
    platform: df.Intent.Message.Platform = RICH,
) -> list[df.Intent.Message]:
    """Text (every variant in one message: Dialogflow picks one), any further text messages (each sent),
    quick replies, the card, then links; the texts on the default platform, the rest on `platform`.

    Links become a card with no title whose buttons open each link, so that they survive export and import.
    """
    found = [df.Intent.Message(text=df.Intent.Message.Text(text=list(responses.text)))]
    found += [df.Intent.Message(text=df.Intent.Message.Text(text=list(texts))) for texts in more_text or []]
    if responses.quick_replies:
        found.append(
            df.Intent.Message(
                platform=platform,
                quick_replies=df.Intent.Message.QuickReplies(quick_replies=list(responses.quick_replies)),
            )
        )
    if responses.card:
        card = responses.card
        found.append(
            df.Intent.Message(
                platform=platform,
                card=df.Intent.Message.Card(
                    title=card.title,
                    subtitle=card.subtitle,
                    image_uri=card.image_url,
                    buttons=[
                        df.Intent.Message.Card.Button(text=b.text, postback=b.url) for b in card.buttons
                    ],
                ),
            )
        )
    if responses.links:
        found.append(
            df.Intent.Message(
                platform=platform,
                card=df.Intent.Message.Card(
                    buttons=[
                        df.Intent.Message.Card.Button(text=link.text, postback=link.url)
                        for link in responses.links
                    ]
                ),
            )
        )
    return found
