"""The `sync-intents` commands for Dialogflow: plan, apply, restore, export and import.

Thin: each parses its options, calls the package, and prints. The lead registers COMMANDS on the
`sync-intents` group.
"""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import Any

import click

from webhook.cli_options import LIBRARY_OPTION, option_group
from webhook.dialogflow.calls import CallPolicy
from webhook.dialogflow.snapshots import DEFAULT_FOLDER
from webhook.library.loader import find_repository_root
from webhook.library.model import Library

EXIT_CHANGES = 2


_connection_options = option_group(
    click.option(
        "--endpoint",
        default=None,
        metavar="HOST:PORT",
        help="A Dialogflow-compatible gRPC server, reached without TLS or credentials (emulators).",
    ),
    click.option(
        "--calls-per-minute",
        type=click.FloatRange(min=1),
        default=60,
        show_default=True,
        help="Design-time calls allowed per minute, per consumer project and per agent project.",
    ),
    click.option(
        "--quota-project",
        default=None,
        metavar="PROJECT",
        help="Charge calls to this project's quota (default: the credentials' quota project).",
    ),
    click.option(
        "--max-attempts",
        type=click.IntRange(min=1),
        default=6,
        show_default=True,
        help="Tries per call on RESOURCE_EXHAUSTED or UNAVAILABLE.",
    ),
    click.option(
        "--backoff-seconds",
        type=click.FloatRange(min=0),
        default=1.0,
        show_default=True,
        help="First wait before a retry; doubles each time.",
    ),
    click.option(
        "--poll-seconds",
        type=click.FloatRange(min=0),
        default=1.0,
        show_default=True,
        help="First wait between polls of a long-running operation (training, batches).",
    ),
)


_target_options = option_group(
    click.option("--council", "slug", default=None, help="The council's slug, e.g. demo."),
    click.option(
        "--all", "all_councils", is_flag=True, help="Every council that declares a Dialogflow project."
    ),
    click.option("--project", default=None, help="Use this Dialogflow project instead of the overlay's."),
    click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=4,
        show_default=True,
        help="Councils at once with --all.",
    ),
)


def _policy(
    calls_per_minute: float, max_attempts: int, backoff_seconds: float, poll_seconds: float
) -> CallPolicy:
    return CallPolicy(
        max_attempts=max_attempts,
        backoff_seconds=backoff_seconds,
        calls_per_minute=calls_per_minute,
        poll_seconds=poll_seconds,
    )


def _load(library_dir: Path | None) -> Library:
    """The library, refusing one with errors: a file left out would read as intents to delete."""
    from webhook.library.validate import validate_library

    report = validate_library(library_dir or find_repository_root())
    if report.errors:
        for problem in report.errors[:20]:
            click.echo(problem.format(), err=True)
        raise click.ClickException(
            f"the library has {len(report.errors)} error(s); fix them first (sync-intents validate)"
        )
    return report.library


def _councils(library: Library, slug: str | None, all_councils: bool, project: str | None) -> list[str]:
    from webhook.dialogflow.sync import councils_with_agents

    if all_councils == bool(slug):
        raise click.UsageError("give either --council SLUG or --all")
    if all_councils:
        if project:
            raise click.UsageError("--project names one agent; it cannot be used with --all")
        chosen = councils_with_agents(library)
        if not chosen:
            raise click.ClickException("no council declares a dialogflow: project")
        return chosen
    return [slug or ""]


@click.command("plan")
@LIBRARY_OPTION
@_target_options
@_connection_options
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--detailed-exitcode", is_flag=True, help="Exit 2 when there are changes, 0 when there are none."
)
def plan(
    library_dir: Path | None,
    slug: str | None,
    all_councils: bool,
    project: str | None,
    workers: int,
    output_format: str,
    detailed_exitcode: bool,
    **connection: Any,
) -> None:
    """Show what apply would create, update and delete in a council's Dialogflow agent."""
    from webhook.dialogflow.sync import SyncOptions

    library = _load(library_dir)
    slugs = _councils(library, slug, all_councils, project)
    options = SyncOptions(
        endpoint=connection.pop("endpoint"),
        quota_project=connection.pop("quota_project"),
        policy=_policy(**connection),
    )
    outcomes = _plan(library, slugs, options, project, workers)
    try:
        _print_plans(outcomes, output_format, all_councils)
    finally:
        for outcome in outcomes:
            outcome.close()
    _exit_on_errors(outcomes)
    changed = any(outcome.plan and outcome.plan.has_changes for outcome in outcomes)
    sys.exit(EXIT_CHANGES if detailed_exitcode and changed else 0)


