"""JSON errors for machine callers (the webhook, the APIs); HTML pages keep Flask's defaults."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, request
from werkzeug.exceptions import HTTPException

from webhook.fulfilment.parse import RequestError

log = logging.getLogger(__name__)
JSON_PREFIXES = ("/webhook", "/api", "/openapi.json", "/healthz", "/readyz")


def _wants_json() -> bool:
    return request.path.startswith(JSON_PREFIXES)


def error_body(status: int, message: str, path: str | None = None) -> Response:
    """`{"error": {"status": ..., "message": ..., "path": ...}}` with that HTTP status."""
    error: dict[str, object] = {"status": status, "message": message}
    if path:
        error["path"] = path
    response = jsonify(error=error)
    response.status_code = status
    return response


def register_error_handlers(app: Flask) -> None:
    """Malformed calls get a 4xx JSON error that says what was wrong; nothing leaks a stack trace."""

    @app.errorhandler(RequestError)
    def request_error(error: RequestError) -> Response:
        return error_body(error.status, str(error), error.path)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> Response | HTTPException:
        if not _wants_json():
            return error
        if error.response is not None:  # a response built on purpose, e.g. 401 with WWW-Authenticate
            return error.response
        messages = {
            404: "no such endpoint",
            405: f"{request.method} is not allowed here",
            413: "the request body is larger than 1 MiB",
        }
        response = error_body(error.code or 500, messages.get(error.code or 0, error.description or ""))
        if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
            response.headers["Allow"] = ", ".join(error.valid_methods)
        return response

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_body(500, "something went wrong on our side; the error has been logged")
