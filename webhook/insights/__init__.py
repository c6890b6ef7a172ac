"""Council insights: every turn and every "Was this helpful?" kept (redacted) in the app's database, for
the council's staff dashboard and the sector's view of what the shared library is missing.

The app records through `record_turn` and `record_feedback`; they queue and return at once (see
recorder.py). The database, the recorder and the key that hides session ids are made by
`init_insights` when the app is built.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial

from flask import Flask, current_app
from sqlalchemy.exc import OperationalError

from webhook.database import Database, connect, migrate
from webhook.insights.events import (
    FeedbackEvent,
    TurnSeen,
    conversation_id,
    conversation_key,
    finish_event,
    stored_text,
)
from webhook.insights.recorder import FLUSH_SECONDS, QUEUE_LIMIT, Recorder
from webhook.library.model import Council, Library

log = logging.getLogger("webhook.insights")

#: Days a council's insights are kept unless its overlay says otherwise (`insights: retention_days`).
DEFAULT_RETENTION_DAYS = 90


def init_insights(app: Flask) -> None:
    """Open the database (migrating it unless DATABASE_MIGRATE is off) and start recording.

    A database that cannot be reached does not stop the app from starting: residents are answered as
    ever, and the migration is tried again before each batch is written until it succeeds (the batches
    written meanwhile are lost, counted and logged, as in any outage)."""
    if not app.config.get("INSIGHTS_ENABLED", True):
        return
    database = connect(app.config["DATABASE_URL"])
    prepare: Callable[[Database], None] | None = None
    if app.config.get("DATABASE_MIGRATE", True):
        try:
            migrate(database)
        except OperationalError as error:  # unreachable (not a broken migration, which stops the app)
            log.error(
                "insights: the database cannot be reached to migrate it (%s); turns are answered, and "
                "it is migrated once it can be",
                str(error).splitlines()[0][:300],
            )
            prepare = migrate
    app.extensions["database"] = database
    key = conversation_key(str(app.config["SECRET_KEY"]))
    app.extensions["insights"] = Recorder(
        database,
        queue_limit=int(app.config.get("INSIGHTS_QUEUE_LIMIT", QUEUE_LIMIT)),
        flush_seconds=float(app.config.get("INSIGHTS_FLUSH_SECONDS", FLUSH_SECONDS)),
        prepare=prepare,
        finish=partial(finish_event, key=key),
    )
    app.extensions["insights_key"] = key


def recorder() -> Recorder | None:
    """The app's recorder (None when insights are switched off)."""
    return current_app.extensions.get("insights")


def record_turn(
    library: Library,
    council: Council,
    *,
    session: str,
    channel: str,
    language: str,
    intent: str | None,
    confidence: float | None,
    outcome: str | None,
    text: str,
    text_is_redacted: bool = False,
) -> None:
    """Queue one resident's turn for the council's insights (nothing when insights are off). `text` is
    redacted before it is kept, unless `text_is_redacted` says it already was (the webhook's turn log
    redacts it first)."""
    sink = recorder()
    if sink is None:
        return
    # Only a tuple here: the writer's thread hashes and redacts it (see TurnSeen).
    sink.record(
        TurnSeen(
            time.time(),
            council.slug,
            session,
            channel,
            language,
            intent,
            confidence,
            is_fallback(library, intent),
            outcome,
            text,
            text_is_redacted,
        )
    )


def record_feedback(
    council: str,
    *,
    session: str,
    intent: str,
    helpful: bool,
    answer: int | None,
    language: str | None,
    comment: str,
) -> None:
    """Queue one "Was this helpful?" for the council's insights (nothing when insights are off)."""
    sink = recorder()
    if sink is None:
        return
    sink.record(
        FeedbackEvent(
            at=datetime.now(UTC),
            council=council,
            conversation=conversation_id(current_app.extensions["insights_key"], council, session),
            intent=intent,
            answer=answer,
            helpful=helpful,
            language=language,
            comment=stored_text(comment),
        )
    )


def is_fallback(library: Library, intent_id: str | None) -> bool:
    """Whether a turn answered by `intent_id` fell to fallback: the bot did not understand. (A
    context-scoped fallback, such as the one that takes an answer to the bot's own question, is not.)"""
    if intent_id is None:
        return True
    intent = library.intents.get(intent_id)
    return intent is not None and intent.fallback and not intent.input_contexts


def retention_days(council: Council) -> int:
    """Days the council's insights are kept: its overlay's `insights: retention_days`, else 90."""
    data = council.document.data if isinstance(council.document.data, dict) else {}
    settings = data.get("insights")
    days = settings.get("retention_days") if isinstance(settings, dict) else None
    return days if isinstance(days, int) and days > 0 else DEFAULT_RETENTION_DAYS
