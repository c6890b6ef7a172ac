"""What several handlers share: the resident's postcode, the "is this address in our area?" check,
the service's own page and phone, and small helpers for building replies.

Every handler follows one shape: answer from the library when another council provides the service
(`turn.resolved.routed`), when the council has no backend for it, or when a backend fails; otherwise
answer from the backend, in the turn's language, keeping the library's links and quick replies.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from webhook.backends.base import BackendError
from webhook.backends.calendar import (
    LONDON,
    OpeningStatus,
    Timetable,
    bank_holidays,
    format_relative_date,
    format_time,
    opening_status,
    parse_opening_hours,
)
from webhook.backends.postcodes import (
    PostcodeArea,
    PostcodeError,
    PostcodesClient,
    council_for,
    is_in_area,
    normalise_postcode,
)
from webhook.deadline import REPLY_RESERVE, Deadline
from webhook.fulfilment.answers import library_reply
from webhook.fulfilment.choosing import matching_options
from webhook.fulfilment.questions import MAX_ASKS, ask
from webhook.fulfilment.turn import OutputContext, Reply, Turn
from webhook.library.model import Council, Link, localise
from webhook.library.resolve import lookup
from webhook.register.model import RegisteredCouncil

log = logging.getLogger("webhook.fulfilment.handlers")

FIND_COUNCIL_URL = "https://www.gov.uk/find-local-council"
#: Remembers the resident's postcode so a later question ("and who is my councillor?") need not ask.
RESIDENT_CONTEXT = "resident"
RESIDENT_LIFESPAN = 20
#: A service's `phone_hours` for a line answered day and night.
ALWAYS_ANSWERED = "always"
#: The share of the turn's remaining time the advisory area check may use: the lookup that answers
#: the resident's question must keep most of it.
AREA_CHECK_SHARE = 0.4


def now() -> dt.datetime:
    """The time in the UK. Tests replace this to fix the clock."""
    return dt.datetime.now(LONDON)


def offices_status(turn: Turn, at: dt.datetime | None = None) -> OpeningStatus | None:
    """Whether the council's offices (and so its phone lines) are open at `at` (now by default), by its
    opening hours and its nation's bank holidays; None when it publishes no hours."""
    return line_status(turn, None, at)


def line_status(turn: Turn, intent_id: str | None, at: dt.datetime | None = None) -> OpeningStatus | None:
    """Whether a phone line is answered at `at` (now by default): the service's own line for
    `intent_id` (its `phone_hours`, else the council's opening hours), or the switchboard for None.
    A line answered day and night is always open; None when the council publishes no hours."""
    at = at or now()
    key = ("phone_hours", turn.council.slug, intent_id)
    memo = turn.library.memo
    if key not in memo:  # parsed once per library: the overlay never changes
        memo[key] = _phone_hours(turn.council, intent_id)
    hours = memo[key]
    if hours is None:
        return None
    if hours == ALWAYS_ANSWERED:
        return OpeningStatus(at=at, open_now=True)
    return opening_status(hours, at, bank_holidays(turn.council.nation))


def _phone_hours(council: Council, intent_id: str | None) -> Timetable | str | None:
    service = council.services.get(intent_id, {}) if intent_id else {}
    hours = service.get("phone_hours") or council.contact.get("opening_hours")
    if not hours or hours == ALWAYS_ANSWERED:
        return hours or None
    return parse_opening_hours(hours)  # type: ignore[arg-type]


def with_lines_status(turn: Turn, reply: Reply) -> Reply:
    """A library answer that asks the resident to ring the council (its switchboard or the service's
    own line), at a time that line is closed: the answer, then when it opens again, so nobody rings a
    closed line."""
    note = None
    service_phone = _service_phone(turn)
    if service_phone and any(service_phone in text for text in reply.texts):
        note = _lines_closed_note(turn, turn.intent_name)
    phone = turn.council_text("phone")
    if note is None and phone and any(phone in text for text in reply.texts):
        note = _lines_closed_note(turn, None)
    return replace(reply, texts=(*reply.texts, note)) if note else reply


def _service_phone(turn: Turn) -> str | None:
    """The service's own number for the turn's intent, when the council gives one."""
    return localise(turn.council.services.get(turn.intent_name, {}).get("phone"), turn.language)


