"""The unanswered questions' indexes hold fallback turns only.

Every turn written paid for two indexes that only the unanswered questions read, and those read only
fallbacks: both become partial indexes on the fallback turns (about one turn in ten), which keeps
writing a turn cheap (recording must add at most 5% to a turn). The purge reads ix_turns_council_at,
which stays whole.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_turns_council_fallback_at", table_name="turns")
    op.drop_index("ix_turns_at", table_name="turns")
    where = _fallback()
    op.create_index(
        "ix_turns_fallback_council_at",
        "turns",
        ["council", "at"],
        sqlite_where=where,
        postgresql_where=where,
    )
    op.create_index("ix_turns_fallback_at", "turns", ["at"], sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    op.drop_index("ix_turns_fallback_at", table_name="turns")
    op.drop_index("ix_turns_fallback_council_at", table_name="turns")
    op.create_index("ix_turns_council_fallback_at", "turns", ["council", "fallback", "at"])
    op.create_index("ix_turns_at", "turns", ["at"])


def _fallback() -> sa.ColumnElement[bool]:
    # Written as the queries write it (`fallback IS 1` in SQLite, `fallback IS true` in PostgreSQL):
    # a partial index serves a query only when the query's condition implies the index's.
    return sa.column("fallback", sa.Boolean).is_(True)
