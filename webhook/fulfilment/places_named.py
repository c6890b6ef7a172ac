"""Places and postcodes named in what a resident types: "pothole outside 12 mill lane", "ar heol y
parc", "AA1 1AA". Pure text functions, shared by the report handlers (a place given in the first
message) and the offline agent (a place typed at "Where is it?" is the answer, not a new request)."""

from __future__ import annotations

import re

from webhook.backends.postcodes import normalise_postcode

#: A place in a message: a word of place, then words ending in a street word or starting with a number.
_ENGLISH_STREETS = (
    r"street|st|road|rd|lane|ln|avenue|ave|close|drive|way|hill|crescent|place|square|park|terrace|"
    r"grove|gardens|row|walk|parade|estate"
)
#: Welsh names put the street word first ("heol y parc", "stryd fawr").
_WELSH_STREETS = r"stryd|heol|hewl|lon|ffordd|rhodfa|cilgant|clos|sgwar|stad"
_STREET_WORDS = f"{_ENGLISH_STREETS}|{_WELSH_STREETS}"
#: "number 12", "rhif 12" and its mutated "rif 12" ("o rif 4", "i rif 8").
_NUMBER = r"(?:number\s+|no\.?\s+|rhif\s+|rif\s+)?\d+\w?\s+"
#: A house number and a street: "12 mill lane", "rhif 4 heol y wern".
_ADDRESS = rf"{_NUMBER}(?:(?:[\w']+\s+){{0,3}}?(?:{_ENGLISH_STREETS})\b|(?:{_WELSH_STREETS})\s+[\w' ]+)"
_PLACE = re.compile(
    r"\b(?:outside|opposite|near|by|on|at|in front of|along|next to|behind|tu allan i|tu fas i|gyferbyn a|"
    r"ar bwys|tu ol i|ger|wrth|ar|yn)\s+"
    rf"(?P<place>{_NUMBER}[\w' ]+|"
    rf"(?:the\s+|y\s+|yr\s+)?[\w' ]*?\b(?:{_STREET_WORDS})\b[\w' ]*)",
    re.IGNORECASE,
)
#: "noise from 12 mill lane", "swn o 4 lon y felin": "from" and "o" say where only before an address (a
#: house number and a street), never before a time or an amount ("from 10 till 2", "o 11pm"); and an
#: address alone after a comma says where too ("twll mawr, 4 stryd fawr").
_ADDRESS_GIVEN = re.compile(rf"(?:\b(?:from|o)\s+|,\s*)(?P<place>{_ADDRESS})", re.IGNORECASE)
#: Words that follow a Welsh street word without naming it ("twll yn y ffordd plis", "... heddiw").
_NOT_A_NAME = (
    r"fi|ni|ma|yma|hon|hyn|ger|yn|ar|wrth|tu|gyferbyn|a|ac|i|o|plis|please|pls|diolch|heddiw|ddoe|nawr|"
    r"rwan|eto|fan|fanna|fama|yna|na|os|achos|ond|sydd|sy|wedi|di|mae"
)
#: A street's own name: a word before an English street word, or after a Welsh one.
_NAMED = re.compile(
    rf"\b(?!(?:my|our|the|this|that|your|a)\b)\w+\s+(?:{_ENGLISH_STREETS})\b|"
    rf"\b(?:{_WELSH_STREETS})\s+(?!(?:{_NOT_A_NAME})\b)\w+",
    re.IGNORECASE,
)


def place_in_text(text: str) -> str | None:
    """Where the first message says the problem is, when it names a street or a house number after a
    word of place ("pothole outside 12 mill lane", "golau wedi torri ar heol y parc"), as typed."""
    # An address ("o rif 6 lon yr eglwys") is surer than a word of place, which may be something else
    # ("yn" before a verb: "cwn yn cyfarth o rif 6 ...").
    for match in (*_ADDRESS_GIVEN.finditer(text), *_PLACE.finditer(text)):
        place = match.group("place").strip(" .,!?")
        # "on my road" or "the street light" says nowhere: a place has a number or a street's name.
        if re.search(r"\d", place) or _NAMED.search(place):
            return place
    return None


def postcode_in_text(text: str) -> str | None:
    """The first thing in `text` shaped like a full UK postcode, normalised."""
    match = re.search(r"\b([A-Za-z]{1,2}[0-9][A-Za-z0-9]?)\s*([0-9][A-Za-z]{2})\b", text)
    return normalise_postcode(match.group(1) + match.group(2)) if match else None