def _lines_closed_note(turn: Turn, intent_id: str | None) -> str | None:
    """ "Our phone lines are closed now..." for this minute, or None while they are open. Worked out
    once a minute per council, line and language: most answers name a phone number."""
    minute = now().replace(second=0, microsecond=0)
    key = ("lines_closed", turn.council.slug, intent_id, turn.language)
    kept = turn.library.memo.get(key)  # one entry per council, line and language, replaced each minute
    if kept is not None and kept[0] == minute:
        return kept[1]
    status = line_status(turn, intent_id, minute)
    note = None
    if status is not None and not status.open_now and status.opens_at is not None:
        day = format_relative_date(status.opens_at.date(), status.at.date(), turn.language)
        note = turn.say("common.lines_closed", day=day, time=format_time(status.opens_at, turn.language))
    turn.library.memo[key] = (minute, note)
    return note


def while_closed(turn: Turn, out_of_hours_message: str, closed_message: str, **values: object) -> str | None:
    """What to say when the service's line (its own, else the switchboard) is closed now, so nobody is
    sent to a closed line: the out-of-hours message with the council's out-of-hours number
    (facts.out_of_hours_phone), else the closed message with when the line opens again ({day},
    {time}); None while it is open, or when the council publishes no hours."""
    status = line_status(turn, turn.intent_name)
    if status is None or status.open_now:
        return None
    out_of_hours = turn.council_text("out_of_hours_phone")
    if out_of_hours:
        return turn.say(out_of_hours_message, phone=out_of_hours)
    if status.opens_at is None:
        return None
    day = format_relative_date(status.opens_at.date(), status.at.date(), turn.language)
    return turn.say(closed_message, day=day, time=format_time(status.opens_at, turn.language), **values)


def listing(turn: Turn, items: Sequence[str]) -> str:
    """ "A", "A and B", "A, B and C" in the turn's language ("A, B a C", "B ac C" before a vowel)."""
    if len(items) <= 1:
        return "".join(items)
    return turn.say("common.list_and", first=", ".join(items[:-1]), last=items[-1])


def postcode_of(turn: Turn, parameter: str = "postcode", *, remembered: bool = True) -> str | None:
    """The postcode the resident gave in this turn, else (when `remembered`) the one they gave earlier;
    normalised ("AA1 1AA") when it is shaped like one, as typed otherwise. A report about a place
    (a pothole) must not take the resident's home postcode for the place: it asks `remembered=False`."""
    value = turn.parameter(parameter)
    if isinstance(value, list):
        value = value[0] if value else None
    if not value and remembered:
        remembered = turn.contexts.get(RESIDENT_CONTEXT)
        value = remembered.parameters.get("postcode") if remembered else None
    if not isinstance(value, str) or not value.strip():
        return None
    return normalise_postcode(value) or value.strip()


def remember_postcode(turn: Turn, postcode: str) -> OutputContext:
    """A context that keeps the resident's postcode for later turns, with the intent that looked it up
    (asked again for "a different address")."""
    return OutputContext(
        RESIDENT_CONTEXT, RESIDENT_LIFESPAN, {"postcode": postcode, "intent": turn.intent_name}
    )


def share_of(deadline: Deadline, share: float) -> Deadline:
    """A deadline for a call that may take `share` of the remaining time, leaving the rest for what
    comes after. That rest already covers building the reply, so the call's own reply reserve is added
    back (within the turn's deadline): otherwise a short turn would leave the call no time at all."""
    now_ = time.monotonic()
    expires_at = min(deadline.expires_at, now_ + deadline.remaining() * share + REPLY_RESERVE)
    return Deadline(expires_at=expires_at, started_at=now_)


def date_parameter(value: Any) -> dt.date | None:
    """The date of a sys.date parameter ("2026-06-01T12:00:00+01:00") or a plain ISO date."""
    if isinstance(value, dict):  # a date period: take its start
        value = value.get("startDate") or value.get("startDateTime")
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None


# ---------------------------------------------------------------------------------------------------
# Is this address in our area?


@dataclass(frozen=True)
class OtherCouncil:
    """The council that serves a postcode outside this council's area."""

    name: str
    #: Its own site: from its overlay when it is on this platform, else from the register.
    website: str | None
    #: Where to find the council on GOV.UK: its own finder page when the register knows it.
    finder: str = FIND_COUNCIL_URL


