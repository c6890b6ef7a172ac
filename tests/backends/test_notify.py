"""notify.py through the official Notify client, against a local server implementing POST
/v2/notifications/email and /sms as GOV.UK Notify documents them (JWT checked with the service's secret)."""

from __future__ import annotations

import json
from typing import Any

import jwt
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.backends.fixtures_http import DEADLINE_SECONDS, FAILURES, SLACK_SECONDS, arrange_failure
from webhook.backends.base import BackendUnavailable
from webhook.backends.notify import (
    NotifyRejected,
    NotifySender,
    SentNotification,
    check_reference,
    from_settings,
)
from webhook.deadline import Deadline

KEY_ENV = "TEST_NOTIFY_KEY"
SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
API_KEY = f"council_chatbot_test-{SERVICE_ID}-{SECRET}"
EMAIL_TEMPLATE = "9d751e0e-f929-4891-82a1-a3e1c3c18ee3"
SMS_TEMPLATE = "f33517ff-2a88-4f6e-b855-c550268ce08a"
NOTIFICATION_ID = "201b576e-c09b-467b-9dfa-9c3b689ee730"


def notify_error(status: int, error: str, message: str) -> dict[str, Any]:
    return {"errors": [{"error": error, "message": message}], "status_code": status}


def notify_endpoint(received: list[dict[str, Any]]) -> Any:
    """A handler answering like Notify: 403 AuthError unless the JWT was signed with the service's
    secret and names the service; else 201 with the documented body, echoing reference and template."""

    def handle(request: Request) -> Response:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        try:
            claims = jwt.decode(token, SECRET, algorithms=["HS256"]) if scheme == "Bearer" else {}
        except jwt.InvalidTokenError:
            claims = {}
        if claims.get("iss") != SERVICE_ID or "iat" not in claims:
            body = notify_error(403, "AuthError", "Invalid token: signature, api token not found")
            return Response(json.dumps(body), status=403, content_type="application/json")
        sent = request.get_json()
        received.append(sent)
        is_email = request.path.endswith("/email")
        content: dict[str, Any] = (
            {
                "subject": "Your report",
                "body": f"Your reference is {sent['personalisation'].get('reference', '')}",
                "from_email": "demo.council@notifications.service.gov.uk",
                "one_click_unsubscribe_url": None,
            }
            if is_email
            else {"body": "Your report has been received", "from_number": "GOVUK"}
        )
        body = {
            "id": NOTIFICATION_ID,
            "reference": sent.get("reference"),
            "content": content,
            "uri": f"https://api.notifications.service.gov.uk/v2/notifications/{NOTIFICATION_ID}",
            "template": {
                "id": sent["template_id"],
                "version": 3,
                "uri": f"https://api.notifications.service.gov.uk/v2/template/{sent['template_id']}",
            },
        }
        return Response(json.dumps(body), status=201, content_type="application/json")

    return handle


