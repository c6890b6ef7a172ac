"""The agent's own settings (agent.json in the export format): overlay -> export, and export -> overlay.

A council overlay's `dialogflow.agent` block holds what the library cannot derive (time zone, the
classification threshold, ML mode, the webhook's URL ...) under readable names; `agent_json` writes them
into the export's agent.json over the sync's defaults, and `settings_from` reads them back from an
imported agent.json, with a note for everything else that differs from what an export would write.
Webhook credentials (the basic-auth username, headers) never go in YAML: they are noted, not kept.
Pure: values in, values out.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

#: agent.json keys by their name in the overlay's `dialogflow.agent` block.
SETTINGS = {
    "display_name": "displayName",
    "description": "description",
    "short_description": "shortDescription",
    "examples": "examples",
    "link_to_docs": "linkToDocs",
    "time_zone": "defaultTimezone",
    "classification_threshold": "mlMinConfidence",
    "ml_mode": "customClassifierMode",
    "spell_correction": "enableSpellCorrection",
    "sentiment_analysis": "analyzeQueryTextSentiment",
    "disable_interaction_logs": "disableInteractionLogs",
    "disable_stackdriver_logs": "disableStackdriverLogs",
    "knowledge_confidence_adjustment": "knowledgeServiceConfidenceAdjustment",
    "private": "isPrivate",
}
#: Keys of agent.json's `webhook` block by their name in `dialogflow.agent`.
WEBHOOK_SETTINGS = {
    "webhook_url": "url",
    "webhook_available": "available",
    "webhook_for_domains": "useForDomains",
}
#: What the export writes when the overlay says nothing (`description` and `displayName` are the council's).
DEFAULTS: dict[str, Any] = {
    "shortDescription": "",
    "examples": "",
    "linkToDocs": "",
    "disableInteractionLogs": False,
    "disableStackdriverLogs": True,
    "defaultTimezone": "Europe/London",
    "isPrivate": True,
    "mlMinConfidence": 0.3,
    "enableOnePlatformResponses": True,
    "onePlatformApiVersion": "v2",
    "analyzeQueryTextSentiment": False,
    "enabledKnowledgeBaseNames": [],
    "knowledgeServiceConfidenceAdjustment": 0.0,
    "dialogBuilderMode": False,
    "baseActionPackagesUrl": "",
    "enableSpellCorrection": False,
}
WEBHOOK_DEFAULTS: dict[str, Any] = {
    "username": "",
    "headers": {},
    "useForDomains": False,
    "cloudFunctionsEnabled": False,
    "cloudFunctionsInitialized": False,
}
#: agent.json keys the library holds elsewhere (the overlay's `languages`).
LANGUAGE_KEYS = ("language", "supportedLanguages")


def agent_json(
    display_name: str,
    default: str,
    others: list[str],
    settings: Mapping[str, Any],
    webhook_url: str = "",
) -> dict[str, Any]:
    """agent.json for an export: the defaults, then the overlay's settings; `webhook_url` (from the
    command line) wins over the overlay's."""
    url = webhook_url or str(settings.get("webhook_url", ""))
    data: dict[str, Any] = {
        "description": f"{display_name}: the shared council chatbot, exported by sync-intents.",
        "language": default,
        "displayName": display_name,
        **DEFAULTS,
        "supportedLanguages": others,
    }
    data |= {SETTINGS[key]: value for key, value in settings.items() if key in SETTINGS}
    webhook: dict[str, Any] = {"url": url, **WEBHOOK_DEFAULTS, "available": bool(url)}
    webhook |= {
        WEBHOOK_SETTINGS[k]: v for k, v in settings.items() if k in WEBHOOK_SETTINGS and k != "webhook_url"
    }
    data["webhook"] = webhook
    return data


def webhook_url(settings: Mapping[str, Any]) -> str:
    """The webhook URL an overlay's `dialogflow.agent` block gives ("" for none)."""
    return str(settings.get("webhook_url", ""))


def settings_from(agent: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The `dialogflow.agent` block for an imported agent.json, and notes on what it cannot hold.

    A setting is kept when it differs from what an export writes anyway, so that exporting gives it back.
    """
    kept: dict[str, Any] = {}
    notes: list[str] = []
    by_key = {key: name for name, key in SETTINGS.items()}
    for key, value in agent.items():
        if key in LANGUAGE_KEYS:
            continue
        if key == "webhook" and isinstance(value, Mapping):
            webhook, webhook_notes = _webhook_from(value)
            kept |= webhook
            notes += webhook_notes
        elif key in by_key:
            if key not in DEFAULTS or value != DEFAULTS[key]:
                kept[by_key[key]] = value
        elif key not in DEFAULTS or value != DEFAULTS[key]:
            notes.append(f"agent.json {key} = {json.dumps(value, ensure_ascii=False)} not kept")
    return kept, notes


def _webhook_from(webhook: Mapping[str, Any]) -> tuple[dict[str, Any], list[str]]:
    kept: dict[str, Any] = {}
    notes: list[str] = []
    url = str(webhook.get("url") or "")
    if url:
        kept["webhook_url"] = url
    # An export with a URL marks the webhook available, so only the exception is kept.
    if "available" in webhook and bool(webhook["available"]) != bool(url):
        kept["webhook_available"] = bool(webhook["available"])
    if webhook.get("useForDomains"):
        kept["webhook_for_domains"] = True
    for key, value in webhook.items():
        if key in ("url", "available", "useForDomains"):
            continue
        if key in WEBHOOK_DEFAULTS and value == WEBHOOK_DEFAULTS[key]:
            continue
        if key in ("username", "headers"):
            notes.append(
                f"agent.json webhook {key} not kept (credentials never go in YAML): set it again in the "
                "console after a restore"
            )
        else:
            notes.append(f"agent.json webhook {key} = {json.dumps(value)} not kept")
    return kept, notes
