"""Waste handlers: which bin an item goes in (and, below, bin days and missed collections)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date

from webhook.backends.base import BackendError
from webhook.backends.bins import (
    Address,
    AddressRequired,
    BinCollection,
    BinProvider,
    BinSchedule,
    MissedReportVerdict,
    PostcodeNotServed,
    UnknownAddress,
    missed_collection_window,
)
from webhook.backends.calendar import bank_holidays, format_date, format_relative_date, format_time
from webhook.backends.waste_guide import WasteGuideInvalid, guide_for
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    AddressPicker,
    answer,
    ask_again,
    check_area,
    date_parameter,
    elsewhere_reply,
    postcode_of,
    remember_postcode,
    with_context,
    words,
)
from webhook.fulfilment.handlers.reporting import current_state, take_report
from webhook.fulfilment.registry import registry
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import LocalisedText, localise

log = logging.getLogger(__name__)


def _text(value: LocalisedText | None, language: str) -> str | None:
    return localise(value, language) or localise(value, "en")


# ---------------------------------------------------------------------------------------------------
# waste.which_bin


@registry.register("waste.which_bin")
def which_bin(turn: Turn) -> Reply:
    """Which bin (or place) the item goes in, from the council's A to Z; its A to Z page otherwise."""
    if turn.resolved.routed:
        return library_reply(turn)
    item = turn.parameter("waste_item")
    if isinstance(item, list):
        item = item[0] if item else None
    try:
        guide = guide_for(turn.council)
    except WasteGuideInvalid as error:
        log.error("council %s: the A to Z of waste is wrong:\n%s", turn.council.slug, error)
        return failure_reply(turn)
    entry = guide.entry(str(item)) if guide is not None and item else None
    if entry is None:
        return library_reply(turn)
    sentence = f"{_text(entry.name, turn.language)}: {_text(entry.goes, turn.language)}."
    return answer(turn, sentence, _text(entry.note, turn.language) or "")


# ---------------------------------------------------------------------------------------------------
# Bin days and missed bins

PICKER = AddressPicker(context="bin_address", key="id")

# Welsh here is machine-drafted: it needs review by a Welsh speaker.
WORDS = {
    "en": {
        "next": "Your next collection is {day}: {bins}.",
        "next_at": "Your next collection at {address} is {day}: {bins}.",
        "bin_dates": "{bin}: {dates}",
        "moved": "{date} (moved from {usual})",
        "none_scheduled": "There are no collections scheduled at {postcode} in the coming weeks.",
        "no_such_bin": "We don't empty a {bin_type} bin at {postcode}.",
        "not_served": (
            "I couldn't find bin collections for {postcode}. Please check the postcode, or call {phone}."
        ),
        "picker": "Collection days differ by street at {postcode}. Which is yours?",
        "picker_day": "Bin day: {street}, {postcode}",
        "picker_missed": "Missed bin: {street}, {postcode}",
        "and": " and ",
        "then": ", then ",
        "keyword_missed": "Missed bin {postcode}",
        "too_early": (
            "Our crews may still be on their way. You can report a bin missed on {date} from {time} {day}."
        ),
        "too_late": (
            "It's too late to report the collection on {date} as missed: we take reports until the end of "
            "{last_day}. Please put your bin out again on {next}, or call {phone}."
        ),
        "not_a_collection": "{date} wasn't a collection day at {postcode}. Your last collection was {last}.",
        "no_recent": (
            "I can't find a recent collection at {postcode} to report as missed. Please call {phone}."
        ),
        "missed_details": "Missed collection on {date} at {place}: {bins}.",
        "missed_intro": "I'll report your collection on {date} as missed: {bins}.",
        "your_next": "your next collection day",
    },
    "cy": {
        "next": "Eich casgliad nesaf: {day}: {bins}.",
        "next_at": "Eich casgliad nesaf yn {address}: {day}: {bins}.",
        "bin_dates": "{bin}: {dates}",
        "moved": "{date} (wedi symud o {usual})",
        "none_scheduled": "Does dim casgliadau wedi'u trefnu yn {postcode} yn yr wythnosau nesaf.",
        "no_such_bin": "Dydyn ni ddim yn gwagio bin {bin_type} yn {postcode}.",
        "not_served": (
            "Allwn i ddim dod o hyd i gasgliadau biniau ar gyfer {postcode}. Gwiriwch y cod post, neu "
            "ffoniwch {phone}."
        ),
        "picker": "Mae diwrnodau casglu'n wahanol fesul stryd yn {postcode}. Pa un yw eich stryd chi?",
        "picker_day": "Diwrnod bin: {street}, {postcode}",
        "picker_missed": "Bin heb ei gasglu: {street}, {postcode}",
        "and": " a ",
        "then": ", yna ",
        "keyword_missed": "Bin heb ei gasglu {postcode}",
        "too_early": (
            "Efallai fod ein criwiau ar eu ffordd o hyd. Gallwch roi gwybod am fin a fethwyd ar {date} o "
            "{time} {day}."
        ),
        "too_late": (
            "Mae'n rhy hwyr i roi gwybod bod y casgliad ar {date} wedi'i fethu: rydyn ni'n derbyn "
            "adroddiadau "
            "tan ddiwedd {last_day}. Rhowch eich bin allan eto ar {next}, neu ffoniwch {phone}."
        ),
        "not_a_collection": (
            "Nid oedd {date} yn ddiwrnod casglu yn {postcode}. Eich casgliad diwethaf oedd {last}."
        ),
        "no_recent": (
            "Alla i ddim dod o hyd i gasgliad diweddar yn {postcode} i roi gwybod amdano. Ffoniwch {phone}."
        ),
        "missed_details": "Casgliad a fethwyd ar {date} yn {place}: {bins}.",
        "missed_intro": "Fe wna i roi gwybod bod eich casgliad wedi'i fethu ({date}): {bins}.",
        "your_next": "eich diwrnod casglu nesaf",
    },
}
#: The library's `bin_type` values as a resident says them.
BIN_TYPES = {
    "en": {
        "general_waste": "general waste",
        "recycling": "recycling",
        "food_waste": "food waste",
        "garden_waste": "garden waste",
        "glass": "glass",
    },
    "cy": {
        "general_waste": "gwastraff cyffredinol",
        "recycling": "ailgylchu",
        "food_waste": "gwastraff bwyd",
        "garden_waste": "gwastraff gardd",
        "glass": "gwydr",
    },
}


