"""A Welsh conversation through POST /api/chat, as a resident has it: the council's name, dates and lists
of bins come out in the form the words before them ask ("croeso i Gyngor Caerdydd", "yng Nghyngor
Caerdydd", "â Chyngor Caerdydd", "wedi symud o ddydd Llun", "a Chadi bwyd"), and nothing the bot says
leaves out a mutation the Welsh lint knows."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from flask import Flask

from tests.conftest import REPOSITORY, app_settings
from webhook import create_app
from webhook.library.welsh_lint import lint_welsh

#: A session whose greeting and goodbye are the first of their variants (the bot picks one per session):
#: "Helo, croeso i {council.name|soft}" and "... gan {council.name|soft} ...".
SESSION = "welsh-chat-3"

Say = Callable[[str], list[str]]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    cache = tmp_path_factory.mktemp("nlu-cache")
    return create_app(app_settings(REPOSITORY, NLU_CACHE_DIR=cache, SECRET_KEY="welsh-chat"))


def _conversation(app: Flask, council: str) -> Say:
    """A resident's chat in Welsh: each call sends one message and gives back what the bot shows (its
    texts, the words of its buttons and links), after checking each with the Welsh lint."""
    client = app.test_client()
    state: list[str] = []

    def say(text: str) -> list[str]:
        body = {"council": council, "session": SESSION, "text": text, "language": "cy"}
        if state:
            body["state"] = state[-1]
        reply = client.post("/api/chat", json=body).get_json()
        assert reply["language"] == "cy"
        state.append(reply["state"])
        shown = []
        for message in reply["messages"]:
            shown += message.get("replies", []) if message["type"] == "quick_replies" else [message["text"]]
        for line in shown:
            assert lint_welsh(line) == [], line
        return shown

    return say


def test_the_councils_name_takes_the_mutation_of_the_word_before_it(app: Flask) -> None:
    say = _conversation(app, "cardiff")
    (welcome, *_) = say("")
    assert "croeso i Gyngor Caerdydd" in welcome

    handoff = say("ga i siarad â pherson")
    assert "I siarad â rhywun yng Nghyngor Caerdydd" in handoff[0]
    assert "Cysylltu â Chyngor Caerdydd" in handoff

    (goodbye, *_) = say("diolch yn fawr, hwyl")
    assert "gan Gyngor Caerdydd" in goodbye

    said = " ".join([welcome, *handoff, goodbye])
    assert not re.search(r"\b(?:i|gan|â|yn) Cyngor\b", said)


def test_bin_days_and_lists_of_bins_take_their_mutations(app: Flask) -> None:
    say = _conversation(app, "demo")
    (question,) = say("pryd mae fy miniau'n cael eu casglu")
    assert "cod post" in question

    answer = say("AA1 1AA")
    said = " ".join(answer)
    assert answer[0].startswith("Eich casgliad nesaf: dydd ")  # day and month names from the CLDR
    assert re.search(r"dydd (?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d+ [A-Z]", said)
    # "a" (and) before a bin: "a Chadi bwyd", never "a Cadi bwyd"
    assert not re.search(r"\ba [CPT](?!h)", said), said
    assert re.search(r"\ba (?:Ch|Ph|Th|Bin|Blwch)", answer[0]), answer[0]
    # a collection moved by a bank holiday: "wedi symud o ddydd ..."
    assert "wedi symud o dydd" not in said
    assert all(moved.startswith("ddydd ") for moved in re.findall(r"wedi symud o (\S+ )", said))
