"""The rule book: every validation rule's id, severity and summary, and the decorator that registers a
rule's check. The checks live in rules.py and message_rules.py; run_rules (rules.py) runs them all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

from webhook.library.model import Library
from webhook.library.problems import Location, Severity


class Finding(NamedTuple):
    """What a check yields: where and what, and (optionally) the (kind, name) of the intent, entity
    type or council it found missing, so a missing thing whose file did not load is a knock-on effect.
    A check may yield plain (location, message) pairs instead."""

    location: Location
    message: str
    needs: tuple[str, str] | None = None


Check = Callable[[Library], Iterator[tuple[Location, str]] | Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule: its id, how serious its problems are, what it checks, and the check itself."""

    id: str
    severity: Severity
    summary: str
    check: Check | None = None


RULES: dict[str, Rule] = {}


def rule(rule_id: str, severity: Severity, summary: str) -> Callable:
    """Register a rule's check under its id."""

    def register(check: Check) -> Check:
        RULES[rule_id] = Rule(rule_id, severity, summary, check)
        return check

    return register


# Rules reported while loading files rather than by a check function below.
for _id, _summary in (
    ("yaml-syntax", "the file is not valid YAML, or uses anchors, aliases or merge keys"),
    ("duplicate-key", "a key appears twice in one mapping"),
    ("schema", "the file breaks its JSON Schema"),
    ("name-mismatch", "an id, entity name or council slug differs from the file's place"),
):
    RULES[_id] = Rule(_id, Severity.ERROR, _summary)
# Run by run_rules only when it is given the handler names: the library never imports the fulfilment
# package, so whoever validates (the CLI, the app) passes them in.
RULES["handler-unknown"] = Rule(
    "handler-unknown", Severity.ERROR, "an intent names a fulfilment handler that does not exist"
)
