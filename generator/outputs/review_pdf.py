"""The review pack's files in the site: review.pdf, the 16:9 slides and the trend charts.

The pack itself is set by `outputs.pack`; what it is fed is gathered in
`render.pack_files`, and the disk cache keeps the slow ones between builds.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from .. import urls
from ..render.site import Maker, Site, output, output_files


@output(urls.REVIEW_PDF, kept=True, drawn=True)
def current_review_pdf(site: Site) -> bytes:
    from ..render.pack_files import pack

    return pack(site)


@output(urls.ARCHIVE_CHART, kept=True)
def archive_chart(site: Site) -> bytes:
    from ..render.pack_files import counts_chart

    return counts_chart(site)


@output_files(kept=True, drawn=True)
def pack_extras(site: Site) -> Iterator[tuple[str, Maker]]:
    """The slides, and the score trend chart when the radar has a capability model."""
    from ..render.pack_files import slide, trend_chart

    for which, path in urls.SLIDES.items():
        yield path, functools.partial(slide, site, which)
    if site.radar.capabilities is not None:
        yield urls.TREND_CHART, functools.partial(site.once, trend_chart)
