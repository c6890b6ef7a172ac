"""Every rule has a broken fixture, and each is reported at its file, line, column and rule id."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest

from tests.conftest import BuildLibrary
from webhook.fulfilment.handler_names import handler_names
from webhook.library.problems import Problem, Severity
from webhook.library.rules import RULES
from webhook.library.validate import validate_library

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(path.name for path in BROKEN.iterdir() if path.is_dir())


def line(problem: Problem, root: Path) -> str:
    """`PATH:LINE:COL: severity [rule]`, then ` caused by PATH:LINE:COL` for a knock-on effect."""
    cause = f" caused by {problem.cause.display(root)}" if problem.cause else ""
    return f"{problem.location.display(root)}: {problem.severity} [{problem.rule}]{cause}"


def reported(root: Path) -> tuple[set[str], set[str]]:
    """(every problem as a line, the errors alone), paths relative to root; every rule runs, with the
    handlers the fulfilment package provides."""
    problems = validate_library(root, handler_names=handler_names()).problems
    lines = {line(p, root) for p in problems}
    errors = {line(p, root) for p in problems if p.severity is Severity.ERROR}
    return lines, errors


def test_the_minimal_library_has_no_errors(build_library: BuildLibrary) -> None:
    _, errors = reported(build_library())
    assert errors == set()


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_is_reported_where_it_is_broken(case: str, build_library: BuildLibrary) -> None:
    root = build_library(BROKEN / case)
    expected = set((BROKEN / case / "expect.txt").read_text().splitlines())
    lines, errors = reported(root)
    assert expected <= lines, f"missing: {expected - lines}"
    assert errors <= expected, f"errors nobody expected: {errors - expected}"


def test_every_rule_has_a_broken_fixture() -> None:
    assert set(RULES) == set(CASES)


def test_a_strict_run_fails_on_warnings_alone(build_library: BuildLibrary) -> None:
    report = validate_library(build_library(BROKEN / "phrase-near-duplicate"))
    assert not report.errors and report.warnings
    assert report.passed() and not report.passed(strict=True)


#: How every placeholder-undefined message ends.
OR_ELSE = "override this response there, or disable the intent"


def problems_of(rule_id: str, root: Path, handlers: Collection[str] | None = None) -> list[tuple[str, str]]:
    """(`PATH:LINE:COL`, message) of each problem a rule finds, paths relative to root."""
    problems = validate_library(root, handler_names=handlers).problems
    return [(p.location.display(root), p.message) for p in problems if p.rule == rule_id]


def test_an_undefined_placeholder_is_reported_where_the_intent_uses_it_naming_each_council(
    build_library: BuildLibrary,
) -> None:
    root = build_library(BROKEN / "placeholder-undefined")
    found = problems_of("placeholder-undefined", root)
    assert {location for location, _ in found} == {"intents/system/welcome.yaml:12:33"}
    assert sorted(message for _, message in found) == [
        f"{{council.textphone}} is not defined for {slug}, which offers system.welcome: give "
        f"facts.textphone in councils/{slug}/council.yaml, {OR_ELSE}"
        for slug in ("county", "district", "unitary")
    ]


def test_a_placeholder_in_a_councils_override_is_reported_in_its_overlay(build_library: BuildLibrary) -> None:
    overlay = (BROKEN.parent / "minimal" / "councils" / "district" / "council.yaml").read_text()
    overlay += (
        "intents:\n"
        "  overrides:\n"
        "    system.welcome:\n"
        "      en:\n"
        "        responses:\n"
        "          text:\n"
        "            - >-\n"
        "              Hello from {council.name},\n"
        "              call {council.minicom} or {councl.phone}.\n"
    )
    root = build_library(files={"councils/district/council.yaml": overlay})
    undefined = problems_of("placeholder-undefined", root)
    assert undefined == [
        (
            "councils/district/council.yaml:20:20",
            "{council.minicom} is not defined for district, which offers system.welcome: give "
            f"facts.minicom in councils/district/council.yaml, {OR_ELSE}",
        )
    ]
    assert [location for location, _ in problems_of("placeholder-unknown", root)] == [
        "councils/district/council.yaml:20:41"
    ]


def test_a_placeholder_the_routing_message_uses_is_reported_in_routing_yaml(
    build_library: BuildLibrary,
) -> None:
    minimal = BROKEN.parent / "minimal" / "councils" / "district" / "council.yaml"
    overlay = minimal.read_text().replace(
        "county: county\n", "county:\n  name: Shire County Council\n  website: https://shire.example\n"
    )
    root = build_library(files={"councils/district/council.yaml": overlay})
    routing = (root / "intents" / "routing.yaml").read_text().splitlines()
    line = next(number for number, text in enumerate(routing, 1) if "{provider.phone}" in text)
    column = routing[line - 1].index("{provider.phone}") + 1
    found = problems_of("placeholder-undefined", root)
    assert (
        f"intents/routing.yaml:{line}:{column}",
        "{provider.phone} is not defined for district, which offers streets.pothole: give county.phone in "
        f"councils/district/council.yaml, {OR_ELSE}",
    ) in found


def test_handlers_are_checked_only_when_their_names_are_given(build_library: BuildLibrary) -> None:
    root = build_library(BROKEN / "handler-unknown")
    assert problems_of("handler-unknown", root) == []
    assert problems_of("handler-unknown", root, handlers={"waste.collection_day"}) == [
        (
            "intents/waste/collection_day.yaml:19:12",
            "no fulfilment handler 'waste.colection_day' (did you mean 'waste.collection_day'?): name one of "
            "the handlers in webhook/fulfilment/handlers/, or remove fulfilment.handler to answer from the "
            "responses",
        )
    ]


def test_every_handler_the_library_names_exists() -> None:
    repository = Path(__file__).resolve().parents[2]
    assert problems_of("handler-unknown", repository, handlers=handler_names()) == []
