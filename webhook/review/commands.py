"""`sync-intents diff`: what a change to the library does for each council, as text, markdown or JSON;
`sync-intents drift`: what the library changed under one council's overlay since it last reviewed it.

Thin by design, like webhook/cli.py: parse the options, call `build_review`, print. gRPC and
scikit-learn are imported only when the command runs.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from webhook.cli_options import CACHE_DIR_OPTION, LIBRARY_OPTION, REPORT_FORMAT_OPTION


@click.command("diff")
@LIBRARY_OPTION
@click.option("--base", "base_ref", required=True, help="The git revision to compare with, e.g. origin/main.")
@click.option(
    "--head",
    "head_ref",
    default=None,
    help="The git revision to compare (default: the working tree, edits included).",
)
@click.option("--council", "slugs", multiple=True, help="Only this council (repeat for more).")
@click.option("--all", "every", is_flag=True, help="Every council in either revision (the default).")
@REPORT_FORMAT_OPTION
@click.option(
    "--understanding",
    is_flag=True,
    help="Also train both revisions' classifiers where training data changed and compare their accuracy "
    "on the held-out test set and the conversation scripts.",
)
@click.option(
    "--margin",
    type=click.FloatRange(min=0),
    default=None,
    help="Points of accuracy that may be lost before --check fails (default: 2).",
)
@click.option(
    "--check",
    is_flag=True,
    help="Exit 1 when an answer becomes empty or understanding falls by more than --margin.",
)
@click.option(
    "--test-sets",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of held-out test sets, <language>.yaml (default: tests/nlu in the library folder).",
)
@click.option(
    "--conversations",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder of conversation scripts (default: tests/conversations in the library folder).",
)
@CACHE_DIR_OPTION
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the report to this file instead of printing it.",
)
def diff(
    library_dir: Path,
    base_ref: str,
    head_ref: str | None,
    slugs: tuple[str, ...],
    every: bool,
    output_format: str,
    understanding: bool,
    margin: float | None,
    check: bool,
    test_sets: Path | None,
    conversations: Path | None,
    cache_dir: Path | None,
    output: Path | None,
) -> None:
    """Show, per council and language, the answers that change (with the layer each came from), intents
    added, removed, enabled or disabled, the bot's own sentences, and the Dialogflow changes `apply`
    would make, between the library at --base and at --head. No credentials are needed."""
    from webhook.agent.report import HeldOutSetError
    from webhook.agent.store import default_cache_dir
    from webhook.review.render import markdown, text_lines
    from webhook.review.report import DEFAULT_MARGIN, ReviewError, build_review
    from webhook.review.revision import WORKING_TREE, RevisionError
    from webhook.review.serialise import as_json
    from webhook.review.understanding import Yardsticks

    if every and slugs:
        raise click.UsageError("give --council or --all, not both")
    root = library_dir.resolve()
    yardsticks = Yardsticks(
        test_sets or root / "tests" / "nlu", conversations or root / "tests" / "conversations"
    )
    try:
        review = build_review(
            root,
            base_ref,
            head_ref or WORKING_TREE,
            slugs or None,
            understanding=understanding,
            yardsticks=yardsticks,
            cache_dir=cache_dir or default_cache_dir(root),
            margin=DEFAULT_MARGIN if margin is None else margin,
        )
    except (RevisionError, ReviewError, HeldOutSetError) as error:
        raise click.ClickException(str(error)) from None
    if output_format == "json":
        report = json.dumps(as_json(review), indent=2, ensure_ascii=False) + "\n"
    elif output_format == "markdown":
        report = markdown(review)
    else:
        report = "\n".join(text_lines(review)) + "\n"
    if output is not None:
        output.write_text(report, encoding="utf-8")
    else:
        click.echo(report, nl=False)
    if check and review.blockers():
        sys.exit(1)


@click.command("drift")
@LIBRARY_OPTION
@click.option("--council", "slugs", multiple=True, metavar="SLUG", help="The council (repeat for more).")
@click.option("--all", "every", is_flag=True, help="Every council in the library.")
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="List the library's changes since this day instead of the overlay's `reviewed:` day.",
)
@REPORT_FORMAT_OPTION
def drift(
    library_dir: Path, slugs: tuple[str, ...], every: bool, since: dt.datetime | None, output_format: str
) -> None:
    """Show, per language, what a council's overlay changes (intents disabled, answers it words itself,
    extra phrases, messages it rewords) and what the shared library changed under it since the
    overlay's `reviewed:` day: new intents, changed answers flagged where the council overrides or
    disabled them, and the commits. Then set `reviewed:` to the day of the review."""
    from webhook.review.drift import DriftError, build_drift
    from webhook.review.drift_render import as_json, markdown, text_lines
    from webhook.review.revision import RevisionError

    if every == bool(slugs):
        raise click.UsageError("give --council SLUG (repeat for more) or --all")
    today = dt.date.today()
    try:
        drifts = build_drift(
            library_dir.resolve(), slugs or None, today=today, since=since.date() if since else None
        )
    except (RevisionError, DriftError) as error:
        raise click.ClickException(str(error)) from None
    if output_format == "json":
        click.echo(json.dumps(as_json(drifts, today), indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo(markdown(drifts), nl=False)
    else:
        click.echo("\n".join(text_lines(drifts)))
