"""The app factory, health probes and the read-only council pages."""

from __future__ import annotations

from flask.testing import FlaskClient

from tests.conftest import BuildLibrary, app_settings
from webhook import create_app


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
