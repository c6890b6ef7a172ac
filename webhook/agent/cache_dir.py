"""Where trained models (and the record of a validated library) are kept: a module of its own, so that
`sync-intents validate` can find the folder without importing scikit-learn."""

from __future__ import annotations

import os
from pathlib import Path

from webhook.library.loader import source_checkout

CACHE_DIR_ENV = "NLU_CACHE_DIR"


def default_cache_dir(library_root: Path) -> Path:
    """`NLU_CACHE_DIR` if set, else `.cache/nlu` under the library folder (ignored by git)."""
    configured = os.environ.get(CACHE_DIR_ENV)
    return Path(configured) if configured else library_root / ".cache" / "nlu"


def default_nlu_cache_dir() -> Path:
    """$NLU_CACHE_DIR; else .cache/nlu in the checkout when running from source (`make run`); else the
    user's own cache folder, which a container's non-root user can write (the library may be read-only)."""
    if configured := os.environ.get("NLU_CACHE_DIR"):
        return Path(configured)
    if (checkout := source_checkout()) is not None:
        return checkout / ".cache" / "nlu"
    user_cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(user_cache) / "council-chatbot" / "nlu"
