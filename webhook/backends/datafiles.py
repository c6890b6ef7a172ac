"""The data files a council may keep beside its overlay, each with the check that reads it.

`sync-intents validate` checks every one it finds, so a broken bin round or councillor list is caught
in the pull request, not on a resident's turn.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from webhook.backends.bins.schedule import validate_rounds_file
from webhook.backends.councillors import validate_councillors_file
from webhook.backends.places import validate_places_file
from webhook.backends.waste_guide import validate_guide_file
from webhook.library.model import Library
from webhook.library.problems import Problem

DATA_FILES: dict[str, Callable[[Path], list[Problem]]] = {
    "bins.yaml": validate_rounds_file,
    "places.yaml": validate_places_file,
    "councillors.yaml": validate_councillors_file,
    "which_bin.yaml": validate_guide_file,
}


def council_data_problems(library: Library) -> list[Problem]:
    """Every problem in every council's data files."""
    problems: list[Problem] = []
    for council in library.councils.values():
        for name, check in DATA_FILES.items():
            path = council.folder / name
            if path.exists():
                problems += check(path)
    return problems
