"""Fulfilment handlers registered by name (the name an intent gives under `fulfilment.handler`).

Modelled on rasa-sdk's ActionExecutor: a registry of handlers by name, one entry point that looks a
handler up, and a typed error for an unknown name. Handler modules only mark their functions with
`@handler(name)`; the app (or the offline agent) builds its own registry from those modules when it is
created, so nothing is registered by the side effect of an import and no registry is shared by two apps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from webhook.fulfilment.turn import Reply, Turn

Handler = Callable[["Turn"], "Reply"]
#: The attributes `@handler` sets on a function: the name the library uses for it, and whether it waits.
NAME_ATTRIBUTE = "fulfilment_handler_name"
WAITS_ATTRIBUTE = "fulfilment_handler_waits"


def handler(name: str, *, waits: bool = True) -> Callable[[Handler], Handler]:
    """Mark a function as the handler called `name`: `@handler("waste.collection_day")`.

    `waits=False` declares that the handler never waits on an outside system (it only reads the library,
    the clock and local files): it then runs on the request's own thread, which saves the hand-off to a
    worker thread that guards the turn's deadline against a hung backend."""

    def mark(function: Handler) -> Handler:
        setattr(function, NAME_ATTRIBUTE, name)
        setattr(function, WAITS_ATTRIBUTE, waits)
        return function

    return mark


def waits(function: Handler) -> bool:
    """Whether a handler may wait on an outside system (unmarked functions are assumed to)."""
    return bool(getattr(function, WAITS_ATTRIBUTE, True))


class UnknownHandler(LookupError):
    """An intent names a handler nobody registered."""


class HandlerRegistry:
    """Handlers by name."""

    def __init__(self, handlers: dict[str, Handler] | None = None) -> None:
        self._handlers: dict[str, Handler] = dict(handlers or {})

    @classmethod
    def from_modules(cls, modules: Iterable[ModuleType]) -> HandlerRegistry:
        """A registry of every function the modules mark with `@handler`."""
        registry = cls()
        for module in modules:
            for value in vars(module).values():
                name = getattr(value, NAME_ATTRIBUTE, None)
                if isinstance(name, str) and getattr(value, "__module__", None) == module.__name__:
                    registry.register(name, value)
        return registry

    def register(self, name: str, function: Handler) -> None:
        """Add a handler; a name given twice is a programming error."""
        if name in self._handlers:
            raise ValueError(f"handler {name!r} is registered twice")
        self._handlers[name] = function

    def get(self, name: str) -> Handler:
        """The handler called `name`, or UnknownHandler."""
        try:
            return self._handlers[name]
        except KeyError:
            raise UnknownHandler(name) from None

    def names(self) -> frozenset[str]:
        """Every registered handler's name."""
        return frozenset(self._handlers)

    def replaced(self, name: str, function: Handler) -> HandlerRegistry:
        """A copy with one handler replaced or added (tests; a deployment's own handler)."""
        return HandlerRegistry({**self._handlers, name: function})

    def __contains__(self, name: object) -> bool:
        return name in self._handlers
