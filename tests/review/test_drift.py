"""`sync-intents drift` on a temporary git repository with a dated history: what a council's overlay
changes, and what the shared library changed under it since the council last reviewed it."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.conftest import REPOSITORY
from tests.review.conftest import GIT_ENV, LibraryRepository, new_library_repository
from webhook.cli import main
from webhook.fulfilment.handler_names import handler_names
from webhook.library.validate import validate_library

DEMO = "councils/demo/council.yaml"
OXFORD = "councils/oxford/council.yaml"
PAY = "intents/council_tax/pay.yaml"
FINE = "intents/parking/fine.yaml"
#: The day the library was first committed, the day demo reviewed it, and a day after that.
FIRST_DAY, REVIEWED, LATER = "2026-06-01", dt.date(2026, 7, 1), "2026-08-03"
DEMO_PAY_TEXT = "Pay your Demo council tax at demo-council.example/pay."
NEW_INTENT = """\
id: waste.food_caddy
title: Food waste caddy
description: The resident wants a caddy for food waste.
tier: any
languages:
  en:
    review: native
    phrases:
      - i need a food waste caddy
      - can i get a new food caddy
      - where do i get a food bin
    responses:
      text:
        - "You can order a food waste caddy on our website."
"""


def commit_on(repo: LibraryRepository, day: str, message: str) -> str:
    """Commit every change as made at noon (UTC) on `day`; the new commit's id."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(repo.root),
        **GIT_ENV,
        "GIT_AUTHOR_DATE": f"{day}T12:00:00Z",
        "GIT_COMMITTER_DATE": f"{day}T12:00:00Z",
    }
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", "-C", str(repo.root), *args], env=env, check=True, capture_output=True)
    return repo.git("rev-parse", "HEAD")


def demo_reviews(data: Any) -> None:
    """Demo's overlay as its officer left it on the reviewed day: its own council tax wording, parking
    fines not offered, its own phrase for bins and its own wording of one of the bot's sentences."""
    data["reviewed"] = REVIEWED
    data["intents"] = {
        "disabled": ["parking.fine"],
        "overrides": {
            "council_tax.pay": {"en": {"responses": {"text": [DEMO_PAY_TEXT]}}},
            "waste.collection_day": {"en": {"extra_phrases": ["when do the demo bin men come"]}},
        },
    }
    data["messages"] = {"common.find_council": {"en": "Find your council on GOV.UK, or ask us."}}


@pytest.fixture
def history(tmp_path: Path) -> LibraryRepository:
    """The library committed on FIRST_DAY; on REVIEWED, demo's officer reviews it and commits its overlay."""
    repo = new_library_repository(tmp_path)
    commit_on(repo, FIRST_DAY, "the library")
    repo.edit_yaml(DEMO, demo_reviews)
    commit_on(repo, REVIEWED.isoformat(), "demo reviews the library")
    return repo


def drift(repo: LibraryRepository, *args: str) -> Result:
    return CliRunner().invoke(main, ["drift", "--library", str(repo.root), *args])


def drift_json(repo: LibraryRepository, *args: str) -> dict[str, Any]:
    result = drift(repo, *args, "--format", "json")
    assert result.exit_code == 0, result.output
    report: dict[str, Any] = json.loads(result.output)
    return report


def english(report: dict[str, Any], council: str = "demo") -> dict[str, Any]:
    [found] = [c for c in report["councils"] if c["council"] == council]
    [language] = [entry for entry in found["languages"] if entry["language"] == "en"]
    return language


def sector_changes(repo: LibraryRepository) -> None:
    """After demo's review the sector rewords paying council tax and parking fines, and adds an intent."""
    repo.replace(PAY, "Pay online now.", "Pay online today, it takes two minutes.")
    repo.edit_yaml(
        FINE, lambda data: data["languages"]["en"]["responses"].update(text=["Pay or challenge it."])
    )
    (repo.root / "intents/waste/food_caddy.yaml").write_text(NEW_INTENT, encoding="utf-8")
    commit_on(repo, LATER, "Council tax: a quicker way to pay; parking fines; food caddies")


