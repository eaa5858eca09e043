"""radar.png and radar.pdf (matplotlib): every blip where the layout puts it, each shape defined once in the PDF."""

from __future__ import annotations

import io
import math
import random

import numpy as np
from PIL import Image
from pypdf import PdfReader

from generator.domain.geometry import Dot, Frame
from generator.domain.layout import Geometry
from generator.outputs import picture
from generator.outputs.radar_svg import INCH_PER_UNIT

QUADRANTS = (("Data", "#1b5e8c"), ("Tools", "#8a3b12"), ("Platforms", "#2a6b2e"), ("Methods", "#5e3a8c"))
FRAME = Frame(Geometry((20.0, 35.0, 47.0, 58.0), 4), QUADRANTS, tuple((n, "#eef2f6") for n in "ABCD"))
STATUSES = ("new", "moved-in", "moved-out", "unchanged")


def _dots(count: int) -> list[Dot]:
    """Blips on a grid 3 radii apart (never overlapping), numbered 1..count, in every status."""
    rng = random.Random(7)
    spots = [(x * 3.0, y * 3.0) for x in range(-18, 19) for y in range(-18, 19) if math.hypot(x, y) * 3 < 55]
    rng.shuffle(spots)
    return [
        Dot(f"b{i}", i + 1, x, y, QUADRANTS[i % 4][1], STATUSES[i % 4], f"{i + 1}. B{i}")
        for i, (x, y) in enumerate(spots[:count])
    ]


def _rgb(color: str) -> np.ndarray:
    return np.array([int(color[i : i + 2], 16) for i in (1, 3, 5)])


def test_the_png_has_every_blip_at_its_place_in_its_colour_with_a_white_number():
    dots = _dots(300)
    png = Image.open(io.BytesIO(picture.raster(FRAME, dots, "png")))
    assert png.mode == "RGB"
    pixels = np.asarray(png).astype(int)
    x0, _, _, y1 = FRAME.bounds()
    dpi = png.width / ((FRAME.bounds()[1] - x0) * INCH_PER_UNIT)
    assert math.isclose(png.info["dpi"][0], dpi, rel_tol=1e-3)  # prints at the picture's size
    per_unit = INCH_PER_UNIT * dpi
    for d in dots:
        cx, cy = (d.x - x0) * per_unit, (y1 - d.y) * per_unit
        disc = pixels[round(cy - 0.8 * per_unit), round(cx)]  # inside the disc, above the number
        assert np.abs(disc - _rgb(d.color)).sum() <= 3, (d.number, disc)
        number = pixels[round(cy) - 3 : round(cy) + 4, round(cx - 0.5 * per_unit) : round(cx + 0.5 * per_unit)]
        assert (np.abs(number - 255).sum(axis=-1) <= 30).any(), d.number  # white digits at the centre
        outside = pixels[round(cy), round(cx + 1.6 * per_unit)]  # beyond the status mark: not the disc
        assert np.abs(outside - _rgb(d.color)).sum() > 30, d.number


def test_the_pdf_defines_each_shape_once_and_places_it_per_blip():
    """A disc and each digit are one marker each, placed by reference: the PDF grows by under 150 bytes
    per blip, status marks included (with a path per blip it was 1.4 kB a blip)."""
    small, large = picture.raster(FRAME, _dots(30), "pdf"), picture.raster(FRAME, _dots(600), "pdf")
    assert (len(large) - len(small)) / 570 < 150
    page = PdfReader(io.BytesIO(large)).pages[0]
    xobjects = page["/Resources"]["/XObject"]
    assert len(xobjects) <= len(QUADRANTS) + 1 + 10  # a disc per colour, the ring of new blips, digits 0-9
    text = page.extract_text()
    assert all(name in text for name, _ in QUADRANTS) and all(ring in text for ring in "ABCD")


def test_the_same_blips_give_the_same_bytes():
    dots = _dots(120)
    for fmt in ("png", "pdf"):
        assert picture.raster(FRAME, dots, fmt, "T") == picture.raster(FRAME, list(dots), fmt, "T"), fmt


def test_one_layout_written_as_png_and_pdf_in_either_order_gives_the_bytes_of_each_alone():
    """radar.png and radar.pdf share one `Picture` per build (in whichever order the build reaches them):
    each must be what a picture of its own writes, and the PNG's pixels its image."""
    dots = _dots(200)
    alone = {fmt: picture.raster(FRAME, dots, fmt, "T") for fmt in ("png", "pdf")}
    first = picture.Picture(FRAME, dots, "T")
    png, image = first.png()
    assert (png, first.pdf()) == (alone["png"], alone["pdf"])
    assert image.mode == "RGBX"  # Agg's own pixels, not a copy: the alpha byte is padding
    assert Image.open(io.BytesIO(png)).tobytes() == image.convert("RGB").tobytes()
    second = picture.Picture(FRAME, dots, "T")
    assert (second.pdf(), second.png()[0]) == (alone["pdf"], alone["png"])


def test_the_pdf_places_its_stamps_byte_for_byte_as_matplotlibs_draw_markers_would(monkeypatch):
    """`_markers` writes the PDF backend's marker placements itself, in one go: the file must be exactly what
    matplotlib's own `draw_markers` writes, stamps off the page left out as it leaves them out."""
    dots = _dots(600)
    off_page = [Dot("far", 601, 400.0, -400.0, QUADRANTS[0][1], "new", "601. Far")]  # beyond the picture's frame
    ours = picture.raster(FRAME, dots + off_page, "pdf", "T")

    def matplotlibs(renderer, gc, shape_path, shape, points, where, face):
        renderer.draw_markers(gc, shape_path, shape, points, where, face)

    monkeypatch.setattr(picture, "_markers", matplotlibs)
    assert ours == picture.raster(FRAME, dots + off_page, "pdf", "T")
