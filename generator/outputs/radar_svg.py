"""The radar picture as inline SVG for pages, without importing matplotlib.

matplotlib draws the frame (rings, axes, names: `picture.background_svg`) once per frame; that SVG
is kept in the render cache, keyed on the frame and the code, so a build whose frames did not
change never imports matplotlib (over half a second of every build process).  The blips are written
here, as one compact `<a>` per blip (disc, status mark, number, accessible name): that keeps the page
small and keyboard-friendly at ten thousand blips, where matplotlib's own text and link output would
take seconds and megabytes.
"""

from __future__ import annotations

import hashlib
import json
import math
from functools import lru_cache
from html import escape
from pathlib import Path

from ..domain.geometry import PAD, Dot, Frame
from ..domain.layout import BASE_RADIUS, BLIP_R
from ..urls import blip_url
from .cache import cached
from .keys import code_digest

INCH_PER_UNIT = 9 / (2 * (BASE_RADIUS + PAD))  # a radar of base size fills 9 inches; larger radars grow the page
AXIS_COLOR = "#5f6b76"
TEXT_COLOR = "#1d2329"
STATUS_MARK = "#1d2329"
MARK_ATTRS = f' fill="none" stroke="{STATUS_MARK}" stroke-width="1.3"'  # status rings, styled without CSS too
ID_SCOPE = "@@scope@@"  # replaced per picture in svg(): no two pictures on a page share an id


@lru_cache(maxsize=64)
def background(frame: Frame, cache: Path | None = None) -> tuple[str, str, tuple[float, float, float]]:
    """The frame's SVG split around the spot where blips go, plus data-to-SVG scale (see picture)."""

    def draw() -> bytes:
        from . import picture  # matplotlib: only for a frame this code never drew before

        return json.dumps(picture.background_svg(frame)).encode("utf-8")

    key = hashlib.sha256((code_digest() + repr(frame)).encode("utf-8")).hexdigest()
    head, tail, origin = json.loads(cached(cache, f"frame-{key[:40]}.json", draw) if cache else draw())
    return head, tail, (origin[0], origin[1], origin[2])


def _arc(cx: float, cy: float, r: float, toward: float, half: float = 60.0) -> str:
    """SVG path of an arc around (cx, cy), centred on the direction `toward` (radians, SVG y down)."""
    a0, a1 = toward - math.radians(half), toward + math.radians(half)
    x0, y0 = cx + r * math.cos(a0), cy + r * math.sin(a0)
    x1, y1 = cx + r * math.cos(a1), cy + r * math.sin(a1)
    return f"M{x0:.2f} {y0:.2f}A{r:.2f} {r:.2f} 0 0 1 {x1:.2f} {y1:.2f}"


def svg(frame: Frame, dots: list[Dot], root: str, label: str, cache: Path | None = None) -> str:
    """The picture as inline SVG: links relative to `root`, a group with an accessible label."""
    head, tail, (ox, oy, scale) = background(frame, cache)
    r = BLIP_R * scale
    font = max(5.0, min(r * 1.05, r * 2.6 / max(1, len(str(max((d.number for d in dots), default=1))))))
    parts = [
        head.replace(ID_SCOPE, "r" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:8] + "-").replace(
            "<svg ", f'<svg role="group" aria-label="{escape(label)}" class="radar-svg" ', 1
        ),
        # Presentation attributes draw the blips the same without the page's stylesheet (radar.svg
        # opened on its own); on a page, style.css overrides them.
        f'<g class="blips" style="font-size:{font:.2f}px" fill="#fff" text-anchor="middle" '
        f'dominant-baseline="central" font-weight="700" font-family="DejaVu Sans, sans-serif">',
    ]
    for d in dots:
        cx, cy = ox + d.x * scale, oy - d.y * scale
        attrs = "".join(f' data-{k}="{escape(v)}"' for k, v in d.attrs)
        mark = ""
        if d.status == "new":
            mark = f'<circle class="mark" cx="{cx:.2f}" cy="{cy:.2f}" r="{r * 1.22:.2f}"{MARK_ATTRS}/>'
        elif d.status in ("moved-in", "moved-out"):
            toward = math.atan2(-cy + oy, -cx + ox) if d.status == "moved-in" else math.atan2(cy - oy, cx - ox)
            mark = f'<path class="mark" d="{_arc(cx, cy, r * 1.22, toward)}"{MARK_ATTRS}/>'
        parts.append(
            f'<a href="{escape(root + blip_url(d.id))}" class="blip status-{d.status}" id="dot-{d.id}"{attrs} '
            f'aria-label="{escape(d.label)}"><title>{escape(d.label)}</title>'
            f'<circle cx="{cx:.2f}" cy="{cy:.2f}" r="{r:.2f}" fill="{d.color}"/>{mark}'
            f'<text x="{cx:.2f}" y="{cy:.2f}" aria-hidden="true">{d.number}</text></a>'
        )
    parts.append("</g>")
    return "\n".join(parts) + tail


def svg_position(frame: Frame, x: float, y: float, cache: Path | None = None) -> tuple[float, float]:
    """A layout position in the SVG's own coordinates (its viewBox), for radar.json."""
    _, _, (ox, oy, scale) = background(frame, cache)
    return round(ox + x * scale, 2), round(oy - y * scale, 2)
