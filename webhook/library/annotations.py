"""The inline annotation syntax of training phrases: `when is my bin day at [AA1 1AA](postcode)`."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ANNOTATION = re.compile(r"\[([^\[\]]+)\]\(([a-z][a-z0-9_]*)\)")
_BRACKET = re.compile(r"[\[\]]")


@dataclass(frozen=True)
class PhrasePart:
    """A run of a training phrase; `parameter` is set where the run is an annotated value."""

    text: str
    parameter: str | None = None


class AnnotationError(ValueError):
    """A phrase whose brackets do not form `[value](parameter)`; `offset` is where it goes wrong."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def parse_phrase(phrase: str) -> tuple[PhrasePart, ...]:
    """Split a phrase into plain and annotated parts, or raise AnnotationError."""
    parts: list[PhrasePart] = []
    position = 0
    for match in _ANNOTATION.finditer(phrase):
        _check_plain(phrase, position, match.start())
        if match.start() > position:
            parts.append(PhrasePart(phrase[position : match.start()]))
        value = match.group(1)
        if value != value.strip():
            raise AnnotationError("annotated value has spaces inside its brackets", match.start())
        parts.append(PhrasePart(value, match.group(2)))
        position = match.end()
    _check_plain(phrase, position, len(phrase))
    if position < len(phrase):
        parts.append(PhrasePart(phrase[position:]))
    return tuple(parts)


def _check_plain(phrase: str, start: int, end: int) -> None:
    # A bracket outside an annotation is a broken one ("[AA1 1AA]postcode"); a "(" right after a "]"
    # cannot be outside, since the "]" would be found first. One regex search: the library has tens of
    # thousands of phrases and validate reads each.
    stray = _BRACKET.search(phrase, start, end)
    if stray:
        raise AnnotationError(
            "brackets must form [value](parameter) with a lower-case parameter name", stray.start()
        )


def plain_text(phrase: str) -> str:
    """The phrase as a resident would type it, annotations removed."""
    return "".join(part.text for part in parse_phrase(phrase))


_PUNCTUATION = re.compile(r"[^\w\s]+", re.UNICODE)


def normalise(text: str) -> str:
    """Lower case, no punctuation, single spaces: how duplicates are compared."""
    # Apostrophes vanish rather than split words, so "didn't", "didnt" and "didn\u2019t" compare equal.
    folded = text.casefold().replace("\u2019", "").replace("'", "")
    return " ".join(_PUNCTUATION.sub(" ", folded).split())
