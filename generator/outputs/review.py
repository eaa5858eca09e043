"""The leadership review of one edition: what is new, what moved in or out, what was retired, and why.

Everything here is derived from `editions.snapshot` through an `EditionView`, so
the moves page, the archive, the review PDF and `radar moves` can never tell a
different story.  The chart and the PDF are drawn with matplotlib and saved
through `picture.chart_bytes`, so the same content gives the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import sys
import textwrap
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from ..content.model import Radar, Segment
from ..content.problems import choices
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, RETIRED, STATUSES, UNCHANGED, Standing, previous_edition
from ..domain.views import EditionView
from ..i18n import translator
from . import picture
from .mdtable import md_cell, md_table

FORMATS = ("text", "markdown", "csv")
A4 = (8.27, 11.69)  # inches, portrait
KIND_COLORS = {  # cell backgrounds of the chart; the kind is also written in the cell, never colour alone
    NEW: "#d7eedb",
    MOVED_IN: "#d6e6f5",
    MOVED_OUT: "#f6dfd2",
    UNCHANGED: "#eceff2",
    RETIRED: "#efe9c9",
}


@dataclass
class Review:
    """One edition compared with the one before it."""

    view: EditionView

    @property
    def radar(self) -> Radar:
        return self.view.radar

    @property
    def edition(self) -> str:
        return self.view.edition

    @cached_property
    def previous(self) -> str | None:
        return previous_edition(self.radar, self.edition)

    @cached_property
    def counts(self) -> dict[str, int]:
        """Blips per status, in the fixed order of `STATUSES` (zeros included, so tables line up)."""
        counts = dict.fromkeys(STATUSES, 0)
        for s in self.view.standings:
            counts[s.status] += 1
        return counts

    @cached_property
    def returned(self) -> int:
        return sum(1 for s in self.view.standings if s.returned)

    def _order(self, standings: list[Standing]) -> list[Standing]:
        q = {s.id: s.index for s in self.radar.quadrants}
        return sorted(standings, key=lambda s: (q[s.blip.quadrant], s.blip.title.casefold(), s.blip.id))

    @cached_property
    def moves(self) -> list[tuple[Segment, list[Standing]]]:
        """Moved blips (and blips back after retirement), grouped by quadrant; empty quadrants left out."""
        moved = [s for s in self.view.standings if s.status in (MOVED_IN, MOVED_OUT) or s.returned]
        groups = []
        for quadrant in self.radar.quadrants:
            members = [s for s in self._order(moved) if s.blip.quadrant == quadrant.id]
            if members:
                groups.append((quadrant, members))
        return groups

    @cached_property
    def moved_count(self) -> int:
        return sum(len(members) for _, members in self.moves)

    @cached_property
    def new(self) -> list[Standing]:
        return self._order([s for s in self.view.standings if s.status == NEW])

    @cached_property
    def retired(self) -> list[Standing]:
        return self._order([s for s in self.view.standings if s.status == RETIRED])

    @cached_property
    def matrix(self) -> list[list[int]]:
        """Counts from ring (rows: 'new' then every ring) to ring (columns: every ring then 'retired')."""
        index = {r.id: r.index for r in self.radar.rings}
        size = len(self.radar.rings)
        grid = [[0] * (size + 1) for _ in range(size + 1)]
        for s in self.view.standings:
            row = 0 if s.status == NEW else index[s.previous_ring] + 1
            col = size if s.ring is None else index[s.ring]
            grid[row][col] += 1
        return grid

    def cell_kind(self, row: int, col: int) -> str:
        """The status a matrix cell stands for: its row and column say it, whatever its count."""
        size = len(self.radar.rings)
        if row == 0:
            return NEW if col < size else RETIRED
        if col == size:
            return RETIRED
        return UNCHANGED if row - 1 == col else MOVED_IN if col < row - 1 else MOVED_OUT


def review(radar: Radar, edition: str | None = None, view: EditionView | None = None) -> Review:
    """The review of `edition` (default: the current one), reusing a laid-out view when there is one."""
    return Review(view or EditionView(radar, edition or radar.edition))


# --- text, Markdown and CSV for the command line -----------------------------------------------------


def _ring_name(radar: Radar, ring: str | None) -> str:
    return radar.ring(ring).name if ring else ""


def _heading(rv: Review) -> tuple[str, str]:
    t = translator(rv.radar.language)
    title = f"{rv.radar.title} — {t('moves_title', edition=rv.edition)}"
    compared = t("moves_compared", previous=rv.previous) if rv.previous else t("moves_first")
    return title, compared


def _counts_line(rv: Review) -> str:
    t = translator(rv.radar.language)
    return " · ".join(f"{t('status_' + k)}: {n}" for k, n in rv.counts.items())


def _move_text(rv: Review, s: Standing) -> str:
    t = translator(rv.radar.language)
    arrow = f"{_ring_name(rv.radar, s.previous_ring)} → {_ring_name(rv.radar, s.ring)}"
    status = t("status_" + s.status) + (f", {t('returned')}" if s.returned else "")
    return f"{arrow} ({status})"


def as_text(rv: Review) -> str:
    """The review for a terminal: headings, then one indented line per blip, notes after a dash."""
    t = translator(rv.radar.language)
    title, compared = _heading(rv)
    lines = [title, compared, _counts_line(rv), "", t("moves_table")]
    if not rv.moves:
        lines.append("  " + t("moves_none"))
    for quadrant, members in rv.moves:
        lines.append(f"  {quadrant.name}")
        for s in members:
            lines.append(f"    {s.blip.title}: {_move_text(rv, s)}" + (f" — {s.note}" if s.note else ""))
    lines += ["", t("moves_new")]
    for s in rv.new:
        where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {_ring_name(rv.radar, s.ring)}"
        lines.append(f"  {s.blip.title} ({where})" + (f" — {s.note}" if s.note else ""))
    if not rv.new:
        lines.append("  " + t("moves_none_new"))
    lines += ["", t("moves_retired")]
    for s in rv.retired:
        where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {t('last_ring')}: {_ring_name(rv.radar, s.previous_ring)}"
        lines.append(f"  {s.blip.title} ({where})" + (f" — {s.note}" if s.note else ""))
    if not rv.retired:
        lines.append("  " + t("moves_none_retired"))
    return "\n".join(lines) + "\n"


def as_markdown(rv: Review) -> str:
    """The review as Markdown, to paste into minutes or a wiki: counts, then one table per section."""
    t = translator(rv.radar.language)
    title, compared = _heading(rv)
    lines = [f"# {md_cell(title)}", "", md_cell(compared), ""]
    lines += md_table([t("status"), t("number_of")], [[t("status_" + k), str(n)] for k, n in rv.counts.items()])
    lines += ["", f"## {t('moves_table')}", ""]
    if not rv.moves:
        lines.append(md_cell(t("moves_none")))
    for quadrant, members in rv.moves:
        lines += [f"### {md_cell(quadrant.name)}", ""]
        rows = [
            [
                s.blip.title,
                _ring_name(rv.radar, s.previous_ring),
                _ring_name(rv.radar, s.ring),
                t("status_" + s.status) + (f", {t('returned')}" if s.returned else ""),
                s.note,
            ]
            for s in members
        ]
        lines += md_table([t("technology"), t("from_ring"), t("to_ring"), t("status"), t("note")], rows) + [""]
    lines += ["", f"## {t('moves_new')}", ""]
    rows = [
        [s.blip.title, rv.radar.quadrant(s.blip.quadrant).name, _ring_name(rv.radar, s.ring), s.note] for s in rv.new
    ]
    lines += md_table([t("technology"), t("quadrant"), t("ring"), t("note")], rows) if rows else [t("moves_none_new")]
    lines += ["", f"## {t('moves_retired')}", ""]
    rows = [
        [s.blip.title, rv.radar.quadrant(s.blip.quadrant).name, _ring_name(rv.radar, s.previous_ring), s.note]
        for s in rv.retired
    ]
    header = [t("technology"), t("quadrant"), t("last_ring"), t("note")]
    lines += md_table(header, rows) if rows else [t("moves_none_retired")]
    return "\n".join(lines) + "\n"


CSV_HEADER = ["edition", "previous_edition", "status", "returned", "id", "title", "quadrant", "from_ring", "to_ring"]


def as_csv(rv: Review) -> str:
    """One row per change (new, moved, retired, returned), stable column names for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_HEADER, "note"])
    changes = rv.new + [s for _, members in rv.moves for s in members] + rv.retired
    for s in changes:
        writer.writerow(
            [
                rv.edition,
                rv.previous or "",
                s.status,
                "yes" if s.returned else "no",
                s.blip.id,
                s.blip.title,
                rv.radar.quadrant(s.blip.quadrant).name,
                _ring_name(rv.radar, s.previous_ring),
                _ring_name(rv.radar, s.ring),
                s.note,
            ]
        )
    return out.getvalue()


