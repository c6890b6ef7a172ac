"""open311.py against a local GeoReport v2 endpoint, and the form-link reporter for councils without one."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import DEADLINE_SECONDS, FAILURES, SLACK_SECONDS, arrange_failure
from webhook.backends.base import BackendUnavailable
from webhook.backends.cache import TTLCache
from webhook.backends.open311 import (
    FormLinkReporter,
    Open311Client,
    Open311Error,
    ReportAccepted,
    ReportByForm,
    ServiceRequest,
    UnknownService,
    from_settings,
    missing_attributes,
)
from webhook.deadline import Deadline

KEY_ENV = "TEST_OPEN311_KEY"
KEY = "open311-test-key"

# GeoReport v2 as mySociety's open311-adapter serves it: flags as strings, keywords comma-separated.
SERVICES = [
    {
        "keywords": "deep,hole,road",
        "group": "highways",
        "service_name": "Pothole Repairs",
        "type": "realtime",
        "metadata": "true",
        "description": "Pothole Repairs Service",
        "service_code": "POT",
    },
    {
        "keywords": "bin",
        "group": "sanitation",
        "service_name": "Bin Enforcement",
        "type": "realtime",
        "metadata": "false",
        "description": "Bin Enforcement Service",
        "service_code": "BIN",
    },
]
POTHOLE_DEFINITION = {
    "service_code": "POT",
    "attributes": [
        {
            "order": 2,
            "code": "shape",
            "variable": "true",
            "datatype_description": "square | circle | triangle",
            "description": "shape of the pothole",
            "required": "false",
            "datatype": "singlevaluelist",
            "values": [
                {"name": "Circle", "key": "circle"},
                {"name": "Square", "key": "square"},
                {"name": "Triangle", "key": "triangle"},
            ],
        },
        {
            "order": 1,
            "code": "depth",
            "required": "true",
            "variable": "true",
            "datatype_description": "an integer",
            "description": "depth of pothole, in centimetres",
            "datatype": "number",
        },
    ],
}
INVALID_KEY = [{"code": 403, "description": "Invalid api_key received -- can't proceed with create_request."}]

POTHOLE = ServiceRequest(
    description="A deep pothole outside the library",
    address_string="1 High Street, Demo Town, AA1 1AA",
    email="resident@example.com",
    attributes={"depth": "12", "shape": "circle"},
)


@pytest.fixture
def client(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Open311Client:
    monkeypatch.setenv(KEY_ENV, KEY)
    return Open311Client(
        httpserver.url_for("/"),
        api_key_env=KEY_ENV,
        service_codes={"streets.pothole": "POT"},
        cache=TTLCache(ttl_seconds=60),
    )


def deadline() -> Deadline:
    return Deadline.after(DEADLINE_SECONDS)


def test_services_are_listed_and_cached(httpserver: HTTPServer, client: Open311Client) -> None:
    httpserver.expect_request("/services.json").respond_with_json(SERVICES)

    services = client.services(deadline())
    client.services(deadline())

    assert [(s.code, s.name, s.metadata, s.group) for s in services] == [
        ("POT", "Pothole Repairs", True, "highways"),
        ("BIN", "Bin Enforcement", False, "sanitation"),
    ]
    assert services[0].keywords == ("deep", "hole", "road")
    assert len(httpserver.log) == 1


def test_a_jurisdiction_is_sent_when_the_endpoint_serves_several(
    httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request(
        "/services.json", query_string={"jurisdiction_id": "demo-council.example"}
    ).respond_with_json(SERVICES)
    client = Open311Client(
        httpserver.url_for("/"),
        api_key_env=KEY_ENV,
        jurisdiction_id="demo-council.example",
        cache=TTLCache(60),
    )

    assert len(client.services(deadline())) == 2
    httpserver.check_assertions()


def test_a_service_definition_lists_its_attributes_in_order(
    httpserver: HTTPServer, client: Open311Client
) -> None:
    httpserver.expect_request("/services/POT.json").respond_with_json(POTHOLE_DEFINITION)

    definition = client.service_definition("POT", deadline())

    assert [a.code for a in definition.attributes] == ["depth", "shape"]
    assert [a.code for a in definition.required()] == ["depth"]
    assert [v.key for v in definition.attributes[1].values] == ["circle", "square", "triangle"]
    assert [a.code for a in missing_attributes(definition, {"shape": "circle"})] == ["depth"]
    assert missing_attributes(definition, {"depth": "12"}) == ()


def test_an_unknown_service_code_is_an_unknown_service(httpserver: HTTPServer, client: Open311Client) -> None:
    httpserver.expect_request("/services/NOPE.json").respond_with_json(
        [{"code": 404, "description": "service_code NOPE not found"}], status=404
    )

    with pytest.raises(UnknownService):
        client.service_definition("NOPE", deadline())


def test_a_request_is_posted_form_encoded_with_the_key(httpserver: HTTPServer, client: Open311Client) -> None:
    httpserver.expect_request("/requests.json", method="POST").respond_with_json(
        [{"service_notice": "We aim to inspect within 5 working days", "service_request_id": 0}]
    )

    receipt = client.post_request("POT", POTHOLE, deadline())

    sent, _ = httpserver.log[0]
    assert sent.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert sent.form.to_dict() == {
        "api_key": KEY,
        "service_code": "POT",
        "address_string": "1 High Street, Demo Town, AA1 1AA",
        "email": "resident@example.com",
        "description": "A deep pothole outside the library",
        "attribute[depth]": "12",
        "attribute[shape]": "circle",
    }
    # 0 is a real request id (the first one an endpoint issues), not a missing one.
    assert receipt.service_request_id == "0"
    assert receipt.reference == "0"
    assert receipt.service_notice == "We aim to inspect within 5 working days"


def test_a_point_and_a_multi_value_answer_are_sent_as_the_spec_says(
    httpserver: HTTPServer, client: Open311Client
) -> None:
    httpserver.expect_request("/requests.json", method="POST").respond_with_json(
        [{"service_request_id": "293944"}]
    )
    report = ServiceRequest(
        description="Broken lights", latitude=51.5, longitude=-0.12, attributes={"lamps": ["L1", "L2"]}
    )

    client.post_request("LIGHT", report, deadline())

    sent, _ = httpserver.log[0]
    assert (sent.form["lat"], sent.form["long"]) == ("51.5", "-0.12")
    assert sent.form.getlist("attribute[lamps][]") == ["L1", "L2"]


def test_a_batch_service_answers_with_a_token(httpserver: HTTPServer, client: Open311Client) -> None:
    httpserver.expect_request("/requests.json", method="POST").respond_with_json([{"token": "12345"}])

    receipt = client.post_request("POT", POTHOLE, deadline())

    assert (receipt.service_request_id, receipt.token, receipt.reference) == (None, "12345", "12345")


@pytest.mark.parametrize("status", [400, 403])
def test_a_refusal_carries_the_georeport_errors(
    httpserver: HTTPServer, client: Open311Client, status: int
) -> None:
    httpserver.expect_request("/requests.json", method="POST").respond_with_json(INVALID_KEY, status=status)

    with pytest.raises(Open311Error) as raised:
        client.post_request("POT", POTHOLE, deadline())

    assert raised.value.status == status
    assert [(e.code, e.description) for e in raised.value.errors] == [
        ("403", "Invalid api_key received -- can't proceed with create_request.")
    ]


def test_report_uses_the_service_configured_for_the_intent(
    httpserver: HTTPServer, client: Open311Client
) -> None:
    httpserver.expect_request("/requests.json", method="POST").respond_with_json(
        [{"service_request_id": "293944"}]
    )

    outcome = client.report("streets.pothole", POTHOLE, "en", deadline())

    assert outcome == ReportAccepted(reference="293944")
    assert httpserver.log[0][0].form["service_code"] == "POT"


def test_report_for_an_intent_without_a_service_fails_without_a_call(
    httpserver: HTTPServer, client: Open311Client
) -> None:
    with pytest.raises(UnknownService):
        client.report("streets.streetlight", POTHOLE, "en", deadline())
    assert httpserver.log == []


def test_a_missing_key_fails_without_a_call(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    client = Open311Client(httpserver.url_for("/"), api_key_env=KEY_ENV, cache=TTLCache(60))

    with pytest.raises(BackendUnavailable, match=KEY_ENV):
        client.post_request("POT", POTHOLE, deadline())
    assert httpserver.log == []


def test_a_request_needs_a_location() -> None:
    with pytest.raises(ValueError, match="location"):
        ServiceRequest(description="A pothole somewhere")


def test_a_description_longer_than_the_spec_allows_is_refused() -> None:
    with pytest.raises(ValueError, match="4000"):
        ServiceRequest(description="x" * 4001, address_string="High Street")


def test_the_form_link_reporter_gives_the_form_in_the_residents_language() -> None:
    reporter = FormLinkReporter(
        url={"en": "https://demo-council.example/report", "cy": "https://demo-council.example/cy/adrodd"},
        forms={"streets.pothole": "https://demo-council.example/report/pothole"},
    )

    assert reporter.report("streets.flytipping", None, "cy") == ReportByForm(
        "https://demo-council.example/cy/adrodd"
    )
    assert reporter.report("streets.flytipping", None, "en") == ReportByForm(
        "https://demo-council.example/report"
    )
    # A form only published in English serves Welsh speakers too.
    assert reporter.report("streets.pothole", POTHOLE, "cy") == ReportByForm(
        "https://demo-council.example/report/pothole"
    )


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_to_list_services_is_a_backend_error_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, failure: str
) -> None:
    base_url, expected = arrange_failure(httpserver, request, failure, "/services.json")
    client = Open311Client(base_url, api_key_env=KEY_ENV, cache=TTLCache(60))
    turn = deadline()

    with pytest.raises(expected):
        client.services(turn)

    assert turn.elapsed() < DEADLINE_SECONDS + SLACK_SECONDS


@pytest.mark.parametrize("failure", FAILURES)
def test_every_failure_to_post_is_a_backend_error_within_the_deadline(
    httpserver: HTTPServer, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    monkeypatch.setenv(KEY_ENV, KEY)
    base_url, expected = arrange_failure(httpserver, request, failure, "/requests.json", method="POST")
    client = Open311Client(base_url, api_key_env=KEY_ENV, cache=TTLCache(60))
    turn = deadline()

    with pytest.raises(expected):
        client.post_request("POT", POTHOLE, turn)

    assert turn.elapsed() < DEADLINE_SECONDS + SLACK_SECONDS


@pytest.mark.parametrize(
    ("settings", "kind"),
    [
        (
            {"kind": "open311", "base_url": "https://open311.example/v2", "api_key_env": KEY_ENV},
            Open311Client,
        ),
        ({"kind": "form_link", "url": "https://demo-council.example/report"}, FormLinkReporter),
    ],
)
def test_from_settings_builds_the_configured_reporter(settings: dict[str, Any], kind: type) -> None:
    assert isinstance(from_settings(settings), kind)


def test_from_settings_refuses_another_kind() -> None:
    with pytest.raises(ValueError, match="payments"):
        from_settings({"kind": "payments"})
