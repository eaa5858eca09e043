"""The pages' radar picture is plain SVG (no plotting library), drawn like radar.png and radar.pdf."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT

from generator.domain.geometry import Frame
from generator.domain.layout import Geometry
from generator.outputs import radar_svg

NS = "{http://www.w3.org/2000/svg}"
QUADRANTS = (
    ("Data", "#1b5e8c"),
    ("Tools", "#8a3b12"),
    ("Platforms", "#2a6b2e"),
    ("Methods", "#5e3a8c"),
    ("Extra", "#333333"),
)
RINGS = (("Adopt", "#dfe8f0"), ("Trial", "#e9eff5"), ("Assess", "#f1f5f9"), ("Hold", "#f8fafc"))
FRAMES = [
    Frame(Geometry((14.0, 21.0, 27.5, 34.0), n), QUADRANTS[:n], RINGS, zoom)
    for n in (3, 4, 5)
    for zoom in (None, *range(n))
]


def test_pages_draw_their_pictures_without_a_plotting_library():
    """Every page's picture (the radar, each zoomed quadrant) and radar.json's places: matplotlib and
    numpy stay unimported, so a build that finds radar.png and radar.pdf in its cache needs neither."""
    script = """
import sys
from generator.content.load import load
from generator.content.theme import Theme
from generator.render.site import Site
from pathlib import Path
radar, _ = load(Path(sys.argv[1]))
site = Site(radar, Theme(Path(sys.argv[1]), radar.theme))
pictures = [site.radar_svg(site.current, "index.html")]
pictures += [site.radar_svg(site.current, "q.html", quadrant=q) for q in range(len(radar.quadrants))]
assert all(p.count('class="blip ') for p in pictures)
print(sorted({m.split(".")[0] for m in sys.modules} & {"matplotlib", "numpy", "PIL"}))
"""
    done = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f"{f.geometry.quadrants}q-{f.quadrant}")
def test_the_frame_has_every_ring_axis_and_name_in_its_colours(frame: Frame):
    svg = ET.fromstring(radar_svg.svg(frame, [], "", "Radar"))
    assert svg.get("role") == "group" and svg.get("aria-label") == "Radar"
    drawing = svg.find(f"{NS}g")
    assert drawing is not None and drawing.get("aria-hidden") == "true"
    assert [c.get("fill") for c in drawing.iter(f"{NS}circle")] == [color for _, color in reversed(RINGS)]
    axes = [p for p in drawing.iter(f"{NS}path") if "A" not in p.get("d", "")]
    assert len(axes) == frame.geometry.quadrants
    texts = {t.text: (t.get("fill") or "", t.get("stroke")) for t in drawing.iter(f"{NS}text")}
    shown = [q for i, q in enumerate(QUADRANTS[: frame.geometry.quadrants]) if frame.quadrant in (None, i)]
    assert {name: fill for name, (fill, _) in texts.items() if fill} == dict(shown)
    # Ring names on a halo of their own ring's colour, which hides the axis under them.
    assert {name: halo for name, (_, halo) in texts.items() if halo} == {n.upper(): c for n, c in RINGS}


@pytest.mark.parametrize("frame", FRAMES, ids=lambda f: f"{f.geometry.quadrants}q-{f.quadrant}")
def test_names_and_rings_sit_where_matplotlib_puts_them_in_the_png(frame: Frame):
    """radar.png and radar.pdf (matplotlib) and the pages' SVG are one picture: the same size, the
    same centre and scale, and every name anchored at the same point (to a hundredth of a point)."""
    from generator.outputs import picture

    fig, ax = picture._figure(frame)
    height = fig.get_figheight() * 72
    drawing, size, (ox, oy, scale) = radar_svg.background(frame)
    assert size == pytest.approx((fig.get_figwidth() * 72, height), abs=1e-9)
    (mx, my), (ux, _) = ax.transData.transform([(0, 0), (1, 0)])
    assert (ox, oy, scale) == pytest.approx((mx, height - my, ux - mx), abs=1e-9)
    svg = ET.fromstring(f'<svg xmlns="http://www.w3.org/2000/svg">{drawing}</svg>')
    placed = {t.text: (float(t.get("x", 0)), float(t.get("y", 0))) for t in svg.iter(f"{NS}text")}
    for text in ax.texts:
        x, y = ax.transData.transform(text.get_position())
        sx, sy = placed[text.get_text()]
        size = text.get_fontsize()
        if text.get_text().isupper():  # a ring name: capitals centred on its spot (the baseline is turned with it)
            rotation = radar_svg.ring_name_rotation(frame.geometry.label_angle) if frame.quadrant is None else None
            assert rotation is None or text.get_rotation() == pytest.approx(rotation % 360)
            drop = radar_svg.CAPS_MIDDLE * size
            assert (sx, sy - drop) == pytest.approx((x, height - y), abs=0.01)
        else:
            shift = {"top": radar_svg.ASCENT, "bottom": -radar_svg.DESCENT}.get(text.get_verticalalignment())
            shift = (radar_svg.ASCENT - radar_svg.DESCENT) / 2 if shift is None else shift
            assert (sx, sy) == pytest.approx((x, height - y + shift * size), abs=0.01)
