"""The theme's static files, and the model's colours as CSS (generated: it wins over a theme's colors.css)."""

from __future__ import annotations

from collections.abc import Iterator

from . import urls
from .site import Maker, Site, fallback_files, output
from .theme import colors_css


@fallback_files
def static_files(site: Site) -> Iterator[tuple[str, Maker]]:
    """Every file under the themes' static/ folders, the first theme in lookup order winning."""
    for name, path in site.theme.static_files().items():
        yield f"static/{name}", path.read_bytes


@output(urls.COLORS_CSS)
def colors(site: Site) -> bytes:
    return colors_css(site.radar.quadrants, site.radar.rings)
