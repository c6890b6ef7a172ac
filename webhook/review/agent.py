"""The Dialogflow changes `apply` would make, worked out between two compiled agents, with no credentials.

The base revision's compiled agent stands in for the agent as the last sync left it (every resource
owned by the sync), and `make_plan` diffs the head revision's agent against it, exactly as `plan` diffs
against a live agent. Each change is then filed under the languages it writes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from google.cloud import dialogflow_v2 as df

from webhook.dialogflow.compile import CompiledAgent, CompileError, compile_council
from webhook.dialogflow.ownership import settled
from webhook.dialogflow.plan import CREATE, DELETE, INTENT, Plan, make_plan
from webhook.dialogflow.state import AgentState
from webhook.dialogflow.target import Target
from webhook.library.model import Library

#: Both revisions compile against one made-up agent: only the difference between them matters.
REVIEW_TARGET = Target("review")


@dataclass(frozen=True)
class AgentChange:
    """One resource `apply` would create, update or delete, as it concerns one language."""

    kind: str
    action: str
    name: str
    fields: tuple[str, ...] = ()
    phrases_added: tuple[str, ...] = ()
    phrases_removed: tuple[str, ...] = ()
    responses_added: tuple[str, ...] = ()
    responses_removed: tuple[str, ...] = ()
    prompts_changed: tuple[str, ...] = ()


def compiled(library: Library, slug: str) -> CompiledAgent | None:
    """The council's agent in this revision, or None when the council is not in it."""
    if library.council(slug) is None:
        return None
    return compile_council(library, slug, REVIEW_TARGET)


def synced_state(agent: CompiledAgent | None) -> AgentState:
    """An agent holding exactly `agent`, as a completed sync leaves it (an empty one for None)."""
    intents: dict[str, dict[str, df.Intent]] = {}
    entity_types: dict[str, dict[str, df.EntityType]] = {}
    languages = agent.languages if agent else ("en",)
    if agent is not None:
        names = {display: f"{REVIEW_TARGET.agent}/intents/{n}" for n, display in enumerate(agent.intents)}
        for display, desired in agent.intents.items():
            for language, intent in desired.by_language.items():
                copy = df.Intent.deserialize(df.Intent.serialize(intent))
                copy.name = names[display]
                if desired.parent in names:
                    copy.parent_followup_intent_name = names[desired.parent]
                intents.setdefault(copy.name, {})[language] = copy
        for n, desired_type in enumerate(agent.entity_types.values()):
            name = f"{REVIEW_TARGET.agent}/entityTypes/{n}"
            for language, entity_type in desired_type.by_language.items():
                copy_type = df.EntityType.deserialize(df.EntityType.serialize(entity_type))
                copy_type.name = name
                entity_types.setdefault(name, {})[language] = copy_type
    return AgentState(
        default_language=languages[0],
        supported=languages,
        intents=intents,
        entity_types=entity_types,
        ownership=settled(intents, entity_types),
    )


def agent_plan(base: Library, head: Library, slug: str) -> Plan | None:
    """What `apply` would do to an agent synced from `base` to make it hold `head` (None when the council
    is not in `head`, as there is nothing to apply)."""
    base, head = changed_parts(base, head, slug)
    after = compiled(head, slug)
    if after is None:
        return None
    try:
        before = compiled(base, slug)
    except CompileError:  # the base could not have been synced: compare with an empty agent
        before = None
    return make_plan(after, synced_state(before))


def changed_parts(base: Library, head: Library, slug: str) -> tuple[Library, Library]:
    """Both libraries cut down to the intents that differ between them (with their follow-up parents,
    which the agent needs to attach them), when nothing else the council's agent depends on changed.

    Compiling and comparing a whole agent takes seconds; a change to one intent needs only that intent.
    """
    old, new = base.council(slug), head.council(slug)
    if old is None or new is None or old != new or base.routing != head.routing:
        return base, head
    if isinstance(new.county, str) and base.council(new.county) != head.council(new.county):
        return base, head  # the county's facts fill in what its residents are told
    changed = {i for i in {*base.intents, *head.intents} if base.intents.get(i) != head.intents.get(i)}
    return _only(base, changed), _only(head, changed)


def _only(library: Library, wanted: set[str]) -> Library:
    """The library with only the `wanted` intents and the parents they follow up (the memo is shared:
    how an intent resolves does not depend on the other intents)."""
    kept: dict[str, object] = {}
    for intent_id in sorted(wanted):
        while intent_id in library.intents and intent_id not in kept:
            intent = library.intents[intent_id]
            kept[intent_id] = intent
            intent_id = intent.followup_of or ""
    return replace(library, intents={i: library.intents[i] for i in sorted(kept)})


def changes_by_language(plan: Plan) -> dict[str, tuple[AgentChange, ...]]:
    """The plan's changes filed under each language they write.

    Creating and deleting write every language of the agent; an update writes the languages whose
    phrases, responses or prompts change, and every language when a field all languages share changes.
    """
    languages = plan.compiled.languages
    found: dict[str, list[AgentChange]] = {language: [] for language in languages}
    for change in plan.changes:
        if change.action in (CREATE, DELETE):
            for language in languages:
                found[language].append(AgentChange(change.kind, change.action, change.display_name))
            continue
        touched = languages if change.fields else tuple(change.diffs)
        for language in touched:
            diff = change.diffs.get(language)
            found.setdefault(language, []).append(
                AgentChange(
                    change.kind,
                    change.action,
                    change.display_name,
                    fields=change.fields,
                    phrases_added=diff.phrases_added if diff else (),
                    phrases_removed=diff.phrases_removed if diff else (),
                    responses_added=diff.responses_added if diff else (),
                    responses_removed=diff.responses_removed if diff else (),
                    prompts_changed=diff.prompts_changed if diff else (),
                )
            )
    return {language: tuple(sorted(items, key=_order)) for language, items in found.items() if items}


def _order(change: AgentChange) -> tuple[int, str, str]:
    return (0 if change.kind != INTENT else 1, change.action, change.name)
