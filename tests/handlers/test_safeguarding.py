"""system.safeguarding, through /webhook/<slug>: emergency numbers first, and never a closed phone line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.handlers.conftest import Ask, app_on, make_ask, without_out_of_hours_line

TUESDAY_MORNING = dt.datetime(2026, 6, 2, 10, 0)
TUESDAY_NIGHT = dt.datetime(2026, 6, 2, 23, 30)
SATURDAY = dt.datetime(2026, 6, 6, 11, 0)


def test_in_office_hours_the_answer_is_the_librarys_with_999_first(ask: Ask, clock) -> None:
    clock(TUESDAY_MORNING)
    answer = ask("system.safeguarding", text="my partner hits me")
    assert answer.texts[0].startswith("If you are in danger now, call 999.")
    assert "closed" not in answer.text and "01632 960999" not in answer.text


def test_at_night_the_out_of_hours_line_follows_the_emergency_numbers(ask: Ask, clock) -> None:
    clock(TUESDAY_NIGHT)
    answer = ask("system.safeguarding", language="cy", text="mae fy mhartner yn fy nharo")
    assert answer.texts[0].startswith("Os ydych mewn perygl nawr, ffoniwch 999.")
    assert answer.texts[-1] == (
        "Mae ein swyddfeydd ar gau nawr. I roi gwybod bod plentyn neu oedolyn mewn perygl cyn i ni agor, "
        "ffoniwch ein llinell y tu allan i oriau ar 01632 960999."
    )


def test_without_an_out_of_hours_line_it_says_when_the_line_opens_and_to_call_999(
    tmp_path: Path, clock
) -> None:
    library = without_out_of_hours_line(tmp_path)
    clock(SATURDAY)
    answer = make_ask(app_on(library))("system.safeguarding", text="im worried about a child next door")
    assert answer.texts[-1] == (
        "Our offices are closed now and open again Monday 8 June at 9am. If a child or adult is in danger "
        "before then, call 999."
    )


def test_a_disclosure_typed_as_the_answer_to_another_question_gets_safeguarding_first(
    ask: Ask, clock
) -> None:
    # On Dialogflow the answer intent matches, but the words come first.
    clock(TUESDAY_MORNING)
    first = ask("streets.pothole", text="pothole")
    answer = ask(
        "dialogue.location_answer",
        text="i cant go home my husband will hurt me",
        contexts=first.contexts_for_next_turn(),
    )
    assert answer.texts[0].startswith("If you are in danger now, call 999.")
