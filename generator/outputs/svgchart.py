"""A small SVG writer for the charts: rectangles, lines, markers and text, written by hand.

The charts are a few dozen shapes; matplotlib took over a second of a cold build to import and
lay them out.  Here every number is rounded to two decimals and the elements come in drawing
order, so the same content gives the same bytes.  Only what both a browser and fpdf2's SVG
reader (the review PDF embeds the same file) understand is used: presentation attributes (no
CSS), text on its baseline (no dominant-baseline), one font family that the PDF registers.
"""

from __future__ import annotations

from html import escape

from . import fonts
from .radar_svg import FONT, TEXT_COLOR
from .radar_svg import num as _n


class Drawing:
    """Shapes in drawing order on a canvas `width` x `height` (px); `svg()` writes the document."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.parts: list[str] = []

    def rect(self, x: float, y: float, w: float, h: float, fill: str, stroke: str = "", stroke_width=0.8) -> None:
        line = f' stroke="{stroke}" stroke-width="{_n(stroke_width)}"' if stroke else ""
        self.parts.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="{fill}"{line}/>')

    def line(self, x0: float, y0: float, x1: float, y1: float, stroke: str, width: float = 1.0) -> None:
        ends = f'x1="{_n(x0)}" y1="{_n(y0)}" x2="{_n(x1)}" y2="{_n(y1)}"'
        self.parts.append(f'<line {ends} stroke="{stroke}" stroke-width="{_n(width)}"/>')

    def polyline(self, points: list[tuple[float, float]], stroke: str, width: float = 1.5) -> None:
        d = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        self.parts.append(f'<polyline points="{d}" fill="none" stroke="{stroke}" stroke-width="{_n(width)}"/>')

    def marker(self, shape: str, x: float, y: float, r: float, color: str) -> None:
        """A data point whose shape, not only its colour, tells the series apart."""
        if shape == "circle":
            self.parts.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{color}"/>')
            return
        if shape == "cross":
            d = f"M{_n(x - r)} {_n(y - r)}L{_n(x + r)} {_n(y + r)}M{_n(x - r)} {_n(y + r)}L{_n(x + r)} {_n(y - r)}"
            self.parts.append(f'<path d="{d}" fill="none" stroke="{color}" stroke-width="1.6"/>')
            return
        corners = {
            "square": [(-r, -r), (r, -r), (r, r), (-r, r)],
            "up": [(0, -1.2 * r), (1.1 * r, 0.8 * r), (-1.1 * r, 0.8 * r)],
            "down": [(0, 1.2 * r), (1.1 * r, -0.8 * r), (-1.1 * r, -0.8 * r)],
        }[shape]
        d = "M" + "L".join(f"{_n(x + dx)} {_n(y + dy)}" for dx, dy in corners) + "Z"
        self.parts.append(f'<path d="{d}" fill="{color}"/>')

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float,
        anchor: str = "start",
        bold: bool = False,
        fill: str = TEXT_COLOR,
        rotate: float = 0.0,
    ) -> None:
        """`text` with its middle (not its baseline) at `y`, as a label is placed by eye."""
        base = y + 0.36 * size  # DejaVu's digits and capitals are centred ~0.36 em above the baseline
        attrs = f'x="{_n(x)}" y="{_n(base)}" font-size="{_n(size)}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if bold:
            attrs += ' font-weight="bold"'
        if fill != TEXT_COLOR:
            attrs += f' fill="{fill}"'
        if rotate:
            attrs += f' transform="rotate({_n(rotate)} {_n(x)} {_n(y)})"'
        self.parts.append(f"<text {attrs}>{escape(text, quote=False)}</text>")

    def svg(self, title: str, description: str) -> bytes:
        """The document: a named image (title and description for assistive technology) of text and shapes."""
        w, h = _n(self.width), _n(self.height)
        head = (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
            'role="img" aria-labelledby="chart-title chart-desc">\n'
            f'<title id="chart-title">{escape(title, quote=False)}</title>\n'
            f'<desc id="chart-desc">{escape(description, quote=False)}</desc>\n'
            f'<rect width="{w}" height="{h}" fill="#ffffff"/>\n'
            f'<g font-family="{FONT}" fill="{TEXT_COLOR}">\n'
        )
        return (head + "\n".join(self.parts) + "\n</g>\n</svg>\n").encode("utf-8")


def width(text: str, size: float, bold: bool = False) -> float:
    return fonts.width(text, size, bold)


def nice_step(top: float, ticks: int = 5) -> int:
    """A whole step of 1, 2 or 5 times a power of ten giving at most `ticks` steps up to `top`."""
    step = 1
    while True:
        for m in (1, 2, 5):
            if top / (step * m) <= ticks:
                return step * m
        step *= 10
