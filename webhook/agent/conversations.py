"""Conversation tests: multi-turn scripts in YAML, run through the offline agent and the real webhook code.

A script (tests/conversations/<name>.yaml):

    council: demo
    language: en            # optional: the council's first language
    turns:
      - say: when is my bin day
        expect:
          intent: waste.collection_day
          text_contains: [postcode]
      - say: AA1 1AA
        expect:
          parameters: {postcode: AA1 1AA}

`say` may be left out for the conversation's opening (the WELCOME event). Expectations: `intent`,
`parameters` (a subset), `text_contains` / `text_excludes` (case-insensitive, over every text message),
`quick_replies` (each must be offered), `links` (a URL starting with each), `language`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from webhook.agent.dialogue import AgentReply, OfflineAgent
from webhook.agent.session import ConversationState
from webhook.library.model import Library
from webhook.library.problems import Location
from webhook.library.yaml_loader import Document, load_document


@dataclass(frozen=True)
class Step:
    """One turn of a script: what the resident says (None: the opening) and what must come back."""

    say: str | None
    expect: Mapping[str, Any]
    location: Location


@dataclass(frozen=True)
class Script:
    path: Path
    council: str
    language: str | None
    steps: tuple[Step, ...]

    @property
    def name(self) -> str:
        return self.path.stem


@dataclass(frozen=True)
class Failure:
    """A turn whose reply broke an expectation, at the script line of that turn."""

    location: Location
    message: str

    def format(self) -> str:
        return f"{self.location.display()}: {self.message}"


@dataclass
class Outcome:
    """How one script went: its language (the one it starts in), its turns and what failed."""

    script: Script
    language: str = ""
    turns: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not self.failures

    @property
    def turns_passed(self) -> int:
        """Turns whose reply met every expectation."""
        return self.turns - len({failure.location for failure in self.failures})


class ScriptError(ValueError):
    """A script that cannot be read; the message starts with FILE:LINE:COL."""


def load_script(path: Path) -> Script:
    """Read one script, or raise ScriptError saying where it is wrong."""
    document, problems = load_document(path)
    if problems or document is None:
        raise ScriptError(problems[0].format() if problems else f"{path}: empty script")
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("council"), str):
        raise ScriptError(f"{document.locate(()).display()}: a script needs `council:` and `turns:`")
    turns = data.get("turns")
    if not isinstance(turns, list) or not turns:
        raise ScriptError(f"{document.locate(('turns',)).display()}: `turns:` must be a non-empty list")
    return Script(path, data["council"], data.get("language"), tuple(_steps(document, turns)))


def _steps(document: Document, turns: list[Any]) -> Iterator[Step]:
    for index, turn in enumerate(turns):
        location = document.locate(("turns", index))
        if not isinstance(turn, dict) or not isinstance(turn.get("expect", {}), dict):
            raise ScriptError(f"{location.display()}: each turn is `say:` and `expect:`")
        say = turn.get("say")
        if say is not None and not isinstance(say, str):
            raise ScriptError(f"{location.display()}: `say:` must be text")
        yield Step(say, turn.get("expect", {}), location)


def load_scripts(folder: Path, council: str | None = None) -> list[Script]:
    """Every script in a folder, optionally only one council's."""
    scripts = [load_script(path) for path in sorted(folder.glob("*.yaml"))]
    return [s for s in scripts if council is None or s.council == council]


def run_script(agent: OfflineAgent, library: Library, script: Script) -> Outcome:
    """Hold the conversation the script describes and check every reply."""
    outcome = Outcome(script)
    council = library.council(script.council)
    if council is None:
        location = script.steps[0].location
        outcome.failures.append(Failure(location, f"no council {script.council!r}"))
        return outcome
    language = script.language or council.languages[0]
    outcome.language = language
    outcome.turns = len(script.steps)
    state = ConversationState(council.slug, f"test-{secrets.token_hex(8)}", language)
    for step in script.steps:
        reply = agent.welcome(council, state) if step.say is None else agent.respond(council, state, step.say)
        state = reply.state
        outcome.failures += [Failure(step.location, problem) for problem in check_reply(reply, step.expect)]
    return outcome


def summary(outcomes: Sequence[Outcome]) -> list[str]:
    """One line per language: conversations and turns passed, as counts and shares."""
    lines = []
    for language in sorted({outcome.language for outcome in outcomes}):
        mine = [outcome for outcome in outcomes if outcome.language == language]
        passed = sum(outcome.passed for outcome in mine)
        turns = sum(outcome.turns for outcome in mine)
        turns_passed = sum(outcome.turns_passed for outcome in mine)
        lines.append(
            f"{language}: {passed}/{len(mine)} conversations passed ({passed / len(mine):.1%}), "
            f"{turns_passed}/{turns} turns passed ({turns_passed / turns if turns else 0:.1%})"
        )
    return lines


def check_reply(reply: AgentReply, expect: Mapping[str, Any]) -> list[str]:
    """What in a reply differs from the expectations (empty when it meets them all)."""
    problems = []
    texts = " ".join(m["text"] for m in reply.messages if m["type"] == "text")
    said = f"(said: {texts[:160]!r})"
    if "intent" in expect and reply.intent != expect["intent"]:
        problems.append(
            f"expected intent {expect['intent']}, got {reply.intent} ({reply.confidence:.2f}) {said}"
        )
    for name, value in (expect.get("parameters") or {}).items():
        if reply.parameters.get(name) != value:
            problems.append(f"expected parameter {name}={value!r}, got {reply.parameters.get(name)!r}")
    for fragment in _as_list(expect.get("text_contains")):
        if fragment.lower() not in texts.lower():
            problems.append(f"expected the reply to contain {fragment!r} {said}")
    for fragment in _as_list(expect.get("text_excludes")):
        if fragment.lower() in texts.lower():
            problems.append(f"expected the reply not to contain {fragment!r} {said}")
    offered = [r for m in reply.messages if m["type"] == "quick_replies" for r in m["replies"]]
    for wanted in _as_list(expect.get("quick_replies")):
        if wanted not in offered:
            problems.append(f"expected quick reply {wanted!r}, offered {offered}")
    urls = [m["url"] for m in reply.messages if m["type"] == "link"]
    urls += [b["url"] for m in reply.messages if m["type"] == "card" for b in m.get("buttons", [])]
    for prefix in _as_list(expect.get("links")):
        if not any(url.startswith(prefix) for url in urls):
            problems.append(f"expected a link starting {prefix!r}, got {urls}")
    if "language" in expect and reply.language != expect["language"]:
        problems.append(f"expected language {expect['language']}, got {reply.language}")
    return problems


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else [str(v) for v in value]
