"""The ways an outside system fails, served for real by pytest-httpserver, for every client's tests.

Each failure must end in a BackendError subclass the handler can turn into a useful reply, within
the turn's deadline (plus a little slack for the test machine).
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from webhook.backends.base import BackendError, BackendInvalidResponse, BackendUnavailable

#: The turn budget the failure tests give a call, and how much later than that it may return.
DEADLINE_SECONDS = 1.0
SLACK_SECONDS = 0.5


@dataclass(frozen=True)
class Garbage:
    body: bytes
    content_type: str
    status: int = 200


#: Answers no documented API gives: a proxy's error page, a cut-off body, XML (the GeoReport default
#: format) instead of JSON, JSON with none of the documented fields, and server errors.
GARBAGE = {
    "html_page": Garbage(
        b"<!DOCTYPE html><html><body><h1>Service unavailable</h1></body></html>", "text/html"
    ),
    "truncated_json": Garbage(
        b'{"status": 200, "result": {"postcode": "BR8 7RE", "admin_dis', "application/json"
    ),
    "wrong_content_type": Garbage(
        b'<?xml version="1.0" encoding="utf-8"?><services><service/></services>', "text/xml"
    ),
    "undocumented_json": Garbage(b'{"unexpected": true}', "application/json"),
}
SERVER_ERRORS = {"error_500": 500, "error_502": 502, "error_503": 503}

FAILURES = ("slow", "refused", *GARBAGE, *SERVER_ERRORS)


def refused_base_url() -> str:
    """A loopback address nothing listens on: connecting is refused at once."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def arrange_failure(
    httpserver: HTTPServer, request: pytest.FixtureRequest, failure: str, uri: str, method: str = "GET"
) -> tuple[str, type[BackendError]]:
    """Make `uri` fail in the named way. Returns the base URL to give the client and the error the
    call must raise."""
    if failure == "refused":
        return refused_base_url(), BackendUnavailable
    expectation = httpserver.expect_request(uri, method=method)
    if failure == "slow":
        # Hold the answer until the test is over (far beyond the deadline), then let the server go on.
        release = threading.Event()
        request.addfinalizer(release.set)

        def hang(_: Request) -> Response:
            release.wait(timeout=30)
            return Response("{}", content_type="application/json")

        expectation.respond_with_handler(hang)
        return httpserver.url_for("/"), BackendUnavailable
    if failure in SERVER_ERRORS:
        expectation.respond_with_data("Internal Server Error", status=SERVER_ERRORS[failure])
        return httpserver.url_for("/"), BackendUnavailable
    garbage = GARBAGE[failure]
    expectation.respond_with_data(garbage.body, status=garbage.status, content_type=garbage.content_type)
    return httpserver.url_for("/"), BackendInvalidResponse
