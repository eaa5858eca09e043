"""The radar picture, drawn with matplotlib: PNG for slides, PDF for print.

The pages' SVG is written without matplotlib (`radar_svg`), from the same sizes, colours and places
of names that are kept there.  Numbers in PNG and PDF are one compound path of cached digit glyphs:
one draw call instead of one text per blip.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import Any, cast

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
from matplotlib.artist import Artist  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.backend_bases import FigureCanvasBase, RendererBase  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402
from matplotlib.patches import Circle, PathPatch, Wedge  # noqa: E402
from matplotlib.path import Path as MPath  # noqa: E402
from matplotlib.textpath import TextPath  # noqa: E402
from matplotlib.transforms import Affine2DBase, AffineDeltaTransform  # noqa: E402

from ..domain.geometry import PAD, Dot, Frame  # noqa: E402
from ..domain.layout import BLIP_R  # noqa: E402
from . import fonts  # noqa: E402
from .png import encode as encode_png  # noqa: E402
from .radar_svg import (  # noqa: E402
    AXIS_COLOR,
    AXIS_LINE,
    INCH_PER_UNIT,
    QUADRANT_NAME_INSET,
    QUADRANT_NAME_SIZE,
    RING_LINE,
    RING_NAME_SIZE,
    STATUS_MARK,
    TEXT_COLOR,
    quadrant_corner,
    ring_name_axis,
    ring_name_rotation,
)

__all__ = ["AXIS_COLOR", "INCH_PER_UNIT", "STATUS_MARK", "TEXT_COLOR", "Dot", "Frame", "PAD", "raster"]

matplotlib.rcParams.update(
    {
        "font.family": fonts.FAMILY,
        # Type 3 fonts for the PDF's few names: matplotlib writes their outlines itself, where embedding
        # TrueType (type 42) loads and subsets the font with fontTools, a third of a second of a cold build.
        "pdf.fonttype": 3,
        # Every text comes from content and is only ever text: '$5M of $10M' or 'Kosten $\\foo$' must
        # show as typed, never as mathtext (which would mangle it or fail the build).
        "text.parse_math": False,
        "text.usetex": False,
    }
)

MAX_PIXELS = 4096  # the raster's side, at most
DIGITS = FontProperties(family=fonts.FAMILY, weight="bold")
MARK_R = 1.22 * BLIP_R  # status marks: a ring (new) or an arc (moved) around the blip
MARK_LINE = 1.1
LINE = 75  # the PDF backend breaks a line of values at this length (backend_pdf._fill)


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
    g = frame.geometry
    angle, offset = ring_name_axis(frame)
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


@lru_cache(maxsize=16)
def _glyph(char: str) -> tuple[np.ndarray, np.ndarray, float]:
    """A digit's outline at size 1 (vertices, codes), and its advance."""
    path = TextPath((0, 0), char, size=1.0, prop=DIGITS)
    return np.array(path.vertices), np.array(path.codes), float(path.get_extents().x1) * 1.08


def _numbers(dots: list[Dot], size: float) -> dict[str, list[tuple[float, float]]]:
    """Where each digit of the blips' numbers goes (its baseline's start), centred on its blip."""
    places: dict[str, list[tuple[float, float]]] = {}
    for d in dots:
        text = str(d.number)
        x = d.x - sum(_glyph(c)[2] for c in text) * size / 2
        for c in text:
            places.setdefault(c, []).append((x, d.y - 0.36 * size))
            x += _glyph(c)[2] * size
    return places


def _arcs(dots: list[Dot]) -> MPath:
    """The moved-in / moved-out marks as one path: an arc around each such blip, toward or away from the centre."""
    unit = MPath.arc(-60, 60)
    v = np.asarray(unit.vertices) * MARK_R
    parts = []
    for d in dots:
        if d.status in ("moved-in", "moved-out"):
            toward = math.atan2(-d.y, -d.x) if d.status == "moved-in" else math.atan2(d.y, d.x)
            c, s = math.cos(toward), math.sin(toward)
            parts.append(
                MPath(np.column_stack((v[:, 0] * c - v[:, 1] * s + d.x, v[:, 0] * s + v[:, 1] * c + d.y)), unit.codes)
            )
    return MPath.make_compound_path(*parts)


