"""The figures a council's staff (or the sector's maintainers) see for a period: read from the database
with aggregate queries, never by loading turns into memory.

Containment is the share of conversations that ended without a fallback, a request for a person or an
answer judged "not helpful" (the `conversations` table keeps those counts as turns are written).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import and_, case, desc, func, select

from webhook.database import Database
from webhook.database.tables import FALLBACK_TURN, conversations, feedback, turn_days, turns

#: Intents listed in "top intents", and "not helpful" answers listed with their comments.
TOP = 10
#: Comments shown per "not helpful" intent.
COMMENTS = 5
#: Fallback turns read for the unanswered questions: the most recent first, enough to show what recurs
#: (a million stored turns hold about 100,000 fallbacks, too many to group while the page waits).
UNANSWERED_LIMIT = 5_000


#: 1 for a conversation with no fallback, no hand-off and no "not helpful" answer, else 0.
_CONTAINED = case(
    (
        and_(conversations.c.fallbacks == 0, conversations.c.handoffs == 0, conversations.c.unhelpful == 0),
        1,
    ),
    else_=0,
)


@dataclass(frozen=True)
class Period:
    """From `start` (inclusive) to `end` (exclusive), both UTC; optionally one language only."""

    start: datetime
    end: datetime
    language: str | None = None

    @classmethod
    def last_days(cls, days: int, *, language: str | None = None, now: datetime | None = None) -> Period:
        """The last `days` days up to now (whole UTC days: today and the days before it)."""
        now = now or datetime.now(UTC)
        end = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), UTC)
        return cls(end - timedelta(days=days), end, language)

    @property
    def days(self) -> list[date]:
        """Each UTC day of the period, in order."""
        first, last = self.start.date(), (self.end - timedelta(microseconds=1)).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]


@dataclass(frozen=True)
class IntentCount:
    """An intent and how many turns it answered."""

    intent: str
    turns: int


@dataclass(frozen=True)
class UnhelpfulAnswer:
    """An intent whose answers residents judged "not helpful", how often, and recent comments."""

    intent: str
    count: int
    comments: tuple[str, ...]


@dataclass(frozen=True)
class Day:
    """One day's activity."""

    day: date
    conversations: int
    turns: int
    fallbacks: int


@dataclass(frozen=True)
class UnansweredTurn:
    """A turn that fell to fallback: what the resident typed (redacted) and where."""

    text: str
    council: str
    language: str
    conversation: str
    at: datetime


class Rates:
    """The two rates every set of headline counts gives (its `turns`, `fallbacks`, `conversations` and
    `contained`)."""

    turns: int
    fallbacks: int
    conversations: int
    contained: int

    @property
    def fallback_rate(self) -> float:
        """Share of turns that fell to fallback (0 with no turns)."""
        return self.fallbacks / self.turns if self.turns else 0.0

    @property
    def containment(self) -> float:
        """Share of conversations with no fallback, no hand-off and no "not helpful" (0 with none)."""
        return self.contained / self.conversations if self.conversations else 0.0


@dataclass(frozen=True)
class Figures(Rates):
    """A period's figures for one council, or for several (the sector)."""

    councils: tuple[str, ...] | None  # None: every council
    period: Period
    conversations: int
    contained: int
    handoffs: int
    turns: int
    fallbacks: int
    top_intents: tuple[IntentCount, ...]
    unhelpful: tuple[UnhelpfulAnswer, ...]
    helpful_answers: int
    days: tuple[Day, ...]

    def as_json(self) -> dict[str, Any]:
        """The figures as JSON (without the unanswered questions, which are grouped elsewhere)."""
        return {
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "language": self.period.language,
            "conversations": self.conversations,
            "turns": self.turns,
            "fallback_rate": round(self.fallback_rate, 4),
            "containment": round(self.containment, 4),
            "handoffs": self.handoffs,
            "top_intents": [{"intent": i.intent, "turns": i.turns} for i in self.top_intents],
            "not_helpful": [
                {"intent": u.intent, "count": u.count, "comments": list(u.comments)} for u in self.unhelpful
            ],
            "helpful": self.helpful_answers,
            "days": [
                {
                    "day": d.day.isoformat(),
                    "conversations": d.conversations,
                    "turns": d.turns,
                    "fallbacks": d.fallbacks,
                }
                for d in self.days
            ],
        }


