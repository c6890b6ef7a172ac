"""Fulfilment handlers, one module per area; importing this package registers them all."""

from webhook.fulfilment.handlers import (  # noqa: F401
    council,
    council_tax,
    elections,
    places,
    streets,
    system,
    waste,
)