class _Stamps(Artist):
    """One shape (in data units) at many places, in one colour.  The PDF defines the shape once and
    places it by reference (a marker: a few bytes per blip, where a path per blip cost a second and
    a megabyte at a thousand blips); Agg draws it as one collection, at the exact positions."""

    def __init__(self, ax: Axes, path: MPath, places: list[tuple[float, float]], face: str, edge: str, width: float):
        super().__init__()
        self.set_zorder(2)  # over the rings and the axes, like the blips' other parts
        self.ax, self.path, self.places = ax, path, np.array(places)
        self.face, self.edge, self.width = face, edge, width

    def draw(self, renderer: RendererBase) -> None:
        where = cast(Affine2DBase, self.ax.transData.frozen())  # an Axes' data transform is affine
        shape = AffineDeltaTransform(where).frozen()  # data units to the output's, without moving
        gc = renderer.new_gc()
        gc.set_linewidth(self.width)
        gc.set_foreground(self.edge if self.width else self.face)
        face = None if self.face == "none" else to_rgba(self.face)
        if isinstance(renderer, RendererAgg):
            none = np.empty((0, 4))
            colors = (np.array([face]) if face else none, np.array([to_rgba(self.edge)]) if self.width else none)
            style = ([self.width], [(0, None)], [True], [None], "screen")  # widths, dashes, antialiased, urls
            paths = ([self.path], np.empty((0, 3, 3)), self.places, where)
            # matplotlib's stubs type these arguments as Collection.draw's, narrower than the arrays it passes
            renderer.draw_path_collection(gc, shape, *paths, *colors, *style, hatchcolors=none)  # type: ignore[arg-type]
        else:
            points = MPath(self.places, [MPath.MOVETO] * len(self.places))  # points only: no lines between them
            _markers(renderer, gc, self.path, shape, points, where, face)
        gc.restore()


def _markers(renderer: Any, gc: Any, shape_path: MPath, shape: Any, points: MPath, where: Any, face: Any) -> None:
    """`renderer.draw_markers`, with the PDF backend's placements written in one go: the same bytes as
    matplotlib writes, where it formats and writes each placement through `PdfFile.output` (nine values
    formatted one by one, two writes to the compressed stream; radar.pdf took 0.12 s at a thousand blips'
    four thousand stamps and 0.89 s at ten thousand, now 0.08 and 0.42).  Any other renderer, or a stamp
    placed too few times to be defined once, is drawn by matplotlib itself."""
    from matplotlib.backends.backend_pdf import Op, PdfFile, pdfRepr

    # savefig hands the PDF renderer over wrapped (MixedModeRenderer), which passes on what it is asked
    file = getattr(renderer, "file", None)
    if not isinstance(file, PdfFile) or len(shape_path) * len(points) < len(shape_path) + len(points) + 5:
        renderer.draw_markers(gc, shape_path, shape, points, where, face)
        return
    renderer.check_gc(gc, face)
    marker = file.markerObject(
        shape_path,
        shape,
        gc.fill(face),
        gc.stroke(),
        renderer.gc.get_linewidth(),
        gc.get_joinstyle(),
        gc.get_capstyle(),
    )
    width, height = file.width * 72, file.height * 72
    # the points where draw_markers finds them: the path cleaned and transformed by the same code
    cleaned = points.cleaned(transform=where, remove_nans=True, clip=(0, 0, width, height), curves=True)
    vertices = np.asarray(cleaned.vertices)
    stop = np.flatnonzero(np.asarray(cleaned.codes) == MPath.STOP)
    at = vertices[: stop[0] if len(stop) else len(vertices)]
    tail = b" cm " + pdfRepr(marker) + b" Do"
    lines: list[bytes] = []
    file.output(Op.gsave)
    lastx, lasty = 0, 0
    for x, y in at:
        if not (0 <= x <= width and 0 <= y <= height):
            continue
        dx, dy = x - lastx, y - lasty
        line = b"1 0 0 1 " + pdfRepr(dx) + b" " + pdfRepr(dy) + tail
        if len(line) < LINE:  # one line, as PdfFile.output joins these values
            lines.append(line + b"\n")
        else:  # broken over lines by PdfFile.output's own rule
            file.write(b"".join(lines))
            lines = []
            file.output(1, 0, 0, 1, dx, dy, Op.concat_matrix, marker, Op.use_xobject)
        lastx, lasty = x, y
    file.write(b"".join(lines))  # deflate gives the same bytes however the stream is cut
    file.output(Op.grestore)


