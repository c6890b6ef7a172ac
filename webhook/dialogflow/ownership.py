"""What the library owns in an agent, recorded in the agent itself.

A reserved entity type, `sync-intents-ownership`, lists the resource ids of every intent and entity type
the sync created (`intent:<id>`, `entity-type:<id>`). Something is owned only if its id is listed AND its
display name is one the library could have given it; anything else is hand-made and never changed or
deleted, even when its display name collides with a library id.

Creating is not atomic with recording, so before creating the sync first records a claim on each display
name it is about to create (`claim-intent:<display name>`). If a run stops between the two, the next run
adopts an unrecorded resource whose name was claimed, records its id and drops the claim: re-running
converges instead of reporting its own half-finished work as hand-made. The same first write sets
`train-pending`, cleared only after training, so a run that stops before training is finished next time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from google.cloud import dialogflow_v2 as df

OWNERSHIP_ENTITY_TYPE = "sync-intents-ownership"
TRAIN_PENDING = "train-pending"
INTENT_ID = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z0-9_]*$")
ENTITY_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_PREFIXES = {
    "intent": "intent:",
    "entity_type": "entity-type:",
    "claim_intent": "claim-intent:",
    "claim_entity_type": "claim-entity-type:",
}


def resource_id(name: str) -> str:
    """The last segment of a resource name: `projects/p/agent/intents/<id>` -> `<id>`."""
    return name.rsplit("/", 1)[-1]


def library_shaped(kind: str, display_name: str) -> bool:
    """Whether the library could have given this display name (an intent id or an entity name)."""
    if kind == "intent":
        return bool(INTENT_ID.match(display_name))
    return bool(ENTITY_NAME.match(display_name)) and display_name != OWNERSHIP_ENTITY_TYPE


@dataclass(frozen=True)
class Ownership:
    """Recorded ids and outstanding claims, by kind ("intent" or "entity_type")."""

    intents: frozenset[str] = frozenset()
    entity_types: frozenset[str] = frozenset()
    intent_claims: frozenset[str] = frozenset()
    entity_type_claims: frozenset[str] = frozenset()
    train_pending: bool = False

    def ids(self, kind: str) -> frozenset[str]:
        """The recorded resource ids of one kind."""
        return self.intents if kind == "intent" else self.entity_types

    def claims(self, kind: str) -> frozenset[str]:
        """The display names of one kind claimed by a run that may not have finished."""
        return self.intent_claims if kind == "intent" else self.entity_type_claims

    def owns(self, kind: str, name: str, display_name: str, known: frozenset[str] = frozenset()) -> bool:
        """Recorded (or claimed, from an interrupted run) and a name the library gives: library-shaped,
        or one of `known` (the display names the library asks for, such as an imported agent's own)."""
        if display_name == OWNERSHIP_ENTITY_TYPE:
            return False
        if not library_shaped(kind, display_name) and display_name not in known:
            return False
        return resource_id(name) in self.ids(kind) or display_name in self.claims(kind)

    def starting(self, intents: Iterable[str], entity_types: Iterable[str]) -> Ownership:
        """Claims on the display names about to be created, and training marked as owed."""
        return Ownership(
            self.intents,
            self.entity_types,
            self.intent_claims | frozenset(intents),
            self.entity_type_claims | frozenset(entity_types),
            train_pending=True,
        )

    def entries(self) -> list[df.EntityType.Entity]:
        """The entity entries that record this ownership, sorted."""
        values = sorted(
            [_PREFIXES["intent"] + i for i in self.intents]
            + [_PREFIXES["entity_type"] + i for i in self.entity_types]
            + [_PREFIXES["claim_intent"] + c for c in self.intent_claims]
            + [_PREFIXES["claim_entity_type"] + c for c in self.entity_type_claims]
            + ([TRAIN_PENDING] if self.train_pending else [])
        )
        return [df.EntityType.Entity(value=value, synonyms=[value]) for value in values]


def settled(intents: Iterable[str], entity_types: Iterable[str]) -> Ownership:
    """Exactly these resource names recorded, no claims left and nothing owed."""
    return Ownership(frozenset(map(resource_id, intents)), frozenset(map(resource_id, entity_types)))


def read_ownership(entity_type: df.EntityType | None) -> Ownership:
    """The ownership recorded in the reserved entity type (nothing when there is none)."""
    found: dict[str, set[str]] = {key: set() for key in _PREFIXES}
    for entry in entity_type.entities if entity_type else ():
        for key, prefix in _PREFIXES.items():
            if entry.value.startswith(prefix):
                found[key].add(entry.value[len(prefix) :])
                break
    return Ownership(
        frozenset(found["intent"]),
        frozenset(found["entity_type"]),
        frozenset(found["claim_intent"]),
        frozenset(found["claim_entity_type"]),
        train_pending=any(
            entry.value == TRAIN_PENDING for entry in (entity_type.entities if entity_type else ())
        ),
    )


def ownership_entity_type(ownership: Ownership, name: str = "") -> df.EntityType:
    """The reserved entity type holding `ownership` (a list entity no intent uses, so it never matches)."""
    return df.EntityType(
        name=name,
        display_name=OWNERSHIP_ENTITY_TYPE,
        kind=df.EntityType.Kind.KIND_LIST,
        auto_expansion_mode=df.EntityType.AutoExpansionMode.AUTO_EXPANSION_MODE_UNSPECIFIED,
        enable_fuzzy_extraction=False,
        entities=ownership.entries(),
    )