@registry.register("waste.collection_day")
def collection_day(turn: Turn) -> Reply:
    """When each bin is next emptied at the resident's postcode (and street, picked from quick replies
    when the postcode is split between rounds), with bank-holiday changes; a resident of another
    council is told which council to ask."""
    if turn.resolved.routed:
        return library_reply(turn)
    provider = common.backends(turn).bins
    postcode = postcode_of(turn)
    if provider is None or postcode is None:
        return library_reply(turn)
    check = check_area(turn, postcode, common.backends(turn).postcodes)
    if check.outside:
        return elsewhere_reply(turn, check)
    lookup = _schedule(turn, provider, postcode, "picker_day")
    if isinstance(lookup, Reply):
        return lookup
    return with_context(_describe_schedule(turn, lookup), remember_postcode(postcode), *PICKER.forget(turn))


def _schedule(turn: Turn, provider: BinProvider, postcode: str, picker_words: str) -> BinSchedule | Reply:
    """The schedule at the postcode (and picked street), or the reply to give instead: a picker, a
    postcode we do not serve, or the fallback when the provider fails."""
    said = words(WORDS, turn)
    address_id = PICKER.picked(turn, postcode)
    try:
        return provider.collections(postcode, turn.deadline, address_id, common.now().date())
    except AddressRequired as required:
        return _picker(turn, postcode, required.addresses, picker_words)
    except UnknownAddress:
        try:
            return _picker(turn, postcode, provider.addresses(postcode, turn.deadline), picker_words)
        except BackendError:
            return failure_reply(turn)
    except PostcodeNotServed:
        phone = common.service_fact(turn, "phone")
        return ask_again(turn, said["not_served"].format(postcode=postcode, phone=phone))
    except BackendError as error:
        log.warning("bins lookup failed: %s", type(error).__name__)
        return failure_reply(turn)


def _picker(turn: Turn, postcode: str, addresses: Sequence[Address], picker_words: str) -> Reply:
    said = words(WORDS, turn)
    choices = [
        {
            "id": address.id,
            "label": address.text(turn.language),
            "reply": said[picker_words].format(street=address.text(turn.language), postcode=postcode),
        }
        for address in addresses
    ]
    text = said["picker"].format(postcode=postcode)
    return PICKER.offer(turn, text, postcode, choices, remember_postcode(postcode))


def _describe_schedule(turn: Turn, schedule: BinSchedule) -> Reply:
    said = words(WORDS, turn)
    language = turn.language
    today = common.now().date()
    wanted = turn.parameter("bin_type")
    bins = schedule.bins
    texts: list[str] = []
    if isinstance(wanted, str) and wanted:
        of_type = schedule.of_type(wanted)
        if not of_type:
            kind = words(BIN_TYPES, turn).get(wanted, wanted)
            texts.append(said["no_such_bin"].format(bin_type=kind, postcode=schedule.postcode))
        else:
            bins = of_type
    upcoming = [collection for collection in bins if collection.next is not None]
    if not upcoming:
        texts.append(said["none_scheduled"].format(postcode=schedule.postcode))
        return answer(turn, *texts)
    soonest = min(collection.next for collection in upcoming if collection.next is not None)
    first = [collection.text(language) for collection in upcoming if collection.next == soonest]
    day = _day(soonest, today, language)
    if schedule.address is not None:
        address = f"{schedule.address.text(language)}, {schedule.postcode}"
        texts.append(said["next_at"].format(address=address, day=day, bins=listing(first, said["and"])))
    else:
        texts.append(said["next"].format(day=day, bins=listing(first, said["and"])))
    for collection in upcoming:
        dates = said["then"].join(_dated(turn, collection, day_) for day_ in collection.dates)
        texts.append(said["bin_dates"].format(bin=collection.text(language), dates=dates))
    return answer(turn, *texts)


