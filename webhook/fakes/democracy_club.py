"""A fake Democracy Club API: GET /api/v1[/sandbox]/postcode/<postcode>/ and /address/<slug>/.

Answers have the API's shape (address_picker, addresses, dates with polling_station and ballots,
notifications, electoral_services, registration, postcode_location), with the next polling day a few
weeks ahead so the demo always has an election coming. The live paths want `?auth_token=` (any value);
the sandbox paths want none, like the real sandbox. Which answer a demo postcode gets:

| postcode | answer |
|---|---|
| AA1 2AB | an address picker: 1 High Street, 2 Mill Lane (each with its own station) |
| AA1 3AA | an election, but the council has not published the polling station yet |
| AA1 4AA | one of two ballots cancelled (uncontested); the other goes ahead |
| AA1 4AB | every ballot cancelled: no poll |
| AA1 5AA | no upcoming election |
| other AA1, AA2 | station known, by ward |
| AA3, AA4 | no upcoming election; that council's electoral services |
| AA5 | Northern Ireland: the Electoral Office registers voters; photo ID notice |
| AA8 | Scotland: the valuation joint board registers voters |
| anything else | 400 "Could not geocode from any source" |
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

from webhook.fakes.areas import area_of

bp = Blueprint("fake_democracy_club", __name__)

API_ROOT = "https://developers.democracyclub.org.uk/api/v1"

DEMO_ELECTORAL_SERVICES = {
    "council_id": "DEM",
    "name": "Demo Borough Council",
    "nation": "Wales",
    "email": "electoral.services@demo-council.example",
    "phone": "01632 960400",
    "website": "https://demo-council.example/elections",
    "postcode": "AA1 1AA",
    "address": "Electoral Registration Officer\nCivic Centre\n1 High Street\nDemo Town",
    "identifiers": ["W06000999"],
}
OTHER_ELECTORAL_SERVICES = {
    "AA3": {
        "council_id": "NVA",
        "name": "Neighbouring Vale Council",
        "nation": "Wales",
        "email": "elections@neighbouring-vale.example",
        "phone": "01632 960800",
        "website": "https://neighbouring-vale.example/elections",
        "postcode": "AA3 1AA",
        "address": "Electoral Services\nVale House\nValley Bottom",
        "identifiers": ["W06000998"],
    },
    "AA4": {
        "council_id": "OXO",
        "name": "Oxford City Council",
        "nation": "England",
        "email": "elections@oxford.example",
        "phone": "01632 960810",
        "website": "https://oxford.example/elections",
        "postcode": "AA4 1AA",
        "address": "Electoral Services\nTown Hall\nOxford",
        "identifiers": ["E07000178"],
    },
    "AA5": {
        "council_id": "DLO",
        "name": "The Electoral Office for Northern Ireland",
        "nation": "Northern Ireland",
        "email": "info@electoral-office.example",
        "phone": "028 9649 6000",
        "website": "https://electoral-office.example/",
        "postcode": "AA5 1AA",
        "address": "The Electoral Office Headquarters\nChurch Street\nDemo Lough",
        "identifiers": ["N09000999"],
    },
    "AA8": {
        "council_id": "DFI",
        "name": "Demo Firth Council",
        "nation": "Scotland",
        "email": "elections@demo-firth.example",
        "phone": "0131 496 0000",
        "website": "https://demo-firth.example/elections",
        "postcode": "AA8 1AA",
        "address": "City Chambers\r\nHigh Street\r\nDemo Firth",
        "identifiers": ["S12000999"],
    },
}
# Where voters register, when it is not the council's electoral services.
REGISTRATION = {
    "AA8": {
        "email": "enquiries@demo-firth-vjb.example",
        "phone": "0131 496 0001",
        "website": "https://demo-firth-vjb.example/",
        "postcode": "AA8 9FL",
        "address": (
            "Electoral Registration Officer\nDemo Firth Valuation Joint Board\n17 Gyle Crescent\nDemo Firth"
        ),
    },
}
STATIONS = {
    "Castle": ("Castle Community Hall\n2 Castle Street\nDemo Town", "AA1 1AB", (-4.412, 52.311)),
    "Riverside": ("Riverside Primary School\nMill Lane\nDemo Town", "AA1 2AD", (-4.405, 52.305)),
    "Hillside": ("Hillside Chapel Vestry\nHill Road\nDemo Town", "AA1 3AB", (-4.398, 52.318)),
}
PICKER_ADDRESSES = {
    "AA1 2AB": [
        ("1 High Street, Demo Town", "demo-100000000001", "Castle"),
        ("2 Mill Lane, Demo Town", "demo-100000000002", "Riverside"),
    ]
}


def _normalise(text: str) -> str | None:
    compact = "".join(text.split()).upper()
    if not 5 <= len(compact) <= 7:
        return None
    return f"{compact[:-3]} {compact[-3:]}"


def polling_day(today: dt.date) -> dt.date:
    """The demo's next polling day: the first Thursday at least three weeks away."""
    day = today + dt.timedelta(days=21)
    return day + dt.timedelta(days=(3 - day.weekday()) % 7)


