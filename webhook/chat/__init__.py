"""The residents' chat: `POST /api/chat`, `POST /api/feedback`, the full-page chat at /chat/<council>,
and the widget.

Conversations run on the embedded offline agent, or on the council's Dialogflow agent when its overlay
names one and the app is configured for it. No conversation state is kept on the server.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from flask import Blueprint, Flask, abort, current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue
from google.api_core.exceptions import GoogleAPIError

from webhook.agent.dialogue import OfflineAgent
from webhook.agent.session import ConversationState, StateSigner
from webhook.chat.feedback import MAX_FEEDBACK_BYTES, parse_feedback, record_feedback
from webhook.chat.outcome import ends_task, offline_waiting
from webhook.chat.parse import parse_chat_request
from webhook.chat.ratelimit import rate_limiter
from webhook.errors import error_body
from webhook.fulfilment.parse import RequestError, parse_body
from webhook.insights import record_turn
from webhook.insights.events import CHAT
from webhook.library.messages import message_text
from webhook.library.model import Council, Library, localise

bp = Blueprint("chat", __name__, template_folder="templates")
log = logging.getLogger(__name__)
#: Feedback comes at most once or twice per answer: a tighter limit than the chat's own.
FEEDBACK_RATE_PER_MINUTE = 10
FEEDBACK_RATE_BURST = 5


def init_chat(app: Flask) -> None:
    """Attach the chat's per-app parts: the offline agent (built lazily), the signer and the limiter."""
    app.extensions["chat_signer"] = StateSigner(app.config["SECRET_KEY"])
    redis_url = app.config.get("REDIS_URL")
    app.extensions["chat_limiter"] = rate_limiter(
        redis_url, "chat", app.config["CHAT_RATE_PER_MINUTE"], app.config["CHAT_RATE_BURST"]
    )
    app.extensions["feedback_limiter"] = rate_limiter(
        redis_url,
        "feedback",
        app.config.get("FEEDBACK_RATE_PER_MINUTE", FEEDBACK_RATE_PER_MINUTE),
        app.config.get("FEEDBACK_RATE_BURST", FEEDBACK_RATE_BURST),
    )
    app.extensions["chat_agent"] = None
    from webhook.chat.warmup import init_warmup

    init_warmup(app)


def _library() -> Library:
    return current_app.extensions["library_report"].library


def offline_agent() -> OfflineAgent:
    """The app's offline agent, built on first use (its models load or train lazily per council)."""
    agent = current_app.extensions.get("chat_agent")
    if agent is None:
        from webhook.agent.understanding import LibraryUnderstanding

        understanding = LibraryUnderstanding(
            _library(),
            cache_dir=current_app.config["NLU_CACHE_DIR"],
            max_in_memory=current_app.config["NLU_MODELS_IN_MEMORY"],
        )
        current_app.extensions["chat_models"] = understanding.models
        agent = OfflineAgent(
            _library(),
            understanding,
            current_app.config["TURN_DEADLINE_SECONDS"],
            engine=current_app.extensions["engine"],
        )
        current_app.extensions["chat_agent"] = agent
    return agent


@bp.post("/api/chat")
def chat_api() -> ResponseReturnValue:
    """One turn of a resident's conversation."""
    refused = _rate_limited("chat_limiter", "too many messages; please wait a moment and try again")
    if refused is not None:
        return refused
    chat = parse_chat_request(parse_body(request.get_data()))
    council = _library().council(chat.council)
    if council is None:
        raise RequestError(404, f"no council {chat.council!r} on this deployment", "$.council")
    language = chat.language if chat.language in council.languages else council.languages[0]
    if council.dialogflow and current_app.config.get("CHAT_DIALOGFLOW"):
        return jsonify(_dialogflow_turn(council, chat.session, chat.text, language))
    signer: StateSigner = current_app.extensions["chat_signer"]
    state = signer.load(chat.state, council=council.slug, session=chat.session) if chat.state else None
    # A token that is expired, altered, or another council's or conversation's: start afresh, and say so.
    restarted = bool(chat.state) and state is None
    if state is None:
        state = ConversationState(council=council.slug, session=chat.session, language=language)
    elif chat.language in council.languages:
        state.language = chat.language  # the resident used the language switch
    agent = offline_agent()
    reply = agent.respond(council, state, chat.text) if chat.text.strip() else agent.welcome(council, state)
    if restarted:
        note = message_text(_library(), council, "dialogue.restarted", reply.language)
        reply = replace(reply, messages=[{"type": "text", "text": note}, *reply.messages])
    if chat.text.strip():
        record_turn(
            _library(),
            council,
            session=chat.session,
            channel=CHAT,
            language=reply.language,
            intent=reply.intent,
            confidence=reply.confidence,
            outcome=reply.outcome,
            text=chat.text,
        )
    waiting = offline_waiting(reply.state.pending, reply.state.contexts)
    finished = ends_task(_library(), council, reply.intent, reply.messages, reply.language, waiting=waiting)
    return jsonify(
        intent=reply.intent,
        confidence=round(reply.confidence, 4),
        parameters=reply.parameters,
        messages=reply.messages,
        language=reply.language,
        state=signer.dump(reply.state),
        ends_task=finished,
    )


