"""The radar picture, drawn with matplotlib: PNG for slides, PDF for print.

The pages' SVG is written without matplotlib (`radar_svg`), from the same sizes, colours and places
of names that are kept there.  Numbers in PNG and PDF are one compound path of cached digit glyphs:
one draw call instead of one text per blip.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.collections import EllipseCollection, PatchCollection  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.patches import Arc, Circle, Patch, PathPatch, Wedge  # noqa: E402
from matplotlib.path import Path as MPath  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402

from ..domain.geometry import PAD, Dot, Frame  # noqa: E402
from ..domain.layout import BLIP_R  # noqa: E402
from .radar_svg import (  # noqa: E402
    AXIS_COLOR,
    AXIS_LINE,
    INCH_PER_UNIT,
    QUADRANT_NAME_INSET,
    QUADRANT_NAME_SIZE,
    RING_LINE,
    RING_NAME_SHIFT,
    RING_NAME_SIZE,
    STATUS_MARK,
    TEXT_COLOR,
    quadrant_corner,
    ring_name_rotation,
)

__all__ = ["AXIS_COLOR", "INCH_PER_UNIT", "STATUS_MARK", "TEXT_COLOR", "Dot", "Frame", "PAD", "raster"]

matplotlib.rcParams.update(
    {
        "svg.fonttype": "none",  # text stays text: small, selectable, styled by the page
        "svg.hashsalt": "radar",  # stable ids: same content, same bytes
        "font.family": "DejaVu Sans",
        "pdf.fonttype": 42,
        # Every text comes from content and is only ever text: '$5M of $10M' or 'Kosten $\\foo$' must
        # show as typed, never as mathtext (which would mangle it or fail the build).
        "text.parse_math": False,
        "text.usetex": False,
    }
)

MAX_PIXELS = 4096  # the raster's side, at most
DIGITS = FontProperties(family="DejaVu Sans", weight="bold")


def _figure(frame: Frame) -> tuple[Figure, Axes]:
    x0, x1, y0, y1 = frame.bounds()
    fig = Figure(figsize=((x1 - x0) * INCH_PER_UNIT, (y1 - y0) * INCH_PER_UNIT), dpi=72)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")
    ax.set_axis_off()
    g = frame.geometry
    for i in reversed(range(len(g.radii))):
        ax.add_patch(Circle((0, 0), g.radii[i], facecolor=frame.rings[i][1], edgecolor=AXIS_COLOR, linewidth=RING_LINE))
    for q in range(g.quadrants):
        start, _ = g.sector(q)
        ax.plot([0, g.radius * math.cos(start)], [0, g.radius * math.sin(start)], color=AXIS_COLOR, linewidth=AXIS_LINE)
    if frame.quadrant is not None:  # fade what is outside the zoomed quadrant
        start, end = g.sector(frame.quadrant)
        ax.add_patch(
            Wedge(
                (0, 0),
                g.radius + 0.01,
                math.degrees(end),
                math.degrees(start) + 360,
                facecolor="white",
                alpha=0.75,
                edgecolor="none",
            )
        )
    _ring_labels(ax, frame)
    _quadrant_labels(ax, frame)
    return fig, ax


def _quadrant_labels(ax: Axes, frame: Frame) -> None:
    """Quadrant names in the picture's corners (or edges), in the quadrant's colour, aligned inward."""
    x0, x1, y0, y1 = frame.bounds()
    inset = QUADRANT_NAME_INSET
    for q, (name, color) in enumerate(frame.quadrants):
        if frame.quadrant is not None and q != frame.quadrant:
            continue
        cx, cy = quadrant_corner(frame, q)
        x = x1 - inset if cx > 0 else x0 + inset if cx < 0 else 0.0
        y = y1 - inset if cy > 0 else y0 + inset if cy < 0 else 0.0
        ha = "right" if cx > 0 else "left" if cx < 0 else "center"
        va = "top" if cy > 0 else "bottom" if cy < 0 else "center"
        ax.text(x, y, name, ha=ha, va=va, fontsize=QUADRANT_NAME_SIZE, color=color, fontweight="bold")


def _ring_labels(ax: Axes, frame: Frame) -> None:
    """Ring names where no blip can be: in the corridor the layout keeps free along the label axis,
    or, when zoomed on one quadrant, just outside the quadrant's most horizontal edge."""
    g = frame.geometry
    if frame.quadrant is None:
        angle, offset = g.label_angle, (0.0, 0.0)
    else:
        start, end = g.sector(frame.quadrant)
        angle = min((start, end), key=lambda a: abs(math.sin(a)))
        side = -1 if angle == start else 1  # the normal that points away from the quadrant
        offset = (-side * math.sin(angle) * RING_NAME_SHIFT, side * math.cos(angle) * RING_NAME_SHIFT)
    direction = (math.cos(angle), math.sin(angle))
    rotation = ring_name_rotation(angle)
    for i, (name, _) in enumerate(frame.rings):
        mid = (g.inner(i) + g.radii[i]) / 2
        ax.text(
            mid * direction[0] + offset[0],
            mid * direction[1] + offset[1],
            name.upper(),
            ha="center",
            va="center",
            fontsize=RING_NAME_SIZE,
            color=TEXT_COLOR,
            fontweight="bold",
            rotation=rotation,
            bbox={"boxstyle": "square,pad=0.15", "facecolor": frame.rings[i][1], "edgecolor": "none"},
        )


