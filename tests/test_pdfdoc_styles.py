"""outputs/pdfdoc.py sets the font and colour only when they change: the PDF is the same, byte for byte,
as when both are set for every line (across page breaks, the running head's own font, and the footers)."""

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
