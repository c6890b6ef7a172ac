"""Serve the local fakes on their own, on a free loopback port, for conversation scripts.

`sync-intents test` and the conversation tests hold whole conversations with the offline agent; the
demo council's lookups and reports then reach these fakes (the same ones `make run` serves under the
app), so a script can take a report to its reference number with no outside service and no app.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from flask import Flask
from werkzeug.serving import make_server

from webhook.fakes import bp


@contextmanager
def serving(app: Flask) -> Iterator[str]:
    """The base URL of `app` while it is served in a thread on a free loopback port."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


@contextmanager
def serving_fakes() -> Iterator[str]:
    """The base URL of the fakes while they are served (give it to Backends as `app_base_url`)."""
    app = Flask("council-chatbot-fakes")
    app.register_blueprint(bp)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request is noise here
    with serving(app) as url:
        yield url
