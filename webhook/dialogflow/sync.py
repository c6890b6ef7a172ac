"""Plan and apply for one council or many: compile, read the agent, diff, write.

Several councils run at once. Every call waits for the limiter of the consumer project it is charged to
(shared by all workers using the same credentials) and of its agent project, so `--all` with one service
account stays within one project's quota however many agents it syncs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from webhook.dialogflow.apply import ApplyResult, apply_plan
from webhook.dialogflow.calls import CallPolicy
from webhook.dialogflow.compile import CompileError, compile_council, council_target
from webhook.dialogflow.gateway import Gateway, GatewayError
from webhook.dialogflow.plan import Plan, make_plan
from webhook.dialogflow.snapshots import DEFAULT_FOLDER
from webhook.dialogflow.state import AgentLanguageError, read_state
from webhook.library.model import Library

#: Everything that can go wrong with one council, each with a message fit to print.
SYNC_ERRORS = (CompileError, GatewayError, AgentLanguageError)


@dataclass(frozen=True)
class SyncOptions:
    """How to reach the agents and how hard to try."""

    endpoint: str | None = None
    policy: CallPolicy = field(default_factory=CallPolicy)
    snapshots: Path = DEFAULT_FOLDER
    #: The consumer project to charge (and rate-limit) calls to; default: the credentials' own.
    quota_project: str | None = None


@dataclass
class Outcome:
    """One council's plan, and what applying it did (or the error that stopped it)."""

    council: str
    agent: str = ""
    plan: Plan | None = None
    gateway: Gateway | None = None
    result: ApplyResult | None = None
    error: str | None = None

    @property
    def reads(self) -> int:
        """Calls made that only read."""
        return self.gateway.log.reads if self.gateway else 0

    @property
    def writes(self) -> int:
        """Calls made that changed the agent."""
        return self.gateway.log.writes if self.gateway else 0

    def close(self) -> None:
        """Close the connection to the agent, if one was opened."""
        if self.gateway:
            self.gateway.close()


def councils_with_agents(library: Library) -> list[str]:
    """Every council whose overlay declares a Dialogflow project (what --all covers)."""
    return sorted(slug for slug, council in library.councils.items() if council.dialogflow)


def plan_council(library: Library, slug: str, options: SyncOptions, project: str | None = None) -> Outcome:
    """Compile the council and read its agent; the outcome keeps the gateway open for `apply_outcome`."""
    outcome = Outcome(slug)
    try:
        council = library.council(slug)
        if council is None:
            known = ", ".join(sorted(library.councils)) or "none"
            raise CompileError(f"no council {slug!r} in the library (known: {known})")
        target = council_target(council, project)
        outcome.agent = target.agent
        compiled = compile_council(library, slug, target)
        outcome.gateway = Gateway(
            target, endpoint=options.endpoint, policy=options.policy, quota_project=options.quota_project
        )
        outcome.plan = make_plan(compiled, read_state(outcome.gateway, compiled.languages))
    except SYNC_ERRORS as error:
        outcome.error = str(error)
    return outcome


def apply_outcome(
    outcome: Outcome, options: SyncOptions, progress: Callable[[str], None] = lambda _: None
) -> None:
    """Apply a planned outcome in place (nothing happens for one that failed to plan)."""
    if outcome.plan is None or outcome.gateway is None or outcome.error:
        return
    try:
        outcome.result = apply_plan(outcome.plan, outcome.gateway, options.snapshots, progress)
    except SYNC_ERRORS as error:
        outcome.error = str(error)


def run_many(
    councils: Sequence[str],
    work: Callable[[str], Outcome],
    *,
    workers: int = 4,
    on_done: Callable[[Outcome], None] = lambda _: None,
) -> list[Outcome]:
    """Run `work` for several councils at once; outcomes come back in the councils' order."""
    outcomes: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = {pool.submit(work, slug): slug for slug in councils}
        for future in as_completed(futures):
            outcome = future.result()
            outcomes[futures[future]] = outcome
            on_done(outcome)
    return [outcomes[slug] for slug in councils]


def plan_councils(
    library: Library,
    councils: Sequence[str],
    options: SyncOptions,
    project: str | None = None,
    *,
    workers: int = 4,
    on_done: Callable[[Outcome], None] = lambda _: None,
) -> list[Outcome]:
    """Plan several councils at once (`project` overrides the agent of a single council only)."""
    if len(councils) == 1:
        outcome = plan_council(library, councils[0], options, project)
        on_done(outcome)
        return [outcome]
    return run_many(
        councils, lambda slug: plan_council(library, slug, options), workers=workers, on_done=on_done
    )


def apply_outcomes(
    outcomes: Sequence[Outcome],
    options: SyncOptions,
    *,
    workers: int = 4,
    on_done: Callable[[Outcome], None] = lambda _: None,
    progress: Callable[[str], None] = lambda _: None,
) -> None:
    """Apply every planned outcome that has changes, several at once."""
    pending = {o.council: o for o in outcomes if o.plan and o.plan.has_changes and not o.error}

    def work(slug: str) -> Outcome:
        apply_outcome(pending[slug], options, progress if len(pending) == 1 else lambda _: None)
        return pending[slug]

    run_many(list(pending), work, workers=workers, on_done=on_done)


def summary_rows(outcomes: Sequence[Outcome]) -> list[list[str]]:
    """The summary table: a header, then one row per council."""
    rows = [["council", "agent", "create", "update", "delete", "left alone", "reads", "writes", "result"]]
    for outcome in outcomes:
        plan = outcome.plan
        counts = plan.counts if plan else {"create": 0, "update": 0, "delete": 0}
        if outcome.error:
            result = f"error: {outcome.error}"
        elif outcome.result is not None:
            result = "applied" if plan and plan.has_changes else "unchanged"
        else:
            result = "changes planned" if plan and plan.has_changes else "no changes"
        rows.append(
            [
                outcome.council,
                outcome.agent,
                str(counts["create"]),
                str(counts["update"]),
                str(counts["delete"]),
                str(len(plan.conflicts) if plan else 0),
                str(outcome.reads),
                str(outcome.writes),
                result,
            ]
        )
    return rows


def format_table(rows: list[list[str]]) -> list[str]:
    """Rows as left-aligned columns."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
