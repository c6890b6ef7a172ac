"""Options every `sync-intents` command spells the same way."""

from __future__ import annotations

from pathlib import Path

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
