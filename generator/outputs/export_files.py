"""exports/: the current edition in the formats of other radar tools, to load by URL (see interop/exports.py)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from ..interop import exports
from ..render.site import Maker, Site, output_files


@output_files
def export_files(site: Site) -> Iterator[tuple[str, Maker]]:
    for path, data in exports.site_files(site.radar).items():
        yield path, functools.partial(bytes, data)
