"""Generated webhook calls, valid and broken: never a 5xx; every 200 is a strict WebhookResponse; every
4xx is JSON that says what was wrong; nothing internal leaks into a reply."""

from __future__ import annotations

import json
from typing import Any

from flask import Flask
from google.cloud import dialogflow_v2
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPOSITORY, TEST_CREDENTIALS, app_settings
from webhook import create_app
from webhook.library.loader import load_library

LIBRARY = load_library(REPOSITORY).library
APP: Flask = create_app(app_settings(REPOSITORY))
HEADERS = {"X-Webhook-Token": TEST_CREDENTIALS.token or ""}
LEAKS = ("Traceback", "127.0.0.1", "localhost", TEST_CREDENTIALS.token or "", "webhook/")

JSON = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
INTENTS = st.one_of(st.sampled_from(sorted(LIBRARY.intents)), st.text(min_size=1, max_size=30))
SESSIONS = st.sampled_from(
    [
        "projects/p/agent/sessions/s1",
        "projects/p/agent/environments/e/users/u/sessions/s1",
        "projects/p/locations/europe-west2/agent/sessions/s1",
        "projects/p/locations/l/agent/environments/e/users/u/sessions/s1",
    ]
)
PARAMETER_VALUES = st.one_of(
    st.sampled_from(["AA1 1AA", "aa11aa", "", "recycling", "nappies", "cy", "en", "graffiti"]),
    st.text(max_size=40),
    st.integers(),
    st.lists(st.text(max_size=10), max_size=3),
    st.fixed_dictionaries({"date_time": st.just("2026-11-30T12:00:00Z")}),
)
PARAMETERS = st.dictionaries(
    st.sampled_from(
        ["postcode", "postcode.original", "bin_type", "waste_item", "date", "language", "problem", "x"]
    ),
    PARAMETER_VALUES,
    max_size=5,
)


@st.composite
def valid_requests(draw: st.DrawFn) -> dict[str, Any]:
    session = draw(SESSIONS)
    contexts = draw(
        st.lists(st.sampled_from(["bin_collection", "language", "__system_counters__", "x"]), max_size=3)
    )
    return {
        "responseId": draw(st.text(max_size=10)),
        "session": session,
        "queryResult": {
            "queryText": draw(st.text(max_size=200)),
            "languageCode": draw(st.sampled_from(["en", "cy", "en-GB", "fr", ""])),
            "parameters": draw(PARAMETERS),
            "allRequiredParamsPresent": draw(st.booleans()),
            "outputContexts": [
                {"name": f"{session}/contexts/{name}", "lifespanCount": draw(st.integers(0, 5))}
                for name in contexts
            ],
            "intent": {"displayName": draw(INTENTS)},
            "intentDetectionConfidence": draw(st.floats(0, 1)),
        },
        "originalDetectIntentRequest": {"source": draw(st.sampled_from(["", "facebook", "slack", "web"]))},
    }


@st.composite
def broken_requests(draw: st.DrawFn) -> Any:
    request = draw(valid_requests())
    choice = draw(st.integers(0, 4))
    if choice == 0:
        return draw(JSON)
    if choice == 1:
        request.pop(draw(st.sampled_from(["session", "queryResult"])))
    elif choice == 2:
        request["queryResult"][draw(st.sampled_from(sorted(request["queryResult"])))] = draw(JSON)
    elif choice == 3:
        request["session"] = draw(st.text(max_size=40))
    else:
        request["queryResult"]["outputContexts"] = draw(JSON)
    return request


def check(response: Any) -> None:
    assert response.status_code < 500, response.get_data(as_text=True)[:500]
    text = response.get_data(as_text=True)
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} leaked into {text[:300]}"
    if response.status_code == 200:
        dialogflow_v2.WebhookResponse.from_json(text, ignore_unknown_fields=False)
    else:
        error = response.get_json()["error"]
        assert error["message"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_requests())
def test_valid_calls_always_get_a_strict_webhook_response(request: dict[str, Any]) -> None:
    response = APP.test_client().post("/webhook/demo", json=request, headers=HEADERS)
    check(response)
    assert response.status_code == 200


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_requests())
def test_broken_calls_get_a_4xx_that_says_what_is_wrong(request: Any) -> None:
    check(
        APP.test_client().post(
            "/webhook/demo", data=json.dumps(request), headers=HEADERS, content_type="application/json"
        )
    )


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_get_an_answer_not_a_crash(body: bytes) -> None:
    check(
        APP.test_client().post("/webhook/demo", data=body, headers=HEADERS, content_type="application/json")
    )