@dataclass(frozen=True)
class AreaCheck:
    """Where a postcode lies: `area` is None when it could not be checked (no backend, or it failed)."""

    postcode: str
    area: PostcodeArea | None = None
    elsewhere: OtherCouncil | None = None

    @property
    def outside(self) -> bool:
        """True only when the postcode is known to be in another council's area."""
        return self.elsewhere is not None


def check_area(
    turn: Turn, postcode: str, client: PostcodesClient | None, share: float = AREA_CHECK_SHARE
) -> AreaCheck:
    """Whether the postcode lies in the turn's council's area, for the intent's tier of service.

    Advisory: when the check cannot be made (no postcodes backend, postcodes.io down, an unknown
    postcode) the handler carries on with its own lookup, which has its own answer for a postcode it
    does not serve. Only a postcode known to be elsewhere stops it. After postcodes.io fails, checks
    answer from the cache alone for a while, so an outage does not slow every turn."""
    if client is None:
        return AreaCheck(postcode)
    resting = client.resting
    try:
        area = client.lookup(postcode, share_of(turn.deadline, share), advisory=True)
    except PostcodeError:
        return AreaCheck(postcode)  # the resident's mistake: the handler's own lookup will say so
    except BackendError as error:
        if not resting:
            log.warning("area check skipped, resting postcodes.io for %.0f s: %s", client.rest_seconds, error)
        return AreaCheck(postcode)
    if is_in_area(area, turn.council):
        return AreaCheck(postcode, area)
    tier = turn.intent.tier if turn.intent else "any"
    return AreaCheck(postcode, area, other_council(turn, area, tier))


def other_council(turn: Turn, area: PostcodeArea, tier: str) -> OtherCouncil:
    """Who serves the postcode for a service of this tier: named from its overlay when it is on this
    platform, else from the register of UK councils (its official name and website, or GOV.UK's page
    for it), else by the area's name from postcodes.io."""
    on_platform = council_for(area, turn.library.councils.values(), tier)
    if on_platform is not None:
        return OtherCouncil(
            council_name(on_platform, turn.language), council_website(on_platform, turn.language)
        )
    registered = registered_council(turn, area, tier)
    if registered is not None:
        if registered.website_is_finder:  # GOV.UK's page for the council links to its site
            return OtherCouncil(registered.name, None, registered.website)
        return OtherCouncil(registered.name, registered.website)
    serving = area.county if tier == "county" and area.county is not None else area.district
    return OtherCouncil(serving.name, None)


def registered_council(turn: Turn, area: PostcodeArea, tier: str) -> RegisteredCouncil | None:
    """The register's entry for the council serving the postcode at this tier, if the library has a
    register that knows it."""
    serving = area.county if tier == "county" and area.county is not None else area.district
    register = turn.library.register
    return register.by_gss(serving.gss_code) if register is not None else None


def elsewhere_reply(turn: Turn, check: AreaCheck) -> Reply:
    """Tell a resident of another council which council to contact, with its site or GOV.UK's finder."""
    other = check.elsewhere
    assert other is not None
    links = []
    if other.website:
        links.append(Link(turn.say("common.other_website", name=other.name), other.website))
    links.append(Link(turn.say("common.find_council"), other.finder))
    text = turn.say(
        "common.elsewhere",
        postcode=check.postcode,
        council=council_name(turn.council, turn.language),
        other=other.name,
    )
    return Reply(texts=(text,), links=tuple(links), language=turn.language)


def council_name(council: Council, language: str) -> str:
    """A council's name in the language."""
    return localise(council.name, language) or council.slug


def council_website(council: Council, language: str) -> str | None:
    """A council's home page in the language."""
    return localise(council.contact.get("website"), language)


# ---------------------------------------------------------------------------------------------------
# Choices offered as quick replies


def pick(text: str, choices: Sequence[Mapping[str, Any]], key: str) -> str | None:
    """The choice the resident's message names: the quick reply itself, or typed words that name exactly
    one choice's label or its `words` (see choosing.py: "high st", "the second one", "number 12", "an old
    sofa"); None otherwise."""
    said = fold(text)
    if not said:
        return None
    for choice in choices:
        if said == fold(str(choice.get("reply", ""))):
            return str(choice[key])
    labels = [str(choice.get("label", "")) for choice in choices]
    words = [[str(word) for word in choice.get("words") or ()] for choice in choices]
    found = matching_options(text, labels, words)
    return str(choices[found[0]][key]) if len(found) == 1 else None