def raster(frame: Frame, dots: list[Dot], fmt: str, title: str = "") -> bytes:
    """PNG or PDF of the picture with every blip and its number."""
    picture = Picture(frame, dots, title)
    return picture.png()[0] if fmt == "png" else picture.pdf()


class Picture:
    """The picture laid out once (one Figure) and written as PNG, PDF or both, in either order: the
    same bytes as a figure of its own for each (setting up the figure, its names and its thousands
    of stamps took a fifth of the time of writing both)."""

    def __init__(self, frame: Frame, dots: list[Dot], title: str = "") -> None:
        self.figure, self.dpi = _drawing(frame, dots, title)

    def png(self) -> tuple[bytes, Any]:
        """The PNG, and its pixels as the Pillow image it was written from: the review PDF and the slides
        show the picture, and decoding the PNG again cost them a tenth of a second each at a thousand blips."""
        return _png(self.figure, self.dpi)

    def pdf(self) -> bytes:
        return _pdf(self.figure, self.dpi)


def _drawing(frame: Frame, dots: list[Dot], title: str) -> tuple[Figure, float]:
    fig, ax = _figure(frame)
    if title:
        fig.text(0.5, 0.995, title, ha="center", va="top", fontsize=11, color=TEXT_COLOR, fontweight="bold")
    if dots:
        disc = MPath.circle((0, 0), BLIP_R)
        for color in sorted({d.color for d in dots}):  # blips never overlap: their order does not show
            ax.add_artist(_Stamps(ax, disc, [(d.x, d.y) for d in dots if d.color == color], color, "none", 0.0))
        new = [(d.x, d.y) for d in dots if d.status == "new"]
        if new:
            ax.add_artist(_Stamps(ax, MPath.circle((0, 0), MARK_R), new, "none", STATUS_MARK, MARK_LINE))
        if any(d.status in ("moved-in", "moved-out") for d in dots):
            ax.add_artist(PathPatch(_arcs(dots), facecolor="none", edgecolor=STATUS_MARK, linewidth=MARK_LINE))
        digits = max(len(str(d.number)) for d in dots)
        size = min(1.05, 2.3 / digits) * BLIP_R
        for digit, places in sorted(_numbers(dots, size).items()):
            vertices, codes, _ = _glyph(digit)
            ax.add_artist(_Stamps(ax, MPath(vertices * size, codes), places, "white", "none", 0.0))
    x0, x1, _, _ = frame.bounds()
    # At most MAX_PIXELS square: a slide or a page cannot show more (at ten thousand blips the PNG was
    # 7135 px and 22 MB); the PDF stays vector and sharp at any size.
    dpi = min(150.0, MAX_PIXELS / ((x1 - x0) * INCH_PER_UNIT))
    return fig, dpi


def _pdf(fig: Figure, dpi: float) -> bytes:
    """The picture as PDF, without dates or producer: same content, same bytes."""
    out = io.BytesIO()
    metadata = {"CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    fig.savefig(out, format="pdf", dpi=dpi, metadata=metadata)
    return out.getvalue()


def _png(fig: Figure, dpi: float) -> tuple[bytes, Any]:
    """The picture as an RGB PNG (the alpha channel is opaque everywhere: a quarter of the bytes to
    compress), written by `png` (half the size and a third of the time of Pillow's writer) straight from
    Agg's pixels.  The Pillow image handed on shares those pixels (mode RGBX: the opaque alpha is padding),
    where an RGB copy of them cost 28 MB of new memory at a thousand blips."""
    from PIL import Image

    canvas = FigureCanvasAgg(fig)
    fig.set_dpi(dpi)
    canvas.draw()
    size = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBX", size, canvas.buffer_rgba(), "raw", "RGBX", 0, 1)
    FigureCanvasBase(fig)  # the figure may live on for its PDF: not its canvas (the image keeps the pixels)
    return encode_png(image, dpi), image
