"""What one council's residents are told, compared between two revisions of the library, in one language.

Everything is compared as the bot speaks it: the council's overlay applied, placeholders filled in and
routing to another tier of council resolved, each value with the layer it came from. A change to the
shared library therefore shows only for the councils whose residents see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from webhook.library.model import Council, Library, Link, Responses
from webhook.library.resolve import ResolvedIntent, Sourced, resolve_message, resolved_intent

ADDED, REMOVED, CHANGED = "added", "removed", "changed"
ENABLED, DISABLED, RENAMED = "enabled", "disabled", "renamed"
#: Phrases two intents must share (as a share of the smaller set) for a removal and an addition to be
#: read as one intent renamed.
RENAME_OVERLAP = 0.5


@dataclass(frozen=True)
class ValueChange:
    """One part of an answer before and after, each with the layer it came from ('' where absent)."""

    field: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    layer_before: str = ""
    layer_after: str = ""


@dataclass(frozen=True)
class IntentChange:
    """An intent whose answer, prompts or phrases change for one council in one language, or that
    appears, goes, is switched on or off, or takes a new id."""

    intent: str
    status: str
    values: tuple[ValueChange, ...] = ()
    phrases_added: int = 0
    phrases_removed: int = 0
    renamed_from: str = ""
    #: The answer (its text) has no words left: residents asking get nothing back.
    empty_answer: bool = False
    #: Placeholders nothing fills in for this council, shown to residents as written.
    unfilled: tuple[str, ...] = ()


@dataclass(frozen=True)
class MessageChange:
    """One of the bot's own sentences (intents/messages/) as this council words it, before and after."""

    message: str
    before: str
    after: str
    layer_before: str
    layer_after: str


def _offered(library: Library, council: Council | None, language: str) -> dict[str, ResolvedIntent]:
    if council is None or language not in council.languages:
        return {}
    return {
        intent_id: resolved_intent(library, council, intent_id, language)
        for intent_id, intent in sorted(library.intents.items())
        if language in intent.languages and council.offers(intent_id)
    }


def _links(links: tuple[Link, ...]) -> tuple[str, ...]:
    return tuple(f"{link.text} -> {link.url}" for link in links)


def _answer_parts(responses: Responses) -> dict[str, tuple[str, ...]]:
    """The parts of an answer a resident sees, each as lines (the response fields' names)."""
    card = responses.card
    return {
        "text": responses.text,
        "quick_replies": responses.quick_replies,
        "links": _links(responses.links),
        "card": (card.title, card.subtitle, *_links(card.buttons)) if card else (),
    }


def _value_changes(before: ResolvedIntent, after: ResolvedIntent) -> tuple[ValueChange, ...]:
    old, new = _answer_parts(before.responses), _answer_parts(after.responses)
    changes = [
        ValueChange(
            name,
            old[name],
            new[name],
            before.response_layers.get(name, ""),
            after.response_layers.get(name, ""),
        )
        for name in old
        if old[name] != new[name]
    ]
    for name in sorted({*before.prompts, *after.prompts}):
        was, now = before.prompts.get(name), after.prompts.get(name)
        if (was.value if was else ()) != (now.value if now else ()):
            changes.append(
                ValueChange(
                    f"prompt:{name}",
                    was.value if was else (),
                    now.value if now else (),
                    was.layer if was else "",
                    now.layer if now else "",
                )
            )
    return tuple(changes)


def is_empty(resolved: ResolvedIntent) -> bool:
    """Whether the answer has no words: every text variant blank (or none at all)."""
    return not any(text.strip() for text in resolved.responses.text)


def _phrases(resolved: ResolvedIntent) -> set[str]:
    return {phrase.value for phrase in resolved.phrases}


def _whole(resolved: ResolvedIntent, status: str, renamed_from: str = "") -> IntentChange:
    """An intent that appears or goes: its whole answer on one side."""
    parts = _answer_parts(resolved.responses)
    layers = resolved.response_layers
    appears = status in (ADDED, ENABLED, RENAMED)
    values = tuple(
        ValueChange(name, () if appears else lines, lines if appears else (), *_sides(layers[name], appears))
        for name, lines in parts.items()
        if lines
    )
    count = len(resolved.phrases)
    return IntentChange(
        resolved.intent.id,
        status,
        values,
        phrases_added=count if appears else 0,
        phrases_removed=0 if appears else count,
        renamed_from=renamed_from,
        empty_answer=appears and is_empty(resolved),
        unfilled=resolved.unresolved if appears else (),
    )


