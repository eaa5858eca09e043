"""The review and the archive: the current edition's ring moves, and every edition's radar and moves.

One `EditionView` per edition (through `Site.view`), so each edition is laid out
and drawn once whatever the number of pages that show it; the per-edition work
is one picture, one chart and two pages.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from ..domain.review import Review, review
from ..outputs.cache import cached
from ..outputs.charts import chart_svg
from ..outputs.review_pdf import review_pdf, review_pdf_key
from . import urls

if TYPE_CHECKING:  # pages.py imports this module for FAMILIES: import it back only where it runs
    from .pages import Page, Site


_REVIEWS: WeakKeyDictionary[Site, dict[str, Review]] = WeakKeyDictionary()


def _review(site: Site, edition: str) -> Review:
    """The review of an edition, kept per site so pages, charts and the PDF share one."""
    cache = _REVIEWS.setdefault(site, {})
    if edition not in cache:
        cache[edition] = review(site.radar, edition, site.view(edition))
    return cache[edition]


def _neighbours(site: Site, edition: str) -> tuple[str | None, str | None]:
    editions = site.radar.editions
    i = editions.index(edition)
    return (editions[i - 1] if i > 0 else None), (editions[i + 1] if i + 1 < len(editions) else None)


def _moves_context(site: Site, edition: str, current_page: bool) -> dict:
    previous, following = _neighbours(site, edition)
    return {
        "review": _review(site, edition),
        "view": site.view(edition),
        "chart": urls.edition_chart_url(edition),
        "pdf": urls.REVIEW_PDF if edition == site.radar.edition else None,
        "previous": previous,
        "following": following,
        "current_page": current_page,
    }


def moves_page(site: Site) -> Iterator[Page]:
    """The ring moves of the current edition, for the quarterly leadership review."""
    from .pages import Page

    yield Page(urls.MOVES, "moves.html", _moves_context(site, site.radar.edition, True))


def archive_pages(site: Site) -> Iterator[Page]:
    """The archive index, and for every edition its radar and its moves against the edition before."""
    from .pages import Page

    editions = site.radar.editions
    yield Page(
        urls.EDITIONS,
        "archive.html",
        {"editions": [(e, _review(site, e)) for e in reversed(editions)]},
    )
    for edition in editions:
        view = site.view(edition)
        path = urls.edition_url(edition)
        previous, following = _neighbours(site, edition)
        yield Page(
            path,
            "edition.html",
            {
                "view": view,
                "review": _review(site, edition),
                "svg": site.radar_svg(view, path),
                "previous": previous,
                "following": following,
            },
        )
        yield Page(urls.edition_moves_url(edition), "moves.html", _moves_context(site, edition, False))


def review_files(
    site: Site, radar_png: Callable[[], bytes], cache: Path | None = None
) -> dict[str, Callable[[], bytes]]:
    """The files the review pages link to, as makers: a chart per edition and the current edition's PDF.

    Makers rather than bytes so that the live preview draws them only when asked;
    `radar_png` gives the build's (disk-cached) PNG of the current picture, and `cache`
    is the folder where the review PDF is kept between builds.
    """
    files: dict[str, Callable[[], bytes]] = {
        urls.edition_chart_url(e): functools.partial(_chart, site, e) for e in site.radar.editions
    }
    files[urls.REVIEW_PDF] = functools.partial(_pdf, site, radar_png, cache)
    return files


def _chart(site: Site, edition: str) -> bytes:
    return chart_svg(_review(site, edition))


def _pdf(site: Site, radar_png: Callable[[], bytes], cache: Path | None) -> bytes:
    """The review PDF, from the cache when nothing it shows has changed (matplotlib sets text slowly)."""
    rv, png = _review(site, site.radar.edition), radar_png()
    return cached(cache, f"review-{review_pdf_key(rv, png)}.pdf", lambda: review_pdf(rv, png))
