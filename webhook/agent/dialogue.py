"""The offline agent's dialogue: what Dialogflow ES does between understanding a message and answering.

Contexts with lifespans, slot filling with the library's prompts, "cancel" to leave a prompt, events
(welcome) and follow-up events, and fulfilment through the same engine as the webhook: the agent hands
it the WebhookCall Dialogflow would send and applies the typed reply as Dialogflow applies a
WebhookResponse (a contract test holds the two in step).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from webhook.agent.messages import reply_messages
from webhook.agent.nlu import Prediction
from webhook.agent.session import ActiveContext, ConversationState, PendingIntent
from webhook.backends.registry import Backends
from webhook.deadline import Deadline
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handlers import handler_registry
from webhook.fulfilment.parse import parse_session
from webhook.fulfilment.turn import Context, OutputContext, WebhookCall
from webhook.library.messages import message_text
from webhook.library.model import Council, Intent, Library, localise
from webhook.library.resolve import resolved_intent

FALLBACK = "system.fallback"
#: What the offline agent's calls give as `originalDetectIntentRequest.source`.
OFFLINE_SOURCE = "council-chatbot-offline"
SAFEGUARDING = "system.safeguarding"
#: How sure the classifier must be before a message during a prompt is taken as a new request.
SWITCH_CONFIDENCE = 0.6
#: Prompts for one parameter before the agent stops asking.
MAX_PROMPTS = 3
#: Follow-up events one message may trigger in a row (a guard against loops).
MAX_FOLLOWUPS = 2
#: What a resident types to leave a question (matched whole, after folding case and punctuation): what
#: the agent understands, not what it says, so these stay beside the code that matches them.
CANCEL_WORDS = {
    "en": {"cancel", "stop", "never mind", "nevermind", "forget it", "start again", "quit"},
    "cy": {"canslo", "stopio", "stop", "dim ots", "anghofia fe", "anghofio", "dechrau eto"},
}


class Understanding(Protocol):
    """What the dialogue needs from the NLU: classify a message, and pull an intent's parameters."""

    def classify(
        self, council: Council, language: str, text: str, candidates: Collection[str]
    ) -> Prediction: ...

    def extract(
        self, council: Council, language: str, intent: Intent, text: str
    ) -> dict[str, tuple[Any, str]]: ...


@dataclass(frozen=True)
class AgentReply:
    """One answer of the agent, in the chat API's terms, with the state to carry to the next turn."""

    intent: str
    confidence: float
    parameters: dict[str, Any]
    messages: list[dict[str, Any]]
    language: str
    state: ConversationState


@dataclass(frozen=True)
class Matched:
    """What the agent understood of a turn: the intent, its parameters, and the words they came from."""

    intent: Intent
    values: Mapping[str, Any]
    originals: Mapping[str, Any]
    text: str
    confidence: float


