"""An A4 document for text: headings, wrapped paragraphs and tables that flow over pages, set with fpdf2.

fpdf2 writes real text (extractable, in the order it is set) with an embedded
subset of DejaVu Sans (`fonts`), so Dutch and the arrows print; a chart is the
site's own SVG, drawn by fpdf2 as vector paths and text in the same font.
Its own line breaking measures a line again for every character it adds,
which costs seconds at a thousand rows; here every word is measured once from
the font's width table and lines are set with `FPDF.text`, so a thousand-blip
pack sets in well under a second.  The creation date is fixed and the file id
follows from the content: the same content gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
import math
import re
from collections.abc import Callable, Sequence
from typing import Any

from fpdf import FPDF

from . import fonts

FONT = fonts.FAMILY.lower()  # the family a chart's SVG names, so fpdf2 sets its text in the same font
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)  # fixed: rebuilds are byte-identical
MM_PER_PT = 25.4 / 72
LEADING = 1.3  # line height as a multiple of the font size
PRINT_DPI = 300  # a raster picture is embedded at most at this resolution for its size on the page
TEXT = (29, 35, 41)
MUTED = (80, 90, 100)
RULE = (95, 107, 118)


class _Pages(FPDF):
    """FPDF with the running head (title, edition) and foot (page x of y) on every page."""

    head_left = ""
    head_right = ""

    def header(self) -> None:
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.text(self.l_margin, 10, self.head_left)
        self.text(self.w - self.r_margin - self.get_string_width(self.head_right), 10, self.head_right)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, 12, self.w - self.r_margin, 12)


class Document:
    """A flowing column of text on A4 pages: `y` is where the next line goes (mm from the top)."""

    top, bottom, left, right = 18.0, 16.0, 15.0, 15.0

    def __init__(self, title: str, head_left: str, head_right: str, foot: str, language: str) -> None:
        pdf = _Pages(orientation="portrait", unit="mm", format="A4")
        pdf.set_creation_date(EPOCH)
        pdf.set_title(title)
        pdf.set_lang(language)
        pdf.set_creator("radar")
        pdf.set_producer("radar")
        pdf.set_margins(self.left, self.top, self.right)
        pdf.set_auto_page_break(False)
        pdf.add_font(FONT, "", str(fonts.path()))
        pdf.add_font(FONT, "B", str(fonts.path(bold=True)))
        pdf.head_left, pdf.head_right = head_left, head_right
        self.foot = foot  # with {page} and {total}: set on every page once the last is known
        self.dry = False  # measuring: nothing is drawn and no page is started
        self.pdf = pdf
        self._style: tuple = ()  # the font style, size and text colour last set through `put`
        self._fill = True  # text colour set as the fill colour too (see `put`)
        self.y = self.top
        self._widths: dict[tuple[str, str], float] = {}
        self.width = pdf.w - self.left - self.right

    # --- pages ---------------------------------------------------------------------------------

    @property
    def limit(self) -> float:
        return self.pdf.h - self.bottom

    def new_page(self) -> None:
        self.pdf.add_page()
        self._style = ()  # the running head sets its own (fpdf2 restores ours after it; not relied on)
        self.y = self.top

    def room(self) -> float:
        return self.limit - self.y

    def need(self, height: float) -> bool:
        """A new page when `height` does not fit below `y`; True when one was started."""
        if self.dry:
            return False
        if self.pdf.page == 0 or self.y + height > self.limit:
            self.new_page()
            return True
        return False

    def keep(self, block: Callable[[], None]) -> None:
        """Set `block` on the next page when it would fit on a page but not in what is left of this one."""
        start, self.dry = self.y, True
        try:
            block()
        finally:
            height, self.y, self.dry = self.y - start, start, False
        if height <= self.limit - self.top and height > self.room():
            self.new_page()
        block()

    def output(self) -> bytes:
        total = self.pdf.page
        # The footers go on pages already set, whose content has its own colour state: fpdf2 knows only its
        # own, so each footer carries its colour (fpdf2 wraps a line whose colour is not the fill colour).
        self._fill, self._style = False, ()
        self.pdf.set_fill_color(255)
        for number in range(1, total + 1):
            self.pdf.page = number
            # fpdf2 writes a font into the content only when its own state changes, and that state is the last
            # page's: a font unlike the footer's first, so the footer's own is written on this page too.
            self.pdf.set_font(FONT, "B", 8)
            self._style = ()
            label = self.foot.format(page=number, total=total)
            self.put(self.pdf.w - self.right - self.measure(label, 8), self.pdf.h - 11, label, 8, color=MUTED)
        out = io.BytesIO()
        self.pdf.output(out)
        return out.getvalue()

    # --- measuring and wrapping ----------------------------------------------------------------

    def _word(self, word: str, style: str) -> float:
        """A word's width at 1 pt, in mm: measured once per word and style from the font's widths."""
        key = (word, style)
        found = self._widths.get(key)
        if found is None:
            cw: Any = self.pdf.fonts[FONT + style].cw  # a defaultdict: characters the font lacks count as 0
            found = float(sum(cw[ord(c)] for c in word)) * 0.001 * MM_PER_PT
            self._widths[key] = found
        return found

    def measure(self, text: str, size: float, bold: bool = False) -> float:
        style = "B" if bold else ""
        words = text.split(" ")
        return (sum(self._word(w, style) for w in words) + self._word(" ", style) * (len(words) - 1)) * size

    def wrap(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Greedy line breaks at spaces; a word longer than the line is cut where it must be."""
        style = "B" if bold else ""
        space = self._word(" ", style) * size
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split():
                w = self._word(word, style) * size
                while w > width and not line:  # a very long word: cut it
                    cut = max(1, int(len(word) * width / w))
                    lines.append(word[:cut])
                    word = word[cut:]
                    w = self._word(word, style) * size
                if line and used + space + w > width:
                    lines.append(" ".join(line))
                    line, used = [], 0.0
                used += (space if line else 0) + w
                line.append(word)
            lines.append(" ".join(line))
        return lines

    def clip(self, text: str, width: float, size: float, bold: bool = False) -> str:
        """`text` on one line: cut at a word with an ellipsis when it is too long."""
        if self.measure(text, size, bold) <= width:
            return text
        style = "B" if bold else ""
        words = text.split(" ")
        # the width of words[:n] + " …" for every n, summed in `measure`'s order (the same floats), not
        # measured again for every word dropped: the legend clips a thousand lines
        ends = [0.0]
        for word in words:
            ends.append(ends[-1] + self._word(word, style))
        tail, space = self._word("…", style), self._word(" ", style)
        n = len(words)
        while n > 1 and ((ends[n] + tail) + space * n) * size > width:
            n -= 1
        return " ".join(words[:n]) + " …"

    # --- setting text --------------------------------------------------------------------------

    def put(self, x: float, y: float, text: str, size: float, bold: bool = False, color=TEXT) -> None:
        """One line whose top is at `y`."""
        if self.dry:
            return
        style = (bold, size, color)
        if style != self._style:  # set only when it changes: a thousand-line legend asked a thousand times
            self.pdf.set_font(FONT, "B" if bold else "", size)
            self.pdf.set_text_color(*color)
            # Text is painted in the fill colour: with the two equal fpdf2 sets a line as it is, where it
            # wrapped every line in its own graphics state to change the colour (a fifth of setting it).
            if self._fill:
                self.pdf.set_fill_color(*color)
            self._style = style
        self.pdf.text(x, y + size * MM_PER_PT * 0.95, text)

    def heading(self, text: str, level: int = 0) -> None:
        """A heading (also a bookmark) that never ends a page: room for a few lines under it is kept."""
        size = (15.0, 12.0, 10.0)[level]
        lead = size * MM_PER_PT * LEADING
        space = (0.0, 3.0, 2.0)[level] if self.y > self.top else 0.0
        self.need(space + lead + 18)
        self.y += space
        if not self.dry:
            self.pdf.set_y(self.y)
            self.pdf.start_section(text, level=level, strict=False)
        for line in self.wrap(text, self.width, size, True):
            self.put(self.left, self.y, line, size, True)
            self.y += lead
        self.y += 1.0

    def para(
        self, text: str, size: float = 9.0, bold: bool = False, indent: float = 0.0, color=TEXT, after: float = 1.0
    ) -> None:
        lead = size * MM_PER_PT * LEADING
        for line in self.wrap(text, self.width - indent, size, bold):
            self.need(lead)
            self.put(self.left + indent, self.y, line, size, bold, color)
            self.y += lead
        self.y += after

    def line(self, text: str, size: float = 9.0, bold: bool = False, indent: float = 0.0) -> None:
        """One line, cut with an ellipsis when it does not fit."""
        lead = size * MM_PER_PT * LEADING
        self.need(lead)
        self.put(self.left + indent, self.y, self.clip(text, self.width - indent, size, bold), size, bold)
        self.y += lead

    def table(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        size: float = 8.0,
        bold_first: bool = True,
    ) -> None:
        """Rows that wrap in their cells; a row never splits, the header repeats on every page."""
        lead = size * MM_PER_PT * LEADING
        scale = self.width / sum(widths)
        cols = [w * scale for w in widths]
        pad = 1.2

        def row_lines(cells: Sequence[str], bold: Sequence[bool]) -> list[list[str]]:
            return [self.wrap(c, w - 2 * pad, size, b) for c, w, b in zip(cells, cols, bold, strict=True)]

        head = row_lines(header, [True] * len(header))
        head_h = max(len(c) for c in head) * lead + 1.5

        def draw(lines: list[list[str]], bold: Sequence[bool], shade: bool) -> None:
            height = max(len(c) for c in lines) * lead + 1.5
            if shade and not self.dry:
                self.pdf.set_fill_color(236, 239, 242)
                self.pdf.rect(self.left, self.y, self.width, height, style="F")
                self._style = ()  # the next line sets its colour again
            x = self.left
            for cell, w, b in zip(lines, cols, bold, strict=True):
                for i, text in enumerate(cell):
                    self.put(x + pad, self.y + 0.75 + i * lead, text, size, b)
                x += w
            self.y += height
            if not self.dry:
                self.pdf.set_draw_color(*RULE)
                self.pdf.set_line_width(0.1)
                self.pdf.line(self.left, self.y, self.left + self.width, self.y)

        first_bold = [bold_first] + [False] * (len(header) - 1)
        self.need(head_h + lead * 2)
        draw(head, [True] * len(header), True)
        for row in rows:
            lines = row_lines(row, first_bold)
            height = max(len(c) for c in lines) * lead + 1.5
            if self.need(height):
                draw(head, [True] * len(header), True)
            draw(lines, first_bold, False)
        self.y += 2.0

    def image(self, data: Any, width: float, height: float | None, alt: str, x: float | None = None) -> None:
        """A picture (PNG or SVG bytes, or a Pillow image) as a tagged figure with its text alternative; no
        height: keep its shape."""
        if height is None:
            w, h = _size(data)
            height = width * h / w
            if height > self.limit - self.top:
                width, height = width * (self.limit - self.top) / height, self.limit - self.top
        self.need(height)
        if not self.dry:
            self.pdf.image(
                _picture(data, width), x=self.left if x is None else x, y=self.y, w=width, h=height, alt_text=alt
            )
            self._style = ()  # a chart sets colours and fonts of its own
        self.y += height + 2.0


