"""Read reviewed sheets back into the library: check every row, then work out the new text of each YAML
file they touch, changing only the reviewed strings and their review marks. Nothing is written while
any row is wrong."""

from __future__ import annotations

import copy
import os
import shutil
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema.exceptions import best_match

from webhook.library.model import Library
from webhook.library.problems import display_path
from webhook.library.schemas import validators
from webhook.library.translations import (
    REVIEWED_STATES,
    ReviewBlock,
    WelshString,
    fingerprint,
    welsh_strings,
)
from webhook.library.yaml_loader import Document, JsonPath, parse_document
from webhook.translations.checks import (
    annotation_problems,
    done_mark,
    lint_problems,
    lost_letters,
    placeholder_problems,
)
from webhook.translations.sheet import RowProblem, SheetRow, read_sheet
from webhook.translations.yaml_edit import EditError, TextEdit, edited_text, replace_value, set_mapping

#: The schema that governs each kind of block's file (see webhook/library/schemas.py).
_SCHEMA_KIND = {"intent": "intent", "messages": "messages", "routing": "routing", "council": "council"}
_PROGRESS_COMMENT = "strings a Welsh speaker has marked done (sync-intents translations import)"


@dataclass(frozen=True)
class Review:
    """What one row asks for: the Welsh (changed or not) and whether the reviewer marked it done."""

    string: WelshString
    welsh: str
    done: bool
    row: SheetRow

    @property
    def changed(self) -> bool:
        return self.welsh != self.string.welsh

    @property
    def newly_done(self) -> bool:
        """Marked done and not yet checked by a Welsh speaker before."""
        return self.done and self.string.review not in REVIEWED_STATES


@dataclass(frozen=True)
class FileChange:
    """A YAML file's new text, and what changed in it (rows marked done may change nothing, as in a
    routing message still waiting for its other strings)."""

    path: Path
    text: str
    changed: int
    marked: int
    outcomes: tuple[str, ...]
    rewrites: bool


@dataclass(frozen=True)
class ImportPlan:
    """What importing the sheets would do; `problems` empty means it may be written."""

    rows: int
    reviews: tuple[Review, ...]
    files: tuple[FileChange, ...]
    problems: tuple[RowProblem, ...]

    def describe(self) -> list[str]:
        """Readable lines: the rows read, each file's changes and review marks, the reviewers' notes."""
        changed = sum(review.changed for review in self.reviews)
        marked = sum(review.newly_done for review in self.reviews)
        lines = [f"read {self.rows} rows: {changed} Welsh texts changed, {marked} newly marked done"]
        for change in self.files:
            lines.append(
                f"{display_path(change.path)}: {change.changed} changed, {change.marked} marked done"
            )
            lines += [f"  {outcome}" for outcome in change.outcomes]
        notes = [review for review in self.reviews if review.row.cell("notes").strip()]
        if notes:
            lines.append("notes from the reviewer:")
            lines += [
                f"  {display_path(r.row.path)}:{r.row.number} {r.string.key}: {r.row.cell('notes').strip()}"
                for r in notes
            ]
        if not self.writes:
            lines.append("nothing to change")
        return lines

    @property
    def writes(self) -> tuple[FileChange, ...]:
        """The files whose text changes."""
        return tuple(change for change in self.files if change.rewrites)


def sheet_paths(paths: Sequence[Path]) -> list[Path]:
    """The sheets named: files as given, and every .csv file of a folder."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob("*.csv")) if path.is_dir() else [path]
    return found


def plan_import(library: Library, paths: Sequence[Path]) -> ImportPlan:
    """Check the reviewed sheets against the library and work out each file's new text."""
    strings = welsh_strings(library)
    by_key = {string.key: string for string in strings}
    reviews: list[Review] = []
    problems: list[RowProblem] = []
    seen: dict[str, SheetRow] = {}
    rows = 0
    for path in sheet_paths(paths):
        sheet_rows, found = read_sheet(path)
        problems += found
        rows += len(sheet_rows)
        for row in sheet_rows:
            review, found = _review(library, row, by_key, seen)
            problems += found
            if review is not None:
                reviews.append(review)
    if problems:
        return ImportPlan(rows, tuple(reviews), (), tuple(problems))
    files, problems = _file_changes(library, strings, reviews)
    return ImportPlan(rows, tuple(reviews), tuple(files), tuple(problems))


