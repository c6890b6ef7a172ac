"""Load YAML safely and remember where every value stands, so problems can name a line and column.

Only the YAML safe subset is understood (no Python tags, no arbitrary objects), duplicate keys are
problems rather than silently overwritten values, and the C parser is used when PyYAML has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from webhook.library.placeholders import PLACEHOLDER
from webhook.library.problems import Location, Problem, Severity

try:  # the C parser is several times faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

JsonPath = tuple[str | int, ...]
# Tags of plain YAML values (str, int, float, bool, null, seq, map, timestamp); anything else, such as
# !!python/object, is refused rather than constructed or ignored.
_STANDARD_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)


@dataclass
class Document:
    """A parsed YAML file: its data, the line and column of every value and key in it, and where in
    its source text each plain value (string, number...) starts and ends."""

    path: Path
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    source: str = field(default="", repr=False)
    spans: dict[JsonPath, tuple[int, int]] = field(default_factory=dict, repr=False)

    def locate(self, json_path: JsonPath = (), *, key: bool = False) -> Location:
        """Where the value at `json_path` stands (its key with `key=True`), or its nearest parent."""
        table = self.key_positions if key else self.positions
        probe = tuple(json_path)
        while probe:
            if probe in table:
                return Location(self.path, *table[probe])
            if probe in self.positions:
                return Location(self.path, *self.positions[probe])
            probe = probe[:-1]
        line, column = self.positions.get((), (1, 1))
        return Location(self.path, line, column)

    def locate_text(self, json_path: JsonPath, needle: str, occurrence: int = 0) -> Location:
        """Where `needle` (e.g. `{council.phone}`) stands inside the string at `json_path`: its own line
        and column, found in the source as written (so quotes, escapes and folded lines are no matter).
        `occurrence` counts from 0 when the string holds it more than once. Falls back to the string's
        own position when the source does not hold it verbatim."""
        span = self.spans.get(tuple(json_path))
        if span is not None:
            start, end = span
            index = start - 1
            for _ in range(occurrence + 1):
                index = self.source.find(needle, index + 1, end)
                if index < 0:
                    return self.locate(json_path)
            line_start = self.source.rfind("\n", 0, index) + 1
            return Location(self.path, self.source.count("\n", 0, index) + 1, index - line_start + 1)
        return self.locate(json_path)


class _ScalarConstructor(yaml.constructor.SafeConstructor):
    """Builds scalars the way `yaml.safe_load` does; collections are built by `_build` below."""


def load_document(path: Path) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document (None when it cannot be parsed) and its problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [Problem(Location(path), Severity.ERROR, "yaml-syntax", f"cannot read: {error}")]
    return parse_document(path, text)


def parse_document(path: Path, text: str) -> tuple[Document | None, list[Problem]]:
    """Parse YAML text as if read from `path`."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(part for part in (error.context, error.problem) if part) or str(error)
        hint = syntax_hint(error, text)
        if hint:
            message = f"{message} (hint: {hint})"
        return None, [Problem(Location(path, line, column), Severity.ERROR, "yaml-syntax", message)]
    except yaml.YAMLError as error:
        return None, [Problem(Location(path), Severity.ERROR, "yaml-syntax", str(error))]
    document = Document(path=path, data=None, source=text)
    problems: list[Problem] = []
    if node is None:
        document.data = None
        return document, problems
    builder = _Builder(document, problems)
    try:
        document.data = builder.build(node, ())
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
        return None, [Problem(location, Severity.ERROR, "yaml-syntax", str(error).splitlines()[0])]
    return document, problems


# Placeholder text at the start of a value: `text: {council.name} ...` or `- {topic} ...`, which YAML
# reads as the start of a {key: value} mapping.
_PLACEHOLDER_FIRST = re.compile(r"(?:^|:|-|\[|,)\s*" + PLACEHOLDER.pattern)
_QUOTE_IT = "put the whole text in quotes"


@dataclass(frozen=True)
class _Stop:
    """Where the parser stopped: what it said, the line and column, the nearest written line above,
    and the line on which what it was reading (a quoted text, a [list]...) began."""

    said: str
    line: str
    column: int
    above: str
    opened_on: int | None

    @property
    def character(self) -> str:
        return self.line[self.column : self.column + 1]

    @property
    def before(self) -> str:
        return self.line[: self.column].strip()


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _tab(stop: _Stop) -> str | None:
    if "\t" in _indent(stop.line) or stop.character == "\t" or "tab" in stop.said:
        return "a tab is used for indentation: indent with spaces only"
    return None


def _unclosed(stop: _Stop) -> str | None:
    if stop.opened_on is None:
        return None
    if "quoted scalar" in stop.said:
        return (
            f"the quote mark on line {stop.opened_on} is never closed: end the text with the same quote mark"
        )
    for reading, opening, closing in (("flow sequence", "[", "]"), ("flow mapping", "{", "}")):
        if reading in stop.said and not _PLACEHOLDER_FIRST.search(stop.line):
            return (
                f"the {opening} on line {stop.opened_on} is not closed with {closing}, or a comma is "
                "missing between its items"
            )
    return None


def _placeholder_first(stop: _Stop) -> str | None:
    if "expected" in stop.said and _PLACEHOLDER_FIRST.search(stop.line):
        return (
            "a value that starts with a {placeholder} is read as a {key: value} mapping: "
            f'{_QUOTE_IT}, e.g. "{{council.name}} can help"'
        )
    return None


