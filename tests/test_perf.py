"""What keeps the build fast at every size (issue 14): the shortcuts give the same answers as the slow way."""

from __future__ import annotations

import posixpath
from pathlib import Path

import watched_build
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from inprocess import radar
from watched_build import imported

from generator import urls

SEGMENT = st.sampled_from(["a", "b", "blips", "editions", "2026-Q1", "x.html", ".", "..", ""])
PATH = st.lists(SEGMENT, min_size=1, max_size=4).map("/".join)


@given(PATH, PATH, st.sampled_from(["", "#top"]))
def test_relative_link_is_what_posixpath_gives(target: str, page: str, fragment: str) -> None:
    """urls.relative does the common case without posixpath; it must agree with posixpath for any path."""
    assume(page.rpartition("/")[2] and not page.startswith("/"))  # a page is a file path from the site root
    assume(target)  # a bare "#fragment" is returned as it is
    expected = posixpath.relpath(target, posixpath.dirname(page) or ".")
    assert urls.relative(target + fragment, page) == expected + fragment


def test_relative_links_of_site_pages() -> None:
    assert urls.relative("index.html", "index.html") == "index.html"
    assert urls.relative("blips/b.html", "blips/a.html") == "b.html"
    assert urls.relative("index.html", "editions/2026-Q1/moves.html") == "../../index.html"
    assert urls.relative("editions/2026-Q2/index.html", "editions/2026-Q1/moves.html") == "../2026-Q2/index.html"
    assert urls.relative("#main", "blips/a.html") == "#main"
    assert urls.relative("tags/x.html#top", "blips/a.html") == "../tags/x.html#top"


def test_radar_png_of_a_huge_radar_is_capped_in_size():
    """A radar grown for ten thousand blips still gives a PNG a slide can hold; the PDF stays vector."""
    import struct

    from generator.domain.layout import Geometry
    from generator.outputs import picture

    names = (("A", "#1b5e8c"), ("B", "#8a3b12"), ("C", "#2d6a2d"), ("D", "#5b3a8a"))
    frame = picture.Frame(Geometry((60.0, 120.0, 180.0, 240.0), 4), names, tuple((n, "#eeeeee") for n, _ in names))
    png = picture.raster(frame, [], "png")
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk
    assert max(width, height) <= picture.MAX_PIXELS and max(width, height) > picture.MAX_PIXELS * 0.9


def _place_all_at_once(items, geometry):
    """The placement before segments were placed one by one: one grid for the whole radar, every
    item in priority order (the segment placer run over all of them at once)."""
    from generator.domain import layout

    return layout._place_segment(tuple(sorted(items, key=lambda i: (i.priority, i.id))), geometry)


@settings(max_examples=40, deadline=None)
@given(st.integers(2, 8), st.integers(2, 6), st.lists(st.tuples(st.integers(0, 7), st.integers(0, 5)), max_size=150))
def test_segments_placed_one_by_one_land_where_one_grid_puts_them(quadrants, rings, where):
    """Layout places each (quadrant, ring) segment on its own (and reuses unchanged ones); the spots and
    the ring growth are exactly those of one grid over the whole radar."""
    from generator.domain import layout

    items = [layout.Item(f"b{i}", q % quadrants, r % rings, (f"2026-Q{1 + i % 4}",)) for i, (q, r) in enumerate(where)]
    segmented = layout.layout(items, quadrants, rings)
    real = layout._place
    try:
        layout._place = _place_all_at_once
        whole = layout.layout(items, quadrants, rings)
    finally:
        layout._place = real
    assert segmented == whole


# --- the render cache keeps what a second build would make again (issue 14) ------------------------