def _review(
    library: Library, row: SheetRow, by_key: Mapping[str, WelshString], seen: dict[str, SheetRow]
) -> tuple[Review | None, list[RowProblem]]:
    key = row.cell("key").strip()
    if not key:
        return None, [row.problem("the row has no key: keep the Key column as the export wrote it")]
    if key in seen:
        earlier = seen[key]
        return None, [row.problem(f"{key} is also on {display_path(earlier.path)}:{earlier.number}")]
    seen[key] = row
    string = by_key.get(key)
    if string is None:
        return None, [
            row.problem(
                f"unknown key {key}: the library has no such string (keep keys as exported; if the "
                "library has changed since, export a new sheet)"
            )
        ]
    problems = []
    welsh = row.cell("welsh").strip()
    if welsh == string.welsh.strip():
        welsh = string.welsh  # a spreadsheet's trimming is no change
    done = done_mark(row.cell("done"))
    if not welsh:
        problems.append(f"{key}: the Welsh is empty: write the Welsh, or delete the row to leave it as it is")
    if done is None:
        problems.append(
            f"{key}: the Done column says {row.cell('done').strip()!r}: write done when the Welsh is right, "
            "or leave it empty"
        )
    problems += _staleness(row, string)
    if welsh and welsh != string.welsh:
        problems += [f"{key}: {problem}" for problem in _content_problems(library, string, welsh)]
    if problems:
        return None, [row.problem(problem) for problem in problems]
    return Review(string, welsh, bool(done), row), []


def _staleness(row: SheetRow, string: WelshString) -> list[str]:
    """Why the row no longer matches the library: the English or the Welsh changed since the export."""
    check = row.cell("check").strip()
    english_changed = row.cell("english").strip() != string.english.strip()
    if check == string.fingerprint or (not english_changed and row.cell("welsh").strip() == string.welsh):
        return []  # as exported, or already as the row has it (a sheet imported twice)
    if english_changed:
        return [
            f"{string.key}: stale row: the English has changed since this sheet was exported; it now "
            f"reads {string.english!r}. Check the Welsh against it in a newly exported sheet"
        ]
    if not check:
        return [f"{string.key}: the Check cell is empty: keep it as the export wrote it"]
    return [
        f"{string.key}: stale row: the Welsh in the library has changed since this sheet was exported; "
        f"it now reads {string.welsh!r}. Export a new sheet"
    ]


def _content_problems(library: Library, string: WelshString, welsh: str) -> list[str]:
    if lost_letters(string.welsh, welsh):
        return [
            "Welsh letters have been turned into '?', as happens when a sheet is saved in a character "
            "set without ŵ and ŷ: in Excel save it as 'CSV UTF-8 (Comma delimited)'"
        ]
    problems = placeholder_problems(string.welsh, string.english, welsh)
    if string.is_phrase:
        intent = library.intents.get(string.block.name) if string.block.kind == "intent" else None
        names = [parameter.name for parameter in intent.parameters] if intent else None
        problems += annotation_problems(string.welsh, welsh, names)
    else:  # what the bot says is linted; phrases are Welsh as residents type it, mutations or not
        problems += lint_problems(welsh, library.glossary)
    return problems


def _marks(
    block: ReviewBlock, strings: Sequence[WelshString], reviews: Mapping[str, Review]
) -> tuple[str | None, dict[str, str] | None, str]:
    """A block's new review mark (None: unchanged), its new progress (`native_so_far`, an overlay's
    `welsh_native_so_far`; None: unchanged) and a sentence saying what happened."""
    marked = sum(review.newly_done for review in reviews.values())
    if block.review is None:
        unrecorded = (
            f"{marked} marked done not recorded: council.yaml has no {block.review_field} (write "
            f"`{block.review_field}: needs-welsh-speaker` in it, then import again)"
        )
        return None, None, f"{block.label}: {unrecorded}" if marked else ""
    if block.review in REVIEWED_STATES:
        return None, None, ""
    native: dict[str, str] = {}
    for string in strings:
        review = reviews.get(string.field)
        welsh = review.welsh if review else string.welsh
        if (review is not None and review.done) or string.review in REVIEWED_STATES:
            native[string.field] = fingerprint(string.english, welsh)
    if len(native) == len(strings):
        return "native", {}, f"{block.label}: every string done, so {block.review_field}: native"
    progress = f"{len(native)} of {len(strings)} strings done, {block.review_field} stays {block.review}"
    if block.keeps_progress:
        return None, native, f"{block.label}: {progress}"
    if not marked:
        return None, None, ""
    return None, None, f"{block.label}: {progress} (its file keeps no partial progress)"


