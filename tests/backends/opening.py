"""The opening-hours sentences as the repository's library words them, for tests of describe_opening."""

from __future__ import annotations

from functools import cache

from tests.conftest import REPOSITORY
from webhook.backends.calendar import OPENING_SENTENCES, OpeningStatus, describe_opening
from webhook.library.loader import load_library
from webhook.library.messages import message_text
from webhook.library.model import Library


@cache
def repository_library() -> Library:
    return load_library(REPOSITORY).library


def sentences(language: str) -> dict[str, str]:
    """Each of describe_opening's sentences in the language, from intents/messages/places.yaml."""
    library = repository_library()
    demo = library.councils["demo"]
    return {key: message_text(library, demo, f"places.opening_{key}", language) for key in OPENING_SENTENCES}


def describe(status: OpeningStatus, language: str) -> str:
    """describe_opening with the library's words."""
    return describe_opening(status, language, sentences(language))
