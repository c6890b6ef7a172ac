"""A fake GOV.UK Notify: POST /v2/notifications/email and /v2/notifications/sms.

It checks what Notify checks first (a bearer JWT whose payload names the service as `iss`, a template
id, a recipient) and answers 201 with Notify's shape, or Notify's error body
(`{"errors": [{"error": "AuthError", "message": ...}], "status_code": 403}`). It sends nothing and
keeps nothing.
"""

from __future__ import annotations

import base64
import json
import re
import uuid
from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue

bp = Blueprint("fake_notify", __name__)

API = "https://api.notifications.service.gov.uk"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^(?:\+?44|0)7\d{9}$")


@bp.post("/v2/notifications/email")
def send_email() -> ResponseReturnValue:
    """Accept an e-mail for sending."""
    return _send("email_address", _EMAIL, "Not a valid email address")


@bp.post("/v2/notifications/sms")
def send_sms() -> ResponseReturnValue:
    """Accept a text message for sending."""
    return _send("phone_number", _PHONE, "Not a UK mobile number")


def _send(recipient_field: str, shape: re.Pattern[str], invalid: str) -> ResponseReturnValue:
    if not _authorised():
        return _error(403, "AuthError", "Invalid token: API key not found")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error(400, "BadRequestError", "Invalid JSON supplied in POST data")
    template_id = str(body.get("template_id") or "")
    try:
        uuid.UUID(template_id)
    except ValueError:
        return _error(400, "ValidationError", "template_id is not a valid UUID")
    recipient = re.sub(r"[\s()-]", "", str(body.get(recipient_field) or ""))
    if not shape.match(recipient):
        return _error(400, "ValidationError", f"{recipient_field} {invalid}")
    notification_id = str(uuid.uuid4())
    personalisation = body.get("personalisation") or {}
    reference = personalisation.get("reference", "")
    content: dict[str, Any] = {"body": f"Your report reference is {reference}."}
    if recipient_field == "email_address":
        content |= {
            "subject": "We have your report",
            "from_email": "demo.council@notifications.service.gov.uk",
        }
    else:
        content |= {"from_number": "DEMOCOUNCIL"}
    return (
        jsonify(
            {
                "id": notification_id,
                "reference": body.get("reference"),
                "content": content,
                "uri": f"{API}/v2/notifications/{notification_id}",
                "template": {"id": template_id, "version": 1, "uri": f"{API}/v2/template/{template_id}"},
            }
        ),
        201,
    )


def _authorised() -> bool:
    """A bearer JWT with an `iss` (the service id). The fake cannot check the signature: it does not
    know the secret, and it needs none, since it sends nothing."""
    header = request.headers.get("Authorization", "")
    if not header.startswith("Bearer "):
        return False
    parts = header.removeprefix("Bearer ").split(".")
    if len(parts) != 3:
        return False
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    except ValueError:
        return False
    return isinstance(payload, dict) and bool(payload.get("iss"))


def _error(status: int, error: str, message: str) -> ResponseReturnValue:
    return jsonify({"errors": [{"error": error, "message": message}], "status_code": status}), status
