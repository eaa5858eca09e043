"""The radar picture, drawn with matplotlib: the frame of the SVG for pages, PNG for slides, PDF for print.

matplotlib draws the rings, axes and labels in every format, and the blips in
PNG and PDF.  In the SVG the blip layer is written by `radar_svg` (without
matplotlib) at the coordinates matplotlib's transform gives.  Numbers in PNG
and PDF are one compound path of cached digit glyphs: one draw call instead
of one text per blip.
"""

from __future__ import annotations

import io
import math
import re
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
from .radar_svg import AXIS_COLOR, ID_SCOPE, INCH_PER_UNIT, STATUS_MARK, TEXT_COLOR  # noqa: E402

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
        ax.add_patch(Circle((0, 0), g.radii[i], facecolor=frame.rings[i][1], edgecolor=AXIS_COLOR, linewidth=0.8))
    for q in range(g.quadrants):
        start, _ = g.sector(q)
        ax.plot([0, g.radius * math.cos(start)], [0, g.radius * math.sin(start)], color=AXIS_COLOR, linewidth=1.2)
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
    g = frame.geometry
    x0, x1, y0, y1 = frame.bounds()
    for q, (name, color) in enumerate(frame.quadrants):
        if frame.quadrant is not None and q != frame.quadrant:
            continue
        start, end = g.sector(q)
        cx, cy = math.cos((start + end) / 2), math.sin((start + end) / 2)
        x = x1 - 0.4 if cx > 0.2 else x0 + 0.4 if cx < -0.2 else 0.0
        y = y1 - 0.4 if cy > 0.2 else y0 + 0.4 if cy < -0.2 else 0.0
        ha = "right" if cx > 0.2 else "left" if cx < -0.2 else "center"
        va = "top" if cy > 0.2 else "bottom" if cy < -0.2 else "center"
        ax.text(x, y, name, ha=ha, va=va, fontsize=10, color=color, fontweight="bold")


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
        offset = (-side * math.sin(angle) * 1.2, side * math.cos(angle) * 1.2)
    direction = (math.cos(angle), math.sin(angle))
    rotation = math.degrees(angle) % 180
    rotation = rotation - 180 if rotation > 90 else rotation  # keep text upright
    for i, (name, _) in enumerate(frame.rings):
        mid = (g.inner(i) + g.radii[i]) / 2
        ax.text(
            mid * direction[0] + offset[0],
            mid * direction[1] + offset[1],
            name.upper(),
            ha="center",
            va="center",
            fontsize=6.5,
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


# --- SVG for pages (the blips are written in radar_svg, without matplotlib) -------------------


def background_svg(frame: Frame) -> tuple[str, str, tuple[float, float, float]]:
    """matplotlib's SVG of the frame, split around the spot where blips go, plus data-to-SVG scale."""
    fig, ax = _figure(frame)
    text = _save(fig, "svg").decode("utf-8")
    text = re.sub(r"<metadata>.*?</metadata>\s*", "", text, flags=re.S)
    text = text[text.index("<svg") :]
    text = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*" ', r"<svg \1", text, count=1)
    text = _scope_ids(text)
    head, tail = text.rsplit("</svg>", 1)
    (ox, oy), (ux, _) = ax.transData.transform([(0, 0), (1, 0)])
    height = fig.get_figheight() * 72
    return head, "</svg>", (float(ox), float(height - oy), float(ux - ox))


def _scope_ids(text: str) -> str:
    """matplotlib names every group (`figure_1`, `patch_1`, ...): two pictures on one page would
    repeat those ids. Drop the ids nothing refers to, and mark the few that clip paths need for a
    per-picture prefix. The drawing itself (rings, axes, names) is hidden from assistive
    technology: the blips' own names and the legend already say all of it, without the noise."""
    used = {a or b for a, b in re.findall(r'url\(#([^)"]+)\)|href="#([^"]+)"', text)}
    text = re.sub(r' id="([^"]+)"', lambda m: f' id="{ID_SCOPE}{m[1]}"' if m[1] in used else "", text)
    text = re.sub(r'(url\(#|href="#)', rf"\1{ID_SCOPE}", text)
    return re.sub(
        r"(<svg [^>]*>\s*(?:<defs>.*?</defs>\s*)?)<g>", r'\1<g aria-hidden="true">', text, count=1, flags=re.S
    )


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


def chart_bytes(fig: Figure, fmt: str, dpi: float = 100) -> bytes:
    """Save another matplotlib figure (the ring-moves chart) with the same reproducible metadata."""
    return _save(fig, fmt, dpi)
