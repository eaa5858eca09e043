"""The radar picture and the one-page summary as 16:9 images (1920 x 1080) for leadership's presentation.

Drawn with matplotlib from the same `PackInput` as review.pdf, so a slide and the
pack cannot disagree; saved through `picture.chart_bytes` (no dates: same bytes).
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib.image as mpimg
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from ..i18n import translator
from . import picture
from .pack import PackInput, ring_name, status_text
from .review_text import counts_line
from .trend_charts import SCORE_COLORS

SIZE = (13.34, 7.5)  # inches: 16:9
DPI = 144  # 1920 x 1080 pixels


def _slide(title: str, subtitle: str) -> Figure:
    fig = Figure(figsize=SIZE, dpi=DPI)
    fig.text(0.03, 0.955, title, fontsize=22, fontweight="bold", va="top", color=picture.TEXT_COLOR)
    fig.text(0.03, 0.885, subtitle, fontsize=12, va="top", color=picture.AXIS_COLOR)
    return fig


PICTURE_PX = round(0.84 * SIZE[1] * DPI)  # the radar's height on the slide, in pixels


def _picture(png: bytes) -> Any:
    """The radar PNG as matplotlib reads it (RGBA floats).  One more than twice the slide's pixels
    is first reduced by a whole factor (box filter): at ten thousand blips the 4096-pixel picture
    as floats, resampled, took 800 MB for a picture 900 pixels high."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        factor = min(image.size) // (2 * PICTURE_PX)
        if factor < 2:
            return mpimg.imread(io.BytesIO(png), format="png")
        return np.asarray(image.convert("RGBA").reduce(factor), dtype=np.float32) / 255


def radar_slide(data: PackInput) -> bytes:
    """The picture on the left, the counts and the key to the marks on the right."""
    r = data.quarter
    t = translator(r.radar.language)
    fig = _slide(r.radar.title, t("pack_title", edition=r.end))
    ax = fig.add_axes((0.02, 0.02, 0.56, 0.84))
    ax.imshow(_picture(data.radar_png), interpolation="lanczos")
    ax.set_axis_off()
    y = 0.8
    for part in counts_line(r).split(" · "):
        fig.text(0.62, y, part, fontsize=15, va="top", color=picture.TEXT_COLOR)
        y -= 0.055
    y -= 0.04
    fig.text(0.62, y, t("key_heading"), fontsize=14, fontweight="bold", va="top", color=picture.TEXT_COLOR)
    for status in ("new", "moved-in", "moved-out", "unchanged"):
        y -= 0.05
        fig.text(0.63, y, t("key_" + status), fontsize=12, va="top", color=picture.TEXT_COLOR)
    return picture.chart_bytes(fig, "png", DPI)


def summary_slide(data: PackInput) -> bytes:
    """Counts, the main moves, the capability grid with this and last quarter's score, gaps and leaflets."""
    r = data.quarter
    t = translator(r.radar.language)
    fig = _slide(f"{t('pack_summary')} — {t('pack_title', edition=r.end)}", counts_line(r))
    y = 0.8
    fig.text(0.03, y, t("moves_table"), fontsize=14, fontweight="bold", va="top")
    for s in r.moved[:10]:
        y -= 0.045
        line = f"{s.blip.title}: {ring_name(r, s.previous_ring)} → {ring_name(r, s.ring)} ({status_text(t, s)})"
        fig.text(0.035, y, line if len(line) <= 56 else line[:55] + "…", fontsize=11, va="top")
    if len(r.moved) > 10:
        y -= 0.045
        fig.text(0.035, y, t("pack_moves_more", count=len(r.moved) - 10), fontsize=11, va="top")
    index = data.index
    if index is None:
        return picture.chart_bytes(fig, "png", DPI)
    before = {m.cell.id: m for m in r.scores}
    grid = index.grid()
    ax = fig.add_axes((0.6, 0.2, 0.38, 0.6))
    columns = index.model.columns
    for i, (_row, infos) in enumerate(grid):
        for j, info in enumerate(infos):
            move = before[info.cell.id]
            status = move.after.status if move.after else None
            ax.add_patch(Rectangle((j, i), 1, 1, facecolor=SCORE_COLORS[status], edgecolor="#ffffff", linewidth=3))
            now = t("score_short_" + (status or "none"))
            was = t("score_short_" + (move.before.status if move.before else "none"))
            ax.text(j + 0.5, i + 0.35, now, ha="center", va="center", fontsize=12, fontweight="bold")
            ax.text(j + 0.5, i + 0.6, f"{r.start or '—'}: {was}", ha="center", va="center", fontsize=9)
            mark = t("change_" + move.direction) + ("  ⚠ " + t("gap") if info.gap else "")
            ax.text(j + 0.5, i + 0.8, mark, ha="center", va="center", fontsize=9)
    ax.set_xlim(0, len(columns))
    ax.set_ylim(len(grid), 0)
    ax.set_xticks([j + 0.5 for j in range(len(columns))], [c.name for c in columns], fontsize=11)
    ax.set_yticks([i + 0.5 for i in range(len(grid))], [row.name for row, _ in grid], fontsize=11)
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    gaps = "; ".join(f"{c.column.name} × {c.row.name}" for c in index.gaps) or t("pack_gaps_none")
    fig.text(0.48, 0.14, f"{t('pack_gaps')}: {gaps}", fontsize=12, fontweight="bold", va="top")
    names = ", ".join(s.blip.title for s in index.leaflet_gaps[:8]) + (" …" if len(index.leaflet_gaps) > 8 else "")
    leaflets = f"{t('pack_leaflets')} ({len(index.leaflet_gaps)}): {names}" if names else t("pack_leaflets_none")
    fig.text(0.48, 0.08, leaflets, fontsize=11, va="top", wrap=True)
    return picture.chart_bytes(fig, "png", DPI)
