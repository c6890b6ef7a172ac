"""/openapi.json describes the webhook, and the app keeps to it under generated calls (schemathesis)."""

from __future__ import annotations

import schemathesis
from flask.testing import FlaskClient
from hypothesis import HealthCheck, settings

from tests.conftest import REPOSITORY, TEST_CREDENTIALS, app_settings
from webhook import create_app

app = create_app(app_settings(REPOSITORY))
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


def test_the_document_is_openapi_3_1_and_names_every_endpoint(client: FlaskClient) -> None:
    document = client.get("/openapi.json").get_json()
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {"/webhook/{council}", "/webhook", "/healthz", "/readyz"}


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_app_keeps_to_its_openapi_document(case) -> None:
    case.headers = {**(case.headers or {}), "X-Webhook-Token": TEST_CREDENTIALS.token}
    if case.path_parameters and "council" in case.path_parameters:
        case.path_parameters["council"] = "demo"
    response = case.call()
    assert response.status_code < 500, response.text
    # Our own generated header is valid on every request, so the "ignored auth" probe cannot apply;
    # authentication has its own tests in test_webhook.py.
    case.validate_response(response, excluded_checks=[schemathesis.checks.ignored_auth])
