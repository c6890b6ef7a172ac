"""The staff pages: sign-in and sign-out, a council's dashboard (and the sector's), CSV and JSON exports,
and suggested training phrases for each group of unanswered questions.

Every view but sign-in needs the session of the same scope (a council's slug, or "sector"); the JSON
accepts HTTP Basic with the same credentials instead. Every POST carries the session's CSRF token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from werkzeug.exceptions import HTTPException

from webhook.database import Database
from webhook.database import sign_in_lockout as lockout
from webhook.insights.unanswered import UnansweredGroup
from webhook.library.model import Library
from webhook.staff.accounts import SECTOR, Verifier, environment_names
from webhook.staff.charts import bar_chart, line_chart
from webhook.staff.csrf import check_csrf, csrf_token, renew_csrf_token
from webhook.staff.export import to_csv
from webhook.staff.report import (
    LANGUAGES,
    PERIODS,
    SECTOR_TABLES,
    TABLES,
    Report,
    as_json,
    build_report,
    chosen_days,
    chosen_language,
    council_name,
    intent_title,
    percent,
    table,
)
from webhook.staff.session import LIFETIME
from webhook.staff.suggestions import Suggestion, likely_intents, suggest

bp = Blueprint(
    "staff",
    __name__,
    url_prefix="/staff",
    template_folder="templates",
    static_folder="static",
    static_url_path="/static",
)
#: Views anyone may reach: the sign-in form (and the stylesheet, served by Flask's static view).
PUBLIC = {"staff.sign_in", "staff.static"}
#: Views a program reads: refused with 401, never redirected to a form.
MACHINE = {"staff.insights_json", "staff.export", "staff.suggestion_patch"}
SESSION_KEY = "staff"


@dataclass(frozen=True)
class StaffSettings:
    """The staff pages' parts, built with the app: who may sign in, and the clock lock-outs are read by."""

    verifier: Verifier
    clock: Any


def settings() -> StaffSettings:
    return current_app.extensions["staff"]


def _library() -> Library:
    return current_app.extensions["library_report"].library


def _database() -> Database:
    database = current_app.extensions.get("database")
    if database is None:  # insights switched off: nothing to show, and nowhere to count lock-outs
        abort(503, description="insights are switched off")
    return database


def scope_name(scope: str) -> str:
    """What a page calls the scope: the council's name, or the sector."""
    return "All councils (sector)" if scope == SECTOR else council_name(_library(), scope)


def signed_in_scope() -> str | None:
    """The scope of the session's sign-in, if it has one that has not expired."""
    data = session.get(SESSION_KEY)
    if not isinstance(data, dict):
        return None
    since = data.get("since")
    if (
        not isinstance(since, (int, float))
        or datetime.now(UTC).timestamp() - since > LIFETIME.total_seconds()
    ):
        return None
    return data.get("scope")


@bp.before_request
def guard() -> ResponseReturnValue | None:
    """Refuse what the visitor may not see: unknown scopes (404), forged forms (400), and every view but
    sign-in without a sign-in to this very scope (a redirect for pages, 401 for programs)."""
    if request.endpoint is None or request.endpoint == "staff.static":
        return None
    scope = (request.view_args or {}).get("slug")
    if scope != SECTOR and _library().council(str(scope)) is None:
        abort(404)
    _database()
    if request.method == "POST":
        check_csrf()
    if request.endpoint in PUBLIC or signed_in_scope() == scope:
        return None
    if request.endpoint == "staff.insights_json" and request.authorization is not None:
        return _basic_auth(str(scope))
    if request.endpoint in MACHINE:
        return _unauthorised()
    return redirect(url_for("staff.sign_in", slug=scope))


@bp.after_request
def never_cache(response: Response) -> Response:
    """Staff pages hold a council's figures: no cache may keep them."""
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.errorhandler(400)
def bad_request(error: HTTPException) -> ResponseReturnValue:
    # The one 400 here is a form without the session's CSRF token: most often a form left open across a
    # sign-out or a restart, so the page says what to do.
    return render_template("staff/error.html", scope=None, title="This form has expired"), 400


