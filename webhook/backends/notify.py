"""Confirmations by GOV.UK Notify, through its official client (notifications-python-client).

Settings (the overlay's backend block, `kind: govuk_notify`):

- `api_key_env` (required): the environment variable holding the Notify API key
  (`<key name>-<service id>-<secret>`).
- `base_url` (optional): default https://api.notifications.service.gov.uk.
- `templates` (required): purpose -> template id, or `{en: id, cy: id}` for a council with Welsh
  templates, e.g. `report_email: {en: 9d75..., cy: 1a2b...}`, `report_sms: f335...`.

Notify's `reference` field is visible in its dashboards and logs and kept for years, so it carries only
the report's reference, never an e-mail address, a phone number or anything a resident typed: put
those in `personalisation`, which Notify deletes with the message.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import requests
from notifications_python_client.errors import APIError, HTTPError, InvalidResponse
from notifications_python_client.notifications import NotificationsAPIClient

from webhook.backends.base import (
    BackendError,
    BackendHTTPError,
    BackendInvalidResponse,
    BackendMisconfigured,
    BackendUnavailable,
)
from webhook.deadline import Deadline, DeadlineExceeded
from webhook.library.model import LocalisedText, localise

DEFAULT_BASE_URL = "https://api.notifications.service.gov.uk"

#: A report reference: letters, digits and a few separators. No "@", no spaces, nothing long enough to
#: hold a sentence, so an address, a name or a message cannot slip into Notify's reference field.
_SAFE_REFERENCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9/_-]{0,39}$")
#: A UK phone number once separators are dropped: 0 and 9 or 10 digits, or 44 and 9 or 10 digits.
_PHONE_LIKE = re.compile(r"(?<!\d)(?:0|44)\d{9,10}(?!\d)")
_SEPARATORS = re.compile(r"[\s/_.-]")

# Notify's API keys end "-<service id (36)>-<secret (36)>"; the client slices them that way.
_API_KEY_SHAPE = re.compile(r"^.+-[0-9a-f-]{36}-[0-9a-f-]{36}$")


class NotifyRejected(BackendHTTPError):
    """Notify refused the message (400, 403): `errors` holds its `[{"error": ..., "message": ...}]`."""

    def __init__(self, message: str, status: int, body: Any, errors: tuple[NotifyErrorDetail, ...]) -> None:
        super().__init__(message, status, body)
        self.errors = errors


@dataclass(frozen=True)
class NotifyErrorDetail:
    error: str  # e.g. AuthError, BadRequestError, ValidationError, RateLimitError
    message: str


@dataclass(frozen=True)
class SentNotification:
    """Notify accepted the message: its id (to look up its delivery) and the template used."""

    id: str
    reference: str | None
    template_id: str
    template_version: int | None


class NotifySender:
    """Sends e-mails and text messages with a council's Notify templates."""

    #: The longest any single call may take, whatever the turn's budget.
    max_timeout: float = 3.0

    def __init__(
        self,
        *,
        api_key_env: str,
        templates: Mapping[str, LocalisedText] | None = None,
        base_url: str = DEFAULT_BASE_URL,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.api_key_env = api_key_env
        self.templates = dict(templates or {})
        self.base_url = base_url
        self.environ = environ

    def template_id(self, purpose: str, language: str) -> str:
        """The council's template for a purpose in a language, falling back to English."""
        template = self.templates.get(purpose)
        chosen = localise(template, language)
        if chosen is None:
            raise KeyError(f"no Notify template configured for {purpose!r}")
        return chosen

    def send_email(
        self,
        email_address: str,
        template_id: str,
        personalisation: Mapping[str, Any],
        reference: str | None,
        deadline: Deadline,
    ) -> SentNotification:
        """Send an e-mail. `reference` must be the report's reference (or None), never personal data."""
        check_reference(reference, email_address)
        return self._send(
            lambda client: client.send_email_notification(
                email_address, template_id, personalisation=dict(personalisation), reference=reference
            ),
            deadline,
        )

    def send_sms(
        self,
        phone_number: str,
        template_id: str,
        personalisation: Mapping[str, Any],
        reference: str | None,
        deadline: Deadline,
    ) -> SentNotification:
        """Send a text message. `reference` must be the report's reference (or None)."""
        check_reference(reference, phone_number)
        return self._send(
            lambda client: client.send_sms_notification(
                phone_number, template_id, personalisation=dict(personalisation), reference=reference
            ),
            deadline,
        )

    def _send(self, call: Callable[[NotificationsAPIClient], Any], deadline: Deadline) -> SentNotification:
        try:
            timeout = deadline.timeout(self.max_timeout)
        except DeadlineExceeded as error:
            raise BackendUnavailable(str(error)) from error
        # One client per message: the official client keeps its timeout on the instance and is not
        # thread-safe, and each message needs a fresh JWT anyway.
        client = NotificationsAPIClient(self._api_key(), base_url=self.base_url, timeout=timeout)
        try:
            body = call(client)
        except HTTPError as error:
            raise _backend_error(error) from error
        except InvalidResponse as error:
            raise BackendInvalidResponse("Notify answered with something that is not JSON") from error
        except (APIError, requests.RequestException) as error:
            raise BackendUnavailable(f"Notify call failed: {type(error).__name__}") from error
        return parse_sent(body)

    def _api_key(self) -> str:
        key = self.environ.get(self.api_key_env, "")
        if not _API_KEY_SHAPE.match(key):
            # Never echo the value: say only which variable is wrong. Misconfigured, not down: a hand-off
            # through Notify then fails for good, for an operator to fix, instead of retrying forever.
            raise BackendMisconfigured(
                f"environment variable {self.api_key_env} is unset or not a Notify key"
            )
        return key


def from_settings(settings: Mapping[str, Any], *, environ: Mapping[str, str] = os.environ) -> NotifySender:
    """A sender from an overlay's `kind: govuk_notify` block; `environ` holds its key's variable."""
    return NotifySender(
        api_key_env=settings["api_key_env"],
        templates=settings.get("templates") or {},
        base_url=settings.get("base_url") or DEFAULT_BASE_URL,
        environ=environ,
    )


def check_reference(reference: str | None, *personal: str) -> None:
    """Refuse a Notify reference that could hold personal data: it must look like a report reference
    and must not contain the recipient's address or number. Raises ValueError (a programming error)."""
    if reference is None:
        return
    if not _SAFE_REFERENCE.match(reference) or _PHONE_LIKE.search(_SEPARATORS.sub("", reference)):
        raise ValueError("a Notify reference must be a short report reference, not personal data")
    compact = reference.replace(" ", "").lower()
    reference_digits = re.sub(r"\D", "", reference)
    for value in personal:
        if not value:
            continue
        # Compare numbers by their last nine digits, so 07700 900123 and +44 7700 900123 both match.
        value_digits = re.sub(r"\D", "", value)[-9:]
        if value.replace(" ", "").lower() in compact or (
            len(value_digits) >= 7 and value_digits in reference_digits
        ):
            raise ValueError("a Notify reference must not contain the recipient's address or number")


def parse_sent(body: Any) -> SentNotification:
    """A SentNotification from Notify's 201 answer."""
    try:
        template = body["template"]
        version = template.get("version")
        return SentNotification(
            id=_text(body["id"]),
            reference=body.get("reference"),
            template_id=_text(template["id"]),
            template_version=None if version is None else int(version),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackendInvalidResponse(f"Notify answer not as documented: {error!r}") from error


def _backend_error(error: HTTPError) -> BackendError:
    """Map the official client's HTTPError onto this project's errors."""
    if error.response is None:  # no answer at all: refused, reset or timed out
        return BackendUnavailable(f"Notify could not be reached: {_cause(error)}")
    status = error.status_code
    if status >= 500 or status == 429:  # down, or over the rate limit: both pass with time
        return BackendUnavailable(f"Notify answered {status}")
    body = _json(error.response)
    errors = _errors(body)
    detail = "; ".join(f"{e.error}: {e.message}" for e in errors) or "no error details"
    return NotifyRejected(f"Notify answered {status} ({detail})", status, body, errors)


def _errors(body: Any) -> tuple[NotifyErrorDetail, ...]:
    items = body.get("errors") if isinstance(body, dict) else None
    if not isinstance(items, list):
        return ()
    return tuple(
        NotifyErrorDetail(error=str(item.get("error", "")), message=str(item.get("message", "")))
        for item in items
        if isinstance(item, dict)
    )


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


def _cause(error: HTTPError) -> str:
    cause = error.__cause__ or error.__context__
    return type(cause).__name__ if cause else "request failed"


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"expected text, got {value!r}")
    return value
