"""`sync-intents`: validate the shared library and show what each council's bot will say.

Thin by design: each command parses its options and calls one function of the library package.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
from pathlib import Path
from typing import ClassVar

import click

from webhook.cli_options import FORMAT_OPTION, LIBRARY_OPTION
from webhook.library.loader import find_repository_root


class LazyGroup(click.Group):
    """Commands that live beside the code they drive (the Dialogflow sync, the NLU report) are imported
    only when asked for, so `sync-intents validate` starts without loading gRPC or scikit-learn."""

    lazy: ClassVar[dict[str, str]] = {
        "plan": "webhook.dialogflow.commands:plan",
        "apply": "webhook.dialogflow.commands:apply",
        "restore": "webhook.dialogflow.commands:restore",
        "export": "webhook.dialogflow.commands:export",
        "import": "webhook.dialogflow.commands:import_",
        "nlu-report": "webhook.agent.commands:nlu_report",
        "build-models": "webhook.agent.commands:build_models",
        "diff": "webhook.review.commands:diff",
        "drift": "webhook.review.commands:drift",
        "purge": "webhook.insights.commands:purge",
        "database": "webhook.database.commands:database",
        "handoff": "webhook.handoff.commands:handoff",
        "new-council": "webhook.joining.commands:new_council",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy:
            module, _, attribute = self.lazy[name].partition(":")
            return getattr(importlib.import_module(module), attribute)
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Validate the shared council intent library and sync it to Dialogflow agents."""


@main.command()
@LIBRARY_OPTION
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@FORMAT_OPTION
def validate(library_dir: Path | None, strict: bool, output_format: str) -> None:
    """Check every intent, entity and council overlay; print PATH:LINE:COL: problems."""
    from webhook.agent.cache_dir import default_nlu_cache_dir
    from webhook.backends.datafiles import council_data_problems
    from webhook.fulfilment.handler_names import handler_names
    from webhook.library.stamp import record_validated
    from webhook.library.validate import as_json, summary, validate_library

    started = time.perf_counter()
    root = library_dir or find_repository_root()
    report = validate_library(root, handler_names=handler_names())
    report = report.adding(council_data_problems(report.library))
    if not report.errors:  # the app starting on this exact library need not check it again
        # Where the app looks for it (its NLU cache), never inside the library, which is only read.
        record_validated(default_nlu_cache_dir(), report.library.root, len(report.warnings))
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
@click.option("--council", "slug", default=None, help="The council's slug, e.g. demo.")
@click.option("--language", default=None, help="en or cy (default: the council's first language).")
@click.option(
    "--review",
    is_flag=True,
    help="List what still needs a Welsh speaker, per council that speaks Welsh (or only --council).",
)
@click.option(
    "--missing",
    is_flag=True,
    help="With --council: the facts and service pages its answers still lack, intent by intent, and what "
    "residents get meanwhile.",
)
@click.argument("intent_id", required=False)
def show(
    library_dir: Path | None,
    slug: str | None,
    language: str | None,
    review: bool,
    missing: bool,
    intent_id: str | None,
) -> None:
    """Show INTENT_ID (or a message id, such as council.open_now) as a council's bot speaks it, each value
    labelled with its layer; with --review, the Welsh still waiting for a Welsh speaker; with --missing,
    what the council has not given yet."""
    from webhook.library.loader import load_library
    from webhook.library.resolve import resolve_intent
    from webhook.library.show import describe, describe_message, describe_review

    library = load_library(library_dir or find_repository_root()).library
    if review:
        try:
            lines = describe_review(library, slug)
        except KeyError as error:
            raise click.BadParameter(error.args[0], param_hint="--council") from None
        for line in lines:
            click.echo(line)
        return
    if slug is None or (intent_id is None and not missing):
        raise click.UsageError("give --council and an INTENT_ID (or --review), or --council and --missing")
    council = library.council(slug)
    if council is None:
        raise click.BadParameter(
            f"no council {slug!r} (known: {', '.join(library.councils)})", param_hint="--council"
        )
    if missing:
        from webhook.library.missing import describe_missing

        language = language or council.languages[0]
        if language not in council.languages:
            raise click.BadParameter(f"{slug} does not speak {language!r}", param_hint="--language")
        for line in describe_missing(library, council, language):
            click.echo(line)
        return
    if intent_id not in library.intents and intent_id not in library.messages:
        raise click.BadParameter(f"no intent or message {intent_id!r} in the library", param_hint="INTENT_ID")
    language = language or council.languages[0]
    if language not in council.languages:
        raise click.BadParameter(f"{slug} does not speak {language!r}", param_hint="--language")
    if intent_id not in library.intents:
        for line in describe_message(library, council, intent_id, language):
            click.echo(line)
        return
    if not council.offers(intent_id):
        click.echo(f"note: {slug} has disabled {intent_id}", err=True)
    try:
        resolved = resolve_intent(library, council, intent_id, language)
    except KeyError as error:
        raise click.ClickException(f"{intent_id} has no {language!r} text") from error
    for line in describe(resolved):
        click.echo(line)


