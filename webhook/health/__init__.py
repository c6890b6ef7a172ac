"""Liveness and readiness probes for container platforms."""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify
from flask.typing import ResponseReturnValue

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """The process is up."""
    return jsonify(status="ok")


@bp.get("/readyz")
def readyz() -> ResponseReturnValue:
    """Ready when the library loaded without errors, at least one council can be served, and (unless
    warm-up is off) this process has its councils' models and the crisis detector (webhook/chat/warmup.py)."""
    report = current_app.extensions["library_report"]
    library = report.library
    warmup = current_app.extensions.get("warmup")
    warm = warmup is None or warmup.state == "ready"
    body = {
        "status": "ready" if report.passed() and library.councils and warm else "not ready",
        "councils": len(library.councils),
        "intents": len(library.intents),
        "library_errors": len(report.errors),
    }
    if warmup is not None:
        body["models"] = warmup.state
    return jsonify(body), 200 if body["status"] == "ready" else 503
