"""Hand-offs a channel refuses for good: when they failed, so the purge can erase them in time.

The status column is free text (no CHECK constraint), so `failed` needs no change to it, and the index
on (status, next_attempt_at) still serves the worker's search for pending rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("handoffs", sa.Column("failed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    # SQLite drops a column only by copying the table.
    with op.batch_alter_table("handoffs") as batch:
        batch.drop_column("failed_at")