class OfflineAgent:
    """Runs a council's resolved library the way Dialogflow ES runs an agent."""

    def __init__(
        self,
        library: Library,
        understanding: Understanding,
        deadline_seconds: float = 4.0,
        *,
        engine: Engine | None = None,
    ) -> None:
        """`engine` answers the turns (the app's own, in the app); without one the agent builds its own,
        with every handler and backends from the overlays."""
        self.library = library
        self.understanding = understanding
        self.deadline_seconds = deadline_seconds
        self.engine = engine or Engine(library, handler_registry(), Backends())

    def welcome(self, council: Council, state: ConversationState) -> AgentReply:
        """The conversation's first message: the intent that answers the WELCOME event."""
        intent = self._intent_for_event(council, "WELCOME", state.language)
        if intent is None:
            return AgentReply(FALLBACK, 0.0, {}, [], state.language, state)
        return self._fulfil(council, state, Matched(intent, {}, {}, "", 1.0))

    def respond(self, council: Council, state: ConversationState, text: str) -> AgentReply:
        """Answer one message."""
        text = text.strip()
        language = state.language
        if state.pending and _is_cancel(text, language):
            pending = state.pending
            state.pending = None
            self._age_contexts(state)
            message = {
                "type": "text",
                "text": message_text(self.library, council, "dialogue.cancelled", language),
            }
            return AgentReply(pending.intent_id, 1.0, {}, [message], language, state)
        prediction = self.understanding.classify(council, language, text, self._candidates(council, state))
        if state.pending:
            reply = self._continue_prompt(council, state, text, prediction)
            if reply is not None:
                return reply
        intent = self.library.intents.get(prediction.intent_id) or self.library.intents.get(FALLBACK)
        if intent is None:
            return AgentReply(FALLBACK, prediction.confidence, {}, [], language, state)
        found = self.understanding.extract(council, language, intent, text) if intent.parameters else {}
        values = {name: value for name, (value, _) in found.items()}
        originals = {name: original for name, (_, original) in found.items()}
        # A service another tier provides is answered by sending the resident there: no need to ask
        # for a postcode first.
        routed = resolved_intent(self.library, council, intent.id, language).routed
        missing = None if routed else _missing_required(intent, values)
        if missing:
            state.pending = PendingIntent(intent.id, values, originals, asking=missing, attempts=0)
            return self._prompt(council, state, intent, missing, prediction.confidence)
        return self._fulfil(council, state, Matched(intent, values, originals, text, prediction.confidence))

    # Slot filling ---------------------------------------------------------------------------------

    def _continue_prompt(
        self, council: Council, state: ConversationState, text: str, prediction: Prediction
    ) -> AgentReply | None:
        """Fill the parameter being asked for, or None when the message is a new request instead."""
        pending = state.pending
        assert pending is not None
        intent = self.library.intents.get(pending.intent_id)
        if intent is None:
            state.pending = None
            return None
        found = self.understanding.extract(council, state.language, intent, text)
        answers_prompt = pending.asking in found
        wants_something_else = prediction.intent_id not in (pending.intent_id, FALLBACK) and (
            prediction.intent_id == SAFEGUARDING or prediction.confidence >= SWITCH_CONFIDENCE
        )
        if prediction.intent_id == SAFEGUARDING or (wants_something_else and not answers_prompt):
            state.pending = None
            return None
        for name, (value, original) in found.items():
            pending.parameters[name] = value
            pending.originals[name] = original
        missing = _missing_required(intent, pending.parameters)
        if missing:
            pending.attempts = pending.attempts + 1 if missing == pending.asking else 0
            pending.asking = missing
            if pending.attempts >= MAX_PROMPTS:
                state.pending = None
                self._age_contexts(state)
                phone = localise(council.contact.get("phone"), state.language) or ""
                text = message_text(self.library, council, "dialogue.gave_up", state.language, phone=phone)
                message = {"type": "text", "text": text}
                return AgentReply(intent.id, prediction.confidence, {}, [message], state.language, state)
            return self._prompt(council, state, intent, missing, prediction.confidence)
        state.pending = None
        matched = Matched(intent, pending.parameters, pending.originals, text, prediction.confidence)
        return self._fulfil(council, state, matched)

    def _prompt(
        self, council: Council, state: ConversationState, intent: Intent, parameter: str, confidence: float
    ) -> AgentReply:
        resolved = resolved_intent(self.library, council, intent.id, state.language)
        prompts = resolved.prompts.get(parameter)
        text = prompts.value[0] if prompts and prompts.value else parameter
        assert state.pending is not None
        return AgentReply(
            intent.id,
            confidence,
            dict(state.pending.parameters),
            [{"type": "text", "text": text}],
            state.language,
            state,
        )

    # Fulfilment -----------------------------------------------------------------------------------

    def _fulfil(
        self, council: Council, state: ConversationState, matched: Matched, followups: int = 0
    ) -> AgentReply:
        call = self.webhook_call(council, state, matched)
        answered = self.engine.answer(council, call, Deadline.after(self.deadline_seconds))
        reply = answered.reply
        self._age_contexts(state)
        self._apply_contexts(state, reply.output_contexts)
        payload_language = (reply.payload or {}).get("language")
        if payload_language in council.languages:
            state.language = payload_language
        messages = reply_messages(reply)
        event = reply.followup_event
        target = self._intent_for_event(council, event.name, state.language) if event else None
        if target is not None and followups < MAX_FOLLOWUPS:
            parameters = dict(event.parameters) if event else {}
            followed = self._fulfil(
                council,
                state,
                Matched(target, parameters, {}, matched.text, matched.confidence),
                followups + 1,
            )
            return replace(followed, confidence=matched.confidence, messages=messages + followed.messages)
        return AgentReply(
            matched.intent.id, matched.confidence, dict(matched.values), messages, state.language, state
        )

    def webhook_call(self, council: Council, state: ConversationState, matched: Matched) -> WebhookCall:
        """The call the engine gets for this turn: what the webhook parses from `webhook_request`."""
        intent = matched.intent
        parameters: dict[str, Any] = {}
        originals: dict[str, Any] = {}
        for parameter in intent.parameters:  # Dialogflow sends every declared parameter, "" when unfilled
            parameters[parameter.name] = matched.values.get(parameter.name, [] if parameter.is_list else "")
            originals[parameter.name] = matched.originals.get(parameter.name, "")
        return WebhookCall(
            session=parse_session(_session_path(council, state)),
            intent_name=intent.id,
            language_code=state.language,
            query_text=matched.text,
            parameters=parameters,
            original_parameters=originals,
            contexts={
                name: Context(name, context.lifespan, context.parameters)
                for name, context in state.contexts.items()
                if not name.startswith("__")
            },
            source=OFFLINE_SOURCE,
            all_required_params_present=True,
            confidence=matched.confidence,
        )

    def webhook_request(self, council: Council, state: ConversationState, matched: Matched) -> dict[str, Any]:
        """The WebhookRequest Dialogflow would send for this turn (proto3 JSON, camelCase): the JSON of
        `webhook_call`, which is what the webhook parses from it (a contract test holds the two)."""
        call = self.webhook_call(council, state, matched)
        session = call.session
        parameters: dict[str, Any] = {}
        for name, value in call.parameters.items():
            parameters[name] = value
            parameters[f"{name}.original"] = call.original_parameters.get(name, "")
        intent_uuid = uuid.uuid5(uuid.NAMESPACE_URL, call.intent_name)
        return {
            "responseId": str(uuid.uuid4()),
            "session": session.path,
            "queryResult": {
                "queryText": call.query_text,
                "parameters": parameters,
                "allRequiredParamsPresent": call.all_required_params_present,
                "outputContexts": [
                    {
                        "name": session.context_name(name),
                        "lifespanCount": context.lifespan,
                        **({"parameters": dict(context.parameters)} if context.parameters else {}),
                    }
                    for name, context in call.contexts.items()
                ],
                "intent": {
                    "name": f"projects/{session.project_id}/agent/intents/{intent_uuid}",
                    "displayName": call.intent_name,
                },
                "intentDetectionConfidence": call.confidence,
                "languageCode": call.language_code,
            },
            "originalDetectIntentRequest": {"source": call.source, "payload": {}},
        }

    # Contexts and events --------------------------------------------------------------------------

    def _candidates(self, council: Council, state: ConversationState) -> list[str]:
        """Intents that may match now: those whose input contexts are all active."""
        return [
            intent.id
            for intent in self.library.intents.values()
            if council.offers(intent.id)
            and state.language in intent.languages
            and all(name in state.contexts for name in intent.input_contexts)
        ]

    @staticmethod
    def _age_contexts(state: ConversationState) -> None:
        """A turn has passed: every context has one turn fewer to live."""
        for name in list(state.contexts):
            state.contexts[name].lifespan -= 1
            if state.contexts[name].lifespan <= 0:
                del state.contexts[name]

    @staticmethod
    def _apply_contexts(state: ConversationState, output: tuple[OutputContext, ...]) -> None:
        for context in output:
            if context.lifespan <= 0:
                state.contexts.pop(context.name, None)
            else:
                state.contexts[context.name] = ActiveContext(context.lifespan, dict(context.parameters))

    def _intent_for_event(self, council: Council, event: str, language: str) -> Intent | None:
        for intent in self.library.intents.values():
            if event in intent.events and council.offers(intent.id) and language in intent.languages:
                return intent
        return None


def _session_path(council: Council, state: ConversationState) -> str:
    project = (council.dialogflow or {}).get("project_id") or f"offline-{council.slug}"
    return f"projects/{project}/agent/sessions/{state.session}"


def _missing_required(intent: Intent, values: Mapping[str, Any]) -> str | None:
    for parameter in intent.parameters:
        if parameter.required and values.get(parameter.name) in (None, "", []):
            return parameter.name
    return None


def _is_cancel(text: str, language: str) -> bool:
    words = " ".join(text.lower().strip(" .!?").split())
    return words in CANCEL_WORDS.get(language, set()) | CANCEL_WORDS["en"]