def _basic_auth(scope: str) -> Response | None:
    """None when the HTTP Basic credentials are the scope's (and the account is not locked); else 401."""
    auth = request.authorization
    username, password = (auth.username or "", auth.password or "") if auth else ("", "")
    outcome = attempt_sign_in(scope, username, password)
    return None if outcome.signed_in else _unauthorised()


def _unauthorised() -> Response:
    response = jsonify(error={"status": 401, "message": "sign in first, or send HTTP Basic credentials"})
    response.status_code = 401
    response.headers["WWW-Authenticate"] = 'Basic realm="staff", charset="UTF-8"'
    return response


@dataclass(frozen=True)
class SignInOutcome:
    """Whether a sign-in worked; if not, until when the account is locked (if it is)."""

    signed_in: bool
    locked_until: datetime | None = None


def attempt_sign_in(scope: str, username: str, password: str) -> SignInOutcome:
    """Check a sign-in against the scope's account, counting failures towards a lock-out."""
    database = _database()
    now = settings().clock()
    account = lockout.account_key(scope, username)
    if (until := lockout.locked_until(database, account, now)) is not None:
        return SignInOutcome(False, until)
    if settings().verifier.check(scope, username, password):
        lockout.reset(database, account)
        return SignInOutcome(True)
    return SignInOutcome(False, lockout.record_failure(database, account, now))


@bp.route("/<slug>/sign-in", methods=["GET", "POST"])
def sign_in(slug: str) -> ResponseReturnValue:
    """The sign-in form, and signing in."""
    configured = settings().verifier.accounts.get(slug) is not None
    error, locked = None, None
    status = 200
    if request.method == "POST":
        username = request.form.get("username", "").strip()
        outcome = attempt_sign_in(slug, username, request.form.get("password", ""))
        if outcome.signed_in:
            # A new session: nothing from before the sign-in (a planted cookie) carries over.
            session.clear()
            session[SESSION_KEY] = {
                "scope": slug,
                "username": username,
                "since": datetime.now(UTC).timestamp(),
            }
            renew_csrf_token()
            return redirect(url_for("staff.dashboard", slug=slug), 303)
        locked, status = outcome.locked_until, 401
        error = "not-set-up" if not configured else "locked" if locked else "wrong"
    return (
        render_template(
            "staff/sign_in.html",
            scope=slug,
            name=scope_name(slug),
            configured=configured,
            variables=environment_names(slug),
            error=error,
            locked=locked,
            csrf_token=csrf_token(),
        ),
        status,
    )


@bp.post("/<slug>/sign-out")
def sign_out(slug: str) -> ResponseReturnValue:
    """Forget the sign-in."""
    session.clear()
    renew_csrf_token()
    return redirect(url_for("staff.sign_in", slug=slug, signed_out=1), 303)


def _report(slug: str) -> Report:
    return build_report(
        _database(),
        _library(),
        slug,
        chosen_days(request.args.get("days")),
        chosen_language(request.args.get("language")),
    )


@bp.get("/<slug>/")
def dashboard(slug: str) -> ResponseReturnValue:
    """A council's figures for a period (or the sector's, across councils)."""
    report = _report(slug)
    language = chosen_language(request.args.get("language"))
    days = report.figures.days
    span = f"{days[0].day.isoformat()} to {days[-1].day.isoformat()}" if days else ""
    busiest = max(days, key=lambda d: d.conversations, default=None)
    conversations_chart = bar_chart(
        [d.conversations for d in days],
        ident="chart-conversations",
        title="Conversations each day",
        description=f"Conversations each day from {span}; the busiest day had "
        f"{busiest.conversations if busiest else 0}. The table below gives every day.",
    )
    rates = [d.fallbacks / d.turns if d.turns else 0.0 for d in days]
    fallback_chart = line_chart(
        rates,
        ident="chart-fallback",
        title="Fallback rate each day",
        description=f"Share of turns the bot did not understand, each day from {span}, on a scale from 0% "
        f"to 100%; the highest was {percent(max(rates, default=0))}. The table below gives every day.",
        top=1.0,
    )
    return render_template(
        "staff/dashboard.html",
        scope=slug,
        name=scope_name(slug),
        report=report,
        figures=report.figures,
        language=language,
        languages=LANGUAGES,
        # A period asked for by URL (?days=14) is offered beside the usual ones, and chosen.
        periods=sorted({*PERIODS, report.days}),
        tables=SECTOR_TABLES if slug == SECTOR else TABLES,
        conversations_chart=conversations_chart,
        fallback_chart=fallback_chart,
        percent=percent,
        **_page_context(report, language),
    )