def _set(data: Any, path: JsonPath, value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def _file_changes(
    library: Library, strings: Sequence[WelshString], reviews: Sequence[Review]
) -> tuple[list[FileChange], list[RowProblem]]:
    in_block: dict[tuple[Path, JsonPath], list[WelshString]] = defaultdict(list)
    for string in strings:
        in_block[(string.block.document.path, string.block.path)].append(string)
    by_file: dict[Path, list[Review]] = defaultdict(list)
    for review in reviews:
        if review.changed or review.newly_done:
            by_file[review.string.block.document.path].append(review)
    changes, problems = [], []
    for path, file_reviews in by_file.items():
        document = file_reviews[0].string.block.document
        try:
            change = _file_change(document, file_reviews, in_block)
        except EditError as error:
            problems.append(RowProblem(path, None, str(error)))
            continue
        problems += _schema_problems(library, document, change, file_reviews)
        changes.append(change)
    return changes, problems


def _file_change(
    document: Document,
    reviews: Sequence[Review],
    in_block: Mapping[tuple[Path, JsonPath], Sequence[WelshString]],
) -> FileChange:
    data = copy.deepcopy(document.data)
    edits: list[TextEdit] = []
    for review in reviews:
        if review.changed:
            edits.append(replace_value(document, review.string.path, review.welsh))
            _set(data, review.string.path, review.welsh)
    outcomes = []
    blocks = {review.string.block.path: review.string.block for review in reviews}
    for block_path, block in blocks.items():
        block_reviews = {r.string.field: r for r in reviews if r.string.block.path == block_path}
        review_mark, progress, outcome = _marks(block, in_block[(document.path, block_path)], block_reviews)
        if outcome:
            outcomes.append(outcome)
        if review_mark is not None:
            edits.append(replace_value(document, (*block_path, block.review_field), review_mark))
            _set(data, (*block_path, block.review_field), review_mark)
        if progress is not None and progress != dict(block.progress):
            edit = set_mapping(
                document,
                block_path,
                block.progress_field,
                progress,
                after=block.review_field,
                comment=_PROGRESS_COMMENT,
            )
            if edit is not None:
                edits.append(edit)
            target = data
            for part in block_path:
                target = target[part]
            if progress:
                target[block.progress_field] = progress
            else:
                target.pop(block.progress_field, None)
    text = edited_text(document, edits, data)
    return FileChange(
        path=document.path,
        text=text,
        rewrites=text != document.source,
        changed=sum(review.changed for review in reviews),
        marked=sum(review.newly_done for review in reviews),
        outcomes=tuple(outcomes),
    )


def _schema_problems(
    library: Library, document: Document, change: FileChange, reviews: Sequence[Review]
) -> list[RowProblem]:
    """What the file's schema says of the new text, at the row that caused it (a quick reply longer
    than 40 characters, a message with a space at its end...)."""
    kind = _SCHEMA_KIND[reviews[0].string.block.kind]
    parsed, _ = parse_document(document.path, change.text)
    if parsed is None:  # pragma: no cover - edited_text has read it back already
        return [RowProblem(document.path, None, "the edited file does not read back")]
    problems = []
    for error in validators(library.root)[kind].iter_errors(parsed.data):
        error = best_match(error.context) if error.context else error
        where = tuple(error.absolute_path)
        culprits = [r for r in reviews if where[: len(r.string.path)] == r.string.path]
        if culprits:
            review = max(culprits, key=lambda r: len(r.string.path))
            problems.append(review.row.problem(f"{review.string.key}: {error.message}"))
        else:
            problems.append(RowProblem(document.path, None, f"{'/'.join(map(str, where))}: {error.message}"))
    return problems


def write_files(plan: ImportPlan) -> None:
    """Write every changed file, each in one step (a new file moved into place)."""
    if plan.problems:
        raise ValueError("the plan has problems: nothing may be written")
    for change in plan.writes:
        temporary = change.path.with_name(f".{change.path.name}.translations-import")
        temporary.write_text(change.text, encoding="utf-8", newline="")
        shutil.copymode(change.path, temporary)
        os.replace(temporary, change.path)