@bp.post("/api/feedback")
def feedback_api() -> ResponseReturnValue:
    """A resident's "Was this helpful?" on an answer: checked, then recorded for the council."""
    refused = _rate_limited("feedback_limiter", "too much feedback; please wait a moment and try again")
    if refused is not None:
        return refused
    if (request.content_length or 0) > MAX_FEEDBACK_BYTES:
        raise RequestError(413, f"feedback is at most {MAX_FEEDBACK_BYTES} bytes")
    feedback = parse_feedback(parse_body(request.get_data()))
    if _library().council(feedback.council) is None:
        raise RequestError(404, f"no council {feedback.council!r} on this deployment", "$.council")
    if feedback.intent not in _library().intents:
        raise RequestError(400, f"no intent {feedback.intent!r} in the library", "$.intent")
    record_feedback(feedback)
    response = jsonify(received=True)
    response.status_code = 202
    return response


def _rate_limited(limiter: str, message: str) -> ResponseReturnValue | None:
    """A 429 with Retry-After when this client has used up its allowance on `limiter`, else None."""
    client = request.remote_addr or "unknown"
    allowed, wait = current_app.extensions[limiter].allow(client)
    if allowed:
        return None
    response = error_body(429, message)
    response.headers["Retry-After"] = str(max(1, round(wait)))
    return response


def _dialogflow_turn(council: Any, session: str, text: str, language: str) -> dict[str, Any]:
    from webhook.chat.dialogflow_chat import DialogflowChat

    client = current_app.extensions.get("dialogflow_chat")
    if client is None:
        client = DialogflowChat(current_app.config.get("DIALOGFLOW_ENDPOINT"))
        current_app.extensions["dialogflow_chat"] = client
    try:
        answer = client.detect(council, session, text, language)
    except GoogleAPIError:
        log.exception("detectIntent failed for %s", council.slug)
        phone = localise(council.contact.get("phone"), language)
        website = localise(council.contact.get("website"), language)
        library = _library()
        text = (
            message_text(library, council, "system.lookup_failed", language)
            + " "
            + message_text(library, council, "system.contact_us", language, phone=phone, website=website)
        )
        return {
            "intent": "system.fallback",
            "confidence": 0.0,
            "parameters": {},
            "messages": [{"type": "text", "text": text}],
            "language": language,
            "ends_task": False,
        }
    return {
        "intent": answer.intent,
        "confidence": answer.confidence,
        "parameters": answer.parameters,
        "messages": answer.messages,
        "language": answer.language,
        "ends_task": ends_task(
            _library(), council, answer.intent, answer.messages, answer.language, waiting=answer.waiting
        ),
    }


@bp.get("/chat/<slug>")
def chat_page(slug: str) -> ResponseReturnValue:
    """The full-page chat for one council (also shown inside the widget's frame)."""
    council = _library().council(slug)
    if council is None:
        abort(404)
    language = request.args.get("language")
    if language not in council.languages:
        language = council.languages[0]
    names = {code: localise(council.name, code) for code in council.languages}
    return render_template(
        "chat/chat.html",
        council=council,
        language=language,
        names=names,
        person=_person_labels(_library(), council),
        embedded=request.args.get("embed") == "1",
    )


#: The intent a resident reaches by asking for a person (intents/system/human_handoff.yaml).
HUMAN_HANDOFF = "system.human_handoff"


def _person_labels(library: Library, council: Council) -> dict[str, str]:
    """What the resident taps to ask for a person after "Was this helpful? No", per language: the
    library's own offer reply, which the hand-off intent understands; none if the council does not
    offer the intent."""
    if HUMAN_HANDOFF not in library.intents or not council.offers(HUMAN_HANDOFF):
        return {}
    return {code: message_text(library, council, "handoff.offer_reply", code) for code in council.languages}