def test_the_overlay_is_listed_per_language(history: LibraryRepository) -> None:
    result = drift(history, "--council", "demo")

    assert result.exit_code == 0, result.output
    english_part, welsh_part = result.output.split("== Welsh (cy)")
    assert "disabled: parking.fine" in english_part
    assert "answers you word yourself: council_tax.pay (answer)" in english_part
    assert "extra training phrases: waste.collection_day (+1)" in english_part
    assert "messages you reword: common.find_council" in english_part
    # Demo words nothing itself in Welsh: only the intent it disabled applies there.
    assert "disabled: parking.fine" in welsh_part
    assert "council_tax.pay" not in welsh_part and "common.find_council" not in welsh_part


def test_nothing_since_the_review_says_so(history: LibraryRepository) -> None:
    result = drift(history, "--council", "demo")

    assert "what the shared library changed since 2026-07-01" in result.output
    assert result.output.count("The library changed nothing for your residents in this language.") == 2
    assert "Commits touching intents/ since 2026-07-01: 0" in result.output
    today = dt.date.today().isoformat()
    assert result.output.rstrip().endswith(
        f"Next: review what changed above, then set `reviewed: {today}` in {DEMO}."
    )


def test_a_library_change_to_an_answer_the_council_overrides_is_flagged_with_before_and_after(
    history: LibraryRepository,
) -> None:
    sector_changes(history)

    report = drift_json(history, "--council", "demo")

    [pay] = [i for i in english(report)["intents"] if i["intent"] == "council_tax.pay"]
    assert pay["status"] == "changed"
    assert pay["you_override"] == ["text"] and not pay["you_disabled"]
    assert pay["residents_see"] is False  # they still read demo's own wording
    [text] = pay["values"]
    assert any("Pay online now." in line for line in text["before"])
    assert any("it takes two minutes" in line for line in text["after"])
    assert DEMO_PAY_TEXT not in text["before"] + text["after"]  # the library's wording, not demo's

    shown = drift(history, "--council", "demo").output
    assert "council_tax.pay: changed [you override this: answer; your residents do not see this]" in shown
    assert "answer (you override this: your own wording is what residents see):" in shown
    assert "it takes two minutes" in shown


def test_a_library_change_to_an_intent_the_council_disabled_is_flagged(history: LibraryRepository) -> None:
    sector_changes(history)

    report = drift_json(history, "--council", "demo")

    [fine] = [i for i in english(report)["intents"] if i["intent"] == "parking.fine"]
    assert (fine["status"], fine["you_disabled"], fine["residents_see"]) == ("changed", True, False)
    assert fine["values"][0]["after"] == ["Pay or challenge it."]
    assert "parking.fine: changed [you disabled this; your residents do not see this]" in (
        drift(history, "--council", "demo").output
    )


def test_an_intent_new_to_the_library_stands_out(history: LibraryRepository) -> None:
    sector_changes(history)

    result = drift(history, "--council", "demo")

    english_part = result.output.split("== Welsh (cy)")[0]
    new_section = english_part.split(
        "NEW in the library (offered to your residents unless you disable them):"
    )[1]
    assert (
        new_section.split("Changed in the library:")[0]
        .strip()
        .startswith("waste.food_caddy: NEW in the library: now offered to your residents")
    )
    [caddy] = [i for i in english(drift_json(history, "--council", "demo"))["intents"] if i["new"]]
    assert (caddy["intent"], caddy["residents_see"]) == ("waste.food_caddy", True)


