"""The app's own database: insights (what residents asked and how the bot did) and, later, the hand-off
outbox.

SQLAlchemy 2 over an SQLite file by default, so `make run` needs nothing but Python, and PostgreSQL in
production (`DATABASE_URL=postgresql+psycopg://...`). The schema is Alembic's (migrations/); `migrate`
brings a database up to date, and the app does so as it starts unless told not to.
"""

from __future__ import annotations

from webhook.database.connection import Database, connect, default_database_url
from webhook.database.migrate import migrate

__all__ = ["Database", "connect", "default_database_url", "migrate"]
