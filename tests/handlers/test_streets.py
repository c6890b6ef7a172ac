"""streets.report and environment.noise: Open311 across turns, GOV.UK Notify confirmations, form links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.backends.fixtures_http import FAILURES
from tests.handlers.conftest import (
    FAILURE_APOLOGY,
    Answer,
    Ask,
    FailAt,
    app_on,
    copy_library,
    make_ask,
    within_deadline,
)
from tests.handlers.shapes import (
    notify_sent,
    open311_attribute,
    open311_created,
    open311_definition,
    open311_services,
    postcode_found,
)
from webhook.fulfilment.places_named import place_in_text

OPEN311 = "/_fakes/open311"
NOTIFY_EMAIL = "/v2/notifications/email"
NOTIFY_SMS = "/v2/notifications/sms"
POSTCODES = "/_fakes/postcodes/postcodes/{}"
EMAIL_TEMPLATE_EN = "5a7c0e1e-0b4d-4f51-9a55-3e2f6a0d1c01"
SMS_TEMPLATE_CY = "5a7c0e1e-0b4d-4f51-9a55-3e2f6a0d1c04"

DEPTH = open311_attribute("depth", "depth of pothole, in centimetres", datatype="number")
SHAPE = open311_attribute(
    "shape",
    "shape of the pothole",
    required=False,
    datatype="singlevaluelist",
    order=2,
    values=[("circle", "Circle"), ("square", "Square")],
)
WASTE_TYPE = open311_attribute(
    "waste_type",
    "What has been dumped?",
    datatype="singlevaluelist",
    values=[("household", "Household rubbish"), ("furniture", "Furniture or mattresses")],
)


def serve_open311(apis: HTTPServer, *, created: str = "1001", notice: str | None = None) -> None:
    services = open311_services("POT", "FLY", "STREET", "NOISE")
    for service in services:
        if service["service_code"] in ("STREET", "NOISE"):
            service["metadata"] = "false"
    apis.expect_request(f"{OPEN311}/services.json").respond_with_json(services)
    apis.expect_request(f"{OPEN311}/services/POT.json").respond_with_json(
        open311_definition("POT", [DEPTH, SHAPE])
    )
    apis.expect_request(f"{OPEN311}/services/FLY.json").respond_with_json(
        open311_definition("FLY", [WASTE_TYPE])
    )
    apis.expect_request(f"{OPEN311}/requests.json", method="POST").respond_with_json(
        open311_created(created, notice)
    )


def serve_postcode(apis: HTTPServer, postcode: str, **areas) -> None:
    apis.expect_request(POSTCODES.format(postcode.replace(" ", ""))).respond_with_json(
        postcode_found(postcode, **areas)
    )


def posted(apis: HTTPServer, uri: str) -> list:
    return [request for request, _ in apis.log if request.path == uri and request.method == "POST"]


def next_turn(ask: Ask, previous: Answer, intent: str, text: str, **kwargs) -> Answer:
    return ask(intent, text=text, contexts=previous.contexts_for_next_turn(), **kwargs)


def test_on_dialogflow_the_answer_intents_carry_a_report_typed_in_the_residents_own_words(
    apis: HTTPServer, ask: Ask
) -> None:
    # Dialogflow matches the library's answer intents in the question's context; the webhook hands each
    # answer to the report that asked, and sends it.
    serve_open311(apis)
    serve_postcode(apis, "AA1 1AA")
    first = ask("streets.pothole", text="theres a massive pothole")
    assert first.context("awaiting")["kind"] == "location"
    assert first.context("awaiting_location") is not None
    second = next_turn(
        ask, first, "dialogue.location_answer", "outside number 12 on mill lane", parameters={"postcode": ""}
    )
    assert second.texts == ["How deep is the pothole, in centimetres?"]
    third = next_turn(ask, second, "dialogue.answer", "about 5cm i reckon")
    assert third.texts[0].startswith("Would you like the reference sent to you?")
    done = next_turn(ask, third, "dialogue.contact_answer", "no thanks")
    assert done.texts[0].startswith("Thank you, we have your report. Your reference is ")
    assert done.context("report") is None and done.context("awaiting") is None
    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["address_string"] == "outside number 12 on mill lane"
    assert report.form["attribute[depth]"] == "5"


def test_cancel_in_a_report_says_what_was_stopped_and_sends_nothing(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis)
    first = ask("streets.pothole", text="theres a massive pothole")
    stopped = next_turn(ask, first, "dialogue.cancel", "actually never mind")
    assert stopped.texts == [
        "OK, I've cancelled your report about potholes and road repairs. Nothing has been sent. "
        "What else can I help you with?"
    ]
    assert stopped.context("report") is None and stopped.context("awaiting") is None
    assert posted(apis, f"{OPEN311}/requests.json") == []


def test_on_dialogflow_an_answer_that_leaves_cancels_the_report(apis: HTTPServer, ask: Ask) -> None:
    # Dialogflow may match "forget it, ill phone instead" to an answer intent: the webhook sees that it
    # leaves, and cancels rather than taking it as where the pothole is.
    serve_open311(apis)
    first = ask("streets.pothole", text="theres a massive pothole")
    stopped = next_turn(ask, first, "dialogue.location_answer", "forget it, ill phone instead")
    assert stopped.texts[0].startswith("OK, I've cancelled your report about potholes")
    assert stopped.context("report") is None and stopped.context("awaiting") is None
    assert posted(apis, f"{OPEN311}/requests.json") == []


def at_the_depth_question(apis: HTTPServer, ask: Ask) -> Answer:
    """A pothole reported on Dialogflow in the resident's words, up to "How deep is it?"."""
    serve_open311(apis)
    first = ask("streets.pothole", text="theres a massive pothole")
    return next_turn(
        ask, first, "dialogue.location_answer", "outside number 12 on mill lane", parameters={"postcode": ""}
    )


