"""Answers shaped exactly like the real APIs' (learnt from their documented samples), for the local
HTTP servers the handler tests run: postcodes.io, Democracy Club, Open311 and GOV.UK Notify."""

from __future__ import annotations

import datetime as dt
from typing import Any

DEMO = ("Demo Borough", "W06000999")
CASTLE = ("Castle", "W05009901")
RIVERSIDE = ("Riverside", "W05009902")


def postcode_found(
    postcode: str,
    *,
    district: tuple[str, str] = DEMO,
    county: tuple[str, str] | None = None,
    ward: tuple[str, str] = CASTLE,
    country: str = "Wales",
    latitude: float | None = 52.31,
    longitude: float | None = -4.41,
) -> dict[str, Any]:
    """GET /postcodes/<postcode> 200, with every field postcodes.io documents."""
    outcode, incode = postcode.split()
    no_code = f"{district[1][0]}99999999"
    return {
        "status": 200,
        "result": {
            "postcode": postcode,
            "quality": 1,
            "eastings": 551626,
            "northings": 170342,
            "country": country,
            "nhs_ha": None,
            "longitude": longitude,
            "latitude": latitude,
            "european_electoral_region": country,
            "primary_care_trust": None,
            "region": None,
            "lsoa": f"{district[0]} 001A",
            "msoa": f"{district[0]} 001",
            "incode": incode,
            "outcode": outcode,
            "parliamentary_constituency": district[0],
            "parliamentary_constituency_2024": district[0],
            "admin_district": district[0],
            "parish": None,
            "admin_county": county[0] if county else None,
            "date_of_introduction": "198001",
            "admin_ward": ward[0],
            "ced": None,
            "ccg": None,
            "nuts": district[0],
            "pfa": district[0],
            "nhs_region": None,
            "ttwa": district[0],
            "national_park": None,
            "bua": None,
            "icb": None,
            "cancer_alliance": None,
            "lsoa11": f"{district[0]} 001A",
            "msoa11": f"{district[0]} 001",
            "lsoa21": f"{district[0]} 001A",
            "msoa21": f"{district[0]} 001",
            "oa21": "W00000001",
            "ruc11": None,
            "ruc21": None,
            "lep1": None,
            "lep2": None,
            "codes": {
                "admin_district": district[1],
                "admin_county": county[1] if county else no_code,
                "admin_ward": ward[1],
                "parish": no_code,
                "parliamentary_constituency": "W07000099",
                "parliamentary_constituency_2024": "W07000099",
                "ccg": no_code,
                "ccg_id": None,
                "ced": no_code,
                "nuts": "TLL99",
                "lsoa": "W01000001",
                "msoa": "W02000001",
                "lau2": district[1],
                "pfa": "W15000001",
                "nhs_region": no_code,
                "ttwa": "W22000001",
                "national_park": no_code,
                "bua": no_code,
                "icb": no_code,
                "cancer_alliance": no_code,
                "lsoa11": "W01000001",
                "msoa11": "W02000001",
                "lsoa21": "W01000001",
                "msoa21": "W02000001",
                "oa21": "W00000001",
                "ruc11": None,
                "ruc21": None,
                "lep1": None,
                "lep2": None,
            },
        },
    }


POSTCODE_NOT_FOUND = {"status": 404, "error": "Postcode not found"}
INVALID_POSTCODE = {"status": 404, "error": "Invalid postcode"}


def postcode_terminated(postcode: str, year: int, month: int) -> dict[str, Any]:
    """GET /postcodes/<postcode> 404 for a withdrawn postcode."""
    return {
        "status": 404,
        "error": "Postcode not found",
        "terminated": {
            "postcode": postcode,
            "year_terminated": year,
            "month_terminated": month,
            "longitude": -2.242851,
            "latitude": 57.101474,
        },
    }


# ---------------------------------------------------------------------------------------------------
# Democracy Club

ELECTORAL_SERVICES = {
    "council_id": "DEM",
    "name": "Demo Borough Council",
    "nation": "Wales",
    "email": "elections@demo-council.example",
    "phone": "01632 960400",
    "website": "https://demo-council.example/elections",
    "postcode": "AA1 1AA",
    "address": "Electoral Registration Officer\nCivic Centre\n1 High Street",
    "identifiers": ["W06000999"],
}