def figures(database: Database, period: Period, councils: Sequence[str] | None = None) -> Figures:
    """The period's figures for `councils` (None: all of them). Counts of turns come from the daily
    counts (`turn_days`), so the period is taken in whole UTC days."""
    chosen = tuple(councils) if councils is not None else None
    first_day, end_day = period.start.astimezone(UTC).date(), _end_day(period)
    day_where = [turn_days.c.day >= first_day, turn_days.c.day < end_day, *_scope(turn_days, period, chosen)]
    conversation_where = _where(conversations.c.started_at, conversations, period, chosen)
    feedback_where = _where(feedback.c.at, feedback, period, chosen)
    answered = turn_days.c.turns - turn_days.c.fallbacks
    with database.engine.connect() as connection:
        total_turns, total_fallbacks = connection.execute(
            select(
                func.coalesce(func.sum(turn_days.c.turns), 0),
                func.coalesce(func.sum(turn_days.c.fallbacks), 0),
            ).where(*day_where)
        ).one()
        total_conversations, contained, handoffs = connection.execute(
            select(
                func.count(),
                func.coalesce(func.sum(_CONTAINED), 0),
                func.coalesce(func.sum(case((conversations.c.handoffs > 0, 1), else_=0)), 0),
            ).where(*conversation_where)
        ).one()
        top = connection.execute(
            select(turn_days.c.intent, func.sum(answered).label("n"))
            .where(*day_where, turn_days.c.intent != "")
            .group_by(turn_days.c.intent)
            .having(func.sum(answered) > 0)
            .order_by(desc("n"), turn_days.c.intent)
            .limit(TOP)
        ).all()
        unhelpful_counts = connection.execute(
            select(feedback.c.intent, func.count().label("n"))
            .where(*feedback_where, feedback.c.helpful.is_(False))
            .group_by(feedback.c.intent)
            .order_by(desc("n"), feedback.c.intent)
            .limit(TOP)
        ).all()
        unhelpful = tuple(
            UnhelpfulAnswer(intent, count, _comments(connection, feedback_where, intent))
            for intent, count in unhelpful_counts
        )
        helpful = connection.execute(
            select(func.count()).where(*feedback_where, feedback.c.helpful.is_(True))
        ).scalar_one()
        days = _days(connection, period, day_where, chosen)
    return Figures(
        councils=chosen,
        period=period,
        conversations=int(total_conversations),
        contained=int(contained),
        handoffs=int(handoffs),
        turns=int(total_turns),
        fallbacks=int(total_fallbacks),
        top_intents=tuple(IntentCount(intent, int(n)) for intent, n in top),
        unhelpful=unhelpful,
        helpful_answers=int(helpful),
        days=days,
    )


@dataclass(frozen=True)
class CouncilTotals(Rates):
    """One council's headline counts for a period (the sector's table)."""

    council: str
    conversations: int
    contained: int
    handoffs: int
    turns: int
    fallbacks: int


