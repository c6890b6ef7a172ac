"""Load YAML safely and remember where every value stands, so problems can name a line and column.

Only the YAML safe subset is understood (no Python tags, no arbitrary objects), duplicate keys are
problems rather than silently overwritten values, and the C parser is used when PyYAML has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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
    """A parsed YAML file: its data, and the line and column of every value and key in it."""

    path: Path
    data: Any
    positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[JsonPath, tuple[int, int]] = field(default_factory=dict)

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
        return None, [Problem(Location(path, line, column), Severity.ERROR, "yaml-syntax", message)]
    except yaml.YAMLError as error:
        return None, [Problem(Location(path), Severity.ERROR, "yaml-syntax", str(error))]
    document = Document(path=path, data=None)
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