def formatted(rv: Review, fmt: str) -> str:
    return {"text": as_text, "markdown": as_markdown, "csv": as_csv}[fmt](rv)


# --- the chart and the review PDF --------------------------------------------------------------------


def chart_figure(rv: Review) -> Figure:
    """A from-ring x to-ring matrix: every blip of the edition counted once, the diagonal is 'unchanged'."""
    t = translator(rv.radar.language)
    rings = [r.name for r in rv.radar.rings]
    rows, cols = [t("chart_new_row"), *rings], [*rings, t("chart_retired_col")]
    fig = Figure(figsize=(1.9 + 1.25 * len(cols), 1.5 + 0.62 * len(rows)), dpi=72)
    _draw_chart(fig, rv, (0.25, 0.08, 0.72, 0.74))
    title = t("moves_chart") + f" — {t('edition')} {rv.edition}"
    fig.text(0.02, 0.98, title, ha="left", va="top", fontsize=11, fontweight="bold", color=picture.TEXT_COLOR)
    return fig


def _draw_chart(fig: Figure, rv: Review, rect: tuple[float, float, float, float]) -> None:
    """The matrix into `rect` of `fig`: its own figure for the page, the top of an A4 page in the PDF."""
    t = translator(rv.radar.language)
    rings = [r.name for r in rv.radar.rings]
    rows, cols = [t("chart_new_row"), *rings], [*rings, t("chart_retired_col")]
    ax = fig.add_axes(rect)
    grid = rv.matrix
    for i in range(len(rows)):
        for j in range(len(cols)):
            n, kind = grid[i][j], rv.cell_kind(i, j)
            impossible = i == 0 and j == len(cols) - 1
            face = "#ffffff" if n == 0 or impossible else KIND_COLORS[kind]
            ax.add_patch(_cell(j, i, face))
            if n:
                ax.text(j + 0.5, i + 0.42, str(n), ha="center", va="center", fontsize=13, fontweight="bold")
                ax.text(j + 0.5, i + 0.78, t("status_" + kind), ha="center", va="center", fontsize=8)
    ax.set_xlim(0, len(cols))
    ax.set_ylim(len(rows), 0)
    ax.set_xticks([j + 0.5 for j in range(len(cols))], cols, fontsize=9)
    ax.set_yticks([i + 0.5 for i in range(len(rows))], rows, fontsize=9)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    ax.set_xlabel(t("chart_to", edition=rv.edition), fontsize=9, labelpad=6)
    ax.xaxis.set_label_position("top")
    ax.set_ylabel(t("chart_from", edition=rv.previous or "—"), fontsize=9)