def at_the_contact_question(apis: HTTPServer, ask: Ask) -> Answer:
    """The same report, one turn on: "Would you like the reference sent to you?"."""
    third = next_turn(ask, at_the_depth_question(apis, ask), "dialogue.answer", "about 5cm")
    assert third.texts[0].startswith("Would you like the reference sent to you?")
    return third


def test_on_dialogflow_never_mind_in_a_report_cancels_it(apis: HTTPServer, ask: Ask) -> None:
    # Dialogflow may match dialogue.never_mind (no input context) at "How deep is it?": the webhook
    # cancels the report as the offline agent does, rather than leave its contexts open.
    stopped = next_turn(
        ask, at_the_depth_question(apis, ask), "dialogue.never_mind", "ah dont worry about it"
    )
    assert stopped.texts[0].startswith("OK, I've cancelled your report about potholes")
    assert stopped.context("report") is None and stopped.context("awaiting") is None
    assert posted(apis, f"{OPEN311}/requests.json") == []


@pytest.mark.parametrize(
    ("intent", "said", "sent"),
    [
        # "no worries" at "Would you like the reference sent to you?" declines the reference: the report goes.
        ("dialogue.never_mind", "no worries", True),
        ("dialogue.cancel", "no need thanks", True),
        ("dialogue.cancel", "actually scrap the report, theyll know it was me", False),  # stopped in words
        ("dialogue.cancel", "please dont send it", False),
    ],
)
def test_on_dialogflow_leaving_at_the_contact_question_stops_the_report_only_when_said(
    apis: HTTPServer, ask: Ask, intent: str, said: str, sent: bool
) -> None:
    third = at_the_contact_question(apis, ask)
    done = next_turn(ask, third, intent, said)
    sent_text = "Thank you, we have your report. Your reference is "
    assert done.texts[0].startswith(sent_text if sent else "OK, I've cancelled")
    assert len(posted(apis, f"{OPEN311}/requests.json")) == int(sent)


def test_never_mind_with_nothing_in_progress_is_acknowledged(ask: Ask) -> None:
    answer = ask("dialogue.never_mind", text="nvm")
    assert answer.texts == ["OK. What else can I help you with?"]


