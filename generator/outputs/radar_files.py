"""The radar picture as files: radar.svg for the web, radar.png for slides, radar.pdf for print."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .. import __version__
from ..render.site import Site, output
from . import radar_svg as inline
from .cache import cached

PICTURE = Path(__file__).with_name("picture.py")  # the drawing code, read without importing matplotlib


def _raster(site: Site, fmt: str) -> bytes:
    """PNG/PDF rendering is the slowest step; its inputs are small, so key a disk cache on them."""
    view, radar = site.current, site.radar
    frame, dots, title = view.frame(), view.dots, f"{radar.title} — {radar.edition}"
    code = PICTURE.read_bytes()  # a change to the drawing code invalidates the cache
    key = hashlib.sha256(repr((__version__, code, frame, dots, fmt, title)).encode()).hexdigest()

    def draw() -> bytes:
        from . import picture  # matplotlib only to draw a picture the cache does not hold

        return picture.raster(frame, dots, fmt, title)

    return cached(site.cache, f"{key}.{fmt}", draw)


@output("radar.svg", kept=True)
def radar_svg(site: Site) -> bytes:
    view, radar = site.current, site.radar
    label = site.t("radar_of", title=radar.title, edition=radar.edition)
    return inline.svg(view.frame(), view.dots, "", label).encode("utf-8")


@output("radar.png", kept=True, drawn=True)
def radar_png(site: Site) -> bytes:
    """Also the radar page of the review PDF: drawn once per site."""
    return site.once(_raster, "png")


@output("radar.pdf", kept=True, drawn=True)
def radar_pdf(site: Site) -> bytes:
    return site.once(_raster, "pdf")
