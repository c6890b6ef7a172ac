"""Local fakes of the outside APIs, so the demo council shows every flow working offline (`make run`).

`bp` is a Flask blueprint; register it as it is (`app.register_blueprint(bp)`, no prefix of your own)
only in the development and test configurations. Its routes are under `/_fakes/`, except GOV.UK
Notify's: the official Notify client joins its paths to the host alone (`urljoin(base_url,
"/v2/notifications/email")`), so that fake answers at `/v2/notifications/...` and the demo overlay's
Notify `base_url` is `/`. It serves, for the fictional AA-area postcodes of webhook/fakes/areas.py:

| prefix (the demo overlay's `base_url`) | imitates |
|---|---|
| `/_fakes/postcodes` | postcodes.io: `/postcodes/<pc>`, `/postcodes/<pc>/validate` |
| `/_fakes/democracy-club` | Democracy Club: `/api/v1[/sandbox]/postcode/<pc>/`, `/address/<slug>/` |
| `/_fakes/open311` | Open311 GeoReport v2: `services.json`, `services/<code>.json`, `POST requests.json` |
| `/` | GOV.UK Notify: `POST /v2/notifications/email` and `/v2/notifications/sms` |

A `base_url` starting with `/` is joined to the app's own address (`APP_BASE_URL`) by
webhook.backends.registry, so the same overlay works on any port. Every answer has the real API's
JSON shape (see each module); nothing a resident sends is kept or logged.
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask.typing import ResponseReturnValue

from webhook.fakes import democracy_club, notify, open311, postcodes_io

URL_PREFIX = "/_fakes"

bp = Blueprint("fakes", __name__)
bp.register_blueprint(postcodes_io.bp, url_prefix=f"{URL_PREFIX}/postcodes")
bp.register_blueprint(democracy_club.bp, url_prefix=f"{URL_PREFIX}/democracy-club")
bp.register_blueprint(open311.bp, url_prefix=f"{URL_PREFIX}/open311")
bp.register_blueprint(notify.bp)


@bp.get(f"{URL_PREFIX}/")
def index() -> ResponseReturnValue:
    """What the fakes serve, for a developer who opens /_fakes/ in a browser."""
    return jsonify(
        fakes={
            "postcodes.io": f"{URL_PREFIX}/postcodes/postcodes/AA11AA",
            "democracy_club": f"{URL_PREFIX}/democracy-club/api/v1/sandbox/postcode/AA12AA/",
            "open311": f"{URL_PREFIX}/open311/services.json",
            "govuk_notify": "/v2/notifications/email (POST)",
        },
        postcodes="AA1 and AA2 are the demo council's; see webhook/fakes/areas.py for the others",
    )