def test_a_pothole_is_reported_across_turns_and_confirmed_by_email(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis, notice="We aim to inspect within 5 working days.")
    serve_postcode(apis, "AA1 1AA")
    apis.expect_request(NOTIFY_EMAIL, method="POST").respond_with_json(
        notify_sent(EMAIL_TEMPLATE_EN, "1001"), status=201
    )

    first = ask("streets.pothole", text="there's a huge pothole on my road")
    assert "call 01632 960000" in first.texts[0]  # the library's safety advice first
    assert first.texts[1].startswith("Where is it? Give the street and a landmark or house number")
    assert "https://demo-council.example/streets/pothole" in first.links

    second = next_turn(
        ask,
        first,
        "streets.pothole",
        "Pothole: outside 12 Mill Lane, AA1 1AA",
        parameters={"postcode": "AA1 1AA"},
    )
    assert second.texts == ["How deep is the pothole, in centimetres?"]  # the council's own wording

    third = next_turn(ask, second, "streets.pothole", "Pothole: about 5cm")
    assert third.texts[0].startswith("Would you like the reference sent to you?")
    assert third.quick_replies == ["No thanks"]

    done = next_turn(ask, third, "streets.pothole", "Pothole: jo.bloggs@example.com")
    assert done.texts == [
        "Thank you, we have your report. Your reference is 1001.",
        "We aim to inspect within 5 working days.",
        "We've sent the reference to your e-mail address.",
    ]
    assert done.context("report") is None

    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["api_key"] == "open311-test-key"
    assert report.form["service_code"] == "POT"
    assert report.form["address_string"] == "outside 12 Mill Lane, AA1 1AA"
    assert (report.form["lat"], report.form["long"]) == ("52.31", "-4.41")
    assert report.form["attribute[depth]"] == "5"
    assert report.form["email"] == "jo.bloggs@example.com"
    assert report.form["description"] == "there's a huge pothole on my road"

    [email] = posted(apis, NOTIFY_EMAIL)
    sent = json.loads(email.data)
    assert sent["template_id"] == EMAIL_TEMPLATE_EN
    assert sent["email_address"] == "jo.bloggs@example.com"
    assert sent["reference"] == "1001"  # the report's reference, never personal data
    assert sent["personalisation"]["reference"] == "1001"
    assert email.headers["Authorization"].startswith("Bearer ")


def test_a_thing_typed_for_what_was_dumped_picks_its_kind_and_dialogflow_learns_the_words(
    apis: HTTPServer, ask: Ask
) -> None:
    # The council's `choice_words` name things residents type for each answer ("soffa" is furniture).
    serve_open311(apis)
    serve_postcode(apis, "AA1 2AB")
    first = ask(
        "streets.flytipping", language="cy", text="tipio ar Lôn y Felin", parameters={"postcode": "AA1 2AB"}
    )
    assert first.texts[-1] == "Beth sydd wedi'i ddympio?"
    (choices,) = first.reply.session_entity_types
    furniture = next(entity for entity in choices.entities if entity.value == "Dodrefn neu fatresi")
    assert {"Dodrefn neu fatresi", "soffa", "gwely", "sofa"} <= set(furniture.synonyms)

    answered = next_turn(ask, first, "dialogue.choice_answer", "hen soffa a gwely", language="cy")
    assert "anfon y cyfeirnod" in answered.texts[-1]  # on to the next question: the kind was understood
    next_turn(ask, answered, "dialogue.contact_answer", "dim diolch", language="cy")
    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["attribute[waste_type]"] == "furniture"


def test_in_welsh_the_second_one_is_the_second_quick_reply(apis: HTTPServer, ask: Ask) -> None:
    # The council's Welsh names and the endpoint's English ones are one list of answers, not two.
    serve_open311(apis)
    serve_postcode(apis, "AA1 2AB")
    first = ask(
        "streets.flytipping", language="cy", text="tipio ar Lôn y Felin", parameters={"postcode": "AA1 2AB"}
    )
    assert first.quick_replies == ["Sbwriel cartref", "Dodrefn neu fatresi"]
    answered = next_turn(ask, first, "dialogue.choice_answer", "yr ail un", language="cy")
    next_turn(ask, answered, "dialogue.contact_answer", "dim diolch", language="cy")
    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["attribute[waste_type]"] == "furniture"


