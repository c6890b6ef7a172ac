"""Carry out a plan against an agent, in an order that is safe to interrupt and re-run.

1. Before any delete or adoption of a stock intent, export the agent to a snapshot file.
2. Record claims on the names about to be created and mark training as owed (one ownership write).
3. Entity types, then intents (parents before follow-ups): batch updates per language, the agent's
   default language first, where new resources are created. The order of a batch's results is not
   documented, so they are matched to the request by display name, never by position.
4. Batch delete intents, then entity types.
5. Read the whole agent again and check it holds what the plan asked for (a write the service dropped
   or misapplied fails the run here, before training, instead of showing up in the next plan).
6. Train and wait; then record exactly what the library owns, clearing claims and the training mark.

An unchanged plan writes nothing. A run that stops anywhere leaves claims or the training mark behind,
which the next plan picks up, so re-running converges.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from google.cloud import dialogflow_v2 as df

from webhook.dialogflow.compile import ENTITY_TYPE_FIELDS, INTENT_FIELDS, INTENT_UPDATE_FIELDS
from webhook.dialogflow.gateway import Gateway, GatewayError
from webhook.dialogflow.ownership import Ownership, ownership_entity_type, settled
from webhook.dialogflow.plan import CREATE, DELETE, ENTITY_TYPE, INTENT, UPDATE, Change, Plan, make_plan
from webhook.dialogflow.snapshots import write_snapshot
from webhook.dialogflow.state import read_state


class ApplyError(GatewayError):
    """The agent does not hold what was written, or a batch answered for other resources than asked."""


Progress = Callable[[str], None]


@dataclass
class ApplyResult:
    """What a run did."""

    snapshot: Path | None = None
    trained: bool = False


def apply_plan(
    plan: Plan, gateway: Gateway, snapshots: Path, progress: Progress = lambda _: None
) -> ApplyResult:
    """Make the agent match the plan. Writes nothing when the plan has no changes."""
    result = ApplyResult()
    if not plan.has_changes:
        return result
    default = plan.state.default_language
    deletes = [c for c in plan.changes if c.action == DELETE]
    adoptions = plan.adoptions
    if deletes or adoptions:
        progress("exporting a snapshot before deleting or adopting")
        reason = "; ".join(
            part
            for part in (
                "before deleting " + ", ".join(c.display_name for c in deletes) if deletes else "",
                "before adopting " + ", ".join(c.adopts for c in adoptions) if adoptions else "",
            )
            if part
        )
        result.snapshot = write_snapshot(
            snapshots, gateway.target, plan.compiled.council, gateway.export_agent(), reason
        )
    record = _OwnershipRecord(gateway, default, plan.state.ownership, plan.state.ownership_name)
    record.write(
        plan.state.ownership.starting(
            [c.display_name for c in plan.of(INTENT, CREATE)] + [c.display_name for c in adoptions],
            [c.display_name for c in plan.of(ENTITY_TYPE, CREATE)],
        )
    )
    entity_names = dict(plan.owned[ENTITY_TYPE])
    intent_names = dict(plan.owned[INTENT]) | {c.display_name: c.name for c in adoptions}
    _write_entity_types(plan, gateway, entity_names, progress)
    _write_intents(plan, gateway, intent_names, progress)
    _delete(plan, gateway, intent_names, entity_names, progress)
    progress("checking the agent holds what was written")
    verify(plan, gateway)
    progress("training the agent")
    gateway.train()
    result.trained = True
    record.write(settled(intent_names.values(), entity_names.values()))
    return result


class _OwnershipRecord:
    """The reserved entity type, written only when what it holds changes."""

    def __init__(self, gateway: Gateway, language: str, current: Ownership, name: str) -> None:
        self.gateway = gateway
        self.language = language
        self.current = current
        self.name = name

    def write(self, ownership: Ownership) -> None:
        """Record `ownership` in the agent, unless it is already what the agent holds."""
        if ownership == self.current and self.name:
            return
        entity_type = ownership_entity_type(ownership, self.name)
        if self.name:
            self.gateway.update_entity_type(entity_type, self.language)
        else:
            self.name = self.gateway.create_entity_type(entity_type, self.language).name
        self.current = ownership


def _write_entity_types(plan: Plan, gateway: Gateway, names: dict[str, str], progress: Progress) -> None:
    changes = [c for c in plan.changes if c.kind == ENTITY_TYPE and c.action in (CREATE, UPDATE)]
    for language in plan.languages:
        batch = [c for c in changes if language in c.languages]
        if not batch:
            continue
        progress(f"entity types in {language}: {len(batch)}")
        requests = []
        for change in batch:
            entity_type = df.EntityType(plan.compiled.entity_types[change.display_name].by_language[language])
            entity_type.name = names.get(change.display_name, "")
            requests.append(entity_type)
        written = gateway.batch_update_entity_types(requests, language, ENTITY_TYPE_FIELDS)
        names |= _by_display_name(batch, written, "entity type")


def _write_intents(plan: Plan, gateway: Gateway, names: dict[str, str], progress: Progress) -> None:
    changes = [c for c in plan.changes if c.kind == INTENT and c.action in (CREATE, UPDATE)]
    for language in plan.languages:
        waiting = [c for c in changes if language in c.languages]
        while waiting:
            # A follow-up needs its parent's resource name, so it waits for a later batch if the parent
            # is created in this one.
            ready = [c for c in waiting if _parent_known(plan, c.display_name, names)]
            if not ready:  # the plan never asks for this; stop rather than loop
                raise ValueError(f"follow-ups without a parent: {', '.join(c.display_name for c in waiting)}")
            waiting = [c for c in waiting if c not in ready]
            progress(f"intents in {language}: {len(ready)}")
            # A follow-up's parent is set when it is created and is read-only after, so updates (sent
            # apart from creates) leave it out of their mask.
            creates = [c for c in ready if c.display_name not in names]
            updates = [c for c in ready if c.display_name in names]
            for group, fields in ((creates, INTENT_FIELDS), (updates, INTENT_UPDATE_FIELDS)):
                if group:
                    requests = [_intent_request(plan, c, language, names) for c in group]
                    written = gateway.batch_update_intents(requests, language, fields)
                    names |= _by_display_name(group, written, "intent")


def _by_display_name(batch: list[Change], written: list[Any], what: str) -> dict[str, str]:
    """The resource name of each change's display name, from a batch's results in whatever order."""
    found = {item.display_name: item.name for item in written}
    missing = [c.display_name for c in batch if not found.get(c.display_name)]
    if missing:
        raise ApplyError(f"the batch answered without the {what}(s) {', '.join(missing)}")
    return {c.display_name: found[c.display_name] for c in batch}


def verify(plan: Plan, gateway: Gateway) -> None:
    """Read the agent back; fail if anything the plan wrote is not there as the library wants it."""
    again = make_plan(plan.compiled, read_state(gateway, plan.compiled.languages))
    left = [f"{c.action} {c.display_name}" for c in again.changes]
    if left:
        raise ApplyError("after writing, the agent still differs from the library: " + ", ".join(left[:10]))


def _parent_known(plan: Plan, display_name: str, names: dict[str, str]) -> bool:
    parent = plan.compiled.intents[display_name].parent
    return parent is None or parent in names


def _intent_request(plan: Plan, change: Change, language: str, names: dict[str, str]) -> df.Intent:
    desired = plan.compiled.intents[change.display_name]
    intent = df.Intent(desired.by_language[language])
    intent.name = names.get(change.display_name, "")
    if not intent.name:
        intent.parent_followup_intent_name = names[desired.parent] if desired.parent else ""
    return intent


def _delete(
    plan: Plan,
    gateway: Gateway,
    intent_names: dict[str, str],
    entity_names: dict[str, str],
    progress: Progress,
) -> None:
    doomed = plan.of(INTENT, DELETE)
    if doomed:
        doomed_names = {c.name for c in doomed}
        # Deleting a parent deletes its follow-ups: naming both would fail on the second.
        roots = [c for c in doomed if not _ancestor_in(plan, c.name, doomed_names)]
        progress(f"deleting {len(doomed)} intent(s)")
        gateway.batch_delete_intents([c.name for c in roots])
        for change in doomed:
            intent_names.pop(change.display_name, None)
    doomed_types = plan.of(ENTITY_TYPE, DELETE)
    if doomed_types:
        progress(f"deleting {len(doomed_types)} entity type(s)")
        gateway.batch_delete_entity_types([c.name for c in doomed_types])
        for change in doomed_types:
            entity_names.pop(change.display_name, None)


def _ancestor_in(plan: Plan, name: str, names: set[str]) -> bool:
    seen = set()
    while name in plan.state.intents and name not in seen:
        seen.add(name)
        name = next(iter(plan.state.intents[name].values())).parent_followup_intent_name
        if name in names:
            return True
    return False