@main.group()
def translations() -> None:
    """Export the library's Welsh for a translator to review in a spreadsheet, and import the review."""


@translations.command("export")
@LIBRARY_OPTION
@click.option(
    "--language", type=click.Choice(["cy"]), default="cy", show_default=True, help="The language to review."
)
@click.option(
    "--intent",
    "intent_ids",
    multiple=True,
    metavar="ID",
    help="Only this intent (repeat for more), with the bot's own sentences of the messages that name it.",
)
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=Path("translations-cy.csv"),
    show_default=True,
    help="The CSV file to write, or a folder (a name without .csv) for one file per intent, messages "
    "file, routing message and overlay.",
)
def translations_export(library_dir: Path, language: str, intent_ids: tuple[str, ...], output: Path) -> None:
    """Write each Welsh string with its English, where it is used and its review state, one row each, as
    CSV that Excel and LibreOffice open (UTF-8 with a byte-order mark)."""
    from webhook.library.loader import load_library
    from webhook.translations.export import ExportError, export_sheets

    library = load_library(library_dir).library
    try:
        written = export_sheets(library, output, intent_ids)
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    for path, rows in written:
        click.echo(f"wrote {rows} rows to {path}")


@translations.command("import")
@LIBRARY_OPTION
@click.option("--dry-run", is_flag=True, help="Check the sheets and say what would change; write nothing.")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
def translations_import(library_dir: Path, dry_run: bool, paths: tuple[Path, ...]) -> None:
    """Read reviewed sheets (PATHS: CSV files, or folders of them) back into the YAML: changed Welsh, and
    review: native for what the reviewer marked done. Nothing is written while any row is wrong; then
    the library is validated."""
    from webhook.backends.datafiles import council_data_problems
    from webhook.fulfilment.handler_names import handler_names
    from webhook.library.loader import load_library
    from webhook.library.validate import summary, validate_library
    from webhook.translations.importer import plan_import, write_files

    library = load_library(library_dir).library
    plan = plan_import(library, paths)
    if plan.problems:
        for problem in plan.problems:
            click.echo(problem.format(), err=True)
        click.echo(f"nothing written: {len(plan.problems)} problems", err=True)
        sys.exit(1)
    for line in plan.describe():
        click.echo(line)
    if dry_run or not plan.writes:
        return
    write_files(plan)
    report = validate_library(library.root, handler_names=handler_names())
    report = report.adding(council_data_problems(report.library))
    for problem in report.problems:
        click.echo(problem.format())
    click.echo(f"validation: {summary(report)}", err=bool(report.problems))
    sys.exit(0 if report.passed() else 1)


@main.command("test")
@LIBRARY_OPTION
@click.option("--council", "slug", default=None, help="Only this council's scripts.")
@click.option(
    "--scripts",
    "folder",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of conversation scripts (default: tests/conversations).",
)
def test_conversations(library_dir: Path | None, slug: str | None, folder: Path | None) -> None:
    """Hold every scripted conversation with the offline agent and check each reply."""
    from webhook.agent.conversations import ScriptError, load_scripts, run_script, summary
    from webhook.agent.dialogue import OfflineAgent
    from webhook.agent.store import default_cache_dir
    from webhook.agent.understanding import LibraryUnderstanding
    from webhook.backends.registry import Backends
    from webhook.fakes.serving import serving_fakes
    from webhook.fulfilment.engine import Engine
    from webhook.fulfilment.handlers import handler_registry
    from webhook.library.loader import load_library

    root = library_dir or find_repository_root()
    library = load_library(root).library
    try:
        scripts = load_scripts(folder or root / "tests" / "conversations", slug)
    except ScriptError as error:
        raise click.ClickException(str(error)) from error
    understanding = LibraryUnderstanding(library, default_cache_dir(root))
    with serving_fakes() as fakes:
        engine = Engine(library, handler_registry(), Backends(app_base_url=fakes))
        agent = OfflineAgent(library, understanding, engine=engine)
        outcomes = [run_script(agent, library, script) for script in scripts]
    for outcome in outcomes:
        script = outcome.script
        click.echo(f"{'ok  ' if outcome.passed else 'FAIL'} {script.name} ({script.council})")
        for failure in outcome.failures:
            click.echo(f"  {failure.format()}")
    for line in summary(outcomes):
        click.echo(line)
    failed = sum(not outcome.passed for outcome in outcomes)
    click.echo(f"{len(scripts) - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