@click.command("apply")
@LIBRARY_OPTION
@_target_options
@_connection_options
@click.option(
    "--snapshots",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_FOLDER,
    show_default=True,
    help="Where to save the agent export taken before any delete.",
)
@click.option("--yes", is_flag=True, help="Apply without asking.")
def apply(
    library_dir: Path | None,
    slug: str | None,
    all_councils: bool,
    project: str | None,
    workers: int,
    snapshots: Path,
    yes: bool,
    **connection: Any,
) -> None:
    """Plan, then make a council's agent match the library and train it."""
    from webhook.dialogflow.sync import SyncOptions, apply_outcomes

    library = _load(library_dir)
    slugs = _councils(library, slug, all_councils, project)
    options = SyncOptions(
        endpoint=connection.pop("endpoint"),
        quota_project=connection.pop("quota_project"),
        policy=_policy(**connection),
        snapshots=snapshots,
    )
    outcomes = _plan(library, slugs, options, project, workers)
    try:
        _print_plans(outcomes, "text", all_councils)
        pending = [o for o in outcomes if not o.error and o.plan and o.plan.has_changes]
        if pending and not yes and not click.confirm("Apply these changes?", err=True):
            raise click.ClickException("nothing applied")
        with _progress(len(pending), "Applying", shown=all_councils) as bar:
            apply_outcomes(
                pending,
                options,
                workers=workers,
                on_done=lambda _: bar.update(1),
                progress=lambda text: click.echo(f"  {text}", err=True),
            )
        for outcome in pending:
            _report_applied(outcome)
        if all_councils:
            click.echo("")
            for line in _table(outcomes):
                click.echo(line)
    finally:
        for outcome in outcomes:
            outcome.close()
    _exit_on_errors(outcomes)


@click.command("restore")
@click.argument("snapshot", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--project", default=None, help="Restore into this project (default: the one the snapshot came from)."
)
@click.option("--location", default=None, help="The agent's location, with --project.")
@_connection_options
@click.option("--yes", is_flag=True, help="Restore without asking.")
def restore(snapshot: Path, project: str | None, location: str | None, yes: bool, **connection: Any) -> None:
    """Put an agent back as it was in SNAPSHOT (a zip written by apply before deleting), then train it."""
    from webhook.dialogflow.gateway import Gateway, GatewayError
    from webhook.dialogflow.snapshots import read_snapshot
    from webhook.dialogflow.target import Target

    saved = read_snapshot(snapshot)
    target = Target(project, location) if project else saved.target
    if target is None:
        raise click.UsageError(f"{snapshot} has no note saying which agent it came from; pass --project")
    endpoint = connection.pop("endpoint")
    quota_project = connection.pop("quota_project")
    if not yes:
        taken = saved.taken_at or "at an unknown time"
        click.confirm(
            f"Replace everything in {target.agent} with {snapshot.name} (taken {taken})?",
            err=True,
            abort=True,
        )
    with Gateway(
        target, endpoint=endpoint, policy=_policy(**connection), quota_project=quota_project
    ) as gateway:
        try:
            gateway.restore_agent(saved.content)
            gateway.train()
        except GatewayError as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Restored {target.agent} from {snapshot} and trained it.")


