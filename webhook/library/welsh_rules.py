"""Rules for Welsh text: the mutations the Welsh lint finds missing, and mutation marks where they cannot
apply. Every string a resident may read is checked: intents' responses and prompts, the routing
messages, the bot's own messages, and councils' rewording of any of them. And an overlay with Welsh
must say whether a Welsh speaker has checked it (`welsh_review`).

Registered in the rule book when this module is imported (rules.py does, at its end).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from webhook.library.model import Library
from webhook.library.placeholders import mutation_reason, placeholder_uses
from webhook.library.problems import Location, Severity
from webhook.library.rulebook import rule
from webhook.library.translations import OVERLAY_REVIEW_FIELD, overlay_strings
from webhook.library.welsh_lint import glossary_findings, lint_welsh
from webhook.library.yaml_loader import Document, JsonPath

WELSH = "cy"


@dataclass(frozen=True)
class SpokenText:
    """A string a resident may read, as written: its document, its path there, its language."""

    document: Document
    path: JsonPath
    language: str
    text: str

    def locate(self, needle: str, offset: int) -> Location:
        """Where the `needle` found at `offset` in the string stands in the file."""
        occurrence = self.text.count(needle, 0, offset)
        return self.document.locate_text(self.path, needle, occurrence)


def spoken_texts(library: Library) -> Iterator[SpokenText]:
    """Every string of every language a resident may read, from the library and the overlays."""
    for intent in library.intents.values():
        document = intent.document
        for language, block in document.data.get("languages", {}).items():
            path = ("languages", language, "responses")
            yield from _strings(document, path, language, block.get("responses", {}))
        for index, parameter in enumerate(document.data.get("parameters", [])):
            for language, prompts in parameter.get("prompts", {}).items():
                yield from _strings(document, ("parameters", index, "prompts", language), language, prompts)
    for kind, routing in library.routing.items():
        for language, block in routing.document.data.get(kind, {}).items():
            path = (kind, language, "responses")
            yield from _strings(routing.document, path, language, block.get("responses", {}))
    for message in library.messages.values():
        for language, text in message.texts.items():
            path = ("languages", language, "messages", message.key)
            yield SpokenText(message.document, path, language, text)
    for council in library.councils.values():
        data = council.document.data
        for intent_id, by_language in data.get("intents", {}).get("overrides", {}).items():
            for language, override in by_language.items():
                path = ("intents", "overrides", intent_id, language, "responses")
                yield from _strings(council.document, path, language, override.get("responses", {}))
        for message_id, by_language in data.get("messages", {}).items():
            for language, text in by_language.items():
                yield SpokenText(council.document, ("messages", message_id, language), language, text)


def _strings(document: Document, path: JsonPath, language: str, value: Any) -> Iterator[SpokenText]:
    if isinstance(value, str):
        yield SpokenText(document, path, language, value)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(document, (*path, index), language, item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(document, (*path, key), language, item)


@rule("welsh-mutation", Severity.WARNING, "Welsh text leaves out a mutation after a word that causes one")
def _welsh_mutation(library: Library) -> Iterator[tuple[Location, str]]:
    for spoken in spoken_texts(library):
        if spoken.language != WELSH:
            continue
        for finding in lint_welsh(spoken.text):
            yield spoken.locate(finding.written, finding.offset), finding.message


@rule(
    "mutation-misplaced",
    Severity.ERROR,
    "a placeholder names a mutation the library does not know, or one in text that is not Welsh",
)
def _mutation_misplaced(library: Library) -> Iterator[tuple[Location, str]]:
    for spoken in spoken_texts(library):
        for use in placeholder_uses(spoken.text):
            if use.mutation is None:
                continue
            reason = mutation_reason(use.mutation)
            if reason is None and spoken.language != WELSH:
                reason = f"{use.written}: mutations belong to Welsh text; write {{{use.name}}}"
            if reason:
                yield spoken.locate(use.written, use.offset), reason


@rule(
    "welsh-glossary",
    Severity.WARNING,
    "Welsh text names a council term otherwise than the glossary (intents/glossary.yaml) does",
)
def _welsh_glossary(library: Library) -> Iterator[tuple[Location, str]]:
    for spoken in spoken_texts(library):
        if spoken.language == WELSH:
            for finding in glossary_findings(spoken.text, library.glossary):
                yield spoken.locate(finding.written, finding.offset), finding.message


@rule(
    "welsh-review-missing",
    Severity.WARNING,
    "a council that speaks Welsh has Welsh in its overlay and no welsh_review mark saying who checked it",
)
def _welsh_review_missing(library: Library) -> Iterator[tuple[Location, str]]:
    for slug in sorted(library.councils):
        council = library.councils[slug]
        if WELSH not in council.languages or OVERLAY_REVIEW_FIELD in council.document.data:
            continue
        strings = overlay_strings(library, council)
        if strings:
            count = f"{len(strings)} Welsh text{'s' if len(strings) > 1 else ''}"
            yield (
                strings[0].location,
                f"the overlay has {count} (the first here, {strings[0].field}) and no "
                f"{OVERLAY_REVIEW_FIELD} saying whether a Welsh speaker has checked them: write "
                f"`{OVERLAY_REVIEW_FIELD}: needs-welsh-speaker` after `languages:` (`sync-intents "
                "translations export` gives a Welsh speaker the sheet to review)",
            )
