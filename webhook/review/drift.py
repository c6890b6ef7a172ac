"""`sync-intents drift`: what a council's overlay changes, and what the shared library changed under it
since the council last reviewed it (`reviewed:` in its overlay, or --since).

The library at the last commit on or before the reviewed day is compared with the working tree twice,
both times for the council's own residents:

- with the council's current overlay on both sides, so its own edits since that day do not show and
  what remains is what the sector changed for its residents;
- with its overrides, disabled intents and reworded messages taken away on both sides, so a library
  change its own wording hides still shows, flagged "you override this" or "you disabled this": the
  council then decides whether its wording still fits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from webhook.library.model import Council, Library, localise
from webhook.library.problems import Severity
from webhook.library.resolve import RESPONSE_FIELDS
from webhook.review.content import (
    ADDED,
    CHANGED,
    REMOVED,
    IntentChange,
    MessageChange,
    intent_changes,
    message_changes,
)
from webhook.review.revision import WORKING_TREE, git, load_revision, repository_of

FORMAT_VERSION = 1
#: Commits touching intents/ listed at most; the rest are counted.
COMMITS_SHOWN = 30
#: Where --since came from, as the report says it.
FROM_OVERLAY, FROM_OPTION = "reviewed", "--since"
#: How a library change reads to the council (the diff's words are a reviewer's).
CHANGE_WORDS = {CHANGED: "changed", REMOVED: "removed from the library"}


class DriftError(ValueError):
    """A drift report that cannot be made as asked: an unknown council, or a date git has no library for."""


@dataclass(frozen=True)
class OverriddenIntent:
    """An intent whose answer or training phrases the overlay changes in one language."""

    intent: str
    #: The parts of the answer the council words itself (text, quick_replies, links, card).
    parts: tuple[str, ...]
    extra_phrases: int


@dataclass(frozen=True)
class OverlaySummary:
    """What the council's overlay changes in one language."""

    disabled: tuple[str, ...]
    overridden: tuple[OverriddenIntent, ...]
    messages: tuple[str, ...]
    #: Intents the overlay disables or overrides that the library no longer has.
    stale: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        """Whether the council takes the library as it is in this language."""
        return not (self.disabled or self.overridden or self.messages)


@dataclass(frozen=True)
class IntentDrift:
    """A library change to one intent, with what the council's overlay does about it."""

    #: The library's own values before and after (the overlay taken away, so nothing is hidden).
    change: IntentChange
    #: Whether the council's residents see any of it (their bot's answer, prompts or phrases change).
    residents_see: bool
    you_disabled: bool = False
    #: The changed parts of the answer that the council words itself.
    you_override: tuple[str, ...] = ()
    #: For an intent added in this language: it was in the library already, in another language.
    in_other_language: bool = False

    @property
    def new(self) -> bool:
        """An intent new to the library: offered to the council's residents unless it disables it."""
        return self.change.status == ADDED and not self.in_other_language


@dataclass(frozen=True)
class MessageDrift:
    """A library change to one of the bot's own sentences, with whether the council rewords it."""

    change: MessageChange
    residents_see: bool
    you_reword: bool = False


@dataclass(frozen=True)
class LanguageDrift:
    """The overlay and the library's changes under it, in one language the council speaks."""

    language: str
    overlay: OverlaySummary
    intents: tuple[IntentDrift, ...] = ()
    messages: tuple[MessageDrift, ...] = ()


@dataclass(frozen=True)
class Commit:
    """A commit touching intents/: short id, committer date, subject."""

    sha: str
    date: str
    subject: str


@dataclass(frozen=True)
class Baseline:
    """The library the council last reviewed: the last commit on or before the day, on HEAD."""

    since: dt.date
    #: FROM_OVERLAY (the overlay's `reviewed:`) or FROM_OPTION.
    source: str
    commit: str
    committed: str


@dataclass(frozen=True)
class CouncilDrift:
    """Everything `drift` reports for one council."""

    council: str
    name: str
    #: The overlay's path from the library folder, where `reviewed:` is set.
    overlay_path: str
    reviewed: dt.date | None
    today: dt.date
    languages: tuple[LanguageDrift, ...]
    #: None without a `reviewed:` date or --since: the overlay alone is reported.
    baseline: Baseline | None = None
    commits: tuple[Commit, ...] = ()
    commit_count: int = 0
    #: Whether intents/ has changes not yet committed (the working tree is the newer side).
    uncommitted: bool = False
    warnings: tuple[str, ...] = ()

    @property
    def next_step(self) -> str:
        """What the officer does next."""
        if self.baseline is None:
            return (
                f"Next: add `reviewed: YYYY-MM-DD` (the day the council last checked the shared library) to "
                f"{self.overlay_path}, or pass --since YYYY-MM-DD, to list what the library changed since."
            )
        return (
            f"Next: review what changed above, then set `reviewed: {self.today.isoformat()}` "
            f"in {self.overlay_path}."
        )


