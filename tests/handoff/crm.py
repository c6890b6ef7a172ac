"""A council CRM's hand-off endpoint, served by pytest-httpserver: it verifies the signature, keeps one
case per Idempotency-Key, and can be switched down (500s), slow, or to answer any other status (a 422
refusing the case itself, a 503), as a real one can be."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

SECRET = "crm-shared-secret-for-tests"
PATH = "/crm/handoffs"


@dataclass
class Crm:
    """What the CRM received: every request's key, and the cases it kept (one per key)."""

    down: bool = False
    delay: float = 0.0
    #: A status to answer instead of taking the case (422: a field it will not accept; 503: unavailable).
    answer: int | None = None
    requests: list[str] = field(default_factory=list)
    cases: dict[str, dict[str, Any]] = field(default_factory=dict)
    bad_signatures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    #: Requests being answered now (a slow answer outlives the client that gave up on it).
    busy: int = 0

    def wait_idle(self, seconds: float = 5.0) -> None:
        """Wait until no request is being answered: the server answers one at a time, so a slow answer
        still being served would hold up the next attempt."""
        end = time.monotonic() + seconds
        while self.busy and time.monotonic() < end:
            time.sleep(0.01)

    def handle(self, request: Request) -> Response:
        self.busy += 1
        try:
            return self._answer(request)
        finally:
            self.busy -= 1

    def _answer(self, request: Request) -> Response:
        body = request.get_data()
        stamp = request.headers.get("X-Timestamp", "")
        expected = (
            "sha256=" + hmac.new(SECRET.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
        )
        if not hmac.compare_digest(expected, request.headers.get("X-Signature", "")) or (
            abs(time.time() - int(stamp or 0)) > 300
        ):
            with self.lock:
                self.bad_signatures += 1
            return Response("bad signature", status=401)
        if self.delay:
            time.sleep(self.delay)
        if self.down:
            return Response("down", status=500)
        key = request.headers["Idempotency-Key"]
        with self.lock:
            self.requests.append(key)
            if self.answer is not None:
                problem = {
                    "status": "not accepted",
                    "errors": [{"field": "council_name", "error": "unknown"}],
                }
                return Response(json.dumps(problem), status=self.answer, content_type="application/json")
            if key in self.cases:
                return Response(json.dumps({"status": "duplicate"}), status=409)
            self.cases[key] = json.loads(body)
        return Response(json.dumps({"status": "created"}), status=201, content_type="application/json")


def serve_crm(httpserver: HTTPServer) -> Crm:
    """Answer POSTs to PATH with a fresh Crm."""
    crm = Crm()
    httpserver.expect_request(PATH, method="POST").respond_with_handler(crm.handle)
    return crm
