"""review.pdf as the leadership pack: A4, running head and page numbers, the five parts, text in reading order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader

from generator.content.load import load
from generator.content.theme import Theme
from generator.outputs.pack import pack_pdf
from generator.render import pack_files
from generator.render.site import Site

A4 = (595.28, 841.89)  # points


@pytest.fixture(scope="module")
def pack(sample_site: Path) -> PdfReader:
    return PdfReader(sample_site / "review.pdf")


def _texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def test_every_page_is_a4_with_title_edition_and_number(pack: PdfReader):
    texts = _texts(pack)
    assert len(texts) >= 5
    for number, (page, text) in enumerate(zip(pack.pages, texts, strict=True), start=1):
        assert abs(float(page.mediabox.width) - A4[0]) < 1 and abs(float(page.mediabox.height) - A4[1]) < 1
        lines = text.splitlines()
        assert lines[0].startswith("Technologieradar Politie") and "Kwartaalreview editie 2026-Q4" in lines[0], number
        assert lines[-1] == f"Pagina {number} van {len(texts)}"


def test_summary_page_answers_the_board(pack: PdfReader):
    """What moved and why, the grid with this and last quarter's score, the gaps, the algorithms without a leaflet."""
    text = _texts(pack)[0]
    flat = " ".join(text.split())
    assert "Samenvatting — Kwartaalreview editie 2026-Q4" in flat
    assert "Spraakherkenning voor het proces-verbaal: Beproeven → Adopteren (naar binnen) — De pilot bespaarde" in flat
    assert "Datalake en lakehouse: Verkennen → Beproeven (naar binnen, terug op de radar)" in flat
    assert "Nieuw op de radar: Spraakvertaling op straat" in flat
    # the technology x future cell went from work in progress to picked up
    assert "POLITIE ALS TECHNOLOGIE-BEWUSTE ORGANISATIE" in flat
    cell = flat.split("POLITIE ALS TECHNOLOGIE-BEWUSTE ORGANISATIE", 1)[1]
    assert cell.index("Nu: Voldoende opgepakt") < cell.index("2026-Q3: Werk in uitvoering") < cell.index("↑ beter")
    assert "Gaten: Organisatie × Weerbaarheid" in flat
    assert "Algoritmen op de radar zonder bijsluiter (2): Deepfake-detectie, OSINT-tooling" in flat
    # reading order: summary, moves, the model
    assert flat.index("Samenvatting") < flat.index("Verschuivingen per kwadrant") < flat.index("Politie Digital Capa")


def test_radar_page_has_the_legend_beside_the_picture_and_the_key(pack: PdfReader):
    page = pack.pages[1]
    text = " ".join(page.extract_text().split())
    assert "De radar — Editie 2026-Q4" in text and "Tekens in het radarbeeld" in text
    assert "1. Automatische kentekenherkenning (ANPR)" in text and "nieuw: een ring rond de stip" in text
    assert len(page.images) == 1


def test_parts_in_order_and_no_near_empty_page(pack: PdfReader):
    texts = _texts(pack)
    flat = " ".join(" ".join(texts).split())
    parts = [
        "Samenvatting",
        "De radar — Editie",
        "Verschuivingen per kwadrant Data en AI",
        "De cellen van het",
        "Scoreverloop over",
    ]
    assert [flat.index(p) for p in parts] == sorted(flat.index(p) for p in parts)
    cells = flat.split("De cellen van het capabilitymodel", 1)[1]
    assert "Criteria:" in cells and "Scoreverloop" in cells and "Trekker: CIO-office, team Innovatie" in cells
    assert "Initiatieven (" in cells and "Technologieën (" in cells
    for number, (page, text) in enumerate(zip(pack.pages, texts, strict=True), start=1):
        body = text.splitlines()[1:-1]  # without the running head and the page number
        assert len(body) > 4 or page.images, f"page {number} holds {len(body)} lines"


def test_trend_has_a_chart_and_its_table(pack: PdfReader):
    last = " ".join(_texts(pack)[-1].split())
    assert "Scoreverloop als tabel" in last
    assert re.search(r"Technologie × Toekomstgerichtheid — — — in uitvoering opgepakt", last)
    # the chart is the model page's SVG, drawn as shapes and text: its words are on the page above the table
    chart = last.split("Scoreverloop over alle edities", 1)[1].split("Scoreverloop als tabel", 1)[0]
    assert "2025-Q4" in chart and "Organisatie × Weerbaarheid" in chart and "niet in beeld" in chart
    # and it is a tagged figure named by its text alternative
    figures = [e for e in _structure(pack) if e.get("/S") == "/Figure"]
    assert any(str(e.get("/Alt", "")).startswith("Schema: de score van elke cel in elke editie") for e in figures)


def _structure(reader: PdfReader) -> list:
    """Every element of the structure tree (the tagged PDF's reading structure)."""
    found, todo = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop().get_object()
        if isinstance(node, list):
            todo.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        found.append(node)
        kids = node.get("/K")
        if kids is not None:
            todo.extend(kids if isinstance(kids, list) else [kids])
    return found


def test_pack_is_tagged_and_bookmarked(pack: PdfReader):
    root = pack.trailer["/Root"]
    assert root["/Lang"] == "nl" and "/StructTreeRoot" in root and "/MarkInfo" in root
    titles = [item.title for item in pack.outline if not isinstance(item, list)]
    assert titles[:2] == ["Samenvatting — Kwartaalreview editie 2026-Q4", "De radar — Editie 2026-Q4"]
    assert pack.metadata.title == "Technologieradar Politie — Kwartaalreview editie 2026-Q4"


def test_pack_bytes_are_the_same_when_made_again(tmp_path: Path):
    """Cold, in one process twice: no dates, no random ids (the build's own cache plays no part)."""
    radar, _ = load(ROOT)
    made = []
    for _ in range(2):
        site = Site(radar, Theme(ROOT, radar.theme), ROOT)
        made.append(pack_pdf(pack_files.pack_input(site, _white_png(), None)))
    assert made[0] == made[1]


def test_a_large_radar_picture_is_embedded_at_print_resolution():
    """The radar of a thousand blips is a 2670-pixel PNG shown 118 mm wide: the pack holds it reduced to
    at most 300 dpi for that size, not every pixel (which fpdf2 compressed again, for a larger file)."""
    import io

    radar, _ = load(ROOT)
    site = Site(radar, Theme(ROOT, radar.theme), ROOT)
    reader = PdfReader(io.BytesIO(pack_pdf(pack_files.pack_input(site, _white_png(2670), None))))
    (picture,) = reader.pages[1].images
    assert 118 / 25.4 * 250 < picture.image.width <= 118 / 25.4 * 300


def _white_png(side: int = 4) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (side, side), "white").save(out, format="PNG")
    return out.getvalue()
