"""With REDIS_URL, a lookup made by one instance is not made again by another: the backends' caches
live in a real Redis server, signed by the deployment's secret; with Redis down, lookups still work."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.test_postcodes import TWO_TIER, deadline
from tests.redis_server import RedisServer, start_redis
from webhook.backends.postcodes import PostcodesClient
from webhook.backends.registry import Backends

SECRET = "deployment-secret-for-tests"


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = start_redis()
    yield server
    server.stop()


def instance(httpserver: HTTPServer, redis_url: str, secret: str = SECRET) -> PostcodesClient:
    """One instance's postcodes client, with the caches its Backends share through Redis."""
    caches = Backends(redis_url=redis_url, secret=secret).caches
    return PostcodesClient(httpserver.url_for("/"), cache=caches["postcodes"])


def lookups(httpserver: HTTPServer) -> int:
    return sum(1 for request, _ in httpserver.log if request.path == "/postcodes/BR87RE")


def test_a_postcode_looked_up_by_one_instance_is_not_looked_up_by_another(
    httpserver: HTTPServer, redis_server: RedisServer
) -> None:
    httpserver.expect_request("/postcodes/BR87RE").respond_with_json(TWO_TIER)
    first, second = instance(httpserver, redis_server.url), instance(httpserver, redis_server.url)

    found = first.lookup("BR8 7RE", deadline())
    again = second.lookup("br87re", deadline())

    assert again == found and again.district.name == "Sevenoaks"
    assert lookups(httpserver) == 1


def test_a_value_another_deployment_wrote_is_never_trusted(
    httpserver: HTTPServer, redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    httpserver.expect_request("/postcodes/BR87RE").respond_with_json(TWO_TIER)
    instance(httpserver, redis_server.url, secret="someone-elses-secret").lookup("BR8 7RE", deadline())

    instance(httpserver, redis_server.url).lookup("BR8 7RE", deadline())

    assert lookups(httpserver) == 2  # looked up again, not unpickled from a stranger's entry
    assert any("not signed by this deployment" in record.getMessage() for record in caplog.records)


def test_lookups_still_work_while_redis_is_down(httpserver: HTTPServer, redis_server: RedisServer) -> None:
    httpserver.expect_request("/postcodes/BR87RE").respond_with_json(TWO_TIER)
    client = instance(httpserver, redis_server.url)
    redis_server.stop()

    answers = [client.lookup("BR8 7RE", deadline()).district.name for _ in range(2)]

    assert answers == ["Sevenoaks", "Sevenoaks"] and lookups(httpserver) == 2
