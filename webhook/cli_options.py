"""Options every `sync-intents` command spells the same way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click


def _library_dir(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path:
    """--library, else $LIBRARY_DIR, else the library at or above the current directory (or, running
    from source, the checkout); none is a usage error, not a traceback."""
    from webhook.library.loader import LibraryNotFound, find_repository_root

    if value is not None:
        return value
    try:
        return find_repository_root()
    except LibraryNotFound as error:
        raise click.UsageError(str(error), ctx) from None


LIBRARY_OPTION = click.option(
    "--library",
    "library_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    envvar="LIBRARY_DIR",
    callback=_library_dir,
    help="Folder holding intents/ and councils/ (default: $LIBRARY_DIR, else the one at or above the "
    "current directory).",
)
FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)

#: For the reports a reviewer reads: text, markdown (a pull request's comment, an issue) or JSON.
REPORT_FORMAT_OPTION = click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)

#: Where trained models are cached, for the commands that train them.
CACHE_DIR_OPTION = click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where trained models are cached (default: $NLU_CACHE_DIR or .cache/nlu in the library folder).",
)


def option_group(*options: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """One decorator for several click options, listed in the order `--help` shows them."""

    def decorate(function: Any) -> Any:
        for option in reversed(options):
            function = option(function)
        return function

    return decorate
