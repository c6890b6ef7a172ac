"""Configuration objects for each environment; `APP_ENV` picks one (production unless told)."""

from __future__ import annotations

import os
from pathlib import Path

from webhook.agent.cache_dir import default_nlu_cache_dir
from webhook.database.connection import default_database_url


class Config:
    """Settings shared by every environment."""

    TESTING = False
    DEBUG = False
    # Where intents/ and councils/ live: $LIBRARY_DIR, else (None) create_app looks from the current
    # directory upward, then falls back to the checkout when running from source.
    LIBRARY_DIR: Path | None = Path(os.environ["LIBRARY_DIR"]) if os.environ.get("LIBRARY_DIR") else None
    # Dialogflow waits 5 s for the webhook, network included; leave it a margin.
    TURN_DEADLINE_SECONDS = float(os.environ.get("TURN_DEADLINE_SECONDS", "4.0"))
    MAX_CONTENT_LENGTH = 1024 * 1024
    JSON_SORT_KEYS = False
    # Signs the chat's conversation state; every instance of one deployment must share it.
    # Read from $SECRET_KEY when the app is built; production refuses to start without one.
    SECRET_KEY: str | None = None
    REQUIRE_SECRET_KEY = False
    # A fast typist sends several messages in a few seconds: the burst lets them through, the rate
    # still stops a script.
    CHAT_RATE_PER_MINUTE = float(os.environ.get("CHAT_RATE_PER_MINUTE", "60"))
    CHAT_RATE_BURST = int(os.environ.get("CHAT_RATE_BURST", "20"))
    # Where the chat's rate limits live so that they hold across every worker and instance, e.g.
    # redis://redis.internal:6379/0; unset, each process keeps its own.
    REDIS_URL = os.environ.get("REDIS_URL") or None
    # Log lines wait at most this long to be written together (0: each at once). Warnings and errors
    # are written at once; a killed process loses at most this much of its turn lines.
    LOG_BATCH_SECONDS = float(os.environ.get("LOG_BATCH_SECONDS", "0"))
    # Trained intent classifiers are cached here, keyed by a hash of their training data.
    NLU_CACHE_DIR = default_nlu_cache_dir()
    # Models a process holds at most (about 15 MiB each); the least recently used are let go and reload
    # from NLU_CACHE_DIR in well under 100 ms.
    NLU_MODELS_IN_MEMORY = int(os.environ.get("NLU_MODELS_IN_MEMORY", "32"))
    # Build (or find built) every council's models and train the crisis detector as each process takes
    # its first request; /readyz says ready only then.
    NLU_WARM_UP = os.environ.get("NLU_WARM_UP", "1") != "0"
    # Send chat turns of councils with a `dialogflow:` block to Dialogflow's detectIntent.
    CHAT_DIALOGFLOW = os.environ.get("CHAT_DIALOGFLOW", "") == "1"
    DIALOGFLOW_ENDPOINT = os.environ.get("DIALOGFLOW_ENDPOINT") or None
    # This app's own address: a backend `base_url` starting with "/" is relative to it (the local fakes).
    # Unset: $APP_BASE_URL, else http://127.0.0.1:8080 (where `make run` serves).
    APP_BASE_URL = os.environ.get("APP_BASE_URL") or None
    # Serve fake postcodes.io, Democracy Club, Open311 and Notify APIs for the demo council (/_fakes/).
    ENABLE_FAKES = False
    # A council without webhook credentials: refuse to start (production) or make some up (development).
    REQUIRE_WEBHOOK_CREDENTIALS = False
    GENERATE_WEBHOOK_CREDENTIALS = False
    # The app's database (insights, the hand-off outbox): $DATABASE_URL, else an SQLite file.
    DATABASE_URL = default_database_url()
    # Bring the database's schema up to date as the app starts (once, in gunicorn's master). Off when
    # a release step runs `sync-intents database upgrade` instead.
    DATABASE_MIGRATE = os.environ.get("DATABASE_MIGRATE", "1") != "0"
    # Keep every turn and "Was this helpful?" (redacted) for the council's insights.
    INSIGHTS_ENABLED = os.environ.get("INSIGHTS_ENABLED", "1") != "0"
    # Turns wait at most this long in memory before they are written together; at most this many wait.
    INSIGHTS_FLUSH_SECONDS = float(os.environ.get("INSIGHTS_FLUSH_SECONDS", "2.0"))
    INSIGHTS_QUEUE_LIMIT = int(os.environ.get("INSIGHTS_QUEUE_LIMIT", "10000"))


class DevelopmentConfig(Config):
    """`make run`: the offline agent and the demo council on one machine."""

    DEBUG = True
    GENERATE_WEBHOOK_CREDENTIALS = True
    ENABLE_FAKES = True


class TestConfig(Config):
    """pytest."""

    TESTING = True
    ENABLE_FAKES = True
    # Each app a test builds has its own private database, unless the test gives one.
    DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    # Models build on first use: a test app must not train every council's in the background.
    NLU_WARM_UP = False


class ProductionConfig(Config):
    """Behind gunicorn in a container."""

    REQUIRE_WEBHOOK_CREDENTIALS = True
    REQUIRE_SECRET_KEY = True
    LOG_BATCH_SECONDS = float(os.environ.get("LOG_BATCH_SECONDS", "0.2"))


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "test": TestConfig,
    "production": ProductionConfig,
}


def config_for(name: str | None = None) -> type[Config]:
    """The configuration class for an environment name (default: `APP_ENV`, else production)."""
    name = name or os.environ.get("APP_ENV", "production")
    try:
        return CONFIGS[name]
    except KeyError:
        raise ValueError(f"APP_ENV must be one of {', '.join(CONFIGS)}, not {name!r}") from None
