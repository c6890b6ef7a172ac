"""Insights: turns and their daily counts, conversations, feedback, and staff sign-in failures.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer, "sqlite")


def upgrade() -> None:
    op.create_table(
        "turns",
        sa.Column("id", RowId, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("council", sa.String(64), nullable=False),
        sa.Column("conversation", sa.String(32), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("intent", sa.String(100), nullable=True),
        sa.Column("confidence", sa.Float, nullable=True),
        sa.Column("fallback", sa.Boolean, nullable=False),
        sa.Column("handoff", sa.Boolean, nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("text", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_turns"),
    )
    op.create_index("ix_turns_council_at", "turns", ["council", "at"])
    op.create_index("ix_turns_council_fallback_at", "turns", ["council", "fallback", "at"])
    op.create_index("ix_turns_at", "turns", ["at"])
    op.create_table(
        "turn_days",
        sa.Column("council", sa.String(64), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("intent", sa.String(100), nullable=False),
        sa.Column("turns", sa.Integer, nullable=False),
        sa.Column("fallbacks", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("council", "day", "language", "intent", name="pk_turn_days"),
    )
    op.create_table(
        "conversations",
        sa.Column("id", sa.String(32), nullable=False),
        sa.Column("council", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("started_day", sa.Date, nullable=False),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("turns", sa.Integer, nullable=False),
        sa.Column("fallbacks", sa.Integer, nullable=False),
        sa.Column("handoffs", sa.Integer, nullable=False),
        sa.Column("unhelpful", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversations"),
    )
    op.create_index(
        "ix_conversations_council_started_at",
        "conversations",
        ["council", "started_at", "fallbacks", "handoffs", "unhelpful"],
    )
    op.create_index("ix_conversations_council_started_day", "conversations", ["council", "started_day"])
    op.create_index("ix_conversations_last_at", "conversations", ["last_at"])
    op.create_table(
        "feedback",
        sa.Column("id", RowId, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("council", sa.String(64), nullable=False),
        sa.Column("conversation", sa.String(32), nullable=False),
        sa.Column("intent", sa.String(100), nullable=False),
        sa.Column("answer", sa.Integer, nullable=True),
        sa.Column("helpful", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("comment", sa.String(500), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_feedback"),
    )
    op.create_index("ix_feedback_council_at", "feedback", ["council", "at"])
    op.create_index("ix_feedback_at", "feedback", ["at"])
    op.create_table(
        "staff_sign_in_failures",
        sa.Column("account", sa.String(200), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("account", name="pk_staff_sign_in_failures"),
    )


def downgrade() -> None:
    op.drop_table("staff_sign_in_failures")
    op.drop_table("feedback")
    op.drop_table("conversations")
    op.drop_table("turn_days")
    op.drop_table("turns")
