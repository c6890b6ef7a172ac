"""A small keep-alive HTTP client for the chat API, for the chat and soak benchmarks."""

from __future__ import annotations

import http.client
import json
from typing import Any
from urllib.parse import urlsplit


class ChatClient:
    """One resident's connection: holds its conversation state between turns."""

    def __init__(self, base_url: str, council: str, session: str, language: str = "en") -> None:
        parts = urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
        self.council = council
        self.session = session
        self.language = language
        self.state: str | None = None

    def say(self, text: str) -> tuple[int, dict[str, Any] | None]:
        """Send one message; (HTTP status, the reply or None when it was not the documented JSON)."""
        body: dict[str, Any] = {"council": self.council, "session": self.session, "text": text}
        body["language"] = self.language
        if self.state:
            body["state"] = self.state
        try:
            self.connection.request(
                "POST", "/api/chat", json.dumps(body), {"Content-Type": "application/json"}
            )
            response = self.connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            return 0, None
        try:
            reply = json.loads(raw)
        except ValueError:
            return response.status, None
        if response.status == 200 and isinstance(reply, dict) and "messages" in reply:
            self.state = reply.get("state")
            return 200, reply
        return response.status, None

    def close(self) -> None:
        self.connection.close()
