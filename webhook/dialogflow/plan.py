"""Diff the compiled library against what the agent holds: what to create, update and delete.

Pure: the agent has already been read. Only owned resources (see `ownership`) are ever updated or
deleted; a hand-made one that collides with a library name is reported as a conflict and left alone.

The two intents Dialogflow puts in every new ES agent ("Default Welcome Intent" on the WELCOME event and
"Default Fallback Intent") are the exception: left alone they would answer beside the library's welcome
and fallback intents. Where the library has a counterpart (an intent of the same display name, else one
on the same event, else a fallback with no input context) the stock intent is adopted: updated in place
into the library's intent, after a snapshot. Where that counterpart is already in the agent as the
library's own (an agent synced before stock intents were handled), the stock intent is deleted instead,
after a snapshot, so that no event or fallback has two intents. One with no counterpart is kept, as is one
whose counterpart is hand-made or that has hand-made follow-ups; the plan says why.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from webhook.dialogflow.compare import (
    LanguageDiff,
    entity_type_form,
    entries_diff,
    intent_form,
    language_diff,
    neutral_changes,
)
from webhook.dialogflow.compile import CompiledAgent, DesiredEntityType, DesiredIntent
from webhook.dialogflow.ownership import resource_id
from webhook.dialogflow.state import AgentState

INTENT = "intent"
ENTITY_TYPE = "entity_type"
CREATE, UPDATE, DELETE = "create", "update", "delete"
STOCK_WELCOME = "Default Welcome Intent"
STOCK_FALLBACK = "Default Fallback Intent"


@dataclass(frozen=True)
class Change:
    """One resource to create, update or delete; `languages` are the languages written, in order."""

    kind: str
    action: str
    display_name: str
    name: str = ""
    languages: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    diffs: Mapping[str, LanguageDiff] = field(default_factory=dict)
    #: For an update that adopts one of the agent's stock intents: its display name before.
    adopts: str = ""
    #: For the delete of a stock intent: the library intent that already does its job.
    replaced_by: str = ""


@dataclass(frozen=True)
class Conflict:
    """A resource the sync will not touch, and why."""

    kind: str
    display_name: str
    name: str
    reason: str


@dataclass(frozen=True)
class Plan:
    """What `apply` will do to one agent, with what it needs to do it."""

    compiled: CompiledAgent
    state: AgentState
    languages: tuple[str, ...]
    changes: tuple[Change, ...]
    conflicts: tuple[Conflict, ...]
    owned: Mapping[str, Mapping[str, str]]
    housekeeping: tuple[str, ...]
    #: Stock intents kept as they are, with why.
    stock_kept: tuple[str, ...] = ()

    def of(self, kind: str, action: str) -> list[Change]:
        """The changes of one kind and action."""
        return [c for c in self.changes if c.kind == kind and c.action == action]

    @property
    def counts(self) -> dict[str, int]:
        """How many creates, updates and deletes."""
        return {
            action: sum(1 for c in self.changes if c.action == action) for action in (CREATE, UPDATE, DELETE)
        }

    @property
    def adoptions(self) -> list[Change]:
        """Updates that turn a stock intent into a library intent."""
        return [c for c in self.changes if c.adopts]

    @property
    def has_changes(self) -> bool:
        """Anything to write: a change, or ownership records to put straight after an interrupted run."""
        return bool(self.changes or self.housekeeping)


def make_plan(compiled: CompiledAgent, state: AgentState) -> Plan:
    """The changes that make the agent hold the compiled library, touching only what the library owns."""
    languages = _write_order(compiled.languages, state.default_language)
    owned: dict[str, dict[str, str]] = {INTENT: {}, ENTITY_TYPE: {}}
    changes: list[Change] = []
    conflicts: list[Conflict] = []
    stock_kept: list[str] = []
    for kind, desired_all, actual_all in (
        (ENTITY_TYPE, compiled.entity_types, state.entity_types),
        (INTENT, compiled.intents, state.intents),
    ):
        by_display = {state.display_name(kind, name): name for name in actual_all}
        known = frozenset(desired_all)
        owned[kind] = {
            display: name
            for display, name in by_display.items()
            if state.ownership.owns(kind, name, display, known)
        }
        adopted: dict[str, str] = {}
        if kind == INTENT:
            adopted, removed, stock_kept = _stock_intents(compiled, state, by_display, owned[INTENT])
            changes += [
                Change(INTENT, DELETE, stock, by_display[stock], replaced_by=by)
                for stock, by in removed.items()
            ]
        for display, desired in desired_all.items():
            name = by_display.get(display)
            blocked = (
                _blocked_parent(desired, owned[INTENT], by_display)
                if isinstance(desired, DesiredIntent)
                else None
            )
            if display in adopted:
                change = _update(kind, desired, adopted[display], state, languages, adopting=True)
                changes.append(change)
            elif blocked:
                conflicts.append(Conflict(kind, display, name or "", blocked))
            elif name is None:
                changes.append(Change(kind, CREATE, display, languages=languages))
            elif display not in owned[kind]:
                conflicts.append(
                    Conflict(kind, display, name, "exists but was not created by sync-intents; left alone")
                )
            elif (change := _update(kind, desired, name, state, languages)) is not None:
                if "follow-up of" in change.fields:
                    # Dialogflow fixes a follow-up's parent when it is created; an update cannot move it.
                    conflicts.append(Conflict(kind, display, name, _MOVED))
                else:
                    changes.append(change)
        for display, name in owned[kind].items():
            if display in desired_all:
                continue
            keeper = _unowned_followup(name, state, owned[INTENT]) if kind == INTENT else None
            if keeper:
                conflicts.append(
                    Conflict(kind, display, name, f"not deleted: hand-made follow-up {keeper} needs it")
                )
            else:
                changes.append(Change(kind, DELETE, display, name))
    return Plan(
        compiled=compiled,
        state=state,
        languages=languages,
        changes=tuple(changes),
        conflicts=tuple(conflicts),
        owned=owned,
        housekeeping=_housekeeping(state, owned),
        stock_kept=tuple(stock_kept),
    )


_MOVED = (
    "its parent changed in the library, and Dialogflow cannot move a follow-up to another parent: "
    "delete it in the console, then apply again to create it under its new parent"
)


def _stock_intents(
    compiled: CompiledAgent, state: AgentState, by_display: Mapping[str, str], owned: Mapping[str, str]
) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Library display name -> the stock intent it adopts; stock display name -> the library intent
    already in the agent that replaces it (the stock one is deleted); and notes on the stock intents kept.
    """
    adopted: dict[str, str] = {}
    removed: dict[str, str] = {}
    kept: list[str] = []
    for stock in (STOCK_WELCOME, STOCK_FALLBACK):
        name = by_display.get(stock)
        if name is None or stock in owned:
            continue
        intent = next(iter(state.intents[name].values()))
        counterpart = _counterpart(compiled, stock, intent.events)
        if counterpart is None:
            what = "the WELCOME event" if stock == STOCK_WELCOME else "a fallback without input contexts"
            kept.append(f"{stock}: kept, the library has no intent for {what}")
        elif counterpart in by_display and counterpart != stock:
            followup = _unowned_followup(name, state, owned)
            if counterpart not in owned:
                kept.append(f"{stock}: kept, {counterpart} already exists in the agent and is hand-made")
            elif followup:
                kept.append(
                    f"{stock}: kept although {counterpart} does its job, since the hand-made follow-up "
                    f"{followup} needs it: delete it in the console"
                )
            else:
                removed[stock] = counterpart
        else:
            adopted[counterpart] = name
    return adopted, removed, kept


