"""The hand-off on a council's Dialogflow agent, through the webhook: Dialogflow keeps no transcript
and its fallback intent answers on its own, so the webhook carries both in contexts. A resident's
earlier turns reach the contact centre, and two misunderstandings in a row bring the offer of a person,
as on the offline chat. Dialogflow is played by `DialogflowSession`, which sends each turn the contexts
the previous replies set, with their lifespans counted down as Dialogflow counts them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from flask import Flask
from google.cloud import dialogflow_v2 as df

from tests.conftest import REPOSITORY
from tests.fulfilment.conftest import basic_auth, strict_reply, webhook_request
from tests.handoff.support import OPEN, REFERENCE, Notify, at, wait_for
from webhook.dialogflow.compile import compile_council
from webhook.dialogflow.target import Target
from webhook.library.loader import load_library

SESSION = "projects/demo-council-bot/agent/sessions/dialogflow-resident-7"


class DialogflowSession:
    """One resident's session as Dialogflow keeps it: active contexts and their lifespans."""

    def __init__(self, app: Flask) -> None:
        self.client = app.test_client()
        self.contexts: dict[str, dict[str, Any]] = {}

    def turn(self, intent: str, text: str, language: str = "en") -> df.WebhookResponse:
        """Dialogflow matched `intent` on `text`: call the webhook, then keep what its reply set."""
        active = [
            {
                "name": f"{SESSION}/contexts/{name}",
                "lifespan": kept["lifespan"],
                "parameters": kept["parameters"],
            }
            for name, kept in self.contexts.items()
        ]
        body = webhook_request(intent, text=text, language=language, session=SESSION, contexts=active)
        response = self.client.post("/webhook/demo", json=body, headers=basic_auth())
        assert response.status_code == 200, response.get_json()
        reply = strict_reply(response.get_data())
        # Every context lives one turn less; what the reply sets replaces it (lifespan 0 ends it).
        for name in list(self.contexts):
            self.contexts[name]["lifespan"] -= 1
            if self.contexts[name]["lifespan"] <= 0:
                del self.contexts[name]
        for context in reply.output_contexts:
            name = context.name.rsplit("/", 1)[-1]
            if context.lifespan_count <= 0:
                self.contexts.pop(name, None)
            else:
                parameters = json.loads(df.Context.to_json(context)).get("parameters", {})
                self.contexts[name] = {"lifespan": context.lifespan_count, "parameters": parameters}
        return reply


def texts_of(reply: df.WebhookResponse) -> str:
    return " ".join(text for message in reply.fulfillment_messages for text in message.text.text)


def quick_replies_of(reply: df.WebhookResponse) -> list[str]:
    return [r for message in reply.fulfillment_messages for r in message.quick_replies.quick_replies]


def test_the_contact_centre_gets_the_turns_before_the_request_for_a_person(
    app: Flask,
    notify: Notify,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    at(monkeypatch, OPEN)
    dialogflow = DialogflowSession(app)
    # An intent answered from the library (no handler), then the request for a person.
    dialogflow.turn("council_tax.pay", "how do i pay my council tax, the link doesnt work")
    reply = dialogflow.turn("system.human_handoff", "can i speak to someone")
    assert "Is that OK?" in texts_of(reply)
    assert not reply.payload  # nothing handed over yet
    dialogflow.turn("dialogue.answer", "yes thats fine")
    reply = dialogflow.turn("dialogue.answer", "me@example.org")
    reference = REFERENCE.search(texts_of(reply))
    assert reference and reply.payload and reply.payload["live_agent_handoff"] is True

    wait_for(lambda: bool(notify.emails))
    case = notify.emails[0]["personalisation"]["case"]
    assert "Resident: how do i pay my council tax, the link doesnt work" in case
    assert "Resident: can i speak to someone" in case
    assert "me@example.org" in case


def test_two_misunderstandings_in_a_row_bring_the_offer_and_one_understood_turn_resets_it(
    app: Flask,
) -> None:
    dialogflow = DialogflowSession(app)
    first = dialogflow.turn("system.fallback", "wibble wobble")
    assert "talk to a person" not in texts_of(first).casefold()
    dialogflow.turn("waste.recycling_centre", "wheres the tip")
    second = dialogflow.turn("system.fallback", "flibber jabber")
    assert "talk to a person" not in texts_of(second).casefold()  # the run was broken
    third = dialogflow.turn("system.fallback", "quux quux")
    assert "Would you like to talk to a person?" in texts_of(third)
    assert quick_replies_of(third)[-1] == "Talk to a person"
    fourth = dialogflow.turn("system.fallback", "zzz")
    assert "talk to a person" not in texts_of(fourth).casefold()  # offered once, then counted afresh


def test_the_offer_comes_in_welsh_for_a_welsh_conversation(app: Flask) -> None:
    dialogflow = DialogflowSession(app)
    dialogflow.turn("system.fallback", "blah blah", language="cy")
    reply = dialogflow.turn("system.fallback", "wfft", language="cy")
    assert "Hoffech chi siarad â pherson?" in texts_of(reply)
    assert quick_replies_of(reply)[-1] == "Siarad â pherson"


def test_a_crisis_answered_after_a_misunderstanding_is_not_followed_by_an_offer(app: Flask) -> None:
    dialogflow = DialogflowSession(app)
    dialogflow.turn("system.fallback", "blah blah")
    reply = dialogflow.turn("system.fallback", "i want to end my life")
    assert "talk to a person" not in texts_of(reply).casefold()
    assert "116 123" in texts_of(reply)  # Samaritans first


def test_a_council_whose_hand_off_sends_the_conversation_has_every_intent_call_the_webhook() -> None:
    library = load_library(REPOSITORY).library
    demo = compile_council(library, "demo", Target("demo-council-bot"))  # notify_email hand-off
    states = {intent.by_language["en"].webhook_state for intent in demo.intents.values()}
    assert df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED not in states
    without = next(
        slug for slug, council in library.councils.items() if "handoff" not in council.document.data
    )
    other = compile_council(library, without, Target("other-council-bot"))
    assert other.intents["system.welcome"].by_language["en"].webhook_state == (
        df.Intent.WebhookState.WEBHOOK_STATE_UNSPECIFIED
    )


@pytest.mark.parametrize(
    ("language", "answer", "consent"),
    [("en", "yeah ok", "Is that OK?"), ("cy", "ie iawn", "Ydy hynny'n iawn?")],
)
def test_on_dialogflow_the_offer_is_taken_in_the_residents_own_words(
    app: Flask, language: str, answer: str, consent: str
) -> None:
    dialogflow = DialogflowSession(app)
    dialogflow.turn("system.fallback", "blah blah", language=language)
    dialogflow.turn("system.fallback", "wfft", language=language)
    # Dialogflow matches the typed answer to the answer intent the offer's question made active.
    reply = dialogflow.turn("dialogue.answer", answer, language=language)
    assert consent in texts_of(reply)