def test_welsh_fly_tipping_with_a_mobile_number_is_confirmed_by_text(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis, created="2002")
    serve_postcode(apis, "AA1 2AB")
    apis.expect_request(NOTIFY_SMS, method="POST").respond_with_json(
        notify_sent(SMS_TEMPLATE_CY, "2002"), status=201
    )

    first = ask(
        "streets.flytipping",
        language="cy",
        text="mae rhywun wedi dympio pethau ar Lôn y Felin, ffoniwch fi ar 07700 900123",
        parameters={"postcode": "AA1 2AB"},
    )
    assert first.texts[-1] == "Beth sydd wedi'i ddympio?"
    assert first.quick_replies == [
        "Sbwriel cartref",  # the council's Welsh for the endpoint's values
        "Dodrefn neu fatresi",
    ]
    done = next_turn(
        ask, first, "streets.flytipping", "Tipio anghyfreithlon: Dodrefn neu fatresi", language="cy"
    )
    assert done.texts == [
        "Diolch, mae eich adroddiad gennym. Eich cyfeirnod yw 2002.",
        "Rydyn ni wedi anfon y cyfeirnod i'ch ffôn mewn neges destun.",
    ]
    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["attribute[waste_type]"] == "furniture"
    assert report.form["phone"] == "07700900123"
    [sms] = posted(apis, NOTIFY_SMS)
    sent = json.loads(sms.data)
    assert sent["template_id"] == SMS_TEMPLATE_CY and sent["phone_number"] == "07700900123"
    assert sent["reference"] == "2002"


def test_a_report_without_a_contact_is_sent_when_the_resident_says_no(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis, created="3003")
    serve_postcode(apis, "AA1 1AA")
    first = ask(
        "streets.other_problem",
        text="graffiti on the bus shelter",
        parameters={"problem": "graffiti", "postcode": "AA1 1AA"},
    )
    assert first.texts[-1].startswith("Would you like the reference sent to you?")
    assert first.quick_replies == ["No thanks"]
    done = next_turn(
        ask, first, "streets.other_problem", "Graffiti: no e-mail", parameters={"problem": "graffiti"}
    )
    assert done.texts == ["Thank you, we have your report. Your reference is 3003."]
    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["service_code"] == "STREET"
    assert report.form["description"] == "Graffiti: graffiti on the bus shelter"
    assert "email" not in report.form and "phone" not in report.form
    assert posted(apis, NOTIFY_EMAIL) == []


def test_a_noise_complaint_is_taken_in_welsh(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis, created="4004")
    serve_postcode(apis, "AA2 3CD")
    first = ask(
        "environment.noise",
        language="cy",
        text="cerddoriaeth uchel drws nesaf",
        parameters={"postcode": "AA2 3CD"},
    )
    done = next_turn(ask, first, "environment.noise", "Sŵn: dim e-bost", language="cy")
    assert done.texts == ["Diolch, mae eich adroddiad gennym. Eich cyfeirnod yw 4004."]
    [report] = posted(apis, f"{OPEN311}/requests.json")
    assert report.form["service_code"] == "NOISE" and report.form["address_string"] == "AA2 3CD"


def test_an_answer_of_the_wrong_type_is_asked_again_then_sent_to_the_form(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis)
    serve_postcode(apis, "AA1 1AA")
    first = ask("streets.pothole", text="pothole", parameters={"postcode": "AA1 1AA"})
    assert first.texts[-1] == "How deep is the pothole, in centimetres?"
    again = next_turn(ask, first, "streets.pothole", "Pothole: quite deep")
    assert again.texts == [
        "How deep is the pothole, in centimetres? Please answer with a number, for example 5."
    ]
    gave_up = next_turn(ask, again, "streets.pothole", "Pothole: very")
    assert gave_up.texts == [
        "Sorry, I couldn't take your report here. Please use our online form, or call 01632 960000."
    ]
    assert "https://demo-council.example/streets/pothole" in gave_up.links
    assert gave_up.context("report") is None
    assert posted(apis, f"{OPEN311}/requests.json") == []


