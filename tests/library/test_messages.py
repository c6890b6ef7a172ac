"""The bot's own sentences: the catalogue in intents/messages/, councils' own wording of them, and the
code that asks for them (every id it names exists, and every message is asked for somewhere)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import REPOSITORY, BuildLibrary
from webhook.cli import main
from webhook.library.loader import load_library
from webhook.library.messages import fill_message, message_placeholders, message_text
from webhook.library.model import Library, localise
from webhook.library.resolve import resolve_message

UNITARY_OVERRIDE = """
messages:
  dialogue.gave_up:
    en: "Sorry, I didn't catch that. Ring {phone}."
"""


@pytest.fixture(scope="module")
def repository() -> Library:
    return load_library(REPOSITORY).library


@pytest.fixture
def overridden(build_library: BuildLibrary) -> Library:
    """The minimal library, its unitary council rewording one message in English only."""
    text = (REPOSITORY / "tests/library/minimal/councils/unitary/council.yaml").read_text()
    root = build_library(files={"councils/unitary/council.yaml": text + UNITARY_OVERRIDE})
    return load_library(root).library


def test_a_message_is_filled_in_in_the_language(repository: Library) -> None:
    cardiff = repository.councils["cardiff"]
    assert message_text(repository, cardiff, "common.no_postcode", "cy", postcode="CF10 1AA") == (
        "Allwn i ddim dod o hyd i'r cod post CF10 1AA. Gwiriwch ef a rhowch gynnig arall."
    )


def test_any_placeholder_name_may_be_filled_in_even_one_named_like_an_argument(repository: Library) -> None:
    demo = repository.councils["demo"]
    text = message_text(repository, demo, "common.elsewhere", "en", postcode="X", council="Y", other="Z")
    assert text == "X is not in Y's area: it is covered by Z, who can help with this."


def test_a_councils_wording_replaces_the_librarys_and_is_labelled_with_its_layer(overridden: Library) -> None:
    unitary = overridden.councils["unitary"]
    found = resolve_message(overridden, unitary, "dialogue.gave_up", "en")
    assert (found.value, found.layer) == ("Sorry, I didn't catch that. Ring {phone}.", "council:unitary")
    assert message_text(overridden, unitary, "dialogue.gave_up", "en", phone="01632 960001") == (
        "Sorry, I didn't catch that. Ring 01632 960001."
    )


def test_a_language_the_council_did_not_reword_keeps_the_librarys_text(overridden: Library) -> None:
    found = resolve_message(overridden, overridden.councils["unitary"], "dialogue.gave_up", "cy")
    assert found.layer == "library"
    assert found.value.startswith("Mae'n ddrwg gen i")


def test_a_language_the_message_lacks_falls_back_to_english(repository: Library) -> None:
    found = resolve_message(repository, repository.councils["demo"], "dialogue.cancelled", "fr")
    assert (found.value, found.layer) == ("OK, I've stopped that. What else can I help you with?", "library")


def test_an_unknown_message_is_a_key_error(repository: Library) -> None:
    with pytest.raises(KeyError):
        message_text(repository, repository.councils["demo"], "dialogue.no_such_message", "en")


def test_only_named_placeholders_are_filled_in() -> None:
    assert fill_message("{a} {b.c} {0} {a!r} {missing}", {"a": 1}) == "1 {b.c} {0} {a!r} {missing}"
    assert message_placeholders("{postcode} or {phone}, {postcode}") == {"postcode", "phone"}


def test_localise_falls_back_to_english_and_serves_a_plain_string_to_every_language() -> None:
    assert localise({"en": "Cardiff Council", "cy": "Cyngor Caerdydd"}, "cy") == "Cyngor Caerdydd"
    assert localise({"en": "Oxford City Council"}, "cy") == "Oxford City Council"
    assert localise("01632 960001", "cy") == "01632 960001"
    assert localise(None, "cy") is None


def test_show_labels_a_message_with_its_layer(build_library: BuildLibrary) -> None:
    text = (REPOSITORY / "tests/library/minimal/councils/unitary/council.yaml").read_text()
    root = build_library(files={"councils/unitary/council.yaml": text + UNITARY_OVERRIDE})
    show = ["show", "--library", str(root), "--council", "unitary"]
    runner = CliRunner()
    english = runner.invoke(main, [*show, "dialogue.gave_up"])
    welsh = runner.invoke(main, [*show, "--language", "cy", "dialogue.gave_up"])
    assert english.exit_code == 0, english.output
    assert "  text: Sorry, I didn't catch that. Ring {phone}.  [council:unitary]" in english.output
    assert "ffonio {phone}.  [library]" in welsh.output


# ---------------------------------------------------------------------------------------------------
# The code asks only for messages the catalogue holds, and the catalogue holds no message nobody asks for.
#
# A message id is asked for as a string in the code: the first argument of `.say(...)`, the third of
# `message_text(...)` (either may be chosen by `a if b else c` or `TABLE.get(key, "default")`), a value
# of a module-level table whose name ends in `_MESSAGES`, or a keyword argument whose name ends in
# `_message`.


@dataclass(frozen=True)
class Asked:
    message_id: str
    where: str
    #: The placeholders the call fills in, when it names the message itself (None otherwise).
    values: frozenset[str] | None = None


MESSAGE_ID = re.compile(r"^[a-z][a-z_]*\.[a-z][a-z0-9_]*$")


def _strings(node: ast.AST) -> Iterator[str]:
    """The strings in an expression shaped like message ids."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str) and MESSAGE_ID.match(child.value):
            yield child.value


