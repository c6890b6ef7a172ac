"""The offline agent's understanding of a message: the NLU's classifier and entity extraction, per council."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from webhook.agent.entities import extract
from webhook.agent.nlu import Prediction
from webhook.agent.store import DEFAULT_MODELS_IN_MEMORY, ModelStore
from webhook.library.model import Council, Intent, Library


class LibraryUnderstanding:
    """Classifies messages with each council's own model and finds an intent's parameters in them."""

    def __init__(
        self, library: Library, cache_dir: Path | None = None, max_in_memory: int = DEFAULT_MODELS_IN_MEMORY
    ) -> None:
        self.library = library
        self.models = ModelStore(library, cache_dir, max_in_memory=max_in_memory)

    def classify(self, council: Council, language: str, text: str, candidates: Collection[str]) -> Prediction:
        """The intent the message means, among those that may match now (their input contexts active)."""
        return self.models.classifier(council.slug, language).predict(text, candidates)

    def extract(
        self, council: Council, language: str, intent: Intent, text: str
    ) -> dict[str, tuple[Any, str]]:
        """{parameter name: (value, the words it came from)} for the intent's parameters found in the text."""
        found = extract(text, intent.parameters, self.library, language)
        return {name: (item.value, item.original) for name, item in found.items()}
