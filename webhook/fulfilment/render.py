"""Render a Reply as a Dialogflow ES v2 WebhookResponse in proto3 JSON (camelCase, defined fields only)."""

from __future__ import annotations

from typing import Any

from webhook.fulfilment.messages import message
from webhook.fulfilment.turn import Reply, Session
from webhook.library.model import Card, Link

# originalDetectIntentRequest.source -> the Intent.Message.Platform that source renders.
PLATFORMS = {
    "facebook": "FACEBOOK",
    "slack": "SLACK",
    "telegram": "TELEGRAM",
    "kik": "KIK",
    "skype": "SKYPE",
    "line": "LINE",
    "viber": "VIBER",
    "google": "ACTIONS_ON_GOOGLE",
    "google_hangouts": "GOOGLE_HANGOUTS",
}


def webhook_response(
    reply: Reply, session: Session, *, language: str, source: str | None = None
) -> dict[str, Any]:
    """The WebhookResponse JSON for a reply. Text-only channels get the links in `fulfillmentText`."""
    platform = PLATFORMS.get((source or "").lower())
    messages: list[dict[str, Any]] = [{"text": {"text": [text]}} for text in reply.texts]
    rich: list[dict[str, Any]] = []
    if reply.quick_replies:
        rich.append(
            {
                "quickReplies": {
                    "title": message("quick_replies_title", language),
                    "quickReplies": list(reply.quick_replies),
                }
            }
        )
    rich += [{"card": _card(card)} for card in reply.cards]
    rich += [{"card": _card(Card(title=link.text, buttons=(link,)))} for link in reply.links]
    if platform:
        # A platform's messages replace the default ones on that platform, so repeat the text there.
        rich = [{"text": {"text": [text]}} for text in reply.texts] + rich
        rich = [{**item, "platform": platform} for item in rich]
    body: dict[str, Any] = {
        "fulfillmentText": fulfillment_text(reply),
        "fulfillmentMessages": messages + rich,
    }
    if reply.output_contexts:
        body["outputContexts"] = [
            {
                "name": session.context_name(context.name),
                "lifespanCount": context.lifespan,
                **({"parameters": dict(context.parameters)} if context.parameters else {}),
            }
            for context in reply.output_contexts
        ]
    if reply.followup_event:
        body["followupEventInput"] = {
            "name": reply.followup_event.name,
            "languageCode": language,
            **(
                {"parameters": dict(reply.followup_event.parameters)}
                if reply.followup_event.parameters
                else {}
            ),
        }
    if reply.payload:
        body["payload"] = dict(reply.payload)
    return body


def fulfillment_text(reply: Reply) -> str:
    """All the reply's text with each link written out, for channels that show plain text only."""
    lines = list(reply.texts)
    lines += [f"{link.text}: {link.url}" for link in reply.links]
    return "\n".join(lines)


def _card(card: Card) -> dict[str, Any]:
    rendered: dict[str, Any] = {"title": card.title}
    if card.subtitle:
        rendered["subtitle"] = card.subtitle
    if card.image_url:
        rendered["imageUri"] = card.image_url
    if card.buttons:
        rendered["buttons"] = [_button(button) for button in card.buttons]
    return rendered


def _button(link: Link) -> dict[str, str]:
    return {"text": link.text, "postback": link.url}
