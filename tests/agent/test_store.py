"""The model store: models built on first use, cached on disk by content hash, shared safely by threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from tests.conftest import BuildLibrary
from webhook.agent.store import ModelStore, UnknownCouncilLanguage, default_cache_dir
from webhook.library.loader import load_library

# The minimal test library's pothole intent with a phrase no other intent shares.
POTHOLE_WITH_A_NEW_PHRASE = """\
id: streets.pothole
title: Report a pothole
description: Let a resident report a pothole in a road or pavement.
tier: county
languages:
  en:
    review: native
    phrases:
      - there is a pothole on my road
      - report a pothole
      - the zebra crossing paint has worn away
    responses:
      text: ["Report a pothole on our website."]
"""
PROBES = ["when is my bin day", "report a pothole", "hello there", "bin day for AA9 9ZZ"]


def store_for(root: Path, cache: Path) -> ModelStore:
    return ModelStore(load_library(root).library, cache)


def test_a_second_store_loads_the_model_from_disk_with_the_same_predictions(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    root, cache = build_library(), tmp_path / "cache"
    first = store_for(root, cache).classifier("unitary", "en")
    [cached_file] = cache.glob("*.joblib")
    written = cached_file.stat().st_mtime_ns

    second = store_for(root, cache).classifier("unitary", "en")

    assert (first.source, second.source) == ("trained", "cache")
    assert [second.predict(text) for text in PROBES] == [first.predict(text) for text in PROBES]
    assert list(cache.glob("*.joblib")) == [cached_file] and cached_file.stat().st_mtime_ns == written


def test_councils_with_the_same_phrases_share_one_cached_model(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    store = store_for(build_library(), tmp_path)
    unitary = store.classifier("unitary", "en")
    district = store.classifier("district", "en")
    assert (unitary.source, district.source) == ("trained", "cache")
    assert district.council == "district"
    assert len(list(tmp_path.glob("*.joblib"))) == 1


def test_changing_a_phrase_trains_a_new_model(build_library: BuildLibrary, tmp_path: Path) -> None:
    root, cache = build_library(), tmp_path / "cache"
    before = store_for(root, cache).classifier("unitary", "en")
    (root / "intents" / "streets" / "pothole.yaml").write_text(POTHOLE_WITH_A_NEW_PHRASE, encoding="utf-8")

    after = store_for(root, cache).classifier("unitary", "en")

    assert after.source == "trained" and after.model_key != before.model_key
    assert len(list(cache.glob("*.joblib"))) == 2
    assert after.predict("zebra crossing paint worn away").intent_id == "streets.pothole"


def test_an_unreadable_cache_file_is_trained_over(build_library: BuildLibrary, tmp_path: Path) -> None:
    root = build_library()
    store_for(root, tmp_path).classifier("unitary", "en")
    [cached_file] = tmp_path.glob("*.joblib")
    cached_file.write_bytes(b"not a model")

    rebuilt = store_for(root, tmp_path).classifier("unitary", "en")

    assert rebuilt.source == "trained"
    assert rebuilt.predict("report a pothole").intent_id == "streets.pothole"
    assert store_for(root, tmp_path).classifier("unitary", "en").source == "cache"


def test_threads_asking_at_once_share_one_model(build_library: BuildLibrary, tmp_path: Path) -> None:
    store = store_for(build_library(), tmp_path)
    results: list[object] = []
    threads = [
        threading.Thread(target=lambda: results.append(store.classifier("unitary", "en"))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 4 and all(model is results[0] for model in results)
    assert results[0].source == "trained"  # built once, not once per thread


def test_without_a_cache_folder_models_stay_in_memory(build_library: BuildLibrary, tmp_path: Path) -> None:
    store = ModelStore(load_library(build_library()).library, cache_dir=None)
    assert store.classifier("unitary", "cy").predict("bore da").intent_id == "system.welcome"
    assert store.classifier("unitary", "cy") is store.classifier("unitary", "cy")


def test_a_cache_folder_that_cannot_be_written_trains_in_memory_with_one_warning(
    build_library: BuildLibrary, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", "utf-8")  # a folder inside a file cannot be made, even by root
    store = store_for(build_library(), blocker / "nlu")
    models = store.warm()
    assert all(model.source == "trained" for model in models)
    assert store.classifier("unitary", "cy").predict("bore da").intent_id == "system.welcome"
    warnings = [record for record in caplog.records if "cannot write the NLU cache" in record.getMessage()]
    assert len(warnings) == 1


@pytest.mark.parametrize(("slug", "language"), [("nowhere", "en"), ("district", "cy")])
def test_an_unknown_council_or_language_is_a_clear_error(
    build_library: BuildLibrary, tmp_path: Path, slug: str, language: str
) -> None:
    with pytest.raises(UnknownCouncilLanguage, match=slug):
        store_for(build_library(), tmp_path).classifier(slug, language)


def test_warm_builds_every_council_in_each_of_its_languages(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    models = store_for(build_library(), tmp_path).warm()
    assert sorted((m.council, m.language) for m in models) == [
        ("county", "en"),
        ("district", "en"),
        ("unitary", "cy"),
        ("unitary", "en"),
    ]


def test_the_cache_folder_can_be_set_by_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NLU_CACHE_DIR", str(tmp_path / "models"))
    assert default_cache_dir(Path("/srv/library")) == tmp_path / "models"
    monkeypatch.delenv("NLU_CACHE_DIR")
    assert default_cache_dir(Path("/srv/library")) == Path("/srv/library/.cache/nlu")
