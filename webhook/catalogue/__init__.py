"""Read-only pages listing the councils and what each council's bot answers, intent by intent; and,
where the local fakes are served (development and tests), a sample council web site with the chat
widget on every page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask.typing import ResponseReturnValue

from webhook.library.model import Library, localise
from webhook.library.resolve import ResolvedIntent, resolved_intent

bp = Blueprint("catalogue", __name__, template_folder="templates")

LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}
#: The sample council site's pages (`/demo-site/<slug>/<page>`): the home page has no name.
DEMO_SITE_PAGES = ("", "bins", "council-tax")


def _library() -> Library:
    return current_app.extensions["library_report"].library


@bp.get("/")
def index() -> ResponseReturnValue:
    """Every council on the platform."""
    library = _library()
    councils = sorted(library.councils.values(), key=lambda c: localise(c.name, "en") or c.slug)
    return render_template("catalogue/index.html", councils=councils, localise=localise)


@bp.get("/councils/<slug>")
def council(slug: str) -> ResponseReturnValue:
    """One council's bot: each intent it offers, who provides it, and the reply it gives."""
    library = _library()
    found = library.council(slug)
    if found is None:
        abort(404)
    language = request.args.get("language", found.languages[0])
    if language not in found.languages:
        language = found.languages[0]
    resolved: list[ResolvedIntent] = [
        resolved_intent(library, found, intent_id, language)
        for intent_id in sorted(library.intents)
        if found.offers(intent_id) and language in library.intents[intent_id].languages
    ]
    return render_template(
        "catalogue/council.html",
        council=found,
        language=language,
        languages=[(code, LANGUAGE_NAMES[code]) for code in found.languages],
        resolved=resolved,
        localise=localise,
    )


@bp.get("/demo-site/<slug>", defaults={"page": ""})
@bp.get("/demo-site/<slug>/<page>")
def demo_site(slug: str, page: str) -> ResponseReturnValue:
    """A sample page of the council's own web site with the chat widget on it, as a council would embed
    it. Like the local fakes of the outside APIs, it is served by `make run` (development) and in tests,
    never in production."""
    if not current_app.config.get("ENABLE_FAKES"):
        abort(404)
    found = _library().council(slug)
    if found is None or page not in DEMO_SITE_PAGES:
        abort(404)
    language = request.args.get("language", found.languages[0])
    if language not in found.languages:
        language = found.languages[0]
    return render_template(
        "catalogue/demo_site.html",
        council=found,
        name=localise(found.name, language),
        language=language,
        page=page,
        pages=DEMO_SITE_PAGES,
    )
