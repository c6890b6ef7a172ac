"""Rules for the bot's own sentences (intents/messages/) and councils' rewording of them (`messages:`).

Registered in the rule book when this module is imported (rules.py does, at its end).
"""

from __future__ import annotations

from collections.abc import Iterator

from webhook.library.messages import message_placeholders
from webhook.library.model import Library, Message
from webhook.library.problems import Location, Severity
from webhook.library.rulebook import Finding, rule


def _where(message: Message, language: str) -> Location:
    """The message's key in that language's block."""
    return message.document.locate(("languages", language, "messages", message.key), key=True)


def _names(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


@rule("message-parity", Severity.ERROR, "a council speaks a language that one of the bot's messages lacks")
def _message_parity(library: Library) -> Iterator[tuple[Location, str]]:
    reported: set[tuple[str, str]] = set()
    for council in library.councils.values():
        for language in council.languages:
            for message in library.messages.values():
                if language in message.texts:
                    continue
                document = message.document
                area = message.id.partition(".")[0]
                if language not in document.data["languages"]:  # the whole block is missing: say so once
                    if (area, language) not in reported:
                        reported.add((area, language))
                        yield (
                            document.locate(("languages",), key=True),
                            f"no {language!r} messages, but {council.slug} speaks {language!r}",
                        )
                elif (message.id, language) not in reported:
                    reported.add((message.id, language))
                    present = next(iter(message.texts))
                    yield (
                        _where(message, present),
                        f"{message.id} has no {language!r} text, but {council.slug} speaks {language!r}",
                    )


@rule(
    "message-placeholder-mismatch",
    Severity.ERROR,
    "the languages of one message use different placeholders",
)
def _message_placeholder_mismatch(library: Library) -> Iterator[tuple[Location, str]]:
    for message in library.messages.values():
        english = message.texts.get("en")
        if english is None:
            continue  # reported by message-parity
        expected = message_placeholders(english)
        for language, text in message.texts.items():
            found = message_placeholders(text)
            if language != "en" and found != expected:
                location = message.document.locate(("languages", language, "messages", message.key))
                yield (
                    location,
                    (
                        f"{message.id} ({language}) uses {_names(found)} but its English uses "
                        f"{_names(expected)}: every language must fill in the same values"
                    ),
                )


@rule("overlay-unknown-message", Severity.ERROR, "a council overlay rewords a message the library lacks")
def _overlay_unknown_message(library: Library) -> Iterator[Finding]:
    for council in library.councils.values():
        for message_id in council.messages:
            if message_id not in library.messages:
                yield Finding(
                    council.document.locate(("messages", message_id), key=True),
                    f"no message {message_id!r} in intents/messages/",
                    ("message", message_id),  # a knock-on effect when its area's file did not load
                )


@rule(
    "overlay-message-placeholder",
    Severity.ERROR,
    "a council's wording of a message uses a placeholder the message does not have",
)
def _overlay_message_placeholder(library: Library) -> Iterator[tuple[Location, str]]:
    for council in library.councils.values():
        for message_id, by_language in council.messages.items():
            message = library.messages.get(message_id)
            if message is None or "en" not in message.texts:
                continue  # reported by overlay-unknown-message or message-parity
            allowed = message_placeholders(message.texts["en"])
            for language, text in by_language.items():
                unknown = message_placeholders(text) - allowed
                if unknown:
                    yield (
                        council.document.locate(("messages", message_id, language)),
                        f"{message_id} has no {_names(unknown)} to fill in (it has {_names(allowed)})",
                    )
