"""The hand-off outbox on SQLite and a real PostgreSQL: every case accepted is delivered exactly once,
across retries, an outage, a restart, two racing workers, and a crash between sending and marking."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import UTC, datetime, timedelta

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.handoff.crm import serve_crm
from tests.handoff.support import DEMO, a_case, destination, rows, worker
from webhook.backends.open311 import Open311Client
from webhook.backends.registry import CouncilBackends
from webhook.database import connect, migrate
from webhook.handoff.case import Case
from webhook.handoff.channels import Destination, deliver, signed_headers
from webhook.handoff.outbox import Outbox
from webhook.handoff.settings import HandoffSettings
from webhook.handoff.worker import Backoff, Worker


def test_a_case_reaches_the_crm_signed_with_its_reference_as_idempotency_key(
    outbox: Outbox, httpserver: HTTPServer
) -> None:
    crm = serve_crm(httpserver)
    case = a_case()
    outbox.add(case, "webhook")

    assert worker(outbox, httpserver).run_once() == 1

    assert crm.requests == [case.reference] and crm.bad_signatures == 0
    sent = crm.cases[case.reference]
    assert sent["phone"] == "07700900123"
    assert sent["transcript"] == [
        {"speaker": "resident", "text": "my bin wasnt emptied"},
        {"speaker": "bot", "text": "Sorry to hear that."},
    ]
    row = rows(outbox)[case.reference]
    assert row["status"] == "delivered" and row["attempts"] == 1 and row["delivered_at"] is not None


def test_the_signature_covers_the_timestamp_and_the_body() -> None:
    body = b'{"reference":"HO-ABCD-EFGH"}'
    headers = signed_headers(b"key", body, "HO-ABCD-EFGH", timestamp=1700000000)
    expected = hmac.new(b"key", b"1700000000." + body, hashlib.sha256).hexdigest()
    assert headers["X-Signature"] == f"sha256={expected}"
    assert headers["X-Timestamp"] == "1700000000" and headers["Idempotency-Key"] == "HO-ABCD-EFGH"
    other = signed_headers(b"key", body, "HO-ABCD-EFGH", timestamp=1700000001)
    assert other["X-Signature"] != headers["X-Signature"]


def test_500s_and_timeouts_are_retried_until_delivered_once(outbox: Outbox, httpserver: HTTPServer) -> None:
    crm = serve_crm(httpserver)
    case = a_case()
    outbox.add(case, "webhook")
    sender = worker(outbox, httpserver, timeout=0.5)

    crm.down = True
    assert sender.run_once() == 0
    crm.down, crm.delay = False, 1.0  # slower than the delivery timeout
    assert sender.run_once() == 0
    row = rows(outbox)[case.reference]
    assert row["status"] == "pending" and row["attempts"] == 2 and "ReadTimeout" in row["last_error"]
    crm.delay = 0.0
    crm.wait_idle()  # the CRM finishes the answer the worker stopped waiting for
    assert sender.run_once() == 1

    assert rows(outbox)[case.reference]["status"] == "delivered"
    assert list(crm.cases) == [case.reference]


def test_backoff_waits_longer_after_each_failure() -> None:
    backoff = Backoff(first=10.0, longest=60.0)
    assert [backoff.delay(n).total_seconds() for n in (1, 2, 3, 4, 5)] == [10, 20, 40, 60, 60]


def test_a_failed_case_is_not_retried_before_its_time(outbox: Outbox, httpserver: HTTPServer) -> None:
    crm = serve_crm(httpserver)
    outbox.add(a_case(), "webhook")
    found = destination(httpserver)
    sender = Worker(outbox, lambda slug: found, backoff=Backoff(first=3600.0))
    crm.down = True
    sender.run_once()
    crm.down = False
    assert sender.run_once() == 0  # due in an hour
    assert crm.cases == {}


def test_every_case_is_delivered_exactly_once_across_an_outage_and_a_restart(
    database_url: str, httpserver: HTTPServer
) -> None:
    crm = serve_crm(httpserver)
    first_process = connect(database_url)
    migrate(first_process)
    outbox = Outbox(first_process)
    accepted = [a_case() for _ in range(12)]
    crm.down = True
    first = worker(outbox, httpserver)
    for case in accepted[:6]:
        outbox.add(case, "webhook")
    first.run_once()  # the CRM is down: nothing delivered, everything kept
    for case in accepted[6:]:
        outbox.add(case, "webhook")
    first.stop()
    first_process.dispose()

    crm.down = False  # the CRM is back, and a new process starts on the same database
    second_process = connect(database_url)
    second = worker(Outbox(second_process), httpserver)
    delivered = second.run_once()

    keys = [case.reference for case in accepted]
    assert delivered == len(accepted)
    assert sorted(crm.cases) == sorted(keys)
    assert sorted(crm.requests) == sorted(keys)  # one request each once the CRM was up
    statuses = {reference: row["status"] for reference, row in rows(Outbox(second_process)).items()}
    assert statuses == {key: "delivered" for key in keys}
    print(
        f"\nFIGURE: {len(crm.cases)} of {len(accepted)} hand-offs delivered exactly once"
        " across an outage and a restart"
    )


def test_two_workers_racing_send_each_case_once(outbox: Outbox, httpserver: HTTPServer) -> None:
    crm = serve_crm(httpserver)
    crm.delay = 0.02
    accepted = [a_case() for _ in range(10)]
    for case in accepted:
        outbox.add(case, "webhook")
    racers = [worker(Outbox(outbox.database), httpserver) for _ in range(2)]
    counts: list[int] = []
    threads = [threading.Thread(target=lambda w=w: counts.append(w.run_once())) for w in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sum(counts) == len(accepted)
    assert sorted(crm.requests) == sorted(case.reference for case in accepted)  # no key twice


def test_a_crash_between_sending_and_marking_is_resent_under_the_same_key(
    outbox: Outbox, httpserver: HTTPServer
) -> None:
    crm = serve_crm(httpserver)
    case = a_case()
    outbox.add(case, "webhook")
    now = datetime.now(UTC)
    # A worker claims the case and sends it, then dies before it can mark it delivered.
    (claimed,) = outbox.claim_due(now, lease=timedelta(seconds=30))
    deliver(destination(httpserver), claimed.channel, claimed.case)
    # While the lease holds, nobody else sends it.
    assert outbox.claim_due(now + timedelta(seconds=10)) == []
    # After it, the next worker sends it again with the same key; the CRM recognises it.
    later = now + timedelta(seconds=31)
    found = destination(httpserver)
    recovering = Worker(outbox, lambda slug: found, clock=lambda: later)
    assert recovering.run_once() == 1

    assert crm.requests == [case.reference, case.reference]
    assert list(crm.cases) == [case.reference]  # one case in the CRM
    row = rows(outbox)[case.reference]
    assert row["status"] == "delivered" and row["attempts"] == 2
    # The dead worker's late mark changes nothing.
    assert outbox.mark_delivered(claimed) is False


def test_the_stored_case_is_the_json_the_crm_gets(outbox: Outbox) -> None:
    case = a_case()
    outbox.add(case, "webhook")
    stored = json.loads(rows(outbox)[case.reference]["case_json"])
    assert Case.from_json(json.dumps(stored)) == case


def test_a_delivered_case_loses_its_transcript_and_contact_a_week_later(
    outbox: Outbox, httpserver: HTTPServer
) -> None:
    serve_crm(httpserver)
    delivered, waiting = a_case(), a_case()
    outbox.add(delivered, "webhook")
    worker(outbox, httpserver).run_once()
    outbox.add(waiting, "webhook")  # not delivered yet: its case must stay whole

    too_soon = outbox.erase_delivered(datetime.now(UTC) - timedelta(days=7))
    erased = outbox.erase_delivered(datetime.now(UTC) + timedelta(seconds=1))

    kept = rows(outbox)
    assert (too_soon, erased) == (0, 1)
    assert (
        kept[delivered.reference]["case_json"] == "{}" and kept[delivered.reference]["status"] == "delivered"
    )
    assert "07700900123" in kept[waiting.reference]["case_json"]


def test_open311_gets_a_service_request_with_the_transcript_and_the_reference(
    outbox: Outbox, httpserver: HTTPServer
) -> None:
    received: list[dict[str, str]] = []

    def georeport(request: Request) -> Response:
        received.append(dict(request.form))
        if len(received) == 1:  # the endpoint is down once, then takes it
            return Response("Service Unavailable", status=503)
        answer = [{"service_request_id": "2026-000481", "service_notice": "", "account_id": None}]
        return Response(json.dumps(answer), status=201, content_type="application/json")

    httpserver.expect_request("/open311/v2/requests.json", method="POST").respond_with_handler(georeport)
    assert DEMO is not None
    client = Open311Client(httpserver.url_for("/open311/v2/"), api_key_env="KEY", environ={"KEY": "k-1"})
    found = Destination(
        council=DEMO,
        settings=HandoffSettings(channel="open311", service_code="CONTACT"),
        backends=CouncilBackends(reports=client),
        environ={},
        timeout=2.0,
    )
    case = a_case()
    outbox.add(case, "open311")
    sender = Worker(outbox, lambda slug: found, backoff=Backoff(first=0.0))

    first, second = sender.run_once(), sender.run_once()

    assert (first, second) == (0, 1)
    assert len(received) == 2 and received[1]["service_code"] == "CONTACT" and received[1]["api_key"] == "k-1"
    description = received[1]["description"]
    assert description.splitlines()[0].count(case.reference) == 1  # staff see the reference first
    assert "my bin wasnt emptied" in description and received[1]["phone"] == "07700900123"
    assert rows(outbox)[case.reference]["status"] == "delivered"
