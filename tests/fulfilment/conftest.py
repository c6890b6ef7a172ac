"""Build WebhookRequests exactly as Dialogflow sends them, and read replies as Dialogflow would."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from google.cloud import dialogflow_v2
from google.protobuf import struct_pb2

from tests.conftest import TEST_CREDENTIALS, BuildLibrary, app_settings
from webhook import create_app

SESSION = "projects/demo-council-bot/agent/sessions/5f1c-session"
DIALOGFLOW_BLOCK = "dialogflow:\n  project_id: unitary-council-bot\n"


def basic_auth(
    username: str = TEST_CREDENTIALS.username or "", password: str = TEST_CREDENTIALS.password or ""
) -> dict[str, str]:
    token = base64.b64encode(f"{username}:{password}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def webhook_request(
    intent: str,
    *,
    text: str = "",
    language: str = "en",
    parameters: dict[str, Any] | None = None,
    session: str = SESSION,
    contexts: list[dict[str, Any]] | None = None,
    all_required: bool = True,
    source: str | None = None,
) -> dict[str, Any]:
    """A WebhookRequest built with Dialogflow's own types and serialised the way Dialogflow does."""
    params = struct_pb2.Struct()
    params.update(parameters or {})
    request = dialogflow_v2.WebhookRequest(
        session=session,
        response_id="b0d2a7f1-response",
        query_result=dialogflow_v2.QueryResult(
            query_text=text,
            language_code=language,
            parameters=params,
            all_required_params_present=all_required,
            intent=dialogflow_v2.Intent(name="projects/p/agent/intents/1234", display_name=intent),
            intent_detection_confidence=0.87,
            output_contexts=[
                dialogflow_v2.Context(
                    name=c["name"],
                    lifespan_count=c.get("lifespan", 5),
                    parameters=_struct(c.get("parameters")),
                )
                for c in contexts or []
            ],
        ),
        original_detect_intent_request=dialogflow_v2.OriginalDetectIntentRequest(source=source or ""),
    )
    return json.loads(dialogflow_v2.WebhookRequest.to_json(request))


def _struct(values: dict[str, Any] | None) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(values or {})
    return struct


def strict_reply(body: bytes) -> dialogflow_v2.WebhookResponse:
    """Parse a reply as Dialogflow does: unknown fields or wrong types are errors."""
    return dialogflow_v2.WebhookResponse.from_json(body, ignore_unknown_fields=False)


@pytest.fixture
def webhook_app(build_library: BuildLibrary) -> Flask:
    """The app on the minimal library, whose unitary council declares a Dialogflow project."""
    overlay = build_library() / "councils" / "unitary" / "council.yaml"
    overlay.write_text(overlay.read_text() + DIALOGFLOW_BLOCK)
    return create_app(app_settings(overlay.parents[2]))


@pytest.fixture
def webhook_client(webhook_app: Flask) -> FlaskClient:
    return webhook_app.test_client()


@pytest.fixture
def post(client: FlaskClient):
    """POST a WebhookRequest to the repository app's /webhook/<slug> with valid credentials."""

    def send(slug: str, body: Any, headers: dict[str, str] | None = None):
        return client.post(
            f"/webhook/{slug}", json=body, headers=headers if headers is not None else basic_auth()
        )

    return send
