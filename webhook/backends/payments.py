"""Payment links (bulky waste, garden waste, new bins): GOV.UK Pay, or a plain link to the council's page.

Both providers answer `payment_link(amount_pence, reference, description, language, deadline)` with a
PaymentLink, the page to send the resident to.

Settings for `kind: govuk_pay`:

- `api_key_env` (required): the environment variable holding the GOV.UK Pay API key (sent as
  `Authorization: Bearer ...`).
- `return_url` (required): where GOV.UK Pay sends the resident after paying; a string or
  `{en: ..., cy: ...}`. GOV.UK Pay requires https.
- `base_url` (optional): default https://publicapi.payments.service.gov.uk.

Settings for `kind: plain_link`:

- `url` (required): the council's payment page; a string or `{en: ..., cy: ...}`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from webhook.backends.base import (
    BackendHTTPError,
    BackendInvalidResponse,
    BaseAPIClient,
    secret_from_env,
)
from webhook.deadline import Deadline
from webhook.library.model import LocalisedText, localise

DEFAULT_BASE_URL = "https://publicapi.payments.service.gov.uk"

#: GOV.UK Pay's limits: at most £100,000 in pence; reference and description up to 255 characters.
MAX_AMOUNT_PENCE = 10_000_000
MAX_TEXT = 255
LANGUAGES = ("en", "cy")


@dataclass(frozen=True)
class PaymentLink:
    """Where to send the resident to pay; `payment_id` when a payment was created for them."""

    url: str
    amount_pence: int | None = None
    payment_id: str | None = None


class PaymentRejected(BackendHTTPError):
    """GOV.UK Pay refused the payment (400, 422): its `code` (e.g. P0102) and the `field` at fault."""

    def __init__(self, message: str, status: int, body: Any, code: str | None, field: str | None) -> None:
        super().__init__(message, status, body)
        self.code = code
        self.field = field


class PaymentLinkProvider(Protocol):
    """Anything that gives a resident a page to pay on."""

    def payment_link(
        self, amount_pence: int, reference: str, description: str, language: str, deadline: Deadline
    ) -> PaymentLink: ...


class GovUkPay(BaseAPIClient):
    """GOV.UK Pay: POST /v1/payments creates a payment; the resident pays at `_links.next_url`."""

    def __init__(
        self,
        *,
        api_key_env: str,
        return_url: LocalisedText,
        base_url: str = DEFAULT_BASE_URL,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        super().__init__(base_url)
        self.api_key_env = api_key_env
        self.return_url = return_url
        self.environ = environ

    def payment_link(
        self, amount_pence: int, reference: str, description: str, language: str, deadline: Deadline
    ) -> PaymentLink:
        """Create a payment and return its page. `reference` is the council's (shown on the receipt);
        `description` is what the resident pays for. Raises ValueError for values GOV.UK Pay would
        refuse, PaymentRejected when it refuses others, BackendError when it cannot be reached."""
        payload = {
            "amount": amount_pence,
            "reference": reference,
            "description": description,
            "return_url": localise(self.return_url, language),
            "language": language,
        }
        check_payment(payload)
        try:
            body = self.post_json("v1/payments", deadline, payload, headers=self._authorisation())
        except BackendHTTPError as error:
            if error.status not in (400, 422):
                raise
            raise _payment_rejected(error) from error
        return parse_payment(body)

    def _authorisation(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {secret_from_env(self.api_key_env, 'GOV.UK Pay API key', self.environ)}"
        }


@dataclass(frozen=True)
class PlainLink:
    """A council that takes payments on its own page: the link, no call."""

    url: LocalisedText

    def payment_link(
        self,
        amount_pence: int | None,
        reference: str | None,
        description: str | None,
        language: str,
        deadline: Deadline | None = None,
    ) -> PaymentLink:
        """The payment page in this language (English when there is no Welsh page)."""
        url = localise(self.url, language)
        if url is None:
            raise ValueError("this plain_link payment backend has no URL")
        return PaymentLink(url=url, amount_pence=amount_pence)


def from_settings(
    settings: Mapping[str, Any], *, environ: Mapping[str, str] = os.environ
) -> GovUkPay | PlainLink:
    """A provider from an overlay's `kind: govuk_pay` or `kind: plain_link` block."""
    kind = settings.get("kind")
    if kind == "plain_link":
        return PlainLink(url=settings["url"])
    if kind == "govuk_pay":
        return GovUkPay(
            api_key_env=settings["api_key_env"],
            return_url=settings["return_url"],
            base_url=settings.get("base_url") or DEFAULT_BASE_URL,
            environ=environ,
        )
    raise ValueError(f"not a payment backend kind: {kind!r}")


def check_payment(payload: Mapping[str, Any]) -> None:
    """Refuse, before any call, a payment GOV.UK Pay would reject. Raises ValueError."""
    amount = payload["amount"]
    if isinstance(amount, bool) or not isinstance(amount, int) or not 1 <= amount <= MAX_AMOUNT_PENCE:
        raise ValueError(f"amount must be whole pence from 1 to {MAX_AMOUNT_PENCE}, not {amount!r}")
    for name in ("reference", "description"):
        value = payload[name]
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise ValueError(f"{name} must be 1 to {MAX_TEXT} characters")
    if payload["language"] not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}")
    if not payload["return_url"]:
        raise ValueError("no return_url configured")


def parse_payment(body: Any) -> PaymentLink:
    """The PaymentLink from GOV.UK Pay's 201 answer."""
    try:
        url = body["_links"]["next_url"]["href"]
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise ValueError(f"next_url is not a web address: {url!r}")
        return PaymentLink(url=url, amount_pence=int(body["amount"]), payment_id=str(body["payment_id"]))
    except (KeyError, TypeError, ValueError) as error:
        raise BackendInvalidResponse(f"GOV.UK Pay answer not as documented: {error!r}") from error


def _payment_rejected(error: BackendHTTPError) -> PaymentRejected:
    body = error.body if isinstance(error.body, dict) else {}
    code, field = body.get("code"), body.get("field")
    detail = body.get("description") or "no description"
    return PaymentRejected(
        f"GOV.UK Pay answered {error.status} {code}: {detail}", error.status, body, code, field
    )