def _counterpart(compiled: CompiledAgent, stock: str, events: list[str]) -> str | None:
    """The library intent a stock intent becomes: same display name, else same event, else the fallback."""
    if stock in compiled.intents:
        return stock
    for display, desired in compiled.intents.items():
        first = next(iter(desired.by_language.values()))
        if desired.parent:
            continue
        if stock == STOCK_WELCOME and set(first.events) & set(events or ["WELCOME"]):
            return display
        if stock == STOCK_FALLBACK and first.is_fallback and not first.input_context_names:
            return display
    return None


def _write_order(languages: tuple[str, ...], default: str) -> tuple[str, ...]:
    """The agent's default language first: new resources are created in it, then filled in the others."""
    return tuple(sorted(languages, key=lambda language: language != default))


def _blocked_parent(
    desired: DesiredIntent, owned: Mapping[str, str], existing: Mapping[str, str]
) -> str | None:
    """Why a follow-up cannot be written: its parent's display name belongs to a hand-made intent."""
    parent = desired.parent
    if parent and parent in existing and parent not in owned:
        return f"its parent {parent} is hand-made, so the follow-up cannot be attached to it"
    return None


def _unowned_followup(name: str, state: AgentState, owned: Mapping[str, str]) -> str | None:
    owned_names = set(owned.values())
    for child, by_language in state.intents.items():
        intent = next(iter(by_language.values()))
        if intent.parent_followup_intent_name == name and child not in owned_names:
            return intent.display_name
    return None


