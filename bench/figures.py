"""The figures a benchmark reports, and the one table `make bench` prints from all of them."""

from __future__ import annotations

import os
import platform
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure: what it is, its value with unit, and the goal it is held to (if any)."""

    name: str
    value: str
    goal: str = ""
    met: bool | None = None


def machine() -> str:
    """A line describing the machine the figures came from."""
    cpus = os.cpu_count() or 0
    memory_kib = 0
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            memory_kib = int(meminfo.readline().split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.machine()} {cpus} CPUs, {memory_kib / 1024 / 1024:.0f} GiB, "
        f"Python {platform.python_version()}, {platform.platform(terse=True)}"
    )


def print_table(figures: Iterable[Figure]) -> None:
    """Every figure in one table."""
    rows = list(figures)
    width = max(len(f.name) for f in rows)
    value_width = max(len(f.value) for f in rows)
    print(f"\n{'figure':{width}}  {'value':>{value_width}}  goal")
    print(f"{'-' * width}  {'-' * value_width}  ----")
    for figure in rows:
        verdict = "" if figure.met is None else ("  met" if figure.met else "  NOT MET")
        print(f"{figure.name:{width}}  {figure.value:>{value_width}}  {figure.goal}{verdict}")
    print(f"\nmachine: {machine()}")