@dataclass(frozen=True)
class AddressPicker:
    """When one postcode has several addresses, they are offered as quick replies. The offer travels in
    the `context` output context (with the postcode, so a later turn about another postcode ignores it)
    and the next turn reads the resident's choice from it; each choice's `key` field names the address."""

    context: str
    key: str
    lifespan: int = 2

    def offer(
        self,
        turn: Turn,
        text: str,
        postcode: str,
        choices: Sequence[Mapping[str, str]],
        *contexts: OutputContext,
    ) -> Reply:
        """Ask which address, with a quick reply per choice (each has the key, a `label`, a `reply`).

        The resident may tap or type. Typed words that match no choice get the question again with the
        options, saying so; after that has happened twice, the service's page and phone instead."""
        offered = [dict(choice) for choice in choices]
        context = OutputContext(self.context, self.lifespan, {"postcode": postcode, "choices": offered})
        question = ask(turn, "choice", [str(choice.get("label", "")) for choice in offered])
        if turn.answering == "choice" and question.asked > MAX_ASKS:
            return with_context(gave_up_reply(turn), OutputContext(self.context, 0))
        if turn.answering == "choice":
            text = f"{turn.say('common.not_an_option')} {text}"
        reply = answer(turn, text, quick_replies=tuple(choice["reply"] for choice in offered), links=())
        return with_context(reply, context, *question.contexts(), *contexts)

    def picked(self, turn: Turn, postcode: str) -> str | None:
        """The address the resident chose from this postcode's offer, in this message or earlier."""
        context = turn.contexts.get(self.context)
        if context is None or context.parameters.get("postcode") != postcode:
            return None
        chosen = pick(turn.query_text, context.parameters.get("choices") or [], self.key)
        earlier = context.parameters.get("chosen")
        return chosen or (str(earlier) if earlier else None)

    def settle(self, turn: Turn, postcode: str) -> tuple[OutputContext, ...]:
        """After answering: remember the address chosen at this postcode, so the next question about
        it ("and the recycling?") does not offer the addresses again; otherwise end the offer."""
        chosen = self.picked(turn, postcode)
        if chosen is None:
            return self.forget(turn)
        values = {"postcode": postcode, "chosen": chosen}
        return (OutputContext(self.context, RESIDENT_LIFESPAN, values),)

    def forget(self, turn: Turn) -> tuple[OutputContext, ...]:
        """End the offer (when one is active)."""
        return (OutputContext(self.context, 0),) if self.context in turn.contexts else ()


def fold(text: str) -> str:
    """Text for matching: case, punctuation and spacing folded away."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


# ---------------------------------------------------------------------------------------------------
# Replies


def service_fact(turn: Turn, key: str) -> str:
    """`{service.url}` or `{service.phone}` for the turn's intent: the service's own page or phone,
    falling back to the provider's home page or switchboard."""
    resolved = turn.resolved
    found = lookup(
        f"service.{key}",
        council=turn.council,
        provider=resolved.provider,
        intent=resolved.intent,
        language=resolved.language,
    )
    return found.value if found else ""


def answer(turn: Turn, *texts: str, **changes: Any) -> Reply:
    """The library's reply for the intent (its links, quick replies and contexts) with the handler's own
    texts instead of its own; `changes` replace other fields (links, quick_replies ...)."""
    base = library_reply(turn)
    return replace(base, texts=tuple(text for text in texts if text), **changes)


def with_context(reply: Reply, *contexts: OutputContext) -> Reply:
    """The reply setting these contexts as well as its own."""
    return replace(reply, output_contexts=(*reply.output_contexts, *contexts))


def asking_for_postcode(turn: Turn, reply: Reply) -> Reply:
    """A reply that asks for the resident's postcode, so a bare postcode typed next answers it."""
    return with_context(reply, *ask(turn, "postcode").contexts())


def gave_up_reply(turn: Turn) -> Reply:
    """After a question has been asked and not understood too often: the service's page and phone, so
    the resident is never left going round in circles."""
    text = turn.say("common.gave_up", phone=service_fact(turn, "phone"))
    return answer(turn, text, quick_replies=())


def ask_again(turn: Turn, text: str) -> Reply:
    """A reply that asks the resident to correct what they gave, keeping the library's links."""
    return answer(turn, text, quick_replies=())
