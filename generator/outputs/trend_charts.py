"""Charts of numbers over editions: each cell's score, and the radar's counts per ring and per status.

Drawn with matplotlib and saved through `picture.chart_bytes`, so the same content
gives the same bytes.  Colour is never the only carrier: every score square holds
its word, every status line has its own marker, and every chart has a table beside it.
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..content.model import Radar
from ..domain.comparison import RETURNED
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, RETIRED
from ..domain.trends import Trends
from . import picture
from .charts import label_grid

SCORE_COLORS = {"opgepakt": "#cfe8d5", "in-uitvoering": "#fbe6b8", "niet-in-beeld": "#f6d2cc", None: "#ffffff"}
STATUS_MARKERS = {NEW: "o", MOVED_IN: "v", MOVED_OUT: "^", RETIRED: "x", RETURNED: "s"}
RING_SHADES = ("#123f5e", "#2f6f9f", "#8dbbdd", "#d3e4f1", "#eef4f9")  # inner ring darkest; numbers in the bars
STATUS_LINES = {NEW: "#1f5f8b", MOVED_IN: "#2e7d32", MOVED_OUT: "#b34700", RETIRED: "#6b5a00", RETURNED: "#6a3d9a"}


def cell_label(radar: Radar, column: str, row: str) -> str:
    """A cell by its place in the grid: 'Technologie × Toekomstgerichtheid'."""
    model = radar.capabilities
    assert model is not None
    names = {a.id: a.name for a in (*model.columns, *model.rows)}
    return f"{names[column]} × {names[row]}"


def score_trend_figure(radar: Radar, trends: Trends, t: Callable[..., str]) -> Figure:
    """A square per cell (rows) and edition (columns), coloured and labelled with the score in force."""
    editions, cells = trends.editions, trends.cells
    labels = [cell_label(radar, c.cell.column, c.cell.row) for c in cells]
    width = 2.6 + 1.05 * len(editions)
    fig = Figure(figsize=(width, 0.6 + 0.34 * len(cells)), dpi=100)
    left = 2.5 / width
    ax = fig.add_axes((left, 0.02, 1 - left - 0.01, 1 - 0.5 / (0.6 + 0.34 * len(cells))))
    for i, trend in enumerate(cells):
        for j, score in enumerate(trend.scores):
            status = score.status if score else None
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=SCORE_COLORS[status], edgecolor="#ffffff", linewidth=1.5))
            word = t("score_short_" + (status or "none"))
            ax.text(j + 0.5, i + 0.5, word, ha="center", va="center", fontsize=7, color=picture.TEXT_COLOR)
    label_grid(ax, list(editions), labels, 8, 7.5)
    return fig


def counts_figure(radar: Radar, trends: Trends, t: Callable[..., str]) -> Figure:
    """Two panels over the editions: technologies per ring (stacked bars) and per status (lines)."""
    editions = list(trends.editions)
    xs = list(range(len(editions)))
    fig = Figure(figsize=(max(7.0, 2.2 + 1.2 * len(editions)), 3.2), dpi=100)
    by_ring, by_status = fig.subplots(1, 2)
    bottom = [0] * len(editions)
    shades = RING_SHADES[: len(radar.rings)] if len(radar.rings) <= len(RING_SHADES) else None
    for i, ring in enumerate(radar.rings):
        values = [c.rings[ring.id] for c in trends.counts]
        face = shades[i] if shades else ring.color
        by_ring.bar(xs, values, bottom=bottom, color=face, edgecolor="#ffffff", linewidth=0.6, label=ring.name)
        for x, b, v in zip(xs, bottom, values, strict=True):
            if v:
                ink = "#ffffff" if i < 2 else picture.TEXT_COLOR
                by_ring.text(x, b + v / 2, str(v), ha="center", va="center", fontsize=6.5, color=ink)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    by_ring.set_title(t("archive_by_ring"), fontsize=9, loc="left")
    by_ring.legend(fontsize=7, frameon=False, reverse=True, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    for status, marker in STATUS_MARKERS.items():
        values = [c.statuses[status] for c in trends.counts]
        label = t("returned") if status == RETURNED else t("status_" + status)
        by_status.plot(xs, values, marker=marker, color=STATUS_LINES[status], linewidth=1.2, markersize=4, label=label)
    by_status.set_title(t("archive_by_status"), fontsize=9, loc="left")
    by_status.legend(fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    for ax in (by_ring, by_status):
        ax.set_xticks(xs, editions, fontsize=7, rotation=45 if len(editions) > 6 else 0)
        ax.tick_params(labelsize=7)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
    fig.subplots_adjust(left=0.05, right=0.8, wspace=0.62, bottom=0.18, top=0.88)
    return fig