@click.command("export")
@LIBRARY_OPTION
@click.option("--council", "slug", required=True, help="The council's slug, e.g. demo.")
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The agent zip to write, e.g. agent.zip.",
)
@click.option(
    "--webhook-url",
    default="",
    metavar="URL",
    help="The fulfilment webhook's URL, kept on in the ZIP (needed when an intent uses the webhook).",
)
def export(library_dir: Path | None, slug: str, output: Path, webhook_url: str) -> None:
    """Write a council's agent as a Dialogflow ES export zip (for the console's import or restore)."""
    from webhook.dialogflow.compile import CompileError, compile_council
    from webhook.dialogflow.export import ExportError, agent_files, write_zip
    from webhook.dialogflow.target import Target

    library = _load(library_dir)
    council = library.council(slug)
    settings = (council.dialogflow if council else None) or {}
    try:
        compiled = compile_council(
            library, slug, Target(settings.get("project_id", "-"), settings.get("location"))
        )
        files = agent_files(compiled, webhook_url)
    except (CompileError, ExportError) as error:
        raise click.ClickException(str(error)) from error
    write_zip(files, output)
    click.echo(f"Wrote {output}: {len(compiled.intents)} intents, {len(compiled.entity_types)} entity types.")


@click.command("import")
@click.argument("source", metavar="AGENT_ZIP_OR_DIR", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write intents/<area>/<name>.yaml and intents/entities/*.yaml into.",
)
def import_(source: Path, output: Path) -> None:
    """Turn a Dialogflow ES agent export into library YAML that validates."""
    from webhook.dialogflow.importer import AgentImportError, import_agent

    try:
        report = import_agent(source, output, find_repository_root())
    except AgentImportError as error:
        raise click.ClickException(str(error)) from error
    for note in report.notes:
        click.echo(f"note: {note}", err=True)
    click.echo(f"Wrote {len(report.intents)} intents and {len(report.entities)} entity types under {output}.")


COMMANDS = [plan, apply, restore, export, import_]


# Printing --------------------------------------------------------------------------------------------


def _plan(library: Library, slugs: list[str], options: Any, project: str | None, workers: int) -> list[Any]:
    from webhook.dialogflow.sync import plan_councils

    with _progress(len(slugs), "Reading agents", shown=len(slugs) > 1) as bar:
        return plan_councils(
            library, slugs, options, project, workers=workers, on_done=lambda _: bar.update(1)
        )


def _progress(length: int, label: str, *, shown: bool) -> Any:
    """A progress bar on stderr for --all; for one council, its steps are shown instead."""
    if not shown:
        return contextlib.nullcontext(_NoBar())
    return click.progressbar(length=length, label=label, file=sys.stderr, show_pos=True)


class _NoBar:
    def update(self, steps: int) -> None:
        """Nothing to show."""


def _exit_on_errors(outcomes: list[Any]) -> None:
    failed = [outcome for outcome in outcomes if outcome.error]
    for outcome in failed:
        click.echo(f"error: {outcome.council}: {outcome.error}", err=True)
    if failed:
        sys.exit(1)


def _print_plans(outcomes: list[Any], output_format: str, all_councils: bool) -> None:
    from webhook.dialogflow.render import plan_json, plan_lines

    if output_format == "json":
        documents = [
            plan_json(o.plan) if o.plan and not o.error else {"council": o.council, "error": o.error}
            for o in outcomes
        ]
        click.echo(json.dumps({"councils": documents} if all_councils else documents[0], indent=2))
        return
    for outcome in outcomes:
        if outcome.error:
            continue
        for line in plan_lines(outcome.plan):
            click.echo(line)
        click.echo("")
    if all_councils:
        for line in _table(outcomes):
            click.echo(line)


def _table(outcomes: list[Any]) -> list[str]:
    from webhook.dialogflow.sync import format_table, summary_rows

    return format_table(summary_rows(outcomes))


def _report_applied(outcome: Any) -> None:
    if outcome.error or outcome.result is None:
        return
    result = outcome.result
    if result and result.snapshot:
        click.echo(f"Snapshot of the agent before deleting: {result.snapshot}")
    counts = outcome.plan.counts
    click.echo(
        f"Applied to {outcome.agent}: {counts['create']} created, {counts['update']} updated, "
        f"{counts['delete']} deleted; trained. ({outcome.reads} reads, {outcome.writes} writes)"
    )