def test_the_councils_own_edits_since_the_review_are_not_library_drift(history: LibraryRepository) -> None:
    def demo_edits(data: Any) -> None:
        data["intents"]["overrides"]["council_tax.pay"]["en"]["responses"]["text"] = ["Pay us at the hub."]
        data["intents"]["disabled"].append("parking.permit")
        data["messages"]["common.find_council"]["en"] = "Find your council on GOV.UK."

    history.edit_yaml(DEMO, demo_edits)
    commit_on(history, LATER, "demo rewords paying and stops parking permits")
    history.edit_yaml(
        DEMO, lambda data: data["intents"]["disabled"].append("parking.blue_badge")
    )  # uncommitted

    result = drift(history, "--council", "demo")

    assert result.exit_code == 0, result.output
    assert result.output.count("The library changed nothing for your residents in this language.") == 2
    assert "disabled: parking.blue_badge, parking.fine, parking.permit" in result.output  # as it is now
    assert "Commits touching intents/ since 2026-07-01: 0" in result.output


def test_the_commits_since_the_review_are_listed_newest_first(history: LibraryRepository) -> None:
    sector_changes(history)
    history.replace(PAY, "Pay online today", "Pay online right now")
    commit_on(history, "2026-09-10", "Council tax: plainer still")
    history.edit_yaml(OXFORD, lambda data: data.update(reviewed="2026-09-01"))
    commit_on(history, "2026-09-11", "oxford reviews (no library change)")

    result = drift(history, "--council", "demo")

    lines = result.output.splitlines()
    start = lines.index("Commits touching intents/ since 2026-07-01: 2 (newest first)")
    assert [line.split(maxsplit=2)[1:] for line in lines[start + 1 : start + 3]] == [
        ["2026-09-10", "Council tax: plainer still"],
        ["2026-08-03", "Council tax: a quicker way to pay; parking fines; food caddies"],
    ]


def test_since_replaces_the_reviewed_date_and_serves_an_overlay_without_one(
    history: LibraryRepository,
) -> None:
    sector_changes(history)

    without = drift(history, "--council", "oxford")
    assert without.exit_code == 0, without.output
    assert f"oxford (Oxford City Council): no `reviewed:` date in {OXFORD}" in without.output
    assert "Changed in the library" not in without.output
    assert without.output.rstrip().endswith(
        f"Next: add `reviewed: YYYY-MM-DD` (the day the council last checked the shared library) to "
        f"{OXFORD}, or pass --since YYYY-MM-DD, to list what the library changed since."
    )

    since = drift_json(history, "--council", "oxford", "--since", "2026-07-01")
    [oxford] = since["councils"]
    assert oxford["baseline"]["since"] == "2026-07-01" and oxford["baseline"]["source"] == "--since"
    assert oxford["reviewed"] is None
    changed = {i["intent"]: i for i in english(since, "oxford")["intents"]}
    assert changed["council_tax.pay"]["residents_see"] and not changed["council_tax.pay"]["you_override"]
    assert changed["waste.food_caddy"]["new"]

    # For demo, --since a day after the sector's change leaves nothing to review.
    later = drift_json(history, "--council", "demo", "--since", "2026-08-04")
    assert english(later)["intents"] == [] and later["councils"][0]["commit_count"] == 0


def test_the_json_is_the_same_on_every_run(history: LibraryRepository) -> None:
    sector_changes(history)

    first = drift(history, "--council", "demo", "--council", "oxford", "--format", "json")
    again = drift(history, "--council", "demo", "--council", "oxford", "--format", "json")

    assert first.exit_code == 0, first.output
    assert first.output == again.output
    report = json.loads(first.output)
    assert list(report) == ["format", "today", "councils"]
    assert [c["council"] for c in report["councils"]] == ["demo", "oxford"]
    demo = report["councils"][0]
    assert list(demo) == [
        "council",
        "name",
        "overlay",
        "reviewed",
        "baseline",
        "languages",
        "commits",
        "commit_count",
        "uncommitted",
        "warnings",
        "next",
    ]
    assert demo["reviewed"] == "2026-07-01" and demo["overlay"] == DEMO
    assert demo["commits"] == [
        {
            "sha": demo["commits"][0]["sha"],
            "date": "2026-08-03",
            "subject": "Council tax: a quicker way to pay; parking fines; food caddies",
        }
    ]
    assert english(report)["overlay"] == {
        "disabled": ["parking.fine"],
        "overridden": [
            {"intent": "council_tax.pay", "parts": ["text"], "extra_phrases": 0},
            {"intent": "waste.collection_day", "parts": [], "extra_phrases": 1},
        ],
        "messages": ["common.find_council"],
        "stale": [],
    }
    assert [i["intent"] for i in english(report)["intents"]] == sorted(
        i["intent"] for i in english(report)["intents"]
    )


