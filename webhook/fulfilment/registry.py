"""Fulfilment handlers registered by name (the name an intent gives under `fulfilment.handler`).

Modelled on rasa-sdk's ActionExecutor: handlers register themselves, and one entry point looks a handler
up and runs it, turning an unknown name into a typed error.
"""

from __future__ import annotations

from collections.abc import Callable

from webhook.fulfilment.turn import Reply, Turn

Handler = Callable[[Turn], Reply]


class UnknownHandler(LookupError):
    """An intent names a handler nobody registered."""


class HandlerRegistry:
    """Handlers by name."""

    def __init__(self) -> None:
        self._handlers: dict[str, Handler] = {}

    def register(self, name: str) -> Callable[[Handler], Handler]:
        """Decorator: `@registry.register("waste.collection_day")`."""

        def add(handler: Handler) -> Handler:
            if name in self._handlers:
                raise ValueError(f"handler {name!r} is registered twice")
            self._handlers[name] = handler
            return handler

        return add

    def get(self, name: str) -> Handler:
        """The handler called `name`, or UnknownHandler."""
        try:
            return self._handlers[name]
        except KeyError:
            raise UnknownHandler(name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._handlers


#: The registry the app uses; handler modules in webhook/fulfilment/handlers/ register on import.
registry = HandlerRegistry()
