"""Change a few values of a YAML file by editing its text, so that everything else (comments, key
order, quoting, blank lines, line width) stays byte for byte as it was.

A value is replaced where the loader saw it (its span in the source), in the quoting style it had
where that style can hold the new text; a small mapping is written or removed as whole lines. The
edited text is parsed again and must hold exactly the data intended, or nothing is returned.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml

from webhook.library.yaml_loader import Document, JsonPath, parse_document

try:  # the C parser where PyYAML has it, as the loader uses
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# A plain (unquoted) scalar may not start with one of these, and `,[]{}` end it inside a [flow list].
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW = frozenset(",[]{}")


class EditError(ValueError):
    """The edit cannot be made safely (the file is laid out in a way the editor does not handle)."""


@dataclass(frozen=True, order=True)
class TextEdit:
    """Replace the source between two character offsets (equal offsets: insert there)."""

    start: int
    end: int
    text: str


def _plain_holds(value: str, *, in_flow: bool = True) -> bool:
    """Whether `value` can be written unquoted and read back as the same string (inside a [flow list]
    or {flow mapping} too, unless `in_flow` is False)."""
    if not value or value != value.strip() or not value.isprintable() or value[0] in _INDICATORS:
        return False
    if (in_flow and _FLOW & set(value)) or ": " in value or " #" in value or value.endswith(":"):
        return False
    try:
        return yaml.safe_load(value) == value  # not a number, date, null or yes/no
    except yaml.YAMLError:
        return False


def render_scalar(written: str, value: str, *, in_flow: bool = True) -> str:
    """`value` as YAML, in the style of the scalar as `written` where that style can hold it, else in
    double quotes (JSON's string syntax is YAML's double-quoted syntax). `in_flow`: the scalar stands
    inside a [flow list] or {flow mapping}."""
    quoted = json.dumps(value, ensure_ascii=False)
    if written.startswith(("|", ">")):  # a block scalar ends with its line break(s): keep them
        return quoted + written[len(written.rstrip()) :]
    if written.startswith("'"):
        return f"'{value.replace(chr(39), chr(39) * 2)}'" if value.isprintable() else quoted
    if written.startswith('"'):
        return quoted
    return value if _plain_holds(value, in_flow=in_flow) else quoted


def replace_value(document: Document, path: JsonPath, value: str) -> TextEdit:
    """Replace the scalar at `path` with `value`."""
    span = document.spans.get(tuple(path))
    if span is None:
        raise EditError(f"no plain value at {'/'.join(map(str, path))}")
    start, end = span
    return TextEdit(
        start, end, render_scalar(document.source[start:end], value, in_flow=_in_flow(document, path))
    )


@lru_cache(maxsize=4)
def _composed(source: str) -> yaml.Node:
    return yaml.compose(source, Loader=_Loader)


def _in_flow(document: Document, path: JsonPath) -> bool:
    """Whether the value at `path` stands inside a [flow list] or {flow mapping}."""
    node = _composed(document.source)
    for part in path:
        if node.flow_style:
            return True
        if isinstance(node, yaml.MappingNode):
            node = next(value for key, value in node.value if key.value == part)
        else:
            node = node.value[part]
    return False


class _Lines:
    """Character offsets of a source's lines (numbered from 1)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.starts = [0] + [index + 1 for index, char in enumerate(source) if char == "\n"]

    def start(self, line: int) -> int:
        return self.starts[line - 1] if line <= len(self.starts) else len(self.source)

    def after(self, line: int) -> int:
        """The offset just past the line's line break."""
        return self.start(line + 1) if line < len(self.starts) else len(self.source)

    def of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)


def _key(text: str) -> str:
    return text if _plain_holds(text) else json.dumps(text, ensure_ascii=False)


def set_mapping(
    document: Document,
    parent: JsonPath,
    key: str,
    entries: Mapping[str, str],
    *,
    after: str,
    comment: str = "",
) -> TextEdit | None:
    """Write `key:` with `entries` (a mapping of strings, one a line) in the mapping at `parent`: in
    place of the key's lines if it is there, else on the lines after key `after`. No entries removes
    the key. None when there is nothing to do."""
    lines = _Lines(document.source)
    here = (*parent, key)
    if here in document.key_positions:
        first = document.key_positions[here][0]
        inside = [line for path, (line, _) in document.positions.items() if path[: len(here)] == here]
        start, end = lines.start(first), lines.after(max([first, *inside]))
        column = document.key_positions[here][1]
    elif entries:
        anchor = (*parent, after)
        if anchor not in document.key_positions:
            raise EditError(f"no {after!r} in {'/'.join(map(str, parent))}")
        column = document.key_positions[anchor][1]
        span = document.spans.get(anchor)
        last = lines.of(span[1] - 1) if span else document.key_positions[anchor][0]
        start = end = lines.after(last)
    else:
        return None
    if not entries:
        return TextEdit(start, end, "")
    indent = " " * (column - 1)
    newline = "\r\n" if "\r\n" in document.source else "\n"
    note = f"  # {comment}" if comment else ""
    text = f"{indent}{_key(key)}:{note}{newline}" + "".join(
        f"{indent}  {_key(name)}: {json.dumps(value, ensure_ascii=False)}{newline}"
        for name, value in entries.items()
    )
    if start == len(document.source) and document.source and not document.source.endswith("\n"):
        text = newline + text
    return TextEdit(start, end, text)


def apply_edits(source: str, edits: Iterable[TextEdit]) -> str:
    """The source with every edit made; edits must not overlap."""
    ordered = sorted(edits)
    for earlier, later in itertools.pairwise(ordered):
        if earlier.end > later.start:
            raise EditError("two edits overlap")
    for edit in reversed(ordered):
        source = source[: edit.start] + edit.text + source[edit.end :]
    return source


def edited_text(document: Document, edits: Iterable[TextEdit], expected: Any) -> str:
    """The document's text with the edits made, checked to read back as `expected`."""
    text = apply_edits(document.source, edits)
    parsed, problems = parse_document(document.path, text)
    if parsed is None or problems or parsed.data != expected:
        raise EditError(
            f"{document.path}: the edited file would not read back as intended; it is left unchanged"
        )
    return text