# -- the overlay -------------------------------------------------------------------------------------


def reviewed_date(council: Council) -> dt.date | None:
    """The overlay's `reviewed:` day: YAML reads an unquoted date as a date, a quoted one as text."""
    value = council.document.data.get("reviewed")
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DriftError(
            f"reviewed: {value!r} in {council.slug}'s overlay is not a date such as 2026-11-01"
        ) from None


def overlay_summary(library: Library, council: Council, language: str) -> OverlaySummary:
    """What the overlay disables, overrides and rewords in `language`, in id order."""
    overridden = []
    for intent_id, by_language in sorted(council.overrides.items()):
        override = by_language.get(language)
        if override is None:
            continue
        parts = tuple(name for name in RESPONSE_FIELDS if name in override.responses)
        overridden.append(OverriddenIntent(intent_id, parts, len(override.extra_phrases)))
    messages = tuple(sorted(m for m, texts in council.messages.items() if language in texts))
    named = {*council.disabled, *(o.intent for o in overridden)}
    return OverlaySummary(
        disabled=tuple(sorted(council.disabled)),
        overridden=tuple(overridden),
        messages=messages,
        stale=tuple(sorted(i for i in named if i not in library.intents)),
    )


def _bare(council: Council) -> Council:
    """The council with nothing of its own wording: every library intent offered as the library says it.
    Its facts, tier and county stay, so answers are still filled in and routed as for its residents."""
    return replace(council, overrides={}, disabled=(), messages={})


def with_council(library: Library, council: Council) -> Library:
    """The library with this council's overlay in place of its own (a fresh memo: resolved answers are
    remembered per council slug, and the overlay differs)."""
    return replace(library, councils={**library.councils, council.slug: council}, memo={})


# -- the comparison ----------------------------------------------------------------------------------


def language_drift(base: Library, head: Library, council: Council, language: str) -> LanguageDrift:
    """The library's changes between `base` and `head` for `council` in `language`, each flagged with
    what the council's overlay does about it. `council` is applied to both sides."""
    slug = council.slug
    seen_base, seen_head = with_council(base, council), with_council(head, council)
    bare = _bare(council)
    bare_base, bare_head = with_council(base, bare), with_council(head, bare)
    seen = {change.intent: change for change in intent_changes(seen_base, seen_head, slug, language)}
    library_changes = {c.intent: c for c in intent_changes(bare_base, bare_head, slug, language)}
    # A change only the resolved answers show (the council's own wording names something that moved).
    changes = {**{i: c for i, c in seen.items() if i not in library_changes}, **library_changes}
    intents = tuple(
        _intent_drift(changes[intent_id], council, language, intent_id in seen, base)
        for intent_id in sorted(changes)
    )
    seen_messages = {m.message for m in message_changes(seen_base, seen_head, slug, language)}
    messages = tuple(
        MessageDrift(
            change, change.message in seen_messages, language in council.messages.get(change.message, {})
        )
        for change in message_changes(bare_base, bare_head, slug, language)
    )
    return LanguageDrift(language, overlay_summary(head, council, language), intents, messages)


def _intent_drift(
    change: IntentChange, council: Council, language: str, residents_see: bool, base: Library
) -> IntentDrift:
    # After a rename the overlay may still name the old id: its wording then no longer applies.
    named = [i for i in (change.intent, change.renamed_from) if i]
    overridden_parts = {
        part
        for intent_id in named
        if (override := council.overrides.get(intent_id, {}).get(language)) is not None
        for part in override.responses
    }
    changed_parts = {value.field for value in change.values}
    return IntentDrift(
        change,
        residents_see,
        you_disabled=any(intent_id in council.disabled for intent_id in named),
        you_override=tuple(part for part in RESPONSE_FIELDS if part in overridden_parts & changed_parts),
        in_other_language=change.status == ADDED and change.intent in base.intents,
    )


# -- git ---------------------------------------------------------------------------------------------


