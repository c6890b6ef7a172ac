"""A chat app whose NLU models are cached for the whole test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from tests.conftest import REPOSITORY, app_settings
from webhook import create_app


@pytest.fixture(scope="session")
def nlu_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nlu-cache")


@pytest.fixture
def chat_app(nlu_cache: Path) -> Flask:
    return create_app(app_settings(REPOSITORY, NLU_CACHE_DIR=nlu_cache, SECRET_KEY="chat-tests"))
