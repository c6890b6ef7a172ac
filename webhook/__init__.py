"""The council chatbot: one Flask deployment serving every council's bot.

`create_app()` is the app factory, so both `flask --app webhook run` and
`gunicorn 'webhook:create_app()'` work. The factory is imported on first call, so tools that only need
the library (`sync-intents validate`) start without loading Flask.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

    from webhook.config import Config


def create_app(config: Mapping[str, Any] | type[Config] | str | None = None) -> Flask:
    """Build the app: load and validate the library once, then register each surface's blueprint.

    `config` may be an environment name ("development", "test", "production"), a config class, or
    a mapping of settings laid over an environment's class (its `APP_ENV` key names it; tests use this).
    """
    from webhook.app import create_app as build

    return build(config)
