"""payments.py: GOV.UK Pay against a local server answering POST /v1/payments as documented; plain links."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.backends.fixtures_http import DEADLINE_SECONDS, FAILURES, SLACK_SECONDS, arrange_failure
from webhook.backends.base import BackendHTTPError, BackendUnavailable
from webhook.backends.payments import GovUkPay, PaymentLink, PaymentRejected, PlainLink, from_settings
from webhook.deadline import Deadline

KEY_ENV = "TEST_GOVUK_PAY_KEY"
KEY = "api_test_0123456789abcdefghijklmnopqrstuvwxyz"
RETURN_URL = {"en": "https://demo-council.example/paid", "cy": "https://demo-council.example/cy/talwyd"}
PAYMENT_ID = "hu20sqlact5260q2nanm0q8u93"
NEXT_URL = "https://www.payments.service.gov.uk/secure/ef1b6ff1-db34-4c62-b854-3ed4ba3c4049"


def created_payment(sent: dict[str, Any]) -> dict[str, Any]:
    """GOV.UK Pay's 201 answer to a create-payment request, echoing what was sent."""
    payments = "https://publicapi.payments.service.gov.uk/v1/payments"
    return {
        "amount": sent["amount"],
        "description": sent["description"],
        "reference": sent["reference"],
        "language": sent["language"],
        "state": {"status": "created", "finished": False},
        "payment_id": PAYMENT_ID,
        "payment_provider": "stripe",
        "created_date": "2022-03-25T13:11:29.019Z",
        "refund_summary": {"status": "pending", "amount_available": sent["amount"], "amount_submitted": 0},
        "settlement_summary": {},
        "delayed_capture": False,
        "moto": False,
        "return_url": sent["return_url"],
        "_links": {
            "self": {"href": f"{payments}/{PAYMENT_ID}", "method": "GET"},
            "next_url": {"href": NEXT_URL, "method": "GET"},
            "next_url_post": {
                "type": "application/x-www-form-urlencoded",
                "params": {"chargeTokenId": "ef1b6ff1-db34-4c62-b854-3ed4ba3c4049"},
                "href": "https://www.payments.service.gov.uk/secure",
                "method": "POST",
            },
            "events": {"href": f"{payments}/{PAYMENT_ID}/events", "method": "GET"},
            "refunds": {"href": f"{payments}/{PAYMENT_ID}/refunds", "method": "GET"},
            "cancel": {"href": f"{payments}/{PAYMENT_ID}/cancel", "method": "POST"},
        },
    }


def pay_endpoint(received: list[dict[str, Any]]) -> Any:
    """401 without the right bearer key, as GOV.UK Pay does; else 201 with the created payment."""

    def handle(request: Request) -> Response:
        if request.headers.get("Authorization") != f"Bearer {KEY}":
            return Response("Credentials are required to access this resource.", status=401)
        sent = request.get_json()
        received.append(sent)
        return Response(json.dumps(created_payment(sent)), status=201, content_type="application/json")

    return handle


