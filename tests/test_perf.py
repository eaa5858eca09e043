"""What keeps the build fast at every size (issue 14): the shortcuts give the same answers as the slow way."""

from __future__ import annotations

import posixpath

from hypothesis import assume, given, settings
from hypothesis import strategies as st

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
    """The placement before segments were placed one by one: one grid for the whole radar."""
    import random

    from generator.domain import layout

    grid, spots = layout._Grid(), {}
    for item in sorted(items, key=lambda i: (i.priority, i.id)):
        rng = random.Random(layout._seed(item.id))
        for _ in range(layout.TRIES):
            spot = layout._candidate(rng, geometry, item.quadrant, item.ring)
            if spot is not None and grid.free(*spot):
                grid.add(*spot)
                spots[item.id] = (round(spot[0], 4), round(spot[1], 4))
                break
        else:
            return spots, item
    return spots, None


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
