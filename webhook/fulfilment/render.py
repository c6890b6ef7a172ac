"""Render a Reply as a Dialogflow ES v2 WebhookResponse in proto3 JSON (camelCase, defined fields only)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from webhook.fulfilment.questions import CHOICE_ENTITY, offered_options
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
    reply: Reply,
    session: Session,
    *,
    language: str,
    quick_replies_title: str,
    source: str | None = None,
) -> dict[str, Any]:
    """The WebhookResponse JSON for a reply. Text-only channels get the links in `fulfillmentText`;
    `quick_replies_title` is the council's `system.quick_replies_title` message in the language."""
    text, messages = _messages(reply, quick_replies_title, PLATFORMS.get((source or "").lower()))
    body: dict[str, Any] = {"fulfillmentText": text, "fulfillmentMessages": messages}
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
    options = offered_options(reply.output_contexts)
    if options:
        # The options of the question just asked, as the session's own entries of @choice, so the
        # agent's dialogue.choice_answer recognises "its mill lane" as one of them.
        body["sessionEntityTypes"] = [
            {
                "name": f"{session.path}/entityTypes/{CHOICE_ENTITY}",
                "entityOverrideMode": "ENTITY_OVERRIDE_MODE_OVERRIDE",
                "entities": [
                    {"value": option, "synonyms": list(dict.fromkeys((option, *words)))}
                    for option, words in options
                ],
            }
        ]
    if reply.payload:
        body["payload"] = dict(reply.payload)
    return body


def _messages(
    reply: Reply, quick_replies_title: str, platform: str | None
) -> tuple[str, list[dict[str, Any]]]:
    """The reply's text and messages, remembered: the library's replies repeat all day."""
    return _rendered(
        reply.texts, reply.quick_replies, reply.links, reply.cards, quick_replies_title, platform
    )


@lru_cache(maxsize=4096)
def _rendered(
    texts: tuple[str, ...],
    quick_replies: tuple[str, ...],
    links: tuple[Link, ...],
    cards: tuple[Card, ...],
    quick_replies_title: str,
    platform: str | None,
) -> tuple[str, list[dict[str, Any]]]:
    messages: list[dict[str, Any]] = [{"text": {"text": [text]}} for text in texts]
    rich: list[dict[str, Any]] = []
    if quick_replies:
        rich.append(
            {
                "quickReplies": {
                    "title": quick_replies_title,
                    "quickReplies": list(quick_replies),
                }
            }
        )
    rich += [{"card": _card(card)} for card in cards]
    rich += [{"card": _card(Card(title=link.text, buttons=(link,)))} for link in links]
    if platform:
        # A platform's messages replace the default ones on that platform, so repeat the text there.
        rich = [{"text": {"text": [text]}} for text in texts] + rich
        rich = [{**item, "platform": platform} for item in rich]
    text = "\n".join([*texts, *(f"{link.text}: {link.url}" for link in links)])
    return text, messages + rich


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
