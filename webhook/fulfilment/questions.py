"""Questions the bot asks, and the resident's typed answers to them, in Dialogflow ES's own terms.

When a handler asks something (which address? where is the pothole? an e-mail for the reference?) its
reply sets two short-lived contexts: `awaiting`, which says which intent asked, what kind of answer it
wants and the parameters it had, and `awaiting_<kind>`, which lets the library's answer intents for that
kind match (intents/dialogue/). Those intents catch the resident's own words ("outside number 12 on the
high street", "the second one", "its high st") rather than another intent taking them afresh; a
context-scoped fallback intent catches whatever else is typed while a question is open.

The answer intents all name the handler `dialogue.answer`. The engine does not run a handler for them:
`continuation` turns the call into the asking intent's own call, with the resident's words as the
answer, so the handler that asked carries on where it stopped (its question, its state, its council
facts). Both engines (a council's Dialogflow agent and the offline agent) reach the same code.

Lifespan 1: the question is open for the next message only. A resident who changes the subject leaves
it behind without anything having to end it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from webhook.fulfilment.choosing import matching_options
from webhook.fulfilment.turn import Context, OutputContext, Turn, WebhookCall
from webhook.library.model import Council, Library

AWAITING = "awaiting"
#: The handler named by the library's answer intents (see `continuation`).
ANSWER_HANDLER = "dialogue.answer"
#: The kinds of answer a question may want; each has an `awaiting_<kind>` context and an answer intent.
KINDS = ("choice", "location", "contact", "postcode", "text")
#: The entity type whose session entries are a choice's options (intents/entities/choice.yaml).
CHOICE_ENTITY = "choice"
#: Contexts that remember the resident rather than a flow: leaving a flow keeps them.
MEMORY_CONTEXTS = frozenset({"resident", "language"})
#: Times the same question is asked again before the bot gives the service's page and phone instead.
MAX_ASKS = 2
#: The intent that leaves whatever flow is in progress.
CANCEL_INTENT = "dialogue.cancel"
#: "Never mind": with nothing in progress, the library's answer; while a question is open, it leaves the
#: flow, except at the contact question, where it declines the reference (see `continuation`).
NEVER_MIND_INTENT = "dialogue.never_mind"
#: What a resident types to leave a question, alone or at the start of their message before a comma
#: ("forget it, ill phone instead"): what the agent understands, not what it says, so these stay beside
#: the code that matches them. ("start again" is dialogue.start_again, which also forgets the postcode.)
LEAVING_WORDS = {
    "en": (
        "cancel",
        "stop",
        "never mind",
        "nevermind",
        "forget it",
        "forget that",
        "forget about it",
        "quit",
        "leave it",
    ),
    "cy": (
        "canslo",
        "stopio",
        "stop",
        "stopia",
        "dim ots",
        "anghofia fe",
        "anghofia fo",
        "anghofiwch o",
        "anghofiwch e",
        "anghofio",
        "anghofia am y peth",
        "anghofiwch am y peth",
        "anghofia hynny",
        "anghofiwch hynny",
        "gad hi",
        "gad o",
        "gadewch hi",
        "gadewch o",
    ),
}

#: Leaving phrases that no answer starts with, so they leave before the resident's own reason with no
#: comma too ("never mind ill ring them"). Not "stop" or "cancel", which may start an answer ("stop sign
#: knocked down", "cancelled collection"), nor "dim ots", which may answer a choice ("dim ots gen i").
LEAVING_OPENERS = {
    "en": ("never mind", "nevermind", "forget it", "forget that", "forget about it", "leave it"),
    "cy": (
        "anghofia fe",
        "anghofia fo",
        "anghofiwch o",
        "anghofiwch e",
        "gad hi",
        "gad o",
        "gadewch hi",
        "gadewch o",
    ),
}

#: How a reason for leaving starts, after a leaving phrase with no comma: the resident speaking of
#: themselves or thanking ("ill ring them", "i will do it online", "thanks", "mi ffonia i", "dwi am ...").
_REASON = re.compile(
    r"(?:i|ill|i'll|im|i'm|ive|i've|id|i'd|we|well|we'll|ok|okay|thanks|thank|cheers|ta|"
    r"mi|fi|dwi|dw|nai|na|wna|diolch|awn|af|ffonia|ffonio)\b"
)


#: Stopping the report itself, anywhere in the message ("ok scrap it, ..."): a stopping verb with the
#: report as its object, never a bare noun ("scrap metal" is what was dumped) and never the reference
#: ("don't send it to me" declines the reference, and the report still goes).
_NOT_TO_ME = r"(?!\s+(?:to me|to my|by|via|ata i|i mi|i fi|ar)\b)"
#: "leave it by the gate", "gad o tu allan" say where, not stop.
_NOT_A_PLACE = r"(?!\s+(?:outside|next|beside|by|at|on|in|out|there|here|with|tu|wrth|ger|yn|ar|efo|gyda)\b)"
STOPPING_THE_REPORT = {
    "en": re.compile(
        r"\b(?:cancel|scrap|abort|withdraw|delete|stop|drop|forget|leave)\s+(?:about it|it|that|this|"
        rf"the report|my report|the whole thing|the lot|everything){_NOT_TO_ME}{_NOT_A_PLACE}\b|"
        r"\b(?:don'?t|do not)\s+"
        rf"(?:send|submit)\s+(?:it|that|this|the report|my report){_NOT_TO_ME}\b"
    ),
    "cy": re.compile(
        r"\b(?:canslo|canslwch|sgrapio|sgrapia|dileu|dilea|stopio|stopia|stopiwch|anghofia|anghofiwch|gad|"
        r"gadewch)\s*(?:o|e|fe|fo|hi|hwn|hynny|'r adroddiad|yr adroddiad|'r cwbl|y cwbl|'r cyfan|y cyfan|"
        rf"am y peth|popeth){_NOT_TO_ME}{_NOT_A_PLACE}\b|"
        r"\b(?:paid|peidiwch)\s+(?:(?:a|â|ag)\s*)?'?i\s+anfon\b(?!\s+(?:ata i|i mi|i fi)\b)|"
        r"\b(?:paid|peidiwch)\s+(?:(?:a|â|ag)\s+)?anfon\s+(?:o|e|fe|fo|hi|hwn|yr adroddiad)"
        rf"{_NOT_TO_ME}\b"
    ),
}


def stops_the_report(text: str, language: str) -> bool:
    """Whether the message stops the report or flow in progress in so many words ("scrap it, they'll know
    it was me", "paid a'i anfon"), in the resident's language or English."""
    folded = " ".join(text.casefold().replace("\u2019", "'").split())
    return any(
        pattern.search(folded)
        for pattern in (STOPPING_THE_REPORT.get(language), STOPPING_THE_REPORT["en"])
        if pattern is not None
    )


#: Sounds and words a resident may put before leaving ("oh never mind", "ah, forget it", "wel, anghofia
#: fo"), taken off the front before the leaving phrases are looked for.
_INTERJECTION = re.compile(
    r"^(?:(?:oh|ah|ach|ugh|um|erm|hmm|ok|okay|well|actually|o|wel|reit|iawn)\b[,.]?\s*)+"
)


@dataclass(frozen=True)
class Question:
    """The open question: the intent that asked, the kind of answer, and how often it has been asked."""

    intent: str
    kind: str
    parameters: Mapping[str, Any]
    asked: int = 1
    #: For a choice, the options offered, as their labels read (typed words are matched to them).
    options: tuple[str, ...] = ()
    #: For a choice, words residents type for each option besides its label, in the options' order.
    synonyms: tuple[tuple[str, ...], ...] = ()

    def contexts(self) -> tuple[OutputContext, ...]:
        """The contexts a reply sets to ask this question."""
        values = {"intent": self.intent, "kind": self.kind, "parameters": dict(self.parameters)}
        if self.options:
            values["options"] = list(self.options)
        if any(self.synonyms):
            values["synonyms"] = [list(words) for words in self.synonyms]
        return (
            OutputContext(AWAITING, 1, {**values, "asked": self.asked}),
            OutputContext(f"awaiting_{self.kind}", 1),
        )


def ask(
    turn: Turn, kind: str, options: Sequence[str] = (), synonyms: Sequence[Sequence[str]] = ()
) -> Question:
    """The question this turn's handler is about to ask (for a choice, with the options' labels and any
    other words residents type for them): asked once more if the same was open."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of answer {kind!r}: one of {', '.join(KINDS)}")
    open_ = open_question(turn.contexts)
    same = open_ is not None and open_.intent == turn.intent_name and open_.kind == kind
    asked = open_.asked + 1 if same and open_ is not None else 1
    filled = {name: value for name, value in turn.parameters.items() if value not in ("", [], None)}
    return Question(
        turn.intent_name, kind, filled, asked, tuple(options), tuple(tuple(words) for words in synonyms)
    )


