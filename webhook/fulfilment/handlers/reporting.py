"""Taking a report from a resident across turns, for Open311, and confirming it by GOV.UK Notify.

A report needs a location (a postcode, or a description of the place), the details (the resident's
own words), the answers the council's service definition requires, and, if the resident wants a
confirmation, an e-mail address or mobile number. What is still missing is asked for one question a
turn; what has been collected travels in the `report` output context, and each question opens an
`awaiting` one (questions.py), so the resident's typed answer, in their own words, comes back to this
handler as the same intent. An answer starting with the report's keyword ("Pothole: ...", as older
quick replies read) is taken without it.

Councils without Open311 get their report form instead. Notify's `reference` carries only the
council's reference for the report, never anything the resident typed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from webhook.backends.base import BackendError
from webhook.backends.notify import NotifySender, check_reference
from webhook.backends.open311 import (
    MAX_DESCRIPTION,
    Attribute,
    AttributeValue,
    FormLinkReporter,
    Open311Client,
    ServiceDefinition,
    ServiceRequest,
    UnknownService,
    missing_attributes,
)
from webhook.backends.postcodes import PostcodeArea
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.choosing import options_named_outright
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    AreaCheck,
    check_area,
    elsewhere_reply,
    fold,
    pick,
    with_context,
)
from webhook.fulfilment.places_named import place_in_text, postcode_in_text
from webhook.fulfilment.questions import ask
from webhook.fulfilment.turn import OutputContext, Reply, Turn
from webhook.library.model import Link, localise
from webhook.logs import redact

log = logging.getLogger(__name__)

CONTEXT = "report"
#: Turns a half-made report is kept for: long enough to answer a question or two, no longer.
LIFESPAN = 3
#: Questions asked again before the handler gives up and sends the resident to the form.
MAX_TRIES = 2

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_MOBILE = re.compile(r"(?<![\d+])(?:\+44\s?7|07)(?:[\s-]?\d){9}(?!\d)")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NO_THANKS = re.compile(
    r"\b(no|nah|naa|nope|none|skip|without|send it|dont|not|dim|heb|na|naddo|anfon)\b", re.IGNORECASE
)


@dataclass
class ReportState:
    """A report being collected: what the resident has told us so far, and what we last asked."""

    intent: str
    keyword: str
    details: str = ""
    location: str | None = None
    postcode: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    email: str | None = None
    phone: str | None = None
    contact_done: bool = False
    contact_unreadable: bool = False
    area_checked: bool = False
    asking: str | None = None  # "location", "contact" or "attribute:<code>"
    tries: int = 0
    #: What to say before the first question instead of the library's answer (this turn only).
    intro: str | None = None
    #: The first message without its place and postcode, until the service's questions are known: a
    #: choice it already names outright is not asked ("a mattress dumped on mill lane").
    first_words: str = ""

    def context(self) -> OutputContext:
        """The output context that carries the report to the next turn."""
        values = {
            key: value
            for key, value in asdict(self).items()
            if value not in (None, "", {}, False) and key != "intro"
        }
        values["tries"] = self.tries
        return OutputContext(CONTEXT, LIFESPAN, values)

    @classmethod
    def from_context(cls, parameters: Mapping[str, Any]) -> ReportState:
        """The state a previous turn saved (unknown keys are ignored, wrong types dropped)."""
        known = {name for name in cls.__dataclass_fields__}
        values = {key: value for key, value in parameters.items() if key in known}
        state = cls(intent=str(values.pop("intent")), keyword=str(values.pop("keyword", "")))
        for key, value in values.items():
            if key == "attributes" and isinstance(value, Mapping):
                state.attributes = {str(code): str(answer) for code, answer in value.items()}
            elif key == "tries":
                state.tries = int(value)
            elif key in ("contact_done", "contact_unreadable", "area_checked"):
                setattr(state, key, bool(value))
            elif key in ("latitude", "longitude"):
                setattr(state, key, float(value))
            elif value is not None:
                setattr(state, key, str(value))
        return state


def ended() -> OutputContext:
    """Ends the `report` context (the report was made, or abandoned)."""
    return OutputContext(CONTEXT, 0)


def current_state(turn: Turn, keyword: str) -> ReportState | None:
    """The report this turn continues, if the last turn left one for this intent."""
    context = turn.contexts.get(CONTEXT)
    if context is None or context.parameters.get("intent") != turn.intent_name:
        return None
    try:
        state = ReportState.from_context(context.parameters)
    except (KeyError, TypeError, ValueError):
        return None
    state.keyword = keyword
    return state


def take_report(
    turn: Turn,
    keyword: str,
    details: str,
    *,
    location: str | None = None,
    postcode: str | None = None,
    intro: str | None = None,
) -> Reply:
    """Carry a report one step on: absorb this turn's answer, check the place is ours, ask the next
    question, or send the report and confirm it. `details` describes the problem in the resident's
    words (the first turn's message); `location` and `postcode` are what the handler already knows, and
    `intro` what to say before the first question instead of the library's answer."""
    reporter = turn.backends.reports
    if reporter is None:
        return library_reply(turn)
    state = current_state(turn, keyword)
    if state is None:
        state = ReportState(intent=turn.intent_name, keyword=keyword, details=details[:MAX_DESCRIPTION])
        absorb_first(turn, state)
        state.location = location or state.location
        state.postcode = postcode or state.postcode
        state.intro = intro
    else:
        absorb_answer(turn, state)
    if state.postcode and not state.area_checked:
        check = check_area(turn, state.postcode, turn.backends.postcodes)
        if check.outside:
            return with_context(elsewhere_reply(turn, check), ended())
        _place(state, check)
    if isinstance(reporter, FormLinkReporter):
        return form_reply(turn, reporter)
    return next_step(turn, reporter, state)


def form_reply(turn: Turn, reporter: FormLinkReporter) -> Reply:
    """For a council without Open311: its form for this report, first among the links."""
    form = reporter.report(turn.intent_name, None, turn.language)
    base = library_reply(turn)
    others = tuple(link for link in base.links if link.url != form.url)
    return replace(
        base,
        texts=(*base.texts, turn.say("reporting.form")),
        links=(Link(turn.say("reporting.form_link"), form.url), *others),
    )


def absorb_first(turn: Turn, state: ReportState) -> None:
    """What the resident's first message already says: a postcode, a place, contact details."""
    state.postcode = common.postcode_of(turn, remembered=False) or postcode_in_text(turn.query_text)
    location = turn.parameter("location")
    # A place the resident named ("pothole on [Mill Lane](location)"); an agent that fills the
    # parameter with the whole message has not found one.
    if isinstance(location, str) and location.strip() and fold(location) != fold(turn.query_text):
        state.location = location.strip()
    state.location = state.location or place_in_text(turn.query_text)
    _contact_from(turn.query_text, state)
    # Redacted: it rides in the report's context, and contact details are kept once only, to send the
    # confirmation (the choice words it is kept for are never personal).
    state.first_words = redact(_without(turn.query_text, (state.location, state.postcode)))


def _without(text: str, parts: tuple[str | None, ...]) -> str:
    """The text with each of `parts` (a place, a postcode) taken out wherever it stands, any case."""
    for part in parts:
        if part:
            text = re.sub(re.escape(part), " ", text, flags=re.IGNORECASE)
    return " ".join(text.split())


def absorb_answer(turn: Turn, state: ReportState) -> None:
    """Take the answer to the question the last turn asked."""
    text = _without_keyword(turn.query_text, state.keyword)
    asked = state.asking
    if asked == "location":
        state.postcode = (
            common.postcode_of(turn, remembered=False) or postcode_in_text(text) or state.postcode
        )
        if text:
            state.location = text
    elif asked == "contact":
        # Any answer ends the question: the confirmation is optional, the report is not.
        state.contact_done = True
        state.contact_unreadable = not _contact_from(text, state) and not _NO_THANKS.search(text)
    elif asked and asked.startswith("attribute:") and text:
        state.attributes[asked.removeprefix("attribute:")] = text  # checked against its type below
    elif text and not _contact_from(text, state):
        state.details = f"{state.details}\n{text}".strip()[:MAX_DESCRIPTION]
    if state.postcode is None:  # a postcode given with any answer still places the report
        state.postcode = common.postcode_of(turn, remembered=False) or postcode_in_text(text)


def next_step(turn: Turn, client: Open311Client, state: ReportState) -> Reply:
    """Ask the next question, or send the report when nothing required is missing."""
    if not (state.location or state.postcode):
        return _ask(turn, state, "location", turn.say("reporting.where"))
    code = client.service_codes.get(state.intent)
    if code is None:  # the council takes this report some other way: its page says how
        log.warning("council %s: no Open311 service code for %s", turn.council.slug, state.intent)
        return with_context(library_reply(turn), ended())
    try:
        definition = _definition(turn, client, code)
    except BackendError:
        return with_context(failure_reply(turn), state.context())
    _answers_from_first(turn, definition, state)
    _fit_answers(turn, definition, state)
    missing = missing_attributes(definition, state.attributes)
    if missing:
        return _ask_attribute(turn, state, missing[0])
    if not state.contact_done and not (state.email or state.phone):
        no_email = turn.say("reporting.no_email")
        return _ask(turn, state, "contact", turn.say("reporting.contact"), (no_email,))
    return submit(turn, client, code, state)


def _definition(turn: Turn, client: Open311Client, code: str) -> ServiceDefinition:
    services = {service.code: service for service in client.services(turn.deadline)}
    service = services.get(code)
    if service is None:
        raise UnknownService(f"the Open311 endpoint has no service {code}")
    if not service.metadata:
        return ServiceDefinition(service_code=code, attributes=())
    return client.service_definition(code, turn.deadline)


def _answers_from_first(turn: Turn, definition: ServiceDefinition, state: ReportState) -> None:
    """The choices the first message already names outright, by the council's words for exactly one
    value ("sofa", "barking"), so they are not asked; looked at once, when the questions are known."""
    if not state.first_words:
        return
    for attribute in definition.attributes:
        if attribute.code in state.attributes or not attribute.values:
            continue
        synonyms = [_choice_words(turn, attribute, value) for value in attribute.values]
        named = options_named_outright(state.first_words, synonyms)
        if len(named) == 1:
            state.attributes[attribute.code] = attribute.values[named[0]].key
    state.first_words = ""


def _fit_answers(turn: Turn, definition: ServiceDefinition, state: ReportState) -> None:
    """Put each answer in its attribute's form; drop those that do not fit, to be asked again."""
    for attribute in definition.attributes:
        answer = state.attributes.get(attribute.code)
        if answer is None:
            continue
        fitted = _fit(turn, attribute, answer)
        if fitted is None:
            del state.attributes[attribute.code]
        else:
            state.attributes[attribute.code] = fitted


def _fit(turn: Turn, attribute: Attribute, answer: str) -> str | None:
    """The answer as the attribute's datatype wants it, or None when it does not fit."""
    if attribute.datatype == "number":
        match = _NUMBER.search(answer)
        return match.group(0) if match else None
    if attribute.datatype in ("singlevaluelist", "multivaluelist"):
        keys = {value.key for value in attribute.values}
        if answer in keys:
            return answer
        # One choice per value, in the order offered (so "the second one" is the second quick reply). The
        # resident may answer in either language: the endpoint's name is matched with the council's own.
        return pick(answer, [_choice(turn, attribute, value) for value in attribute.values], "key")
    return answer.strip() or None


def _choice(turn: Turn, attribute: Attribute, value: AttributeValue) -> dict[str, Any]:
    """One value as `pick` reads a choice: its quick reply, its label (the council's wording and the
    endpoint's name, so either language's answer names it) and the words residents type for it."""
    label = _choice_label(turn, attribute, value)
    return {
        "key": value.key,
        "label": " ".join(dict.fromkeys((label, value.name))),
        "reply": label,
        "words": _choice_words(turn, attribute, value),
    }


def _choice_label(turn: Turn, attribute: Attribute, value: AttributeValue) -> str:
    """A value's name as the council words it in the turn's language, else the endpoint's name."""
    return localise(_value_setting(turn, "choices", attribute, value), turn.language) or value.name


def _choice_words(turn: Turn, attribute: Attribute, value: AttributeValue) -> tuple[str, ...]:
    """Words residents type for a value besides its name ("sofa" for furniture), from the council's
    `choice_words`: the turn's language's, then English's (Welsh speakers type English words too)."""
    words = _value_setting(turn, "choice_words", attribute, value) or {}
    return tuple(dict.fromkeys((*words.get(turn.language, ()), *words.get("en", ()))))


def _value_setting(turn: Turn, name: str, attribute: Attribute, value: AttributeValue) -> Any:
    """What the council's reports backend says under `name` for one value of one attribute, if anything."""
    settings = turn.council.backends.get("reports", {})
    return ((settings.get(name) or {}).get(attribute.code) or {}).get(value.key)


def _ask_attribute(turn: Turn, state: ReportState, attribute: Attribute) -> Reply:
    question = _question(turn, attribute)
    retry = state.asking == f"attribute:{attribute.code}"
    quick: tuple[str, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    if attribute.values:
        quick = tuple(_choice_label(turn, attribute, value) for value in attribute.values)
        synonyms = tuple(_choice_words(turn, attribute, value) for value in attribute.values)
        question += " " + turn.say("reporting.choose") if retry else ""
    elif attribute.datatype == "number" and retry:
        question += " " + turn.say("reporting.number_hint")
    return _ask(turn, state, f"attribute:{attribute.code}", question, quick, synonyms)


def _question(turn: Turn, attribute: Attribute) -> str:
    """The council's wording of an attribute's question in the turn's language, else the endpoint's."""
    settings = turn.council.backends.get("reports", {})
    wording = (settings.get("questions") or {}).get(attribute.code)
    return localise(wording, turn.language) or attribute.description


def _ask(
    turn: Turn,
    state: ReportState,
    asking: str,
    question: str,
    quick: tuple[str, ...] = (),
    synonyms: tuple[tuple[str, ...], ...] = (),
) -> Reply:
    state.tries = state.tries + 1 if state.asking == asking else 0
    if state.tries >= MAX_TRIES:
        phone = common.service_fact(turn, "phone")
        return common.answer(
            turn, turn.say("reporting.gave_up", phone=phone), quick_replies=(), output_contexts=(ended(),)
        )
    first = state.asking is None
    state.asking = asking
    # The first question follows the library's own answer, which carries the safety advice ("if wires
    # are showing, keep away and call ..."); every question keeps its links, so the form stays a choice.
    base = library_reply(turn)
    lead = (state.intro,) if state.intro else base.texts
    texts = (*lead, question) if first else (question,)
    reply = Reply(texts=texts, quick_replies=quick, links=base.links, language=turn.language)
    # The report's postcode is where the problem is, not necessarily where the resident lives: it is
    # not remembered as theirs. The question's contexts let the resident's typed answer ("outside
    # number 12 on the high street") come back to this report rather than start another.
    kind = _answer_kind(asking, quick)
    question = ask(turn, kind, quick, synonyms) if kind == "choice" else ask(turn, kind)
    return with_context(reply, state.context(), *question.contexts())


def _answer_kind(asking: str, quick: tuple[str, ...]) -> str:
    """The kind of answer a report question wants (see questions.py)."""
    if asking in ("location", "contact"):
        return asking
    return "choice" if quick else "text"


def submit(turn: Turn, client: Open311Client, code: str, state: ReportState) -> Reply:
    """Send the report; then confirm it by Notify if the resident asked."""
    request = ServiceRequest(
        description=state.details or turn.resolved.intent.title,
        address_string=state.location or state.postcode,
        latitude=state.latitude,
        longitude=state.longitude,
        email=state.email,
        phone=state.phone,
        attributes=dict(state.attributes),
    )
    try:
        receipt = client.post_request(code, request, turn.deadline)
    except BackendError as error:
        log.warning("report to Open311 failed: %s", type(error).__name__)
        # Keep what the resident told us: asking again sends it without asking anything twice.
        return with_context(failure_reply(turn), state.context())
    reference = receipt.reference
    texts = [
        turn.say("reporting.accepted", reference=reference)
        if reference
        else turn.say("reporting.accepted_no_reference")
    ]
    # The endpoint's notice ("We aim to look at reports within 5 working days") is in English only.
    if receipt.service_notice and turn.language == "en":
        texts.append(receipt.service_notice)
    if state.email or state.phone:
        texts.append(confirm(turn, reference, state))
    elif state.contact_unreadable:
        texts.append(turn.say("reporting.not_sent"))
    return common.answer(turn, *texts, links=(), output_contexts=(ended(),))


def confirm(turn: Turn, reference: str | None, state: ReportState) -> str:
    """Send the reference by e-mail or text; say whether it went."""
    sender = turn.backends.notifications
    if sender is None or reference is None:
        return turn.say("reporting.not_sent")
    return (
        turn.say("reporting.emailed" if state.email else "reporting.texted")
        if _send(turn, sender, reference, state)
        else turn.say("reporting.not_sent")
    )


def _send(turn: Turn, sender: NotifySender, reference: str, state: ReportState) -> bool:
    personalisation = {
        "reference": reference,
        "service": turn.resolved.intent.languages.get(
            turn.language, turn.resolved.intent.languages["en"]
        ).topic,
        "council": common.council_name(turn.council, turn.language),
    }
    try:
        if state.email:
            template = sender.template_id("report_email", turn.language)
            sender.send_email(
                state.email, template, personalisation, _safe_reference(reference), turn.deadline
            )
        elif state.phone:
            template = sender.template_id("report_sms", turn.language)
            sender.send_sms(state.phone, template, personalisation, _safe_reference(reference), turn.deadline)
    except (BackendError, KeyError) as error:
        log.warning("confirmation by Notify failed: %s", type(error).__name__)
        return False
    return True


def _safe_reference(reference: str) -> str | None:
    """The report's reference for Notify's `reference` field, or None when it could be mistaken for
    personal data (Notify keeps that field for years)."""
    try:
        check_reference(reference)
    except ValueError:
        return None
    return reference


def _contact_from(text: str, state: ReportState) -> bool:
    """Pick an e-mail address or UK mobile number out of a message; True when one was found."""
    email = _EMAIL.search(text)
    mobile = _MOBILE.search(text)
    if email:
        state.email = email.group(0)
    elif mobile:
        state.phone = re.sub(r"[\s-]", "", mobile.group(0))
    return bool(email or mobile)


def _without_keyword(text: str, keyword: str) -> str:
    """The answer without the "Pothole:" a quick reply or an example starts with."""
    stripped = text.strip()
    if keyword and stripped.casefold().startswith(keyword.casefold()):
        stripped = stripped[len(keyword) :].lstrip(" :,-")
    return stripped


def _place(state: ReportState, check: AreaCheck) -> None:
    state.area_checked = True
    area: PostcodeArea | None = check.area
    if area is not None:
        state.postcode = area.postcode
        state.latitude = area.latitude
        state.longitude = area.longitude
