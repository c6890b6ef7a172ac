"""Street reports: Open311 GeoReport v2 for councils that run an endpoint, a form link for the rest.

Both reporters answer `report(intent_id, request, language, deadline)` with a ReportAccepted (the
council's reference for the resident) or a ReportByForm (the form to fill in), so a handler need not
know which kind a council has.

Settings for `kind: open311`:

- `base_url` (required): the GeoReport v2 endpoint, e.g. https://open311.example.gov.uk/v2 (the
  client appends services.json, services/<code>.json and requests.json).
- `api_key_env` (required): the environment variable holding the API key (sent in the POST body as
  `api_key`, as the spec says; reading services needs no key).
- `jurisdiction_id` (optional): only for endpoints that serve several jurisdictions.
- `service_codes` (optional): intent id -> the council's service code, e.g. `streets.pothole: POT`.

Settings for `kind: form_link`:

- `url` (required): the council's general report form; a string or `{en: ..., cy: ...}`.
- `forms` (optional): intent id -> a more specific form URL (string or `{en: ..., cy: ...}`).

The service list and definitions are cached for an hour.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import quote

from webhook.backends.base import (
    BackendError,
    BackendHTTPError,
    BackendInvalidResponse,
    BaseAPIClient,
    secret_from_env,
)
from webhook.backends.cache import Cache, TTLCache
from webhook.deadline import Deadline
from webhook.library.model import LocalisedText, localise

#: The spec limits a request's description to 4,000 characters.
MAX_DESCRIPTION = 4000


@dataclass(frozen=True)
class GeoReportError:
    """One entry of a GeoReport error array: `[{"code": 403, "description": "Invalid api_key"}]`."""

    code: str
    description: str


class Open311Error(BackendHTTPError):
    """The endpoint refused the call (4xx); `errors` holds its GeoReport error array, if it sent one."""

    def __init__(self, message: str, status: int, body: Any, errors: tuple[GeoReportError, ...]) -> None:
        super().__init__(message, status, body)
        self.errors = errors


class UnknownService(BackendError):
    """The council has no Open311 service for this intent, or the endpoint does not know the code."""


@dataclass(frozen=True)
class Service:
    code: str
    name: str
    description: str
    metadata: bool  # True: fetch the service definition for the attributes it needs
    type: str  # realtime (an id at once), batch (a token), blackbox (nothing back)
    keywords: tuple[str, ...] = ()
    group: str | None = None


@dataclass(frozen=True)
class AttributeValue:
    key: str
    name: str


@dataclass(frozen=True)
class Attribute:
    """One question a service asks; only `variable` attributes take an answer."""

    code: str
    description: str
    datatype: str  # string, number, datetime, text, singlevaluelist, multivaluelist
    required: bool
    variable: bool
    order: int
    datatype_description: str | None = None
    values: tuple[AttributeValue, ...] = ()


@dataclass(frozen=True)
class ServiceDefinition:
    service_code: str
    attributes: tuple[Attribute, ...]  # in the order the service wants them asked

    def required(self) -> tuple[Attribute, ...]:
        """The attributes a request must answer."""
        return tuple(attribute for attribute in self.attributes if attribute.variable and attribute.required)


@dataclass(frozen=True)
class ServiceRequest:
    """What the resident reports. A location is required: latitude and longitude, an address or
    description of the place (`address_string`), or the council's `address_id`."""

    description: str
    address_string: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address_id: str | None = None
    email: str | None = None
    first_name: str | None = None
    last_name: str | None = None
    phone: str | None = None
    attributes: Mapping[str, str | Sequence[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        has_point = self.latitude is not None and self.longitude is not None
        if not (has_point or self.address_string or self.address_id):
            raise ValueError("a service request needs a location: latitude and longitude, address or id")
        if len(self.description) > MAX_DESCRIPTION:
            raise ValueError(f"a description may have at most {MAX_DESCRIPTION} characters")

    def form(self) -> list[tuple[str, str]]:
        """The form fields GeoReport v2 expects, `attribute[code]=value` (and `attribute[code][]=` for
        each value of a multi-value answer), without the service code or key."""
        fields: list[tuple[str, str]] = []
        optional = {
            "lat": self.latitude,
            "long": self.longitude,
            "address_string": self.address_string,
            "address_id": self.address_id,
            "email": self.email,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "phone": self.phone,
            "description": self.description,
        }
        fields.extend((name, str(value)) for name, value in optional.items() if value not in (None, ""))
        for code, answer in self.attributes.items():
            if isinstance(answer, str):
                fields.append((f"attribute[{code}]", answer))
            else:
                fields.extend((f"attribute[{code}][]", str(value)) for value in answer)
        return fields


@dataclass(frozen=True)
class Receipt:
    """What the endpoint answered to a new request: an id (realtime), a token (batch) or neither
    (blackbox), and perhaps a notice about what happens next."""

    service_request_id: str | None
    token: str | None = None
    service_notice: str | None = None

    @property
    def reference(self) -> str | None:
        """What to give the resident to quote: the request id, else the token."""
        return self.service_request_id or self.token


@dataclass(frozen=True)
class ReportAccepted:
    """The council's system took the report; quote `reference` (None: it gives none) to the resident."""

    reference: str | None
    notice: str | None = None


@dataclass(frozen=True)
class ReportByForm:
    """The council takes this report through its own form; send the resident there."""

    url: str


class Reporter(Protocol):
    """Anything that takes a street report for a council."""

    def report(
        self, intent_id: str, request: ServiceRequest, language: str, deadline: Deadline
    ) -> ReportAccepted | ReportByForm: ...


def missing_attributes(definition: ServiceDefinition, answers: Mapping[str, Any]) -> tuple[Attribute, ...]:
    """The required attributes without an answer, in the order to ask for them."""
    return tuple(attribute for attribute in definition.required() if not answers.get(attribute.code))


# The service list changes when the council reconfigures its system: an hour is fresh enough.
#: How long service lists are kept when the client is given no cache of its own.
CACHE_SECONDS = 60 * 60


class Open311Client(BaseAPIClient):
    """GeoReport v2: GET services.json, GET services/<code>.json, POST requests.json."""

    def __init__(
        self,
        base_url: str,
        *,
        api_key_env: str,
        jurisdiction_id: str | None = None,
        service_codes: Mapping[str, str] | None = None,
        cache: Cache[Any] | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        super().__init__(base_url)
        self.api_key_env = api_key_env
        self.jurisdiction_id = jurisdiction_id
        self.service_codes = dict(service_codes or {})
        self.cache: Cache[Any] = cache if cache is not None else TTLCache(CACHE_SECONDS)
        self.environ = environ

    def services(self, deadline: Deadline) -> tuple[Service, ...]:
        """Every service the endpoint takes requests for."""

        def load() -> tuple[Service, ...]:
            return parse_services(self._get("services.json", deadline))

        return self.cache.get_or_load((self.base_url, self.jurisdiction_id, "services"), load)

    def service_definition(self, service_code: str, deadline: Deadline) -> ServiceDefinition:
        """The attributes a service asks for. Raises UnknownService for a code the endpoint lacks."""

        def load() -> ServiceDefinition:
            try:
                body = self._get(f"services/{quote(service_code, safe='')}.json", deadline)
            except Open311Error as error:
                if error.status == 404:
                    raise UnknownService(f"Open311 has no service {service_code!r}") from error
                raise
            return parse_service_definition(body)

        return self.cache.get_or_load((self.base_url, self.jurisdiction_id, "service", service_code), load)

    def post_request(self, service_code: str, request: ServiceRequest, deadline: Deadline) -> Receipt:
        """Create a service request (form-encoded, with the API key) and return what identifies it."""
        form = [("api_key", self._api_key()), ("service_code", service_code), *request.form()]
        if self.jurisdiction_id:
            form.append(("jurisdiction_id", self.jurisdiction_id))
        try:
            body = self.request("POST", "requests.json", deadline, data=form)
        except BackendHTTPError as error:
            raise _open311_error(error) from error
        return parse_receipt(body)

    def report(
        self, intent_id: str, request: ServiceRequest, language: str, deadline: Deadline
    ) -> ReportAccepted:
        """Report under the service configured for the intent. Raises UnknownService when the council
        has none configured."""
        service_code = self.service_codes.get(intent_id)
        if service_code is None:
            raise UnknownService(f"no Open311 service code configured for {intent_id}")
        receipt = self.post_request(service_code, request, deadline)
        return ReportAccepted(reference=receipt.reference, notice=receipt.service_notice)

    def _get(self, path: str, deadline: Deadline) -> Any:
        params = {"jurisdiction_id": self.jurisdiction_id} if self.jurisdiction_id else None
        try:
            return self.get_json(path, deadline, params=params)
        except BackendHTTPError as error:
            raise _open311_error(error) from error

    def _api_key(self) -> str:
        return secret_from_env(self.api_key_env, "Open311 API key", self.environ)


@dataclass(frozen=True)
class FormLinkReporter:
    """For a council without Open311: the form to report on, per intent where it has one. No call."""

    url: LocalisedText
    forms: Mapping[str, LocalisedText] = field(default_factory=dict)

    def report(
        self, intent_id: str, request: ServiceRequest | None, language: str, deadline: Deadline | None = None
    ) -> ReportByForm:
        """The form for this intent in this language (English when there is no Welsh form)."""
        chosen = self.forms.get(intent_id, self.url)
        url = localise(chosen, language)
        if url is None:
            raise UnknownService(f"no report form configured for {intent_id}")
        return ReportByForm(url=url)


def from_settings(
    settings: Mapping[str, Any],
    *,
    cache: Cache[Any] | None = None,
    environ: Mapping[str, str] = os.environ,
) -> Open311Client | FormLinkReporter:
    """A reporter from an overlay's `kind: open311` or `kind: form_link` block."""
    kind = settings.get("kind")
    if kind == "form_link":
        return FormLinkReporter(url=settings["url"], forms=dict(settings.get("forms") or {}))
    if kind == "open311":
        return Open311Client(
            settings["base_url"],
            api_key_env=settings["api_key_env"],
            jurisdiction_id=settings.get("jurisdiction_id"),
            service_codes=settings.get("service_codes"),
            cache=cache,
            environ=environ,
        )
    raise ValueError(f"not a street-report backend kind: {kind!r}")


def parse_services(body: Any) -> tuple[Service, ...]:
    """Services from GET services.json."""
    try:
        return tuple(
            Service(
                code=_text(item["service_code"]),
                name=str(item["service_name"]),
                description=str(item.get("description") or ""),
                metadata=_flag(item.get("metadata")),
                type=str(item.get("type") or "realtime"),
                keywords=tuple(
                    word.strip() for word in str(item.get("keywords") or "").split(",") if word.strip()
                ),
                group=item.get("group") or None,
            )
            for item in _array(body)
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackendInvalidResponse(f"Open311 services not as documented: {error!r}") from error


def parse_service_definition(body: Any) -> ServiceDefinition:
    """A ServiceDefinition from GET services/<code>.json, attributes in their `order`."""
    try:
        attributes = [
            Attribute(
                code=_text(item["code"]),
                description=str(item.get("description") or ""),
                datatype=str(item["datatype"]),
                required=_flag(item.get("required")),
                variable=_flag(item.get("variable", True)),
                order=int(item.get("order") or 0),
                datatype_description=item.get("datatype_description") or None,
                values=tuple(
                    AttributeValue(key=str(value["key"]), name=str(value["name"]))
                    for value in item.get("values") or ()
                ),
            )
            for item in body["attributes"]
        ]
        return ServiceDefinition(
            service_code=_text(body["service_code"]),
            attributes=tuple(sorted(attributes, key=lambda attribute: attribute.order)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise BackendInvalidResponse(f"Open311 service definition not as documented: {error!r}") from error


def parse_receipt(body: Any) -> Receipt:
    """The Receipt from POST requests.json's one-element array."""
    try:
        item = _array(body)[0]
        return Receipt(
            service_request_id=_identifier(item.get("service_request_id")),
            token=_identifier(item.get("token")),
            service_notice=item.get("service_notice") or None,
        )
    except (IndexError, KeyError, TypeError, ValueError, AttributeError) as error:
        raise BackendInvalidResponse(f"Open311 request answer not as documented: {error!r}") from error


def _open311_error(error: BackendHTTPError) -> Open311Error:
    errors = _errors(error.body)
    detail = "; ".join(f"{e.code} {e.description}" for e in errors) or "no error details"
    return Open311Error(f"{error} ({detail})", error.status, error.body, errors)


def _errors(body: Any) -> tuple[GeoReportError, ...]:
    items = body.get("errors", body.get("error")) if isinstance(body, dict) else body
    if isinstance(items, dict):  # the XML-to-JSON mapping may give {"error": [...]} or one error
        items = items.get("error", [items])
    if not isinstance(items, list):
        return ()
    return tuple(
        GeoReportError(code=str(item.get("code", "")), description=str(item.get("description", "")))
        for item in items
        if isinstance(item, dict)
    )


def _array(body: Any) -> list[Any]:
    if not isinstance(body, list):
        raise TypeError(f"expected a JSON array, got {type(body).__name__}")
    return body


def _flag(value: Any) -> bool:
    # The spec's JSON is mapped from XML, so servers send "true" as often as true.
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _identifier(value: Any) -> str | None:
    # Ids may be numbers, and 0 is a valid one: only null and "" mean absent.
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise ValueError(f"not an identifier: {value!r}")
    return str(value)


def _text(value: Any) -> str:
    if isinstance(value, bool) or value is None or value == "":
        raise ValueError(f"expected a code, got {value!r}")
    return str(value)
