"""The bot's own sentences (intents/messages/): one message as a council words it, filled in.

Code asks for a message by its id and gives the values of its `{name}` placeholders; the words live in
the library, with their Welsh, and a council may reword any of them in its overlay. Only named
placeholders are substituted (never format specs or attribute access), so contributed text cannot
evaluate anything.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from webhook.library.model import Council, Library
from webhook.library.resolve import resolve_message

PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def message_placeholders(text: str) -> frozenset[str]:
    """The names of the `{name}` placeholders in a message's text."""
    return frozenset(PLACEHOLDER.findall(text))


def fill_message(text: str, values: Mapping[str, object]) -> str:
    """The text with each placeholder replaced by its value; one without a value is left as it is."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return PLACEHOLDER.sub(replace, text)


def message_text(
    library: Library, council: Council, message_id: str, language: str, /, **values: object
) -> str:
    """The message as the council words it in `language` (English when it has none in that language),
    with `values` filled in (any name, even `council`). Raises KeyError for an id the library lacks."""
    key = ("message", council.slug, message_id, language)
    text = library.memo.get(key)
    if text is None:
        text = library.memo[key] = resolve_message(library, council, message_id, language).value
    return fill_message(text, values) if values else text
