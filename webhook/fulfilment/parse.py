"""Turn a Dialogflow ES v2 WebhookRequest (proto3 JSON) into typed values, or a RequestError saying why."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import orjson
from jsonschema import Draft202012Validator

from webhook.fulfilment.turn import Context, Session, WebhookCall

SESSION_PATH = re.compile(
    r"^projects/(?P<project>[^/]+)(?:/locations/(?P<location>[^/]+))?/agent"
    r"(?:/environments/(?P<environment>[^/]+)/users/(?P<user>[^/]+))?/sessions/(?P<session>[^/]+)$"
)
SCHEMA_PATH = Path(__file__).with_name("webhook_request.schema.json")


class RequestError(ValueError):
    """A webhook call that cannot be answered; `status` is the HTTP status and `path` the JSON path."""

    def __init__(self, status: int, message: str, path: str = "$") -> None:
        super().__init__(message)
        self.status = status
        self.path = path


@cache
def request_schema() -> dict[str, Any]:
    """The JSON Schema of the WebhookRequest fields this webhook relies on (also used in /openapi.json)."""
    return json.loads(SCHEMA_PATH.read_text("utf-8"))


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(request_schema())


def parse_body(body: bytes) -> dict[str, Any]:
    """Decode the request body as a JSON object, or raise a 400 RequestError."""
    if not body or body.isspace():
        raise RequestError(400, "the request body is empty; send a Dialogflow WebhookRequest as JSON")
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as error:
        raise RequestError(400, f"the request body is not JSON: {error}") from None
    if not isinstance(data, dict):
        raise RequestError(400, "the request body must be a JSON object (a WebhookRequest)")
    return data


def parse_webhook_request(data: Mapping[str, Any]) -> WebhookCall:
    """Check the request's shape and pull out what fulfilment needs; RequestError (400) names the path."""
    if not _plainly_valid(data):
        check_request(_validator(), data)
    session = parse_session(data["session"])
    result = data["queryResult"]
    parameters = result.get("parameters") or {}
    return WebhookCall(
        session=session,
        intent_name=result["intent"]["displayName"],
        language_code=result.get("languageCode", ""),
        query_text=result.get("queryText", ""),
        parameters={k: v for k, v in parameters.items() if not k.endswith(".original")},
        original_parameters={
            k.removesuffix(".original"): v for k, v in parameters.items() if k.endswith(".original")
        },
        contexts=_contexts(result.get("outputContexts") or []),
        source=(data.get("originalDetectIntentRequest") or {}).get("source") or None,
        all_required_params_present=result.get("allRequiredParamsPresent", False),
        confidence=result.get("intentDetectionConfidence"),
    )


def _plainly_valid(data: Mapping[str, Any]) -> bool:
    """A fast check, at least as strict as the JSON Schema, that passes the requests Dialogflow sends.

    Validating every call with jsonschema costs more than the rest of the turn, so only requests that
    fail this check go through it (to find and name the problem). A request that fails here but passes
    the schema is accepted all the same; a test holds the two to the same verdict on generated requests.
    """
    session, result = data.get("session"), data.get("queryResult")
    if not isinstance(session, str) or not SESSION_PATH.match(session) or not isinstance(result, dict):
        return False
    intent = result.get("intent")
    if (
        not isinstance(intent, dict)
        or not isinstance(intent.get("displayName"), str)
        or not intent["displayName"]
    ):
        return False
    if "name" in intent and not isinstance(intent["name"], str):
        return False
    if "responseId" in data and not isinstance(data["responseId"], str):
        return False
    expected = {
        "queryText": str,
        "languageCode": str,
        "parameters": dict,
        "allRequiredParamsPresent": bool,
        "fulfillmentText": str,
        "fulfillmentMessages": list,
        "outputContexts": list,
    }
    for key, kind in expected.items():
        if key in result and not isinstance(result[key], kind):
            return False
    confidence = result.get("intentDetectionConfidence", 0)
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        return False
    for context in result.get("outputContexts", ()):
        if not isinstance(context, dict) or not isinstance(context.get("name"), str):
            return False
        if not _CONTEXT_NAME.search(context["name"]):
            return False
        lifespan = context.get("lifespanCount", 0)
        if isinstance(lifespan, bool) or not isinstance(lifespan, int) or lifespan < 0:
            return False
        if "parameters" in context and not isinstance(context["parameters"], dict):
            return False
    original = data.get("originalDetectIntentRequest", {})
    if not isinstance(original, dict):
        return False
    return all(
        key not in original or isinstance(original[key], kind)
        for key, kind in (("source", str), ("version", str), ("payload", dict))
    )


_CONTEXT_NAME = re.compile(r"/contexts/[^/]+$")


def parse_session(path: str) -> Session:
    """A session path in any of its four forms."""
    match = SESSION_PATH.match(path)
    if match is None:
        raise RequestError(400, f"not a Dialogflow session path: {path!r}", "$.session")
    return Session(
        path=path,
        project_id=match["project"],
        session_id=match["session"],
        location=match["location"],
        environment=match["environment"],
        user=match["user"],
    )


def _contexts(items: list[Mapping[str, Any]]) -> dict[str, Context]:
    contexts = {}
    for item in items:
        short = item["name"].rsplit("/contexts/", 1)[-1]
        # Dialogflow keeps its own bookkeeping contexts (e.g. __system_counters__) beside ours.
        if short.startswith("__"):
            continue
        contexts[short] = Context(short, item.get("lifespanCount", 0), item.get("parameters") or {})
    return contexts


def check_request(validator: Draft202012Validator, data: Any) -> None:
    """Raise a 400 RequestError naming the JSON path of the first thing `validator` finds wrong."""
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        raise RequestError(400, errors[0].message, _json_path(errors[0].absolute_path))


def _json_path(parts: Any) -> str:
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def project_of(data: Mapping[str, Any]) -> str | None:
    """The Dialogflow project id in a request's session path, if it has a valid one."""
    session = data.get("session")
    if not isinstance(session, str):
        return None
    match = SESSION_PATH.match(session)
    return match["project"] if match else None