def listing(items: Sequence[str], and_: str) -> str:
    """ "A", "A and B", "A, B and C" (with the language's "and")."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + and_ + items[-1]


def _day(day: date, today: date, language: str) -> str:
    relative = format_relative_date(day, today, language)
    full = format_date(day, language)
    return relative if relative == full else f"{relative} ({full})"


def _dated(turn: Turn, collection: BinCollection, day: date) -> str:
    text = format_date(day, turn.language)
    usual = collection.moved_from.get(day)
    if usual is None:
        return text
    return words(WORDS, turn)["moved"].format(date=text, usual=format_date(usual, turn.language))


# ---------------------------------------------------------------------------------------------------
# waste.missed_collection


@registry.register("waste.missed_collection")
def missed_collection(turn: Turn) -> Reply:
    """Report a missed bin: find the collection that was missed, check the council's reporting
    window (not before the crews have finished, not after the last day it takes reports), then take
    the report like a street report."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = common.backends(turn)
    postcode = postcode_of(turn)
    said = words(WORDS, turn)
    keyword = said["keyword_missed"].format(postcode=postcode or "").strip()
    if current_state(turn, keyword) is not None:
        return take_report(turn, keyword, "")  # the window was checked when the report began
    if found.bins is None or found.reports is None or postcode is None:
        return library_reply(turn)
    check = check_area(turn, postcode, found.postcodes)
    if check.outside:
        return elsewhere_reply(turn, check)
    lookup = _schedule(turn, found.bins, postcode, "picker_missed")
    if isinstance(lookup, Reply):
        return lookup
    return _check_window(turn, found.bins, lookup, keyword)


def _check_window(turn: Turn, provider: BinProvider, schedule: BinSchedule, keyword: str) -> Reply:
    said = words(WORDS, turn)
    language = turn.language
    now = common.now()
    today = now.date()
    phone = common.service_fact(turn, "phone")
    wanted = turn.parameter("bin_type")
    bins = schedule.of_type(wanted) if isinstance(wanted, str) and wanted else ()
    bins = bins or schedule.bins
    collected = _collection_day(turn, bins, today)
    if isinstance(collected, str):
        return answer(turn, collected)
    day, missed = collected
    holidays = bank_holidays(turn.council.nation)
    window = missed_collection_window(day, now, holidays, provider.missed_rules)
    if window.verdict is MissedReportVerdict.TOO_EARLY:
        opens = window.opens_at
        text = said["too_early"].format(
            date=format_date(day, language),
            time=format_time(opens, language),
            day=format_relative_date(opens.date(), today, language),
        )
        return answer(turn, text)
    if window.verdict is MissedReportVerdict.TOO_LATE:
        upcoming = [collection.next for collection in missed if collection.next is not None]
        next_day = format_date(min(upcoming), language) if upcoming else said["your_next"]
        text = said["too_late"].format(
            date=format_date(day, language),
            last_day=format_date(window.last_day, language),
            next=next_day,
            phone=phone,
        )
        return answer(turn, text)
    place = (
        f"{schedule.address.text(language)}, {schedule.postcode}" if schedule.address else schedule.postcode
    )
    names = listing([collection.text(language) for collection in missed], said["and"])
    details = said["missed_details"].format(
        date=format_date(day, language, year=True), place=place, bins=names
    )
    intro = said["missed_intro"].format(date=format_date(day, language), bins=names)
    return take_report(turn, keyword, details, location=place, postcode=schedule.postcode, intro=intro)


def _collection_day(
    turn: Turn, bins: Sequence[BinCollection], today: date
) -> tuple[date, tuple[BinCollection, ...]] | str:
    """The collection day being reported and the bins due that day, or what to tell the resident when
    there is none: the date they gave, else today's collection, else the latest one."""
    said = words(WORDS, turn)
    phone = common.service_fact(turn, "phone")
    postcode = postcode_of(turn) or ""
    days: dict[date, list[BinCollection]] = {}
    for collection in bins:
        for day in (collection.last, collection.next):
            if day is not None and day <= today:
                days.setdefault(day, []).append(collection)
    given = date_parameter(turn.parameter("date"))
    if given is not None:
        if given in days:
            return given, tuple(days[given])
        last = max(days, default=None)
        if last is None:
            return said["no_recent"].format(postcode=postcode, phone=phone)
        weekdays = {day.weekday() for bin_ in bins for day in (bin_.last, *bin_.dates) if day is not None}
        if given < last and given.weekday() in weekdays:  # an earlier round: its window decides
            return given, tuple(bins)
        return said["not_a_collection"].format(
            date=format_date(given, turn.language), postcode=postcode, last=format_date(last, turn.language)
        )
    if not days:
        return said["no_recent"].format(postcode=postcode, phone=phone)
    latest = max(days)
    return latest, tuple(days[latest])
