"""A value found in a message, and where: the common currency of every entity matcher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Match:
    """`value` found at text[start:end]; `exact` is False for a fuzzy (misspelt) match."""

    start: int
    end: int
    value: Any
    exact: bool = True

    def overlaps(self, other: Match) -> bool:
        """Whether the two matches share any character."""
        return self.start < other.end and other.start < self.end

    def original(self, text: str) -> str:
        """The words of the message the value was found in, as the resident typed them."""
        return text[self.start : self.end]
