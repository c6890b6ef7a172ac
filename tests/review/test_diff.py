"""`sync-intents diff` on a temporary git repository: what each council's residents will see change."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft202012Validator

from tests.review.conftest import LibraryRepository
from webhook.cli import main
from webhook.review.render import MARKER, markdown, text_lines
from webhook.review.report import Review, Revision, build_review
from webhook.review.serialise import as_json, schema

SNAPSHOTS = Path(__file__).with_name("snapshots")
PAY = "intents/council_tax/pay.yaml"
POLLING = "intents/elections/polling_station.yaml"


def affected(review: Review) -> set[tuple[str, str]]:
    return {(section.council, section.language) for section in review.sections}


def only_section(review: Review) -> Any:
    assert len(review.sections) == 1, affected(review)
    return review.sections[0]


def test_a_changed_answer_names_exactly_the_councils_and_languages_whose_residents_see_it(
    repo: LibraryRepository,
) -> None:
    # council_tax.pay is a district service: the county (oxfordshire) sends residents to their district,
    # so its answer, the routing message, does not change; no Welsh text changes either.
    repo.replace(PAY, "Pay online now.", "Pay online today, it takes two minutes.")
    repo.commit("shorter wording")

    review = build_review(repo.root, "base", "HEAD")

    assert affected(review) == {("cardiff", "en"), ("demo", "en"), ("oxford", "en")}
    for section in review.sections:
        [change] = section.intents
        assert (change.intent, change.status) == ("council_tax.pay", "changed")
        [text] = change.values
        assert text.field == "text" and (text.layer_before, text.layer_after) == ("library", "library")
        assert any("Pay online now." in line for line in text.before)
        assert any("two minutes" in line for line in text.after)
        assert "{service.phone}" not in " ".join(text.after)  # as the council's residents read it
        [update] = section.agent
        assert (update.action, update.name) == ("update", "council_tax.pay")
        assert update.responses_added and not update.phrases_added
    assert not review.blockers()


def test_a_new_phrase_names_exactly_the_councils_and_languages_that_understand_the_intent(
    repo: LibraryRepository,
) -> None:
    # Every English-speaking council classifies council_tax.pay, the county too (to send residents on);
    # no Welsh phrase changes, so no Welsh section, and nothing else appears.
    repo.edit_yaml(PAY, lambda data: data["languages"]["en"]["phrases"].append("settle my council tax bill"))
    repo.commit("one more way to say it")
    args = ["diff", "--library", str(repo.root), "--base", "base", "--head", "HEAD", "--all"]

    report = json.loads(CliRunner().invoke(main, [*args, "--format", "json"]).output)
    text = CliRunner().invoke(main, args).output

    english = [(slug, "en") for slug in ("cardiff", "demo", "oxford", "oxfordshire")]
    assert [(a["council"], a["language"]) for a in report["affected"]] == english
    for section in report["sections"]:
        [change] = section["intents"]
        assert (change["intent"], change["phrases_added"], change["values"]) == ("council_tax.pay", 1, [])
        [update] = section["dialogflow"]
        assert update["name"] == "council_tax.pay"
        assert update["phrases_added"] == ["settle my council tax bill"]
    headings = [line for line in text.splitlines() if line.startswith("== ")]
    assert headings == [f"== {slug}, English (en)" for slug, _ in english]
    assert "Welsh" not in text


def test_a_changed_prompt_shows_as_the_question_asked_in_that_language_only(repo: LibraryRepository) -> None:
    # The county sends residents to their district for elections, so its agent asks nothing.
    repo.replace(POLLING, "Er enghraifft, AA1 1AA.", "Er enghraifft, CF10 1AA.")
    repo.commit("a Welsh example postcode")

    review = build_review(repo.root, "base", "HEAD")

    assert affected(review) == {("cardiff", "cy"), ("demo", "cy")}
    for section in review.sections:
        [change] = section.intents
        [prompt] = change.values
        assert (change.intent, prompt.field) == ("elections.polling_station", "prompt:postcode")
        assert (prompt.layer_before, prompt.layer_after) == ("library", "library")
        assert "AA1 1AA" in prompt.before[0] and "CF10 1AA" in prompt.after[0]
        [update] = section.agent
        assert (update.name, update.prompts_changed) == ("elections.polling_station", ("postcode",))
    assert "question asked for postcode:" in "\n".join(text_lines(review))


def test_the_working_tree_is_the_default_head_and_is_left_as_it_is(repo: LibraryRepository) -> None:
    repo.replace(PAY, "Pay online now.", "Pay online today.")
    before = (repo.root / PAY).read_text(encoding="utf-8")

    review = build_review(repo.root, "base", councils=["demo"])

    assert affected(review) == {("demo", "en")}
    assert review.head.ref == "working tree" and review.head.commit == ""
    assert (repo.root / PAY).read_text(encoding="utf-8") == before
    assert repo.git("status", "--porcelain") == f"M {PAY}"


def test_an_intent_disabled_by_an_overlay_shows_for_that_council_only(repo: LibraryRepository) -> None:
    repo.edit_yaml(
        "councils/oxford/council.yaml",
        lambda data: data.setdefault("intents", {}).setdefault("disabled", []).append("parking.fine"),
    )
    repo.commit("oxford does not take parking fines")

    review = build_review(repo.root, "base", "HEAD")

    section = only_section(review)
    assert (section.council, section.language) == ("oxford", "en")
    [change] = section.intents
    assert (change.intent, change.status) == ("parking.fine", "disabled")
    assert change.values and all(not value.after for value in change.values)
    assert [(c.action, c.name) for c in section.agent] == [("delete", "parking.fine")]


BENCH = """id: streets.broken_bench
title: Report a broken bench
description: A resident reports a broken bench in a park or on a street.
tier: district
languages:
  en:
    review: native
    topic: benches
    phrases:
      - the bench in the park is broken
      - broken bench on my road
      - report a smashed bench
    responses:
      text:
        - "Report a broken bench on our website and we'll fix it."
  cy:
    review: needs-welsh-speaker
    topic: meinciau
    phrases:
      - mae'r fainc yn y parc wedi torri
      - mainc wedi torri ar fy ffordd
      - rhoi gwybod am fainc wedi'i chwalu
    responses:
      text:
        - "Rhowch wybod am fainc wedi torri ar ein gwefan ac fe wnawn ni ei thrwsio."
