"""`sync-intents`: validate the shared library and show what each council's bot will say.

Thin by design: each command parses its options and calls one function of the library package.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from webhook.library.loader import find_repository_root

LIBRARY_OPTION = click.option(
    "--library",
    "library_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder holding intents/ and councils/ (default: the repository root).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Validate the shared council intent library and sync it to Dialogflow agents."""


@main.command()
@LIBRARY_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def validate(library_dir: Path | None, strict: bool, output_format: str) -> None:
    """Check every intent, entity and council overlay; print PATH:LINE:COL: problems."""
    from webhook.library.validate import as_json, summary, validate_library

    started = time.perf_counter()
    report = validate_library(library_dir or find_repository_root())
    if output_format == "json":
        click.echo(json.dumps(as_json(report, strict=strict), indent=2))
    else:
        for problem in report.problems:
            click.echo(problem.format())
        elapsed = time.perf_counter() - started
        click.echo(f"{summary(report)} ({elapsed:.2f} s)", err=bool(report.problems))
    sys.exit(0 if report.passed(strict=strict) else 1)


@main.command()
@LIBRARY_OPTION
@click.option("--council", "slug", required=True, help="The council's slug, e.g. demo.")
@click.option("--language", default=None, help="en or cy (default: the council's first language).")
@click.argument("intent_id")
def show(library_dir: Path | None, slug: str, language: str | None, intent_id: str) -> None:
    """Show INTENT_ID as a council's bot speaks it, each value labelled with its layer."""
    from webhook.library.loader import load_library
    from webhook.library.resolve import resolve_intent
    from webhook.library.show import describe

    library = load_library(library_dir or find_repository_root()).library
    council = library.council(slug)
    if council is None:
        raise click.BadParameter(
            f"no council {slug!r} (known: {', '.join(library.councils)})", param_hint="--council"
        )
    if intent_id not in library.intents:
        raise click.BadParameter(f"no intent {intent_id!r} in the library", param_hint="INTENT_ID")
    language = language or council.languages[0]
    if language not in council.languages:
        raise click.BadParameter(f"{slug} does not speak {language!r}", param_hint="--language")
    if not council.offers(intent_id):
        click.echo(f"note: {slug} has disabled {intent_id}", err=True)
    try:
        resolved = resolve_intent(library, council, intent_id, language)
    except KeyError as error:
        raise click.ClickException(f"{intent_id} has no {language!r} text") from error
    for line in describe(resolved):
        click.echo(line)
