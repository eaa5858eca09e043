"""The radar picture as inline SVG for pages, written as plain SVG: no plotting library.

The frame (ring discs, quadrant axes, ring and quadrant names) is a handful of circles, lines and
texts, written here at the places and in the colours matplotlib draws them in radar.png and radar.pdf
(`picture`).  The blips follow as one compact `<a>` per blip (disc, status mark, number, accessible
name): that keeps the page small and keyboard-friendly at ten thousand blips.  The drawing behind the
blips is hidden from assistive technology: the blips' own names and the legend already say all of it.
Units are points (72 to the inch), as in the PNG and PDF, so sizes and stroke widths agree.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache
from html import escape

from ..domain.geometry import PAD, Dot, Frame
from ..domain.layout import BASE_RADIUS, BLIP_R
from ..urls import blip_url
from . import fonts

INCH_PER_UNIT = 9 / (2 * (BASE_RADIUS + PAD))  # a radar of base size fills 9 inches; larger radars grow the page
AXIS_COLOR = "#5f6b76"
TEXT_COLOR = "#1d2329"
STATUS_MARK = "#1d2329"
MARK_ATTRS = f' fill="none" stroke="{STATUS_MARK}" stroke-width="1.3"'  # status rings, styled without CSS too
FONT = f"{fonts.FAMILY}, sans-serif"  # the font of the PNG, the PDF and the charts, where the reader has it
RING_LINE, AXIS_LINE = 0.8, 1.2  # stroke widths in points, shared with the PNG and PDF
RING_NAME_SIZE, QUADRANT_NAME_SIZE = 6.5, 10  # font sizes in points, shared with the PNG and PDF
QUADRANT_NAME_INSET = 0.4  # blip radii between a quadrant name and the picture's edge
RING_NAME_SHIFT = 1.2  # blip radii from a zoomed quadrant's edge to the ring names beside it
# Where the baseline goes, in ems, for DejaVu Sans Bold to sit as matplotlib aligns it: the top of
# the tallest letters at a 'top' edge, the bottom of descenders at a 'bottom' edge, capitals centred.
ASCENT, DESCENT, CAPS_MIDDLE = 0.76, 0.24, 0.36
HALO = 0.4  # ems of ring colour around each ring name: hides the axis under it, as a label box would


def num(x: float) -> str:
    """A coordinate to a hundredth of a point, without trailing zeros: stable and short (charts too)."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _size(x: float) -> str:
    """The picture's size as matplotlib wrote it (radar.json and older pages give it so)."""
    return f"{x:f}".rstrip("0").rstrip(".")


@lru_cache(maxsize=64)
def background(frame: Frame) -> tuple[str, tuple[float, float], tuple[float, float, float]]:
    """The frame's drawing (one group hidden from assistive technology), the picture's size in
    points, and the data-to-SVG transform (x and y of the centre, points per blip radius)."""
    x0, x1, y0, y1 = frame.bounds()
    scale = 72 * INCH_PER_UNIT
    width, height = (x1 - x0) * scale, (y1 - y0) * scale
    ox, oy = -x0 * scale, y1 * scale
    g = frame.geometry

    def at(x: float, y: float) -> tuple[float, float]:
        return ox + x * scale, oy - y * scale  # SVG's y runs down

    def polar(r: float, angle: float) -> str:
        x, y = at(r * math.cos(angle), r * math.sin(angle))
        return f"{num(x)} {num(y)}"

    centre = f"{num(ox)} {num(oy)}"
    parts = [f'<g aria-hidden="true">\n<rect width="{_size(width)}" height="{_size(height)}" fill="#fff"/>']
    parts.append(f'<g stroke="{AXIS_COLOR}" stroke-width="{RING_LINE}">')
    for i in reversed(range(len(g.radii))):
        radius = num(g.radii[i] * scale)
        parts.append(f'<circle cx="{num(ox)}" cy="{num(oy)}" r="{radius}" fill="{frame.rings[i][1]}"/>')
    parts.append("</g>")
    if frame.quadrant is not None:  # fade what is outside the zoomed quadrant (under the axes, as in the PNG)
        start, end = g.sector(frame.quadrant)
        r = g.radius + 0.01
        large = int(2 * math.pi - (end - start) > math.pi)
        parts.append(
            f'<path d="M{centre}L{polar(r, end)}A{num(r * scale)} {num(r * scale)} 0 {large} 0 {polar(r, start)}Z" '
            'fill="#fff" fill-opacity="0.75"/>'
        )
    parts.append(f'<g stroke="{AXIS_COLOR}" stroke-width="{AXIS_LINE}" stroke-linecap="square">')
    parts += [f'<path d="M{centre}L{polar(g.radius, g.sector(q)[0])}"/>' for q in range(g.quadrants)]
    parts.append("</g>")
    parts.append(f'<g font-family="{FONT}" font-weight="700">')
    parts += _ring_names(frame, at)
    parts += _quadrant_names(frame, width, height, QUADRANT_NAME_INSET * scale)
    parts.append("</g>\n</g>")
    return "\n".join(parts), (width, height), (ox, oy, scale)


