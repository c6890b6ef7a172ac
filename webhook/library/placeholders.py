"""Named placeholders, e.g. `{council.phone}` in responses and `{postcode}` in the bot's own messages:
finding them and filling them in.

Welsh text names the mutation a placeholder's value takes after the word before it:
`croeso i {council.name|soft}` reads "croeso i Gyngor Caerdydd", `yn {place|nasal}` reads
"yng Nghaerdydd" (the "yn" changes too).

Only named placeholders are ever substituted (never format specs, attribute access or code), so
contributed text cannot evaluate anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from webhook.welsh.mutations import KINDS, NASAL, before_word, mutate, nasal_preposition

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)?)(?:\|([a-z]+))?\}")
_PRECEDING_YN = re.compile(r"\b([Yy]n) $")
_PRECEDING_WORD = re.compile(r"(?<!\w)(\w+) $")
NAMESPACES = ("council", "provider", "service", "topic")
SERVICE_FIELDS = ("url", "phone", "email")


@dataclass(frozen=True)
class PlaceholderUse:
    """One placeholder as written: `{council.name|soft}` is name `council.name`, mutation `soft`."""

    name: str
    mutation: str | None
    offset: int
    written: str


def placeholder_uses(text: str) -> Iterator[PlaceholderUse]:
    """Each placeholder in the text, as written, with its character offset."""
    for match in PLACEHOLDER.finditer(text):
        yield PlaceholderUse(match.group(1), match.group(2), match.start(), match.group(0))


def placeholders(text: str) -> Iterator[tuple[str, int]]:
    """Each placeholder name in the text (without its mutation) with its character offset."""
    for use in placeholder_uses(text):
        yield use.name, use.offset


def mutation_reason(mutation: str | None) -> str | None:
    """Why a placeholder's `|mutation` is not one the library knows, or None."""
    if mutation is None or mutation in KINDS:
        return None
    return f"unknown mutation |{mutation}: use |{', |'.join(KINDS)}"


def unknown_reason(name: str) -> str | None:
    """Why a placeholder name cannot be resolved by any council, or None if its form is right."""
    namespace, _, field = name.partition(".")
    if namespace not in NAMESPACES:
        return f"unknown placeholder {{{name}}}: use council.*, provider.*, service.* or topic"
    if namespace == "topic":
        return None if not field else f"unknown placeholder {{{name}}}: {{topic}} takes no field"
    if not field:
        return f"placeholder {{{name}}} needs a field, e.g. {{{namespace}.phone}}"
    if namespace == "service" and field not in SERVICE_FIELDS:
        return f"unknown placeholder {{{name}}}: service has {', '.join(SERVICE_FIELDS)}"
    return None


def fill(
    text: str,
    lookup: Callable[[str], str | None],
    forms: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """Replace every placeholder with `lookup(name)`, mutated as the placeholder says (`forms`: the
    council's own mutated forms of names that resist the rules); unresolved ones are left as they are."""
    if "{" not in text:
        return text
    pieces: list[str] = []
    end = 0
    for match in PLACEHOLDER.finditer(text):
        before = text[end : match.start()]
        value = lookup(match.group(1))
        kind = match.group(2)
        if value is None:
            pieces += [before, match.group(0)]
        elif kind is None or kind not in KINDS:
            pieces += [before, value]
        else:
            mutated = mutate(value, kind, forms)
            yn = _PRECEDING_YN.search(before) if kind == NASAL else None
            if yn:  # "yn" + "Nghaerdydd" is "yng Nghaerdydd"
                before = before[: yn.start()] + nasal_preposition(yn.group(1), mutated) + " "
            word = _PRECEDING_WORD.search(before)
            if word:  # "a" + "ailgylchu" is "ac ailgylchu"
                before = before[: word.start()] + before_word(word.group(1), mutated) + " "
            pieces += [before, mutated]
        end = match.end()
    pieces.append(text[end:])
    return "".join(pieces)