def _colon(stop: _Stop) -> str | None:
    if "mapping values are not allowed" not in stop.said:
        return None
    if ": " in stop.before or stop.before.startswith("- "):
        return f"a colon followed by a space inside unquoted text: {_QUOTE_IT}"
    if len(_indent(stop.line)) > len(_indent(stop.above)):
        return (
            "inconsistent indentation: this line is indented further than the one above it, so it reads "
            "as more of that line's text; line it up with the keys beside it"
        )
    if re.match(r"\s*[^\s:#'\"]+:\S", stop.above):
        return "the line above has no space after its colon: write `key: value`"
    return None


def _not_key_value(stop: _Stop) -> str | None:
    if "could not find expected ':'" in stop.said and stop.opened_on:
        return (
            f"line {stop.opened_on} is neither `key: value` nor a `- ` list item: if it carries on the "
            "text above, indent it further than that text's key, or put the whole text in quotes"
        )
    return None


def _indicator_first(stop: _Stop) -> str | None:
    if "alias" in stop.said or "anchor" in stop.said or stop.character in ("@", "`"):
        return f"text cannot start with *, &, @ or `: {_QUOTE_IT}"
    return None


def _out_of_line(stop: _Stop) -> str | None:
    """The parser expected the next key or list item of a block and found something else."""
    if "expected" not in stop.said or not ("block mapping" in stop.said or "block collection" in stop.said):
        return None
    if stop.character == "-":
        return (
            "a `-` list item at the wrong level: list items go under their key, indented further than "
            "it, each by the same amount"
        )
    if stop.before.endswith(("'", '"')):
        return (
            "text carries on after its closing quote: quote the whole text, and write a quote mark inside "
            "it twice ('it''s') or use the other kind of quote (\"it's\")"
        )
    return (
        "inconsistent indentation: this line does not line up with the lines above it; the keys of one "
        "mapping, and the items of one list, must be indented by the same number of spaces"
    )


_HINTS = (_tab, _unclosed, _placeholder_first, _colon, _not_key_value, _indicator_first, _out_of_line)


def syntax_hint(error: yaml.MarkedYAMLError, text: str) -> str | None:
    """Plain English for the parser's message, for the mistakes people make most when editing YAML by
    hand; None when the mistake is not one of them. Reads the source where the parser stopped, so it
    holds for PyYAML's pure-Python and C parsers alike, whose wording differs."""
    mark, opened = error.problem_mark, error.context_mark
    lines = text.splitlines()
    number = mark.line if mark is not None else 0
    stop = _Stop(
        said=f"{error.context or ''} {error.problem or ''}",
        line=lines[number] if number < len(lines) else "",
        column=mark.column if mark is not None else 0,
        above=next((earlier for earlier in reversed(lines[:number]) if earlier.strip()), ""),
        opened_on=opened.line + 1 if opened is not None else None,
    )
    return next((hint for check in _HINTS if (hint := check(stop))), None)


class _Builder:
    """Turns a composed node tree into plain data while recording positions and duplicate keys."""

    def __init__(self, document: Document, problems: list[Problem]) -> None:
        self.document = document
        self.problems = problems
        self.scalars = _ScalarConstructor()
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: JsonPath) -> Any:
        self.document.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            # An alias makes the composer hand back the same node again. Refusing them keeps
            # files readable and stops "billion laughs" documents from expanding exponentially.
            if id(node) in self.seen:
                raise yaml.constructor.ConstructorError(
                    None, None, "aliases (*name) are not allowed: write the values out", node.start_mark
                )
            self.seen.add(id(node))
        if node.tag not in _STANDARD_TAGS:
            raise yaml.constructor.ConstructorError(
                None, None, f"the tag {node.tag} is not allowed: only plain YAML values", node.start_mark
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        if node.tag == "tag:yaml.org,2002:merge":  # pragma: no cover - only inside mappings
            raise yaml.constructor.ConstructorError(None, None, "merge keys are not supported")
        self.document.spans[path] = (node.start_mark.index, node.end_mark.index)
        try:
            return self.scalars.construct_object(node, deep=True)
        except ValueError as error:  # e.g. an impossible date such as 2025-02-30
            raise yaml.constructor.ConstructorError(
                None, None, f"invalid value {node.value!r}: {error}", node.start_mark
            ) from None

    def _mapping(self, node: yaml.MappingNode, path: JsonPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                mark = key_node.start_mark
                self.problems.append(
                    Problem(
                        Location(self.document.path, mark.line + 1, mark.column + 1),
                        Severity.ERROR,
                        "yaml-syntax",
                        "merge keys (<<) are not allowed: write the values out",
                    )
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    None, None, "keys must be plain values", key_node.start_mark
                )
            key = self.scalars.construct_object(key_node, deep=True)
            key = key if isinstance(key, str) else str(key)
            mark = key_node.start_mark
            if key in result:
                first_line, _ = self.document.key_positions[(*path, key)]
                self.problems.append(
                    Problem(
                        Location(self.document.path, mark.line + 1, mark.column + 1),
                        Severity.ERROR,
                        "duplicate-key",
                        f"key {key!r} appears twice in this mapping (first on line {first_line})",
                    )
                )
                continue
            self.document.key_positions[(*path, key)] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, (*path, key))
        return result