def ballot(ballot_id: str, title: str, day: dt.date, *, cancelled: bool = False) -> dict[str, Any]:
    """One ballot of a polling day, with the fields Democracy Club documents."""
    return {
        "ballot_paper_id": ballot_id,
        "ballot_title": title,
        "ballot_url": f"https://developers.democracyclub.org.uk/api/v1/elections/{ballot_id}/",
        "poll_open_date": day.isoformat(),
        "elected_role": "Local Councillor",
        "metadata": None,
        "cancelled": cancelled,
        "cancellation_reason": "UNDER_CONTESTED" if cancelled else None,
        "replaced_by": None,
        "replaces": None,
        "requires_voter_id": None,
        "timetable": {"registration_deadline": (day - dt.timedelta(days=12)).isoformat()},
        "election_id": ballot_id.rsplit(".", 1)[0],
        "election_name": title,
        "post_name": "Castle",
        "postal_voting_requirements": None,
        "candidates_verified": True,
        "by_election_reason": "",
        "voting_system": {"slug": "FPTP", "name": "First-past-the-post", "uses_party_lists": False},
        "hustings": None,
        "seats_contested": 1,
        "candidates": [],
        "wcivf_url": "https://whocanivotefor.co.uk/elections/",
    }


def poll_date(
    day: dt.date,
    *,
    station: tuple[str, str] | None = ("Castle Community Hall\n2 Castle Street\nDemo Town", "AA1 1AB"),
    ballots: list[dict[str, Any]] | None = None,
    notifications: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """One entry of `dates`: the polling station (or not yet known) and the ballots."""
    return {
        "date": day.isoformat(),
        "polling_station": {
            "polling_station_known": station is not None,
            "custom_finder": None,
            "report_problem_url": None,
            "station": None
            if station is None
            else {
                "id": "W06000999.castle",
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [-4.41, 52.31]},
                "properties": {"postcode": station[1], "address": station[0]},
            },
        },
        "advance_voting_station": None,
        "notifications": notifications or [],
        "ballots": ballots or [ballot(f"local.demo.castle.by.{day}", "Demo local election Castle", day)],
    }


def voting_information(
    postcode: str,
    *,
    dates: list[dict[str, Any]] | None = None,
    addresses: list[tuple[str, str]] | None = None,
    electoral_services: dict[str, Any] | None = None,
    registration: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """GET /api/v1/postcode/<postcode>/ (or /address/<slug>/) 200."""
    services = electoral_services or ELECTORAL_SERVICES
    return {
        "address_picker": bool(addresses),
        "addresses": [
            {
                "address": label,
                "postcode": postcode.replace(" ", ""),
                "slug": slug,
                "url": f"https://developers.democracyclub.org.uk/api/v1/address/{slug}/",
            }
            for label, slug in addresses or []
        ],
        "dates": dates or [],
        "electoral_services": services,
        "registration": registration
        or {key: services[key] for key in ("email", "phone", "website", "postcode", "address")},
        "postcode_location": {
            "type": "Feature",
            "properties": {"postcode": postcode},
            "geometry": {"type": "Point", "coordinates": [-4.41, 52.31]},
        },
    }


# ---------------------------------------------------------------------------------------------------
# Open311 and Notify


def open311_services(*codes: str) -> list[dict[str, Any]]:
    """GET services.json."""
    return [
        {
            "service_code": code,
            "service_name": code.title(),
            "description": f"{code} service",
            "metadata": "true",
            "type": "realtime",
            "keywords": "",
            "group": "streets",
        }
        for code in codes
    ]


def open311_definition(code: str, attributes: list[dict[str, Any]]) -> dict[str, Any]:
    """GET services/<code>.json."""
    return {"service_code": code, "attributes": attributes}


def open311_attribute(
    code: str, description: str, *, required: bool = True, datatype: str = "string", order: int = 1, values=()
) -> dict[str, Any]:
    """One attribute of a service definition, flags as strings the way the XML mapping sends them."""
    attribute: dict[str, Any] = {
        "variable": "true",
        "code": code,
        "datatype": datatype,
        "required": "true" if required else "false",
        "datatype_description": description,
        "order": order,
        "description": description,
    }
    if values:
        attribute["values"] = [{"key": key, "name": name} for key, name in values]
    return attribute


def open311_created(request_id: str | int, notice: str | None = None) -> list[dict[str, Any]]:
    """POST requests.json 200."""
    return [{"service_request_id": request_id, "service_notice": notice, "account_id": None}]


def notify_sent(template_id: str, reference: str | None) -> dict[str, Any]:
    """POST /v2/notifications/email 201."""
    return {
        "id": "740e5834-3a29-46b4-9a6f-16142fde533a",
        "reference": reference,
        "content": {"body": "Your reference", "subject": "Your report", "from_email": "demo@notify.example"},
        "uri": (
            "https://api.notifications.service.gov.uk/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a"
        ),
        "template": {
            "id": template_id,
            "version": 1,
            "uri": f"https://api.notifications.service.gov.uk/v2/template/{template_id}",
        },
    }
