"""Security headers on every response, and a strict Content-Security-Policy on the pages.

The chat page may be framed only by the council's own web site (its widget) and this app; every other
page may not be framed at all. Scripts, styles and connections come from this app only: no CDN, no
inline script.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, request

from webhook.library.model import Council, Library

BASE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'"
)


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


def register_security_headers(app: Flask, library: Library) -> None:
    """Add the headers after every request."""
    framers = {slug: " ".join(["'self'", *council_origins(c)]) for slug, c in library.councils.items()}
    production = not (app.debug or app.testing)

    static = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ]
    if production:
        static.append(("Strict-Transport-Security", "max-age=31536000; includeSubDomains"))

    @app.after_request
    def secure(response: Response) -> Response:
        headers = response.headers
        # Nothing else in the app sets these, so add them in one step (this runs on every turn).
        headers.extend(static)
        path = request.path
        if path.startswith(("/api/", "/webhook")):
            headers["Cache-Control"] = "no-store"
        elif response.mimetype == "text/html":
            slug = (request.view_args or {}).get("slug") if request.endpoint == "chat.chat_page" else None
            ancestors = framers.get(slug or "", "'none'")
            headers["Content-Security-Policy"] = f"{BASE_POLICY}; frame-ancestors {ancestors}"
        return response
