"""The ring-moves chart: a from-ring x to-ring matrix, its own SVG on the moves pages and the top of the review PDF."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .. import urls
from ..domain.comparison import RETURNED, Comparison
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, RETIRED, UNCHANGED
from ..i18n import translator
from ..render.site import Maker, Site, output_files
from .radar_svg import AXIS_COLOR, TEXT_COLOR

if TYPE_CHECKING:  # matplotlib is imported where a chart is drawn: a build that draws none needs it not
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

KIND_COLORS = {  # cell backgrounds of the chart; the kind is also written in the cell, never colour alone
    NEW: "#d7eedb",
    MOVED_IN: "#d6e6f5",
    MOVED_OUT: "#f6dfd2",
    UNCHANGED: "#eceff2",
    RETIRED: "#efe9c9",
    RETURNED: "#e6dcf0",
}


def row_labels(rv: Comparison, t) -> list[str]:
    """The chart's rows: new, every ring in the earlier edition, and off the radar (back in this one)."""
    return [t("chart_new_row"), *(r.name for r in rv.rings), t("chart_off_row")]


def kind_label(kind: str, t) -> str:
    return t("returned") if kind == RETURNED else t("status_" + kind)


def chart_figure(rv: Comparison) -> Figure:
    """A from-ring x to-ring matrix: every blip of the edition counted once, the diagonal is 'unchanged'."""
    from matplotlib.figure import Figure

    t = translator(rv.radar.language)
    rings = [r.name for r in rv.rings]
    rows, cols = row_labels(rv, t), [*rings, t("chart_retired_col")]
    fig = Figure(figsize=(1.9 + 1.25 * len(cols), 1.5 + 0.62 * len(rows)), dpi=72)
    draw_chart(fig, rv, (0.25, 0.08, 0.72, 0.74))
    title = t("moves_chart") + f" — {t('edition')} {rv.edition}"
    fig.text(0.02, 0.98, title, ha="left", va="top", fontsize=11, fontweight="bold", color=TEXT_COLOR)
    return fig


def draw_chart(fig: Figure, rv: Comparison, rect: tuple[float, float, float, float]) -> None:
    """The matrix into `rect` of `fig`: its own figure for the page, the top of an A4 page in the PDF."""
    t = translator(rv.radar.language)
    rings = [r.name for r in rv.rings]
    rows, cols = row_labels(rv, t), [*rings, t("chart_retired_col")]
    ax = fig.add_axes(rect)
    grid = rv.matrix
    for i in range(len(rows)):
        for j in range(len(cols)):
            n, kind = grid[i][j], rv.cell_kind(i, j)
            face = "#ffffff" if n == 0 or rv.impossible(i, j) else KIND_COLORS[kind]
            ax.add_patch(_cell(j, i, face))
            if n:
                ax.text(j + 0.5, i + 0.42, str(n), ha="center", va="center", fontsize=13, fontweight="bold")
                ax.text(j + 0.5, i + 0.78, kind_label(kind, t), ha="center", va="center", fontsize=8)
    label_grid(ax, cols, rows, 9, 9)
    ax.set_xlabel(t("chart_to", edition=rv.edition), fontsize=9, labelpad=6)
    ax.xaxis.set_label_position("top")
    ax.set_ylabel(t("chart_from", edition=rv.previous or "—"), fontsize=9)


def label_grid(ax: Axes, cols: list[str], rows: list[str], col_size: float, row_size: float) -> None:
    """A grid of unit squares read like a table: column names on top, row names left, no frame."""
    ax.set_xlim(0, len(cols))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([j + 0.5 for j in range(len(cols))], cols, fontsize=col_size)
    ax.set_yticks([i + 0.5 for i in range(len(rows))], rows, fontsize=row_size)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)


def _cell(x: int, y: int, face: str) -> Rectangle:
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, facecolor=face, edgecolor=AXIS_COLOR, linewidth=0.6)


def chart_svg(rv: Comparison) -> bytes:
    from . import picture

    return picture.chart_bytes(chart_figure(rv), "svg")


@output_files(kept=True, drawn=True)
def edition_charts(site: Site) -> Iterator[tuple[str, Maker]]:
    """One chart per edition, beside its moves page."""
    for edition in site.radar.editions:
        yield urls.edition_chart_url(edition), functools.partial(_edition_chart, site, edition)


def _edition_chart(site: Site, edition: str) -> bytes:
    return chart_svg(site.review(edition))
