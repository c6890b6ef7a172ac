"""What staff read: the figures of residents' real conversations (through the chat API), the charts and
their tables, CSV and JSON exports, the unanswered questions grouped, and the sector's recurring ones."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.staff.conftest import signed_in_client, staff_app
from webhook.insights.events import TurnEvent
from webhook.insights.store import write_events
from webhook.staff.export import safe_cell, to_csv

#: (session, what the resident typed).
CONVERSATIONS = [
    ("resident-one-0001", "when is my bin day"),
    ("resident-one-0001", "what day are my bins collected"),
    ("resident-two-0002", "wibble wobble the moon is cheese"),
    ("resident-two-0002", '=HYPERLINK("http://evil.example") qwertyuiop zxcvb'),
    ("resident-three-03", "when is my bin day"),
]


def chat(client: FlaskClient, session: str, text: str) -> str:
    response = client.post("/api/chat", json={"council": "demo", "session": session, "text": text})
    assert response.status_code == 200, response.get_json()
    return response.get_json()["intent"]


def residents_chatted(app: Flask) -> list[str]:
    """Residents chat with the demo council and judge one answer; the intents they reached."""
    client = app.test_client()
    intents = [chat(client, session, text) for session, text in CONVERSATIONS]
    feedback = {
        "council": "demo",
        "session": "resident-one-0001",
        "intent": intents[0],
        "helpful": False,
        "comment": "=1+1 it gave the wrong day",
    }
    assert client.post("/api/feedback", json=feedback).status_code == 202
    app.extensions["insights"].flush()
    return intents


def figure(page: str, name: str) -> str:
    found = re.search(rf'id="figure-{name}">([^<]+)<', page)
    assert found, name
    return found[1]


def csv_rows(client: FlaskClient, path: str) -> list[list[str]]:
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def test_the_dashboard_shows_the_figures_of_residents_conversations(database_url: str) -> None:
    app = staff_app(database_url)
    intents = residents_chatted(app)
    fallbacks = intents.count("system.fallback")
    staff = signed_in_client(app, "demo")

    page = staff.get("/staff/demo/?days=7").get_data(as_text=True)
    data = staff.get("/staff/demo/insights.json?days=7").get_json()

    assert intents[0] == intents[1] == "waste.collection_day" and fallbacks >= 1
    assert (data["conversations"], data["turns"]) == (3, 5)
    assert data["fallback_rate"] == round(fallbacks / 5, 4)
    assert {"intent": "waste.collection_day", "turns": 3} in data["top_intents"]
    assert data["not_helpful"][0]["comments"] == ["=1+1 it gave the wrong day"]
    assert "wibble wobble the moon is cheese" in [group["text"] for group in data["unanswered"]]
    assert all(set(group) >= {"text", "count"} for group in data["unanswered"])
    assert figure(page, "conversations") == "3" and figure(page, "turns") == "5"
    assert figure(page, "fallback-rate") == f"{fallbacks / 5 * 100:.1f}%"
    # Resident one judged an answer "not helpful", resident two fell to fallback: only three is contained.
    assert figure(page, "containment") == "33.3%"
    assert "Bin collection day" in page and "it gave the wrong day" in page
    assert "wibble wobble the moon is cheese" in page and "Suggest as training phrases" in page


def test_the_period_and_language_choose_what_is_counted(database_url: str) -> None:
    app = staff_app(database_url)
    residents_chatted(app)
    staff = signed_in_client(app, "demo")

    welsh = staff.get("/staff/demo/insights.json?days=30&language=cy").get_json()
    year = staff.get("/staff/demo/insights.json?days=365").get_json()
    fortnight = staff.get("/staff/demo/insights.json?days=14").get_json()
    today = staff.get("/staff/demo/insights.json?days=1&language=en").get_json()
    fortnight_page = staff.get("/staff/demo/?days=14").get_data(as_text=True)
    nonsense = staff.get("/staff/demo/insights.json?days=12345&language=fr").get_json()

    assert (welsh["conversations"], welsh["turns"], welsh["language"]) == (0, 0, "cy")
    assert (year["conversations"], len(year["days"])) == (3, 365)
    assert (fortnight["days"][-1]["day"], len(fortnight["days"]), fortnight["turns"]) == (
        datetime.now(UTC).date().isoformat(),
        14,
        5,
    )
    assert (today["conversations"], today["turns"], len(today["days"])) == (3, 5, 1)
    assert '<option value="14" selected>Last 14 days</option>' in fortnight_page
    assert (len(nonsense["days"]), nonsense["language"]) == (30, None)
    for bad in ("0", "-7", "1e3", "366", "seven", "٣"):
        assert len(staff.get(f"/staff/demo/insights.json?days={bad}").get_json()["days"]) == 30, bad


def test_the_charts_are_accessible_svg_with_the_numbers_beside_them(database_url: str) -> None:
    app = staff_app(database_url)
    residents_chatted(app)

    page = signed_in_client(app, "demo").get("/staff/demo/?days=7").get_data(as_text=True)

    charts = re.findall(r'<svg class="chart" role="img" aria-labelledby="([^"]+)"', page)
    assert len(charts) == 2
    for labelled_by in charts:
        for ident in labelled_by.split():
            assert f'id="{ident}"' in page
    assert "<title" in page and "<desc" in page and "<script" not in page
    today = datetime.now(UTC).date().isoformat()
    assert re.search(rf'<th scope="row">{today}</th><td class="number">3</td><td class="number">5</td>', page)


def test_every_table_downloads_as_csv_and_no_cell_is_a_formula(database_url: str) -> None:
    app = staff_app(database_url)
    residents_chatted(app)
    staff = signed_in_client(app, "demo")

    tables = {
        name: csv_rows(staff, f"/staff/demo/export/{name}.csv?days=7")
        for name in ("intents", "unhelpful", "days", "unanswered")
    }

    assert tables["intents"][0] == ["intent", "title", "turns"]
    assert ["waste.collection_day", "Bin collection day", "3"] in tables["intents"]
    assert tables["unhelpful"][1][3] == "'=1+1 it gave the wrong day"
    assert len(tables["days"]) == 1 + 7
    assert any(row[0].startswith("'=HYPERLINK") for row in tables["unanswered"][1:])
    for rows in tables.values():
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert staff.get("/staff/demo/export/councils.csv").status_code == 404
    assert staff.get("/staff/demo/export/secrets.csv").status_code == 404


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+44", "'+44"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("bin day", "bin day"),
        (3, 3),
    ],
)
def test_a_cell_that_a_spreadsheet_would_run_is_made_text(cell: object, safe: object) -> None:
    assert safe_cell(cell) == safe
    assert to_csv(["a"], [[cell]]).splitlines()[1].strip('"') == str(safe).replace('"', '""')


def unanswered(conversation: str, council: str, text: str) -> TurnEvent:
    return TurnEvent(
        at=datetime.now(UTC) - timedelta(minutes=5),
        council=council,
        conversation=conversation,
        language="en",
        channel="chat",
        intent="system.fallback",
        confidence=0.1,
        fallback=True,
        handoff=False,
        outcome=None,
        text=text,
    )


def test_the_sector_shows_unanswered_questions_only_where_five_conversations_in_two_councils_share_them(
    database_url: str,
) -> None:
    app = staff_app(database_url)
    write_events(
        app.extensions["database"],
        [unanswered(f"boiler-demo-{n}", "demo", "can you fix my boiler") for n in range(3)]
        + [unanswered(f"boiler-oxford-{n}", "oxford", "can you fix my boiler") for n in range(2)]
        + [unanswered(f"horse-demo-{n}", "demo", "where can i stable my horse") for n in range(6)]
        + [
            unanswered(f"moon-{council}-{n}", council, "is the moon made of cheese")
            for council in ("demo", "oxford")
            for n in range(2)
        ],
    )
    sector = signed_in_client(app, "sector")

    page = sector.get("/staff/sector/").get_data(as_text=True)
    data = sector.get("/staff/sector/insights.json").get_json()
    demo_groups = [
        g["text"]
        for g in signed_in_client(app, "demo").get("/staff/demo/insights.json").get_json()["unanswered"]
    ]

    assert [(g["text"], g["count"], g["conversations"], g["councils"]) for g in data["unanswered"]] == [
        ("can you fix my boiler", 5, 5, ["demo", "oxford"])
    ]
    assert "can you fix my boiler" in page and "horse" not in page and "moon" not in page
    assert {"council": "demo", "conversations": 11, "turns": 11}.items() <= next(
        row for row in data["councils"] if row["council"] == "demo"
    ).items()
    assert (data["conversations"], data["turns"]) == (15, 15)
    assert "where can i stable my horse" in demo_groups
    councils_csv = csv_rows(sector, "/staff/sector/export/councils.csv")
    assert councils_csv[0][:3] == ["council", "name", "conversations"]
    assert {row[0] for row in councils_csv[1:]} >= {"demo", "oxford", "cardiff"}


def test_an_unanswered_group_becomes_a_ready_patch_for_the_councils_overlay_or_the_shared_library(
    database_url: str,
) -> None:
    app = staff_app(database_url)
    write_events(
        app.extensions["database"],
        [
            unanswered(f"bins-{n}", "demo", "what day do they empty the wheelie bins on my street")
            for n in range(3)
        ],
    )
    staff = signed_in_client(app, "demo")
    dashboard = staff.get("/staff/demo/?days=7").get_data(as_text=True)
    link = re.search(r'<a href="(/staff/demo/unanswered/1[^"]*)">Suggest as training phrases', dashboard)
    assert link, "no suggestion link"

    overlay = staff.get(link[1].replace("&amp;", "&"))
    shared = staff.get("/staff/demo/unanswered/1?days=7&target=shared")
    patch = staff.get("/staff/demo/unanswered/1.patch?days=7&target=shared")

    assert overlay.status_code == 200
    page = overlay.get_data(as_text=True)
    assert "councils/demo/council.yaml" in page and "extra_phrases" in page
    assert "what day do they empty the wheelie bins on my street" in page
    assert shared.status_code == 200 and "<code>intents/" in shared.get_data(as_text=True)
    assert patch.status_code == 200 and patch.mimetype == "text/x-diff"
    assert "+++ b/intents/" in patch.get_data(as_text=True)
    assert patch.headers["Content-Disposition"].startswith("attachment;")
    assert staff.get("/staff/demo/unanswered/2?days=7").status_code == 404
