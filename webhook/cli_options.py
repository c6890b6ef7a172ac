"""Options every `sync-intents` command spells the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

LIBRARY_OPTION = click.option(
    "--library",
    "library_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder holding intents/ and councils/ (default: the repository root).",
)
FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)


def option_group(*options: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """One decorator for several click options, listed in the order `--help` shows them."""

    def decorate(function: Any) -> Any:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate
