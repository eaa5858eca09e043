"""radar.pdf places each blip's disc, mark and digits as matplotlib's own marker drawing would, byte for byte."""

from __future__ import annotations

import pytest
from test_radar_raster import FRAME, _dots

from generator.outputs import picture


@pytest.mark.parametrize("count", [1, 2, 7, 40, 300])
def test_the_pdf_is_the_one_matplotlibs_marker_drawing_writes(count, monkeypatch):
    ours = picture.raster(FRAME, _dots(count), "pdf", "Radar — 2026-Q4")
    monkeypatch.setattr(picture, "_placed_in_pdf", lambda *args: False)  # every stamp through draw_markers
    assert ours == picture.raster(FRAME, _dots(count), "pdf", "Radar — 2026-Q4")


def test_the_png_does_not_take_the_pdf_route(monkeypatch):
    calls = []
    real = picture._placed_in_pdf
    monkeypatch.setattr(picture, "_placed_in_pdf", lambda *args: calls.append(real(*args)) or calls[-1])
    picture.raster(FRAME, _dots(40), "png")
    assert calls == []  # Agg draws the stamps as one collection before the PDF route is asked
    picture.raster(FRAME, _dots(40), "pdf")
    assert any(calls)  # the stamps used more than once are placed by the fast route