def _git(repository: Path, *args: str) -> str:
    return git(repository, *args).decode("utf-8", "replace").strip()


def baseline_commit(repository: Path, since: dt.date, today: dt.date) -> tuple[str, str]:
    """The last commit on HEAD at or before the end of `since`, and its date. DriftError for a day in
    the future or before the repository's first commit."""
    if since > today:
        raise DriftError(f"{since.isoformat()} is in the future (today is {today.isoformat()})")
    found = _git(repository, "rev-list", "-1", f"--before={since.isoformat()} 23:59:59", "HEAD")
    if not found:
        first = min(_git(repository, "log", "--max-parents=0", "--format=%cs", "HEAD").split())
        shallow = _git(repository, "rev-parse", "--is-shallow-repository") == "true"
        hint = " (a shallow clone: `git fetch --unshallow` brings the rest)" if shallow else ""
        raise DriftError(
            f"{since.isoformat()} is before the repository's history: its first commit is dated {first}{hint}"
        )
    return found, _git(repository, "log", "-1", "--format=%cs", found)


def library_commits(repository: Path, path: str, base: str, limit: int) -> tuple[tuple[Commit, ...], int]:
    """The commits after `base` on HEAD that touch `path` (newest first, at most `limit`), and how many
    there are in all."""
    logged = _git(repository, "log", f"-{limit}", "--format=%h%x1f%cs%x1f%s", f"{base}..HEAD", "--", path)
    commits = tuple(Commit(*line.split("\x1f", 2)) for line in logged.splitlines() if line)
    count = int(_git(repository, "rev-list", "--count", f"{base}..HEAD", "--", path) or 0)
    return commits, count


# -- the report --------------------------------------------------------------------------------------


def build_drift(
    library_root: Path,
    slugs: Sequence[str] | None = None,
    *,
    today: dt.date,
    since: dt.date | None = None,
    commits_shown: int = COMMITS_SHOWN,
) -> tuple[CouncilDrift, ...]:
    """The drift of each council in `slugs` (default: every council), in the order given. `since`
    replaces every overlay's `reviewed:` day. Raises DriftError or RevisionError."""
    repository, inside = repository_of(library_root)
    loaded = load_revision(library_root, WORKING_TREE)
    head = loaded.library
    chosen = list(slugs) if slugs else sorted(head.councils)
    for slug in chosen:
        if head.council(slug) is None:
            raise DriftError(_no_council(library_root, slug, loaded.unloaded, sorted(head.councils)))
    intents_path = f"{inside}/intents" if inside else "intents"
    bases: dict[str, tuple[Library, int]] = {}
    drifts = []
    for slug in chosen:
        council = head.councils[slug]
        reviewed = reviewed_date(council)
        day = since or reviewed
        overlay_path = council.document.path.relative_to(head.root).as_posix()
        if day is None:
            languages = tuple(
                LanguageDrift(language, overlay_summary(head, council, language))
                for language in council.languages
            )
            drifts.append(CouncilDrift(slug, _name(council), overlay_path, reviewed, today, languages))
            continue
        commit, committed = baseline_commit(repository, day, today)
        if commit not in bases:
            found = load_revision(library_root, commit)
            bases[commit] = (found.library, sum(p.severity is Severity.ERROR for p in found.problems))
        base, errors = bases[commit]
        commits, count = library_commits(repository, intents_path, commit, commits_shown)
        drifts.append(
            CouncilDrift(
                slug,
                _name(council),
                overlay_path,
                reviewed,
                today,
                tuple(language_drift(base, head, council, language) for language in council.languages),
                Baseline(day, FROM_OPTION if since else FROM_OVERLAY, commit, committed),
                commits,
                count,
                uncommitted=bool(_git(repository, "status", "--porcelain", "--", intents_path)),
                warnings=(
                    f"the library at {commit[:10]} has {errors} error(s) `sync-intents validate` reports; "
                    "files that did not load are missing from this comparison",
                )
                if errors
                else (),
            )
        )
    return tuple(drifts)


def _name(council: Council) -> str:
    return localise(council.name, council.languages[0]) or council.slug


def _no_council(root: Path, slug: str, unloaded: Mapping[Path, Any], known: list[str]) -> str:
    path = (root / "councils" / slug / "council.yaml").resolve()
    if path in unloaded:
        return f"{slug}'s overlay does not load ({unloaded[path]}): run `sync-intents validate`"
    return f"no council {slug} (known: {', '.join(known)})"
