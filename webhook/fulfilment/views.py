"""The fulfilment webhook's views: `POST /webhook/<council>` and `POST /webhook`, for Dialogflow ES v2.

Authentication is checked before the body is read; malformed calls get a 4xx JSON error naming the
problem; every well-formed call gets a WebhookResponse from the app's engine, whatever happens inside.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import replace

from flask import Blueprint, Response, abort, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from webhook.deadline import Deadline
from webhook.fulfilment.auth import TOKEN_HEADER, Credentials, Presented
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handoff_contexts import carry_conversation
from webhook.fulfilment.parse import (
    RequestError,
    parse_body,
    parse_webhook_request,
    project_of,
)
from webhook.fulfilment.turn import WebhookCall
from webhook.insights import record_turn
from webhook.insights.events import DIALOGFLOW
from webhook.json_text import json_bytes
from webhook.library.model import Council

bp = Blueprint("fulfilment", __name__)
TOKEN_ENVIRON = "HTTP_" + TOKEN_HEADER.upper().replace("-", "_")
NO_CREDENTIALS = Credentials()


def _engine() -> Engine:
    return current_app.extensions["engine"]


def _credentials() -> Mapping[str, Credentials]:
    return current_app.extensions["webhook_credentials"]


@bp.post("/webhook/<slug>")
def council_webhook(slug: str) -> ResponseReturnValue:
    """The canonical endpoint: the council is named in the URL."""
    started = time.monotonic()
    engine = _engine()
    council = engine.library.council(slug)
    if council is None:
        raise RequestError(404, f"no council {slug!r} on this deployment", "$")
    _authenticate(council, _presented())
    call = parse_webhook_request(parse_body(request.get_data()))
    return _answer(engine, council, call, started)


@bp.post("/webhook")
def project_webhook() -> ResponseReturnValue:
    """One URL for every agent: the council is found from the session's Dialogflow project id."""
    started = time.monotonic()
    presented = _presented()
    if not any(c.accepts(presented) for c in _credentials().values()):
        _unauthorised()
    data = parse_body(request.get_data())
    project = project_of(data)
    call = parse_webhook_request(data)
    council = current_app.extensions["councils_by_project"].get(project)
    if council is None:
        raise RequestError(404, f"no council declares Dialogflow project {project!r}", "$.session")
    _authenticate(council, presented)
    return _answer(_engine(), council, call, started)


def _presented() -> Presented:
    # Straight from the WSGI environ: a missing header costs a raised KeyError in `request.headers`.
    environ = request.environ
    return Presented.from_headers(environ.get("HTTP_AUTHORIZATION", ""), environ.get(TOKEN_ENVIRON, ""))


def _authenticate(council: Council, presented: Presented) -> None:
    if not _credentials().get(council.slug, NO_CREDENTIALS).accepts(presented):
        _unauthorised()


def _unauthorised() -> None:
    response = jsonify(
        error={"status": 401, "message": "missing or wrong credentials for this council's webhook"}
    )
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Basic realm="webhook", charset="UTF-8"'
    abort(response)


def _answer(engine: Engine, council: Council, call: WebhookCall, started: float) -> ResponseReturnValue:
    seconds = current_app.config["TURN_DEADLINE_SECONDS"]
    deadline = Deadline(expires_at=started + seconds, started_at=started)
    answered = engine.answer(council, call, deadline)
    # What the offline agent keeps in its signed state rides in Dialogflow's contexts: the transcript a
    # hand-off may share, and the misunderstandings after which a person is offered.
    carried = carry_conversation(
        engine.library,
        council,
        answered.turn.call.intent_name,
        call.query_text,
        answered.reply,
        answered.language,
        {name: context.parameters for name, context in call.contexts.items()},
    )
    answered = replace(answered, reply=carried)
    record_turn(
        engine.library,
        council,
        session=call.session.session_id,
        channel=DIALOGFLOW,
        language=answered.language,
        intent=call.intent_name,
        confidence=call.confidence,
        outcome=str(answered.outcome),
        text=answered.redacted_query,
        text_is_redacted=True,
    )
    # Built without `jsonify`: this is the response the webhook exists to give, on every turn.
    return Response(json_bytes(answered.body), content_type="application/json")
