"""Generated chat requests, valid and broken: never a 5xx; 200s have the documented shape; 4xx are JSON."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPOSITORY, app_settings
from webhook import create_app

TEXTS = st.one_of(
    st.sampled_from(
        ["when is my bin day", "AA1 1AA", "cancel", "Cymraeg", "", "diolch", "<script>alert(1)</script>"]
    ),
    st.text(max_size=120),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = create_app(
        app_settings(
            REPOSITORY,
            NLU_CACHE_DIR=tmp_path_factory.mktemp("fuzz-nlu"),
            CHAT_RATE_PER_MINUTE=1e9,
            CHAT_RATE_BURST=10**9,
        )
    )
    return app.test_client()


@st.composite
def chat_requests(draw: st.DrawFn) -> Any:
    body: dict[str, Any] = {
        "council": draw(st.sampled_from(["demo", "cardiff", "oxford"])),
        "session": draw(st.from_regex(r"[A-Za-z0-9_-]{8,20}", fullmatch=True)),
        "text": draw(TEXTS),
    }
    if draw(st.booleans()):
        body["language"] = draw(st.sampled_from(["en", "cy"]))
    if draw(st.booleans()):
        body["state"] = draw(st.text(max_size=60))
    if draw(st.integers(0, 3)) == 0:  # break it
        key = draw(st.sampled_from(sorted(body)))
        body[key] = draw(
            st.one_of(st.none(), st.integers(), st.lists(st.integers(), max_size=2), st.text(max_size=3))
        )
    return body


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(chat_requests())
def test_chat_requests_never_get_a_server_error(client, body: Any) -> None:
    response = client.post("/api/chat", data=json.dumps(body), content_type="application/json")
    assert response.status_code < 500, response.get_data(as_text=True)[:300]
    reply = response.get_json()
    if response.status_code == 200:
        assert {"intent", "confidence", "parameters", "messages", "language", "state"} <= set(reply)
        assert all(m["type"] in ("text", "quick_replies", "link", "card") for m in reply["messages"])
    else:
        assert reply["error"]["message"]
