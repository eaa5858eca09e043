"""Statuses per edition on hand-made histories, the review built on them, and the archive of the sample site."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.load import load
from generator.content.model import Blip, HistoryEntry, Radar, Segment
from generator.domain import comparison
from generator.domain.editions import snapshot
from generator.domain.review import review
from generator.urls import relative

RINGS = ("adopt", "trial", "assess", "hold")  # inner to outer


def _radar(edition: str, **histories: list[tuple[str, str | None, str]]) -> Radar:
    """A radar whose blips have exactly the given histories: (edition, ring or None to retire, note)."""
    radar = Radar(
        title="T",
        language="en",
        edition=edition,
        description="",
        theme="default",
        quadrants=(Segment("data", "Data", "", 0, "#1b5e8c"), Segment("tools", "Tools", "", 1, "#7a3e00")),
        rings=tuple(Segment(r, r.title(), "", i, "#eeeeee") for i, r in enumerate(RINGS)),
    )
    for ident, history in histories.items():
        entries = tuple(HistoryEntry(e, ring, note) for e, ring, note in history)
        last_ring = [h.ring for h in entries if h.ring][-1]
        radar.blips[ident] = Blip(ident, ident.title(), "data", last_ring, f"blips/{ident}.md", history=entries)
    return radar


def _status(radar: Radar, edition: str) -> dict[str, tuple]:
    return {s.blip.id: (s.status, s.ring, s.previous_ring, s.note, s.returned) for s in snapshot(radar, edition)}


def test_first_appearance_is_new_and_absent_before():
    radar = _radar("2026-Q2", fresh=[("2026-Q2", "assess", "First look.")], older=[("2026-Q1", "trial", "")])
    assert _status(radar, "2026-Q2")["fresh"] == ("new", "assess", None, "First look.", False)
    assert "fresh" not in _status(radar, "2026-Q1")


def test_moved_in_moved_out_and_unchanged_compare_with_the_previous_appearance():
    radar = _radar(
        "2026-Q2",
        inward=[("2026-Q1", "assess", ""), ("2026-Q2", "trial", "Pilot started.")],
        outward=[("2026-Q1", "trial", ""), ("2026-Q2", "hold", "Stopped.")],
        steady=[("2026-Q1", "trial", "")],
        noted=[("2026-Q1", "trial", ""), ("2026-Q2", "trial", "Still in trial, wider pilot.")],
    )
    q2 = _status(radar, "2026-Q2")
    assert q2["inward"] == ("moved-in", "trial", "assess", "Pilot started.", False)
    assert q2["outward"] == ("moved-out", "hold", "trial", "Stopped.", False)
    assert q2["steady"] == ("unchanged", "trial", "trial", "", False)
    assert q2["noted"] == ("unchanged", "trial", "trial", "Still in trial, wider pilot.", False)


def test_retired_in_its_edition_then_gone_and_back_after_retirement():
    radar = _radar(
        "2026-Q3",
        back=[("2025-Q4", "assess", ""), ("2026-Q1", None, "Dropped."), ("2026-Q3", "trial", "Back.")],
        gone=[("2025-Q4", "trial", ""), ("2026-Q2", None, "No use case.")],
    )
    assert _status(radar, "2026-Q1")["back"] == ("retired", None, "assess", "Dropped.", False)
    assert "back" not in _status(radar, "2026-Q2")  # retired: off the radar until it returns
    assert _status(radar, "2026-Q3")["back"] == ("moved-in", "trial", "assess", "Back.", True)
    assert _status(radar, "2026-Q2")["gone"] == ("retired", None, "trial", "No use case.", False)
    assert "gone" not in _status(radar, "2026-Q3")


def test_return_in_the_same_ring_is_unchanged_but_returned():
    radar = _radar("2026-Q2", back=[("2025-Q4", "trial", ""), ("2026-Q1", None, "x"), ("2026-Q2", "trial", "y")])
    assert _status(radar, "2026-Q2")["back"] == ("unchanged", "trial", "trial", "y", True)


def test_several_moves_in_one_life():
    radar = _radar(
        "2026-Q3",
        wanderer=[
            ("2025-Q3", "hold", "a"),
            ("2025-Q4", "assess", "b"),
            ("2026-Q1", "trial", "c"),
            ("2026-Q2", "assess", "d"),
        ],
    )
    seen = [(e, _status(radar, e)["wanderer"][:3]) for e in radar.editions]
    assert seen == [
        ("2025-Q3", ("new", "hold", None)),
        ("2025-Q4", ("moved-in", "assess", "hold")),
        ("2026-Q1", ("moved-in", "trial", "assess")),
        ("2026-Q2", ("moved-out", "assess", "trial")),
        ("2026-Q3", ("unchanged", "assess", "assess")),  # no entry this edition: holds from Q2 on
    ]


def test_review_counts_groups_and_matrix():
    radar = _radar(
        "2026-Q2",
        fresh=[("2026-Q2", "assess", "n")],
        inward=[("2026-Q1", "assess", ""), ("2026-Q2", "trial", "i")],
        outward=[("2026-Q1", "trial", ""), ("2026-Q2", "hold", "o")],
        steady=[("2026-Q1", "trial", "")],
        gone=[("2026-Q1", "adopt", ""), ("2026-Q2", None, "r")],
    )
    rv = review(radar)
    assert rv.previous == "2026-Q1"
    assert rv.counts == {"new": 1, "moved-in": 1, "moved-out": 1, "unchanged": 1, "retired": 1}
    assert [(q.id, [s.blip.id for s in members]) for q, members in rv.moves] == [("data", ["inward", "outward"])]
    assert [s.blip.id for s in rv.new] == ["fresh"] and [s.blip.id for s in rv.retired] == ["gone"]
    # rows: new, adopt, trial, assess, hold, off the radar; columns: adopt, trial, assess, hold, retired
    assert rv.matrix == [
        [0, 0, 1, 0, 0],
        [0, 0, 0, 0, 1],
        [0, 1, 0, 1, 0],
        [0, 1, 0, 0, 0],
        [0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0],
    ]
    assert sum(map(sum, rv.matrix)) == len(radar.blips)  # every blip of the edition counted once
    assert [rv.cell_kind(3, 1), rv.cell_kind(2, 3), rv.cell_kind(2, 1), rv.cell_kind(0, 2), rv.cell_kind(1, 4)] == [
        "moved-in",
        "moved-out",
        "unchanged",
        "new",
        "retired",
    ]


def test_statuses_from_real_files(radar_dir):
    """The same rules through the loader: history written in front matter, the returned blip included."""
    radar_dir.blip(
        "lake",
        ring="trial",
        extra="history:\n  - {edition: 2025-Q4, ring: assess}\n  - {edition: 2026-Q1, retired: true, note: Dropped.}\n"
        "  - {edition: 2026-Q2, ring: trial, note: Back with a plan.}\n",
    )
    radar_dir.blip("plain", ring="hold")  # no history: new in the current edition
    radar, problems = load(radar_dir.root)
    assert not problems.errors, problems.errors
    q2 = _status(radar, "2026-Q2")
    assert q2["lake"] == ("moved-in", "trial", "assess", "Back with a plan.", True)
    assert q2["plain"] == ("new", "hold", None, "", False)


# --- the sample site's archive ---------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        for name in ("href", "src"):
            if a.get(name) and tag in ("a", "img", "link", "script"):
                self.links.append(a[name])


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def editions(sample_site: Path) -> list[str]:
    data = json.loads((sample_site / "radar.json").read_text(encoding="utf-8"))
    assert len(data["editions"]) >= 3  # the sample has several quarters; an archive of one proves little
    return data["editions"]


def _review_pages(site: Path, editions: list[str]) -> list[Path]:
    pages = [site / "moves.html", site / "editions" / "index.html"]
    for e in editions:
        pages += [site / "editions" / e / "index.html", site / "editions" / e / "moves.html"]
    return pages


def test_archive_has_every_edition_with_its_own_picture_and_moves(sample_site, editions):
    index = (sample_site / "editions" / "index.html").read_text(encoding="utf-8")
    for e in editions:
        assert f'href="{e}/index.html"' in index and f'href="{e}/moves.html"' in index
        page = (sample_site / "editions" / e / "index.html").read_text(encoding="utf-8")
        assert page.count('class="radar-svg"') == 1 and e in page
        assert (sample_site / "editions" / e / "moves-chart.svg").read_bytes().startswith(b"<?xml")
    current = re.search(r'<tr class="current">.*?</tr>', index, re.S).group(0)
    assert editions[-1] in current and "huidige editie" in current
    assert index.count('class="current"') == 1


def test_archive_pictures_show_the_radar_as_it_stood(sample_site, editions):
    """Blockchain was retired in 2026-Q4: on the radar of 2026-Q3, not on today's; the datalake the other way."""
    q3 = (sample_site / "editions" / "2026-Q3" / "index.html").read_text(encoding="utf-8")
    q4 = (sample_site / "editions" / "2026-Q4" / "index.html").read_text(encoding="utf-8")
    assert 'id="dot-blockchain-bewijsketen"' in q3 and 'id="dot-blockchain-bewijsketen"' not in q4
    assert 'id="dot-datalake"' not in q3 and 'id="dot-datalake"' in q4
    assert "Dit is de radar zoals die stond in editie 2026-Q3" in q3


