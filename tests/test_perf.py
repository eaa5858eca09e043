"""What keeps the build fast at every size (issue 14): the shortcuts give the same answers as the slow way."""

from __future__ import annotations

import posixpath

from hypothesis import assume, given
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