@pytest.fixture
def pay(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> GovUkPay:
    monkeypatch.setenv(KEY_ENV, KEY)
    return GovUkPay(api_key_env=KEY_ENV, return_url=RETURN_URL, base_url=httpserver.url_for("/"))


def deadline() -> Deadline:
    return Deadline.after(DEADLINE_SECONDS)


@pytest.mark.parametrize(("language", "return_url"), [("en", RETURN_URL["en"]), ("cy", RETURN_URL["cy"])])
def test_a_payment_sends_the_resident_to_next_url(
    httpserver: HTTPServer, pay: GovUkPay, language: str, return_url: str
) -> None:
    received: list[dict[str, Any]] = []
    httpserver.expect_request("/v1/payments", method="POST").respond_with_handler(pay_endpoint(received))

    link = pay.payment_link(3500, "BULKY-1042", "Bulky waste collection", language, deadline())

    assert link == PaymentLink(url=NEXT_URL, amount_pence=3500, payment_id=PAYMENT_ID)
    assert received == [
        {
            "amount": 3500,
            "reference": "BULKY-1042",
            "description": "Bulky waste collection",
            "return_url": return_url,
            "language": language,
        }
    ]


def test_a_refused_payment_carries_govuk_pays_code_and_field(httpserver: HTTPServer, pay: GovUkPay) -> None:
    httpserver.expect_request("/v1/payments", method="POST").respond_with_json(
        {
            "field": "amount",
            "code": "P0102",
            "description": "Invalid attribute value: amount. Must be less than or equal to 10000000",
        },
        status=422,
    )

    with pytest.raises(PaymentRejected) as raised:
        pay.payment_link(3500, "BULKY-1042", "Bulky waste collection", "en", deadline())

    assert (raised.value.status, raised.value.code, raised.value.field) == (422, "P0102", "amount")


def test_a_wrong_key_is_an_http_error_not_a_refused_payment(
    httpserver: HTTPServer, pay: GovUkPay, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEY_ENV, "api_test_wrong")
    httpserver.expect_request("/v1/payments", method="POST").respond_with_handler(pay_endpoint([]))

    with pytest.raises(BackendHTTPError) as raised:
        pay.payment_link(3500, "BULKY-1042", "Bulky waste collection", "en", deadline())

    assert raised.value.status == 401
    assert not isinstance(raised.value, PaymentRejected)


@pytest.mark.parametrize(
    ("amount", "reference", "description", "language"),
    [
        (0, "BULKY-1042", "Bulky waste", "en"),
        (-100, "BULKY-1042", "Bulky waste", "en"),
        (10_000_001, "BULKY-1042", "Bulky waste", "en"),
        (35.5, "BULKY-1042", "Bulky waste", "en"),
        (True, "BULKY-1042", "Bulky waste", "en"),
        (3500, "", "Bulky waste", "en"),
        (3500, "R" * 256, "Bulky waste", "en"),
        (3500, "BULKY-1042", " ", "en"),
        (3500, "BULKY-1042", "Bulky waste", "fr"),
    ],
)
def test_a_payment_govuk_pay_would_refuse_is_refused_before_any_call(
    httpserver: HTTPServer, pay: GovUkPay, amount: Any, reference: str, description: str, language: str
) -> None:
    with pytest.raises(ValueError):
        pay.payment_link(amount, reference, description, language, deadline())
    assert httpserver.log == []


def test_a_missing_key_fails_without_a_call(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    pay = GovUkPay(api_key_env=KEY_ENV, return_url=RETURN_URL, base_url=httpserver.url_for("/"))

    with pytest.raises(BackendUnavailable, match=KEY_ENV):
        pay.payment_link(3500, "BULKY-1042", "Bulky waste collection", "en", deadline())
    assert httpserver.log == []


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_is_a_backend_error_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    base_url, expected = arrange_failure(httpserver, request, failure, "/v1/payments", method="POST")
    pay = GovUkPay(api_key_env=KEY_ENV, return_url=RETURN_URL, base_url=base_url)
    turn = deadline()

    with pytest.raises(expected):
        pay.payment_link(3500, "BULKY-1042", "Bulky waste collection", "en", turn)

    assert turn.elapsed() < DEADLINE_SECONDS + SLACK_SECONDS


def test_a_plain_link_gives_the_page_in_the_residents_language() -> None:
    link = PlainLink(
        url={"en": "https://demo-council.example/pay", "cy": "https://demo-council.example/cy/talu"}
    )

    assert (
        link.payment_link(3500, "BULKY-1042", "Bulky waste", "cy").url
        == "https://demo-council.example/cy/talu"
    )
    assert PlainLink(url="https://demo-council.example/pay").payment_link(None, None, None, "cy").url == (
        "https://demo-council.example/pay"
    )


def test_from_settings_builds_the_configured_provider() -> None:
    pay = from_settings({"kind": "govuk_pay", "api_key_env": KEY_ENV, "return_url": RETURN_URL})
    assert isinstance(pay, GovUkPay)
    assert pay.base_url == "https://publicapi.payments.service.gov.uk"
    assert isinstance(
        from_settings({"kind": "plain_link", "url": "https://demo-council.example/pay"}), PlainLink
    )
    with pytest.raises(ValueError, match="open311"):
        from_settings({"kind": "open311"})
