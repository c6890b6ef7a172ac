"""POST /webhook/<council> and POST /webhook, as Dialogflow ES calls them."""

from __future__ import annotations

import json
import time

import pytest
from flask.testing import FlaskClient
from google.cloud import dialogflow_v2

from tests.conftest import TEST_CREDENTIALS
from tests.fulfilment.conftest import basic_auth, strict_reply, webhook_request

SESSION_FORMS = [
    "projects/unitary-council-bot/agent/sessions/abc123",
    "projects/unitary-council-bot/agent/environments/draft/users/u-1/sessions/abc123",
    "projects/unitary-council-bot/locations/europe-west2/agent/sessions/abc123",
    "projects/unitary-council-bot/locations/europe-west2/agent/environments/live/users/u-1/sessions/abc123",
]


def test_a_council_answers_from_its_library_with_its_own_facts(post) -> None:
    response = post("demo", webhook_request("council_tax.pay", text="how do i pay my ctax"))
    assert response.status_code == 200
    reply = strict_reply(response.data)
    assert "01632 960000" in reply.fulfillment_text
    assert reply.fulfillment_messages[0].text.text[0] in reply.fulfillment_text
    assert any(m.quick_replies.quick_replies for m in reply.fulfillment_messages)
    links = [b.postback for m in reply.fulfillment_messages for b in m.card.buttons]
    assert "https://demo-council.example/council-tax/pay" in links


def test_welsh_requests_get_welsh_replies(post) -> None:
    response = post("demo", webhook_request("council_tax.pay", language="cy"))
    reply = strict_reply(response.data)
    assert "https://demo-council.example/cy/council-tax/pay" in reply.fulfillment_text
    assert "Gallwch hefyd ofyn:" in [m.quick_replies.title for m in reply.fulfillment_messages]


def test_a_regional_language_code_is_understood(post) -> None:
    reply = strict_reply(post("cardiff", webhook_request("council.contact", language="en-GB")).data)
    assert "029 2087 2087" in reply.fulfillment_text


def test_a_language_the_council_does_not_speak_falls_back_to_its_first(post) -> None:
    reply = strict_reply(post("oxford", webhook_request("council.contact", language="cy")).data)
    assert "01865 249811" in reply.fulfillment_text


def test_a_district_routes_a_county_service_to_the_county(post) -> None:
    reply = strict_reply(post("oxford", webhook_request("streets.pothole", text="pothole on my road")).data)
    assert "Oxfordshire County Council" in reply.fulfillment_text
    assert "01865 792422" in reply.fulfillment_text
    assert "https://www.oxfordshire.gov.uk" in reply.fulfillment_text


def test_a_county_routes_a_district_service_to_the_residents_district(post) -> None:
    reply = strict_reply(post("oxfordshire", webhook_request("council_tax.pay")).data)
    assert "https://www.gov.uk/find-local-council" in reply.fulfillment_text


def test_an_intent_the_library_does_not_hold_still_gets_the_councils_contacts(post) -> None:
    response = post("oxford", webhook_request("Default Welcome Intent"))
    assert response.status_code == 200
    reply = strict_reply(response.data)
    assert "01865 249811" in reply.fulfillment_text and "https://www.oxford.gov.uk" in reply.fulfillment_text


def test_output_contexts_carry_full_resource_names(post) -> None:
    session = "projects/p/locations/europe-west2/agent/environments/live/users/u/sessions/s-9"
    reply = strict_reply(post("demo", webhook_request("waste.which_bin", session=session)).data)
    assert reply.output_contexts == [] or all(
        c.name.startswith(session + "/contexts/") for c in reply.output_contexts
    )
    reply = strict_reply(
        post(
            "demo",
            webhook_request("waste.collection_day", session=session, parameters={"postcode": "AA1 1AA"}),
        ).data
    )
    contexts = {c.name: c.lifespan_count for c in reply.output_contexts}
    assert contexts[f"{session}/contexts/bin_collection"] == 5


def test_parameters_of_every_json_type_and_original_keys_are_accepted(post) -> None:
    parameters = {
        "postcode": "AA1 1AA",
        "postcode.original": "aa11aa",
        "number": 3,
        "date": {"date_time": "2026-11-30T12:00:00Z"},
        "bin_type": ["recycling", "glass"],
        "empty": "",
    }
    response = post("demo", webhook_request("waste.collection_day", parameters=parameters))
    assert response.status_code == 200
    strict_reply(response.data)


def test_a_missing_required_parameter_is_prompted_for(post) -> None:
    body = webhook_request("waste.collection_day", all_required=False, parameters={"postcode": ""})
    reply = strict_reply(post("demo", body).data)
    assert reply.fulfillment_text == "What's your postcode? For example, AA1 1AA."