def test_markdown_keeps_what_a_council_wrote_from_becoming_markup(history: LibraryRepository) -> None:
    history.replace(PAY, "Pay online now.", "Pay online <b>now</b> | today.")
    commit_on(history, LATER, "markup slipped in")

    result = drift(history, "--council", "oxford", "--since", "2026-07-01", "--format", "markdown")

    assert result.exit_code == 0, result.output
    assert result.output.startswith("## oxford (Oxford City Council): what the shared library changed since")
    assert "Pay online &lt;b&gt;now&lt;/b&gt; \\| today." in result.output
    assert "<b>" not in result.output


def test_a_council_that_has_just_joined_has_nothing_to_review(history: LibraryRepository) -> None:
    joined = CliRunner().invoke(
        main, ["new-council", "--library", str(history.root), "E07000177", "--phone", "01295 227001"]
    )
    assert joined.exit_code == 0, joined.output

    result = drift(history, "--council", "cherwell")

    assert result.exit_code == 0, result.output
    assert f"what the shared library changed since {dt.date.today().isoformat()}" in result.output
    assert "The library changed nothing for your residents in this language." in result.output


def test_reviewed_is_valid_in_an_overlay_and_a_wrong_one_is_a_schema_error(
    history: LibraryRepository,
) -> None:
    assert [p.format() for p in validate_library(history.root, handler_names=handler_names()).errors] == []

    history.replace(DEMO, "reviewed: 2026-07-01", "reviewed: last week")
    errors = [p.format() for p in validate_library(history.root, handler_names=handler_names()).errors]

    assert len(errors) == 1 and "reviewed: 'last week' does not match" in errors[0]
    result = drift(history, "--council", "demo")
    assert result.exit_code == 1
    assert "demo's overlay does not load" in result.output and "sync-intents validate" in result.output


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (
            ["--council", "demo", "--since", "2026-01-01"],
            "2026-01-01 is before the repository's history: its first commit is dated 2026-06-01",
            1,
        ),
        (["--council", "demo", "--since", "2999-01-01"], "2999-01-01 is in the future", 1),
        (["--council", "nowhere"], "no council nowhere (known: cardiff, demo, oxford, oxfordshire)", 1),
        (["--council", "demo", "--since", "1 July"], "Invalid value for '--since'", 2),
        ([], "give --council SLUG (repeat for more) or --all", 2),
        (["--council", "demo", "--all"], "give --council SLUG (repeat for more) or --all", 2),
    ],
)
def test_bad_requests_are_one_clear_line(
    history: LibraryRepository, args: list[str], message: str, code: int
) -> None:
    result = drift(history, *args)

    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_folder_outside_git_is_a_clear_error(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    for folder in ("intents", "councils"):
        shutil.copytree(REPOSITORY / folder, plain / folder)

    result = CliRunner().invoke(main, ["drift", "--library", str(plain), "--council", "demo"])

    assert result.exit_code == 1
    assert "is not in a git repository" in result.output


def test_all_reports_every_council(history: LibraryRepository) -> None:
    sector_changes(history)

    report = drift_json(history, "--all")

    assert [c["council"] for c in report["councils"]] == ["cardiff", "demo", "oxford", "oxfordshire"]
    assert [c["baseline"] is not None for c in report["councils"]] == [False, True, False, False]
