"""Named placeholders, e.g. `{council.phone}` in responses and `{postcode}` in the bot's own messages:
finding them and filling them in.

Only named placeholders are ever substituted (never format specs, attribute access or code), so
contributed text cannot evaluate anything.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)?)\}")
NAMESPACES = ("council", "provider", "service", "topic")
SERVICE_FIELDS = ("url", "phone", "email")


def placeholders(text: str) -> Iterator[tuple[str, int]]:
    """Each placeholder name in the text with its character offset."""
    for match in PLACEHOLDER.finditer(text):
        yield match.group(1), match.start()


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


def fill(text: str, lookup: Callable[[str], str | None]) -> str:
    """Replace every placeholder with `lookup(name)`; unresolved ones are left as they are."""

    def replace(match: re.Match[str]) -> str:
        value = lookup(match.group(1))
        return match.group(0) if value is None else value

    return PLACEHOLDER.sub(replace, text)
