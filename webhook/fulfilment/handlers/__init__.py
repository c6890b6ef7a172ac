"""Fulfilment handlers, one module per area; importing this package registers them all."""

from webhook.fulfilment.handlers import council, system  # noqa: F401
