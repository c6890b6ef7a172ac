"""The offline agent's dialogue: what Dialogflow ES does between understanding a message and answering.

Contexts with lifespans, slot filling with the library's prompts, "cancel" to leave a prompt, events
(welcome) and follow-up events, and fulfilment through the same engine as the webhook: the agent hands
it the WebhookCall Dialogflow would send and applies the typed reply as Dialogflow applies a
WebhookResponse (a contract test holds the two in step).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import Any, Protocol

from webhook.agent.handoff_offer import after_turn
from webhook.agent.language_id import language_of
from webhook.agent.messages import reply_messages
from webhook.agent.nlu import Prediction
from webhook.agent.session import ActiveContext, ConversationState, PendingIntent
from webhook.backends.registry import Backends
from webhook.deadline import Deadline
from webhook.fulfilment.corrections import DIFFERENT_ADDRESS
from webhook.fulfilment.engine import Engine
from webhook.fulfilment.handlers import handler_registry
from webhook.fulfilment.parse import parse_session
from webhook.fulfilment.places_named import place_in_text, postcode_in_text
from webhook.fulfilment.questions import (
    AWAITING,
    CANCEL_INTENT,
    NEVER_MIND_INTENT,
    leaves,
    names_an_option,
    open_question,
)
from webhook.fulfilment.turn import Context, OutputContext, WebhookCall
from webhook.library.messages import message_text
from webhook.library.model import Council, Intent, Library, localise
from webhook.library.resolve import lookup, resolved_intent
from webhook.safeguarding.screen import is_crisis

FALLBACK = "system.fallback"
#: What the offline agent's calls give as `originalDetectIntentRequest.source`.
OFFLINE_SOURCE = "council-chatbot-offline"
SAFEGUARDING = "system.safeguarding"
#: How sure the classifier must be before a message during a prompt is taken as a new request.
SWITCH_CONFIDENCE = 0.6
#: Intents that never start a new request, so never take a message away from the bot's open question.
SMALL_TALK = frozenset({"system.welcome", "system.thanks_goodbye"})
#: While a question is open, "never mind" means dialogue.cancel when the classifier puts it first at
#: least this likely (its forms are many, so its share is often spread).
NEVER_MIND_CONFIDENCE = 0.3
#: How likely another service must be for a question naming a place to leave "Where is it?".
OTHER_QUESTION_CONFIDENCE = 0.3
#: How likely the runner-up must be to answer instead, when the classifier's safeguarding guess is
#: set aside by the crisis screen.
RUNNER_UP_CONFIDENCE = 0.2
#: How much more likely than the best other intent an intent whose input contexts are active may be,
#: and still be chosen: Dialogflow ES favours them, so a typed answer to the bot's question is taken as
#: one unless the message is clearly a new request.
CONTEXT_PREFERENCE = 3.0
#: The same for the intents that answer the question the bot has just asked: the next message is most
#: likely its answer ("no thanks" to "shall we send you the reference?" is not a goodbye).
QUESTION_PREFERENCE = 20.0
#: The context of a question offering a choice; its answer intents are chosen when the message names
#: one of the options offered.
CHOICE_CONTEXT = "awaiting_choice"
#: The context an answer intent needs to take a place typed at "Where is it?".
LOCATION_CONTEXT = "awaiting_location"
#: Context-scoped intents scoring within this share of the best are told apart by their contexts' age.
SAME_SCORE = 0.3
#: The least probability a context-scoped intent needs to be chosen at all.
MIN_CONTEXT_SCORE = 0.02
#: Times a parameter's question is asked again, when the answer does not fill it, before the agent gives
#: the service's phone and page instead.
MAX_PROMPTS = 2
#: Follow-up events one message may trigger in a row (a guard against loops).
MAX_FOLLOWUPS = 2


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
    #: The fulfilment handler's outcome (answered, failed, ...), when the engine answered the turn.
    outcome: str | None = None


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
        """Answer one message, in the language the resident wrote it in."""
        text = text.strip()
        if not self._notice_language(council, state, text):
            return self._handoff_aware(council, text, self._respond(council, state, text))
        reply = self._respond(council, state, text)
        note = message_text(self.library, council, "dialogue.language_noticed", reply.language)
        return self._handoff_aware(
            council, text, replace(reply, messages=[{"type": "text", "text": note}, *reply.messages])
        )

    def _handoff_aware(self, council: Council, text: str, reply: AgentReply) -> AgentReply:
        """The reply with a person offered after two misunderstandings in a row, its state keeping the
        transcript a hand-off may share (webhook/agent/handoff_offer.py)."""
        intent = self.library.intents.get(reply.intent)
        if intent is None:
            return reply
        messages = after_turn(self.library, council, reply.state, intent, text, reply.messages)
        return replace(reply, messages=messages)

    def _notice_language(self, council: Council, state: ConversationState, text: str) -> bool:
        """Switch the conversation to the other language the council speaks when the message is clearly
        written in it ("pryd mae diwrnod bin" in an English chat). Not while the bot waits for an answer:
        a Welsh street name is an address, not a choice of language."""
        if len(council.languages) < 2 or state.pending or AWAITING in state.contexts:
            return False
        guess = language_of(self.library).guess(text)
        if guess is None or guess.language == state.language or guess.language not in council.languages:
            return False
        state.language = guess.language
        return True

    def _respond(self, council: Council, state: ConversationState, text: str) -> AgentReply:
        language = state.language
        candidates = self._candidates(council, state)
        prediction = self.understanding.classify(council, language, text, candidates)
        crisis = self.library.intents.get(SAFEGUARDING)
        if crisis is not None and council.offers(SAFEGUARDING) and is_crisis(text, language, prediction):
            # Safety first, whatever the conversation was doing: the flow in progress is dropped.
            state.pending = None
            return self._fulfil(council, state, Matched(crisis, {}, {}, text, prediction.confidence))
        if prediction.intent_id == SAFEGUARDING:  # the classifier's guess, which the screen doubts
            prediction = _without_safeguarding(prediction)
        if state.pending and (leaves(text, language) or _reads_never_mind(prediction)):
            pending = state.pending
            state.pending = None
            self._age_contexts(state)
            message = {
                "type": "text",
                "text": message_text(self.library, council, "dialogue.cancelled", language),
            }
            return AgentReply(pending.intent_id, 1.0, {}, [message], language, state)
        if state.pending:
            reply = self._continue_prompt(council, state, text, prediction)
            if reply is not None:
                return reply
        chosen = self._choose(state, prediction, text, candidates)
        intent = self.library.intents.get(chosen) or self.library.intents.get(FALLBACK)
        if intent is None:
            return AgentReply(FALLBACK, prediction.confidence, {}, [], language, state)
        found = self.understanding.extract(council, language, intent, text) if intent.parameters else {}
        values = {name: value for name, (value, _) in found.items()}
        originals = {name: original for name, (_, original) in found.items()}
        _fill_defaults(intent, state, values, originals)
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
        # A new request leaves the question when the classifier is sure of it, or when the message
        # starts by changing the subject ("actually when is the tip open", "a dweud y gwir, ...").
        changing = bool(_CHANGING_SUBJECT.match(text)) and prediction.intent_id not in SMALL_TALK
        wants_something_else = prediction.intent_id not in (pending.intent_id, FALLBACK) and (
            prediction.intent_id == SAFEGUARDING or prediction.confidence >= SWITCH_CONFIDENCE or changing
        )
        if prediction.intent_id == SAFEGUARDING or (wants_something_else and not answers_prompt):
            state.pending = None
            return None
        for name, (value, original) in found.items():
            pending.parameters[name] = value
            pending.originals[name] = original
        _fill_defaults(intent, state, pending.parameters, pending.originals)
        missing = _missing_required(intent, pending.parameters)
        if missing:
            pending.attempts = pending.attempts + 1 if missing == pending.asking else 0
            pending.asking = missing
            if pending.attempts >= MAX_PROMPTS:
                state.pending = None
                self._age_contexts(state)
                messages = self._gave_up(council, intent, state.language)
                return AgentReply(intent.id, prediction.confidence, {}, messages, state.language, state)
            return self._prompt(council, state, intent, missing, prediction.confidence)
        state.pending = None
        matched = Matched(intent, pending.parameters, pending.originals, text, prediction.confidence)
        return self._fulfil(council, state, matched)

    def _gave_up(self, council: Council, intent: Intent, language: str) -> list[dict[str, Any]]:
        """After asking too often: the service's own phone number and page, so nobody goes round in
        circles."""
        resolved = resolved_intent(self.library, council, intent.id, language)
        found = lookup(
            "service.phone", council=council, provider=resolved.provider, intent=intent, language=language
        )
        phone = found.value if found else localise(council.contact.get("phone"), language) or ""
        text = message_text(self.library, council, "dialogue.gave_up", language, phone=phone)
        links = [{"type": "link", "text": link.text, "url": link.url} for link in resolved.responses.links]
        return [{"type": "text", "text": text}, *links]

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
        # Dialogflow sets the matched intent's own output contexts, then the webhook's.
        declared = tuple(OutputContext(c.name, c.lifespan) for c in matched.intent.output_contexts)
        self._apply_contexts(state, declared + reply.output_contexts)
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
            matched.intent.id,
            matched.confidence,
            dict(matched.values),
            messages,
            state.language,
            state,
            str(answered.outcome),
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
            contexts=state_contexts(state),
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

    def _choose(
        self, state: ConversationState, prediction: Prediction, text: str, candidates: Collection[str]
    ) -> str:
        """The intent a message matches. Dialogflow ES's rules: intents whose input contexts are active
        are preferred, and a fallback intent scoped by active contexts catches what nothing else does.
        While the bot waits for an answer, this agent goes further than ES can (ES comes close through
        the answer intents' phrases): a message naming an offered option is the choice, and only a
        clear new request leaves the question. A safeguarding match is never overridden. `candidates`
        are the intents that may match now (their input contexts active)."""
        if prediction.intent_id == SAFEGUARDING:
            return SAFEGUARDING
        scoped = {intent_id for intent_id in candidates if self.library.intents[intent_id].input_contexts}
        if CANCEL_INTENT in scoped and leaves(text, state.language):
            return CANCEL_INTENT  # "forget it, ill phone instead", "ok scrap it, ..."
        if CANCEL_INTENT in scoped and self._never_mind_while_asked(state, prediction):
            return CANCEL_INTENT
        if names_an_option(state_contexts(state), text):
            choosing = sorted(i for i in scoped if CHOICE_CONTEXT in self.library.intents[i].input_contexts)
            if choosing:
                return choosing[0]
        if self._names_the_place_asked(state, text, prediction):
            answering = sorted(
                i for i in scoped if LOCATION_CONTEXT in self.library.intents[i].input_contexts
            )
            if answering:
                return answering[0]
        top = 0.0 if prediction.intent_id == FALLBACK else prediction.confidence
        # A preferred intent must at least look more like the message than nothing does (the fallback
        # class): a street name typed at "How big is it?" is no "cancel".
        nothing = dict(prediction.ranking).get(FALLBACK, 0.0)
        ranked = [
            (i, p)
            for i, p in prediction.ranking
            if i in scoped and p >= max(MIN_CONTEXT_SCORE, nothing if self._answers_question(i) else 0.0)
        ]
        preference = self._preference(ranked[0][0], text) if ranked else 0.0
        if ranked and (prediction.intent_id in scoped or ranked[0][1] * preference >= top):
            # Intents in two live contexts may both fit ("what time does it close" after the polling
            # station and then the tip): the one whose context was set most recently is meant.
            close = [(i, p) for i, p in ranked if p >= ranked[0][1] * SAME_SCORE]
            return max(close, key=lambda pair: (self._freshness(state, pair[0]), pair[1]))[0]
        # While the bot waits for an answer, only a clear new request leaves the question; anything
        # else is the answer (the context-scoped fallback hands it to the intent that asked).
        small_talk = prediction.intent_id in SMALL_TALK  # "nah ur alright", "no thanks": not a new request
        unsure = (top < SWITCH_CONFIDENCE or small_talk) and not _CHANGING_SUBJECT.match(text)
        if prediction.intent_id == FALLBACK or unsure:
            for intent_id in sorted(scoped):
                if self.library.intents[intent_id].fallback:
                    return intent_id
        # A postcode nothing else understood, after a lookup that used one ("AA1 2BD", "can you do my
        # mum's as well, AA2 7QS"): the same lookup for that postcode (the engine redoes it).
        if prediction.intent_id == FALLBACK and DIFFERENT_ADDRESS in scoped and postcode_in_text(text):
            return DIFFERENT_ADDRESS
        return prediction.intent_id

    @staticmethod
    def _never_mind_while_asked(state: ConversationState, prediction: Prediction) -> bool:
        """Whether the classifier clearly reads "never mind" (dialogue.never_mind, learned in far more
        forms than the leaving lists hold) while the bot asks something: then it leaves the flow, as
        the library's own note on that intent says. (At the contact question, where "no worries, don't
        bother" declines the reference, the engine sends the report instead: `continuation`.)"""
        return _reads_never_mind(prediction) and open_question(state_contexts(state)) is not None

    @staticmethod
    def _names_the_place_asked(state: ConversationState, text: str, prediction: Prediction) -> bool:
        """Whether the message names a place (a street or a postcode) while the bot asks where: that is
        the answer, whatever else a street's name sounds like to the classifier ("y gylchfan ar ffordd y
        chwarel" is no other street problem), unless the message starts by changing the subject or asks
        another service a question ("whens my bin day? AA1 3CE")."""
        question = open_question(state_contexts(state))
        if question is None or question.kind != "location" or _CHANGING_SUBJECT.match(text):
            return False
        if _asks_something_else(text, prediction):
            return False
        return place_in_text(text) is not None or postcode_in_text(text) is not None

    def _candidates(self, council: Council, state: ConversationState) -> list[str]:
        """Intents that may match now: those whose input contexts are all active."""
        return [
            intent.id
            for intent in self.library.intents.values()
            if council.offers(intent.id)
            and state.language in intent.languages
            and all(name in state.contexts for name in intent.input_contexts)
        ]

    def _answers_question(self, intent_id: str) -> bool:
        """Whether an intent answers the bot's own question (its input contexts are `awaiting*`)."""
        return any(name.startswith(AWAITING) for name in self.library.intents[intent_id].input_contexts)

    def _preference(self, intent_id: str, text: str) -> float:
        """How strongly an intent whose input contexts are active is preferred: most for an answer to
        the question the bot has just asked, unless the message starts by changing the subject
        ("actually, where do I vote?")."""
        if self._answers_question(intent_id) and not _CHANGING_SUBJECT.match(text):
            return QUESTION_PREFERENCE
        return CONTEXT_PREFERENCE

    def _freshness(self, state: ConversationState, intent_id: str) -> int:
        """How recently an intent's input contexts were set: the fewest turns any of them has left."""
        names = self.library.intents[intent_id].input_contexts
        return min((state.contexts[name].lifespan for name in names if name in state.contexts), default=0)

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


def state_contexts(state: ConversationState) -> dict[str, Context]:
    """The state's active contexts as the webhook sees them (Dialogflow's own `__` contexts left out)."""
    return {
        name: Context(name, c.lifespan, c.parameters)
        for name, c in state.contexts.items()
        if not name.startswith("__")
    }


def _session_path(council: Council, state: ConversationState) -> str:
    project = (council.dialogflow or {}).get("project_id") or f"offline-{council.slug}"
    return f"projects/{project}/agent/sessions/{state.session}"


def _fill_defaults(
    intent: Intent, state: ConversationState, values: dict[str, Any], originals: dict[str, Any]
) -> None:
    """Parameters the resident did not give, from the active contexts their `#context.param` defaults
    name: a postcode given once is reused by the next lookup."""
    for parameter in intent.parameters:
        source = parameter.default_source
        if source is None or values.get(parameter.name) not in (None, "", []):
            continue
        context = state.contexts.get(source[0])
        value = context.parameters.get(source[1]) if context else None
        if value not in (None, "", []):
            values[parameter.name] = value
            originals.setdefault(parameter.name, "")


def _missing_required(intent: Intent, values: Mapping[str, Any]) -> str | None:
    for parameter in intent.parameters:
        if parameter.required and values.get(parameter.name) in (None, "", []):
            return parameter.name
    return None


#: How residents start a message that leaves the bot's question for something else (English, Welsh).
_CHANGING_SUBJECT = re.compile(
    r"\s*(?:(?:sorry|sori|oh|ok|and|a),?\s+)?"
    r"(?:actually|no,? i meant|i meant|sorry,? i meant|instead|wait|hang on|hold on|forget that|"
    r"(?:another|a different|one more|other) question|can i ask (?:something|you something) else|"
    r"a dweud y gwir|na,? o'?n i'?n (?:feddwl|meddwl)|yn lle|arhoswch|aros funud|"
    r"cwestiwn (?:arall|gwahanol))\b",
    re.IGNORECASE,
)


#: A question word ("whens my bin day", "what time does it open", "pryd ma'r bins"): no answer to
#: "Where is it?" is put as a question.
_QUESTION_WORD = re.compile(r"\b(?:when|whens|when's|what|whats|what's|how|pryd|beth|sut)\b", re.IGNORECASE)


def _asks_something_else(text: str, prediction: Prediction) -> bool:
    """Whether a message that names a place asks a question of another service instead of saying where
    the problem is ("whens my bin day? AA1 3CE" at "Where is it?"): it is put as a question (a
    question mark, or a question word), and the classifier's likeliest intent that is not an answer to
    the bot is clearly likely."""
    if "?" not in text and not _QUESTION_WORD.search(text):
        return False
    other = next((p for i, p in prediction.ranking if not i.startswith("dialogue.") and i != FALLBACK), 0.0)
    return other >= OTHER_QUESTION_CONFIDENCE


def _reads_never_mind(prediction: Prediction) -> bool:
    """Whether the classifier puts "never mind" first, clearly enough to leave what the bot is asking."""
    return prediction.intent_id == NEVER_MIND_INTENT and prediction.confidence >= NEVER_MIND_CONFIDENCE


def _without_safeguarding(prediction: Prediction) -> Prediction:
    """The prediction with `system.safeguarding` set aside: the next intent if it is likely enough,
    else fallback ("can i just phone someone about it" is a request for a person, not a disclosure)."""
    others = tuple((intent, score) for intent, score in prediction.ranking if intent != SAFEGUARDING)
    if others and others[0][0] != FALLBACK and others[0][1] >= RUNNER_UP_CONFIDENCE:
        return Prediction(others[0][0], others[0][1], others)
    fallback = dict(others).get(FALLBACK, 0.0)
    return Prediction(FALLBACK, fallback, others, below_threshold=True)
