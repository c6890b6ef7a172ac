"""A council's `handoff:` block (councils/council.schema.json): which channel takes its hand-offs.

    handoff:
      channel: notify_email       # notify_email | webhook | open311 | link | none
      email: contact@council.example   # notify_email: the contact centre's address
      url: https://crm.council.example/handoffs   # webhook: the CRM's endpoint; link: the live chat page,
                                  #   with {reference} where the reference goes
      secret_env: COUNCIL_CRM_SECRET   # webhook: the variable holding the HMAC key
      service_code: CALLBACK      # open311: the service code of a call-back request
      templates:                  # Notify template ids (the overlay's backends.notifications key is used)
        staff_email: <id>         #   notify_email: the e-mail to staff
        confirm_email: {en: <id>, cy: <id>}   # a confirmation to the resident, any channel
        confirm_sms: {en: <id>, cy: <id>}

No block, or `channel: none`: the bot gives the phone number and opening hours, as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from webhook.library.model import Council, LocalisedText

#: Channels that deliver a case through the outbox (link hands the resident a page instead).
DELIVERING = frozenset({"notify_email", "webhook", "open311"})
CHANNELS = frozenset({*DELIVERING, "link", "none"})


@dataclass(frozen=True)
class HandoffSettings:
    """The block, read; `channel` is "none" when the council has none."""

    channel: str = "none"
    email: str | None = None
    url: str | None = None
    secret_env: str | None = None
    service_code: str | None = None
    templates: Mapping[str, LocalisedText] = field(default_factory=dict)

    @property
    def delivers(self) -> bool:
        """Whether hand-offs go through the outbox (and so a transcript is worth keeping)."""
        return self.channel in DELIVERING


def handoff_settings(council: Council) -> HandoffSettings:
    """The council's hand-off settings (the schema has checked them when the overlay was loaded)."""
    data: Any = council.document.data if isinstance(council.document.data, dict) else {}
    block = data.get("handoff")
    if not isinstance(block, dict):
        return HandoffSettings()
    channel = str(block.get("channel", "none"))
    return HandoffSettings(
        channel=channel if channel in CHANNELS else "none",
        email=block.get("email"),
        url=block.get("url"),
        secret_env=block.get("secret_env"),
        service_code=block.get("service_code"),
        templates=dict(block.get("templates") or {}),
    )
