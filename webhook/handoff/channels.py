"""Delivering a case through the council's channel; every channel is given the reference as its
idempotency key.

- `notify_email`: an e-mail to the contact centre through GOV.UK Notify (the overlay's
  `backends.notifications`), with the reference as Notify's `reference` (Notify takes no idempotency
  key: a repeat carries the same reference, so staff see it is the same case).
- `webhook`: a JSON POST of the case to the council's CRM (see `signed_headers` for the signature).
- `open311`: a GeoReport v2 service request (the overlay's `backends.reports`), the reference on the
  description's first line (GeoReport has no idempotency key either).

A channel raises DeliveryFailed when the case did not get through. The worker tries again later, unless
the failure is permanent: the channel refused the case itself or the council's settings are wrong, so
the same request would be refused again until someone changes something (`DeliveryFailed.permanent`).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import Mapping
from dataclasses import dataclass, field

import requests

from webhook.backends.base import BackendError, BackendHTTPError, BackendMisconfigured, BackendUnavailable
from webhook.backends.notify import NotifyRejected, NotifySender
from webhook.backends.open311 import MAX_DESCRIPTION, Open311Client, ServiceRequest
from webhook.backends.registry import CouncilBackends
from webhook.deadline import Deadline
from webhook.handoff.case import Case, plain_text
from webhook.handoff.settings import HandoffSettings
from webhook.library.model import Council, localise

log = logging.getLogger("webhook.handoff")

#: Seconds one delivery may take (connect and read), whatever the channel.
DELIVERY_TIMEOUT = 10.0
SIGNATURE_HEADER = "X-Signature"
TIMESTAMP_HEADER = "X-Timestamp"
IDEMPOTENCY_HEADER = "Idempotency-Key"


#: 4xx answers that pass with time (Request Timeout, Too Early, Too Many Requests); every other 4xx
#: refuses the request itself, so the same request is refused again.
TRANSIENT_CLIENT_ERRORS = frozenset({408, 425, 429})


class DeliveryFailed(Exception):
    """The case did not get through (down, timed out, refused); the message says how, never what.

    `permanent`: retrying the same request cannot help until someone changes something (the channel
    refused the case, a key is wrong, the council's settings are incomplete)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


def refuses_for_good(status: int) -> bool:
    """Whether an HTTP answer with `status` refuses the request itself: a 4xx other than those that pass
    with time. A 5xx (and anything else) is an outage, retried."""
    return 400 <= status < 500 and status not in TRANSIENT_CLIENT_ERRORS


@dataclass(frozen=True)
class Destination:
    """Where a council's cases go: its settings, its backend clients, its facts, and this app's address
    (for a `url` that starts with `/`, the demo's local fake)."""

    council: Council
    settings: HandoffSettings
    backends: CouncilBackends
    app_base_url: str = "http://127.0.0.1:8080"
    environ: Mapping[str, str] = field(default_factory=lambda: os.environ)
    #: Seconds one delivery may take.
    timeout: float = DELIVERY_TIMEOUT


def deliver(destination: Destination, channel: str, case: Case) -> None:
    """Send one case through `channel`; raises DeliveryFailed when it did not get through."""
    if channel == "notify_email":
        send_notify_email(destination, case)
    elif channel == "webhook":
        post_webhook(destination, case)
    elif channel == "open311":
        post_open311(destination, case)
    else:
        raise DeliveryFailed(f"channel {channel!r} does not deliver cases", permanent=True)


def council_name(council: Council) -> str:
    """The council's English name (staff-facing text is in English; the case says the language)."""
    return localise(council.name, "en") or council.slug


def send_notify_email(destination: Destination, case: Case) -> None:
    """The case by e-mail to the contact centre."""
    sender = destination.backends.notifications
    template = localise(destination.settings.templates.get("staff_email"), "en")
    if not isinstance(sender, NotifySender) or not template or not destination.settings.email:
        raise DeliveryFailed(
            "notify_email needs backends.notifications, handoff.email and a staff_email template",
            permanent=True,
        )
    personalisation = {
        "reference": case.reference,
        "council": council_name(destination.council),
        "contact": case.contact(),
        "case": plain_text(case, council_name(destination.council)),
    }
    try:
        sender.send_email(
            destination.settings.email,
            template,
            personalisation,
            case.reference,
            Deadline.after(destination.timeout),
        )
    except ValueError as error:  # a reference Notify must not be given: the same one every time
        raise DeliveryFailed(f"Notify: {type(error).__name__}", permanent=True) from error
    except BackendError as error:
        raise DeliveryFailed(
            f"Notify: {type(error).__name__}: {_status(error)}{_notify_errors(error)}",
            permanent=_permanent(error),
        ) from error


def signed_headers(
    secret: bytes, body: bytes, reference: str, timestamp: int | None = None
) -> dict[str, str]:
    """The headers of a webhook delivery.

    The signature scheme (for the council's CRM to verify):

    - `X-Timestamp`: the Unix time of sending, in whole seconds;
    - `X-Signature`: `sha256=` and the lowercase hex HMAC-SHA256, keyed with the shared secret (the
      environment variable the overlay names in `secret_env`, as UTF-8 bytes), of the timestamp, a
      full stop and the raw request body: `HMAC(secret, f"{timestamp}.".encode() + body)`;
    - `Idempotency-Key`: the case's reference, the same on every retry of the same case.

    The receiver recomputes the HMAC over the body bytes as received, compares in constant time, refuses
    timestamps more than five minutes from its clock (replays), and treats a second request with an
    Idempotency-Key it has already accepted as a success without making a second case. A 2xx answer,
    or 409 for a key it already has, means delivered; 408, 425, 429, a 5xx, a timeout or a refused
    connection is retried with backoff; any other 4xx refuses the case for good (the hand-off is marked
    failed and an operator is told).
    """
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    digest = hmac.new(secret, stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {
        "Content-Type": "application/json",
        TIMESTAMP_HEADER: stamp,
        SIGNATURE_HEADER: f"sha256={digest}",
        IDEMPOTENCY_HEADER: reference,
    }


def post_webhook(destination: Destination, case: Case) -> None:
    """The case as signed JSON to the council's CRM."""
    settings = destination.settings
    secret = destination.environ.get(settings.secret_env or "", "")
    if not settings.url or not secret:
        raise DeliveryFailed(
            f"webhook needs handoff.url and the variable {settings.secret_env} set", permanent=True
        )
    url = (
        destination.app_base_url.rstrip("/") + settings.url if settings.url.startswith("/") else settings.url
    )
    body = json.dumps(
        {"type": "handoff", "council_name": council_name(destination.council), **case.as_dict()},
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    try:
        response = requests.post(
            url,
            data=body,
            headers=signed_headers(secret.encode(), body, case.reference),
            timeout=(min(3.0, destination.timeout), destination.timeout),
            allow_redirects=False,
        )
    except requests.RequestException as error:
        raise DeliveryFailed(f"webhook: {type(error).__name__}") from error
    if not (200 <= response.status_code < 300 or response.status_code == 409):
        raise DeliveryFailed(
            f"webhook: answered {response.status_code}", permanent=refuses_for_good(response.status_code)
        )


def post_open311(destination: Destination, case: Case) -> None:
    """The case as an Open311 service request, the transcript its description."""
    client = destination.backends.reports
    code = destination.settings.service_code
    if not isinstance(client, Open311Client) or not code:
        raise DeliveryFailed(
            "open311 needs backends.reports of kind open311 and handoff.service_code", permanent=True
        )
    address = localise(destination.council.contact.get("address"), "en") or council_name(destination.council)
    request = ServiceRequest(
        description=plain_text(case, council_name(destination.council))[:MAX_DESCRIPTION],
        address_string=address,
        email=case.email,
        phone=case.phone,
    )
    try:
        client.post_request(code, request, Deadline.after(destination.timeout))
    except BackendError as error:
        raise DeliveryFailed(
            f"Open311: {type(error).__name__}: {_status(error)}", permanent=_permanent(error)
        ) from error


def confirm_to_resident(destination: Destination, case: Case) -> bool:
    """Tell the resident by e-mail or text that staff have their request (once, after delivery, when the
    council has the templates); True when Notify took it. Never raises: the case is delivered anyway."""
    sender = destination.backends.notifications
    if not isinstance(sender, NotifySender) or not (case.email or case.phone):
        return False
    purpose = "confirm_email" if case.email else "confirm_sms"
    template = localise(destination.settings.templates.get(purpose), case.language)
    if not template:
        return False
    personalisation = {
        "reference": case.reference,
        "council": localise(destination.council.name, case.language),
    }
    deadline = Deadline.after(destination.timeout)
    try:
        if case.email:
            sender.send_email(case.email, template, personalisation, case.reference, deadline)
        elif case.phone:
            sender.send_sms(case.phone, template, personalisation, case.reference, deadline)
    except (BackendError, ValueError) as error:
        log.warning(
            "handoff %s (council %s): confirmation not sent: %s",
            case.reference,
            case.council,
            type(error).__name__,
        )
        return False
    return True


def _status(error: Exception) -> str:
    """The answer's status; for an outage, our client's own account of it ("answered 503", "timed out
    after 2.00 s"), which never holds what was sent; else "no answer"."""
    status = getattr(error, "status", None)
    if status is not None:
        return str(status)
    return str(error) if isinstance(error, BackendUnavailable) else "no answer"


def _permanent(error: BackendError) -> bool:
    """Whether a backend's error refuses the case for good: a 4xx that does not pass with time (Notify:
    400 BadRequestError, 403 AuthError; GeoReport: 400, 403 bad api_key, 404 unknown service), or a
    key's variable unset. Timeouts, refused connections and 5xx (BackendUnavailable) pass."""
    if isinstance(error, BackendMisconfigured):
        return True
    return isinstance(error, BackendHTTPError) and refuses_for_good(error.status)


def _notify_errors(error: BackendError) -> str:
    """Notify's error names (AuthError, BadRequestError...), which say what to fix; never its messages,
    which may quote what was sent."""
    names = (
        sorted({detail.error for detail in error.errors if detail.error})
        if isinstance(error, NotifyRejected)
        else []
    )
    return f" ({', '.join(names)})" if names else ""