def test_every_link_on_review_and_archive_pages_resolves(sample_site, editions):
    for page in _review_pages(sample_site, editions):
        parsed = _parse(page)
        assert parsed.links, page
        for link in parsed.links:
            assert not re.match(r"^[a-z]+:|^/", link), f"{page}: {link} is not relative"
            target, _, fragment = link.partition("#")
            resolved = (page.parent / target).resolve() if target else page
            assert resolved.is_file(), f"{page.relative_to(sample_site)}: {link} does not resolve"
            if fragment and resolved.suffix == ".html":
                assert fragment in _parse(resolved).ids, f"{page}: {link} has no target"


def test_every_page_links_to_the_moves_and_the_archive(sample_site):
    for page in sample_site.rglob("*.html"):
        rel = page.relative_to(sample_site).as_posix()
        text = page.read_text(encoding="utf-8")
        for target in ("editions/index.html", "moves.html"):
            assert f'href="{relative(target, rel)}"' in text, (rel, target)


def test_moves_page_shows_counts_moves_new_retired_chart_and_pdf(sample_site):
    html = (sample_site / "moves.html").read_text(encoding="utf-8")
    assert "Vergeleken met editie 2026-Q3" in html
    # a move with from ring, to ring and its note, under its quadrant
    row = re.search(r"<tr><th scope=\"row\"><a href=\"blips/low-code.html\">.*?</tr>", html, re.S).group(0)
    assert "Beproeven" in row and "Afwachten" in row and "naar buiten" in row and "beheerkader" in row
    assert 'href="blips/edge-computing.html"' in html.split('id="new-heading"')[1].split("</section>")[0]
    retired = html.split('id="retired-heading"')[1].split("</section>")[0]
    assert "blockchain-bewijsketen" in retired and "bewijsketen wordt geborgd" in retired
    assert "terug op de radar" in html  # the datalake is back after retirement
    assert '<img src="editions/2026-Q4/moves-chart.svg" alt="' in html
    assert 'href="review.pdf"' in html
    pdf = (sample_site / "review.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") >= 3