def test_switching_language_answers_in_welsh_and_tells_the_client(post) -> None:
    body = webhook_request("system.switch_language", text="Cymraeg plis", parameters={"language": "cy"})
    reply = strict_reply(post("demo", body).data)
    assert reply.payload["language"] == "cy"
    assert reply.output_contexts[0].name.endswith("/contexts/language")
    english = strict_reply(
        post("demo", webhook_request("system.switch_language", parameters={"language": "en"})).data
    )
    assert reply.fulfillment_text != english.fulfillment_text


def test_contact_lists_every_published_contact(post) -> None:
    reply = strict_reply(post("demo", webhook_request("council.contact")).data)
    assert "hello@demo-council.example" in reply.fulfillment_text
    assert "Civic Centre" in reply.fulfillment_text


def test_a_platform_source_gets_messages_for_that_platform(post) -> None:
    reply = strict_reply(post("demo", webhook_request("council_tax.pay", source="facebook")).data)
    platforms = {m.platform for m in reply.fulfillment_messages}
    assert dialogflow_v2.Intent.Message.Platform.FACEBOOK in platforms
    assert dialogflow_v2.Intent.Message.Platform.PLATFORM_UNSPECIFIED in platforms


@pytest.mark.parametrize("session", SESSION_FORMS)
def test_the_project_endpoint_finds_the_council_from_every_session_form(
    webhook_client: FlaskClient, session: str
) -> None:
    response = webhook_client.post(
        "/webhook", json=webhook_request("system.welcome", session=session), headers=basic_auth()
    )
    assert response.status_code == 200, response.data
    assert "Unitary Council" in strict_reply(response.data).fulfillment_text


def test_the_project_endpoint_rejects_an_unknown_project(webhook_client: FlaskClient) -> None:
    body = webhook_request("system.welcome", session="projects/nobody/agent/sessions/1")
    response = webhook_client.post("/webhook", json=body, headers=basic_auth())
    assert response.status_code == 404
    assert response.get_json()["error"]["path"] == "$.session"


class TestAuthentication:
    def test_no_credentials_is_401_with_a_challenge(self, post) -> None:
        response = post("demo", webhook_request("system.welcome"), headers={})
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"].startswith("Basic")
        assert "credentials" in response.get_json()["error"]["message"]

    def test_a_wrong_password_is_401(self, post) -> None:
        assert (
            post("demo", webhook_request("system.welcome"), headers=basic_auth(password="nope")).status_code
            == 401
        )

    @pytest.mark.parametrize(
        "headers",
        [{"Authorization": f"Bearer {TEST_CREDENTIALS.token}"}, {"X-Webhook-Token": TEST_CREDENTIALS.token}],
    )
    def test_a_shared_token_is_accepted(self, post, headers: dict[str, str]) -> None:
        assert post("demo", webhook_request("system.welcome"), headers=headers).status_code == 200

    def test_a_wrong_token_is_401(self, post) -> None:
        assert (
            post("demo", webhook_request("system.welcome"), headers={"X-Webhook-Token": "guess"}).status_code
            == 401
        )

    def test_credentials_are_checked_before_the_body_is_read(self, client: FlaskClient) -> None:
        response = client.post("/webhook/demo", data=b"not json at all", content_type="application/json")
        assert response.status_code == 401

    def test_another_councils_credentials_do_not_open_this_council(self, build_library) -> None:
        from tests.conftest import app_settings
        from webhook import create_app
        from webhook.fulfilment.auth import Credentials

        root = build_library()
        credentials = {
            "unitary": Credentials(token="unitary-token"),
            "district": Credentials(token="district-token"),
            "county": Credentials(token="county-token"),
        }
        client = create_app(app_settings(root, WEBHOOK_CREDENTIALS=credentials)).test_client()
        body = webhook_request("system.welcome")
        assert (
            client.post(
                "/webhook/district", json=body, headers={"X-Webhook-Token": "unitary-token"}
            ).status_code
            == 401
        )
        assert (
            client.post(
                "/webhook/district", json=body, headers={"X-Webhook-Token": "district-token"}
            ).status_code
            == 200
        )


