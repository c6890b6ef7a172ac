"""The council chatbot: one Flask deployment serving every council's bot.

`create_app()` is the app factory, so both `flask --app webhook run` and
`gunicorn 'webhook:create_app()'` work.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from flask import Flask

from webhook.config import Config, config_for
from webhook.library.validate import validate_library

log = logging.getLogger(__name__)


def create_app(config: Mapping[str, Any] | type[Config] | str | None = None) -> Flask:
    """Build the app: load and validate the library once, then register each surface's blueprint.

    `config` may be an environment name ("development", "test", "production"), a config class, or
    a mapping of settings laid over the environment's class (as tests do).
    """
    app = Flask(__name__)
    if isinstance(config, type):
        app.config.from_object(config)
    else:
        app.config.from_object(config_for(config if isinstance(config, str) else None))
        if isinstance(config, Mapping):
            app.config.update(config)

    report = validate_library(app.config["LIBRARY_DIR"])
    for problem in report.errors:
        log.error("library problem: %s", problem.format(app.config["LIBRARY_DIR"]))
    app.extensions["library_report"] = report

    from webhook.catalogue import bp as catalogue
    from webhook.health import bp as health

    app.register_blueprint(health)
    app.register_blueprint(catalogue)
    return app