def test_a_place_in_another_councils_area_is_sent_there(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis)
    serve_postcode(apis, "CF10 1AA", district=("Cardiff", "W06000015"))
    answer = ask("streets.flytipping", text="rubbish dumped", parameters={"postcode": "CF10 1AA"})
    assert answer.texts == [
        "CF10 1AA is not in Demo Borough Council's area: it is covered by Cardiff Council, who can help "
        "with this."
    ]
    assert answer.links == ["https://www.cardiff.gov.uk", "https://www.gov.uk/find-local-council"]
    assert posted(apis, f"{OPEN311}/requests.json") == []


@pytest.mark.parametrize("failure", FAILURES)
def test_a_failed_report_gives_the_form_and_phone_and_keeps_the_answers(
    fail_at: FailAt, httpserver: HTTPServer, hurried_ask: Ask, failure: str
) -> None:
    if failure != "refused":
        serve_open311_reads(httpserver)
    fail_at(failure, f"{OPEN311}/requests.json", method="POST")
    answer = hurried_ask(
        "streets.other_problem",
        text="dog mess everywhere Pothole: no e-mail",
        parameters={"problem": "dog_fouling"},
        contexts=[
            {
                "name": "projects/demo-council-bot/agent/sessions/5f1c-session/contexts/report",
                "parameters": {
                    "intent": "streets.other_problem",
                    "keyword": "Dog fouling",
                    "details": "dog mess",
                    "location": "Mill Lane park",
                    "area_checked": True,
                    "asking": "contact",
                    "tries": 0,
                },
            }
        ],
    )
    assert within_deadline(answer)
    assert answer.text.startswith(FAILURE_APOLOGY["en"])
    assert "01632 960000" in answer.text
    assert "https://demo-council.example/streets/other-problem" in answer.links
    if failure != "refused":
        assert answer.context("report")["location"] == "Mill Lane park"


def serve_open311_reads(apis: HTTPServer) -> None:
    services = open311_services("STREET")
    services[0]["metadata"] = "false"
    apis.expect_request(f"{OPEN311}/services.json").respond_with_json(services)


def test_an_open311_refusal_gives_the_form_and_phone(apis: HTTPServer, ask: Ask) -> None:
    serve_open311_reads(apis)
    apis.expect_request(f"{OPEN311}/requests.json", method="POST").respond_with_json(
        [{"code": 400, "description": "Invalid location"}], status=400
    )
    answer = ask(
        "streets.other_problem",
        text="litter Litter: no e-mail",
        language="cy",
        parameters={"problem": "litter"},
        contexts=[
            {
                "name": "projects/demo-council-bot/agent/sessions/5f1c-session/contexts/report",
                "parameters": {
                    "intent": "streets.other_problem",
                    "details": "sbwriel",
                    "location": "Lôn y Felin",
                    "area_checked": True,
                    "asking": "contact",
                },
            }
        ],
    )
    assert answer.text.startswith(FAILURE_APOLOGY["cy"])
    assert "https://demo-council.example/cy/streets/other-problem" in answer.links


def test_a_confirmation_that_fails_still_gives_the_reference(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis, created="5005")
    serve_postcode(apis, "AA1 1AA")
    apis.expect_request(NOTIFY_EMAIL, method="POST").respond_with_data("Bad gateway", status=502)
    first = ask(
        "streets.other_problem",
        text="abandoned car, email me at jo@example.com",
        parameters={"problem": "abandoned_vehicle", "postcode": "AA1 1AA"},
    )
    assert first.texts == [
        "Thank you, we have your report. Your reference is 5005.",
        "We couldn't send you a confirmation, so please make a note of your reference.",
    ]


def test_an_unreadable_contact_is_said_not_to_have_been_sent(apis: HTTPServer, ask: Ask) -> None:
    serve_open311(apis, created="6006")
    serve_postcode(apis, "AA1 1AA")
    first = ask("environment.noise", text="barking dog", parameters={"postcode": "AA1 1AA"})
    done = next_turn(ask, first, "environment.noise", "Noise complaint: jo at example dot com")
    assert done.texts == [
        "Thank you, we have your report. Your reference is 6006.",
        "We couldn't send you a confirmation, so please make a note of your reference.",
    ]


