"""The names of the handlers webhook/fulfilment/handlers/ provides, read from the modules' source.

`sync-intents validate` checks that every `fulfilment.handler:` in the library names one of them. Read
without importing the handler modules, so validating stays as quick as it was: importing them would load
every backend's client library. A test holds these names to those of a registry built by import.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

HANDLERS_FOLDER = Path(__file__).with_name("handlers")


@cache
def handler_names() -> frozenset[str]:
    """Every name a function of the handlers package is marked with by `@handler("<name>", ...)`."""
    names: set[str] = set()
    for module in sorted(HANDLERS_FOLDER.glob("*.py")):
        tree = ast.parse(module.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                names.update(_marked_names(node))
    return frozenset(names)


def _marked_names(function: ast.FunctionDef) -> set[str]:
    return {
        decorator.args[0].value
        for decorator in function.decorator_list
        if isinstance(decorator, ast.Call)
        and isinstance(decorator.func, ast.Name)
        and decorator.func.id == "handler"
        and decorator.args
        and isinstance(decorator.args[0], ast.Constant)
        and isinstance(decorator.args[0].value, str)
    }
