"""The OpenAPI 3.1 description of the webhook and probe endpoints, served at /openapi.json."""

from __future__ import annotations

from functools import cache
from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from webhook.fulfilment.parse import request_schema

bp = Blueprint("openapi", __name__)

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "message"],
            "properties": {
                "status": {"type": "integer"},
                "message": {"type": "string"},
                "path": {"type": "string", "description": "JSON path of the problem in the request"},
            },
        }
    },
}
_MESSAGE = {
    "type": "object",
    "properties": {
        "platform": {"type": "string"},
        "text": {"type": "object", "properties": {"text": {"type": "array", "items": {"type": "string"}}}},
        "quickReplies": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "quickReplies": {"type": "array", "items": {"type": "string"}},
            },
        },
        "card": {
            "type": "object",
            "properties": {
                "title": {"type": "string"},
                "subtitle": {"type": "string"},
                "imageUri": {"type": "string"},
                "buttons": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"text": {"type": "string"}, "postback": {"type": "string"}},
                    },
                },
            },
        },
    },
}
_WEBHOOK_RESPONSE = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "fulfillmentText": {"type": "string"},
        "fulfillmentMessages": {"type": "array", "items": _MESSAGE},
        "outputContexts": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "lifespanCount": {"type": "integer"},
                    "parameters": {"type": "object"},
                },
            },
        },
        "followupEventInput": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "languageCode": {"type": "string"},
                "parameters": {"type": "object"},
            },
        },
        "payload": {"type": "object"},
    },
}


def _json(schema: str, description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema}}}}


def _webhook_operation(summary: str, parameters: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "summary": summary,
        "parameters": parameters,
        "security": [{"basic": []}, {"bearer": []}, {"token": []}],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/WebhookRequest"}}},
        },
        "responses": {
            "200": _json("#/components/schemas/WebhookResponse", "The reply for Dialogflow"),
            "400": _json("#/components/schemas/Error", "Not JSON, or not a WebhookRequest"),
            "401": _json("#/components/schemas/Error", "Missing or wrong credentials"),
            "404": _json("#/components/schemas/Error", "Unknown council or project"),
            "413": _json("#/components/schemas/Error", "Body larger than 1 MiB"),
        },
    }


@cache
def openapi_document() -> dict[str, Any]:
    """The document; built once."""
    webhook_request = dict(request_schema())
    for key in ("$schema", "$id"):
        webhook_request.pop(key, None)
    probe = {"type": "object"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Council chatbot webhook",
            "version": "1.0.0",
            "description": "Dialogflow ES v2 fulfilment for every council on the platform.",
        },
        "paths": {
            "/webhook/{council}": {
                "post": _webhook_operation(
                    "Fulfil a turn for the council named in the URL",
                    [{"name": "council", "in": "path", "required": True, "schema": {"type": "string"}}],
                )
            },
            "/webhook": {
                "post": _webhook_operation(
                    "Fulfil a turn; the council is found from the session's project", []
                )
            },
            "/healthz": {
                "get": {
                    "summary": "Liveness",
                    "responses": {
                        "200": {"description": "Up", "content": {"application/json": {"schema": probe}}}
                    },
                }
            },
            "/readyz": {
                "get": {
                    "summary": "Readiness",
                    "responses": {
                        "200": {"description": "Ready", "content": {"application/json": {"schema": probe}}},
                        "503": {
                            "description": "Not ready",
                            "content": {"application/json": {"schema": probe}},
                        },
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "WebhookRequest": webhook_request,
                "WebhookResponse": _WEBHOOK_RESPONSE,
                "Error": _ERROR,
            },
            "securitySchemes": {
                "basic": {"type": "http", "scheme": "basic"},
                "bearer": {"type": "http", "scheme": "bearer"},
                "token": {"type": "apiKey", "in": "header", "name": "X-Webhook-Token"},
            },
        },
    }


@bp.get("/openapi.json")
def openapi_json() -> ResponseReturnValue:
    """The OpenAPI document."""
    return jsonify(openapi_document())
