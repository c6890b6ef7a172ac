"""What a reviewer's Welsh must keep: its {placeholders} (with any `|soft`-style mutation), its
[value](parameter) marks in a training phrase, and the Welsh letters a wrongly saved file loses; and
what it must pass, as the library's Welsh does: the Welsh lint's mutations and the glossary's terms."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from webhook.library.annotations import AnnotationError, parse_phrase
from webhook.library.model import GlossaryTerm
from webhook.library.placeholders import PLACEHOLDER, mutation_reason
from webhook.library.welsh_lint import glossary_findings, lint_welsh

#: What a reviewer may write in the Done column (English or Welsh), and what means "not yet".
DONE_WORDS = frozenset({"done", "ok", "okay", "yes", "y", "x", "✓", "✔", "✅", "native", "iawn", "ie"})
NOT_DONE_WORDS = frozenset({"", "no", "n", "na", "-", "not done"})


def _written(name: str, mutation: str | None) -> str:
    return "{" + name + (f"|{mutation}" if mutation else "") + "}"


def tokens(text: str) -> list[tuple[str, str | None]]:
    """Each placeholder of the text as (name, mutation or None), in order: `{council.name}`, or
    `{council.name|soft}` with the mutation the Welsh needs after the word before it."""
    return [(match.group(1), match.group(2)) for match in PLACEHOLDER.finditer(text)]


def placeholder_problems(current: str, english: str, welsh: str) -> list[str]:
    """Why the new Welsh does not keep the placeholders of the current Welsh.

    Each one must stay as written, mutation included (`{council.name|soft}` may not lose `|soft`); a
    bare one may gain a mutation, since that is how a translator fixes "i Cyngor". A placeholder of
    neither the current Welsh nor the English is refused: the code or the council could not fill it.
    """
    problems = []
    now = tokens(welsh)
    names = {name for name, _ in now}
    for name, mutation in dict.fromkeys(tokens(current)):
        kept = (name, mutation) in now if mutation else name in names
        if not kept:
            problems.append(f"the Welsh must keep {_written(name, mutation)}, written exactly so")
    allowed = {name for name, _ in tokens(current) + tokens(english)}
    for name, mutation in dict.fromkeys(now):
        if name not in allowed:
            has = ", ".join(_written(known, None) for known in sorted(allowed)) or "none"
            problems.append(f"{_written(name, mutation)} is not a placeholder of this text (it has: {has})")
        elif reason := mutation_reason(mutation):
            problems.append(f"{_written(name, mutation)}: {reason}")
    rest = PLACEHOLDER.sub("", welsh)
    if "{" in rest or "}" in rest:
        problems.append(
            "a { or } that is not part of a {placeholder}: copy placeholders exactly from the English"
        )
    return problems


def annotation_problems(current: str, welsh: str, parameters: Collection[str] | None) -> list[str]:
    """Why a training phrase's new Welsh does not keep its [value](parameter) marks. `parameters` are
    the intent's (None: not checked, as for an overlay's extra phrases)."""
    try:
        parts = parse_phrase(welsh)
    except AnnotationError as error:
        return [f"the phrase's [value](parameter) marks are broken: {error}"]
    marked = {part.parameter for part in parts if part.parameter}
    try:
        before = {part.parameter for part in parse_phrase(current) if part.parameter}
    except AnnotationError:
        before = set()
    problems = [
        f"the phrase must keep a [value]({name}) mark, as the current Welsh has"
        for name in sorted(before - marked)
    ]
    if parameters is not None:
        problems += [
            f"[value]({name}) names no parameter of this intent (it has: {', '.join(parameters) or 'none'})"
            for name in sorted(marked - set(parameters))
        ]
    return problems


def lint_problems(welsh: str, glossary: Iterable[GlossaryTerm]) -> list[str]:
    """What `sync-intents validate` would say of the new Welsh: each mutation it leaves out, with the
    form to write, and each council term named otherwise than the glossary names it."""
    problems = [f"{finding.message} (at {finding.written!r})" for finding in lint_welsh(welsh)]
    return problems + [finding.message for finding in glossary_findings(welsh, glossary)]


def lost_letters(current: str, welsh: str) -> bool:
    """Whether the new Welsh is the current one with letters turned into `?`, as happens when a sheet
    is saved in a character set without ŵ and ŷ."""
    return (
        welsh != current
        and len(welsh) == len(current)
        and all(
            new == old or (new == "?" and not old.isascii()) for old, new in zip(current, welsh, strict=True)
        )
    )


def done_mark(cell: str) -> bool | None:
    """True for a Done cell that marks the row done, False for one that does not, None for neither."""
    word = cell.strip().casefold()
    if word in DONE_WORDS:
        return True
    return False if word in NOT_DONE_WORDS else None
