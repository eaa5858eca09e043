"""The files of the quarterly review pack: review.pdf, its trend chart, and the 16:9 slides.

Here the site's shared pieces (the current edition's view, the capability links)
meet the review model; `outputs.pack` only sets what it is handed.  The PDF is
kept in the disk cache on a hash of everything it shows, per edition.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.comparison import compare, previous_of, year_before
from ..domain.trends import Trends, trends
from ..outputs.cache import cached
from ..outputs.keys import sources_digest
from .capability_pages import capability_index

if TYPE_CHECKING:
    from ..outputs.pack import PackInput
    from .site import Site


def site_trends(site: Site) -> Trends:
    """The trends of a site, computed once whatever the number of pages and files that show them."""
    found = site.__dict__.get("_trends")
    if found is None:
        found = site.__dict__["_trends"] = trends(site.radar)
    return found


def trend_chart(site: Site) -> bytes:
    from ..outputs.trend_charts import score_trend_svg

    return score_trend_svg(site.radar, site_trends(site), site.t)


def counts_chart(site: Site) -> bytes:
    from ..outputs.trend_charts import counts_svg

    return counts_svg(site.radar, site_trends(site), site.t)


def pack_input(site: Site, radar_png: bytes, cache: Path | None) -> PackInput:
    from ..outputs.pack import PackInput

    radar = site.radar
    edition = radar.edition
    ago = year_before(edition)
    has_model = radar.capabilities is not None
    index = capability_index(site) if has_model else None
    data = site_trends(site)
    trend_svg = site.once(trend_chart) if has_model and data.cells else None
    return PackInput(
        compare(radar, previous_of(radar, edition), edition),
        compare(radar, ago, edition) if ago in radar.editions else None,
        site.current,
        index,
        data,
        radar_png,
        trend_svg,
    )


def shared_input(site: Site) -> PackInput:
    """What review.pdf and both slides show, gathered once per site (the comparisons and the key were worked
    out three times), with radar.png's pixels when this process drew them."""
    from ..outputs.radar_files import drawn_png_image, radar_png

    data = pack_input(site, radar_png(site), site.cache)
    data.radar_image = drawn_png_image(site)
    return data


def pack(site: Site) -> bytes:
    """review.pdf, from the cache when nothing it shows has changed."""
    from ..outputs.pack import pack_pdf

    data = site.once(shared_input)
    return cached(site.cache, f"review-{data.key()}.pdf", lambda: pack_pdf(data))


def slide(site: Site, which: str) -> bytes:
    """A 16:9 slide ('radar' or 'summary'), cached on the same key as the pack it summarises."""
    from ..outputs import png, slides

    data = site.once(shared_input)
    make = slides.radar_slide if which == "radar" else slides.summary_slide
    code = sources_digest(slides, png)[:16]
    return cached(site.cache, f"slide-{which}-{data.key()}-{code}.png", lambda: make(data))
