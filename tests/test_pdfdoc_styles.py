"""outputs/pdfdoc.py sets the font and colour only when they change (and the text colour as the fill colour,
so fpdf2 sets a line as it is): the PDF is the same, byte for byte, as when both are set for every line, and
every line on every page is painted in its colour (across page breaks, the running head, shaded table rows
and the footers set last)."""

from __future__ import annotations

from generator.outputs import pdfdoc
from generator.outputs.pdfdoc import MUTED, Document


class _EveryLine(Document):
    """Sets font and colour before every line, as `put` did before it remembered them."""

    def put(self, x, y, text, size, bold=False, color=pdfdoc.TEXT):
        self._style = ()
        super().put(x, y, text, size, bold, color)


def _document(kind: type[Document]) -> bytes:
    doc = kind("Titel", "Radar", "2026-Q1", "pagina {page} van {total}", "nl")
    doc.new_page()
    doc.heading("Samenvatting — 2026-Q1", 0)
    for n in range(140):  # more than a page: the running head sets its own font and colour in between
        color = MUTED if n % 7 == 0 else pdfdoc.TEXT
        doc.para(f"Regel {n}: pijl → en ⚠ teken", 8 + n % 3, bold=n % 5 == 0, color=color)
        doc.line(f"Korte regel {n}", 8)
    doc.table(["Technologie", "Van", "Naar"], [[f"blip {n}", "Adopt", "Trial"] for n in range(60)], [2, 1, 1])
    return doc.output()


def test_the_pack_text_is_the_same_whether_the_style_is_set_once_or_for_every_line():
    assert _document(Document) == _document(_EveryLine)


def _fill_at_each_text(page) -> list[tuple[float, ...]]:
    """The fill colour (what text is painted in) at each text shown on a page, following q/Q."""
    from pypdf.generic import ContentStream

    stack, fill, found = [], (0.0, 0.0, 0.0), []
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            stack.append(fill)
        elif operator == b"Q":
            fill = stack.pop()
        elif operator == b"rg":
            fill = tuple(round(float(v), 3) for v in operands)
        elif operator == b"g":
            fill = (round(float(operands[0]), 3),) * 3
        elif operator in (b"Tj", b"TJ"):
            found.append(fill)
    return found


def test_every_line_is_painted_in_its_colour_on_every_page_footers_included():
    """Footers are set on pages already written (their total is known only then): each page's content has
    its own colour state, which fpdf2 does not track, so a footer must bring its colour along."""
    import io

    from pypdf import PdfReader

    def rgb(color):
        return tuple(round(c / 255, 3) for c in color)

    reader = PdfReader(io.BytesIO(_document(Document)))
    assert len(reader.pages) >= 3
    for page in reader.pages:
        fills = _fill_at_each_text(page)
        assert fills[-1] == rgb(MUTED)  # the footer, set last
        assert fills[:2] == [rgb(MUTED)] * 2  # the running head
        assert set(fills) <= {rgb(MUTED), rgb(pdfdoc.TEXT)}
        assert rgb(pdfdoc.TEXT) in fills  # the text itself


def test_every_footer_is_set_in_its_own_font_and_size():
    """A footer goes at the end of a finished page's content, after whatever font that page set last:
    it must name its own (it came out at the size of the page's last line, 6.5 pt beside the radar)."""
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(_document(Document)))
    for number, page in enumerate(reader.pages, start=1):
        shown: list[tuple[str, str, float]] = []

        def seen(text, cm, tm, font, size, shown=shown):
            if text.strip():
                shown.append((text, str(font.get("/BaseFont")), size))

        page.extract_text(visitor_text=seen)
        text, font, size = shown[-1]
        assert text.startswith(f"pagina {number} van") and "Bold" not in font and size == 8, (number, shown[-1])