def _picture(data: Any, width: float) -> Any:
    """What fpdf2 embeds: an SVG without its own title and description (for a browser; here the figure's
    `alt` names it, and fpdf2 would log every element it does not draw); a raster picture reduced by a
    whole factor to at most print resolution for the width it is shown at (the radar of a thousand blips
    is 2670 pixels wide for a 12 cm figure: fpdf2 compressed four times the pixels a printer uses)."""
    if not isinstance(data, bytes):  # a Pillow image
        image = data
    elif _is_svg(data):
        return io.BytesIO(re.sub(rb"<(title|desc)\b[^>]*>.*?</\1>\s*", b"", data, flags=re.S))
    else:
        from PIL import Image

        image = Image.open(io.BytesIO(data))
    factor = math.ceil(image.width / (width / 25.4 * PRINT_DPI))
    if factor >= 2:
        image = image.reduce(factor)  # a box filter by a whole factor: cheap, and right for downsampling
    elif image is not data:
        return io.BytesIO(data)
    # the drawn radar is RGBX (Agg's opaque alpha as padding), which fpdf2 would take for RGBA and search
    # for transparency: RGB, converted once it is reduced (a quarter of the pixels)
    return image.convert("RGB") if image.mode == "RGBX" else image


def _is_svg(data: bytes) -> bool:
    return data.lstrip()[:5] in (b"<?xml", b"<svg ")


def _size(data: Any) -> tuple[float, float]:
    """A picture's width and height: an SVG chart's from its root element, a PNG's from Pillow."""
    if not isinstance(data, bytes):  # a Pillow image
        return data.size
    found = _is_svg(data) and re.search(rb'<svg[^>]* width="([\d.]+)" height="([\d.]+)"', data[:600])
    if found:
        return float(found[1]), float(found[2])
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image.size
