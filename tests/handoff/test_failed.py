"""Hand-offs a channel refuses for good, on SQLite and a real PostgreSQL: tried once, marked failed, an
operator told once at ERROR with what to do, never tried again by themselves; listed and retried from
`sync-intents handoff`; their case erased by the purge a month later. Outages are still retried."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import BuildLibrary
from tests.handoff.crm import serve_crm
from tests.handoff.support import DEMO, Notify, a_case, destination, rows, worker
from webhook.backends.notify import NotifySender
from webhook.backends.registry import CouncilBackends
from webhook.cli import main
from webhook.database import connect, migrate
from webhook.handoff.channels import Destination
from webhook.handoff.outbox import Outbox
from webhook.handoff.settings import HandoffSettings
from webhook.handoff.worker import Backoff, Worker

#: What a later round of the worker sees: a day on, long past any backoff.
A_DAY = timedelta(days=1)
#: A key of the shape Notify issues ("<name>-<service id>-<secret>"); the local server checks nothing.
NOTIFY_KEY = "chatbot_test-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0"
STAFF_TEMPLATE = "0d1e5a4c-7f3b-4c2a-9e8d-6b5a4f3e2d1c"
#: GOV.UK Notify's documented answers to POST /v2/notifications/email (its API reference, "Error codes").
NOTIFY_BAD_REQUEST = {
    "errors": [
        {"error": "BadRequestError", "message": "Can't send to this recipient using a team-only API key"}
    ],
    "status_code": 400,
}
NOTIFY_AUTH_ERROR = {
    "errors": [{"error": "AuthError", "message": "Invalid token: service not found"}],
    "status_code": 403,
}
NOTIFY_RATE_LIMIT = {
    "errors": [
        {
            "error": "RateLimitError",
            "message": "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds",
        }
    ],
    "status_code": 429,
}


@pytest.fixture
def outbox(database_url: str) -> Iterator[Outbox]:
    database = connect(database_url)
    migrate(database)
    yield Outbox(database)
    database.dispose()


def later_worker(outbox: Outbox, httpserver: HTTPServer, after: timedelta = A_DAY) -> Worker:
    """A worker whose clock is `after` ahead: anything still due would be tried by it."""
    found = destination(httpserver)
    moment = datetime.now(UTC) + after
    return Worker(outbox, lambda slug: found if slug == "demo" else None, clock=lambda: moment)


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]


def handoff_cli(runner: CliRunner, database_url: str, *arguments: str) -> tuple[int, str]:
    result = runner.invoke(main, ["handoff", *arguments, "--database-url", database_url])
    return result.exit_code, result.output


def test_a_crm_refusing_the_case_gets_one_attempt_and_one_error_for_the_operator(
    outbox: Outbox, httpserver: HTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    crm = serve_crm(httpserver)
    crm.answer = 422
    case = a_case()
    outbox.add(case, "webhook")

    with caplog.at_level(logging.INFO, logger="webhook.handoff"):
        assert worker(outbox, httpserver).run_once() == 0
        assert later_worker(outbox, httpserver).run_once() == 0  # a day on: still not tried again

    assert crm.requests == [case.reference]
    row = rows(outbox)[case.reference]
    assert row["status"] == "failed" and row["attempts"] == 1 and row["last_error"] == "webhook: answered 422"
    assert outbox.counts() == {"failed": 1} and outbox.next_due() is None
    (alert,) = errors_logged(caplog)
    assert case.reference in alert and "council demo" in alert and "channel webhook" in alert
    assert "answered 422" in alert and f"sync-intents handoff retry {case.reference}" in alert
    assert "07700900123" not in caplog.text and "bin wasnt emptied" not in caplog.text


@pytest.mark.parametrize("status", [503, 429])
def test_an_outage_is_still_retried_until_delivered(
    outbox: Outbox, httpserver: HTTPServer, caplog: pytest.LogCaptureFixture, status: int
) -> None:
    crm = serve_crm(httpserver)
    crm.answer = status
    case = a_case()
    outbox.add(case, "webhook")
    sender = worker(outbox, httpserver)

    with caplog.at_level(logging.INFO, logger="webhook.handoff"):
        assert sender.run_once() == 0
        assert rows(outbox)[case.reference]["status"] == "pending"
        crm.answer = None
        assert sender.run_once() == 1

    assert list(crm.cases) == [case.reference] and crm.requests == [case.reference, case.reference]
    assert rows(outbox)[case.reference]["status"] == "delivered"
    assert errors_logged(caplog) == []


@pytest.mark.parametrize("status", [400, 401, 403, 404, 410, 413, 422])
def test_every_refusal_of_the_case_itself_is_final(httpserver: HTTPServer, status: int) -> None:
    crm = serve_crm(httpserver)
    crm.answer = status
    outbox = Outbox(connect("sqlite://"))
    migrate(outbox.database)
    outbox.add(a_case(), "webhook")

    worker(outbox, httpserver).run_once()
    later_worker(outbox, httpserver).run_once()

    assert outbox.counts() == {"failed": 1} and len(crm.requests) == 1


def notify_destination(httpserver: HTTPServer) -> Destination:
    assert DEMO is not None
    sender = NotifySender(
        api_key_env="NOTIFY_KEY",
        base_url=httpserver.url_for("/").rstrip("/"),
        environ={"NOTIFY_KEY": NOTIFY_KEY},
    )
    return Destination(
        council=DEMO,
        settings=HandoffSettings(
            channel="notify_email",
            email="contact-centre@demo-council.example",
            templates={"staff_email": STAFF_TEMPLATE},
        ),
        backends=CouncilBackends(notifications=sender),
        timeout=2.0,
    )


def notify_answering(httpserver: HTTPServer, first: dict) -> list[dict]:
    """Notify answers `first` (an error) to the first e-mail, then 201 as documented; what it got."""
    received: list[dict] = []

    def email(request: Request) -> Response:
        received.append(json.loads(request.get_data()))
        if len(received) == 1:
            return Response(json.dumps(first), status=first["status_code"], content_type="application/json")
        return Notify.created(received[-1], "email")

    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_handler(email)
    return received


@pytest.mark.parametrize(
    ("answer", "after_first", "named"),
    [
        (NOTIFY_BAD_REQUEST, "failed", "BadRequestError"),
        (NOTIFY_AUTH_ERROR, "failed", "AuthError"),
        (NOTIFY_RATE_LIMIT, "pending", "429"),
    ],
)
def test_notify_refusals_are_final_and_its_rate_limit_is_waited_out(
    outbox: Outbox, httpserver: HTTPServer, answer: dict, after_first: str, named: str
) -> None:
    received = notify_answering(httpserver, answer)
    found = notify_destination(httpserver)
    case = a_case()
    outbox.add(case, "notify_email")
    moment = [datetime.now(UTC)]
    sender = Worker(outbox, lambda slug: found, backoff=Backoff(first=60.0), clock=lambda: moment[0])

    sender.run_once()
    first = rows(outbox)[case.reference]
    moment[0] += A_DAY
    sender.run_once()

    assert first["status"] == after_first and named in first["last_error"]
    assert "07700900123" not in first["last_error"] and "team-only" not in first["last_error"]
    if after_first == "failed":
        assert len(received) == 1 and rows(outbox)[case.reference]["status"] == "failed"
    else:
        assert len(received) == 2 and rows(outbox)[case.reference]["status"] == "delivered"
        assert received[1]["reference"] == case.reference


def test_an_unset_notify_key_fails_the_case_for_good_without_calling_notify(
    outbox: Outbox, httpserver: HTTPServer
) -> None:
    received = notify_answering(httpserver, NOTIFY_AUTH_ERROR)
    found = notify_destination(httpserver)
    assert isinstance(found.backends.notifications, NotifySender)
    found.backends.notifications.environ = {}  # the deployment forgot NOTIFY_KEY
    case = a_case()
    outbox.add(case, "notify_email")

    Worker(outbox, lambda slug: found).run_once()

    row = rows(outbox)[case.reference]
    assert row["status"] == "failed" and "NOTIFY_KEY" in row["last_error"]
    assert received == []


def test_handoff_list_shows_the_failed_case_and_no_personal_data(
    outbox: Outbox, database_url: str, httpserver: HTTPServer, runner: CliRunner
) -> None:
    crm = serve_crm(httpserver)
    delivered, refused, waiting = a_case(), a_case(), a_case()
    outbox.add(delivered, "webhook")
    worker(outbox, httpserver).run_once()
    crm.answer = 422
    outbox.add(refused, "webhook")
    worker(outbox, httpserver).run_once()
    outbox.add(waiting, "webhook")

    code, failed_only = handoff_cli(runner, database_url, "list", "--status", "failed")
    _, everything = handoff_cli(runner, database_url, "list", "--council", "demo")

    assert code == 0, failed_only
    header, line = failed_only.splitlines()
    assert header.split()[:5] == ["reference", "council", "channel", "status", "attempts"]
    assert line.split()[:5] == [refused.reference, "demo", "webhook", "failed", "1"]
    assert line.endswith("webhook: answered 422") and f"{datetime.now(UTC):%Y-%m-%d}" in line
    assert {delivered.reference, waiting.reference} <= set(everything.split())
    for output in (failed_only, everything):
        assert "07700900123" not in output and "bin wasnt emptied" not in output


def test_handoff_retry_sends_a_fixed_case_once(
    outbox: Outbox, database_url: str, httpserver: HTTPServer, runner: CliRunner
) -> None:
    crm = serve_crm(httpserver)
    crm.answer = 422
    case = a_case()
    outbox.add(case, "webhook")
    worker(outbox, httpserver).run_once()
    crm.answer = None  # the council fixed its CRM

    code, output = handoff_cli(runner, database_url, "retry", case.reference)
    delivered = worker(outbox, httpserver).run_once()
    again = later_worker(outbox, httpserver).run_once()
    repeat_code, repeat = handoff_cli(runner, database_url, "retry", case.reference)

    assert code == 0 and f"{case.reference}: queued again" in output
    assert (delivered, again) == (1, 0)
    assert list(crm.cases) == [case.reference] and crm.requests == [case.reference, case.reference]
    row = rows(outbox)[case.reference]
    assert row["status"] == "delivered" and row["attempts"] == 2
    assert repeat_code == 1 and "not failed (it is delivered)" in repeat


def test_handoff_retry_of_a_council_takes_only_its_failed_cases(
    outbox: Outbox, database_url: str, httpserver: HTTPServer, runner: CliRunner
) -> None:
    crm = serve_crm(httpserver)
    crm.answer = 403
    refused = [a_case(), a_case()]
    elsewhere = a_case("gone-council")  # no longer in the library: no channel will ever take it
    for case in [*refused, elsewhere]:
        outbox.add(case, "webhook")
    worker(outbox, httpserver).run_once()
    assert outbox.counts() == {"failed": 3}

    code, output = handoff_cli(runner, database_url, "retry", "--council", "demo", "--failed")
    crm.answer = None
    worker(outbox, httpserver).run_once()

    assert code == 0 and "2 hand-off(s) queued" in output
    assert sorted(crm.cases) == sorted(case.reference for case in refused)
    statuses = {reference: row["status"] for reference, row in rows(outbox).items()}
    assert statuses[elsewhere.reference] == "failed"
    assert "not in the library" in rows(outbox)[elsewhere.reference]["last_error"]


def test_handoff_retry_needs_references_or_failed(database_url: str, runner: CliRunner) -> None:
    neither, _ = handoff_cli(runner, database_url, "retry")
    unknown, output = handoff_cli(runner, database_url, "retry", "HO-AAAA-BBBB")
    assert neither == 2
    assert unknown == 1 and "HO-AAAA-BBBB: no such hand-off" in output


def fail_at(outbox: Outbox, httpserver: HTTPServer, moment: datetime) -> None:
    found = destination(httpserver)
    Worker(outbox, lambda slug: found, clock=lambda: moment).run_once()


def test_the_purge_erases_a_case_that_failed_a_month_ago(
    outbox: Outbox,
    database_url: str,
    httpserver: HTTPServer,
    runner: CliRunner,
    build_library: BuildLibrary,
) -> None:
    crm = serve_crm(httpserver)
    crm.answer = 422
    now = datetime.now(UTC)
    old, recent = a_case(), a_case()
    outbox.add(old, "webhook", now - timedelta(days=40))
    fail_at(outbox, httpserver, now - timedelta(days=31))
    outbox.add(recent, "webhook", now - timedelta(days=40))
    fail_at(outbox, httpserver, now - timedelta(days=2))  # asked long ago, failed only lately

    result = runner.invoke(main, ["purge", "--library", str(build_library()), "--database-url", database_url])
    code, output = handoff_cli(runner, database_url, "retry", old.reference)

    assert result.exit_code == 0, result.output
    assert "erased the transcript and contact details of 1 case(s) that failed more than 30 days" in (
        result.output
    )
    kept = rows(outbox)
    assert kept[old.reference]["case_json"] == "{}" and kept[old.reference]["status"] == "failed"
    assert "07700900123" in kept[recent.reference]["case_json"]
    assert code == 1 and "erased" in output
    _, listed = handoff_cli(runner, database_url, "list", "--status", "failed")
    assert "failed (erased)" in listed


def test_an_upgraded_database_keeps_its_waiting_cases_and_can_fail_them(
    database_url: str, httpserver: HTTPServer
) -> None:
    crm = serve_crm(httpserver)
    crm.answer = 410
    database = connect(database_url)
    migrate(database, "0002")  # a deployment from before failed hand-offs existed, a case waiting
    case = a_case()
    Outbox(database).add(case, "webhook")

    migrate(database)
    outbox = Outbox(database)
    worker(outbox, httpserver).run_once()

    assert crm.requests == [case.reference]
    assert rows(outbox)[case.reference]["status"] == "failed"
    database.dispose()
