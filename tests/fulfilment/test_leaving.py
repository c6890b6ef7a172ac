"""Leaving a question in the resident's own words (webhook/fulfilment/questions.py: `leaves`,
`stops_the_report`)."""

from __future__ import annotations

import pytest

from webhook.fulfilment.questions import leaves, stops_the_report


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("cancel", "en"),
        ("Never mind!", "en"),
        ("forget it, i'll ring them", "en"),
        ("stop. i dont want to report it", "en"),
        ("anghofia fe, dw i am ffonio", "cy"),
        ("never mind", "cy"),  # English in a Welsh chat
        ("never mind ill ring them", "en"),  # the resident's own reason, no comma
        ("forget it i'll do it online later", "en"),
        ("leave it thanks", "en"),
        ("gad hi mi ffonia i fory", "cy"),
        ("forget about it", "en"),
        ("anghofiwch hynny", "cy"),
        ("oh, never mind", "en"),  # a sound or word before it
        ("ok cancel", "en"),
        ("wel gad hi", "cy"),
    ],
)
def test_a_leaving_phrase_alone_or_before_a_comma_leaves(text: str, language: str) -> None:
    assert leaves(text, language)


@pytest.mark.parametrize(
    "text",
    [
        "stop the bins being left on the pavement",  # a request that begins with a leaving word
        "cancelled collection",
        "never mind the hole, the light is out too",  # a leaving phrase with more than a comma after it
        "never mind about that when is my bin day",  # a new request after it, no reason of their own
        "stop sign knocked over on mill lane",  # "stop" may start an answer: only alone or before a comma
        "the lamp post outside number 4",
        "ohio street, behind the shops",  # a word that starts like "oh" is no interjection
        "okay",
    ],
)
def test_other_messages_do_not_leave(text: str) -> None:
    assert not leaves(text, "en")


@pytest.mark.parametrize(
    ("text", "language", "stops"),
    [
        ("hmm actually scrap it, they'd know it was me", "en", True),
        ("please dont send the report", "en", True),
        ("cancel my report", "en", True),
        ("on second thoughts forget the whole thing", "en", True),
        ("scrap metal and an old fridge", "en", False),  # what was dumped, not stopping
        ("can i leave it next to the bin", "en", False),  # where, not stopping
        ("dont send it to me, no thanks", "en", False),  # declines the reference only
        ("dont send me anything", "en", False),
        ("peidiwch a'i anfon, plis", "cy", True),
        ("canslo'r adroddiad", "cy", True),
        ("paid anfon dim byd ata i", "cy", False),
        ("sdim angen diolch", "cy", False),
    ],
)
def test_stopping_the_report_in_so_many_words(text: str, language: str, stops: bool) -> None:
    assert stops_the_report(text, language) is stops