def _page_context(report: Report, language: str | None) -> dict[str, Any]:
    """What every signed-in page's template uses besides its own content."""
    return {
        "signed_in": True,
        "title_of": lambda intent: intent_title(_library(), intent),
        "council_name": lambda council: council_name(_library(), council),
        "csrf_token": csrf_token(),
        "query": {"days": report.days, **({"language": language} if language else {})},
    }


@bp.get("/<slug>/insights.json")
def insights_json(slug: str) -> ResponseReturnValue:
    """The dashboard's figures and unanswered groups as JSON."""
    return jsonify(as_json(_report(slug)))


@bp.get("/<slug>/export/<name>.csv")
def export(slug: str, name: str) -> ResponseReturnValue:
    """One of the dashboard's tables as CSV."""
    report = _report(slug)
    if name not in (SECTOR_TABLES if report.is_sector else TABLES):
        abort(404)
    header, rows = table(report, _library(), name)
    language = chosen_language(request.args.get("language"))
    filename = f"{slug}-{name}-{report.days}-days{'-' + language if language else ''}.csv"
    return Response(
        to_csv(header, rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _suggestion(slug: str, number: int) -> tuple[Report, UnansweredGroup, Suggestion | None, list[str], str]:
    """The group, its suggestion, the likely intents and the target ("council" or "shared")."""
    report = _report(slug)
    if not 1 <= number <= len(report.groups):
        abort(404)
    group = report.groups[number - 1]
    library = _library()
    council = library.council(slug)
    target = "shared" if council is None or request.args.get("target") == "shared" else "council"
    understanding = _understanding()
    candidates = likely_intents(
        library, group, council if target == "council" else None, understanding=understanding
    )
    intent = request.args.get("intent")
    if intent not in library.intents:
        intent = None
    suggestion = suggest(
        library,
        group,
        council=slug if target == "council" else None,
        intent=intent,
        understanding=understanding,
    )
    return report, group, suggestion, candidates, target


def _understanding() -> Any:
    """The chat's intent classifiers, so suggestions share the models the app already loaded."""
    from webhook.agent.understanding import LibraryUnderstanding
    from webhook.chat import offline_agent

    understanding = offline_agent().understanding
    return understanding if isinstance(understanding, LibraryUnderstanding) else None


@bp.get("/<slug>/unanswered/<int:number>")
def suggestion_page(slug: str, number: int) -> ResponseReturnValue:
    """A group of unanswered questions and the training phrases it suggests, as YAML and as a patch."""
    report, group, suggestion, candidates, target = _suggestion(slug, number)
    language = chosen_language(request.args.get("language"))
    return render_template(
        "staff/suggestion.html",
        scope=slug,
        name=scope_name(slug),
        report=report,
        number=number,
        group=group,
        suggestion=suggestion,
        candidates=candidates,
        target=target,
        **_page_context(report, language),
    )


@bp.get("/<slug>/unanswered/<int:number>.patch")
def suggestion_patch(slug: str, number: int) -> ResponseReturnValue:
    """The suggested training phrases as a patch to apply with `git apply`."""
    _, _, suggestion, _, _ = _suggestion(slug, number)
    if suggestion is None:
        abort(404)
    return Response(
        suggestion.patch,
        mimetype="text/x-diff",
        headers={"Content-Disposition": f'attachment; filename="{slug}-unanswered-{number}.patch"'},
    )
