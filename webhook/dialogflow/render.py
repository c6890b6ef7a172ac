"""A plan as a reviewer reads it, and as JSON for machines."""

from __future__ import annotations

from typing import Any

from webhook.dialogflow.compare import LanguageDiff
from webhook.dialogflow.plan import CREATE, DELETE, ENTITY_TYPE, INTENT, UPDATE, Change, Plan

LABELS = {ENTITY_TYPE: "Entity types", INTENT: "Intents"}
MARKS = {CREATE: "+", UPDATE: "~", DELETE: "-"}


def plan_lines(plan: Plan) -> list[str]:
    """The plan grouped by create / update / delete, with per-language diffs of phrases and responses."""
    compiled = plan.compiled
    lines = [
        f"Plan for {compiled.council} -> {compiled.target.agent} (languages: {', '.join(plan.languages)})",
    ]
    for action, heading in ((CREATE, "To create"), (UPDATE, "To update"), (DELETE, "To delete")):
        changes = [c for c in plan.changes if c.action == action]
        if not changes:
            continue
        lines.append("")
        lines.append(f"{heading}:")
        for kind in (ENTITY_TYPE, INTENT):
            for change in (c for c in changes if c.kind == kind):
                lines += _change_lines(change, plan)
    if plan.conflicts:
        lines.append("")
        lines.append("Left alone (not owned by sync-intents):")
        for conflict in plan.conflicts:
            label = "entity type" if conflict.kind == ENTITY_TYPE else "intent"
            lines.append(f"  ! {label} {conflict.display_name}: {conflict.reason}")
    if plan.stock_kept:
        lines.append("")
        lines.append("Stock intents of the agent:")
        lines += [f"  * {note}" for note in plan.stock_kept]
    if plan.housekeeping:
        lines.append("")
        lines.append("Ownership records:")
        lines += [f"  * {note}" for note in plan.housekeeping]
    lines.append("")
    lines.append(summary_line(plan))
    return lines


def summary_line(plan: Plan) -> str:
    """The last line of a plan: counts, or that nothing changes."""
    counts = plan.counts
    if not plan.has_changes:
        text = "No changes: the agent matches the library."
    else:
        text = f"Plan: {counts[CREATE]} to create, {counts[UPDATE]} to update, {counts[DELETE]} to delete."
    if plan.conflicts:
        text += f" {len(plan.conflicts)} left alone."
    return text


def _change_lines(change: Change, plan: Plan) -> list[str]:
    label = "entity type" if change.kind == ENTITY_TYPE else "intent"
    head = f"  {MARKS[change.action]} {label} {change.display_name}"
    if change.action == CREATE:
        return [head + _create_summary(change, plan)]
    if change.action == DELETE:
        if change.replaced_by:
            head += f" (the agent's stock intent; {change.replaced_by} does its job; after a snapshot)"
        return [head]
    if change.adopts:
        head += f" (adopts the agent's stock intent {change.adopts!r}, after a snapshot)"
    lines = [head]
    if change.fields:
        lines.append(f"      changed: {', '.join(change.fields)}")
    for language, diff in change.diffs.items():
        lines += _diff_lines(language, diff, "entries" if change.kind == ENTITY_TYPE else "phrases")
    return lines


def _create_summary(change: Change, plan: Plan) -> str:
    if change.kind == INTENT:
        by_language = plan.compiled.intents[change.display_name].by_language
        counts = ", ".join(
            f"{lang} {len(by_language[lang].training_phrases)} phrases" for lang in change.languages
        )
    else:
        types = plan.compiled.entity_types[change.display_name].by_language
        counts = ", ".join(f"{lang} {len(types[lang].entities)} entries" for lang in change.languages)
    return f" ({counts})"


def _diff_lines(language: str, diff: LanguageDiff, what: str) -> list[str]:
    lines = []
    if diff.phrases_added or diff.phrases_removed:
        lines.append(f"      {language} {what}:")
        lines += [f"        - {text}" for text in diff.phrases_removed]
        lines += [f"        + {text}" for text in diff.phrases_added]
    if diff.responses_added or diff.responses_removed:
        lines.append(f"      {language} responses:")
        lines += [f"        - {text}" for text in diff.responses_removed]
        lines += [f"        + {text}" for text in diff.responses_added]
    if diff.prompts_changed:
        lines.append(f"      {language} prompts changed: {', '.join(diff.prompts_changed)}")
    return lines


def plan_json(plan: Plan) -> dict[str, Any]:
    """The plan for machines: the same content as the text, keyed."""

    def change(c: Change) -> dict[str, Any]:
        item: dict[str, Any] = {"kind": c.kind, "display_name": c.display_name}
        if c.name:
            item["name"] = c.name
        if c.action != DELETE:
            item["languages"] = list(c.languages)
        if c.adopts:
            item["adopts"] = c.adopts
        if c.replaced_by:
            item["replaced_by"] = c.replaced_by
        if c.action == UPDATE:
            item["fields"] = list(c.fields)
            item["diffs"] = {language: diff.as_json() for language, diff in c.diffs.items()}
        return item

    compiled = plan.compiled
    return {
        "council": compiled.council,
        "agent": compiled.target.agent,
        "languages": list(plan.languages),
        "changes": plan.has_changes,
        "create": [change(c) for c in plan.changes if c.action == CREATE],
        "update": [change(c) for c in plan.changes if c.action == UPDATE],
        "delete": [change(c) for c in plan.changes if c.action == DELETE],
        "conflicts": [
            {"kind": c.kind, "display_name": c.display_name, "name": c.name, "reason": c.reason}
            for c in plan.conflicts
        ],
        "housekeeping": list(plan.housekeeping),
        "stock_intents_kept": list(plan.stock_kept),
        "summary": plan.counts,
    }
