"""What a staff page shows for one scope and period: the figures, the unanswered questions grouped, and
(for the sector) each council's headline figures; and each table as rows, for the page and for CSV.

The grouping of unanswered questions lives in webhook.insights.unanswered; it is imported where it is
used, so the rest of the staff pages work while it is being written.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from webhook.database import Database
from webhook.insights.figures import (
    CouncilTotals,
    Figures,
    Period,
    council_totals,
    figures,
    unanswered_turns,
)
from webhook.insights.unanswered import UnansweredGroup, group_unanswered, recurring
from webhook.library.model import Library, localise
from webhook.staff.accounts import SECTOR

#: The periods the dashboard offers, in days; and the one shown first. A URL (the JSON's `?days=N`) may
#: ask for any number of days from 1 to MAX_DAYS.
PERIODS = (7, 30, 90, 365)
DEFAULT_DAYS = 30
MAX_DAYS = 365
LANGUAGES = {"en": "English", "cy": "Welsh"}
#: The sector reads more groups before keeping those that recur: most groups belong to one council.
SECTOR_GROUPS = 500
#: The tables a dashboard offers as CSV; the sector's view adds one row per council.
TABLES = ("intents", "unhelpful", "days", "unanswered")
SECTOR_TABLES = (*TABLES, "councils")


@dataclass(frozen=True)
class CouncilRow(CouncilTotals):
    """One council's headline figures, with its name, for the sector's table."""

    name: str


@dataclass(frozen=True)
class Report:
    """A scope's page for a period."""

    scope: str
    days: int
    figures: Figures
    groups: tuple[UnansweredGroup, ...]
    councils: tuple[CouncilRow, ...] = ()

    @property
    def is_sector(self) -> bool:
        return self.scope == SECTOR


def build_report(database: Database, library: Library, scope: str, days: int, language: str | None) -> Report:
    """The figures and unanswered groups of a council (or of every council, for the sector)."""
    period = Period.last_days(days, language=language)
    chosen = None if scope == SECTOR else [scope]
    seen = figures(database, period, chosen)
    fallen = unanswered_turns(database, period, chosen)
    if scope == SECTOR:
        groups = recurring(group_unanswered(fallen, max_groups=SECTOR_GROUPS))
        return Report(scope, days, seen, tuple(groups), council_rows(database, library, period))
    return Report(scope, days, seen, tuple(group_unanswered(fallen)))


def council_rows(database: Database, library: Library, period: Period) -> tuple[CouncilRow, ...]:
    """Each library council's conversations, turns, fallbacks, contained conversations and hand-offs."""
    return tuple(
        CouncilRow(**asdict(totals), name=council_name(library, totals.council))
        for totals in council_totals(database, period, sorted(library.councils))
    )


def council_name(library: Library, slug: str) -> str:
    """The council's English name (its slug when it is no longer in the library)."""
    council = library.council(slug)
    return (localise(council.name, "en") if council else None) or slug


def intent_title(library: Library, intent: str) -> str:
    """The intent's title in the library (its id when the library no longer has it)."""
    found = library.intents.get(intent)
    return found.title if found is not None else intent


def percent(share: float) -> str:
    """A share as a percentage with one decimal place."""
    return f"{share * 100:.1f}%"


def table(report: Report, library: Library, name: str) -> tuple[list[str], list[list[Any]]]:
    """One of the page's tables as a header and rows (the CSV export; the page shows the same)."""
    seen = report.figures
    if name == "intents":
        return ["intent", "title", "turns"], [
            [i.intent, intent_title(library, i.intent), i.turns] for i in seen.top_intents
        ]
    if name == "unhelpful":
        return ["intent", "title", "not_helpful", "recent_comments"], [
            [u.intent, intent_title(library, u.intent), u.count, "\n".join(u.comments)]
            for u in seen.unhelpful
        ]
    if name == "days":
        return ["day", "conversations", "turns", "fallbacks", "fallback_rate"], [
            [
                d.day.isoformat(),
                d.conversations,
                d.turns,
                d.fallbacks,
                round(d.fallbacks / d.turns, 4) if d.turns else 0,
            ]
            for d in seen.days
        ]
    if name == "unanswered":
        return ["text", "turns", "conversations", "councils", "languages", "examples"], [
            [
                g.text,
                g.turns,
                g.conversations,
                " ".join(g.councils),
                " ".join(g.languages),
                "\n".join(g.examples),
            ]
            for g in report.groups
        ]
    if name == "councils" and report.is_sector:
        return ["council", "name", "conversations", "turns", "fallback_rate", "containment", "handoffs"], [
            [
                c.council,
                c.name,
                c.conversations,
                c.turns,
                round(c.fallback_rate, 4),
                round(c.containment, 4),
                c.handoffs,
            ]
            for c in report.councils
        ]
    raise KeyError(name)


def as_json(report: Report) -> dict[str, Any]:
    """The report as the insights JSON: the figures, then the unanswered groups (and the councils)."""
    body: dict[str, Any] = {"scope": report.scope, "days": report.days, **report.figures.as_json()}
    body["unanswered"] = [group_json(group) for group in report.groups]
    if report.is_sector:
        body["councils"] = [
            {
                "council": c.council,
                "conversations": c.conversations,
                "turns": c.turns,
                "fallback_rate": round(c.fallback_rate, 4),
                "containment": round(c.containment, 4),
                "handoffs": c.handoffs,
            }
            for c in report.councils
        ]
    return body


def group_json(group: UnansweredGroup) -> dict[str, Any]:
    """One unanswered group as JSON: `text` and `count` (its turns), then the rest."""
    return {
        "text": group.text,
        "count": group.turns,
        "conversations": group.conversations,
        "councils": list(group.councils),
        "languages": list(group.languages),
        "examples": list(group.examples),
    }


def chosen_days(value: str | None) -> int:
    """The period asked for, in whole days from 1 to MAX_DAYS; else (none, or not such a number) the
    default."""
    days = int(value) if value is not None and value.isascii() and value.isdigit() else 0
    return days if 1 <= days <= MAX_DAYS else DEFAULT_DAYS


def chosen_language(value: str | None) -> str | None:
    """The language asked for, or None for both."""
    return value if value in LANGUAGES else None