def _sides(layer: str, appears: bool) -> tuple[str, str]:
    return ("", layer) if appears else (layer, "")


def intent_changes(base: Library, head: Library, slug: str, language: str) -> tuple[IntentChange, ...]:
    """Every intent whose answer, prompts or training phrases change for the council in `language`,
    in id order; a removal and an addition sharing most phrases are one rename."""
    before = _offered(base, base.council(slug), language)
    after = _offered(head, head.council(slug), language)
    was_there = _known(base, slug, language)
    is_there = _known(head, slug, language)
    changes: list[IntentChange] = []
    for intent_id in sorted({*before, *after}):
        old, new = before.get(intent_id), after.get(intent_id)
        if old and new:
            if (change := _changed(old, new)) is not None:
                changes.append(change)
        elif new:
            changes.append(_whole(new, ENABLED if intent_id in was_there else ADDED))
        elif old:
            changes.append(_whole(old, DISABLED if intent_id in is_there else REMOVED))
    return tuple(_pair_renames(changes, before, after))


def _known(library: Library, slug: str, language: str) -> set[str]:
    """Intents of the library that have text in `language` (offered by the council or not), when the
    council exists in it."""
    if library.council(slug) is None:
        return set()
    return {i for i, intent in library.intents.items() if language in intent.languages}


def _changed(old: ResolvedIntent, new: ResolvedIntent) -> IntentChange | None:
    values = _value_changes(old, new)
    was, now = _phrases(old), _phrases(new)
    newly_unfilled = tuple(name for name in new.unresolved if name not in old.unresolved)
    if not values and was == now and not newly_unfilled:
        return None
    return IntentChange(
        new.intent.id,
        CHANGED,
        values,
        phrases_added=len(now - was),
        phrases_removed=len(was - now),
        empty_answer=is_empty(new) and not is_empty(old),
        unfilled=newly_unfilled,
    )


def _pair_renames(
    changes: list[IntentChange], before: dict[str, ResolvedIntent], after: dict[str, ResolvedIntent]
) -> list[IntentChange]:
    """Read an intent removed and one added with mostly the same phrases as one intent renamed."""
    removed = [c for c in changes if c.status == REMOVED]
    result = list(changes)
    for added in (c for c in changes if c.status == ADDED):
        new = _phrases(after[added.intent])
        best: tuple[float, IntentChange] | None = None
        for gone in removed:
            old = _phrases(before[gone.intent])
            overlap = len(old & new) / max(1, min(len(old), len(new)))
            if overlap >= RENAME_OVERLAP and (best is None or overlap > best[0]):
                best = (overlap, gone)
        if best is None:
            continue
        gone = best[1]
        removed.remove(gone)
        result.remove(gone)
        renamed = _renamed(before[gone.intent], after[added.intent])
        result[result.index(added)] = renamed
    return result


def _renamed(old: ResolvedIntent, new: ResolvedIntent) -> IntentChange:
    was, now = _phrases(old), _phrases(new)
    return IntentChange(
        new.intent.id,
        RENAMED,
        _value_changes(old, new),
        phrases_added=len(now - was),
        phrases_removed=len(was - now),
        renamed_from=old.intent.id,
        empty_answer=is_empty(new) and not is_empty(old),
        unfilled=tuple(name for name in new.unresolved if name not in old.unresolved),
    )


def message_changes(base: Library, head: Library, slug: str, language: str) -> tuple[MessageChange, ...]:
    """The bot's own sentences whose wording changes for the council in `language`."""
    old_council, new_council = base.council(slug), head.council(slug)
    if old_council is None or new_council is None:
        return ()
    speaks = language in old_council.languages and language in new_council.languages
    if not speaks:
        return ()
    changes = []
    for message_id in sorted({*base.messages, *head.messages}):
        was = _message(base, old_council, message_id, language)
        now = _message(head, new_council, message_id, language)
        if (was.value if was else "") != (now.value if now else ""):
            changes.append(
                MessageChange(
                    message_id,
                    was.value if was else "",
                    now.value if now else "",
                    was.layer if was else "",
                    now.layer if now else "",
                )
            )
    return tuple(changes)


def _message(library: Library, council: Council, message_id: str, language: str) -> Sourced[str] | None:
    try:
        return resolve_message(library, council, message_id, language)
    except KeyError:  # the message is not in this revision
        return None
