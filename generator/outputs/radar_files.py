"""The radar picture as files: radar.svg for the web, radar.png for slides, radar.pdf for print."""

from __future__ import annotations

import hashlib
from typing import Any

from ..render.site import Site, output
from . import radar_svg as inline
from .cache import cached
from .keys import code_digest


def _inputs(site: Site) -> tuple[Any, list, str]:
    view, radar = site.current, site.radar
    return view.frame(), view.dots, f"{radar.title} — {radar.edition}"


def _picture(site: Site) -> Any:
    """The picture laid out once per process for radar.png and radar.pdf (`picture.Picture`)."""
    from . import picture  # matplotlib only to draw a picture the cache does not hold

    return picture.Picture(*_inputs(site))


def _raster(site: Site, fmt: str) -> bytes:
    """PNG/PDF rendering is the slowest step; its inputs are small, so key a disk cache on them."""
    frame, dots, title = _inputs(site)
    # Any change to the code (picture.py draws with radar_svg's sizes and colours) or to the libraries
    # that draw invalidates it; an edit to the content that moves no blip does not.
    key = hashlib.sha256(repr((code_digest(), frame, dots, fmt, title)).encode()).hexdigest()

    def draw() -> bytes:
        if fmt != "png":
            return site.once(_picture).pdf()
        data, site.once(_drawn)["png"] = site.once(_picture).png()
        return data

    return cached(site.cache, f"{key}.{fmt}", draw)


def _drawn(site: Site) -> dict[str, Any]:
    return {}


def drawn_png_image(site: Site) -> Any | None:
    """radar.png's pixels (a Pillow image) when this process drew it, else None: the review PDF and the
    slides show the picture without decoding the PNG again (a tenth of a second each at a thousand blips)."""
    radar_png(site)
    return site.once(_drawn).get("png")


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
