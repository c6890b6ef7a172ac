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
from webhook.backends.waste_guide import WasteGuideInvalid
from webhook.fulfilment.answers import failure_reply, library_reply
from webhook.fulfilment.handlers import common
from webhook.fulfilment.handlers.common import (
    AddressPicker,
    answer,
    ask_again,
    check_area,
    date_parameter,
    elsewhere_reply,
    listing,
    postcode_of,
    remember_postcode,
    with_context,
)
from webhook.fulfilment.handlers.reporting import current_state, take_report
from webhook.fulfilment.registry import handler
from webhook.fulfilment.turn import Reply, Turn
from webhook.library.model import localise

log = logging.getLogger(__name__)


# ---------------------------------------------------------------------------------------------------
# waste.which_bin


@handler("waste.which_bin", waits=False)
def which_bin(turn: Turn) -> Reply:
    """Which bin (or place) the item goes in, from the council's A to Z; its A to Z page otherwise."""
    if turn.resolved.routed:
        return library_reply(turn)
    item = turn.parameter("waste_item")
    if isinstance(item, list):
        item = item[0] if item else None
    try:
        source = turn.backends.which_bin
        guide = source.current() if source is not None else None
    except WasteGuideInvalid as error:
        log.error("council %s: the A to Z of waste is wrong:\n%s", turn.council.slug, error)
        return failure_reply(turn)
    entry = guide.entry(str(item)) if guide is not None and item else None
    if entry is None:
        return library_reply(turn)
    sentence = f"{localise(entry.name, turn.language)}: {localise(entry.goes, turn.language)}."
    return answer(turn, sentence, localise(entry.note, turn.language) or "")


# ---------------------------------------------------------------------------------------------------
# Bin days and missed bins

PICKER = AddressPicker(context="bin_address", key="id")

#: The library's `bin_type` values, each with the message that names it as a resident says it.
BIN_TYPE_MESSAGES = {
    "general_waste": "waste.bin_general_waste",
    "recycling": "waste.bin_recycling",
    "food_waste": "waste.bin_food_waste",
    "garden_waste": "waste.bin_garden_waste",
    "glass": "waste.bin_glass",
}


@handler("waste.collection_day")
def collection_day(turn: Turn) -> Reply:
    """When each bin is next emptied at the resident's postcode (and street, picked from quick replies
    when the postcode is split between rounds), with bank-holiday changes; a resident of another
    council is told which council to ask."""
    if turn.resolved.routed:
        return library_reply(turn)
    provider = turn.backends.bins
    postcode = postcode_of(turn)
    if provider is None or postcode is None:
        return library_reply(turn)
    check = check_area(turn, postcode, turn.backends.postcodes)
    if check.outside:
        return elsewhere_reply(turn, check)
    lookup = _schedule(turn, provider, postcode, reply_message="waste.picker_day")
    if isinstance(lookup, Reply):
        return lookup
    described = _describe_schedule(turn, lookup)
    return with_context(described, remember_postcode(turn, postcode), *PICKER.settle(turn, postcode))


def _schedule(turn: Turn, provider: BinProvider, postcode: str, *, reply_message: str) -> BinSchedule | Reply:
    """The schedule at the postcode (and picked street), or the reply to give instead: a picker (whose
    quick replies are the `reply_message` message), a postcode we do not serve, or the fallback when the
    provider fails."""
    address_id = PICKER.picked(turn, postcode)
    try:
        return provider.collections(postcode, turn.deadline, address_id, common.now().date())
    except AddressRequired as required:
        return _picker(turn, postcode, required.addresses, reply_message)
    except UnknownAddress:
        try:
            return _picker(turn, postcode, provider.addresses(postcode, turn.deadline), reply_message)
        except BackendError:
            return failure_reply(turn)
    except PostcodeNotServed:
        phone = common.service_fact(turn, "phone")
        return ask_again(turn, turn.say("waste.not_served", postcode=postcode, phone=phone))
    except BackendError as error:
        log.warning("bins lookup failed: %s", type(error).__name__)
        return failure_reply(turn)


def _picker(turn: Turn, postcode: str, addresses: Sequence[Address], reply_message: str) -> Reply:
    choices = [
        {
            "id": address.id,
            "label": address.text(turn.language),
            "reply": turn.say(reply_message, street=address.text(turn.language), postcode=postcode),
        }
        for address in addresses
    ]
    text = turn.say("waste.picker", postcode=postcode)
    return PICKER.offer(turn, text, postcode, choices, remember_postcode(turn, postcode))


