"""The model store: models built on first use, cached on disk by content hash, shared safely by threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import BuildLibrary
from webhook.agent.store import ModelStore, UnknownCouncilLanguage, default_cache_dir
from webhook.cli import main
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
    assert district is unitary and store.held() == 1  # one file, and one model in memory
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


@pytest.mark.parametrize("jobs", [1, 2], ids=["here", "two worker processes"])
def test_build_all_trains_each_distinct_model_once_and_indexes_every_council(
    build_library: BuildLibrary, tmp_path: Path, jobs: int
) -> None:
    root, cache = build_library(), tmp_path / "cache"
    summary = store_for(root, cache).build_all(jobs)

    assert sorted(summary.models) == ["county/en", "district/en", "unitary/cy", "unitary/en"]
    distinct = set(summary.models.values())
    assert (summary.trained, summary.already_built) == (len(distinct), 4 - len(distinct))
    assert {path.stem for path in cache.glob("*.joblib")} == distinct
    again = store_for(root, cache).build_all(jobs)
    assert (again.trained, again.already_built) == (0, 4)  # the image's second build trains nothing
    assert store_for(root, cache).classifier("unitary", "cy").predict("bore da").intent_id == "system.welcome"


def test_build_models_trains_in_parallel_from_the_command_line(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    root, cache = build_library(), tmp_path / "cache"
    args = ["build-models", "--library", str(root), "--cache-dir", str(cache), "--jobs", "2"]
    done = CliRunner().invoke(main, args)

    assert done.exit_code == 0, done.output
    assert "4 council models" in done.output and "trained" in done.output
    assert store_for(root, cache).is_built()
    refused = CliRunner().invoke(main, [*args[:-1], "0"])
    assert refused.exit_code == 2 and "--jobs" in refused.output


def test_a_new_process_finds_each_councils_model_from_the_index_without_its_training_set(
    build_library: BuildLibrary, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_library()
    built = store_for(root, tmp_path).build_all()
    fresh = store_for(root, tmp_path)
    assert fresh.is_built()

    def no_training(*_: object) -> None:
        raise AssertionError("the training set was computed, though the index names the model")

    monkeypatch.setattr("webhook.agent.store.training_set", no_training)
    model = fresh.classifier("unitary", "cy")
    assert model.source == "cache" and model.model_key == built.models["unitary/cy"]
    assert model.predict("bore da").intent_id == "system.welcome"


def test_a_changed_library_is_not_taken_for_built(build_library: BuildLibrary, tmp_path: Path) -> None:
    root = build_library()
    store_for(root, tmp_path).build_all()
    pothole = root / "intents" / "streets" / "pothole.yaml"
    pothole.write_text(POTHOLE_WITH_A_NEW_PHRASE, encoding="utf-8")
    assert not store_for(root, tmp_path).is_built()


def test_at_most_max_in_memory_models_are_held_and_a_dropped_one_reloads_from_disk(
    build_library: BuildLibrary, tmp_path: Path
) -> None:
    store = ModelStore(load_library(build_library()).library, tmp_path, max_in_memory=1)
    english = store.classifier("unitary", "en")
    welsh = store.classifier("unitary", "cy")
    assert store.held() == 1 and english.model_key != welsh.model_key

    again = store.classifier("unitary", "en")
    assert again is not english and again.source == "cache"
    assert [again.predict(text) for text in PROBES] == [english.predict(text) for text in PROBES]


def test_the_cache_folder_can_be_set_by_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("NLU_CACHE_DIR", str(tmp_path / "models"))
    assert default_cache_dir(Path("/srv/library")) == tmp_path / "models"
    monkeypatch.delenv("NLU_CACHE_DIR")
    assert default_cache_dir(Path("/srv/library")) == Path("/srv/library/.cache/nlu")