def _cell(x: int, y: int, face: str):
    from matplotlib.patches import Rectangle

    return Rectangle((x, y), 1, 1, facecolor=face, edgecolor=picture.AXIS_COLOR, linewidth=0.6)


def chart_svg(rv: Review) -> bytes:
    return picture.chart_bytes(chart_figure(rv), "svg")


def review_pdf(rv: Review, radar_png: bytes) -> bytes:
    """The printable review: the radar, the chart, then every move, new and retired blip with its note.

    The radar page embeds the build's PNG of the picture (drawn once, cached) rather than
    drawing it again; at A4 width it prints at about 180 dpi.
    """
    import matplotlib.image as mpimg

    t = translator(rv.radar.language)
    title, compared = _heading(rv)
    out = io.BytesIO()
    metadata = {"Title": title, "CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    with PdfPages(out, metadata=metadata) as pdf:
        fig = Figure(figsize=A4, dpi=72)
        fig.text(0.06, 0.965, title, fontsize=13, fontweight="bold", va="top")
        fig.text(0.06, 0.94, compared + "  " + _counts_line(rv), fontsize=8.5, va="top")
        ax = fig.add_axes((0.04, 0.08, 0.92, 0.84))
        ax.imshow(mpimg.imread(io.BytesIO(radar_png), format="png"), interpolation="lanczos")
        ax.set_axis_off()
        pdf.savefig(fig)
        chart_page = Figure(figsize=A4, dpi=72)
        chart_page.text(0.07, 0.965, t("moves_chart"), fontsize=12, fontweight="bold", va="top")
        rows = len(rv.radar.rings) + 1
        _draw_chart(chart_page, rv, (0.24, 0.88 - 0.045 * rows, 0.69, 0.045 * rows))
        for page in _flow(_review_lines(rv, t) + _legend_lines(rv, t), chart_page, 0.84 - 0.045 * rows):
            pdf.savefig(page)
    return out.getvalue()


def review_pdf_key(rv: Review, radar_png: bytes) -> str:
    """Everything the review PDF shows, hashed: text in a PDF is slow to set, so the build caches it on this."""
    t = translator(rv.radar.language)
    code = Path(__file__).read_bytes() + Path(picture.__file__).read_bytes()
    shown = (
        _heading(rv),
        _counts_line(rv),
        _review_lines(rv, t),
        _legend_lines(rv, t),
        rv.matrix,
        [r.name for r in rv.radar.rings],
        hashlib.sha256(radar_png).hexdigest(),
        hashlib.sha256(code).hexdigest(),
    )
    return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def _review_lines(rv: Review, t) -> list[tuple[str, str]]:
    """The review as (style, text) lines for the PDF: h = heading, q = quadrant, b = blip, n = note."""
    lines: list[tuple[str, str]] = [("h", t("moves_table"))]
    if not rv.moves:
        lines.append(("b", t("moves_none")))
    for quadrant, members in rv.moves:
        lines.append(("q", quadrant.name))
        for s in members:
            lines.append(("b", f"{s.blip.title}: {_move_text(rv, s)}"))
            lines += [("n", part) for part in textwrap.wrap(s.note, 105)]
    lines.append(("h", t("moves_new")))
    for s in rv.new:
        where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {_ring_name(rv.radar, s.ring)}"
        lines.append(("b", f"{s.blip.title} ({where})"))
        lines += [("n", part) for part in textwrap.wrap(s.note, 105)]
    lines.append(("h", t("moves_retired")))
    for s in rv.retired:
        lines.append(("b", f"{s.blip.title} ({t('last_ring')}: {_ring_name(rv.radar, s.previous_ring)})"))
        lines += [("n", part) for part in textwrap.wrap(s.note, 105)]
    return lines


# style -> (font size, weight, indent as a fraction of the page width, leading)
LINE_STYLE = {
    "h": (12, "bold", 0.0, 2.0),
    "q": (10, "bold", 0.0, 1.5),
    "b": (9, "bold", 0.02, 1.4),
    "n": (8.5, "normal", 0.04, 1.25),
}


def _legend_lines(rv: Review, t) -> list[tuple[str, str]]:
    """The legend of the radar page: every number with its technology, by quadrant and ring."""
    view = rv.view
    lines: list[tuple[str, str]] = [("h", t("legend"))]
    for quadrant, rings in view.grouped():
        lines.append(("q", quadrant.name))
        for ring, members in rings:
            if members:
                lines.append(("b", ring.name))
            for s in members:
                status = "" if s.status == UNCHANGED else f" ({t('status_' + s.status)})"
                lines.append(("n", f"{view.numbers[s.blip.id]}. {s.blip.title}{status}"))
    return lines


def _flow(lines: list[tuple[str, str]], first: Figure, top: float) -> list[Figure]:
    """Flow lines down `first` from `top`, then over as many further A4 pages as they need."""
    pages, fig, y = [first], first, top
    step = 1 / (A4[1] * 72)  # one point as a fraction of the page height
    for style, text in lines:
        size, weight, indent, leading = LINE_STYLE[style]
        height = size * leading * step
        if style == "h" and y < top:
            y -= size * step  # air above a section heading
        if y - height < 0.05:
            fig = Figure(figsize=A4, dpi=72)
            pages.append(fig)
            y = 0.95
        fig.text(0.07 + indent, y, text, fontsize=size, fontweight=weight, va="top")
        y -= height
    return pages


# --- radar moves ------------------------------------------------------------------------------------


def run(source: Path, edition: str | None, fmt: str) -> int:
    """`radar moves`: the review of an edition on stdout; problems and unknown editions on stderr, exit 1."""
    from ..content.load import load
    from ..content.problems import report

    radar, problems = load(source)
    if radar is None or problems.errors:
        report(problems)
        return 1
    if edition is not None and edition not in radar.editions:
        print(f"error: unknown edition '{edition}': {choices(radar.editions, edition)}", file=sys.stderr)
        return 1
    sys.stdout.write(formatted(review(radar, edition), fmt))
    return 0