def test_a_district_sends_a_county_street_report_to_its_county(ask: Ask) -> None:
    answer = ask("streets.pothole", slug="oxford", text="pothole")
    assert "Oxfordshire County Council" in answer.text


def test_a_council_without_a_reports_backend_answers_from_the_library(ask: Ask) -> None:
    answer = ask("streets.flytipping", slug="cardiff", text="fly-tipping")
    assert answer.texts[0].startswith("Please do not touch it.")


FORM_LINK = """backends:
  reports:
    kind: form_link
    url: https://www.oxford.gov.uk/report
    forms:
      streets.flytipping: https://www.oxford.gov.uk/report/fly-tipping
"""


def test_a_council_without_open311_gets_its_form_first(tmp_path: Path) -> None:
    ask = make_ask(app_on(copy_library(tmp_path, {"oxford": FORM_LINK})))
    answer = ask("streets.flytipping", slug="oxford", text="someone dumped a mattress")
    assert answer.texts[-1] == "You can report this on our online form."
    assert answer.links[0] == "https://www.oxford.gov.uk/report/fly-tipping"


@pytest.mark.parametrize(
    ("location", "asks_where"),
    [("the corner of Mill Lane and High Street", False), ("there's a pothole", True)],
)
def test_a_place_named_in_the_first_message_is_not_asked_for_again(
    apis: HTTPServer, ask: Ask, location: str, asks_where: bool
) -> None:
    serve_open311(apis)
    # An agent that cannot find the place fills sys.any with the whole message: that is not a place.
    answer = ask("streets.pothole", text="there's a pothole", parameters={"location": location})
    assert answer.texts[-1].startswith("Where is it?") is asks_where
    if not asks_where:
        assert answer.texts[-1] == "How deep is the pothole, in centimetres?"


def test_the_residents_home_postcode_is_not_taken_as_the_place_of_the_problem(
    apis: HTTPServer, ask: Ask
) -> None:
    serve_open311(apis)
    home = [
        {
            "name": "projects/demo-council-bot/agent/sessions/5f1c-session/contexts/resident",
            "parameters": {"postcode": "AA1 1AA"},
        }
    ]
    answer = ask("streets.pothole", text="report a pothole", contexts=home)
    assert answer.texts[-1].startswith("Where is it?")
    assert answer.context("resident") is None  # nor is a report's place remembered as home


NO_NOISE_CODE = """backends:
  reports:
    kind: open311
    base_url: /_fakes/open311
    api_key_env: DEMO_OPEN311_API_KEY
    service_codes: {streets.pothole: POT}
"""


def test_a_report_the_council_takes_another_way_gets_its_page(tmp_path: Path, apis: HTTPServer) -> None:
    library = copy_library(tmp_path, {"oxford": NO_NOISE_CODE})
    answer = make_ask(app_on(library))(
        "environment.noise", slug="oxford", text="loud music next door AA1 1AA"
    )
    assert answer.texts[0].startswith("If someone is in danger, call 999.")
    assert answer.links == ["https://www.oxford.gov.uk"]
    assert [request for request, _ in apis.log if request.method == "POST"] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("loud music from 8 station road every night", "8 station road"),
        ("swn uchel o 3 heol y bont", "3 heol y bont"),
        ("rubbish dumped next to 40 park avenue", "40 park avenue"),
        ("baw ci ar bwys 2 stryd y farchnad", "2 stryd y farchnad"),
        ("music from 10 till 2 every night", None),  # a time, not an address
        ("parti o 11pm tan 4am", None),
        ("noise from the flat above", None),  # no number, no street: nowhere to send anyone
        ("cwn yn cyfarth o rif 6 lon yr eglwys", "rif 6 lon yr eglwys"),  # "rhif" mutated after "o"
        ("golau wedi diffodd, 21 heol y gogledd", "21 heol y gogledd"),  # an address alone after a comma
        ("graffiti all over the bus shelter, 5 meadow close", "5 meadow close"),
        ("dumped bin bags, 3 of them", None),  # a count after a comma: no street
    ],
)
def test_an_address_typed_in_the_first_message_is_where_the_problem_is(text: str, place: str | None) -> None:
    assert place_in_text(text) == place
