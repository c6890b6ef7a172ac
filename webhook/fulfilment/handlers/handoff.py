"""Talking to a person: the hand-off to the council's staff, with the conversation so far.

The flow, one question a turn, its state in the `handoff` context (as a report's is in `report`):

1. the resident asks for a person (or takes the bot's offer after it misunderstood twice): the bot says
   what will happen (out of hours: when staff are back, and that they will contact the resident then)
   and asks consent to share the conversation;
2. yes: how should staff contact you (a UK phone number or an e-mail address, checked; asked again once
   with an example, then the phone number instead); no: nothing is sent, the phone number and hours;
3. the case goes into the outbox in this turn (a fast insert; the worker delivers it later, never on
   this thread) and the resident gets the reference. If even the insert fails, the resident is told so
   and given the phone number: nothing is promised.

A council with `handoff: {channel: link}` gets its live chat's page with a fresh reference; one with no
channel gets the library's answer (the switchboard) and the opening hours. Crisis answers come first:
the engine screens every turn before any handler runs. Replies that hand over carry
`live_agent_handoff: true` in their payload for Dialogflow integrations that support it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from webhook.backends.calendar import OpeningStatus, format_relative_date, format_time
from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import with_context
from webhook.fulfilment.questions import Question, ask
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import OutputContext, Reply, Turn
from webhook.handoff import current
from webhook.handoff.case import Case, Message, new_reference
from webhook.handoff.settings import handoff_settings
from webhook.handoff.transcript import CONTEXT as TRANSCRIPT_CONTEXT
from webhook.handoff.transcript import capped, messages_of
from webhook.library.model import Link

log = logging.getLogger("webhook.handoff")

CONTEXT = "handoff"
LIFESPAN = 3
HANDOFF_INTENT = "system.human_handoff"
#: The step of a resident offered a person by the bot, before any consent is asked.
OFFER = "offer"
#: The payload key Dialogflow integrations read to pass the conversation to a live agent.
LIVE_AGENT = {"live_agent_handoff": True}

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A UK number as typed: +44, 0044 or 0, then 9 or 10 digits, with spaces, dashes or brackets between.
_PHONE = re.compile(r"(?<![\d+])(?:\+44|0044|0)[\s()-]*\d(?:[\s()-]*\d){8,9}(?!\d)")
_NO = re.compile(
    r"\b(no|nope|nah|naa|dont|don't|do not|rather not|not really|na|nage|naddo|nac ydy|nac ydw|paid|dim)\b",
    re.IGNORECASE,
)
_YES = re.compile(
    r"\b(yes|yeah|yep|yup|ya|aye|ok|okay|k|sure|fine|go on|go ahead|please|pls|of course|thats fine|"
    r"ie|iawn|ydy|ydw|do|cei|wrth gwrs|plis|os gwelwch yn dda)\b",
    re.IGNORECASE,
)


@handler("system.human_handoff")
def human_handoff(turn: Turn) -> Reply:
    """Carry the hand-off one step on (see the module's docstring)."""
    settings = handoff_settings(turn.council)
    if settings.channel == "link" and settings.url:
        return live_chat(turn, settings.url)
    if not settings.delivers:
        return switchboard(turn)
    state = _state(turn)
    if state is None:
        return ask_consent(turn, _closed_status(turn), asked=turn.query_text)
    if state.get("step") == OFFER:
        return take_offer(turn)
    if state.get("step") == "consent":
        return take_consent(turn, state)
    return take_contact(turn, state, settings.channel)


def switchboard(turn: Turn) -> Reply:
    """Today's answer (the switchboard and website), with when the phone lines are open."""
    reply = library_reply(turn)
    status = common.line_status(turn, turn.intent_name)
    if status is not None and status.open_now and status.closes_at is not None:
        note = turn.say("handoff.open_until", time=format_time(status.closes_at, turn.language))
        return replace(reply, texts=(*reply.texts, note))
    return common.with_lines_status(turn, reply)


def live_chat(turn: Turn, url_template: str) -> Reply:
    """The council's live chat, opened with a fresh reference the adviser can ask for."""
    reference = new_reference()
    url = url_template.replace("{reference}", reference)
    reply = common.answer(
        turn,
        turn.say("handoff.live_chat", reference=reference),
        links=(Link(turn.say("handoff.live_chat_link"), url),),
        quick_replies=(),
        payload=LIVE_AGENT,
    )
    log.info("handoff %s (council %s, channel link): offered", reference, turn.council.slug)
    return common.with_lines_status(turn, reply)


def ask_consent(turn: Turn, closed: OpeningStatus | None, asked: str, again: bool = False) -> Reply:
    """Say what will happen and ask whether the conversation may be shared."""
    if again:
        text = turn.say("handoff.consent_again")
    elif closed is not None and closed.opens_at is not None:
        text = turn.say("handoff.consent_closed", **_when(turn, closed))
    else:
        text = turn.say("handoff.consent", council=common.council_name(turn.council, turn.language))
    options = (turn.say("handoff.share_yes"), turn.say("handoff.share_no"))
    state = {
        "step": "consent",
        "closed": closed is not None,
        "asked": asked[:500],
        "tries": 1 if again else 0,
    }
    reply = common.answer(turn, text, quick_replies=options, links=())
    return with_context(
        reply, OutputContext(CONTEXT, LIFESPAN, state), *ask(turn, "choice", options).contexts()
    )


def offer_contexts(offer_reply: str) -> tuple[OutputContext, ...]:
    """What makes the bot's offer of a person (after two misunderstandings) a question this handler
    answers, so that "yes please", "ie" or "no thanks" typed in reply is taken as the answer, as the
    quick reply is (webhook/agent/handoff_offer.py, webhook/fulfilment/handoff_contexts.py)."""
    asked = Question(HANDOFF_INTENT, "choice", {}, options=(offer_reply,))
    return (*asked.contexts(), OutputContext(CONTEXT, LIFESPAN, {"step": OFFER}))


def take_offer(turn: Turn) -> Reply:
    """Yes (in the resident's words, or the quick reply): say what will happen and ask consent.
    No, or anything else: nothing is sent, and the phone number is there if they want it."""
    if consent_of(turn.query_text, (turn.say("handoff.offer_reply"), "")):
        return ask_consent(turn, _closed_status(turn), asked=turn.query_text)
    return refused(turn)


def take_consent(turn: Turn, state: Mapping[str, Any]) -> Reply:
    """Yes: ask how to reach the resident. No: nothing is sent. Neither: ask once more, then let go."""
    answer = consent_of(turn.query_text, (turn.say("handoff.share_yes"), turn.say("handoff.share_no")))
    if answer is None:
        if state.get("tries"):
            return refused(turn)
        return ask_consent(turn, None, str(state.get("asked", "")), again=True)
    if not answer:
        return refused(turn)
    return ask_contact(turn, {**state, "step": "contact", "tries": 0})


def refused(turn: Turn) -> Reply:
    """Nothing is sent: the phone number, and when the lines are open."""
    phone = turn.council_text("phone") or ""
    reply = common.answer(turn, turn.say("handoff.refused", phone=phone), output_contexts=(ended(),))
    return switchboard_hours(turn, reply)


def ask_contact(turn: Turn, state: Mapping[str, Any], again: bool = False) -> Reply:
    """Ask for a phone number or an e-mail address (again: with an example)."""
    text = turn.say("handoff.contact_again" if again else "handoff.contact")
    reply = common.answer(turn, text, quick_replies=(), links=())
    return with_context(
        reply, OutputContext(CONTEXT, LIFESPAN, dict(state)), *ask(turn, "contact").contexts()
    )


def take_contact(turn: Turn, state: Mapping[str, Any], channel: str) -> Reply:
    """Check the contact given; put the case in the outbox and give the reference."""
    email, phone = contact_in(turn.query_text, turn.parameters)
    if not (email or phone):
        if state.get("tries"):
            phone_number = turn.council_text("phone") or ""
            text = turn.say("handoff.contact_gave_up", phone=phone_number)
            return common.answer(turn, text, quick_replies=(), output_contexts=(ended(),))
        return ask_contact(turn, {**state, "tries": 1}, again=True)
    closed = _closed_status(turn)
    case = Case(
        reference=new_reference(),
        council=turn.council.slug,
        language=turn.language,
        created_at=datetime.now(UTC),
        email=email,
        phone=phone,
        out_of_hours=closed is not None,
        transcript=shared_transcript(turn, str(state.get("asked", ""))),
    )
    service = current(turn.library)
    try:
        if service is None:
            raise RuntimeError("no hand-off service")
        service.accept(case, channel)
    except Exception as error:  # the database refused even the insert: promise nothing
        log.error(
            "handoff (council %s, channel %s): not queued: %s", case.council, channel, type(error).__name__
        )
        phone_number = turn.council_text("phone") or ""
        reply = common.answer(
            turn, turn.say("handoff.not_queued", phone=phone_number), output_contexts=(ended(),)
        )
        return switchboard_hours(turn, reply)
    texts = [turn.say("handoff.accepted", reference=case.reference, contact=email or phone)]
    texts.append(
        turn.say("handoff.accepted_closed", **_when(turn, closed))
        if closed is not None and closed.opens_at is not None
        else turn.say("handoff.accepted_open")
    )
    return common.answer(
        turn, *texts, quick_replies=(), links=(), output_contexts=(ended(),), payload=LIVE_AGENT
    )


def shared_transcript(turn: Turn, asked: str) -> tuple[Message, ...]:
    """What the resident agreed to share: the conversation the `transcript` context carries (kept by
    the offline agent, or by the webhook on Dialogflow), else the request for a person itself (a
    transcript that expired, or an agent synced before its intents all called the webhook)."""
    context = turn.contexts.get(TRANSCRIPT_CONTEXT)
    messages = messages_of(context.parameters) if context is not None else ()
    if messages:
        return messages
    return capped([Message("resident", asked)]) if asked else ()


def switchboard_hours(turn: Turn, reply: Reply) -> Reply:
    """The reply with when the switchboard opens again, if it is closed now."""
    return common.with_lines_status(turn, reply)


def consent_of(text: str, options: tuple[str, str]) -> bool | None:
    """Yes (True), no (False), or neither (None), in the resident's own words, English or Welsh:
    "yeah go on", "ok", "no thanks", "ie", "na", or a quick reply's label."""
    folded = " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())
    if folded == options[0].casefold():
        return True
    if folded == options[1].casefold():
        return False
    if _NO.search(folded):  # "no thanks", "dim diolch", "ok no": a no anywhere wins
        return False
    if _YES.search(folded):
        return True
    return None


def contact_in(text: str, parameters: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The e-mail address or UK phone number in an answer (typed, or as Dialogflow extracted it)."""
    for candidate in (text, str(parameters.get("email") or ""), str(parameters.get("phone") or "")):
        email = _EMAIL.search(candidate)
        if email:
            return email.group(0), None
        phone = _PHONE.search(candidate)
        if phone:
            return None, uk_phone(phone.group(0))
    return None, None


def uk_phone(typed: str) -> str | None:
    """A typed UK number in its national form ("07700 900123" -> "07700900123"), None if not one."""
    digits = re.sub(r"\D", "", typed)
    if typed.strip().startswith("+44") or digits.startswith("0044"):
        digits = "0" + digits.removeprefix("00").removeprefix("44")
    # UK numbers are 0 and 10 digits (a few old areas have 9); 01, 02, 03 and 07 are residents'.
    return digits if re.fullmatch(r"0[1237]\d{8,9}", digits) else None


def ended() -> OutputContext:
    """Ends the `handoff` context."""
    return OutputContext(CONTEXT, 0)


def _state(turn: Turn) -> dict[str, Any] | None:
    """The flow this turn continues: only when the resident answers the flow's own question."""
    context = turn.contexts.get(CONTEXT)
    if (
        context is None
        or turn.answering is None
        or context.parameters.get("step") not in (OFFER, "consent", "contact")
    ):
        return None
    return dict(context.parameters)


def _closed_status(turn: Turn) -> OpeningStatus | None:
    """The lines' status when they are closed now, else None (open, or no published hours)."""
    status = common.line_status(turn, turn.intent_name)
    return status if status is not None and not status.open_now else None


def _when(turn: Turn, status: OpeningStatus | None) -> dict[str, str]:
    if status is None or status.opens_at is None:
        return {"day": "", "time": ""}
    return {
        "day": format_relative_date(status.opens_at.date(), status.at.date(), turn.language),
        "time": format_time(status.opens_at, turn.language),
    }