def _update(
    kind: str,
    desired: DesiredIntent | DesiredEntityType,
    name: str,
    state: AgentState,
    languages: tuple[str, ...],
    *,
    adopting: bool = False,
) -> Change | None:
    if kind == INTENT:
        assert isinstance(desired, DesiredIntent)
        actual = state.intents[name]
        parent_name = next(iter(actual.values())).parent_followup_intent_name
        actual_parent = state.display_name(INTENT, parent_name) if parent_name in state.intents else ""
        wanted = {lang: intent_form(desired.by_language[lang], desired.parent) for lang in languages}
        found = {lang: intent_form(actual[lang], actual_parent) for lang in languages}
        diffs = {lang: language_diff(wanted[lang], found[lang]) for lang in languages}
    else:
        assert isinstance(desired, DesiredEntityType)
        actual_types = state.entity_types[name]
        wanted = {lang: entity_type_form(desired.by_language[lang]) for lang in languages}
        found = {lang: entity_type_form(actual_types[lang]) for lang in languages}
        diffs = {lang: entries_diff(wanted[lang], found[lang]) for lang in languages}
    first = languages[0]
    fields = neutral_changes(wanted[first].neutral, found[first].neutral)
    changed = tuple(lang for lang in languages if diffs[lang])
    if adopting:  # every language is written, so nothing of the stock intent's text is left behind
        fields = tuple(f for f in fields if f != "follow-up of")
        changed = languages
    if not changed and not fields:
        return None
    return Change(
        kind,
        UPDATE,
        desired.display_name,
        name,
        languages=changed or (first,),
        fields=fields,
        diffs={lang: diff for lang, diff in diffs.items() if diff},
        adopts=state.display_name(kind, name) if adopting else "",
    )


def _housekeeping(state: AgentState, owned: Mapping[str, Mapping[str, str]]) -> tuple[str, ...]:
    """Ownership records to put straight: ids of resources gone, claims from an interrupted run."""
    notes = []
    ownership = state.ownership
    for kind, table in ((INTENT, state.intents), (ENTITY_TYPE, state.entity_types)):
        label = "intent" if kind == INTENT else "entity type"
        present = {resource_id(name) for name in table}
        stale = ownership.ids(kind) - present
        if stale:
            notes.append(f"forget {len(stale)} {label} id(s) no longer in the agent")
        adopted = sorted(
            display for display, name in owned[kind].items() if resource_id(name) not in ownership.ids(kind)
        )
        if adopted:
            notes.append(f"record {label}(s) created by an interrupted run: {', '.join(adopted)}")
        leftover = ownership.claims(kind) - set(adopted)
        if leftover:
            notes.append(f"drop {len(leftover)} unused {label} claim(s)")
    if ownership.train_pending:
        notes.append("train the agent (a previous run stopped before training)")
    return tuple(notes)
