"""The chat API's simple message list, from the engine's typed reply (the offline agent) or from
Dialogflow's fulfillment messages in proto3 JSON (detectIntent). A contract test holds the two to the
same list for every reply, so the chat reads the same whichever answers it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from webhook.fulfilment.turn import Reply
from webhook.library.model import Card


def reply_messages(reply: Reply) -> list[dict[str, Any]]:
    """`[{"type": "text" | "quick_replies" | "link" | "card", ...}]` for a reply, in the order the
    webhook renders it: texts, quick replies, cards, then links."""
    messages: list[dict[str, Any]] = [{"type": "text", "text": text} for text in reply.texts if text]
    if reply.quick_replies:
        messages.append({"type": "quick_replies", "replies": list(reply.quick_replies)})
    messages += [_card_message(card) for card in reply.cards]
    messages += [{"type": "link", "text": link.text, "url": link.url} for link in reply.links]
    return messages


def _card_message(card: Card) -> dict[str, Any]:
    buttons = [{"text": button.text, "url": button.url} for button in card.buttons]
    return _card_or_link(card.title, card.subtitle, card.image_url, buttons)


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
    return _card_or_link(card.get("title", ""), card.get("subtitle", ""), card.get("imageUri", ""), buttons)


def _card_or_link(title: str, subtitle: str, image_url: str, buttons: list[dict[str, str]]) -> dict[str, Any]:
    """A card, or a plain link when it is only a titled button (as the webhook renders a link)."""
    if len(buttons) == 1 and buttons[0]["text"] == title and not subtitle:
        return {"type": "link", "text": buttons[0]["text"], "url": buttons[0]["url"]}
    message: dict[str, Any] = {"type": "card", "title": title}
    if subtitle:
        message["subtitle"] = subtitle
    if image_url:
        message["image_url"] = image_url
    if buttons:
        message["buttons"] = buttons
    return message
