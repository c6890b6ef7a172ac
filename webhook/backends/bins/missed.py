"""When a missed collection may be reported: not before the crews have finished, not once the council
no longer goes back for it.

Councils publish rules like "report a missed bin after 5pm on your collection day and within two
working days". Working days skip weekends and the nation's bank holidays.
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from itertools import islice
from typing import Any

from webhook.backends.calendar import LONDON, working_days_after


@dataclass(frozen=True)
class MissedReportRules:
    """A council's reporting window for missed collections.

    Reports open at `opens_at` on the collection day, or that many days later with `opens_days_after`
    (1 with 07:00 means "from the next morning"), and close at the end of the `working_days`-th working
    day after the collection day.
    """

    opens_at: time = time(17, 0)
    opens_days_after: int = 0
    working_days: int = 2

    def __post_init__(self) -> None:
        if self.working_days < 1 or self.opens_days_after < 0:
            raise ValueError("working_days must be at least 1 and opens_days_after at least 0")

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any] | None) -> MissedReportRules:
        """From the overlay's `missed_reports: {opens_at: "17:00", opens_days_after: 0, working_days: 2}`."""
        settings = settings or {}
        default = cls()
        opens_at = settings.get("opens_at")
        return cls(
            opens_at=time.fromisoformat(opens_at) if opens_at else default.opens_at,
            opens_days_after=int(settings.get("opens_days_after", default.opens_days_after)),
            working_days=int(settings.get("working_days", default.working_days)),
        )


class MissedReportVerdict(StrEnum):
    """Whether a report is taken now, and if not, which side of the window `now` is on."""

    ACCEPTED = "accepted"
    TOO_EARLY = "too_early"
    TOO_LATE = "too_late"


@dataclass(frozen=True)
class MissedCollectionWindow:
    """The verdict and the window itself: reports from `opens_at`, until the end of `last_day`."""

    verdict: MissedReportVerdict
    collection_date: date
    opens_at: datetime
    closes_at: datetime

    @property
    def accepted(self) -> bool:
        """True when the report can be taken now."""
        return self.verdict is MissedReportVerdict.ACCEPTED

    @property
    def last_day(self) -> date:
        """The last day on which a report is taken."""
        return (self.closes_at - timedelta(microseconds=1)).date()


def missed_collection_window(
    collection_date: date,
    now: datetime,
    holidays: Container[date],
    rules: MissedReportRules | None = None,
) -> MissedCollectionWindow:
    """Whether a report of a bin missed on `collection_date` is accepted at `now` (London time; a naive
    `now` is taken as London time), and if not, why and when it would be."""
    rules = rules or MissedReportRules()
    local = now.replace(tzinfo=LONDON) if now.tzinfo is None else now.astimezone(LONDON)
    opens_day = collection_date + timedelta(days=rules.opens_days_after)
    opens_at = datetime.combine(opens_day, rules.opens_at, LONDON)
    last_day = next(islice(working_days_after(collection_date, holidays), rules.working_days - 1, None))
    closes_at = datetime.combine(last_day + timedelta(days=1), time(0), LONDON)
    if local < opens_at:
        verdict = MissedReportVerdict.TOO_EARLY
    elif local >= closes_at:
        verdict = MissedReportVerdict.TOO_LATE
    else:
        verdict = MissedReportVerdict.ACCEPTED
    return MissedCollectionWindow(verdict, collection_date, opens_at, closes_at)
