"""The fulfilment webhook: `POST /webhook/<council>` and `POST /webhook`, for Dialogflow ES v2.

Authentication is checked before the body is read; malformed calls get a 4xx JSON error naming the
problem; every well-formed call gets a WebhookResponse, whatever happens inside.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

from flask import Blueprint, abort, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from webhook.deadline import Deadline
from webhook.fulfilment.auth import Credentials
from webhook.fulfilment.fulfil import fulfil
from webhook.fulfilment.parse import (
    RequestError,
    WebhookCall,
    parse_body,
    parse_webhook_request,
    project_of,
)
from webhook.fulfilment.registry import registry
from webhook.fulfilment.render import webhook_response
from webhook.fulfilment.turn import Turn
from webhook.library.model import Council, Library
from webhook.logs import redact

bp = Blueprint("fulfilment", __name__)
log = logging.getLogger(__name__)


def _library() -> Library:
    return current_app.extensions["library_report"].library


def _credentials() -> Mapping[str, Credentials]:
    return current_app.extensions["webhook_credentials"]


@bp.post("/webhook/<slug>")
def council_webhook(slug: str) -> ResponseReturnValue:
    """The canonical endpoint: the council is named in the URL."""
    started = time.monotonic()
    council = _library().council(slug)
    if council is None:
        raise RequestError(404, f"no council {slug!r} on this deployment", "$")
    _authenticate(council)
    call = parse_webhook_request(parse_body(request.get_data()))
    return _answer(council, call, started)


@bp.post("/webhook")
def project_webhook() -> ResponseReturnValue:
    """One URL for every agent: the council is found from the session's Dialogflow project id."""
    started = time.monotonic()
    credentials = _credentials()
    if not any(c.accepts(request.headers) for c in credentials.values()):
        _unauthorised()
    data = parse_body(request.get_data())
    project = project_of(data)
    call = parse_webhook_request(data)
    council = current_app.extensions["councils_by_project"].get(project)
    if council is None:
        raise RequestError(404, f"no council declares Dialogflow project {project!r}", "$.session")
    _authenticate(council)
    return _answer(council, call, started)


def _authenticate(council: Council) -> None:
    if not _credentials().get(council.slug, Credentials()).accepts(request.headers):
        _unauthorised()


def _unauthorised() -> None:
    response = jsonify(
        error={"status": 401, "message": "missing or wrong credentials for this council's webhook"}
    )
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Basic realm="webhook", charset="UTF-8"'
    abort(response)


def _answer(council: Council, call: WebhookCall, started: float) -> ResponseReturnValue:
    seconds = current_app.config["TURN_DEADLINE_SECONDS"]
    deadline = Deadline(expires_at=started + seconds, started_at=started)
    turn = Turn(
        council=council,
        library=_library(),
        intent_name=call.intent_name,
        language=_language(council, call.language_code),
        session=call.session,
        deadline=deadline,
        query_text=call.query_text,
        parameters=call.parameters,
        original_parameters=call.original_parameters,
        contexts=call.contexts,
        source=call.source,
        all_required_params_present=call.all_required_params_present,
        confidence=call.confidence,
    )
    reply, outcome, handler = fulfil(turn, registry)
    language = reply.language or turn.language
    body = webhook_response(reply, call.session, language=language, source=call.source)
    log.info(
        "turn",
        extra={
            "fields": {
                "council": council.slug,
                "intent": call.intent_name,
                "language": turn.language,
                "handler": handler,
                "outcome": str(outcome),
                "latency_ms": round(deadline.elapsed() * 1000, 1),
                "query": redact(call.query_text),
            }
        },
    )
    return jsonify(body)


def _language(council: Council, language_code: str) -> str:
    """The council language closest to Dialogflow's language code ("en-GB" -> "en")."""
    base = language_code.split("-")[0].lower()
    return base if base in council.languages else council.languages[0]
