"""The review of a change: per council and language, what residents will see change, what `apply` would
do to the council's Dialogflow agent and, when asked, what it does to understanding.

Only councils and languages that something changes for get a section, so a change to one intent names
exactly the councils and languages it reaches.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from webhook.dialogflow.compile import CompileError
from webhook.library.model import Library
from webhook.library.problems import Severity
from webhook.review.agent import AgentChange, agent_plan, changes_by_language
from webhook.review.content import (
    RENAMED,
    IntentChange,
    MessageChange,
    intent_changes,
    message_changes,
)
from webhook.review.revision import WORKING_TREE, commit_of, load_revision
from webhook.review.understanding import UnderstandingChange, Yardsticks, compare_understanding

#: How far accuracy on a set of test utterances may fall, in points, before the check fails.
DEFAULT_MARGIN = 2.0


class ReviewError(ValueError):
    """A review that cannot be made as asked (e.g. a council in neither revision)."""


@dataclass(frozen=True)
class Section:
    """What changes for one council in one language."""

    council: str
    language: str
    intents: tuple[IntentChange, ...] = ()
    messages: tuple[MessageChange, ...] = ()
    agent: tuple[AgentChange, ...] = ()
    understanding: UnderstandingChange | None = None
    note: str = ""

    @property
    def changed(self) -> bool:
        """Whether anything changes here (an unchanged classifier alone is no change)."""
        retrained = self.understanding is not None and self.understanding.retrained
        return bool(self.intents or self.messages or self.agent or retrained or self.note)


@dataclass(frozen=True)
class Revision:
    """One side of the comparison: the ref as given, the commit it names ('' for the working tree),
    and how many problems `validate` would report in loading it."""

    ref: str
    commit: str
    load_errors: int = 0


@dataclass(frozen=True)
class Review:
    """Everything the diff found, in council then language order."""

    base: Revision
    head: Revision
    councils: tuple[str, ...]
    sections: tuple[Section, ...]
    understanding: bool
    margin: float = DEFAULT_MARGIN
    seconds: float = 0.0
    warnings: tuple[str, ...] = field(default_factory=tuple)

    def blockers(self) -> list[str]:
        """Why the check fails: an answer that becomes empty, or understanding falling by more than the
        margin, for any council."""
        found = []
        for section in self.sections:
            where = f"{section.council} ({section.language})"
            for change in section.intents:
                if change.empty_answer:
                    found.append(f"{where}: {change.intent} now answers with nothing")
            if section.understanding is not None:
                for measure in section.understanding.measures:
                    if -measure.change * 100 > self.margin:
                        found.append(
                            f"{where}: accuracy on the {measure.source} falls by "
                            f"{-measure.change * 100:.1f} points (more than {self.margin:g})"
                        )
        return found


def _load(library_root: Path, ref: str) -> tuple[Library, Revision]:
    loaded = load_revision(library_root, ref)
    errors = sum(problem.severity is Severity.ERROR for problem in loaded.problems)
    commit = "" if ref == WORKING_TREE else commit_of(library_root, ref)
    return loaded.library, Revision(ref, commit, errors)


def build_review(
    library_root: Path,
    base_ref: str,
    head_ref: str = WORKING_TREE,
    councils: Sequence[str] | None = None,
    *,
    understanding: bool = False,
    yardsticks: Yardsticks | None = None,
    cache_dir: Path | None = None,
    margin: float = DEFAULT_MARGIN,
) -> Review:
    """Compare the library at `base_ref` with `head_ref` (default: the working tree) for `councils`
    (default: every council in either revision). Raises RevisionError or ReviewError."""
    started = time.perf_counter()
    base, base_revision = _load(library_root, base_ref)
    head, head_revision = _load(library_root, head_ref)
    known = sorted({*base.councils, *head.councils})
    chosen = list(councils) if councils else known
    unknown = [slug for slug in chosen if slug not in known]
    if unknown:
        raise ReviewError(f"no council {', '.join(unknown)} in either revision (known: {', '.join(known)})")
    uncompiled: list[str] = []
    sections = [s for slug in chosen for s in _council_sections(base, head, slug, uncompiled)]
    if understanding:
        sections = _with_understanding(base, head, sections, chosen, yardsticks, cache_dir)
    warnings = tuple(
        f"the {side.ref} revision has {side.load_errors} error(s) that `sync-intents validate` reports; "
        "files that do not load are missing from this comparison"
        for side in (base_revision, head_revision)
        if side.load_errors
    ) + tuple(uncompiled)
    return Review(
        base=base_revision,
        head=head_revision,
        councils=tuple(chosen),
        sections=tuple(s for s in sections if s.changed),
        understanding=understanding,
        margin=margin,
        seconds=time.perf_counter() - started,
        warnings=warnings,
    )


def _languages(base: Library, head: Library, slug: str) -> list[str]:
    found: list[str] = []
    for library in (head, base):
        council = library.council(slug)
        found += council.languages if council else ()
    return list(dict.fromkeys(found))


def _council_sections(base: Library, head: Library, slug: str, uncompiled: list[str]) -> list[Section]:
    """The council's sections, one per language; why its head agent cannot be compiled, if it cannot,
    goes to `uncompiled` (the answers still show, `apply`'s changes cannot)."""
    languages = _languages(base, head, slug)
    old, new = base.council(slug), head.council(slug)
    if old is None or new is None:
        note = "a new council: every intent it offers is new" if old is None else "the council is removed"
        return [Section(slug, language, note=note) for language in languages]
    try:
        plan = agent_plan(base, head, slug)
    except CompileError as error:
        plan = None
        uncompiled.append(
            f"{slug}'s Dialogflow agent cannot be compiled from the head revision ({error}), "
            "so what `apply` would change in it is not shown"
        )
    agent = changes_by_language(plan) if plan else {}
    sections = []
    for language in languages:
        note = ""
        if language not in old.languages:
            note = "a language the council's bot now speaks"
        elif language not in new.languages:
            note = "a language the council's bot no longer speaks"
        sections.append(
            Section(
                slug,
                language,
                intents=intent_changes(base, head, slug, language),
                messages=message_changes(base, head, slug, language),
                agent=agent.get(language, ()),
                note=note,
            )
        )
    return sections


def _with_understanding(
    base: Library,
    head: Library,
    sections: list[Section],
    councils: Sequence[str],
    yardsticks: Yardsticks | None,
    cache_dir: Path | None,
) -> list[Section]:
    renames = {
        change.renamed_from: change.intent
        for section in sections
        for change in section.intents
        if change.status == RENAMED
    }
    pairs = [(slug, language) for slug in councils for language in _languages(base, head, slug)]
    found = compare_understanding(
        base,
        head,
        pairs,
        yardsticks or Yardsticks(head.root / "tests" / "nlu", head.root / "tests" / "conversations"),
        cache_dir=cache_dir,
        renames=renames,
    )
    by_pair = {(u.council, u.language): u for u in found}
    present = {(s.council, s.language) for s in sections}
    result = [
        Section(
            s.council,
            s.language,
            s.intents,
            s.messages,
            s.agent,
            by_pair.get((s.council, s.language)),
            s.note,
        )
        for s in sections
    ]
    result += [
        Section(u.council, u.language, understanding=u)
        for u in found
        if (u.council, u.language) not in present
    ]
    order = {pair: n for n, pair in enumerate(pairs)}
    return sorted(result, key=lambda s: order.get((s.council, s.language), len(order)))