@pytest.fixture
def sender(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> NotifySender:
    monkeypatch.setenv(KEY_ENV, API_KEY)
    return NotifySender(
        api_key_env=KEY_ENV,
        templates={"report_email": {"en": EMAIL_TEMPLATE, "cy": "1a2b3c4d-0000-4000-8000-000000000001"}},
        base_url=httpserver.url_for("/").rstrip("/"),
    )


def deadline() -> Deadline:
    return Deadline.after(DEADLINE_SECONDS)


def test_an_email_is_sent_with_a_signed_token_and_only_the_report_reference(
    httpserver: HTTPServer, sender: NotifySender
) -> None:
    received: list[dict[str, Any]] = []
    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_handler(
        notify_endpoint(received)
    )

    sent = sender.send_email(
        "resident@example.com",
        EMAIL_TEMPLATE,
        {"reference": "DEMO-1042", "name": "Sam"},
        "DEMO-1042",
        deadline(),
    )

    assert sent == SentNotification(
        id=NOTIFICATION_ID, reference="DEMO-1042", template_id=EMAIL_TEMPLATE, template_version=3
    )
    assert received == [
        {
            "email_address": "resident@example.com",
            "template_id": EMAIL_TEMPLATE,
            "personalisation": {"reference": "DEMO-1042", "name": "Sam"},
            "reference": "DEMO-1042",
        }
    ]


def test_a_text_message_is_sent(httpserver: HTTPServer, sender: NotifySender) -> None:
    received: list[dict[str, Any]] = []
    httpserver.expect_request("/v2/notifications/sms", method="POST").respond_with_handler(
        notify_endpoint(received)
    )

    sent = sender.send_sms("07700 900123", SMS_TEMPLATE, {"reference": "DEMO-1042"}, "DEMO-1042", deadline())

    assert sent.template_id == SMS_TEMPLATE
    assert received[0]["phone_number"] == "07700 900123"


def test_a_wrong_secret_is_refused_by_notify(
    httpserver: HTTPServer, sender: NotifySender, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, f"council_chatbot_test-{SERVICE_ID}-{'0' * 8}-0000-4000-8000-{'0' * 12}")
    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_handler(
        notify_endpoint([])
    )

    with pytest.raises(NotifyRejected) as raised:
        sender.send_email("resident@example.com", EMAIL_TEMPLATE, {}, "DEMO-1042", deadline())

    assert raised.value.status == 403
    assert [(e.error, e.message) for e in raised.value.errors] == [
        ("AuthError", "Invalid token: signature, api token not found")
    ]


@pytest.mark.parametrize(
    "reference",
    [
        "resident@example.com",
        "DEMO-1042 resident@example.com",
        "07700900123",
        "REF-07700-900123",
        "Pothole outside number 4 High Street",
        "x" * 41,
    ],
)
def test_a_reference_that_could_hold_personal_data_is_refused_before_any_call(
    httpserver: HTTPServer, sender: NotifySender, reference: str
) -> None:
    with pytest.raises(ValueError, match="reference"):
        sender.send_email("resident@example.com", EMAIL_TEMPLATE, {}, reference, deadline())
    with pytest.raises(ValueError, match="reference"):
        sender.send_sms("07700 900123", SMS_TEMPLATE, {}, reference, deadline())
    assert httpserver.log == []


@pytest.mark.parametrize("reference", [None, "DEMO-1042", "OX/2024/000123", "3f2a9c"])
def test_report_references_are_accepted(reference: str | None) -> None:
    check_reference(reference, "resident@example.com", "07700 900123")


@pytest.mark.parametrize(
    ("status", "body", "expected"),
    [
        (
            400,
            notify_error(400, "BadRequestError", "Can't send to this recipient using a team-only API key"),
            NotifyRejected,
        ),
        (403, notify_error(403, "AuthError", "Invalid token: service not found"), NotifyRejected),
        (
            429,
            notify_error(
                429, "RateLimitError", "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"
            ),
            BackendUnavailable,
        ),
        (500, notify_error(500, "Exception", "Internal server error"), BackendUnavailable),
    ],
)
def test_notify_errors_become_backend_errors(
    httpserver: HTTPServer, sender: NotifySender, status: int, body: dict[str, Any], expected: type[Exception]
) -> None:
    httpserver.expect_request("/v2/notifications/email", method="POST").respond_with_json(body, status=status)

    with pytest.raises(expected):
        sender.send_email("resident@example.com", EMAIL_TEMPLATE, {}, "DEMO-1042", deadline())


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_is_a_backend_error_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setenv(KEY_ENV, API_KEY)
    base_url, expected = arrange_failure(
        httpserver, request, failure, "/v2/notifications/email", method="POST"
    )
    sender = NotifySender(api_key_env=KEY_ENV, base_url=base_url.rstrip("/"))
    turn = deadline()

    with pytest.raises(expected):
        sender.send_email("resident@example.com", EMAIL_TEMPLATE, {}, "DEMO-1042", turn)

    assert turn.elapsed() < DEADLINE_SECONDS + SLACK_SECONDS


@pytest.mark.parametrize("value", [None, "", "not-a-notify-key"])
def test_a_missing_or_malformed_key_fails_without_a_call_or_an_echo(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv(KEY_ENV, raising=False)
    else:
        monkeypatch.setenv(KEY_ENV, value)
    sender = NotifySender(api_key_env=KEY_ENV, base_url=httpserver.url_for("/").rstrip("/"))

    with pytest.raises(BackendUnavailable, match=KEY_ENV) as raised:
        sender.send_email("resident@example.com", EMAIL_TEMPLATE, {}, "DEMO-1042", deadline())

    assert value is None or value == "" or value not in str(raised.value)
    assert httpserver.log == []


def test_templates_come_from_settings_with_english_as_the_fallback() -> None:
    sender = from_settings(
        {
            "kind": "govuk_notify",
            "api_key_env": KEY_ENV,
            "templates": {
                "report_email": {"en": EMAIL_TEMPLATE, "cy": "cy-template"},
                "report_sms": SMS_TEMPLATE,
            },
        }
    )

    assert sender.base_url == "https://api.notifications.service.gov.uk"
    assert sender.template_id("report_email", "cy") == "cy-template"
    assert sender.template_id("report_sms", "cy") == SMS_TEMPLATE
    with pytest.raises(KeyError):
        sender.template_id("payment_email", "en")
