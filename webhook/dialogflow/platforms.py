"""Which platform each kind of message goes on, so that the console shows it and the chat reads it.

The console's default platform (`PLATFORM_UNSPECIFIED`, its DEFAULT tab) offers only text and custom
payloads: a card or quick replies with no platform is accepted by the API, and sent, but the console does
not show it, so nobody reviewing the agent sees it and an edit in the console loses it. So the sync puts
text on the default platform (every channel gets it) and cards, quick replies and links on RICH_PLATFORM,
whose tab also starts with the default texts (`default_response_platforms`). Telegram's tab offers text,
image, card and quick replies, and takes a card with no title (the links are one; Facebook Messenger's
cards need a title).

detectIntent answers with the messages of every platform, each marked with its own. The chat shows the
default platform's and RICH_PLATFORM's: `displayed` picks them, in order, so that a reply shows the same
texts, quick replies and links whichever platform the agent keeps them on. Pure: no I/O, no client.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

DEFAULT_PLATFORM = "PLATFORM_UNSPECIFIED"
RICH_PLATFORM = "TELEGRAM"
#: The value of an intent's `dialogflow.rich_platform` that keeps cards and quick replies on the default
#: platform (an agent made through the API may have them there; import keeps it so).
DEFAULT_NAME = "default"
#: Platforms whose console tab offers cards and quick replies, by the name the export format uses.
RICH_PLATFORMS = ("telegram", "facebook", "slack", "line", "viber", "kik", "skype", "google_hangouts")
#: Message kinds (the `Intent.Message` oneof) the default tab does not show.
RICH_KINDS = frozenset({"card", "quick_replies", "image"})


def platform_for(name: str | None) -> str:
    """The `Intent.Message.Platform` name for an intent's `rich_platform` (None: the sync's own)."""
    if not name:
        return RICH_PLATFORM
    return DEFAULT_PLATFORM if name == DEFAULT_NAME else name.upper()


def export_name(platform: str) -> str:
    """A platform as the export format writes it ("telegram"); "" for the default platform."""
    return "" if platform == DEFAULT_PLATFORM else platform.lower()


def displayed(messages: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The fulfilment messages (detectIntent's JSON) a resident sees, all as default-platform messages.

    Those of the default platform and of RICH_PLATFORM, in the agent's order. A RICH_PLATFORM message that
    repeats a default one is left out: it is that platform's copy of the default texts.
    """
    marked = [
        (message.get("platform") or DEFAULT_PLATFORM, {k: v for k, v in message.items() if k != "platform"})
        for message in messages
    ]
    defaults = [content for platform, content in marked if platform == DEFAULT_PLATFORM]
    return [
        content
        for platform, content in marked
        if platform == DEFAULT_PLATFORM or (platform == RICH_PLATFORM and content not in defaults)
    ]
