"""A period's figures, as staff see them: counted from stored turns, conversations and feedback."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from webhook.database import connect, migrate
from webhook.insights.events import FeedbackEvent, TurnEvent
from webhook.insights.figures import Period, council_totals, figures, unanswered_turns
from webhook.insights.store import write_events

NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def turn(
    conversation: str,
    intent: str | None,
    *,
    council: str = "demo",
    days_ago: int = 0,
    fallback: bool = False,
    handoff: bool = False,
    language: str = "en",
    text: str = "hi",
) -> TurnEvent:
    return TurnEvent(
        at=NOW - timedelta(days=days_ago),
        council=council,
        conversation=conversation,
        language=language,
        channel="chat",
        intent=intent,
        confidence=0.9,
        fallback=fallback,
        handoff=handoff,
        outcome="handled",
        text=text,
    )


def unhelpful(conversation: str, intent: str, comment: str = "", *, council: str = "demo") -> FeedbackEvent:
    return FeedbackEvent(NOW, council, conversation, intent, 1, False, "en", comment)


def test_figures_count_conversations_containment_fallbacks_and_top_intents(database_url: str) -> None:
    database = connect(database_url)
    migrate(database)
    write_events(
        database,
        [
            turn("a", "waste.collection_day"),
            turn("a", "waste.collection_day"),
            turn("b", "system.fallback", fallback=True, text="can you fix my boiler"),
            turn("b", "council_tax.pay"),
            turn("c", "system.human_handoff", handoff=True),
            turn("d", "council_tax.pay", language="cy"),
            turn("e", "waste.collection_day", days_ago=40),  # outside the period
            turn("f", "waste.collection_day", council="oxford"),  # another council
            unhelpful("d", "council_tax.pay", "it did not say how much"),
        ],
    )

    seen = figures(database, Period.last_days(30, now=NOW), ["demo"])

    assert (seen.conversations, seen.turns, seen.fallbacks, seen.handoffs) == (4, 6, 1, 1)
    assert seen.contained == 1  # only "a": b fell back, c asked for a person, d was "not helpful"
    assert round(seen.fallback_rate, 3) == round(1 / 6, 3) and seen.containment == 0.25
    assert [(i.intent, i.turns) for i in seen.top_intents][:2] == [
        ("council_tax.pay", 2),
        ("waste.collection_day", 2),
    ]
    assert [(u.intent, u.count, u.comments) for u in seen.unhelpful] == [
        ("council_tax.pay", 1, ("it did not say how much",))
    ]
    assert len(seen.days) == 30 and seen.days[-1] == seen.days[-1].__class__(date(2026, 11, 30), 4, 6, 1)
    welsh = figures(database, Period.last_days(30, language="cy", now=NOW), ["demo"])
    assert (welsh.conversations, welsh.turns) == (1, 1)
    sector = figures(database, Period.last_days(30, now=NOW))
    assert (sector.conversations, sector.turns) == (5, 7)
    by_council = council_totals(database, Period.last_days(30, now=NOW), ["demo", "oxford", "cardiff"])
    assert [
        (t.council, t.conversations, t.contained, t.handoffs, t.turns, t.fallbacks) for t in by_council
    ] == [
        ("demo", 4, 1, 1, 6, 1),
        ("oxford", 1, 1, 0, 1, 0),
        ("cardiff", 0, 0, 0, 0, 0),
    ]
    database.dispose()


def test_unanswered_turns_are_the_fallbacks_of_the_period(database_url: str) -> None:
    database = connect(database_url)
    migrate(database)
    write_events(
        database,
        [
            turn("a", "system.fallback", fallback=True, text="can you fix my boiler"),
            turn("b", "system.fallback", fallback=True, text="boiler broken", council="oxford"),
            turn("c", "waste.collection_day", text="bin day"),
            turn("d", "system.fallback", fallback=True, text="old question", days_ago=60),
        ],
    )

    demo = unanswered_turns(database, Period.last_days(30, now=NOW), ["demo"])
    everywhere = unanswered_turns(database, Period.last_days(30, now=NOW))

    assert [(u.text, u.council) for u in demo] == [("can you fix my boiler", "demo")]
    assert sorted(u.text for u in everywhere) == ["boiler broken", "can you fix my boiler"]
    assert demo[0].at == NOW
    database.dispose()


def test_turns_kept_before_the_fallback_only_indexes_are_still_found_after_the_upgrade(
    database_url: str,
) -> None:
    # Migration 0004 makes the unanswered questions' indexes hold fallbacks only: a council's stored
    # fallbacks must still be listed once its database is upgraded, and its other turns still not.
    database = connect(database_url)
    migrate(database, "0003")
    write_events(
        database,
        [
            turn("a", "system.fallback", fallback=True, text="can you fix my boiler", days_ago=1),
            turn("b", "system.fallback", fallback=True, text="boiler broken", council="oxford", days_ago=1),
            turn("c", "waste.collection_day", text="bin day", days_ago=1),
        ],
    )

    migrate(database)
    write_events(database, [turn("d", "system.fallback", fallback=True, text="my boiler again")])

    demo = unanswered_turns(database, Period.last_days(30, now=NOW), ["demo"])
    everywhere = unanswered_turns(database, Period.last_days(30, now=NOW))
    assert [u.text for u in demo] == ["my boiler again", "can you fix my boiler"]
    assert sorted(u.text for u in everywhere) == ["boiler broken", "can you fix my boiler", "my boiler again"]
    database.dispose()
