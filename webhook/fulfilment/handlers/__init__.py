"""Fulfilment handlers, one module per area, each function marked `@handler(name)`.

`handler_registry()` builds a fresh registry of them all; the app and the offline agent each build
their own when they are created. (`webhook.fulfilment.handler_names` lists the same names without
importing these modules, for validation.)
"""

from __future__ import annotations

from webhook.fulfilment.handlers import (
    council,
    council_tax,
    dialogue,
    elections,
    handoff,
    housing,
    places,
    streets,
    system,
    waste,
)
from webhook.fulfilment.registry import HandlerRegistry

#: Every module holding handlers; a new area's module is added here (a test holds this to the folder).
MODULES = (council, council_tax, dialogue, elections, handoff, housing, places, streets, system, waste)


def handler_registry() -> HandlerRegistry:
    """A new registry of every handler this package provides."""
    return HandlerRegistry.from_modules(MODULES)
