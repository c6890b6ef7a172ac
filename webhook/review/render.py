"""The review as a reviewer reads it: text for a terminal, markdown for a pull request comment.

The markdown starts with a hidden marker, so the workflow finds its own comment to update instead of
adding another, and folds each council into a <details> block whose summary says what changes.
"""

from __future__ import annotations

import html

from webhook.review.agent import AgentChange
from webhook.review.content import ADDED, CHANGED, DISABLED, ENABLED, REMOVED, RENAMED, IntentChange
from webhook.review.report import Review, Section
from webhook.review.understanding import Measure, UnderstandingChange

MARKER = "<!-- sync-intents-diff -->"
LANGUAGE_NAMES = {"en": "English", "cy": "Welsh"}
STATUS_WORDS = {
    ADDED: "new intent",
    REMOVED: "intent removed",
    CHANGED: "changes",
    ENABLED: "now offered (was disabled)",
    DISABLED: "disabled: no longer offered",
    RENAMED: "renamed",
}
FIELD_WORDS = {"text": "answer", "quick_replies": "quick replies", "links": "links", "card": "card"}
MARKS = {"create": "+", "update": "~", "delete": "-"}
SHOWN_CONFUSIONS = 5


def _side(revision_ref: str, commit: str) -> str:
    return f"{revision_ref} ({commit[:10]})" if commit else revision_ref


def language_name(code: str) -> str:
    """ "Welsh (cy)": a language as a reader is told it."""
    return f"{LANGUAGE_NAMES.get(code, code)} ({code})"


def field_words(name: str) -> str:
    """A part of an answer in words ("links", "question asked for postcode")."""
    if name.startswith("prompt:"):
        return f"question asked for {name.partition(':')[2]}"
    return FIELD_WORDS.get(name, name)


def _intent_head(change: IntentChange) -> str:
    words = STATUS_WORDS[change.status]
    if change.status == RENAMED:
        words = f"renamed from {change.renamed_from}"
    extra = []
    if change.phrases_added or change.phrases_removed:
        extra.append(f"training phrases +{change.phrases_added} -{change.phrases_removed}")
    if change.empty_answer:
        extra.append("ANSWER IS EMPTY")
    if change.unfilled:
        extra.append(f"placeholders left unfilled: {', '.join(change.unfilled)}")
    return f"{change.intent}: {words}" + (f" ({'; '.join(extra)})" if extra else "")


def _agent_line(change: AgentChange) -> str:
    label = "entity type" if change.kind == "entity_type" else "intent"
    parts = []
    if change.fields:
        parts.append(f"changed: {', '.join(change.fields)}")
    what = "entries" if change.kind == "entity_type" else "phrases"
    if change.phrases_added or change.phrases_removed:
        parts.append(f"{what} +{len(change.phrases_added)} -{len(change.phrases_removed)}")
    if change.responses_added or change.responses_removed:
        parts.append(f"response lines +{len(change.responses_added)} -{len(change.responses_removed)}")
    if change.prompts_changed:
        parts.append(f"prompts: {', '.join(change.prompts_changed)}")
    return f"{MARKS[change.action]} {change.action} {label} {change.name}" + (
        f" ({'; '.join(parts)})" if parts else ""
    )


def _measure_line(measure: Measure) -> str:
    points = measure.change * 100
    return (
        f"{measure.source}: {measure.accuracy_before:.1%} -> {measure.accuracy_after:.1%} "
        f"({points:+.1f} points) over {measure.examples} utterances"
    )


def _measure_details(measure: Measure) -> list[str]:
    lines = []
    for shift in measure.shifts:
        word = "gains" if shift.right_after > shift.right_before else "loses"
        lines.append(
            f"{shift.intent} {word}: {shift.right_before} -> {shift.right_after} "
            f"of {shift.examples} understood"
        )
    for confusion in measure.confusions[:SHOWN_CONFUSIONS]:
        lines.append(
            f"{confusion.after} test utterance{'s' if confusion.after != 1 else ''} of {confusion.expected} "
            f"now go to {confusion.predicted} (before: {confusion.before})"
        )
    if len(measure.confusions) > SHOWN_CONFUSIONS:
        lines.append(f"and {len(measure.confusions) - SHOWN_CONFUSIONS} more confusions that grew")
    return lines


def _understanding_lines(understanding: UnderstandingChange) -> list[str]:
    if not understanding.retrained or not understanding.measures:
        return [understanding.note]
    return [_measure_line(m) for m in understanding.measures]


def summary_line(section: Section) -> str:
    """What changes for a council in one language, in a few words."""
    parts = []
    if section.note:
        parts.append(section.note)
    if section.intents:
        parts.append(f"{len(section.intents)} intent{'s' if len(section.intents) != 1 else ''}")
    if section.messages:
        parts.append(f"{len(section.messages)} message{'s' if len(section.messages) != 1 else ''}")
    if section.agent:
        parts.append(f"{len(section.agent)} Dialogflow change{'s' if len(section.agent) != 1 else ''}")
    understanding = section.understanding
    if understanding and understanding.measures:
        parts.append(
            "understanding " + ", ".join(f"{m.change * 100:+.1f} pts" for m in understanding.measures)
        )
    return f"{section.language}: {'; '.join(parts)}"


