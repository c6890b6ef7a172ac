"""Request parsing: the fast validity check never lets through what the JSON Schema would refuse."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from webhook.fulfilment.parse import _plainly_valid, _validator, parse_session

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8)
)
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
SESSIONS = st.sampled_from(
    [
        "projects/p/agent/sessions/s",
        "projects/p/locations/l/agent/environments/e/users/u/sessions/s",
        "projects/p/agent/sessions/",
        "sessions/s",
    ]
)


def maybe(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Either a plausible value or any JSON at all."""
    return st.one_of(value, ANY_JSON)


CONTEXTS = st.lists(
    st.fixed_dictionaries(
        {"name": maybe(st.sampled_from(["projects/p/agent/sessions/s/contexts/c", "c", "x/contexts/"]))},
        optional={"lifespanCount": maybe(st.integers(-1, 5)), "parameters": maybe(st.just({}))},
    ),
    max_size=2,
)
REQUESTS = st.fixed_dictionaries(
    {},
    optional={
        "session": maybe(SESSIONS),
        "responseId": maybe(st.text(max_size=4)),
        "queryResult": maybe(
            st.fixed_dictionaries(
                {},
                optional={
                    "intent": maybe(
                        st.fixed_dictionaries({}, optional={"displayName": maybe(st.text(max_size=4))})
                    ),
                    "parameters": maybe(st.just({"a": 1})),
                    "languageCode": maybe(st.just("cy")),
                    "allRequiredParamsPresent": maybe(st.booleans()),
                    "outputContexts": maybe(CONTEXTS),
                    "intentDetectionConfidence": maybe(st.floats(0, 1)),
                },
            )
        ),
        "originalDetectIntentRequest": maybe(
            st.fixed_dictionaries({}, optional={"source": maybe(st.text())})
        ),
    },
)


@settings(max_examples=400, deadline=None)
@given(REQUESTS)
def test_the_fast_check_is_at_least_as_strict_as_the_schema(request: dict[str, Any]) -> None:
    if _plainly_valid(request):
        assert _validator().is_valid(request)


def test_session_paths_of_every_form_are_read() -> None:
    session = parse_session("projects/p1/locations/europe-west2/agent/environments/live/users/u9/sessions/s3")
    assert (session.project_id, session.location, session.environment, session.user, session.session_id) == (
        "p1",
        "europe-west2",
        "live",
        "u9",
        "s3",
    )
    assert session.context_name("bins") == f"{session.path}/contexts/bins"
