"""Comparable, readable forms of intents and entity types, split into language-neutral and per-language.

What the service adds on its own (ids of phrases and parameters, times-added counts, follow-up info) is
left out, so a freshly read agent equals the library it was synced from. Training phrases and entity
entries compare as sets: their order means nothing to Dialogflow.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from google.cloud import dialogflow_v2 as df

from webhook.dialogflow.platforms import (
    DEFAULT_NAME,
    DEFAULT_PLATFORM,
    RICH_KINDS,
    RICH_PLATFORM,
    export_name,
)


def phrase_text(phrase: df.Intent.TrainingPhrase) -> str:
    """A training phrase in the library's annotation syntax: `bin day for [AA1 1AA](postcode)`."""
    return "".join(f"[{part.text}]({part.alias})" if part.alias else part.text for part in phrase.parts)


def _phrase_key(phrase: df.Intent.TrainingPhrase) -> tuple[tuple[str, str, str, bool], ...]:
    return tuple((p.text, p.entity_type, p.alias, p.user_defined) for p in phrase.parts)


def message_lines(message: df.Intent.Message) -> list[str]:
    """A message as the lines a reviewer reads in a plan.

    The platform is shown only where a message is not on the one the sync puts its kind on (text on the
    default platform, the rest on RICH_PLATFORM), e.g. "[default] quick replies: ..." in an agent synced
    before the platforms were set.
    """
    kind = df.Intent.Message.pb(message).WhichOneof("message")
    expected = DEFAULT_PLATFORM if kind not in RICH_KINDS else RICH_PLATFORM
    platform = ""
    if message.platform.name != expected:
        platform = f"[{export_name(message.platform.name) or DEFAULT_NAME}] "
    if kind == "text":
        return [f"{platform}text: {text}" for text in message.text.text]
    if kind == "quick_replies":
        return [f"{platform}quick replies: {' | '.join(message.quick_replies.quick_replies)}"]
    if kind == "card":
        card = message.card
        head = f"{platform}card: {card.title}" if card.title else f"{platform}links:"
        if card.subtitle:
            head += f" ({card.subtitle})"
        if card.image_uri:
            head += f" image {card.image_uri}"
        return [head] + [f"  {b.text} -> {b.postback}" for b in card.buttons]
    return [f"{platform}{kind}: {df.Intent.Message.to_json(message, indent=None)}"]


@dataclass(frozen=True)
class IntentForm:
    """The managed parts of one intent in one language, comparable and printable."""

    neutral: Mapping[str, Any]
    phrases: frozenset[tuple[tuple[str, str, str, bool], ...]]
    phrase_texts: Mapping[tuple[tuple[str, str, str, bool], ...], str]
    messages: tuple[str, ...]
    prompts: Mapping[str, tuple[str, ...]]


def intent_form(intent: df.Intent, parent: str | None) -> IntentForm:
    """The comparable form of an intent read in one language; `parent` is its parent's display name."""
    neutral = {
        "display_name": intent.display_name,
        "action": intent.action,
        "webhook": intent.webhook_state.name,
        "fallback": intent.is_fallback,
        "input contexts": tuple(sorted(intent.input_context_names)),
        "events": tuple(sorted(intent.events)),
        "default platforms": tuple(sorted(p.name for p in intent.default_response_platforms)),
        "output contexts": tuple(sorted((c.name, c.lifespan_count) for c in intent.output_contexts)),
        "parameters": tuple(
            sorted(
                (
                    p.display_name,
                    p.value,
                    p.entity_type_display_name,
                    p.mandatory,
                    p.is_list,
                    p.default_value,
                )
                for p in intent.parameters
            )
        ),
        "follow-up of": parent or "",
    }
    keys = {_phrase_key(p): phrase_text(p) for p in intent.training_phrases}
    return IntentForm(
        neutral=neutral,
        phrases=frozenset(keys),
        phrase_texts=keys,
        messages=tuple(line for message in intent.messages for line in message_lines(message)),
        prompts={p.display_name: tuple(p.prompts) for p in intent.parameters if p.prompts},
    )


@dataclass(frozen=True)
class LanguageDiff:
    """What changes in one language: phrases and response lines added and removed, prompts changed."""

    phrases_added: tuple[str, ...] = ()
    phrases_removed: tuple[str, ...] = ()
    responses_added: tuple[str, ...] = ()
    responses_removed: tuple[str, ...] = ()
    prompts_changed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return any(
            (
                self.phrases_added,
                self.phrases_removed,
                self.responses_added,
                self.responses_removed,
                self.prompts_changed,
            )
        )

    def as_json(self) -> dict[str, list[str]]:
        """The diff as plain lists, for `plan --format json`."""
        return {
            "phrases_added": list(self.phrases_added),
            "phrases_removed": list(self.phrases_removed),
            "responses_added": list(self.responses_added),
            "responses_removed": list(self.responses_removed),
            "prompts_changed": list(self.prompts_changed),
        }


def neutral_changes(desired: Mapping[str, Any], actual: Mapping[str, Any]) -> tuple[str, ...]:
    """The names of the language-neutral fields that differ."""
    return tuple(key for key in desired if desired[key] != actual.get(key))


def language_diff(desired: IntentForm, actual: IntentForm) -> LanguageDiff:
    """The per-language difference between the intent the library wants and the one the agent has."""
    added = sorted(desired.phrase_texts[k] for k in desired.phrases - actual.phrases)
    removed = sorted(actual.phrase_texts[k] for k in actual.phrases - desired.phrases)
    responses_added: tuple[str, ...] = ()
    responses_removed: tuple[str, ...] = ()
    if desired.messages != actual.messages:
        responses_added = tuple(line for line in desired.messages if line not in actual.messages)
        responses_removed = tuple(line for line in actual.messages if line not in desired.messages)
        if not responses_added and not responses_removed:  # same lines, new order
            responses_added, responses_removed = desired.messages, actual.messages
    prompts = tuple(
        name
        for name in sorted(set(desired.prompts) | set(actual.prompts))
        if desired.prompts.get(name) != actual.prompts.get(name)
    )
    return LanguageDiff(tuple(added), tuple(removed), responses_added, responses_removed, prompts)


@dataclass(frozen=True)
class EntityTypeForm:
    """The managed parts of one entity type in one language."""

    neutral: Mapping[str, Any]
    entries: frozenset[tuple[str, tuple[str, ...]]]


def entity_type_form(entity_type: df.EntityType) -> EntityTypeForm:
    """The comparable form of an entity type read in one language."""
    return EntityTypeForm(
        neutral={
            "display_name": entity_type.display_name,
            "kind": entity_type.kind.name,
            "auto expansion": entity_type.auto_expansion_mode.name,
            "fuzzy": entity_type.enable_fuzzy_extraction,
        },
        entries=frozenset((e.value, tuple(e.synonyms)) for e in entity_type.entities),
    )


def entries_diff(desired: EntityTypeForm, actual: EntityTypeForm) -> LanguageDiff:
    """Entity entries added and removed, shown as `value: synonym, synonym` (reported as phrases)."""

    def show(entry: tuple[str, tuple[str, ...]]) -> str:
        value, synonyms = entry
        return f"{value}: {', '.join(synonyms)}"

    return LanguageDiff(
        phrases_added=tuple(sorted(show(e) for e in desired.entries - actual.entries)),
        phrases_removed=tuple(sorted(show(e) for e in actual.entries - desired.entries)),
    )