def _save(fig: Figure, fmt: str, dpi: float = 100) -> bytes:
    out = io.BytesIO()
    metadata = {
        "svg": {"Date": None, "Creator": None},
        "png": {"Software": None},
        "pdf": {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None},
    }[fmt]
    fig.savefig(out, format=fmt, dpi=dpi, metadata=metadata)
    return out.getvalue()


# --- PNG and PDF -----------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _glyph(char: str) -> tuple[np.ndarray, np.ndarray, float]:
    path = TextPath((0, 0), char, size=1.0, prop=DIGITS)
    return path.vertices.copy(), path.codes.copy(), float(path.get_extents().x1)


def _numbers_path(dots: list[Dot], size: float) -> MPath:
    """All blip numbers as one compound path: one draw call instead of one text per blip."""
    verts, codes = [], []
    for d in dots:
        text = str(d.number)
        advance = [_glyph(c)[2] * 1.08 for c in text]
        x = d.x - sum(advance) * size / 2
        for c, step in zip(text, advance, strict=True):
            v, k, _ = _glyph(c)
            verts.append(v * size + (x, d.y - 0.36 * size))
            codes.append(k)
            x += step * size
    if not verts:
        return MPath(np.zeros((0, 2)))
    return MPath(np.concatenate(verts), np.concatenate(codes))


def raster(frame: Frame, dots: list[Dot], fmt: str, title: str = "") -> bytes:
    """PNG or PDF of the picture with every blip and its number."""
    fig, ax = _figure(frame)
    if title:
        fig.text(0.5, 0.995, title, ha="center", va="top", fontsize=11, color=TEXT_COLOR, fontweight="bold")
    if dots:
        xy = np.array([(d.x, d.y) for d in dots])
        diam = np.full(len(dots), 2 * BLIP_R)
        ax.add_collection(
            EllipseCollection(
                diam,
                diam,
                np.zeros(len(dots)),
                units="xy",
                offsets=xy,
                offset_transform=ax.transData,
                facecolors=[d.color for d in dots],
            ),
            autolim=False,
        )
        marks: list[Patch] = []
        for d in dots:
            if d.status == "new":
                marks.append(Circle((d.x, d.y), 1.22 * BLIP_R))
            elif d.status in ("moved-in", "moved-out"):
                toward = math.degrees(math.atan2(-d.y, -d.x) if d.status == "moved-in" else math.atan2(d.y, d.x))
                marks.append(Arc((d.x, d.y), 2.44 * BLIP_R, 2.44 * BLIP_R, theta1=toward - 60, theta2=toward + 60))
        if marks:
            ax.add_collection(
                PatchCollection(marks, facecolor="none", edgecolor=STATUS_MARK, linewidth=1.1), autolim=False
            )
        digits = max(len(str(d.number)) for d in dots)
        size = min(1.05, 2.3 / digits) * BLIP_R
        ax.add_artist(PathPatch(_numbers_path(dots, size), facecolor="white", edgecolor="none", transform=ax.transData))
    x0, x1, _, _ = frame.bounds()
    # At most MAX_PIXELS square: a slide or a page cannot show more (at ten thousand blips the PNG was
    # 7135 px and 22 MB); the PDF stays vector and sharp at any size.
    dpi = min(150.0, MAX_PIXELS / ((x1 - x0) * INCH_PER_UNIT))
    return _save(fig, fmt, dpi=dpi)
