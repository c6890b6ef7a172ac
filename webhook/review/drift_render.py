"""`sync-intents drift` as a council officer reads it: text, markdown for a pull request or an issue,
and JSON for tools. The drift itself is built by webhook/review/drift.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from webhook.review.content import ADDED, REMOVED, RENAMED
from webhook.review.drift import (
    CHANGE_WORDS,
    FORMAT_VERSION,
    FROM_OVERLAY,
    CouncilDrift,
    IntentDrift,
    LanguageDrift,
    MessageDrift,
    OverlaySummary,
)
from webhook.review.render import (
    FIELD_WORDS,
    STATUS_WORDS,
    escape_markdown,
    field_words,
    language_name,
)
from webhook.review.serialise import plain_json


def _parts(names: Sequence[str]) -> str:
    return ", ".join(FIELD_WORDS.get(name, name) for name in names)


def overlay_lines(summary: OverlaySummary) -> list[str]:
    """What the overlay changes, a line per kind."""
    if summary.empty:
        return ["nothing: every intent and message as the library words it"]
    lines = []
    if summary.disabled:
        lines.append(f"disabled: {', '.join(summary.disabled)}")
    answers = [o for o in summary.overridden if o.parts]
    phrases_only = [o for o in summary.overridden if not o.parts and o.extra_phrases]
    if answers:
        described = [
            f"{o.intent} ({_parts(o.parts)}" + (f"; +{o.extra_phrases} phrases)" if o.extra_phrases else ")")
            for o in answers
        ]
        lines.append(f"answers you word yourself: {', '.join(described)}")
    if phrases_only:
        lines.append(
            f"extra training phrases: {', '.join(f'{o.intent} (+{o.extra_phrases})' for o in phrases_only)}"
        )
    if summary.messages:
        lines.append(f"messages you reword: {', '.join(summary.messages)}")
    if summary.stale:
        lines.append(f"no longer in the library (remove them from the overlay): {', '.join(summary.stale)}")
    return lines


def intent_head(drift: IntentDrift) -> str:
    """One line for a library change to an intent, with what the overlay does about it."""
    change = drift.change
    if drift.new:
        words = "NEW in the library: " + (
            "you disabled it already" if drift.you_disabled else "now offered to your residents"
        )
    elif change.status == ADDED:
        words = "now answered in this language"
    elif change.status == RENAMED:
        words = f"renamed from {change.renamed_from}"
    else:
        words = CHANGE_WORDS.get(change.status, STATUS_WORDS[change.status])
    flags = []
    if not drift.new and (change.phrases_added or change.phrases_removed):
        flags.append(f"training phrases +{change.phrases_added} -{change.phrases_removed}")
    if not drift.new and drift.you_disabled:
        flags.append("you disabled this")
    if drift.you_override:
        flags.append(f"you override this: {_parts(drift.you_override)}")
    if change.status in (REMOVED, RENAMED) and (drift.you_disabled or drift.you_override):
        flags.append("your overlay still names the old id")
    if not drift.residents_see and not drift.new:
        flags.append("your residents do not see this")
    if change.empty_answer:
        flags.append("ANSWER IS EMPTY")
    return f"{change.intent}: {words}" + (f" [{'; '.join(flags)}]" if flags else "")


def _value_lines(drift: IntentDrift) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """(heading, before, after) per changed part, the heading saying whether the council overrides it."""
    found = []
    for value in drift.change.values:
        heading = field_words(value.field)
        if value.field in drift.you_override:
            heading += " (you override this: your own wording is what residents see)"
        found.append((heading, value.before, value.after))
    return found


def _message_head(drift: MessageDrift) -> str:
    flags = ["you reword this"] if drift.you_reword else []
    if not drift.residents_see:
        flags.append("your residents do not see this")
    return f"message {drift.change.message}" + (f" [{'; '.join(flags)}]" if flags else "")


def _title(drift: CouncilDrift) -> str:
    if drift.baseline is None:
        return f"{drift.council} ({drift.name}): no `reviewed:` date in {drift.overlay_path}"
    return f"{drift.council} ({drift.name}): what the shared library changed since {drift.baseline.since}"


def _compared(drift: CouncilDrift) -> str:
    baseline = drift.baseline
    assert baseline is not None
    day = "your `reviewed:` day" if baseline.source == FROM_OVERLAY else "--since"
    return (
        f"compared: the library at {baseline.commit[:10]} (committed {baseline.committed}: the last commit "
        f"on or before {day}) with the working tree, your overlay as it is now applied to both"
    )


def _commit_heading(drift: CouncilDrift) -> str:
    assert drift.baseline is not None
    return f"Commits touching intents/ since {drift.baseline.since}: {drift.commit_count}"


def text_lines(drifts: Sequence[CouncilDrift]) -> list[str]:
    """The drift report for a terminal."""
    lines: list[str] = []
    for drift in drifts:
        if lines:
            lines.append("")
        lines.append(_title(drift))
        if drift.baseline is not None:
            lines.append(f"  {_compared(drift)}")
        lines += [f"  warning: {warning}" for warning in drift.warnings]
        for language in drift.languages:
            lines += ["", f"== {language_name(language.language)}", "  What your overlay changes:"]
            lines += [f"    {line}" for line in overlay_lines(language.overlay)]
            if drift.baseline is not None:
                lines += _text_changes(language)
        if drift.baseline is not None:
            lines += ["", _commit_heading(drift) + (" (newest first)" if drift.commits else "")]
            lines += [f"  {c.sha} {c.date} {c.subject}" for c in drift.commits]
            if drift.commit_count > len(drift.commits):
                lines.append(f"  and {drift.commit_count - len(drift.commits)} more")
            if drift.uncommitted:
                lines.append("  and changes to intents/ not committed yet (included above)")
        lines += ["", drift.next_step]
    return lines


def _text_changes(language: LanguageDrift) -> list[str]:
    if not language.intents and not language.messages:
        return ["  The library changed nothing for your residents in this language."]
    lines = []
    new = [d for d in language.intents if d.new]
    changed = [d for d in language.intents if not d.new]
    if new:
        lines.append("  NEW in the library (offered to your residents unless you disable them):")
        lines += _text_intents(new)
    if changed:
        lines.append("  Changed in the library:")
        lines += _text_intents(changed)
    if language.messages:
        lines.append("  The bot's own sentences changed in the library:")
    for message in language.messages:
        lines.append(f"    {_message_head(message)}")
        if message.change.before:
            lines.append(f"        - {message.change.before}")
        if message.change.after:
            lines.append(f"        + {message.change.after}")
    return lines


def _text_intents(drifts: Sequence[IntentDrift]) -> list[str]:
    lines = []
    for drift in drifts:
        lines.append(f"    {intent_head(drift)}")
        for heading, before, after in _value_lines(drift):
            lines.append(f"      {heading}:")
            lines += [f"        - {line}" for line in before]
            lines += [f"        + {line}" for line in after]
    return lines


def markdown(drifts: Sequence[CouncilDrift]) -> str:
    """The drift report as markdown, e.g. for an issue or the council's review notes."""
    lines: list[str] = []
    for drift in drifts:
        lines += [f"## {escape_markdown(_title(drift))}", ""]
        if drift.baseline is not None:
            lines += [f"_{_compared(drift)}_", ""]  # our own words, dates and a commit id
        lines += [f"> :warning: {escape_markdown(warning)}" for warning in drift.warnings]
        for language in drift.languages:
            lines += [f"### {language_name(language.language)}", "", "**What your overlay changes**", ""]
            lines += [f"- {escape_markdown(line)}" for line in overlay_lines(language.overlay)]
            lines.append("")
            if drift.baseline is not None:
                lines += _markdown_changes(language)
        if drift.baseline is not None:
            lines += [f"**{escape_markdown(_commit_heading(drift))}**", ""]
            lines += [f"- `{c.sha}` {c.date} {escape_markdown(c.subject)}" for c in drift.commits]
            if drift.commit_count > len(drift.commits):
                lines.append(f"- and {drift.commit_count - len(drift.commits)} more")
            if drift.uncommitted:
                lines.append("- and changes to intents/ not committed yet (included above)")
            lines.append("")
        lines += [drift.next_step, ""]  # our own words: its `reviewed:` is meant as code
    return "\n".join(lines)