@bp.get("/api/v1/postcode/<postcode>/")
def postcode(postcode: str) -> ResponseReturnValue:
    """Polling information for a postcode (key required)."""
    return _authenticated() or _postcode(postcode, sandbox=False)


@bp.get("/api/v1/sandbox/postcode/<postcode>/")
def sandbox_postcode(postcode: str) -> ResponseReturnValue:
    """Polling information for a postcode (no key, as in Democracy Club's sandbox)."""
    return _postcode(postcode, sandbox=True)


@bp.get("/api/v1/address/<slug>/")
def address(slug: str) -> ResponseReturnValue:
    """Polling information for an address chosen from a picker (key required)."""
    return _authenticated() or _address(slug, sandbox=False)


@bp.get("/api/v1/sandbox/address/<slug>/")
def sandbox_address(slug: str) -> ResponseReturnValue:
    """Polling information for an address chosen from a picker (sandbox)."""
    return _address(slug, sandbox=True)


def _authenticated() -> ResponseReturnValue | None:
    if not request.args.get("auth_token"):
        return jsonify(detail="Invalid token."), 401
    return None


def _postcode(text: str, *, sandbox: bool) -> ResponseReturnValue:
    normalised = _normalise(text)
    area = area_of(normalised) if normalised else None
    if normalised is None or area is None:
        return jsonify(detail="Could not geocode from any source"), 400
    outward = normalised.split()[0]
    today = dt.date.today()
    if outward not in ("AA1", "AA2"):
        return jsonify(_answer(normalised, [], contacts_of=outward, sandbox=sandbox))
    if normalised in PICKER_ADDRESSES:
        return jsonify(_answer(normalised, [], picker=normalised, sandbox=sandbox))
    ward = area.ward(normalised.split()[1][0])[0]
    day = polling_day(today)
    dates = {
        "AA1 3AA": [_date(day, ward, station_known=False, sandbox=sandbox)],
        "AA1 4AA": [_date(day, ward, cancelled=(False, True), sandbox=sandbox)],
        "AA1 4AB": [_date(day, ward, cancelled=(True, True), sandbox=sandbox)],
        "AA1 5AA": [],
    }.get(normalised, [_date(day, ward, sandbox=sandbox)])
    return jsonify(_answer(normalised, dates, sandbox=sandbox))


def _address(slug: str, *, sandbox: bool) -> ResponseReturnValue:
    for postcode_, choices in PICKER_ADDRESSES.items():
        for _, choice_slug, ward in choices:
            if choice_slug == slug:
                day = polling_day(dt.date.today())
                return jsonify(_answer(postcode_, [_date(day, ward, sandbox=sandbox)], sandbox=sandbox))
    return jsonify(detail="Not found."), 404


def _answer(
    postcode_: str,
    dates: list[dict[str, Any]],
    *,
    picker: str | None = None,
    contacts_of: str = "AA1",
    sandbox: bool,
) -> dict[str, Any]:
    area = area_of(postcode_)
    root = f"{API_ROOT}/sandbox" if sandbox else API_ROOT
    electoral_services = OTHER_ELECTORAL_SERVICES.get(contacts_of, DEMO_ELECTORAL_SERVICES)
    registration = REGISTRATION.get(contacts_of) or {
        key: electoral_services[key] for key in ("email", "phone", "website", "postcode", "address")
    }
    addresses = [
        {
            "address": label,
            "postcode": postcode_.replace(" ", ""),
            "slug": slug,
            "url": f"{root}/address/{slug}/",
        }
        for label, slug, _ in PICKER_ADDRESSES.get(picker or "", [])
    ]
    return {
        "address_picker": bool(addresses),
        "addresses": addresses,
        "dates": dates,
        "electoral_services": electoral_services,
        "registration": registration,
        "postcode_location": {
            "type": "Feature",
            "properties": {"postcode": postcode_},
            "geometry": {
                "type": "Point",
                "coordinates": [area.longitude, area.latitude] if area else [0.0, 0.0],
            },
        },
    }


