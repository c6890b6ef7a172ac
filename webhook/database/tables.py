"""The database's tables, as SQLAlchemy Core metadata: what the migrations create and the code writes.

Insights keep no resident's session id and no unredacted text: a conversation is known by a keyed hash
of its session (`webhook.insights.events.conversation_id`), and every text has been through
`webhook.logs.redact`.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    }
)

#: SQLite numbers rows itself only in an INTEGER PRIMARY KEY; PostgreSQL needs 64 bits for a busy sector.
RowId = BigInteger().with_variant(Integer, "sqlite")

#: One resident's message and the bot's handling of it.
turns = Table(
    "turns",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("council", String(64), nullable=False),
    Column("conversation", String(32), nullable=False),
    Column("language", String(8), nullable=False),
    #: "chat" (the residents' chat page and widget) or "dialogflow" (the Dialogflow ES webhook).
    Column("channel", String(16), nullable=False),
    Column("intent", String(100), nullable=True),
    Column("confidence", Float, nullable=True),
    #: The turn fell to the fallback intent: the bot did not understand.
    Column("fallback", Boolean, nullable=False),
    #: The resident asked for a person.
    Column("handoff", Boolean, nullable=False),
    #: The handler's outcome (answered, failed, timed_out, ...), when a handler ran.
    Column("outcome", String(32), nullable=True),
    #: What the resident typed, redacted.
    Column("text", String(500), nullable=False),
    # The purge's: a council's turns before its cutoff.
    Index("ix_turns_council_at", "council", "at"),
)
#: The turns that fell to fallback (the unanswered questions read only these).
FALLBACK_TURN = turns.c.fallback.is_(True)
# The unanswered questions: a council's (or the sector's) most recent fallbacks, read backwards from
# these. Partial, holding fallbacks only: one turn in ten or so, and every index a row joins is paid
# for on each turn written (about half a microsecond a row).
Index(
    "ix_turns_fallback_council_at",
    turns.c.council,
    turns.c.at,
    sqlite_where=FALLBACK_TURN,
    postgresql_where=FALLBACK_TURN,
)
Index("ix_turns_fallback_at", turns.c.at, sqlite_where=FALLBACK_TURN, postgresql_where=FALLBACK_TURN)

#: Turns counted by council, day (UTC), language and intent, added to as turns are written: the
#: dashboard's counts, top intents and trends read a few thousand of these, not a million turns.
turn_days = Table(
    "turn_days",
    metadata,
    Column("council", String(64), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("language", String(8), primary_key=True),
    #: "" for a turn with no intent.
    Column("intent", String(100), primary_key=True),
    Column("turns", Integer, nullable=False),
    Column("fallbacks", Integer, nullable=False),
)

#: One conversation's running totals, kept as its turns are written: containment without a scan of turns.
conversations = Table(
    "conversations",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("council", String(64), nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    #: The UTC day of `started_at`, for conversations per day without a date function on every row.
    Column("started_day", Date, nullable=False),
    Column("last_at", DateTime(timezone=True), nullable=False),
    Column("language", String(8), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("turns", Integer, nullable=False),
    Column("fallbacks", Integer, nullable=False),
    Column("handoffs", Integer, nullable=False),
    Column("unhelpful", Integer, nullable=False),
    # The dashboard's conversation figures read a council's period from this index alone.
    Index(
        "ix_conversations_council_started_at", "council", "started_at", "fallbacks", "handoffs", "unhelpful"
    ),
    Index("ix_conversations_council_started_day", "council", "started_day"),
    Index("ix_conversations_last_at", "last_at"),
)

#: A resident's "Was this helpful?" on one answer.
feedback = Table(
    "feedback",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("council", String(64), nullable=False),
    Column("conversation", String(32), nullable=False),
    Column("intent", String(100), nullable=False),
    Column("answer", Integer, nullable=True),
    Column("helpful", Boolean, nullable=False),
    Column("language", String(8), nullable=True),
    #: What the resident wrote after "no", redacted.
    Column("comment", String(500), nullable=False),
    Index("ix_feedback_council_at", "council", "at"),
    Index("ix_feedback_at", "at"),
)

#: Failed staff sign-ins by account, so that repeated guessing locks the account for a while, across
#: every worker of the deployment.
staff_sign_in_failures = Table(
    "staff_sign_in_failures",
    metadata,
    Column("account", String(200), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("last_failure_at", DateTime(timezone=True), nullable=False),
    Column("locked_until", DateTime(timezone=True), nullable=True),
)

#: The hand-off outbox: one row per hand-off to the council's staff the bot accepted, kept until it is
#: delivered through the council's channel (webhook/handoff/). The case holds only what the resident
#: consented to share and how to reach them; it is never logged.
handoffs = Table(
    "handoffs",
    metadata,
    Column("id", RowId, primary_key=True, autoincrement=True),
    #: The resident's reference, and the idempotency key every channel is given.
    Column("reference", String(32), nullable=False, unique=True),
    Column("council", String(64), nullable=False),
    #: notify_email, webhook or open311.
    Column("channel", String(16), nullable=False),
    #: The case as JSON (webhook.handoff.case.Case).
    Column("case_json", Text, nullable=False),
    #: pending, delivered, or failed (the channel refused it for good).
    Column("status", String(16), nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("next_attempt_at", DateTime(timezone=True), nullable=False),
    #: A worker's claim: until then no other worker may take the row; `claim` names the worker's attempt.
    Column("claimed_until", DateTime(timezone=True), nullable=True),
    Column("claim", String(32), nullable=True),
    Column("delivered_at", DateTime(timezone=True), nullable=True),
    #: When the channel refused the case for good (status failed); the purge erases the case from then.
    Column("failed_at", DateTime(timezone=True), nullable=True),
    #: The last failure's kind and status (never the case's content).
    Column("last_error", String(300), nullable=True),
    Index("ix_handoffs_status_next_attempt_at", "status", "next_attempt_at"),
)
