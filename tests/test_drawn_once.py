"""The review pack shows radar.png's pixels as drawn: handed over, or decoded once, the pack is the same."""

from __future__ import annotations

import io

from conftest import ROOT
from PIL import Image

from generator.content.load import load
from generator.content.theme import Theme
from generator.outputs import radar_files, slides
from generator.outputs.pack import pack_pdf
from generator.render import pack_files
from generator.render.site import Site


def _site() -> Site:
    radar, _ = load(ROOT)
    site = Site(radar, Theme(ROOT, radar.theme), ROOT)
    site.cache = None  # draw here, not from a render cache
    return site


def test_the_pixels_drawn_are_the_pngs_and_make_the_same_pack_and_slides_as_the_png_decoded():
    drawn = _site()
    data = pack_files.shared_input(drawn)
    image = radar_files.drawn_png_image(drawn)
    assert image is not None and data.picture() is image  # handed over, never decoded
    with Image.open(io.BytesIO(data.radar_png)) as png:
        # the drawn pixels are Agg's, shared as RGBX (its opaque alpha as padding), the PNG's their RGB
        assert (png.mode, image.mode) == ("RGB", "RGBX") and png.tobytes() == image.convert("RGB").tobytes()
    decoded = pack_files.pack_input(_site(), data.radar_png, None)  # the PNG alone, as from the cache
    assert decoded.radar_image is None
    assert pack_pdf(data) == pack_pdf(decoded)
    assert slides.radar_slide(data) == slides.radar_slide(decoded)
    assert decoded.picture() is decoded.picture()  # decoded once for the PDF and both slides


def test_the_pack_and_its_slides_share_one_input_and_key_per_site():
    site = _site()
    first = site.once(pack_files.shared_input)
    assert pack_files.pack(site) and pack_files.slide(site, "summary")
    assert site.once(pack_files.shared_input) is first
    assert first.key() == pack_files.pack_input(site, first.radar_png, None).key()


def test_a_clipped_line_is_cut_where_measuring_every_shorter_line_would_cut_it():
    from generator.outputs.pdfdoc import Document

    doc = Document("t", "l", "r", "{page}/{total}", "nl")
    words = "Kubernetes operator voor PostgreSQL met logische replicatie → Azië (retired)".split(" ")
    for width in range(5, 140, 3):
        for size in (6.5, 8.0):
            text = " ".join(words)
            clipped = doc.clip(text, width, size)
            if doc.measure(text, size) <= width:
                assert clipped == text
                continue
            n = len(words)  # the old rule: drop words until the line with its ellipsis fits, keep one
            while n > 1 and doc.measure(" ".join(words[:n]) + " …", size) > width:
                n -= 1
            assert clipped == " ".join(words[:n]) + " …", (width, size)
