"""The radar picture and the one-page summary as 16:9 images (1920 x 1080) for leadership's presentation.

Set with Pillow from the same `PackInput` as review.pdf, so a slide and the pack cannot
disagree: the radar PNG scaled onto the slide, text in DejaVu Sans (`fonts`).  matplotlib
took over a second per cold build to lay out a dozen lines; Pillow writes no date or
software name into a PNG, so the same content gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from PIL import Image, ImageDraw

from ..i18n import translator
from . import fonts
from .pack import PackInput, ring_name, status_text
from .png import encode as encode_png
from .radar_svg import AXIS_COLOR, TEXT_COLOR
from .review_text import counts_line
from .trend_charts import SCORE_COLORS

SIZE = (1920, 1080)
PICTURE_PX = round(0.84 * SIZE[1])  # the radar's height on the slide, in pixels
MOVES_SHOWN = 10


class _Slide:
    """A white slide with its title and subtitle; `text` places a line by its top-left corner (pixels)."""

    def __init__(self, title: str, subtitle: str) -> None:
        self.image = Image.new("RGB", SIZE, "#ffffff")
        self.draw = ImageDraw.Draw(self.image)
        self.text(58, 48, title, 44, bold=True)
        self.text(58, 124, subtitle, 24, color=AXIS_COLOR)

    def text(
        self, x: float, y: float, text: str, size: int, bold: bool = False, color: str = TEXT_COLOR, anchor="la"
    ) -> None:
        self.draw.text((x, y), text, font=fonts.pillow(size, bold), fill=color, anchor=anchor)

    def fit(self, text: str, width: float, size: int) -> str:
        """`text` cut with an ellipsis to fit `width` pixels."""
        font = fonts.pillow(size)
        if font.getlength(text) <= width:
            return text
        while text and font.getlength(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def wrap(self, text: str, width: float, size: int) -> list[str]:
        font = fonts.pillow(size)
        lines: list[str] = []
        for word in text.split(" "):
            if lines and font.getlength(lines[-1] + " " + word) <= width:
                lines[-1] += " " + word
            else:
                lines.append(word)
        return lines

    def png(self) -> bytes:
        return encode_png(self.image)


def _picture(picture: Any) -> Any:
    """The radar picture (an opaque RGB or RGBX image) at its height on the slide: reduced by the largest
    whole factor (a box filter: cheap, and right for downsampling), then by Lanczos for the rest, less than
    twice, and made RGB once it is that small.  Lanczos over three times as many pixels (reducing_gap 2)
    took 0.09 s at a thousand blips for the same picture to the eye (pixels differ by 1 in 255 on average,
    at most 32, along the edges)."""
    side = PICTURE_PX
    size = (round(picture.width * side / picture.height), side)
    picture = picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=1.0)
    return picture if picture.mode == "RGB" else picture.convert("RGB")


def radar_slide(data: PackInput) -> bytes:
    """The picture on the left, the counts and the key to the marks on the right."""
    r = data.quarter
    t = translator(r.radar.language)
    slide = _Slide(r.radar.title, t("pack_title", edition=r.end))
    picture = _picture(data.picture())
    box_left, box_width, box_top = 0.02 * SIZE[0], 0.56 * SIZE[0], round(0.14 * SIZE[1])
    slide.image.paste(picture, (round(box_left + (box_width - picture.width) / 2), box_top))
    x, y = 0.62 * SIZE[0], 0.2 * SIZE[1]
    for part in counts_line(r).split(" · "):
        slide.text(x, y, part, 30)
        y += 0.055 * SIZE[1]
    y += 0.04 * SIZE[1]
    slide.text(x, y, t("key_heading"), 28, bold=True)
    for status in ("new", "moved-in", "moved-out", "unchanged"):
        y += 0.05 * SIZE[1]
        slide.text(x + 19, y, t("key_" + status), 24)
    return slide.png()


def summary_slide(data: PackInput) -> bytes:
    """Counts, the main moves, the capability grid with this and last quarter's score, gaps and leaflets."""
    r = data.quarter
    t = translator(r.radar.language)
    slide = _Slide(f"{t('pack_summary')} — {t('pack_title', edition=r.end)}", counts_line(r))
    w, h = SIZE
    y = 0.2 * h
    slide.text(0.03 * w, y, t("moves_table"), 28, bold=True)
    for s in r.moved[:MOVES_SHOWN]:
        y += 0.045 * h
        line = f"{s.blip.title}: {ring_name(r, s.previous_ring)} → {ring_name(r, s.ring)} ({status_text(t, s)})"
        slide.text(0.035 * w, y, slide.fit(line, 0.4 * w, 22), 22)
    if len(r.moved) > MOVES_SHOWN:
        slide.text(0.035 * w, y + 0.045 * h, t("pack_moves_more", count=len(r.moved) - MOVES_SHOWN), 22)
    index = data.index
    if index is None:
        return slide.png()
    before = {m.cell.id: m for m in r.scores}
    grid = index.grid()
    columns = index.model.columns
    left, top, width, height = 0.6 * w, 0.2 * h, 0.38 * w, 0.6 * h
    cw, ch = width / len(columns), height / len(grid)
    for j, column in enumerate(columns):
        slide.text(left + (j + 0.5) * cw, top - 12, column.name, 22, anchor="md")
    for i, (row, infos) in enumerate(grid):
        slide.text(left - 10, top + (i + 0.5) * ch, row.name, 22, anchor="rm")
        for j, info in enumerate(infos):
            move = before[info.cell.id]
            status = move.after.status if move.after else None
            x0, y0 = left + j * cw, top + i * ch
            slide.draw.rectangle((x0 + 3, y0 + 3, x0 + cw - 3, y0 + ch - 3), fill=SCORE_COLORS[status])
            now = t("score_short_" + (status or "none"))
            was = t("score_short_" + (move.before.status if move.before else "none"))
            mark = t("change_" + move.direction) + ("  ⚠ " + t("gap") if info.gap else "")
            cx = x0 + cw / 2
            slide.text(cx, y0 + 0.35 * ch, now, 24, bold=True, anchor="mm")
            slide.text(cx, y0 + 0.6 * ch, slide.fit(f"{r.start or '—'}: {was}", cw - 12, 18), 18, anchor="mm")
            slide.text(cx, y0 + 0.8 * ch, mark, 18, anchor="mm")
    gaps = "; ".join(f"{c.column.name} × {c.row.name}" for c in index.gaps) or t("pack_gaps_none")
    slide.text(0.48 * w, 0.86 * h, slide.fit(f"{t('pack_gaps')}: {gaps}", 0.5 * w, 24), 24, bold=True)
    names = ", ".join(s.blip.title for s in index.leaflet_gaps[:8]) + (" …" if len(index.leaflet_gaps) > 8 else "")
    leaflets = f"{t('pack_leaflets')} ({len(index.leaflet_gaps)}): {names}" if names else t("pack_leaflets_none")
    for n, line in enumerate(slide.wrap(leaflets, 0.5 * w, 22)[:2]):
        slide.text(0.48 * w, 0.92 * h + n * 30, line, 22)
    return slide.png()