def test_a_cold_build_imports_matplotlib_only_for_the_radar_picture(cold_sample_builds):
    """The charts are written as SVG, the review PDF and the slides are set with fpdf2 and Pillow: in a cold
    build of the sample (charts, review.pdf, slides), only the radar picture's module imports matplotlib, and
    only the radar's files use that module.  (Every import statement that runs is seen, also of
    a module another one loaded first: cold_sample_builds' second build, b/, draws everything in its own
    process and watches its imports, tests/watched_build.py.)"""
    report = watched_build.report(cold_sample_builds / "b.json")
    assert report["status"] == 0 and report["workers"] == 0
    pairs = [tuple(pair) for pair in report["imports"]]
    importers = {name: {who for who, what in pairs if what == name} for name in ("matplotlib", "picture")}
    assert importers["matplotlib"] == {"generator.outputs.picture"}
    # radar.png and radar.pdf; the pages' SVG picture may use it too (its frame), nothing else does
    assert "generator.outputs.radar_files" in importers["picture"]
    assert importers["picture"] <= {"generator.outputs.radar_files", "generator.outputs.radar_svg"}
    for drawn in ("review.pdf", "slides/radar.png", "editions/counts-chart.svg", "capabilities/score-trend.svg"):
        assert (cold_sample_builds / "b" / drawn).is_file(), drawn


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_second_build_draws_nothing_and_gives_the_same_bytes(radar_dir, tmp_path):
    """A warm build takes pictures, charts, the review PDF, radar.json, the search index, the exports, the
    rendered bodies and the compiled templates from the render cache: it imports neither matplotlib, fpdf2
    nor markdown-it, and its site is byte for byte the cold build's.  Neither build, nor `radar check`,
    loads what only `radar import` needs (json5, anyascii): the exports every build writes, of a title
    that is not ASCII too, do without them (0.02 s of each build)."""
    radar_dir.blip("one", title="Één ding", body="Some **bold** text and a [link](two.md).")
    radar_dir.blip(
        "two",
        ring="adopt",
        extra="history:\n  - {edition: 2026-Q1, ring: assess}\n  - {edition: 2026-Q2, ring: adopt}\n",
    )
    cache = tmp_path / "cache"
    cold, warm = tmp_path / "cold", tmp_path / "warm"
    first, import_only, _ = imported("build", "--source", str(radar_dir.root), "--out", str(cold), cache=cache)
    assert first.startswith("0 ['markdown_it'"), first  # matplotlib and fpdf2 maybe only in a drawing worker
    assert import_only == "[]"
    assert (cold / "exports/zalando.json").is_file() and (cold / "exports/byor.csv").is_file()
    assert imported("build", "--source", str(radar_dir.root), "--out", str(warm), cache=cache)[:2] == ("0 []", "[]")
    assert _files(cold) == _files(warm)
    # `radar check` after a build finds the bodies' links in the build's memo: it parses no Markdown
    assert imported("check", "--source", str(radar_dir.root), cache=cache)[:2] == ("0 []", "[]")


def test_a_changed_radar_is_made_again_despite_the_cache(radar_dir, tmp_path, monkeypatch):
    """Kept outputs and rendered bodies are keyed on the content: an edit shows, the old bytes are not served."""
    monkeypatch.setenv("RADAR_CACHE_DIR", str(tmp_path / "cache"))
    radar_dir.blip("one", title="First title", body="First *version*.")
    out = tmp_path / "out"
    assert radar("build", "--source", str(radar_dir.root), "--out", str(out)).returncode == 0
    assert "First <em>version</em>." in (out / "blips/one.html").read_text(encoding="utf-8")
    radar_dir.blip("one", title="Second title", body="Second **version**.")
    assert radar("build", "--source", str(radar_dir.root), "--out", str(out)).returncode == 0
    page = (out / "blips/one.html").read_text(encoding="utf-8")
    assert "Second <strong>version</strong>." in page and "First" not in page
    for kept in ("radar.json", "radar.svg", "static/search-index.js", "exports/byor.csv"):
        text = (out / kept).read_text(encoding="utf-8")
        assert "Second title" in text and "First title" not in text, kept
    cold = tmp_path / "cold"
    monkeypatch.setenv("RADAR_CACHE_DIR", str(tmp_path / "empty"))
    assert radar("build", "--source", str(radar_dir.root), "--out", str(cold)).returncode == 0
    assert _files(cold) == _files(out)


def test_a_kept_output_is_made_once_and_then_read(radar_dir, tmp_path, monkeypatch):
    """Site.kept: the maker runs on a cold cache only; a forged entry is made again, not served."""
    from generator.content.load import load
    from generator.render.parts import site_files

    monkeypatch.setenv("RADAR_CACHE_DIR", str(tmp_path / "cache"))
    radar_dir.blip("one")
    loaded, _ = load(radar_dir.root)
    assert loaded is not None
    site = site_files(loaded, radar_dir.root).site
    calls = []

    def make() -> bytes:
        calls.append(1)
        return b"made"

    assert site.kept("x/y.txt", make) == b"made" and site.kept("x/y.txt", make) == b"made"
    assert len(calls) == 1
    assert site.cache is not None
    (entry,) = [p for p in site.cache.iterdir() if p.name.endswith("x-y.txt")]
    entry.write_bytes(entry.read_bytes().replace(b"made", b"evil"))
    assert site.kept("x/y.txt", make) == b"made" and len(calls) == 2


def test_pictures_drawn_by_a_worker_are_the_same_bytes(cold_sample_builds):
    """A cold build draws the pictures and PDFs in a forked worker while it renders the pages: the site is
    byte for byte the one a build without workers makes.  (In fresh processes: a process with other
    threads, as a test runner may be, never forks a worker.  cold_sample_builds' a/ is the sample built
    with the build's own drawing workers, b/ a copy of it built alone; tests/watched_build.py counts them.)"""
    workers = {name: watched_build.report(cold_sample_builds / f"{name}.json") for name in ("a", "b")}
    assert {name: (r["status"], r["workers"]) for name, r in workers.items()} == {"a": (0, 1), "b": (0, 0)}
    sites = {name: _files(cold_sample_builds / name) for name in ("a", "b")}
    assert sites["a"] == sites["b"]
    assert {"radar.png", "radar.pdf", "review.pdf", "slides/radar.png"} <= sites["a"].keys()
