"""review.pdf: the quarterly review as the pack leadership reads before its meeting.

1. one page: counts, every move with its reason, the capability grid with this and
   last quarter's score, the gaps, the algorithms without a leaflet;
2. the radar with its legend beside it and the key to the marks;
3. the moves per quadrant with their notes, new and retired;
4. every capability cell: criteria, score history, lead, technologies, initiatives;
5. the score trend over every edition, as a chart and as a table.

Every number comes from the same `Comparison` as the pages and `radar moves`;
every word from the interface text.  Text is set by `pdfdoc` (fast, extractable),
matplotlib only draws the pictures.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..domain.comparison import Comparison
from ..domain.editions import UNCHANGED, Standing
from ..domain.trends import Trends
from ..domain.views import EditionView
from ..i18n import translator
from . import pdfdoc
from .keys import sources_digest
from .pdfdoc import Document
from .review_text import counts_line

if TYPE_CHECKING:
    from ..render.capability_pages import CapabilityIndex

SUMMARY_MOVES = 14  # moves listed on the summary page; the rest are in section 3
KEY = ("new", "moved-in", "moved-out", "unchanged")


@dataclass
class PackInput:
    """Everything the pack shows: the reviews, the laid-out edition, the links and two pictures."""

    quarter: Comparison  # the edition against the one before
    year: Comparison | None  # against the same quarter a year earlier, when the radar has it
    view: EditionView
    index: CapabilityIndex | None
    trends: Trends
    radar_png: bytes
    trend_svg: bytes | None  # the score trend chart, the same SVG as on the model page
    radar_image: Any = None  # radar_png's pixels (Pillow), when the build drew them: not decoded again
    _key: str | None = field(default=None, init=False, repr=False, compare=False)

    def picture(self) -> Any:
        """radar.png as a Pillow image, decoded at most once for the PDF and both slides."""
        if self.radar_image is None:
            from PIL import Image

            image = Image.open(io.BytesIO(self.radar_png))
            image.load()
            self.radar_image = image
        return self.radar_image

    def key(self) -> str:
        """A hash of everything shown and of the code that sets it: the build caches the PDF on it
        (worked out once: the PDF and both slides ask)."""
        if self._key is None:
            self._key = self._digest()
        return self._key

    def _digest(self) -> str:
        r = self.quarter
        shown = (
            r.radar.title,
            r.radar.language,
            r.start,
            r.end,
            [(s.blip.id, s.blip.title, s.status, s.ring, s.previous_ring, s.note, s.returned) for s in r.standings],
            self.year and [(s.blip.id, s.status, s.ring, s.previous_ring) for s in self.year.standings],
            [(s.blip.id, self.view.numbers.get(s.blip.id)) for s in self.view.on_radar],
            repr(r.radar.capabilities),
            repr(r.radar.initiatives),
            [(b.id, b.algorithm, b.leaflet is None, b.capabilities) for b in r.radar.blips.values()],
            [(q.id, q.name) for q in r.radar.quadrants],
            [(g.id, g.name) for g in r.radar.rings],
            hashlib.sha256(self.radar_png).hexdigest(),
            hashlib.sha256(self.trend_svg or b"").hexdigest(),
            sources_digest(pdfdoc, _module()),
            repr(translator(r.radar.language)("pack_title", edition="")),
        )
        return hashlib.sha256(repr(shown).encode("utf-8")).hexdigest()


def _module() -> Any:
    import sys

    return sys.modules[__name__]


def pack_pdf(data: PackInput) -> bytes:
    r = data.quarter
    radar = r.radar
    t = translator(radar.language)
    title = f"{radar.title} — {t('pack_title', edition=r.end)}"
    foot = t("pack_page", page="{page}", total="{total}")
    doc = Document(title, radar.title, t("pack_title", edition=r.end), foot, radar.language)
    doc.new_page()
    _summary(doc, data, t)
    _radar(doc, data, t)
    _moves(doc, r, t)
    if data.index is not None:
        _cells(doc, data, t)
        _trend(doc, data, t)
    return doc.output()


def ring_name(c: Comparison, ring: str | None) -> str:
    return c.radar.ring(ring).name if ring else "—"


def status_text(t, s: Standing) -> str:
    return t("status_" + s.status) + (f", {t('returned')}" if s.returned else "")


# --- 1. the summary -------------------------------------------------------------------------------


def _summary(doc: Document, data: PackInput, t) -> None:
    r = data.quarter
    doc.heading(f"{t('pack_summary')} — {t('pack_title', edition=r.end)}", 0)
    doc.para(t("moves_compared", previous=r.start) if r.start else t("moves_first"), 9)
    doc.para(counts_line(r), 9.5, bold=True, after=2)
    doc.heading(t("moves_table"), 2)
    if not r.moved and not r.new and not r.retired:
        doc.para(t("moves_none"), 8.5)
    shown = r.moved[:SUMMARY_MOVES]
    for s in shown:
        reason = f" — {s.note}" if s.note else ""
        arrow = f"{ring_name(r, s.previous_ring)} → {ring_name(r, s.ring)}"
        doc.line(f"{s.blip.title}: {arrow} ({status_text(t, s)}){reason}", 8)
    if len(r.moved) > len(shown):
        doc.line(t("pack_moves_more", count=len(r.moved) - len(shown)), 8)
    if r.new:
        doc.line(f"{t('moves_new')}: " + ", ".join(s.blip.title for s in r.new), 8, True)
    if r.retired:
        doc.line(f"{t('moves_retired')}: " + ", ".join(s.blip.title for s in r.retired), 8, True)
    doc.y += 1.5
    index = data.index
    if index is None:
        doc.para(t("pack_no_model"), 9)
        return
    doc.heading(index.model.title, 2)
    before = {m.cell.id: m for m in r.scores}
    year = {m.cell.id: m for m in data.year.scores} if data.year else {}
    rows = []
    for row, infos in index.grid():
        cells = [row.name]
        for info in infos:
            move = before[info.cell.id]
            lines = [info.cell.title, t("pack_score_now", score=_score(t, move.after))]
            if r.start:
                lines.append(t("pack_score_then", edition=r.start, score=_score(t, move.before)))
            lines.append(t("change_" + move.direction))
            if data.year is not None:
                ago = year[info.cell.id]
                lines.append(t("pack_score_then", edition=data.year.start, score=_score(t, ago.before)))
            if info.gap:
                lines.append("⚠ " + t("gap").upper())
            cells.append("\n".join(lines))
        rows.append(cells)
    header = [t("cap_corner")] + [c.name for c in index.model.columns]
    doc.table(header, rows, [0.7] + [1] * len(index.model.columns), 7)
    gaps = [f"{info.column.name} × {info.row.name}" for info in index.gaps]
    doc.para(f"{t('pack_gaps')}: " + ("; ".join(gaps) if gaps else t("pack_gaps_none")), 8.5, bold=bool(gaps))
    names = [s.blip.title for s in index.leaflet_gaps]
    label = f"{t('pack_leaflets')} ({len(names)}): " + ", ".join(names) if names else t("pack_leaflets_none")
    doc.para(label, 8.5, bold=bool(names))


def _score(t, score) -> str:
    return t("score_" + score.status) if score else t("score_none")


# --- 2. the radar with its legend beside it -------------------------------------------------------


def _radar(doc: Document, data: PackInput, t) -> None:
    view, radar = data.view, data.quarter.radar
    doc.new_page()
    doc.heading(f"{t('pack_radar')} — {t('edition')} {view.edition}", 0)
    side = 118.0
    top = doc.y
    doc.image(data.picture(), side, side, t("radar_of", title=radar.title, edition=view.edition))
    key_top = doc.y
    doc.put(doc.left, doc.y, t("key_heading"), 7.5, True)
    doc.y += 4
    for status in KEY:
        doc.put(doc.left + 2, doc.y, t("key_" + status), 7)
        doc.y += 3.3
    items: list[tuple[str, bool]] = []
    for quadrant, rings in view.grouped():
        items.append((quadrant.name, True))
        for ring, members in rings:
            if members:
                items.append((f"  {ring.name}", True))
            for s in members:
                mark = "" if s.status == UNCHANGED else f" ({t('status_' + s.status)})"
                items.append((f"{view.numbers[s.blip.id]}. {s.blip.title}{mark}", False))
    beside = doc.left + side + 4
    regions = [(beside, top, doc.left + doc.width - beside)]
    below = max(doc.y, key_top) + 2
    third = (doc.width - 8) / 3
    regions += [(doc.left + i * (third + 4), below, third) for i in range(3)]
    _columns(doc, items, regions, third)


def _columns(doc: Document, items: list[tuple[str, bool]], regions: list, width: float) -> None:
    """The legend in column regions: beside the picture, under it, then three columns per page."""
    size = 6.5
    lead = size * pdfdoc.MM_PER_PT * 1.25
    queue = list(regions)
    x, y, w = queue.pop(0)
    for text, bold in items:
        if y + lead > doc.limit:
            if not queue:
                doc.new_page()
                queue = [(doc.left + i * (width + 4), doc.top, width) for i in range(3)]
            x, y, w = queue.pop(0)
        doc.put(x, y, doc.clip(text, w, size, bold), size, bold)
        y += lead
    doc.y = doc.limit  # the next section starts on a new page


# --- 3. moves per quadrant, new and retired --------------------------------------------------------


def _section(doc: Document, title: str) -> None:
    """A numbered part starts on a new page unless most of this one is still free."""
    if doc.room() < 0.45 * (doc.limit - doc.top):
        doc.new_page()
    doc.heading(title, 0)


def _moves(doc: Document, r: Comparison, t) -> None:
    _section(doc, t("moves_table"))
    if not r.moves:
        doc.para(t("moves_none"))
    header = [t("technology"), t("from_ring"), t("to_ring"), t("status"), t("note")]
    for quadrant, members in r.moves:
        doc.heading(quadrant.name, 1)
        rows = [
            [s.blip.title, ring_name(r, s.previous_ring), ring_name(r, s.ring), status_text(t, s), s.note]
            for s in members
        ]
        doc.table(header, rows, [1.3, 0.8, 0.8, 0.9, 2.6])
    doc.heading(t("moves_new"), 1)
    if r.new:
        rows = [[s.blip.title, r.radar.quadrant(s.blip.quadrant).name, ring_name(r, s.ring), s.note] for s in r.new]
        doc.table([t("technology"), t("quadrant"), t("ring"), t("note")], rows, [1.3, 1.1, 0.8, 3.2])
    else:
        doc.para(t("moves_none_new"))
    doc.heading(t("moves_retired"), 1)
    if r.retired:
        rows = [
            [s.blip.title, r.radar.quadrant(s.blip.quadrant).name, ring_name(r, s.previous_ring), s.note]
            for s in r.retired
        ]
        doc.table([t("technology"), t("quadrant"), t("last_ring"), t("note")], rows, [1.3, 1.1, 0.8, 3.2])
    else:
        doc.para(t("moves_none_retired"))


# --- 4. the capability cells -----------------------------------------------------------------------


def _cells(doc: Document, data: PackInput, t) -> None:
    index = data.index
    assert index is not None
    radar = data.quarter.radar
    _section(doc, t("pack_cells"))
    for info in index.cells.values():
        doc.keep(functools.partial(_cell, doc, info, radar, t))


def _cell(doc: Document, info, radar, t) -> None:
    cell = info.cell
    doc.heading(f"{info.column.name} × {info.row.name}: {cell.title}", 1)
    current = cell.score(radar.edition)
    status = _score(t, current)
    if info.gap:
        status += " — ⚠ " + t("gap_cell")
    doc.para(f"{t('score')}: {status}", 8.5, bold=True)
    if current and current.lead:
        doc.para(f"{t('lead')}: {current.lead}", 8.5)
    doc.para(f"{t('criteria')}:", 8.5, bold=True, after=0.3)
    for criterion in cell.criteria:
        doc.para(f"• {criterion}", 8, indent=3, after=0.2)
    doc.y += 1
    if cell.scores:
        rows = [[s.edition, _score(t, s), s.lead, s.note] for s in cell.scores]
        doc.table([t("edition"), t("score"), t("lead"), t("note")], rows, [0.7, 1.1, 1.2, 3.2], 7.5)
    techs = [f"{s.blip.title} ({radar.ring(s.ring).name})" for s in info.on_radar]  # type: ignore[arg-type]
    doc.para(f"{t('technologies')} ({len(techs)}): " + (", ".join(techs) or t("no_technologies")), 8)
    if info.leaflet_gaps:
        names = ", ".join(s.blip.title for s in info.leaflet_gaps)
        doc.para("⚠ " + t("leaflet_gap", count=len(info.leaflet_gaps)) + f": {names}", 8, bold=True)
    inits = [f"{i.title} ({t('initiative_' + i.status)}; {t('lead')}: {i.lead})" for i in info.initiatives]
    doc.para(f"{t('initiatives')} ({len(inits)}): " + ("; ".join(inits) or t("no_initiatives")), 8, after=2)


# --- 5. the score trend -----------------------------------------------------------------------------


def _trend(doc: Document, data: PackInput, t) -> None:
    from .trend_charts import cell_label

    doc.keep(lambda: _trend_block(doc, data, t, cell_label))


def _trend_block(doc: Document, data: PackInput, t, cell_label) -> None:
    trends, radar = data.trends, data.quarter.radar
    doc.heading(t("pack_trend"), 0)
    if data.trend_svg:
        doc.image(data.trend_svg, doc.width, None, t("pack_trend_alt"))
    header = [t("cell"), *trends.editions]
    rows = [
        [cell_label(radar, c.cell.column, c.cell.row)]
        + [t("score_short_" + (s.status if s else "none")) for s in c.scores]
        for c in trends.cells
    ]
    doc.heading(t("trend_table"), 2)
    doc.table(header, rows, [2.2] + [1] * len(trends.editions), 7.5)
