"""Charts drawn on the server as SVG: no script, no CDN, nothing a strict Content-Security-Policy blocks
(presentation attributes only, no style attributes).

A chart is a picture of numbers the page also gives as a table; it carries a title and a description for
screen readers (`role="img"`), and its scale is written beside it in HTML, which stays readable however
narrow the screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 640
HEIGHT = 200
#: GOV.UK blue on white: more than 3:1, as WCAG asks of the parts of a graphic.
INK = "#1d70b8"
GRID = "#b1b4b6"


@dataclass(frozen=True)
class Chart:
    """A drawn chart and what it shows, for the page around it."""

    svg: Markup
    top: float


def bar_chart(values: Sequence[float], *, ident: str, title: str, description: str) -> Chart:
    """One bar per value, from a zero baseline to the highest value."""
    top = max(values, default=0) or 1
    slot = WIDTH / max(len(values), 1)
    gap = slot * 0.2 if slot >= 4 else 0
    bars = "".join(
        f'<rect x="{index * slot + gap / 2:.2f}" y="{HEIGHT - value / top * HEIGHT:.2f}" '
        f'width="{slot - gap:.2f}" height="{value / top * HEIGHT:.2f}" fill="{INK}"/>'
        for index, value in enumerate(values)
        if value > 0
    )
    return Chart(_frame(ident, title, description, bars), max(values, default=0))


def line_chart(values: Sequence[float], *, ident: str, title: str, description: str, top: float) -> Chart:
    """A line through the values, from 0 at the bottom to `top` at the top (a rate: top=1)."""
    top = top or 1
    step = WIDTH / max(len(values) - 1, 1)
    points = " ".join(
        f"{index * step:.2f},{HEIGHT - min(value, top) / top * HEIGHT:.2f}"
        for index, value in enumerate(values)
    )
    if len(values) > 1:
        line = (
            f'<polyline points="{points}" fill="none" stroke="{INK}" stroke-width="3" '
            'stroke-linejoin="round" vector-effect="non-scaling-stroke"/>'
        )
    elif values:
        y = HEIGHT - min(values[0], top) / top * HEIGHT
        line = f'<circle cx="{WIDTH / 2}" cy="{y:.2f}" r="4" fill="{INK}"/>'
    else:
        line = ""
    return Chart(_frame(ident, title, description, line), top)


def _frame(ident: str, title: str, description: str, body: str) -> Markup:
    grid = "".join(
        f'<line x1="0" x2="{WIDTH}" y1="{y}" y2="{y}" stroke="{GRID}" stroke-width="1" '
        'vector-effect="non-scaling-stroke"/>'
        for y in (0, HEIGHT / 2, HEIGHT)
    )
    return Markup(
        f'<svg class="chart" role="img" aria-labelledby="{ident}-title {ident}-desc" '
        f'viewBox="0 -4 {WIDTH} {HEIGHT + 8}" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(description)}</desc>'
        f"{grid}{body}</svg>"
    )
