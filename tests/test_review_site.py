"""The review on the site: a page per pair of editions, score trends on the model page, counts over the archive."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT

from generator.content.load import load
from generator.domain.comparison import compare, previous_of


def _html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_a_page_per_pair_leadership_asks_for(sample_site: Path):
    radar, _ = load(ROOT)
    year = _html(sample_site, "editions/2026-Q4/vs-2025-Q4.html")
    assert "<h1>Editie 2026-Q4 vergeleken met 2025-Q4</h1>" in year and "met een jaar eerder" in year
    counts = compare(radar, "2025-Q4", "2026-Q4").counts
    assert f'<span class="status status-new">nieuw</span> <strong>{counts["new"]}</strong>' in year
    # score changes: nothing was scored a year ago, the technology x future cell is picked up now
    row = year.split("Technologie × Toekomstgerichtheid</a></th>", 1)[1].split("</tr>", 1)[0]
    assert row == "<td>Nog niet gescoord</td><td>Voldoende opgepakt</td><td>eerste score</td>"
    quarter = _html(sample_site, "editions/2026-Q4/vs-2026-Q3.html")
    row = quarter.split("Technologie × Toekomstgerichtheid</a></th>", 1)[1].split("</tr>", 1)[0]
    assert row == "<td>Werk in uitvoering</td><td>Voldoende opgepakt</td><td>↑ beter</td>"
    assert "Datalake en lakehouse</a></th><td>Verkennen</td><td>Beproeven</td>" in quarter
    moves = _html(sample_site, "moves.html")
    assert (
        'href="editions/2026-Q4/vs-2025-Q4.html">Editie 2026-Q4 vergeleken met 2025-Q4 (met een jaar eerder)' in moves
    )
    assert not (sample_site / "editions/2025-Q4/vs-2024-Q4.html").exists()  # no edition a year before the first


def test_capability_model_page_shows_every_cells_score_over_the_editions(sample_site: Path):
    page = _html(sample_site, "capabilities/index.html")
    assert '<img src="score-trend.svg" alt="Schema: de score van elke cel in elke editie' in page
    row = page.split("Organisatie × Weerbaarheid</a></th>", 1)[1].split("</tr>", 1)[0]
    assert row == "<td>—</td><td>—</td><td>—</td><td>in uitvoering</td><td>niet in beeld</td>"
    assert (sample_site / "capabilities/score-trend.svg").read_bytes().startswith(b"<?xml")


def test_archive_has_counts_per_status_and_per_ring_over_the_editions(sample_site: Path):
    page = _html(sample_site, "editions/index.html")
    assert '<img src="counts-chart.svg" alt="Grafiek van het aantal technologieën per ring en per status' in page
    row = page.split('<th scope="row">2026-Q3</th>', 1)[1].split("</tr>", 1)[0]
    assert row == "<td>10</td><td>13</td><td>7</td><td>4</td><td>34</td>"  # the 34 of 2026-Q3, per ring
    assert (sample_site / "editions/counts-chart.svg").is_file()


def test_pack_pages_and_charts_are_byte_identical_across_cold_builds(cold_sample_builds: Path):
    """Two builds (the second of a copy) with no cache between them: pages, charts and the pack give the same bytes."""
    outs = [cold_sample_builds / "a", cold_sample_builds / "b"]
    for rel in (
        "review.pdf",
        "editions/2026-Q4/vs-2025-Q4.html",
        "editions/counts-chart.svg",
        "capabilities/score-trend.svg",
        "capabilities/index.html",
        "slides/radar.png",
        "slides/summary.png",
    ):
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel


def test_slides_are_full_hd_and_show_the_radar_and_the_scores(sample_site: Path):
    """The radar slide carries the radar picture (its main colours: rings, quadrants, text), the summary
    slide the capability grid in the score colours of this edition."""
    from PIL import Image

    from generator.outputs.trend_charts import SCORE_COLORS

    radar = Image.open(sample_site / "radar.png").convert("RGB")
    slide, summary = (Image.open(sample_site / "slides" / f"{n}.png") for n in ("radar", "summary"))
    assert slide.size == summary.size == (1920, 1080)
    main = [color for _, color in sorted(radar.getcolors(1 << 22), reverse=True)[:12]]
    shown = {color for _, color in slide.crop((0, 0, 1100, 1080)).getcolors(1 << 22)}
    assert set(main) <= shown
    scores = {color for _, color in summary.getcolors(1 << 22)}
    for status in ("opgepakt", "in-uitvoering", "niet-in-beeld"):  # all three are in force in 2026-Q4
        assert Image.new("RGB", (1, 1), SCORE_COLORS[status]).getpixel((0, 0)) in scores, status


def test_each_comparison_lists_its_own_moves_and_the_quarters_match_the_moves_page(sample_site: Path):
    """The moves table is rendered once per pair of editions and folder: never another pair's."""
    radar, _ = load(ROOT)

    def moved(rel: str) -> tuple[str, list[str]]:
        section = _html(sample_site, rel).split('<section class="review-moves"', 1)[1].split("</section>", 1)[0]
        return section, re.findall(r'<th scope="row"><a href="\.\./\.\./blips/([^"]+)\.html">', section)

    def expected(start: str, end: str) -> list[str]:
        return [s.blip.id for _, members in compare(radar, start, end).moves for s in members]

    for end in ("2026-Q1", "2026-Q3", "2026-Q4"):
        start = previous_of(radar, end)
        assert start is not None
        page, ids = moved(f"editions/{end}/moves.html")
        assert moved(f"editions/{end}/vs-{start}.html") == (page, ids) and ids == expected(start, end)
    year, quarter = moved("editions/2026-Q4/vs-2025-Q4.html")[1], moved("editions/2026-Q4/vs-2026-Q3.html")[1]
    assert year == expected("2025-Q4", "2026-Q4") and quarter and year != quarter
