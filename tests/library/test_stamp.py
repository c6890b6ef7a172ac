"""A library validated where the image was built is only loaded by each process that starts on it, and a
stamp never hides a problem: any change after validation means the app checks everything again."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import BuildLibrary, app_settings
from webhook import create_app
from webhook.cli import main
from webhook.library.stamp import was_validated


def validate(root: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("NLU_CACHE_DIR", str(cache))
    return CliRunner().invoke(main, ["validate", "--library", str(root)]).exit_code


def checked(app_library: object) -> int:
    """How many things the app's start-up worked out about council intents: resolutions, and the
    placeholders whose values the rules check for every council."""
    memo = app_library.memo  # type: ignore[attr-defined]
    return sum(1 for key in memo if key[0] in ("resolved", "placeholder names"))


def test_an_app_on_a_validated_library_starts_without_checking_it_again(
    build_library: BuildLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = build_library(), tmp_path / "cache"
    assert validate(root, cache, monkeypatch) == 0
    assert was_validated(cache, root)

    stamped = create_app(app_settings(root, NLU_CACHE_DIR=cache))
    unstamped = create_app(app_settings(root, NLU_CACHE_DIR=tmp_path / "elsewhere"))

    assert checked(stamped.extensions["library_report"].library) == 0  # resolved when first asked
    assert checked(unstamped.extensions["library_report"].library) > 0  # every rule ran
    for app in (stamped, unstamped):
        ready = app.test_client().get("/readyz")
        assert ready.status_code == 200 and ready.get_json()["library_errors"] == 0


def test_an_edit_after_validation_is_checked_again_and_its_error_reported(
    build_library: BuildLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = build_library(), tmp_path / "cache"
    assert validate(root, cache, monkeypatch) == 0
    overlay = root / "councils" / "unitary" / "council.yaml"
    overlay.write_text(overlay.read_text(encoding="utf-8") + "chanel: oops\n", encoding="utf-8")

    app = create_app(app_settings(root, NLU_CACHE_DIR=cache))

    assert not was_validated(cache, root)
    ready = app.test_client().get("/readyz")
    assert ready.status_code == 503 and ready.get_json()["library_errors"] >= 1


def test_a_library_with_errors_gets_no_stamp(
    build_library: BuildLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = build_library(files={"intents/system/welcome.yaml": "id: [broken\n"}), tmp_path / "cache"
    assert validate(root, cache, monkeypatch) == 1
    assert not was_validated(cache, root)