def _ring_names(frame: Frame, at: Callable[[float, float], tuple[float, float]]) -> list[str]:
    g = frame.geometry
    angle, offset = ring_name_axis(frame)
    rotation = ring_name_rotation(angle)
    parts = [
        f'<g font-size="{RING_NAME_SIZE}" text-anchor="middle" fill="{TEXT_COLOR}" '
        f'stroke-width="{num(2 * HALO * RING_NAME_SIZE)}" stroke-linejoin="round" paint-order="stroke">'
    ]
    for i, (name, color) in enumerate(frame.rings):
        mid = (g.inner(i) + g.radii[i]) / 2
        x, y = at(mid * math.cos(angle) + offset[0], mid * math.sin(angle) + offset[1])
        turn = f' transform="rotate({num(-rotation)} {num(x)} {num(y)})"' if rotation else ""
        baseline = num(y + CAPS_MIDDLE * RING_NAME_SIZE)  # below the centre, then turned with the text
        parts.append(f'<text x="{num(x)}" y="{baseline}" stroke="{color}"{turn}>{escape(name.upper())}</text>')
    parts.append("</g>")
    return parts


def ring_name_axis(frame: Frame) -> tuple[float, tuple[float, float]]:
    """Where ring names go (the axis's angle, and a shift off it), the same in every picture: where no
    blip can be, in the corridor the layout keeps free along the label axis, or, when zoomed on one
    quadrant, just outside the quadrant's most horizontal edge."""
    g = frame.geometry
    if frame.quadrant is None:
        return g.label_angle, (0.0, 0.0)
    start, end = g.sector(frame.quadrant)
    angle = min((start, end), key=lambda a: abs(math.sin(a)))
    side = -1 if angle == start else 1  # the normal that points away from the quadrant
    return angle, (-side * math.sin(angle) * RING_NAME_SHIFT, side * math.cos(angle) * RING_NAME_SHIFT)


def ring_name_rotation(angle: float) -> float:
    """Degrees (counter-clockwise) to write along the axis at `angle`, kept upright."""
    rotation = math.degrees(angle) % 180
    return rotation - 180 if rotation > 90 else rotation


def _quadrant_names(frame: Frame, width: float, height: float, inset: float) -> list[str]:
    """Quadrant names in the picture's corners (or edges), in the quadrant's colour, aligned inward."""
    parts = [f'<g font-size="{QUADRANT_NAME_SIZE}">']
    for q, (name, color) in enumerate(frame.quadrants):
        if frame.quadrant is not None and q != frame.quadrant:
            continue
        cx, cy = quadrant_corner(frame, q)
        x = width - inset if cx > 0 else inset if cx < 0 else width / 2
        anchor = "end" if cx > 0 else "start" if cx < 0 else "middle"
        if cy > 0:
            y = inset + ASCENT * QUADRANT_NAME_SIZE
        elif cy < 0:
            y = height - inset - DESCENT * QUADRANT_NAME_SIZE
        else:
            y = height / 2 + (ASCENT - DESCENT) / 2 * QUADRANT_NAME_SIZE
        parts.append(f'<text x="{num(x)}" y="{num(y)}" text-anchor="{anchor}" fill="{color}">{escape(name)}</text>')
    parts.append("</g>")
    return parts


