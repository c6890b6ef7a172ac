"""The hand-off as a resident lives it, through the chat API of an app on SQLite and PostgreSQL, with
GOV.UK Notify served by a local server shaped like it: consent, contact, reference, delivery by e-mail
with the transcript, in English and Welsh, in and out of hours; refusal; a hanging channel."""

from __future__ import annotations

import time

import pytest
from flask import Flask

from tests.handoff.support import CLOSED, OPEN, REFERENCE, Chat, Notify, at, wait_for


def test_a_resident_is_handed_over_with_the_conversation_they_agreed_to_share(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client())
    chat.say("my bin wasnt colected on tuesday")
    text, replies = chat.say("can i talk to a real person pls")
    assert "Is that OK?" in text and replies == ["Yes, share it", "No thanks"]
    text, _ = chat.say("yeah go on")
    assert "phone number or e-mail address" in text
    text, _ = chat.say("its 07700 900 123")
    reference = REFERENCE.search(text)
    assert reference and "07700900123" in text

    wait_for(lambda: bool(notify.emails))
    (email,) = notify.emails
    assert email["email_address"] == "contact-centre@demo-council.example"
    assert email["reference"] == reference.group(0)
    case = email["personalisation"]["case"]
    assert "Resident: my bin wasnt colected on tuesday" in case and "07700900123" in case
    wait_for(lambda: bool(notify.texts))  # the resident's confirmation follows the delivery
    assert notify.texts[0]["phone_number"] == "07700900123"
    assert app.extensions["handoff"].outbox.counts() == {"delivered": 1}


def test_consent_refused_sends_nothing_and_gives_the_phone_number(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client())
    chat.say("speak to a human")
    text, _ = chat.say("no thanks")
    assert "nothing has been sent" in text and "01632 960000" in text
    assert app.extensions["handoff"].outbox.counts() == {}


def test_out_of_hours_the_resident_is_told_when_staff_are_back(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, CLOSED)
    chat = Chat(app.test_client())
    text, _ = chat.say("i want to speak to an actual person")
    assert "not working now" in text and "Monday" in text and "9am" in text
    chat.say("ok")
    text, _ = chat.say("jo@example.com")
    assert REFERENCE.search(text) and "back Monday" in text
    wait_for(lambda: bool(notify.emails))
    assert "outside opening hours" in notify.emails[0]["personalisation"]["case"]


def test_welsh_resident_is_handed_over_in_welsh(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client(), language="cy")
    text, replies = chat.say("ga i siarad efo person go iawn plis")
    assert "Ydy hynny'n iawn?" in text and "Dim diolch" in replies
    chat.say("ie")
    text, _ = chat.say("jo@example.com")
    assert "Eich cyfeirnod yw" in text and REFERENCE.search(text)
    wait_for(lambda: bool(notify.emails))
    assert "Language: Welsh" in notify.emails[0]["personalisation"]["case"]


def test_an_unreadable_contact_is_asked_again_with_an_example_then_the_phone(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    chat = Chat(app.test_client())
    chat.say("real person please")
    chat.say("yes")
    text, _ = chat.say("dunno really")
    assert "07700 900123" in text  # the example
    text, _ = chat.say("ring me")
    assert "01632 960000" in text and "nothing has been sent" in text
    assert app.extensions["handoff"].outbox.counts() == {}


def test_a_hanging_channel_does_not_delay_the_reply(
    app: Flask, notify: Notify, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    notify.hang = 5.0
    chat = Chat(app.test_client())
    chat.say("talk to someone real")
    chat.say("sure")
    started = time.monotonic()
    text, _ = chat.say("07700900123")
    took = time.monotonic() - started
    assert REFERENCE.search(text)
    assert took < app.config["TURN_DEADLINE_SECONDS"], took
    print(f"\nFIGURE: reply with the reference in {took * 1000:.0f} ms while the channel hangs for 5 s")


def test_when_the_outbox_refuses_the_case_the_resident_is_told_the_truth(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, OPEN)
    service = app.extensions["handoff"]

    def refuse(case, channel) -> None:
        raise RuntimeError("database down")

    monkeypatch.setattr(service.outbox, "add", refuse)
    chat = Chat(app.test_client())
    chat.say("human please")
    chat.say("yes")
    text, _ = chat.say("07700900123")
    assert "couldn't pass your request on" in text and "01632 960000" in text
    assert not REFERENCE.search(text)


def test_after_two_misunderstandings_in_a_row_a_person_is_offered(app: Flask) -> None:
    chat = Chat(app.test_client())
    text, replies = chat.say("wibble wobble the moon is cheese")
    assert "talk to a person" not in text
    text, replies = chat.say("flibber jabber quux")
    assert "Would you like to talk to a person?" in text and replies[-1] == "Talk to a person"
    text, _ = chat.say("Talk to a person")
    assert "Is that OK?" in text


@pytest.mark.parametrize(
    ("language", "misunderstood", "answer", "consent"),
    [
        ("en", ("wibble wobble", "flibber jabber"), "yes please", "Is that OK?"),
        ("en", ("asdf", "qwerty uiop"), "yeah go on then", "Is that OK?"),
        ("cy", ("blah blah", "wfft"), "ie plis", "Ydy hynny'n iawn?"),
    ],
)
def test_the_offer_of_a_person_is_taken_in_the_residents_own_words(
    app: Flask, language: str, misunderstood: tuple[str, str], answer: str, consent: str
) -> None:
    chat = Chat(app.test_client(), language)
    for text in misunderstood:
        chat.say(text)
    text, _ = chat.say(answer)
    assert consent in text


@pytest.mark.parametrize(("language", "answer"), [("en", "no thanks"), ("cy", "na dim diolch")])
def test_the_offer_of_a_person_declined_in_words_sends_nothing(
    app: Flask, language: str, answer: str
) -> None:
    chat = Chat(app.test_client(), language)
    chat.say("wibble wobble")
    offer, _ = chat.say("flibber jabber")
    text, _ = chat.say(answer)
    assert "?" in offer and "Is that OK?" not in text and "Ydy hynny'n iawn?" not in text
    assert app.extensions["handoff"].outbox.counts() == {}


@pytest.mark.parametrize(
    ("language", "typed", "consent"),
    [
        ("en", "this is useless, can i get a human", "Is that OK?"),
        ("en", "youre not helping me at all", "Is that OK?"),
        ("cy", "dyw hyn ddim yn helpu o gwbl, isio siarad efo rhywun", "Ydy hynny'n iawn?"),
    ],
)
def test_saying_the_bot_is_not_helping_leads_to_a_person(
    app: Flask, language: str, typed: str, consent: str
) -> None:
    text, _ = Chat(app.test_client(), language).say(typed)
    assert consent in text
