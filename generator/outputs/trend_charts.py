"""Charts of numbers over editions: each cell's score, and the radar's counts per ring and per status.

Written as SVG by hand (`svgchart`), so the same content gives the same bytes.  Colour is
never the only carrier: every score square holds its word, every status line has its own
marker, and every chart has a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..content.model import Radar
from ..domain.comparison import RETURNED
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, RETIRED
from ..domain.trends import Trends
from . import svgchart
from .radar_svg import AXIS_COLOR, TEXT_COLOR

SCORE_COLORS = {"opgepakt": "#cfe8d5", "in-uitvoering": "#fbe6b8", "niet-in-beeld": "#f6d2cc", None: "#ffffff"}
STATUS_MARKERS = {NEW: "circle", MOVED_IN: "down", MOVED_OUT: "up", RETIRED: "cross", RETURNED: "square"}
RING_SHADES = ("#123f5e", "#2f6f9f", "#8dbbdd", "#d3e4f1", "#eef4f9")  # inner ring darkest; numbers in the bars
STATUS_LINES = {NEW: "#1f5f8b", MOVED_IN: "#2e7d32", MOVED_OUT: "#b34700", RETIRED: "#6b5a00", RETURNED: "#6a3d9a"}


def cell_label(radar: Radar, column: str, row: str) -> str:
    """A cell by its place in the grid: 'Technologie × Toekomstgerichtheid'."""
    model = radar.capabilities
    assert model is not None
    names = {a.id: a.name for a in (*model.columns, *model.rows)}
    return f"{names[column]} × {names[row]}"


def score_trend_svg(radar: Radar, trends: Trends, t: Callable[..., str]) -> bytes:
    """A square per cell (rows) and edition (columns), coloured and labelled with the score in force."""
    editions, cells = trends.editions, trends.cells
    labels = [cell_label(radar, c.cell.column, c.cell.row) for c in cells]
    words = [[t("score_short_" + (s.status if s else "none")) for s in c.scores] for c in cells]
    size, cell_h = 11.0, 30.0
    cell_w = max(
        84.0,
        *(svgchart.width(w, size) + 14 for row in words for w in row),
        *(svgchart.width(e, size) + 10 for e in editions),
    )
    left = max((svgchart.width(label, size) for label in labels), default=0) + 20
    top = 30.0
    d = svgchart.Drawing(left + len(editions) * cell_w + 8, top + len(cells) * cell_h + 8)
    for j, edition in enumerate(editions):
        d.text(left + (j + 0.5) * cell_w, top - 14, edition, size, "middle")
    for i, (trend, label) in enumerate(zip(cells, labels, strict=True)):
        y = top + i * cell_h
        d.text(left - 10, y + cell_h / 2, label, size, "end")
        for j, (score, word) in enumerate(zip(trend.scores, words[i], strict=True)):
            x = left + j * cell_w
            d.rect(x, y, cell_w, cell_h, SCORE_COLORS[score.status if score else None], "#ffffff", 2)
            d.text(x + cell_w / 2, y + cell_h / 2, word, 10, "middle")
    return d.svg(t("pack_trend"), t("pack_trend_alt"))


def counts_svg(radar: Radar, trends: Trends, t: Callable[..., str]) -> bytes:
    """Two panels over the editions: technologies per ring (stacked bars) and per status (lines)."""
    editions = list(trends.editions)
    size, plot_h, slot = 11.0, 210.0, 46.0
    slanted = len(editions) > 6
    below = (max(svgchart.width(e, size) for e in editions) * 0.72 + 16) if slanted else 24.0
    top = 36.0
    slot = max(slot, max(svgchart.width(e, size) for e in editions) + 10) if not slanted else slot
    plot_w = max(160.0, slot * len(editions))
    shades = RING_SHADES[: len(radar.rings)] if len(radar.rings) <= len(RING_SHADES) else None
    rings = [(ring.name, shades[i] if shades else ring.color) for i, ring in enumerate(radar.rings)]
    stacks = [[c.rings[ring.id] for c in trends.counts] for ring in radar.rings]
    series = [
        (
            t("returned") if s == RETURNED else t("status_" + s),
            STATUS_LINES[s],
            marker,
            [c.statuses[s] for c in trends.counts],
        )
        for s, marker in STATUS_MARKERS.items()
    ]
    high_bars = max((sum(column) for column in zip(*stacks, strict=True)), default=0)
    high_lines = max((v for *_, values in series for v in values), default=0)
    panels = []
    x = 12.0
    for name, high, legend in (
        (t("archive_by_ring"), high_bars, [name for name, _ in rings]),
        (t("archive_by_status"), high_lines, [name for name, *_ in series]),
    ):
        step = svgchart.nice_step(max(high, 1))
        scale_top = step * max(1, math.ceil(high / step))
        x += svgchart.width(str(scale_top), size) + 10  # the tick labels
        panels.append((x, name, step, scale_top))
        x += plot_w + 14 + 26 + max(svgchart.width(label, size) for label in legend) + 24
    d = svgchart.Drawing(x, top + plot_h + below)
    bottom = top + plot_h

    def frame(x0: float, name: str, step: int, scale_top: int) -> Callable[[float], float]:
        d.text(x0, 14, name, 12, bold=True)
        for v in range(0, scale_top + 1, step):
            y = bottom - plot_h * v / scale_top
            d.line(x0 - 4, y, x0, y, AXIS_COLOR)
            d.text(x0 - 7, y, str(v), size, "end")
        d.line(x0, top - 4, x0, bottom, AXIS_COLOR)
        d.line(x0, bottom, x0 + plot_w, bottom, AXIS_COLOR)
        for j, edition in enumerate(editions):
            cx = x0 + (j + 0.5) * plot_w / len(editions)
            d.line(cx, bottom, cx, bottom + 4, AXIS_COLOR)
            if slanted:
                d.text(cx + 4, bottom + 12, edition, size, "end", rotate=-45)
            else:
                d.text(cx, bottom + 14, edition, size, "middle")
        return lambda v: bottom - plot_h * v / scale_top

    x0, _, step, scale_top = panels[0]
    y_of = frame(*panels[0])
    bar = min(32.0, plot_w / len(editions) * 0.74)
    for j in range(len(editions)):
        cx, base = x0 + (j + 0.5) * plot_w / len(editions), 0
        for i, ((_, face), values) in enumerate(zip(rings, stacks, strict=True)):
            v = values[j]
            if v:
                d.rect(cx - bar / 2, y_of(base + v), bar, y_of(base) - y_of(base + v), face, "#ffffff", 0.6)
                if y_of(base) - y_of(base + v) >= 11:
                    ink = "#ffffff" if i < 2 else TEXT_COLOR
                    d.text(cx, (y_of(base) + y_of(base + v)) / 2, str(v), 9.5, "middle", fill=ink)
            base += v
    lx = x0 + plot_w + 14
    for i, (label, face) in enumerate(reversed(rings)):  # the legend reads top down, like the stack
        d.rect(lx, top + i * 18 - 6, 12, 12, face, AXIS_COLOR, 0.5)
        d.text(lx + 18, top + i * 18, label, size)

    x0, *_ = panels[1]
    y_of = frame(*panels[1])
    xs = [x0 + (j + 0.5) * plot_w / len(editions) for j in range(len(editions))]
    for _, color, marker, values in series:
        d.polyline([(cx, y_of(v)) for cx, v in zip(xs, values, strict=True)], color)
        for cx, v in zip(xs, values, strict=True):
            d.marker(marker, cx, y_of(v), 3.6, color)
    lx = x0 + plot_w + 14
    for i, (label, color, marker, _) in enumerate(series):
        y = top + i * 18
        d.line(lx, y, lx + 20, y, color, 1.5)
        d.marker(marker, lx + 10, y, 3.6, color)
        d.text(lx + 26, y, label, size)
    return d.svg(t("archive_chart"), t("archive_chart_alt"))