def open_question(contexts: Mapping[str, Context]) -> Question | None:
    """The question the last reply asked, if it is still open (and well formed)."""
    context = contexts.get(AWAITING)
    if context is None:
        return None
    values = context.parameters
    intent, kind = values.get("intent"), values.get("kind")
    parameters = values.get("parameters") or {}
    if not isinstance(intent, str) or kind not in KINDS or not isinstance(parameters, Mapping):
        return None
    try:
        asked = max(1, int(values.get("asked", 1)))
    except (TypeError, ValueError):
        asked = 1
    return Question(intent, str(kind), dict(parameters), asked, *_choices(values))


def _choices(values: Mapping[str, Any]) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """The options a question context holds, and the words given for each, in the options' order
    (anything else, as a tampered state may hold, as none)."""
    labels = _strings(values.get("options"))
    synonyms = values.get("synonyms")
    words = [_strings(item) for item in synonyms] if isinstance(synonyms, (list, tuple)) else []
    return labels, tuple(words[index] if index < len(words) else () for index in range(len(labels)))


def _strings(value: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, (list, tuple)) else ()


def offered_options(contexts: Sequence[OutputContext]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The options of the question a reply asks, if it asks for a choice, each with the other words
    residents type for it."""
    for context in contexts:
        if context.name == AWAITING and context.lifespan > 0:
            return tuple(zip(*_choices(context.parameters), strict=True))
    return ()


def names_an_option(contexts: Mapping[str, Context], text: str) -> bool:
    """Whether the message names one of the options the open question offered ("its high st" for
    "High Street, AA1 2AB"), so the offline agent takes it as the choice. (Dialogflow learns the
    options from the @choice session entity type the webhook sets with the question, render.py.)"""
    question = open_question(contexts)
    return bool(question and question.options and matching_options(text, question.options, question.synonyms))


def leaves(text: str, language: str) -> bool:
    """Whether the message leaves the question: a leaving phrase alone ("never mind") or before a
    comma or full stop ("forget it, ill phone"), in the resident's language or English; or one that
    cannot start an answer, then the resident's own reason with no comma ("never mind ill ring them",
    but not "never mind the hole, the light is out too"); or stopping the report in so many words
    anywhere in it (`stops_the_report`: "ok scrap it, they'd know it was me")."""
    folded = _INTERJECTION.sub("", " ".join(text.casefold().split()).strip(" !?"))
    phrases = (*LEAVING_WORDS.get(language, ()), *LEAVING_WORDS["en"])
    if any(folded == phrase or folded.startswith((f"{phrase},", f"{phrase}.")) for phrase in phrases):
        return True
    openers = (*LEAVING_OPENERS.get(language, ()), *LEAVING_OPENERS["en"])
    if any(
        folded.startswith(f"{phrase} ") and _REASON.match(folded[len(phrase) + 1 :]) for phrase in openers
    ):
        return True
    return stops_the_report(text, language)


def continuation(library: Library, council: Council, call: WebhookCall) -> WebhookCall:
    """For an answer intent, the call of the intent whose question it answers, carrying the parameters
    that intent had and any this message adds; other calls unchanged. With no open question (it
    expired, or another council's) the call stays the answer intent's, whose handler says so.

    "Never mind" or "cancel" as the classifier reads them (dialogue.never_mind, dialogue.cancel) end
    the flow, except at the contact question, where "no need thanks" declines the reference and the
    report still goes: there only leaving in so many words ends it (`leaves`). Both engines reach
    this: the offline agent, and Dialogflow, which may match either intent at any step."""
    intent = library.intents.get(call.intent_name)
    leaving = call.intent_name in (NEVER_MIND_INTENT, CANCEL_INTENT)
    if intent is None or (intent.handler != ANSWER_HANDLER and not leaving):
        return call
    question = open_question(call.contexts)
    if question is None or question.intent not in library.intents or not council.offers(question.intent):
        return call
    said_so = leaves(call.query_text, call.language_code[:2])
    if CANCEL_INTENT in library.intents and (said_so or (leaving and question.kind != "contact")):
        return replace(call, intent_name=CANCEL_INTENT)  # "forget it, ill phone instead"
    added = {name: value for name, value in call.parameters.items() if value not in ("", [], None)}
    originals = {name: call.original_parameters.get(name, "") for name in added}
    return replace(
        call,
        intent_name=question.intent,
        parameters={**question.parameters, **added},
        original_parameters={**{name: "" for name in question.parameters}, **originals},
        answering=question.kind,
    )


def leave_flow(contexts: Mapping[str, Context]) -> tuple[OutputContext, ...]:
    """Contexts that end every flow in progress (questions, reports, offers), keeping the resident's
    postcode and language."""
    return tuple(OutputContext(name, 0) for name in contexts if name not in MEMORY_CONTEXTS)
