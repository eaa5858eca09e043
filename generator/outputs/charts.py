"""The ring-moves chart: a from-ring x to-ring matrix, as SVG beside every edition's moves page (and its table)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from .. import urls
from ..domain.comparison import RETURNED, Comparison
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, RETIRED, UNCHANGED
from ..i18n import translator
from ..render.site import Maker, Site, output_files
from . import svgchart
from .radar_svg import AXIS_COLOR

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


def chart_svg(rv: Comparison) -> bytes:
    """A from-ring x to-ring matrix: every blip of the edition counted once, the diagonal is 'unchanged'."""
    t = translator(rv.radar.language)
    rows, cols = row_labels(rv, t), [*(r.name for r in rv.rings), t("chart_retired_col")]
    title = t("moves_chart") + f" — {t('edition')} {rv.edition}"
    label, cell_h = 12.0, 58.0
    cell_w = max(96.0, *(svgchart.width(c, label) + 16 for c in cols))
    left = 44 + max(svgchart.width(r, label) for r in rows)  # room for the rotated axis name and the row names
    top = 92.0
    width = max(left + len(cols) * cell_w, svgchart.width(title, 15, True) + 16) + 16
    height = top + len(rows) * cell_h + 16
    d = svgchart.Drawing(width, height)
    d.text(16, 20, title, 15, bold=True)
    d.text(left + len(cols) * cell_w / 2, top - 38, t("chart_to", edition=rv.edition), label, "middle")
    d.text(22, top + len(rows) * cell_h / 2, t("chart_from", edition=rv.previous or "—"), label, "middle", rotate=-90)
    for j, name in enumerate(cols):
        d.text(left + (j + 0.5) * cell_w, top - 14, name, label, "middle")
    for i, name in enumerate(rows):
        d.text(left - 8, top + (i + 0.5) * cell_h, name, label, "end")
        for j in range(len(cols)):
            n, kind = rv.matrix[i][j], rv.cell_kind(i, j)
            x, y = left + j * cell_w, top + i * cell_h
            face = "#ffffff" if n == 0 or rv.impossible(i, j) else KIND_COLORS[kind]
            d.rect(x, y, cell_w, cell_h, face, AXIS_COLOR)
            if n:
                d.text(x + cell_w / 2, y + 0.4 * cell_h, str(n), 17, "middle", bold=True)
                d.text(x + cell_w / 2, y + 0.76 * cell_h, kind_label(kind, t), 11, "middle")
    return d.svg(title, t("moves_chart_alt", edition=rv.edition))


@output_files(kept=True)
def edition_charts(site: Site) -> Iterator[tuple[str, Maker]]:
    """One chart per edition, beside its moves page."""
    for edition in site.radar.editions:
        yield urls.edition_chart_url(edition), functools.partial(_edition_chart, site, edition)


def _edition_chart(site: Site, edition: str) -> bytes:
    return chart_svg(site.review(edition))