def test_blip_timeline_shows_moves_retirement_and_return(sample_site):
    html = (sample_site / "blips" / "datalake.html").read_text(encoding="utf-8")
    timeline = html.split('id="history-heading"')[1].split("</section>")[0]
    items = re.findall(r"<li>(.*?)</li>", timeline, re.S)
    assert len(items) == 3
    assert "2026-Q4" in items[0] and "Beproeven" in items[0] and "terug op de radar" in items[0]
    assert "naar binnen" in items[0] and "was Verkennen" in items[0] and "lakehouse" in items[0]
    assert "2026-Q2" in items[1] and "van de radar" in items[1] and "datamoeras" in items[1]
    assert "2025-Q4" in items[2] and "nieuw" in items[2]
    assert 'href="../editions/2026-Q2/index.html"' in items[1]


def test_build_is_byte_identical(cold_sample_builds: Path):
    """The charts and the review PDF carry no dates: two builds give the same bytes.

    Both sides are built cold (an empty render cache each), or a cached PDF would be compared with itself.
    """
    outs = []
    for name in ("a", "b"):
        kept = ("out-", "template-", "frame-", "markdown-", "pages-")  # whole outputs, templates, frames, bodies, pages
        cache = cold_sample_builds / f"cache-{name}"
        drawn = sorted(p.suffix for p in cache.iterdir() if not p.name.startswith(kept))
        assert drawn == [".pdf", ".pdf", ".png", ".png", ".png"]  # radar, pack; radar, 2 slides
        outs.append(cold_sample_builds / name)
    for rel in [
        "review.pdf",
        "radar.pdf",
        "radar.png",
        "moves.html",
        "editions/index.html",
        "editions/2026-Q2/moves-chart.svg",
    ]:
        assert (outs[0] / rel).read_bytes() == (outs[1] / rel).read_bytes(), rel


def test_moves_page_prints_on_a4_portrait_and_reflows_on_a_phone(page, sample_server):
    """In Chromium: print emulation gives A4 portrait pages without navigation; 320 px needs no sideways scroll."""
    page.set_viewport_size({"width": 320, "height": 640})
    for rel in ("moves.html", "editions/index.html", "editions/2026-Q2/moves.html"):
        page.goto(sample_server + rel)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, rel
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(sample_server + "moves.html")
    page.emulate_media(media="print")
    assert page.locator(".site-header nav").is_hidden() and page.locator(".downloads").is_hidden()
    assert page.locator(".moves-chart img").evaluate("img => img.complete && img.naturalWidth > 0")
    pdf = page.pdf(prefer_css_page_size=True)
    boxes = re.findall(rb"/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) >= 2 and all(abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in boxes), boxes


def test_each_pair_of_editions_is_worked_out_once_per_radar(monkeypatch):
    """The compare pages, the trends, the pack and the reviews share one list per pair; another radar, or
    the radar given other blips, is worked out afresh."""
    calls = []
    real = comparison.change
    monkeypatch.setattr(comparison, "change", lambda blip, *rest: calls.append(blip.id) or real(blip, *rest))
    histories = {"a": [("2026-Q1", "trial", ""), ("2026-Q2", "adopt", "Up.")], "b": [("2026-Q2", "hold", "")]}
    radar = _radar("2026-Q2", **histories)
    first = comparison.compare(radar, "2026-Q1", "2026-Q2").standings
    again = review(radar, "2026-Q2").standings
    assert again == first and len(calls) == 2
    other = _radar("2026-Q2", **histories)
    assert comparison.compare(other, "2026-Q1", "2026-Q2").standings == first and len(calls) == 4
    other.blips = {"a": other.blips["a"]}
    assert [s.blip.id for s in comparison.compare(other, "2026-Q1", "2026-Q2").standings] == ["a"]
