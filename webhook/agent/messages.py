"""Turn Dialogflow's fulfillment messages (proto3 JSON) into the chat API's simple message list.

Used for replies from the offline agent and from Dialogflow's detectIntent alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def chat_messages(fulfillment_messages: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """`[{"type": "text" | "quick_replies" | "link" | "card", ...}]` from the default-platform messages."""
    messages: list[dict[str, Any]] = []
    for item in fulfillment_messages:
        if item.get("platform", "PLATFORM_UNSPECIFIED") != "PLATFORM_UNSPECIFIED":
            continue  # another channel's copy of the same reply
        if "text" in item:
            messages += [{"type": "text", "text": text} for text in item["text"].get("text", []) if text]
        elif "quickReplies" in item:
            replies = item["quickReplies"].get("quickReplies", [])
            if replies:
                messages.append({"type": "quick_replies", "replies": list(replies)})
        elif "card" in item:
            messages.append(_card(item["card"]))
    return messages


def _card(card: Mapping[str, Any]) -> dict[str, Any]:
    buttons = [{"text": b.get("text", ""), "url": b.get("postback", "")} for b in card.get("buttons", [])]
    if len(buttons) == 1 and buttons[0]["text"] == card.get("title") and not card.get("subtitle"):
        return {"type": "link", "text": buttons[0]["text"], "url": buttons[0]["url"]}
    message: dict[str, Any] = {"type": "card", "title": card.get("title", "")}
    if card.get("subtitle"):
        message["subtitle"] = card["subtitle"]
    if card.get("imageUri"):
        message["image_url"] = card["imageUri"]
    if buttons:
        message["buttons"] = buttons
    return message
