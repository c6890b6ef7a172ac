"""Fixtures for the offline agent's NLU: the repository's library and one model store per test session.

Training the demo council's English and Welsh models takes a few seconds each, so they are built once
per session into a temporary cache folder and shared by every test that needs them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REPOSITORY
from webhook.agent.store import ModelStore
from webhook.library.loader import load_library
from webhook.library.model import Library


@pytest.fixture(scope="session")
def library() -> Library:
    """The repository's own library: the real intents, entities and councils."""
    return load_library(REPOSITORY).library


@pytest.fixture(scope="session")
def nlu_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A model cache folder shared by the whole session."""
    return tmp_path_factory.mktemp("nlu-cache")


@pytest.fixture(scope="session")
def demo_store(library: Library, nlu_cache: Path) -> ModelStore:
    """A store whose demo council models (English and Welsh) are built and cached in `nlu_cache`."""
    store = ModelStore(library, nlu_cache)
    store.classifier("demo", "en")
    store.classifier("demo", "cy")
    return store