"""


def test_intents_added_removed_and_enabled_again_show_where_they_are_offered(repo: LibraryRepository) -> None:
    oxford = "councils/oxford/council.yaml"
    (repo.root / "intents" / "streets" / "broken_bench.yaml").write_text(BENCH, encoding="utf-8")
    repo.edit_yaml(
        oxford, lambda data: data.setdefault("intents", {}).setdefault("disabled", []).append("parking.fine")
    )
    repo.commit("benches; oxford stops taking parking fines")
    (repo.root / "intents" / "streets" / "broken_bench.yaml").unlink()
    repo.edit_yaml(oxford, lambda data: data["intents"]["disabled"].remove("parking.fine"))
    repo.commit("no benches after all; oxford takes parking fines again")

    added = build_review(repo.root, "base", "HEAD~1")
    removed = build_review(repo.root, "HEAD~1", "HEAD")

    everywhere = {(slug, "en") for slug in ("cardiff", "demo", "oxford", "oxfordshire")}
    everywhere |= {("cardiff", "cy"), ("demo", "cy")}
    assert affected(added) == affected(removed) == everywhere
    for section in added.sections:
        statuses = {change.intent: change.status for change in section.intents}
        expected = {"streets.broken_bench": "added"}
        if section.council == "oxford":
            expected["parking.fine"] = "disabled"
        assert statuses == expected, section.council
        bench = next(c for c in section.intents if c.intent == "streets.broken_bench")
        assert bench.values[0].field == "text" and not bench.values[0].before
        assert ("create", "streets.broken_bench") in {(c.action, c.name) for c in section.agent}
    for section in removed.sections:
        statuses = {change.intent: change.status for change in section.intents}
        expected = {"streets.broken_bench": "removed"}
        if section.council == "oxford":
            expected["parking.fine"] = "enabled"
        assert statuses == expected, section.council
        assert ("delete", "streets.broken_bench") in {(c.action, c.name) for c in section.agent}
    # the county answers a district's intent by sending residents on: the layer says so
    [county] = [s for s in added.sections if s.council == "oxfordshire"]
    assert county.intents[0].values[0].layer_after == "routing"


def test_a_head_whose_agent_cannot_be_compiled_still_shows_the_answers_with_a_warning(
    repo: LibraryRepository,
) -> None:
    # No Welsh text: `validate` refuses it, and `apply` could not build a Welsh council's agent.
    english_only = BENCH.partition("  cy:\n")[0]
    (repo.root / "intents" / "streets" / "broken_bench.yaml").write_text(english_only, encoding="utf-8")
    repo.commit("benches, in English only")

    result = CliRunner().invoke(
        main, ["diff", "--library", str(repo.root), "--base", "base", "--head", "HEAD"]
    )

    assert result.exit_code == 0, result.output
    for slug in ("cardiff", "demo"):
        assert f"{slug}'s Dialogflow agent cannot be compiled from the head revision" in result.output
    assert "== cardiff, English (en)\n  streets.broken_bench: new intent" in result.output
    assert (
        "== oxford, English (en)" in result.output and "+ create intent streets.broken_bench" in result.output
    )


def test_a_welsh_only_change_names_only_the_welsh_speaking_councils_in_welsh(repo: LibraryRepository) -> None:
    repo.edit_yaml(
        "intents/system/thanks_goodbye.yaml",
        lambda data: data["languages"]["cy"]["responses"]["text"].append("Hwyl fawr am y tro!"),
    )
    repo.commit("another Welsh goodbye")

    review = build_review(repo.root, "base", "HEAD")

    assert affected(review) == {("cardiff", "cy"), ("demo", "cy")}
    for section in review.sections:
        [change] = section.intents
        assert change.intent == "system.thanks_goodbye"
        assert "Hwyl fawr am y tro!" in change.values[0].after
        assert [(c.action, c.name) for c in section.agent] == [("update", "system.thanks_goodbye")]


def test_a_renamed_intent_is_one_rename_not_a_removal_and_an_addition(repo: LibraryRepository) -> None:
    repo.git("mv", "intents/parking/fine.yaml", "intents/parking/penalty_charge.yaml")
    repo.replace("intents/parking/penalty_charge.yaml", "id: parking.fine", "id: parking.penalty_charge")
    repo.commit("rename")

    review = build_review(repo.root, "base", "HEAD", ["oxford"])

    [change] = only_section(review).intents
    assert (change.intent, change.status, change.renamed_from) == (
        "parking.penalty_charge",
        "renamed",
        "parking.fine",
    )
    assert change.phrases_added == change.phrases_removed == 0
    actions = {(c.action, c.name) for c in only_section(review).agent}
    assert actions == {("delete", "parking.fine"), ("create", "parking.penalty_charge")}


def test_an_answer_that_becomes_empty_fails_the_check(repo: LibraryRepository) -> None:
    repo.blank_oxford_contact()
    repo.commit("a slip")

    review = build_review(repo.root, "base", "HEAD")

    [change] = only_section(review).intents
    assert change.empty_answer and change.values[0].layer_after == "council:oxford"
    assert review.blockers() == ["oxford (en): council.contact now answers with nothing"]
    result = CliRunner().invoke(main, ["diff", "--library", str(repo.root), "--base", "base", "--check"])
    assert result.exit_code == 1
    assert "council.contact now answers with nothing" in result.output


def test_no_change_says_so(repo: LibraryRepository) -> None:
    result = CliRunner().invoke(main, ["diff", "--library", str(repo.root), "--base", "base"])
    assert result.exit_code == 0, result.output
    assert "No council's bot changes." in result.output
    assert "Unchanged: cardiff, demo, oxford, oxfordshire" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--base", "no-such-branch"], "no revision 'no-such-branch'"),
        (["--base", "base", "--council", "nowhere"], "no council nowhere in either revision"),
        (["--base", "base", "--council", "demo", "--all"], "give --council or --all, not both"),
    ],
)
def test_bad_requests_are_clear_errors(repo: LibraryRepository, args: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["diff", "--library", str(repo.root), *args])
    assert result.exit_code != 0
    assert message in result.output


def test_a_folder_outside_git_is_a_clear_error(tmp_path: Path, repo: LibraryRepository) -> None:
    plain = tmp_path / "plain"
    for folder in ("intents", "councils"):
        (plain / folder).mkdir(parents=True)
    result = CliRunner().invoke(main, ["diff", "--library", str(plain), "--base", "main"])
    assert result.exit_code == 1
    assert "is not in a git repository" in result.output


def test_markdown_matches_the_snapshot(repo: LibraryRepository) -> None:
    # The base sets its own text, so the snapshot does not follow later edits to the library.
    repo.edit_yaml(
        "intents/system/thanks_goodbye.yaml",
        lambda data: data["languages"]["cy"]["responses"].update(
            {"text": ["Diolch! Hwyl."], "quick_replies": ["Dechrau eto"]}
        ),
    )
    repo.commit("known Welsh")
    repo.git("tag", "-f", "base")
    repo.edit_yaml(
        "intents/system/thanks_goodbye.yaml",
        lambda data: data["languages"]["cy"]["responses"].update(
            {"text": ["Diolch yn fawr! Hwyl <fawr>."], "quick_replies": []}
        ),
    )
    repo.commit("warmer Welsh")

    review = build_review(repo.root, "base", "HEAD")
    # Commit ids change whenever the copied library does; the snapshot is of everything else.
    review = dataclasses.replace(review, base=Revision("base", "1" * 40), head=Revision("HEAD", "2" * 40))
    text = markdown(review)

    assert text.startswith(MARKER + "\n")
    assert text == (SNAPSHOTS / "welsh_goodbye.md").read_text(encoding="utf-8")


def test_json_output_follows_its_schema(repo: LibraryRepository) -> None:
    repo.replace(PAY, "Pay online now.", "Pay online today.")
    repo.edit_yaml(
        "councils/oxford/council.yaml",
        lambda data: data.setdefault("intents", {}).setdefault("disabled", []).append("parking.fine"),
    )
    repo.commit("two changes")

    result = CliRunner().invoke(
        main, ["diff", "--library", str(repo.root), "--base", "base", "--head", "HEAD", "--format", "json"]
    )

    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    Draft202012Validator.check_schema(schema())
    assert list(Draft202012Validator(schema()).iter_errors(report)) == []
    assert report["affected"] == [
        {"council": "cardiff", "language": "en"},
        {"council": "demo", "language": "en"},
        {"council": "oxford", "language": "en"},
    ]
    assert report["check"] == {"passed": True, "blockers": []}


def test_the_schema_rejects_what_the_output_never_holds(repo: LibraryRepository) -> None:
    report = as_json(build_review(repo.root, "base"))
    validator = Draft202012Validator(schema())
    assert list(validator.iter_errors(report)) == []
    report["sections"] = [{"council": "demo", "language": "en"}]
    assert list(validator.iter_errors(report))