def _describe_schedule(turn: Turn, schedule: BinSchedule) -> Reply:
    language = turn.language
    today = common.now().date()
    wanted = turn.parameter("bin_type")
    bins = schedule.bins
    texts: list[str] = []
    if isinstance(wanted, str) and wanted:
        of_type = schedule.of_type(wanted)
        if not of_type:
            kind = turn.say(BIN_TYPE_MESSAGES[wanted]) if wanted in BIN_TYPE_MESSAGES else wanted
            texts.append(turn.say("waste.no_such_bin", bin_type=kind, postcode=schedule.postcode))
        else:
            bins = of_type
    upcoming = [collection for collection in bins if collection.next is not None]
    if not upcoming:
        texts.append(turn.say("waste.none_scheduled", postcode=schedule.postcode))
        return answer(turn, *texts)
    soonest = min(collection.next for collection in upcoming if collection.next is not None)
    first = [collection.text(language) for collection in upcoming if collection.next == soonest]
    due = listing(turn, first)
    day = _day(soonest, today, language)
    if schedule.address is not None:
        address = f"{schedule.address.text(language)}, {schedule.postcode}"
        texts.append(turn.say("waste.next_at", address=address, day=day, bins=due))
    else:
        texts.append(turn.say("waste.next", day=day, bins=due))
    then = f", {turn.say('waste.then')} "
    for collection in upcoming:
        dates = then.join(_dated(turn, collection, day_) for day_ in collection.dates)
        texts.append(turn.say("waste.bin_dates", bin=collection.text(language), dates=dates))
    return answer(turn, *texts)


def _day(day: date, today: date, language: str) -> str:
    relative = format_relative_date(day, today, language)
    full = format_date(day, language)
    return relative if relative == full else f"{relative} ({full})"


def _dated(turn: Turn, collection: BinCollection, day: date) -> str:
    text = format_date(day, turn.language)
    usual = collection.moved_from.get(day)
    if usual is None:
        return text
    return turn.say("waste.moved", date=text, usual=format_date(usual, turn.language))


# ---------------------------------------------------------------------------------------------------
# waste.missed_collection


@handler("waste.missed_collection")
def missed_collection(turn: Turn) -> Reply:
    """Report a missed bin: find the collection that was missed, check the council's reporting
    window (not before the crews have finished, not after the last day it takes reports), then take
    the report like a street report."""
    if turn.resolved.routed:
        return library_reply(turn)
    found = turn.backends
    postcode = postcode_of(turn)
    keyword = turn.say("waste.keyword_missed", postcode=postcode or "").strip()
    if current_state(turn, keyword) is not None:
        return take_report(turn, keyword, "")  # the window was checked when the report began
    if found.bins is None or found.reports is None or postcode is None:
        return library_reply(turn)
    check = check_area(turn, postcode, found.postcodes)
    if check.outside:
        return elsewhere_reply(turn, check)
    lookup = _schedule(turn, found.bins, postcode, reply_message="waste.picker_missed")
    if isinstance(lookup, Reply):
        return lookup
    return _check_window(turn, found.bins, lookup, keyword)


def _check_window(turn: Turn, provider: BinProvider, schedule: BinSchedule, keyword: str) -> Reply:
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
        text = turn.say(
            "waste.too_early",
            date=format_date(day, language),
            time=format_time(opens, language),
            day=format_relative_date(opens.date(), today, language),
        )
        return answer(turn, text)
    if window.verdict is MissedReportVerdict.TOO_LATE:
        upcoming = [collection.next for collection in missed if collection.next is not None]
        next_day = format_date(min(upcoming), language) if upcoming else turn.say("waste.your_next")
        text = turn.say(
            "waste.too_late",
            date=format_date(day, language),
            last_day=format_date(window.last_day, language),
            next=next_day,
            phone=phone,
        )
        return answer(turn, text)
    place = (
        f"{schedule.address.text(language)}, {schedule.postcode}" if schedule.address else schedule.postcode
    )
    names = listing(turn, [collection.text(language) for collection in missed])
    details = turn.say(
        "waste.missed_details", date=format_date(day, language, year=True), place=place, bins=names
    )
    intro = turn.say("waste.missed_intro", date=format_date(day, language), bins=names)
    return take_report(turn, keyword, details, location=place, postcode=schedule.postcode, intro=intro)


def _collection_day(
    turn: Turn, bins: Sequence[BinCollection], today: date
) -> tuple[date, tuple[BinCollection, ...]] | str:
    """The collection day being reported and the bins due that day, or what to tell the resident when
    there is none: the date they gave, else today's collection, else the latest one."""
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
            return turn.say("waste.no_recent", postcode=postcode, phone=phone)
        weekdays = {day.weekday() for bin_ in bins for day in (bin_.last, *bin_.dates) if day is not None}
        if given < last and given.weekday() in weekdays:  # an earlier round: its window decides
            return given, tuple(bins)
        return turn.say(
            "waste.not_a_collection",
            date=format_date(given, turn.language),
            postcode=postcode,
            last=format_date(last, turn.language),
        )
    if not days:
        return turn.say("waste.no_recent", postcode=postcode, phone=phone)
    latest = max(days)
    return latest, tuple(days[latest])
