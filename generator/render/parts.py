"""Everything the site is made of: this module imports every module that registers a page family or
an output file, and is the one way in for `build` and `serve`.

A new page family or output file in an existing module needs nothing here; a new module adds its
name to the imports.  Their order is free: `site.SiteFiles` does not depend on it.
"""

from __future__ import annotations

from pathlib import Path

from ..content.model import Radar
from ..content.theme import Theme
from ..outputs import assets, charts, data, export_files, radar_files, review_pdf
from . import archive_pages, capability_pages, compare_pages, pages, search, theme_files
from .site import Site, SiteFiles

REGISTERING = (
    archive_pages,
    capability_pages,
    compare_pages,
    pages,
    search,
    theme_files,
    assets,
    charts,
    data,
    export_files,
    radar_files,
    review_pdf,
)


def site_files(radar: Radar, source: Path, hints: dict[str, int] | None = None) -> SiteFiles:
    """The files of a loaded radar's site, made when asked for; slow outputs cached in its folder."""
    return SiteFiles(Site(radar, Theme(source, radar.theme), source), hints)
