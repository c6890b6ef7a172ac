"""A council's own mutated forms (`welsh_mutations` in its overlay) for names the rules get wrong: read
from council.yaml and used wherever Welsh text mutates a placeholder, in intents' responses and in the
handlers' messages alike; and the lint's findings as `sync-intents validate` prints them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import BuildLibrary
from webhook.cli import main
from webhook.library.loader import load_library
from webhook.library.messages import message_text
from webhook.library.resolve import resolve_intent
from webhook.library.validate import validate_library

WELCOME = """\
id: system.welcome
title: Welcome
description: Greet the resident and say what the bot can help with.
tier: any
events: [WELCOME]
languages:
  en:
    review: native
    phrases: [hello, good morning]
    responses:
      text: ["Welcome to {council.name}."]
  cy:
    review: needs-welsh-speaker
    phrases: [bore da]
    responses:
      text: ["Croeso i {council.name|soft}."]
"""

UNITARY = """\
slug: unitary
name:
  en: Unitary Council
  cy: Cyngor Unedol
gss_code: W06000998
tier: unitary
nation: wales
languages: [en, cy]
contact:
  phone: "01632 960001"
  website:
    en: https://unitary.example
    cy: https://unitary.example/cy
services:
  waste.collection_day:
    url: https://unitary.example/bins
"""

# The council keeps its own name unmutated, and an English name of another body as it is.
FORMS = """\
welsh_mutations:
  Cyngor Unedol: {soft: Cyngor Unedol}
  Transport for Wales: {soft: Transport for Wales, nasal: Transport for Wales}
"""


def _library(build_library: BuildLibrary, *, forms: bool) -> Path:
    council = UNITARY + (FORMS if forms else "")
    return build_library(
        files={"intents/system/welcome.yaml": WELCOME, "councils/unitary/council.yaml": council}
    )


def _welcome(root: Path) -> str:
    library = load_library(root).library
    resolved = resolve_intent(library, library.councils["unitary"], "system.welcome", "cy")
    (text,) = resolved.responses.text
    return text


def _elsewhere(root: Path) -> str:
    library = load_library(root).library
    return message_text(
        library,
        library.councils["unitary"],
        "common.elsewhere",
        "cy",
        postcode="AA1 1AA",
        council="Cyngor Unedol",
        other="Transport for Wales",
    )


def test_without_forms_of_its_own_a_councils_name_follows_the_rules(build_library: BuildLibrary) -> None:
    root = _library(build_library, forms=False)
    assert _welcome(root) == "Croeso i Gyngor Unedol."
    assert "gan Dransport for Wales" in _elsewhere(root)  # the rules know no English


def test_the_overlays_forms_win_in_responses_and_in_handler_messages(build_library: BuildLibrary) -> None:
    root = _library(build_library, forms=True)
    assert not validate_library(root).errors
    assert _welcome(root) == "Croeso i Cyngor Unedol."
    assert "gan Transport for Wales," in _elsewhere(root)


def test_an_overlay_form_of_an_unknown_mutation_is_refused(build_library: BuildLibrary) -> None:
    root = build_library(
        files={
            "intents/system/welcome.yaml": WELCOME,
            "councils/unitary/council.yaml": UNITARY
            + "welsh_mutations:\n  Cyngor Unedol: {meddal: Gyngor}\n",
        }
    )
    errors = validate_library(root).errors
    assert any(error.location.path.name == "council.yaml" for error in errors)


def test_validate_prints_each_missing_mutation_at_file_line_column_with_its_form(
    build_library: BuildLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = WELCOME.replace(
        '"Croeso i {council.name|soft}."', '"Croeso i {council.name}. Mae ar agor o dydd Llun."'
    )
    root = build_library(files={"intents/system/welcome.yaml": broken})
    monkeypatch.chdir(root)  # paths are printed from where the command runs
    line = broken.splitlines()[15]
    placeholder, day = line.index("{council.name}") + 1, line.index("dydd") + 1
    result = CliRunner().invoke(main, ["validate", "--strict", "--library", str(root)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if "[welsh-mutation]" in line]
    assert lines == [
        f"intents/system/welcome.yaml:16:{placeholder}: warning: after 'i', {{council.name}} takes the "
        "soft mutation: write {council.name|soft} [welsh-mutation]",
        f"intents/system/welcome.yaml:16:{day}: warning: after 'o', 'dydd' takes the soft mutation: o ddydd "
        "[welsh-mutation]",
    ]
