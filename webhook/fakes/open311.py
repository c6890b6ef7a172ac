"""A fake Open311 GeoReport v2 endpoint: services.json, services/<code>.json and POST requests.json.

Like a real endpoint it checks what it is sent: the key, a known service code, a location (lat/long,
`address_string` or `address_id`) and every required attribute, answering a GeoReport error array
(`[{"code": 400, "description": ...}]`) when something is missing. Accepted requests get a new id.
Nothing sent is kept: the id counter is all the state there is.
"""

from __future__ import annotations

import itertools
import threading
from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

bp = Blueprint("fake_open311", __name__)


def _values(*pairs: tuple[str, str]) -> list[dict[str, str]]:
    return [{"key": key, "name": name} for key, name in pairs]


SERVICES: list[dict[str, Any]] = [
    {
        "service_code": "POT",
        "service_name": "Pothole or damaged road",
        "description": "Potholes, damaged road surfaces and broken pavements",
        "metadata": "true",
        "type": "realtime",
        "keywords": "pothole,road,pavement",
        "group": "highways",
    },
    {
        "service_code": "LIGHT",
        "service_name": "Street light not working",
        "description": "Street lights that are out, flickering, damaged or on all day",
        "metadata": "true",
        "type": "realtime",
        "keywords": "street light,lamp post",
        "group": "highways",
    },
    {
        "service_code": "FLY",
        "service_name": "Fly-tipping",
        "description": "Rubbish dumped illegally",
        "metadata": "true",
        "type": "realtime",
        "keywords": "fly-tipping,dumped rubbish",
        "group": "street cleaning",
    },
    {
        "service_code": "STREET",
        "service_name": "Street cleaning",
        "description": "Graffiti, dog fouling, litter, dead animals and abandoned vehicles",
        "metadata": "false",
        "type": "realtime",
        "keywords": "graffiti,dog fouling,litter",
        "group": "street cleaning",
    },
    {
        "service_code": "NOISE",
        "service_name": "Noise nuisance",
        "description": "Noise from homes, businesses, alarms and building work",
        "metadata": "true",
        "type": "realtime",
        "keywords": "noise,music,barking,alarm",
        "group": "environmental health",
    },
    {
        "service_code": "MISSED",
        "service_name": "Missed bin collection",
        "description": "A bin, box or bag not emptied on its collection day",
        "metadata": "false",
        "type": "realtime",
        "keywords": "missed bin",
        "group": "waste",
    },
]

DEFINITIONS: dict[str, list[dict[str, Any]]] = {
    "POT": [
        {
            "variable": "true",
            "code": "size",
            "datatype": "singlevaluelist",
            "required": "true",
            "datatype_description": "smaller or larger than a dinner plate",
            "order": 1,
            "description": "How big is it?",
            "values": _values(
                ("small", "Smaller than a dinner plate"),
                ("large", "Larger than a dinner plate"),
                ("road", "Across most of the road"),
            ),
        },
        {
            "variable": "true",
            "code": "depth",
            "datatype": "number",
            "required": "false",
            "datatype_description": "a whole number of centimetres",
            "order": 2,
            "description": "How deep is the pothole, in centimetres?",
        },
    ],
    "LIGHT": [
        {
            "variable": "true",
            "code": "column_number",
            "datatype": "string",
            "required": "false",
            "datatype_description": "the number on the lamp post",
            "order": 1,
            "description": "What is the number on the lamp post?",
        }
    ],
    "FLY": [
        {
            "variable": "true",
            "code": "waste_type",
            "datatype": "singlevaluelist",
            "required": "true",
            "datatype_description": "what has been dumped",
            "order": 1,
            "description": "What has been dumped?",
            "values": _values(
                ("household", "Household rubbish"),
                ("furniture", "Furniture or mattresses"),
                ("building", "Building rubble"),
                ("garden", "Garden waste"),
                ("other", "Something else"),
            ),
        }
    ],
    "STREET": [],
    "NOISE": [
        {
            "variable": "true",
            "code": "noise_type",
            "datatype": "singlevaluelist",
            "required": "true",
            "datatype_description": "what is making the noise",
            "order": 1,
            "description": "What is making the noise?",
            "values": _values(
                ("music", "Music or parties"),
                ("dog", "A barking dog"),
                ("alarm", "An alarm"),
                ("building", "Building work"),
                ("other", "Something else"),
            ),
        }
    ],
    "MISSED": [],
}

_ids = itertools.count(1001)
_ids_lock = threading.Lock()


@bp.get("/services.json")
def services() -> ResponseReturnValue:
    """Every service this endpoint takes requests for."""
    return jsonify(SERVICES)


@bp.get("/services/<code>.json")
def service_definition(code: str) -> ResponseReturnValue:
    """The attributes a service asks for."""
    if code not in DEFINITIONS:
        return _errors((404, f"Service {code} not found")), 404
    return jsonify({"service_code": code, "attributes": DEFINITIONS[code]})


@bp.post("/requests.json")
def create_request() -> ResponseReturnValue:
    """Take a service request; answer its id, or the GeoReport errors saying what is wrong."""
    form = request.form
    if not form.get("api_key"):
        return _errors((403, "Invalid api_key")), 403
    code = form.get("service_code", "")
    if code not in DEFINITIONS:
        return _errors((404, f"Service {code or '(none)'} not found")), 404
    problems = []
    has_point = form.get("lat") and form.get("long")
    if not (has_point or form.get("address_string") or form.get("address_id")):
        problems.append((400, "A location is required: lat and long, address_string or address_id"))
    for attribute in DEFINITIONS[code]:
        answered = form.get(f"attribute[{attribute['code']}]") or form.getlist(
            f"attribute[{attribute['code']}][]"
        )
        if attribute["required"] == "true" and not answered:
            problems.append((400, f"attribute[{attribute['code']}] is required"))
    if len(form.get("description", "")) > 4000:
        problems.append((400, "description is longer than 4000 characters"))
    if problems:
        return _errors(*problems), 400
    with _ids_lock:
        request_id = next(_ids)
    return jsonify(
        [
            {
                "service_request_id": f"DEMO-{request_id}",
                "service_notice": "We aim to look at reports within 5 working days.",
                "account_id": None,
            }
        ]
    )


def _errors(*problems: tuple[int, str]) -> ResponseReturnValue:
    return jsonify([{"code": code, "description": description} for code, description in problems])
