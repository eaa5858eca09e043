"""The printable review: the radar, the ring-moves chart, then every move, new and retired blip with its note.

Saved with fixed metadata, so the same content gives the same bytes; slow to set (matplotlib
text), so the build caches it on `review_pdf_key`, which hashes the content and the drawing code.
"""

from __future__ import annotations

import hashlib
import io
import textwrap
from pathlib import Path

import matplotlib.image as mpimg
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from .. import urls
from ..domain import review as review_model
from ..domain.editions import UNCHANGED
from ..domain.review import Review
from ..i18n import translator
from ..render.site import Site, output
from . import charts, picture, review_text
from .cache import cached
from .charts import draw_chart
from .radar_files import radar_png
from .review_text import counts_line, heading, move_text, ring_name

A4 = (8.27, 11.69)  # inches, portrait


@output(urls.REVIEW_PDF)
def current_review_pdf(site: Site) -> bytes:
    """The current edition's review, from the cache when nothing it shows has changed (matplotlib sets text slowly)."""
    rv, png = site.review(site.radar.edition), radar_png(site)
    return cached(site.cache, f"review-{review_pdf_key(rv, png)}.pdf", lambda: review_pdf(rv, png))


def review_pdf(rv: Review, radar_png: bytes) -> bytes:
    """The printable review: the radar, the chart, then every move, new and retired blip with its note.

    The radar page embeds the build's PNG of the picture (drawn once, cached) rather than
    drawing it again; at A4 width it prints at about 180 dpi.
    """
    t = translator(rv.radar.language)
    title, compared = heading(rv)
    out = io.BytesIO()
    metadata = {"Title": title, "CreationDate": None, "ModDate": None, "Creator": None, "Producer": None}
    with PdfPages(out, metadata=metadata) as pdf:
        fig = Figure(figsize=A4, dpi=72)
        fig.text(0.06, 0.965, title, fontsize=13, fontweight="bold", va="top")
        fig.text(0.06, 0.94, compared + "  " + counts_line(rv), fontsize=8.5, va="top")
        ax = fig.add_axes((0.04, 0.08, 0.92, 0.84))
        ax.imshow(mpimg.imread(io.BytesIO(radar_png), format="png"), interpolation="lanczos")
        ax.set_axis_off()
        pdf.savefig(fig)
        chart_page = Figure(figsize=A4, dpi=72)
        chart_page.text(0.07, 0.965, t("moves_chart"), fontsize=12, fontweight="bold", va="top")
        rows = len(rv.rings) + 1
        draw_chart(chart_page, rv, (0.24, 0.88 - 0.045 * rows, 0.69, 0.045 * rows))
        for page in _flow(_review_lines(rv, t) + _legend_lines(rv, t), chart_page, 0.84 - 0.045 * rows):
            pdf.savefig(page)
    return out.getvalue()


def review_pdf_key(rv: Review, radar_png: bytes) -> str:
    """Everything the review PDF shows, hashed: text in a PDF is slow to set, so the build caches it on this."""
    t = translator(rv.radar.language)
    drawing = (__file__, charts.__file__, picture.__file__, review_text.__file__, review_model.__file__)
    code = b"".join(Path(f).read_bytes() for f in drawing if f)
    shown = (
        heading(rv),
        counts_line(rv),
        _review_lines(rv, t),
        _legend_lines(rv, t),
        rv.matrix,
        [r.name for r in rv.rings],
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
            lines.append(("b", f"{s.blip.title}: {move_text(rv, s)}"))
            lines += [("n", part) for part in textwrap.wrap(s.note, 105)]
    lines.append(("h", t("moves_new")))
    for s in rv.new:
        where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {ring_name(rv.radar, s.ring)}"
        lines.append(("b", f"{s.blip.title} ({where})"))
        lines += [("n", part) for part in textwrap.wrap(s.note, 105)]
    lines.append(("h", t("moves_retired")))
    for s in rv.retired:
        lines.append(("b", f"{s.blip.title} ({t('last_ring')}: {ring_name(rv.radar, s.previous_ring)})"))
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