def _date(
    day: dt.date,
    ward: str,
    *,
    station_known: bool = True,
    cancelled: tuple[bool, ...] = (False,),
    sandbox: bool,
) -> dict[str, Any]:
    address_, station_postcode, (longitude, latitude) = STATIONS.get(ward, STATIONS["Castle"])
    station = {
        "id": f"W06000999.{ward.lower()}-station",
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": {"postcode": station_postcode, "address": address_},
    }
    ballots = [
        _ballot(day, ward, index, was_cancelled, sandbox) for index, was_cancelled in enumerate(cancelled)
    ]
    notifications = []
    if all(cancelled):
        notifications.append(
            {
                "type": "cancelled_election",
                "title": "Cancelled Election",
                "url": None,
                "detail": "The poll for this election will not take place",
            }
        )
    return {
        "date": day.isoformat(),
        "polling_station": {
            "polling_station_known": station_known,
            "custom_finder": None,
            "report_problem_url": (
                "https://wheredoivote.co.uk/report_problem/?source=demo" if station_known else None
            ),
            "station": station if station_known else None,
        },
        "advance_voting_station": None,
        "notifications": notifications,
        "ballots": ballots,
    }


def _ballot(day: dt.date, ward: str, index: int, cancelled: bool, sandbox: bool) -> dict[str, Any]:
    kinds = [("local", f"Demo Borough local election {ward} by-election", "Local Councillor")]
    kinds.append(("town", f"Demo Town Council election {ward} ward", "Town Councillor"))
    prefix, title, role = kinds[index % len(kinds)]
    ballot_id = f"{prefix}.demo.{ward.lower()}.by.{day.isoformat()}"
    root = f"{API_ROOT}/sandbox" if sandbox else API_ROOT
    return {
        "ballot_paper_id": ballot_id,
        "ballot_title": title,
        "ballot_url": f"{root}/elections/{ballot_id}/",
        "poll_open_date": day.isoformat(),
        "elected_role": role,
        "metadata": None,
        "cancelled": cancelled,
        "cancellation_reason": "UNDER_CONTESTED" if cancelled else None,
        "replaced_by": None,
        "replaces": None,
        "requires_voter_id": None,
        "timetable": {
            "notice_of_election_deadline": (day - dt.timedelta(days=35)).isoformat(),
            "close_of_nominations": (day - dt.timedelta(days=27)).isoformat(),
            "sopn_publish_deadline": (day - dt.timedelta(days=24)).isoformat(),
            "registration_deadline": (day - dt.timedelta(days=16)).isoformat(),
            "postal_vote_application_deadline": (day - dt.timedelta(days=15)).isoformat(),
            "vac_application_deadline": (day - dt.timedelta(days=8)).isoformat(),
        },
        "election_id": f"{prefix}.demo.{day.isoformat()}",
        "election_name": title.split(" by-election")[0],
        "post_name": ward,
        "postal_voting_requirements": None,
        "candidates_verified": True,
        "by_election_reason": "",
        "voting_system": {"slug": "FPTP", "name": "First-past-the-post", "uses_party_lists": False},
        "hustings": [],
        "seats_contested": 1,
        "candidates": [] if cancelled else [_candidate(70001, "Ceri Jones", "Riverside Party")],
        "wcivf_url": f"https://whocanivotefor.co.uk/elections/{prefix}.demo.{day.isoformat()}/",
    }


def _candidate(ynr_id: int, name: str, party: str) -> dict[str, Any]:
    return {
        "list_position": None,
        "party": {"party_id": "party:99999", "party_name": party},
        "previous_party_affiliations": None,
        "person": {
            "ynr_id": ynr_id,
            "name": name,
            "absolute_url": f"https://whocanivotefor.co.uk/person/{ynr_id}/",
            "email": None,
            "photo_url": None,
            "leaflets": None,
        },
    }