def quadrant_corner(frame: Frame, quadrant: int) -> tuple[int, int]:
    """Which corner or edge a quadrant's name goes to: -1, 0 or 1 for left/centre/right, bottom/middle/top."""
    start, end = frame.geometry.sector(quadrant)
    cx, cy = math.cos((start + end) / 2), math.sin((start + end) / 2)
    return (1 if cx > 0.2 else -1 if cx < -0.2 else 0), (1 if cy > 0.2 else -1 if cy < -0.2 else 0)


def _arc(cx: float, cy: float, r: float, toward: float, half: float = 60.0) -> str:
    """SVG path of an arc around (cx, cy), centred on the direction `toward` (radians, SVG y down)."""
    a0, a1 = toward - math.radians(half), toward + math.radians(half)
    x0, y0 = cx + r * math.cos(a0), cy + r * math.sin(a0)
    x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
    return f"M{x0:.2f} {y0:.2f}A{r:.2f} {r:.2f} 0 0 1 {x1:.2f} {y1:.2f}"


def svg(frame: Frame, dots: list[Dot], root: str, label: str) -> str:
    """The picture as inline SVG: links relative to `root`, a group with an accessible label."""
    drawing, (width, height), (ox, oy, scale) = background(frame)
    r = BLIP_R * scale
    font = max(5.0, min(r * 1.05, r * 2.6 / max(1, len(str(max((d.number for d in dots), default=1))))))
    parts = [
        f'<svg role="group" aria-label="{escape(label)}" class="radar-svg" xmlns="http://www.w3.org/2000/svg" '
        f'viewBox="0 0 {_size(width)} {_size(height)}" version="1.1">',
        drawing,
        # Presentation attributes draw the blips the same without the page's stylesheet (radar.svg
        # opened on its own); on a page, style.css overrides them.
        f'<g class="blips" style="font-size:{font:.2f}px" fill="#fff" text-anchor="middle" '
        f'dominant-baseline="central" font-weight="700" font-family="{FONT}">',
    ]
    for d in dots:
        cx, cy = ox + d.x * scale, oy - d.y * scale
        attrs, label = _dot_text(d.attrs, d.label)
        mark = ""
        if d.status == "new":
            mark = f'<circle class="mark" cx="{cx:.2f}" cy="{cy:.2f}" r="{r * 1.22:.2f}"{MARK_ATTRS}/>'
        elif d.status in ("moved-in", "moved-out"):
            toward = math.atan2(-cy + oy, -cx + ox) if d.status == "moved-in" else math.atan2(cy - oy, cx - ox)
            mark = f'<path class="mark" d="{_arc(cx, cy, r * 1.22, toward)}"{MARK_ATTRS}/>'
        parts.append(
            f'<a href="{_href(root, d.id)}" class="blip status-{d.status}" id="dot-{d.id}"{attrs} '
            f'aria-label="{label}"><title>{label}</title>'
            f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r:.2f}" fill="{d.color}"/>{mark}'
            f'<text x="{cx:.2f}" y="{cy:.2f}" aria-hidden="true">{d.number}</text></a>'
        )
    parts.append("</g>\n</svg>")
    return "\n".join(parts)


@lru_cache(maxsize=1 << 16)
def _dot_text(attrs: tuple[tuple[str, str], ...], label: str) -> tuple[str, str]:
    """A blip's data-* attributes and its label, escaped: the same blip is in a picture on twenty pages."""
    return "".join(f' data-{k}="{escape(v)}"' for k, v in attrs), escape(label)


@lru_cache(maxsize=1 << 16)
def _href(root: str, blip: str) -> str:
    return escape(root + blip_url(blip))


def svg_position(frame: Frame, x: float, y: float) -> tuple[float, float]:
    """A layout position in the SVG's own coordinates (its viewBox), for radar.json."""
    _, _, (ox, oy, scale) = background(frame)
    return round(ox + x * scale, 2), round(oy - y * scale, 2)
