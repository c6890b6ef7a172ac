"""The app factory, health probes and the read-only council pages."""

from __future__ import annotations

import time
from pathlib import Path

from flask.testing import FlaskClient

from tests.conftest import BuildLibrary, app_settings
from webhook import create_app
from webhook.agent.store import ModelStore
from webhook.library.loader import load_library


def test_healthz(client: FlaskClient) -> None:
    assert client.get("/healthz").get_json() == {"status": "ok"}


def test_readyz_reports_the_loaded_library(client: FlaskClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ready" and body["councils"] >= 4 and body["library_errors"] == 0


def test_readyz_is_not_ready_when_the_library_has_errors(build_library: BuildLibrary) -> None:
    root = build_library(files={"intents/system/welcome.yaml": "id: [broken\n"})
    app = create_app(app_settings(root))
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["library_errors"] == 1


def ready_after(client: FlaskClient, seconds: float = 120.0) -> tuple[list[str], float]:
    """Poll /readyz as a platform does: the states it reported, and the seconds until it was ready."""
    started, states = time.monotonic(), []
    while time.monotonic() - started < seconds:
        response = client.get("/readyz")
        states.append(response.get_json()["models"])
        if response.status_code == 200:
            return states, time.monotonic() - started
        time.sleep(0.05)
    raise AssertionError(f"not ready after {seconds} s: {states[-3:]}")


def test_a_new_process_is_not_ready_until_its_councils_models_are_built(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    cache = tmp_path / "nlu"
    app = create_app(app_settings(build_library(), NLU_WARM_UP=True, NLU_CACHE_DIR=cache))
    client = app.test_client()

    states, _ = ready_after(client)

    assert states[0] == "building" and states[-1] == "ready"
    assert list(cache.glob("index-*.json")) and list(cache.glob("*.joblib"))
    models = app.extensions["chat_models"]
    reply = client.post("/api/chat", json={"council": "unitary", "session": "warm-session-01", "text": "hi"})
    assert reply.status_code == 200
    assert models.classifier("unitary", "en").source == "cache"  # loaded from disk, not trained on a turn


def test_with_models_built_ahead_a_new_process_gets_ready_without_training_any(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    root, cache = build_library(), tmp_path / "nlu"
    ModelStore(load_library(root).library, cache).build_all()  # `sync-intents build-models` in the image
    trained_before = sorted(path.stat().st_mtime_ns for path in cache.glob("*.joblib"))

    _, waited = ready_after(
        create_app(app_settings(root, NLU_WARM_UP=True, NLU_CACHE_DIR=cache)).test_client()
    )

    assert sorted(path.stat().st_mtime_ns for path in cache.glob("*.joblib")) == trained_before
    assert waited < 10  # the crisis detector is the process's own; nothing is trained for the councils


def test_the_index_lists_every_council(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    for name in (
        "Demo Borough Council",
        "Oxford City Council",
        "Oxfordshire County Council",
        "Cardiff Council",
    ):
        assert name in page


def test_a_district_page_routes_county_services_to_the_county(client: FlaskClient) -> None:
    page = client.get("/councils/oxford").get_data(as_text=True)
    assert "Oxfordshire County Council looks after" in page
    assert "01865 792422" in page


def test_the_welsh_page_is_marked_as_welsh(client: FlaskClient) -> None:
    page = client.get("/councils/cardiff?language=cy").get_data(as_text=True)
    assert '<html lang="cy">' in page
    assert "029 2087 2088" in page


def test_an_unknown_council_is_404(client: FlaskClient) -> None:
    assert client.get("/councils/atlantis").status_code == 404


def test_a_config_name_selects_the_config_class() -> None:
    app = create_app("development")
    assert app.debug is True
