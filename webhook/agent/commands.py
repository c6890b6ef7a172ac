"""`sync-intents nlu-report`: the offline agent's NLU figures for one council, as text or JSON.

Thin by design, like webhook/cli.py: parse the options, call `council_report`, print. scikit-learn is
imported only when the command runs, so other commands start quickly.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from webhook.cli_options import CACHE_DIR_OPTION, FORMAT_OPTION, LIBRARY_OPTION
from webhook.library.loader import find_repository_root


@click.command("nlu-report")
@LIBRARY_OPTION
@click.option("--council", "slug", required=True, help="The council's slug, e.g. demo.")
@click.option("--language", default=None, help="en or cy (default: the council's first language).")
@FORMAT_OPTION
@click.option(
    "--test-set",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Held-out examples (default: tests/nlu/<language>.yaml in the library folder).",
)
@CACHE_DIR_OPTION
@click.option("--check", is_flag=True, help="Exit 1 unless the accuracy goals are met.")
def nlu_report(
    library_dir: Path | None,
    slug: str,
    language: str | None,
    output_format: str,
    test_set: Path | None,
    cache_dir: Path | None,
    check: bool,
) -> None:
    """Accuracy, out-of-scope recall, per-intent precision/recall/F1 and the most confused intents of a
    council's classifier on the held-out test set, and its cross-validation accuracy."""
    from webhook.agent.report import HeldOutSetError, as_json, council_report, format_text
    from webhook.agent.store import default_cache_dir
    from webhook.library.loader import load_library

    root = library_dir or find_repository_root()
    library = load_library(root).library
    council = library.council(slug)
    if council is None:
        raise click.BadParameter(
            f"no council {slug!r} (known: {', '.join(library.councils)})", param_hint="--council"
        )
    language = language or council.languages[0]
    if language not in council.languages:
        raise click.BadParameter(f"{slug} does not speak {language!r}", param_hint="--language")
    try:
        report = council_report(
            library, slug, language, cache_dir=cache_dir or default_cache_dir(library.root), test_set=test_set
        )
    except HeldOutSetError as error:
        raise click.ClickException(str(error)) from error
    if output_format == "json":
        click.echo(json.dumps(as_json(report), indent=2))
    else:
        for line in format_text(report):
            click.echo(line)
    if check and not report.goals_met:
        sys.exit(1)


@click.command("build-models")
@LIBRARY_OPTION
@CACHE_DIR_OPTION
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="How many models to train at once, each in its own process (default: the CPUs this may use).",
)
def build_models(library_dir: Path | None, cache_dir: Path | None, jobs: int | None) -> None:
    """Train every council's intent classifiers that are not in the cache yet (councils with the same
    training data share one) and index them for this library, so no resident waits for training: run it
    where the image is built, with the cache folder the app will use ($NLU_CACHE_DIR)."""
    from webhook.agent.store import ModelStore, default_cache_dir
    from webhook.library.loader import load_library
    from webhook.library.problems import Severity

    root = library_dir or find_repository_root()
    loaded = load_library(root)
    errors = [problem for problem in loaded.problems if problem.severity is Severity.ERROR]
    if errors:
        raise click.ClickException(
            f"the library has {len(errors)} error(s): run `sync-intents validate` and fix them first"
        )
    folder = cache_dir or default_cache_dir(loaded.library.root)
    summary = ModelStore(loaded.library, folder).build_all(jobs or len(os.sched_getaffinity(0)))
    distinct = len(set(summary.models.values()))
    click.echo(
        f"{len(summary.models)} council models ({distinct} distinct) in {folder}: {summary.trained} trained, "
        f"{summary.already_built} already built ({summary.seconds:.1f} s)"
    )


COMMANDS = [nlu_report, build_models]
