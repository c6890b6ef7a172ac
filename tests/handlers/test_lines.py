"""A library answer that says "call 01632 960000" knows whether that line is open (the council's hours
and bank holidays), so a resident at 7.45pm is not sent to ring a closed switchboard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.handlers.conftest import Ask, app_on, copy_library, make_ask

TUESDAY_MORNING = dt.datetime(2026, 6, 2, 10, 0)
TUESDAY_EVENING = dt.datetime(2026, 6, 2, 19, 45)
BANK_HOLIDAY_MONDAY = dt.datetime(2026, 8, 31, 11, 0)  # the summer bank holiday in Wales


def test_in_office_hours_the_answer_is_the_librarys_own(ask: Ask, clock) -> None:
    clock(TUESDAY_MORNING)
    answer = ask("council_tax.pay", text="how do i pay my council tax")
    assert "01632 960000" in answer.text
    assert "closed" not in answer.text


def test_in_the_evening_it_says_when_the_lines_open(ask: Ask, clock) -> None:
    clock(TUESDAY_EVENING)
    answer = ask("council_tax.pay", text="how do i pay my council tax")
    assert answer.texts[-1] == "Our phone lines are closed now. They open again tomorrow at 9am."


def test_on_a_bank_holiday_in_welsh(ask: Ask, clock) -> None:
    clock(BANK_HOLIDAY_MONDAY)
    answer = ask("council_tax.pay", language="cy", text="sut mae talu treth y cyngor")
    assert answer.texts[-1].startswith("Mae ein llinellau ffôn ar gau nawr. Maen nhw'n agor eto")


def test_an_answer_with_no_switchboard_number_gets_no_note(ask: Ask, clock) -> None:
    clock(TUESDAY_EVENING)
    answer = ask("system.thanks_goodbye", text="thanks bye")
    assert "closed" not in answer.text


def test_a_service_line_answered_day_and_night_gets_no_note(ask: Ask, clock) -> None:
    clock(TUESDAY_EVENING)
    answer = ask("housing.repair", text="my boiler is broken")
    assert "01632 960200" in answer.text and "01632 960000" not in answer.text
    assert "closed" not in answer.text


def test_a_service_line_keeps_its_own_hours(tmp_path: Path, clock) -> None:
    library = with_repairs_hours(tmp_path, 'monday: "08:00-20:00"\n      tuesday: "08:00-20:00"')
    ask = make_ask(app_on(library))
    clock(TUESDAY_EVENING)  # 7.45pm: the repairs line is open until 8pm, the switchboard is not
    assert "closed" not in ask("housing.repair", text="my boiler is broken").text
    clock(TUESDAY_EVENING.replace(hour=20, minute=30))
    answer = ask("housing.repair", text="my boiler is broken")
    assert answer.texts[-1] == "Our phone lines are closed now. They open again Monday 8 June at 8am."


def test_a_service_line_with_no_hours_of_its_own_keeps_the_councils(tmp_path: Path, clock) -> None:
    library = with_repairs_hours(tmp_path, None)
    ask = make_ask(app_on(library))
    clock(TUESDAY_EVENING)
    answer = ask("housing.repair", text="my boiler is broken")
    assert answer.texts[-1] == "Our phone lines are closed now. They open again tomorrow at 9am."


def with_repairs_hours(root: Path, hours: str | None) -> Path:
    """The library with the demo repairs line's `phone_hours` replaced (None: removed)."""
    library = copy_library(root)
    overlay = library / "councils" / "demo" / "council.yaml"
    text = overlay.read_text("utf-8")
    replacement = f"    phone_hours:\n      {hours}\n" if hours else ""
    changed = text.replace("    phone_hours: always\n", replacement)
    assert changed != text
    overlay.write_text(changed, "utf-8")
    return library
