"""The HTTP session, timeouts and error translation shared by every API client.

Modelled on GOV.UK Notify's client: one base class owns the session and turns every HTTP failure into a
small hierarchy of typed errors; each API is a thin subclass with one method per endpoint.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

import requests

from webhook.deadline import Deadline, DeadlineExceeded

USER_AGENT = "council-chatbot/0.1 (+https://github.com/)"


class BackendError(Exception):
    """Something went wrong talking to an outside system. The message is for logs, never residents."""


class BackendUnavailable(BackendError):
    """The system could not be reached in time: connection refused or reset, timeout, or a 5xx."""


class BackendMisconfigured(BackendUnavailable):
    """The council's settings are incomplete, e.g. the environment variable holding a key is unset."""


def secret_from_env(variable: str | None, what: str, environ: Mapping[str, str] = os.environ) -> str:
    """The secret held by an environment variable the overlay names; the error names the variable only."""
    value = environ.get(variable or "", "").strip()
    if not variable or not value:
        raise BackendMisconfigured(f"{what}: environment variable {variable or '(none named)'} is not set")
    return value


class BackendInvalidResponse(BackendError):
    """The system answered, but not with what its API documents (wrong type, garbage, missing fields)."""


class BackendHTTPError(BackendError):
    """A 4xx answer; `status` and the decoded `body` (if JSON) say what the API objected to."""

    def __init__(self, message: str, status: int, body: Any = None) -> None:
        super().__init__(message)
        self.status = status
        self.body = body


class BaseAPIClient:
    """Owns one requests.Session; subclasses call `get_json` / `post_json` with a Deadline."""

    #: The longest any single call may take, whatever the turn's budget.
    max_timeout: float = 3.0

    def __init__(self, base_url: str, *, headers: Mapping[str, str] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
        self.session.headers.update(headers or {})

    def url(self, path: str) -> str:
        """The absolute URL of an API path."""
        return f"{self.base_url}/{path.lstrip('/')}"

    def _safe(self, path: str) -> str:
        """The URL for a log line: without its query string, where keys sometimes travel."""
        return self.url(path.split("?", 1)[0])

    def get_json(self, path: str, deadline: Deadline, **kwargs: Any) -> Any:
        """GET a JSON document."""
        return self.request("GET", path, deadline, **kwargs)

    def post_json(self, path: str, deadline: Deadline, payload: Any, **kwargs: Any) -> Any:
        """POST a JSON document and return the JSON answer."""
        return self.request("POST", path, deadline, json=payload, **kwargs)

    def request(self, method: str, path: str, deadline: Deadline, **kwargs: Any) -> Any:
        """Make one call within the deadline and decode its JSON, translating every failure."""
        try:
            timeout = deadline.timeout(self.max_timeout)
        except DeadlineExceeded as error:
            raise BackendUnavailable(str(error)) from error
        url = self.url(path)
        safe = self._safe(path)
        try:
            # Stream the body so a server that drips bytes slowly still cannot outlast the deadline:
            # requests' timeout bounds each read, not the whole answer.
            with self.session.request(method, url, timeout=timeout, stream=True, **kwargs) as response:
                content = _read_within(response, deadline, f"{method} {safe}")
        # `from None`: requests' own messages repeat the full URL, which may carry an API key.
        except requests.Timeout:
            raise BackendUnavailable(f"{method} {self._safe(path)} timed out after {timeout:.2f} s") from None
        except requests.RequestException as error:
            raise BackendUnavailable(f"{method} {self._safe(path)} failed: {type(error).__name__}") from None
        body = _decode(content)
        if response.status_code >= 500:
            raise BackendUnavailable(f"{method} {safe} answered {response.status_code}")
        if response.status_code >= 400:
            raise BackendHTTPError(
                f"{method} {safe} answered {response.status_code}",
                response.status_code,
                None if body is _NOT_JSON else body,
            )
        if body is _NOT_JSON:
            content_type = response.headers.get("Content-Type", "none")
            raise BackendInvalidResponse(f"{method} {safe} answered {content_type}, not JSON")
        return body


#: No API this project calls answers with more than this; a larger body is a fault, not data.
MAX_BODY_BYTES = 2 * 1024 * 1024


def _read_within(response: requests.Response, deadline: Deadline, what: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        # read1 returns whatever has arrived (one receive), so the deadline is checked between the
        # bytes of a dripping answer rather than after a whole 16 KiB that may take minutes to fill.
        chunk = response.raw.read1(16384, decode_content=True)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise BackendInvalidResponse(f"{what} answered more than {MAX_BODY_BYTES} bytes")
        if deadline.expired():
            raise BackendUnavailable(f"{what} was still sending when the turn's deadline passed")


_NOT_JSON = object()


def _decode(content: bytes) -> Any:
    try:
        return json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return _NOT_JSON
