"""The bot's own sentences (intents/messages/): one message as a council words it, filled in.

Code asks for a message by its id and gives the values of its `{name}` placeholders; the words live in
the library, with their Welsh, and a council may reword any of them in its overlay. Only named
placeholders are substituted (never format specs or attribute access), so contributed text cannot
evaluate anything.
"""

from __future__ import annotations

from collections.abc import Mapping

from webhook.library.model import Council, Library
from webhook.library.placeholders import fill, placeholders
from webhook.library.resolve import resolve_message


def message_placeholders(text: str) -> frozenset[str]:
    """The names of the `{name}` placeholders in a message's text."""
    return frozenset(name for name, _ in placeholders(text))


def fill_message(
    text: str, values: Mapping[str, object], forms: Mapping[str, Mapping[str, str]] | None = None
) -> str:
    """The text with each placeholder replaced by its value (mutated as a Welsh placeholder says, with
    a council's own mutated `forms`); one without a value is left as it is."""
    return fill(text, lambda name: str(values[name]) if name in values else None, forms)


def message_text(
    library: Library, council: Council, message_id: str, language: str, /, **values: object
) -> str:
    """The message as the council words it in `language` (English when it has none in that language),
    with `values` filled in (any name, even `council`). Raises KeyError for an id the library lacks."""
    key = ("message", council.slug, message_id, language)
    text = library.memo.get(key)
    if text is None:
        text = library.memo[key] = resolve_message(library, council, message_id, language).value
    return fill_message(text, values, council.welsh_mutations) if values else text
