"""A fake postcodes.io: GET /postcodes/<postcode> and /postcodes/<postcode>/validate, for AA postcodes.

Answers have postcodes.io's shape: `{"status": 200, "result": {...}}` with the fields it documents
(including `codes`, and E99999999-style codes where an area has no such tier), and its two different
404 bodies: `Invalid postcode` for text that is not a postcode, `Postcode not found` (with
`terminated` for a withdrawn one) for a postcode not in use.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from webhook.fakes.areas import TERMINATED, FakeArea, area_of

bp = Blueprint("fake_postcodes_io", __name__)

# postcodes.io's own check, looser than Royal Mail's: letters and digits, outward code then inward.
_SHAPE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def _normalise(text: str) -> str | None:
    match = _SHAPE.match(re.sub(r"\s+", "", text).upper())
    return f"{match.group(1)} {match.group(2)}" if match else None


@bp.get("/postcodes/<postcode>")
def lookup(postcode: str) -> ResponseReturnValue:
    """One postcode's areas."""
    normalised = _normalise(postcode)
    if normalised is None:
        return jsonify(status=404, error="Invalid postcode"), 404
    area = area_of(normalised)
    if area is None:
        body: dict[str, Any] = {"status": 404, "error": "Postcode not found"}
        if normalised in TERMINATED:
            year, month = TERMINATED[normalised]
            body["terminated"] = {
                "postcode": normalised,
                "year_terminated": year,
                "month_terminated": month,
                "longitude": -4.4,
                "latitude": 52.3,
            }
        return jsonify(body), 404
    return jsonify(status=200, result=result(normalised, area))


@bp.get("/postcodes/<postcode>/validate")
def validate(postcode: str) -> ResponseReturnValue:
    """Whether a postcode is in use: `{"status": 200, "result": true|false}`."""
    normalised = _normalise(postcode)
    return jsonify(status=200, result=normalised is not None and area_of(normalised) is not None)


def result(postcode: str, area: FakeArea) -> dict[str, Any]:
    """postcodes.io's `result` object for a postcode in a fictional area."""
    outward, inward = postcode.split()
    nation_letter = area.district[1][0]
    no_code = f"{nation_letter}99999999"
    ward_name, ward_code = area.ward(inward[0])
    # Spread postcodes of one outward code a little, so "nearest" means something.
    offset = (int(inward[0]) - 5) * 0.004
    return {
        "postcode": postcode,
        "quality": 1,
        "eastings": 260000,
        "northings": 260000,
        "country": area.country,
        "nhs_ha": None,
        "longitude": round(area.longitude + offset, 6),
        "latitude": round(area.latitude + offset, 6),
        "european_electoral_region": area.region or area.country,
        "primary_care_trust": None,
        "region": area.region,
        "lsoa": f"{area.district[0]} 001A",
        "msoa": f"{area.district[0]} 001",
        "incode": inward,
        "outcode": outward,
        "parliamentary_constituency": area.district[0],
        "parliamentary_constituency_2024": area.district[0],
        "admin_district": area.district[0],
        "parish": None,
        "admin_county": area.county[0] if area.county else None,
        "date_of_introduction": "198001",
        "admin_ward": ward_name,
        "ced": None,
        "ccg": None,
        "nuts": area.district[0],
        "pfa": area.district[0],
        "nhs_region": None,
        "ttwa": area.district[0],
        "national_park": None,
        "bua": None,
        "icb": None,
        "cancer_alliance": None,
        "lsoa11": f"{area.district[0]} 001A",
        "msoa11": f"{area.district[0]} 001",
        "lsoa21": f"{area.district[0]} 001A",
        "msoa21": f"{area.district[0]} 001",
        "oa21": f"{nation_letter}00999999",
        "ruc11": None,
        "ruc21": None,
        "lep1": None,
        "lep2": None,
        "codes": {
            "admin_district": area.district[1],
            "admin_county": area.county[1] if area.county else no_code,
            "admin_ward": ward_code,
            "parish": f"{nation_letter}43000999",
            "parliamentary_constituency": f"{nation_letter}14009999",
            "parliamentary_constituency_2024": f"{nation_letter}14009999",
            "ccg": no_code,
            "ccg_id": None,
            "ced": no_code,
            "nuts": "TLL99",
            "lsoa": f"{nation_letter}01099999",
            "msoa": f"{nation_letter}02099999",
            "lau2": area.district[1],
            "pfa": f"{nation_letter}23000999",
            "nhs_region": no_code,
            "ttwa": f"{nation_letter}30000999",
            "national_park": no_code,
            "bua": no_code,
            "icb": no_code,
            "cancer_alliance": no_code,
            "lsoa11": f"{nation_letter}01099999",
            "msoa11": f"{nation_letter}02099999",
            "lsoa21": f"{nation_letter}01099999",
            "msoa21": f"{nation_letter}02099999",
            "oa21": f"{nation_letter}00999999",
            "ruc11": None,
            "ruc21": None,
            "lep1": None,
            "lep2": None,
        },
    }