def _names_the_message(argument: ast.expr) -> bool:
    """Whether the id is written at the call: "a.b", or "a.b" if ... else "a.c"."""
    if isinstance(argument, ast.IfExp):
        return _names_the_message(argument.body) and _names_the_message(argument.orelse)
    return isinstance(argument, ast.Constant)


def _id_argument(call: ast.Call) -> ast.expr | None:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    position = {"say": 0, "message_text": 2}.get(name or "")
    if position is None or len(call.args) <= position:
        return None
    return call.args[position]


def _asked_in(path: Path) -> Iterator[Asked]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(REPOSITORY).as_posix()
    for node in tree.body:
        if isinstance(node, ast.Assign | ast.AnnAssign) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id.endswith("_MESSAGES") for t in targets):
                for value in node.value.values:
                    yield from (Asked(text, f"{where}:{value.lineno}") for text in _strings(value))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg and keyword.arg.endswith("_message"):
                yield from (Asked(text, f"{where}:{node.lineno}") for text in _strings(keyword.value))
        argument = _id_argument(node)
        if argument is None:
            continue
        named = _names_the_message(argument) and not any(k.arg is None for k in node.keywords)
        values = frozenset(k.arg for k in node.keywords if k.arg) if named else None
        yield from (Asked(text, f"{where}:{node.lineno}", values) for text in _strings(argument))


ASKED = [asked for path in sorted((REPOSITORY / "webhook").rglob("*.py")) for asked in _asked_in(path)]


def test_the_code_asks_for_messages() -> None:
    assert len({asked.message_id for asked in ASKED}) > 100


def test_every_message_the_code_asks_for_is_in_the_catalogue(repository: Library) -> None:
    unknown = [
        f"{asked.where}: {asked.message_id}" for asked in ASKED if asked.message_id not in repository.messages
    ]
    assert unknown == [], "add them to intents/messages/<area>.yaml"


def test_every_message_in_the_catalogue_is_asked_for_by_the_code(repository: Library) -> None:
    unused = sorted(set(repository.messages) - {asked.message_id for asked in ASKED})
    assert unused == [], "no dead text: delete them, or use them"


def test_each_call_fills_in_exactly_the_placeholders_of_the_message(repository: Library) -> None:
    wrong = []
    for asked in ASKED:
        message = repository.messages.get(asked.message_id)
        if message is None or asked.values is None:
            continue
        expected = message_placeholders(message.texts["en"])
        if asked.values != expected:
            wrong.append(
                f"{asked.where}: {asked.message_id} gets {sorted(asked.values)}, has {sorted(expected)}"
            )
    assert wrong == []


def test_every_message_has_welsh_marked_for_review(repository: Library) -> None:
    for message in repository.messages.values():
        assert set(message.texts) == {"en", "cy"}, message.id
        assert message.reviews["cy"] in ("reviewed", "native", "needs-welsh-speaker"), message.id