def council_totals(database: Database, period: Period, councils: Sequence[str]) -> list[CouncilTotals]:
    """Each council's counts for the period: turns from the daily counts, conversations one council at a
    time, so each query reads only that council's slice of its index."""
    first_day, end_day = period.start.astimezone(UTC).date(), _end_day(period)
    with database.engine.connect() as connection:
        turn_counts = {
            council: (int(n), int(f))
            for council, n, f in connection.execute(
                select(turn_days.c.council, func.sum(turn_days.c.turns), func.sum(turn_days.c.fallbacks))
                .where(
                    turn_days.c.day >= first_day,
                    turn_days.c.day < end_day,
                    *_scope(turn_days, period, tuple(councils)),
                )
                .group_by(turn_days.c.council)
            )
        }
        totals = []
        for council in councils:
            started, contained, handoffs = connection.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(_CONTAINED), 0),
                    func.coalesce(func.sum(case((conversations.c.handoffs > 0, 1), else_=0)), 0),
                ).where(*_where(conversations.c.started_at, conversations, period, (council,)))
            ).one()
            answered, fallbacks = turn_counts.get(council, (0, 0))
            totals.append(
                CouncilTotals(council, int(started), int(contained), int(handoffs), answered, fallbacks)
            )
    return totals


def unanswered_turns(
    database: Database, period: Period, councils: Sequence[str] | None = None, limit: int = UNANSWERED_LIMIT
) -> list[UnansweredTurn]:
    """The period's turns that fell to fallback, the most recent first (at most `limit`)."""
    chosen = tuple(councils) if councils is not None else None
    query = (
        select(turns.c.text, turns.c.council, turns.c.language, turns.c.conversation, turns.c.at)
        .where(*_where(turns.c.at, turns, period, chosen), FALLBACK_TURN, turns.c.text != "")
        .order_by(turns.c.at.desc())
        .limit(limit)
    )
    with database.engine.connect() as connection:
        return [
            UnansweredTurn(text, council, language, conversation, _utc(at))
            for text, council, language, conversation, at in connection.execute(query)
        ]


def _where(column: Any, table: Any, period: Period, councils: tuple[str, ...] | None) -> list[Any]:
    return [column >= period.start, column < period.end, *_scope(table, period, councils)]


def _scope(table: Any, period: Period, councils: tuple[str, ...] | None) -> list[Any]:
    clauses = []
    if councils is not None:
        one = len(councils) == 1
        clauses.append(table.c.council == councils[0] if one else table.c.council.in_(councils))
    if period.language:
        clauses.append(table.c.language == period.language)
    return clauses


def _end_day(period: Period) -> date:
    """The first UTC day after the period (its end is midnight, or the day it falls in is included)."""
    end = period.end.astimezone(UTC)
    return end.date() if end.time() == datetime.min.time() else end.date() + timedelta(days=1)


def _comments(connection: Any, feedback_where: list[Any], intent: str) -> tuple[str, ...]:
    rows = connection.execute(
        select(feedback.c.comment)
        .where(
            *feedback_where,
            feedback.c.helpful.is_(False),
            feedback.c.intent == intent,
            feedback.c.comment != "",
        )
        .order_by(feedback.c.at.desc())
        .limit(COMMENTS)
    )
    return tuple(comment for (comment,) in rows)


def _days(
    connection: Any, period: Period, day_where: list[Any], councils: tuple[str, ...] | None
) -> tuple[Day, ...]:
    by_day: dict[date, list[int]] = {day: [0, 0, 0] for day in period.days}
    for day, count, fallbacks in connection.execute(
        select(turn_days.c.day, func.sum(turn_days.c.turns), func.sum(turn_days.c.fallbacks))
        .where(*day_where)
        .group_by(turn_days.c.day)
    ):
        if (parsed := _as_date(day)) in by_day:
            by_day[parsed][1:] = [int(count), int(fallbacks)]
    started = conversations.c.started_day
    for day, count in connection.execute(
        select(started, func.count())
        .where(
            started >= period.start.astimezone(UTC).date(),
            started < _end_day(period),
            *_scope(conversations, period, councils),
        )
        .group_by(started)
    ):
        if (parsed := _as_date(day)) in by_day:
            by_day[parsed][0] = int(count)
    return tuple(Day(day, *values) for day, values in by_day.items())


def _as_date(value: Any) -> date:
    # SQLite's date() gives "YYYY-MM-DD"; PostgreSQL's a date.
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