class TestMalformedCalls:
    def test_an_empty_body_is_400(self, client: FlaskClient) -> None:
        response = client.post("/webhook/demo", data=b"", headers=basic_auth())
        assert response.status_code == 400
        assert "empty" in response.get_json()["error"]["message"]

    def test_a_body_that_is_not_json_is_400(self, client: FlaskClient) -> None:
        response = client.post("/webhook/demo", data=b"<html>", headers=basic_auth())
        assert response.status_code == 400
        assert "not JSON" in response.get_json()["error"]["message"]

    @pytest.mark.parametrize(
        ("mutate", "path"),
        [
            (lambda body: body.pop("queryResult"), "$"),
            (lambda body: body.update(session="sessions/xyz"), "$.session"),
            (lambda body: body["queryResult"].update(parameters=[1, 2]), "$.queryResult.parameters"),
            (lambda body: body["queryResult"]["intent"].pop("displayName"), "$.queryResult.intent"),
            (
                lambda body: body["queryResult"].update(
                    outputContexts=[{"name": "x", "lifespanCount": "five"}]
                ),
                "$.queryResult.outputContexts[0]",
            ),
        ],
    )
    def test_a_wrong_shape_is_400_with_the_json_path(self, post, mutate, path: str) -> None:
        body = webhook_request("system.welcome")
        mutate(body)
        response = post("demo", body)
        assert response.status_code == 400
        assert response.get_json()["error"]["path"].startswith(path)

    def test_a_json_array_is_400(self, client: FlaskClient) -> None:
        response = client.post(
            "/webhook/demo", data=b"[]", headers=basic_auth(), content_type="application/json"
        )
        assert response.status_code == 400

    def test_an_unknown_council_is_404(self, post) -> None:
        response = post("atlantis", webhook_request("system.welcome"))
        assert response.status_code == 404
        assert response.is_json

    def test_a_body_over_one_mebibyte_is_413(self, client: FlaskClient) -> None:
        body = json.dumps(webhook_request("system.welcome", text="x" * (1024 * 1024))).encode()
        response = client.post(
            "/webhook/demo", data=body, headers=basic_auth(), content_type="application/json"
        )
        assert response.status_code == 413
        assert response.is_json

    def test_the_wrong_method_is_405_json(self, client: FlaskClient) -> None:
        response = client.get("/webhook/demo")
        assert response.status_code == 405
        assert response.is_json and "POST" in response.headers["Allow"]


class TestHandlersThatFail:
    @pytest.fixture
    def broken_handler(self, app, monkeypatch):
        engine = app.extensions["engine"]

        def install(behaviour):
            monkeypatch.setattr(engine, "handlers", engine.handlers.replaced("council.contact", behaviour))

        return install

    def test_a_payload_value_json_cannot_hold_as_is_still_reaches_dialogflow(
        self, post, broken_handler
    ) -> None:
        from decimal import Decimal

        from webhook.fulfilment.turn import Reply

        big = 2**70
        broken_handler(
            lambda turn: Reply(texts=("Fee: 12.50",), payload={"fee": Decimal("12.50"), "id": big})
        )
        response = post("demo", webhook_request("council.contact"))
        assert response.status_code == 200
        reply = strict_reply(response.data)
        assert reply.fulfillment_text == "Fee: 12.50"
        assert reply.payload["fee"] == "12.50" and int(reply.payload["id"]) == big

    def test_a_handler_that_raises_still_gives_a_useful_answer(self, post, broken_handler) -> None:
        def explode(turn):
            raise RuntimeError("backend exploded with secret detail")

        broken_handler(explode)
        response = post("demo", webhook_request("council.contact"))
        assert response.status_code == 200
        reply = strict_reply(response.data)
        assert reply.fulfillment_text.startswith("Sorry, I can't check that right now.")
        assert "01632 960000" in reply.fulfillment_text
        assert "secret detail" not in response.get_data(as_text=True)

    def test_a_handler_that_hangs_is_answered_inside_the_deadline(self, app, broken_handler) -> None:
        app.config["TURN_DEADLINE_SECONDS"] = 0.5
        broken_handler(lambda turn: time.sleep(3))
        started = time.monotonic()
        response = app.test_client().post(
            "/webhook/demo", json=webhook_request("council.contact"), headers=basic_auth()
        )
        elapsed = time.monotonic() - started
        assert response.status_code == 200
        assert elapsed < 1.0
        assert "01632 960000" in strict_reply(response.data).fulfillment_text


def test_each_turn_is_logged_once_as_json_with_personal_data_redacted(post, capsys) -> None:
    text = "bins at AA1 1AA, email me on jo.bloggs@example.com or 07700 900123, my name is Jo Bloggs"
    post("demo", webhook_request("waste.collection_day", text=text, parameters={"postcode": "AA1 1AA"}))
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines() if line.startswith("{")]
    turns = [line for line in lines if line["message"] == "turn"]
    assert len(turns) == 1
    turn = turns[0]
    assert turn["council"] == "demo" and turn["intent"] == "waste.collection_day"
    assert turn["severity"] == "INFO" and turn["latency_ms"] >= 0 and turn["outcome"]
    for secret in ("AA1 1AA", "jo.bloggs", "07700 900123", "Jo Bloggs"):
        assert secret not in turn["query"]
