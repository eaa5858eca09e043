"""exports/: the current edition in the formats of other radar tools, to load by URL (see interop/exports.py)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..interop import exports
from ..render.site import Maker, Site, output_files


@output_files(kept=True)
def export_files(site: Site) -> Iterator[tuple[str, Maker]]:
    for path, make in exports.site_makers(site.radar).items():
        yield path, functools.partial(make, site.radar, site.radar.edition)
