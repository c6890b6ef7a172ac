"""Getting a process ready before its first resident: every council's NLU models built (or found built,
as `sync-intents build-models` leaves them in the image) and the crisis detector trained.

It runs in a background thread that each process starts on its first request (the platform's first
`/readyz` probe, or `make run`'s first page): never in gunicorn's master before the fork, where a
running thread would leave its locks held in the workers. `/readyz` answers 503 until it is done, so a
platform sends no resident to an instance that would make them wait for training.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flask import Flask

log = logging.getLogger(__name__)

WAITING, BUILDING, READY, FAILED = "waiting", "building", "ready", "failed"


class Warmup:
    """One process's warm-up: its state, and the thread that does it."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.state = WAITING
        self.seconds: float | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

    def ensure_started(self) -> None:
        """Start this process's warm-up if it has not started (cheap: called before each request)."""
        if self._pid == os.getpid():
            return
        with self._lock:
            if self._pid == os.getpid():
                return
            self._pid = os.getpid()
            self.state = BUILDING
            threading.Thread(target=self._run, name="warm-up", daemon=True).start()

    def _run(self) -> None:
        from webhook.chat import offline_agent
        from webhook.safeguarding.detector import LANGUAGES, default_detector

        started = time.perf_counter()
        try:
            with self.app.app_context():
                offline_agent()
            models = self.app.extensions["chat_models"]
            if not models.is_built():
                summary = models.build_all()
                log.info(
                    "NLU models: %d trained, %d already built, in %.1f s",
                    summary.trained,
                    summary.already_built,
                    summary.seconds,
                )
            for language in LANGUAGES:
                default_detector(language)
        except Exception:  # the process still serves (models build on first use), but says it is not ready
            log.exception("warm-up failed: models will be built when first needed")
            self.state = FAILED
            return
        self.seconds = time.perf_counter() - started
        self.state = READY
        log.info("ready: models and crisis detector loaded in %.1f s", self.seconds)


def init_warmup(app: Flask) -> None:
    """Warm each process up on its first request, when the app's config asks (`NLU_WARM_UP`)."""
    if not app.config.get("NLU_WARM_UP", True):
        return
    warmup = Warmup(app)
    app.extensions["warmup"] = warmup
    app.before_request(warmup.ensure_started)