def _unchanged(review: Review) -> list[str]:
    touched = {section.council for section in review.sections}
    return [slug for slug in review.councils if slug not in touched]


def text_lines(review: Review) -> list[str]:
    """The review for a terminal."""
    base, head = _side(review.base.ref, review.base.commit), _side(review.head.ref, review.head.commit)
    lines = [f"Comparing {base} with {head}"]
    lines += [f"warning: {warning}" for warning in review.warnings]
    if not review.sections:
        lines.append("No council's bot changes.")
    for section in review.sections:
        lines.append("")
        lines.append(f"== {section.council}, {language_name(section.language)}")
        if section.note:
            lines.append(f"  {section.note}")
        for change in section.intents:
            lines.append(f"  {_intent_head(change)}")
            for value in change.values:
                lines.append(f"    {field_words(value.field)}:")
                lines += [f"      - {line}  [{value.layer_before}]" for line in value.before]
                lines += [f"      + {line}  [{value.layer_after}]" for line in value.after]
        for message in section.messages:
            lines.append(f"  message {message.message}:")
            if message.before:
                lines.append(f"      - {message.before}  [{message.layer_before}]")
            if message.after:
                lines.append(f"      + {message.after}  [{message.layer_after}]")
        if section.agent:
            lines.append("  Dialogflow (what `apply` would do):")
            lines += [f"    {_agent_line(change)}" for change in section.agent]
        if section.understanding is not None:
            lines.append("  Understanding:")
            lines += [f"    {line}" for line in _understanding_lines(section.understanding)]
            for measure in section.understanding.measures:
                lines += [f"      {line}" for line in _measure_details(measure)]
    if unchanged := _unchanged(review):
        lines.append("")
        lines.append(f"Unchanged: {', '.join(unchanged)}")
    lines.append("")
    lines += _verdict(review)
    return lines


def _verdict(review: Review) -> list[str]:
    blockers = review.blockers()
    if blockers:
        return ["Check fails:", *(f"  {blocker}" for blocker in blockers)]
    understood = "" if review.understanding else " (understanding not checked: pass --understanding)"
    return [f"Check passes{understood}."]


def escape_markdown(text: str) -> str:
    """Text safe inside markdown and HTML: what a council wrote must not become markup."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("`", "'")


def markdown(review: Review) -> str:
    """The review as one pull request comment, collapsed per council."""
    affected = sorted({s.council for s in review.sections})
    lines = [
        MARKER,
        "## What this change does for each council's residents",
        "",
        f"Comparing `{escape_markdown(_side(review.base.ref, review.base.commit))}` with "
        f"`{escape_markdown(_side(review.head.ref, review.head.commit))}`: "
        f"{len(affected)} of {len(review.councils)} councils affected.",
    ]
    lines += [f"> :warning: {escape_markdown(warning)}" for warning in review.warnings]
    blockers = review.blockers()
    lines.append("")
    if blockers:
        lines.append("**Check fails:**")
        lines += [f"- {escape_markdown(blocker)}" for blocker in blockers]
    else:
        lines += _verdict(review)
    for council in affected:
        sections = [s for s in review.sections if s.council == council]
        summary = "; ".join(escape_markdown(summary_line(s)) for s in sections)
        lines += [
            "",
            f"<details><summary><strong>{escape_markdown(council)}</strong>: {summary}</summary>",
            "",
        ]
        for section in sections:
            lines += _markdown_section(section)
        lines += ["</details>"]
    if unchanged := _unchanged(review):
        lines += ["", f"Unchanged for residents: {', '.join(unchanged)}."]
    return "\n".join(lines) + "\n"


def _markdown_section(section: Section) -> list[str]:
    lines = [f"#### {language_name(section.language)}", ""]
    if section.note:
        lines += [f"_{escape_markdown(section.note)}_", ""]
    if section.intents:
        lines.append("**Answers and intents**")
        lines.append("")
        for change in section.intents:
            lines.append(f"- {escape_markdown(_intent_head(change))}")
            for value in change.values:
                lines.append(f"  - {escape_markdown(field_words(value.field))}:")
                lines += [
                    f"    - before: {escape_markdown(line)} `{value.layer_before}`" for line in value.before
                ]
                lines += [
                    f"    - after: {escape_markdown(line)} `{value.layer_after}`" for line in value.after
                ]
        lines.append("")
    if section.messages:
        lines.append("**The bot's own sentences**")
        lines.append("")
        for message in section.messages:
            lines.append(f"- `{message.message}`")
            if message.before:
                lines.append(f"  - before: {escape_markdown(message.before)} `{message.layer_before}`")
            if message.after:
                lines.append(f"  - after: {escape_markdown(message.after)} `{message.layer_after}`")
        lines.append("")
    if section.agent:
        lines.append("**Dialogflow agent** (what `apply` would do)")
        lines.append("")
        lines += [f"- {escape_markdown(_agent_line(change))}" for change in section.agent]
        lines.append("")
    if section.understanding is not None:
        lines.append("**Understanding**")
        lines.append("")
        lines += [f"- {escape_markdown(line)}" for line in _understanding_lines(section.understanding)]
        for measure in section.understanding.measures:
            lines += [f"  - {escape_markdown(line)}" for line in _measure_details(measure)]
        lines.append("")
    return lines
