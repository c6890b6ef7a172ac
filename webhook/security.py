"""Security headers on every response, and a strict Content-Security-Policy on the pages.

The chat page may be framed only by this app, the council's own web site (its widget) and any other
origins the council's overlay lists under `chat: {frame_origins: [...]}` (a second site, a staging
site, a developer's localhost); every other page may not be framed at all. Scripts, styles and
connections come from this app only: no CDN, no inline script.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from flask import Flask

from webhook.library.model import Council, Library

BASE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
#: The chat page, the one page a council's own site may frame.
CHAT_PAGE = re.compile(r"^/chat/([^/]+)$")
#: An origin a council may add to those that frame its chat (as the overlay's schema allows).
FRAME_ORIGIN = re.compile(r"https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(localhost|127\.0\.0\.1)(:[0-9]{1,5})?")
#: Paths whose JSON answers are about one resident, read by a program, and never to be cached.
ANSWER_PREFIXES = ("/api/", "/webhook")

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def council_origins(council: Council) -> list[str]:
    """The origins that may embed the council's chat: its web site(s), then the overlay's extra ones."""
    website = council.contact.get("website")
    urls = website.values() if isinstance(website, dict) else [website]
    origins = []
    for url in urls:
        parts = urlsplit(str(url))
        if parts.scheme == "https" and parts.netloc:
            origins.append(f"https://{parts.netloc}")
    return sorted(set(origins)) + [o for o in extra_frame_origins(council) if o not in origins]


def extra_frame_origins(council: Council) -> list[str]:
    """`chat.frame_origins` in the council's overlay, each once: bare https origins, and http ones on
    localhost. The overlay's schema says so too; this check keeps anything else out of the header even
    when the library has errors."""
    chat = council.document.data.get("chat") if isinstance(council.document.data, dict) else None
    listed = chat.get("frame_origins", []) if isinstance(chat, dict) else []
    origins: list[str] = []
    for origin in listed:
        origin = str(origin).rstrip("/")
        if FRAME_ORIGIN.fullmatch(origin) and origin not in origins:
            origins.append(origin)
    return origins


def fixed_headers(production: bool) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The headers every page, script and stylesheet carries; and those every JSON answer to a program
    (Dialogflow, the chat widget's fetch) carries, leaving out the ones that only govern documents."""
    answers = [("X-Content-Type-Options", "nosniff")]
    if production:
        answers.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))
    documents = [
        *answers,
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
    return documents, [*answers, ("Cache-Control", "no-store")]


class SecurityHeaders:
    """WSGI middleware adding the security headers: a page's (with its Content-Security-Policy) or an
    answer's (which is never cached).

    They are added as the response starts rather than in an `after_request` hook: a webhook turn is
    short enough that Flask's header object and hook cost a tenth of it.
    """

    def __init__(
        self,
        app: WSGIApp,
        documents: list[tuple[str, str]],
        answers: list[tuple[str, str]],
        chat_framers: Mapping[str, str],
    ) -> None:
        self.app = app
        self.documents = documents
        self.answers = answers
        self.chat_policies = {slug: _policy(framers) for slug, framers in chat_framers.items()}
        self.page_policy = _policy("'none'")

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if path.startswith(ANSWER_PREFIXES):

            def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
                kept = [(name, value) for name, value in headers if name.lower() != "cache-control"]
                return start_response(status, kept + self.answers, exc_info)

        else:
            chat = CHAT_PAGE.match(path)
            policy = self.chat_policies.get(chat[1], self.page_policy) if chat else self.page_policy

            def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
                extra = self.documents
                if any(n.lower() == "content-type" and v.startswith("text/html") for n, v in headers):
                    extra = [*extra, ("Content-Security-Policy", policy)]
                return start_response(status, headers + extra, exc_info)

        return self.app(environ, start)


def _policy(frame_ancestors: str) -> str:
    return f"{BASE_POLICY}; frame-ancestors {frame_ancestors}"


def register_security_headers(app: Flask, library: Library) -> None:
    """Add the security headers to every response, and the Content-Security-Policy to every page."""
    documents, answers = fixed_headers(production=not (app.debug or app.testing))
    # The chat page may be framed by the council's own site (its widget); no other page by anyone.
    framers = {slug: " ".join(["'self'", *council_origins(c)]) for slug, c in library.councils.items()}
    app.wsgi_app = SecurityHeaders(app.wsgi_app, documents, answers, framers)  # type: ignore[method-assign]
