"""Security headers on every response, and a strict Content-Security-Policy on the pages.

The chat page may be framed only by the council's own web site (its widget) and this app; every other
page may not be framed at all. Scripts, styles and connections come from this app only: no CDN, no
inline script.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

from flask import Flask, Response, request

from webhook.library.model import Council, Library

BASE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
#: Paths whose JSON answers are about one resident, read by a program, and never to be cached.
ANSWER_PREFIXES = ("/api/", "/webhook")

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def council_origins(council: Council) -> list[str]:
    """The origins of the council's web site(s), which may embed its chat."""
    website = council.contact.get("website")
    urls = website.values() if isinstance(website, dict) else [website]
    origins = []
    for url in urls:
        parts = urlsplit(str(url))
        if parts.scheme == "https" and parts.netloc:
            origins.append(f"https://{parts.netloc}")
    return sorted(set(origins))


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
    """WSGI middleware adding the fixed headers: a page's, or an answer's (which is never cached).

    Fixed headers are added as the response starts rather than in an `after_request` hook: a webhook
    turn is short enough that going through Flask's header object for each one cost a twentieth of it.
    """

    def __init__(
        self, app: WSGIApp, documents: list[tuple[str, str]], answers: list[tuple[str, str]]
    ) -> None:
        self.app = app
        self.documents = documents
        self.answers = answers

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        answer = environ.get("PATH_INFO", "").startswith(ANSWER_PREFIXES)
        extra = self.answers if answer else self.documents

        def start(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            if answer:
                headers = [(name, value) for name, value in headers if name.lower() != "cache-control"]
            return start_response(status, headers + extra, exc_info)

        return self.app(environ, start)


def register_security_headers(app: Flask, library: Library) -> None:
    """Add the fixed headers to every response and the Content-Security-Policy to every page."""
    framers = {slug: " ".join(["'self'", *council_origins(c)]) for slug, c in library.councils.items()}
    documents, answers = fixed_headers(production=not (app.debug or app.testing))
    app.wsgi_app = SecurityHeaders(app.wsgi_app, documents, answers)  # type: ignore[method-assign]

    @app.after_request
    def content_security_policy(response: Response) -> Response:
        if response.mimetype == "text/html":
            slug = (request.view_args or {}).get("slug") if request.endpoint == "chat.chat_page" else None
            ancestors = framers.get(slug or "", "'none'")
            response.headers["Content-Security-Policy"] = f"{BASE_POLICY}; frame-ancestors {ancestors}"
        return response
