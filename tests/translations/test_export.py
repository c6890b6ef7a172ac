"""`sync-intents translations export`: the Welsh as a sheet a translator opens in Excel or LibreOffice."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from tests.translations.conftest import Sheet, export, sync_intents


def test_the_sheet_is_utf8_with_a_byte_order_mark_so_excel_keeps_welsh_letters(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    export(runner, library, tmp_path / "cy.csv")
    data = (tmp_path / "cy.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    sheet = Sheet.read(tmp_path / "cy.csv")
    noise = sheet.row("council:demo:backends.reports.questions.noise_type")
    assert noise["welsh"] == "Beth sy'n gwneud y sŵn?"  # ŵ survives
    assert noise["english"] == "What is making the noise?"


def test_every_kind_of_welsh_string_has_a_row_with_its_english_place_councils_and_review_state(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(runner, library, tmp_path / "cy.csv")
    intent = yaml.safe_load((library / "intents/waste/collection_day.yaml").read_text("utf-8"))
    welsh, english = intent["languages"]["cy"], intent["languages"]["en"]

    answer = sheet.row("intent:waste.collection_day:responses.text.0")
    assert answer["english"] == english["responses"]["text"][0]
    assert answer["welsh"] == welsh["responses"]["text"][0]
    assert answer["where"].startswith("intents/waste/collection_day.yaml:")
    assert answer["councils"] == "cardiff, demo"  # the councils that speak Welsh and offer it
    assert answer["review"] == "needs-welsh-speaker"
    assert answer["done"] == "" and answer["notes"] == ""

    assert (
        sheet.row("intent:waste.collection_day:responses.quick_replies.0")["welsh"]
        == (welsh["responses"]["quick_replies"][0])
    )
    assert (
        sheet.row("intent:waste.collection_day:responses.links.0.text")["welsh"]
        == (welsh["responses"]["links"][0]["text"])
    )
    prompt = sheet.row("intent:waste.collection_day:prompts.postcode.0")
    assert (prompt["english"], prompt["welsh"]) == (
        intent["parameters"][0]["prompts"]["en"][0],
        intent["parameters"][0]["prompts"]["cy"][0],
    )
    assert sheet.row("intent:waste.collection_day:topic")["welsh"] == welsh["topic"]
    phrase = sheet.row("intent:waste.collection_day:phrases.0")
    assert phrase["welsh"] == welsh["phrases"][0] and "training phrase" in phrase["what"]

    messages = yaml.safe_load((library / "intents/messages/waste.yaml").read_text("utf-8"))
    sentence = sheet.row("message:waste.next")
    assert sentence["english"] == messages["languages"]["en"]["messages"]["next"]
    assert sentence["welsh"] == messages["languages"]["cy"]["messages"]["next"]
    then = sheet.row("message:waste.then")
    assert "between a bin's next dates" in then["what"]  # the YAML's comment helps the translator

    assert sheet.row("routing:to_county:responses.text.0")["review"] == "needs-welsh-speaker"
    name = sheet.row("council:cardiff:name")
    assert (name["english"], name["welsh"], name["review"]) == (
        "Cardiff Council",
        "Cyngor Caerdydd",
        "needs-welsh-speaker",  # the overlay's welsh_review
    )
    keys = [row["key"] for row in sheet.rows]
    assert len(keys) == len(set(keys))
    assert not [key for key in keys if key.startswith("council:oxford")]  # Oxford speaks no Welsh
    overlay = [key for key in keys if key.startswith("council:")]
    assert not [key for key in overlay if key.split(":")[2].startswith(("contact.phone", "services."))]


def _welsh_strings_in(intent: dict) -> int:
    welsh = intent["languages"]["cy"]
    responses = welsh["responses"]
    card = responses.get("card") or {}
    return (
        len(welsh["phrases"])
        + len(responses["text"])
        + len(responses.get("quick_replies", []))
        + len(responses.get("links", []))
        + len([part for part in ("title", "subtitle") if card.get(part)])
        + len(card.get("buttons", []))
        + ("topic" in welsh)
        + sum(len(p.get("prompts", {}).get("cy", [])) for p in intent.get("parameters", []))
    )


def test_one_intent_exports_all_of_its_welsh_and_its_handlers_sentences_and_nothing_else(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    sheet = export(
        runner, library, tmp_path / "bins.csv", "--language", "cy", "--intent", "waste.collection_day"
    )
    intent = yaml.safe_load((library / "intents/waste/collection_day.yaml").read_text("utf-8"))
    # intents/messages/waste.yaml says it is "waste.collection_day and waste.missed_collection"'s
    waste = yaml.safe_load((library / "intents/messages/waste.yaml").read_text("utf-8"))
    own = [row for row in sheet.rows if row["key"].startswith("intent:")]
    sentences = [row for row in sheet.rows if not row["key"].startswith("intent:")]
    assert {row["key"].rsplit(":", 1)[0] for row in own} == {"intent:waste.collection_day"}
    assert len(own) == _welsh_strings_in(intent)
    assert [row["key"] for row in sentences] == [
        f"message:waste.{key}" for key in waste["languages"]["cy"]["messages"]
    ]
    next_at = sheet.row("message:waste.next_at")
    assert next_at["english"] == waste["languages"]["en"]["messages"]["next_at"]
    assert "{address|nasal}" in next_at["welsh"]


def test_a_folder_gets_one_sheet_per_intent_messages_file_routing_message_and_overlay(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "sheets"  # no .csv: a folder, made if need be
    result = sync_intents(
        runner, "translations", "export", "--library", str(library), "--output", str(folder)
    )
    assert result.exit_code == 0, result.output
    names = {path.name for path in folder.iterdir()}
    intents = {
        f"intent-{path.parent.name}.{path.stem}.csv" for path in (library / "intents").glob("*/*.yaml")
    }
    intents -= {
        name for name in intents if name.split("-", 1)[1].startswith(("entities.", "messages.", "schema."))
    }
    assert intents <= names
    assert {"messages-waste.csv", "routing-to_county.csv", "council-demo.csv", "council-cardiff.csv"} <= names
    sheet = Sheet.read(folder / "intent-waste.collection_day.csv")
    intent = yaml.safe_load((library / "intents/waste/collection_day.yaml").read_text("utf-8"))
    assert len(sheet.rows) == _welsh_strings_in(intent)


def test_export_refuses_an_unknown_intent_and_never_overwrites_a_sheet(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    output = tmp_path / "cy.csv"
    args = ["translations", "export", "--library", str(library), "--output", str(output)]
    result = sync_intents(runner, *args, "--intent", "waste.bin_dya")
    assert result.exit_code != 0 and "no intent waste.bin_dya" in result.output
    output.write_text("a translator's work", encoding="utf-8")
    result = sync_intents(runner, *args)
    assert result.exit_code != 0 and "exists" in result.output
    assert output.read_text("utf-8") == "a translator's work"


def _set_overlay_review(library: Path, slug: str, line: str | None) -> None:
    """Rewrite the overlay's `welsh_review:` line (None: take it out)."""
    path = library / "councils" / slug / "council.yaml"
    text = path.read_text("utf-8")
    assert "\nwelsh_review: needs-welsh-speaker\n" in text
    path.write_text(text.replace("welsh_review: needs-welsh-speaker\n", f"{line}\n" if line else ""), "utf-8")


def test_each_overlay_row_shows_its_overlays_welsh_review(
    runner: CliRunner, library: Path, tmp_path: Path
) -> None:
    for slug in ("cardiff", "demo"):  # both overlays with Welsh say no Welsh speaker has checked it yet
        overlay = yaml.safe_load((library / "councils" / slug / "council.yaml").read_text("utf-8"))
        assert overlay["welsh_review"] == "needs-welsh-speaker"
    sheet = export(runner, library, tmp_path / "before.csv")
    overlay = [row for row in sheet.rows if row["key"].startswith("council:")]
    assert len(overlay) > 60  # names, addresses, the demo's report questions and choices
    assert {row["review"] for row in overlay} == {"needs-welsh-speaker"}

    _set_overlay_review(library, "cardiff", "welsh_review: native")
    _set_overlay_review(library, "demo", None)
    sheet = export(runner, library, tmp_path / "after.csv")
    assert {row["review"] for row in sheet.rows if row["key"].startswith("council:cardiff:")} == {"native"}
    assert {row["review"] for row in sheet.rows if row["key"].startswith("council:demo:")} == {"not recorded"}
