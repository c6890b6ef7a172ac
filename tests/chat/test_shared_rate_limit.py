"""With REDIS_URL, the chat's rate limit holds across every instance of a deployment, against a real
Redis server; without Redis reachable, residents are still answered."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from tests.chat.test_chat_api import chat
from tests.conftest import REPOSITORY, app_settings
from tests.redis_server import RedisServer, start_redis
from webhook import create_app


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = start_redis()
    yield server
    server.stop()


def instance(nlu_cache: Path, redis_url: str, **settings: object) -> Flask:
    """One instance of the deployment: its own process state, the deployment's Redis."""
    return create_app(
        app_settings(
            REPOSITORY,
            NLU_CACHE_DIR=nlu_cache,
            REDIS_URL=redis_url,
            # One message a minute after the burst: no turn, however slow, refills the bucket mid-test.
            CHAT_RATE_PER_MINUTE=1,
            CHAT_RATE_BURST=3,
            **settings,
        )
    )


def test_the_limit_holds_across_instances(nlu_cache: Path, redis_server: RedisServer) -> None:
    first = instance(nlu_cache, redis_server.url).test_client()
    second = instance(nlu_cache, redis_server.url).test_client()

    statuses = [chat(client, "hello").status_code for client in (first, second, first, second)]

    assert statuses == [200, 200, 200, 429]  # a burst of 3 for the deployment, not 3 per instance
    refused = chat(first, "hello")
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60  # one message a minute


def test_feedback_has_its_own_limit(nlu_cache: Path, redis_server: RedisServer) -> None:
    client = instance(nlu_cache, redis_server.url).test_client()
    for _ in range(3):
        chat(client, "hello")
    assert chat(client, "hello").status_code == 429
    feedback = {"council": "demo", "session": "resident-session-0001", "intent": "system.welcome",
                "answer": 1, "helpful": True, "language": "en"}  # fmt: skip
    assert client.post("/api/feedback", json=feedback).status_code == 202


def test_residents_are_answered_while_redis_is_down(
    nlu_cache: Path, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    client = instance(nlu_cache, redis_server.url).test_client()
    redis_server.stop()

    statuses = [chat(client, "hello").status_code for _ in range(5)]

    assert statuses == [200] * 5
    warnings = [r.getMessage() for r in caplog.records if "Redis unreachable" in r.getMessage()]
    assert len(warnings) == 1  # once, not once a message
    redis_server.start()
    assert [chat(client, "hello").status_code for _ in range(4)] == [200, 200, 200, 429]