def _markdown_changes(language: LanguageDrift) -> list[str]:
    if not language.intents and not language.messages:
        return ["_The library changed nothing for your residents in this language._", ""]
    lines = ["**What the library changed**", ""]
    ordered = [d for d in language.intents if d.new] + [d for d in language.intents if not d.new]
    for drift in ordered:
        head = escape_markdown(intent_head(drift))
        lines.append(f"- **{head}**" if drift.new else f"- {head}")
        for heading, before, after in _value_lines(drift):
            lines.append(f"  - {escape_markdown(heading)}:")
            lines += [f"    - before: {escape_markdown(line)}" for line in before]
            lines += [f"    - after: {escape_markdown(line)}" for line in after]
    if language.messages:
        lines += ["", "**The bot's own sentences**", ""]
    for message in language.messages:
        lines.append(f"- {escape_markdown(_message_head(message))}")
        if message.change.before:
            lines.append(f"  - before: {escape_markdown(message.change.before)}")
        if message.change.after:
            lines.append(f"  - after: {escape_markdown(message.change.after)}")
    lines.append("")
    return lines


def _intent_json(drift: IntentDrift) -> dict[str, Any]:
    return {
        **asdict(drift.change),
        "new": drift.new,
        "residents_see": drift.residents_see,
        "you_disabled": drift.you_disabled,
        "you_override": drift.you_override,
        "in_other_language": drift.in_other_language,
    }


def _council_json(drift: CouncilDrift) -> dict[str, Any]:
    return {
        "council": drift.council,
        "name": drift.name,
        "overlay": drift.overlay_path,
        "reviewed": drift.reviewed,
        "baseline": asdict(drift.baseline) if drift.baseline else None,
        "languages": [
            {
                "language": language.language,
                "overlay": asdict(language.overlay),
                "intents": [_intent_json(d) for d in language.intents],
                "messages": [
                    {**asdict(m.change), "residents_see": m.residents_see, "you_reword": m.you_reword}
                    for m in language.messages
                ],
            }
            for language in drift.languages
        ],
        "commits": [asdict(c) for c in drift.commits],
        "commit_count": drift.commit_count,
        "uncommitted": drift.uncommitted,
        "warnings": drift.warnings,
        "next": drift.next_step,
    }


def as_json(drifts: Sequence[CouncilDrift], today: dt.date) -> dict[str, Any]:
    """The drift report as plain JSON values: keys in a fixed order and nothing timed, so the same
    history gives the same output."""
    report = {"format": FORMAT_VERSION, "today": today, "councils": [_council_json(d) for d in drifts]}
    plain: dict[str, Any] = plain_json(report)
    return plain
