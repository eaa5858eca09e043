"""The review and the archive: the current edition's ring moves, and every edition's radar and moves.

One `EditionView` per edition (through `Site.view`), so each edition is laid out
and drawn once whatever the number of pages that show it; the per-edition work
is one picture, one chart and two pages.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from .compare_pages import comparisons_of
from .pack_files import site_trends
from .site import Page, Site, page_family


def _neighbours(site: Site, edition: str) -> tuple[str | None, str | None]:
    editions = site.radar.editions
    i = editions.index(edition)
    return (editions[i - 1] if i > 0 else None), (editions[i + 1] if i + 1 < len(editions) else None)


def _moves_context(site: Site, edition: str, current_page: bool) -> dict:
    previous, following = _neighbours(site, edition)
    return {
        "review": site.review(edition),
        "view": site.view(edition),
        "chart": urls.edition_chart_url(edition),
        "pdf": urls.REVIEW_PDF if edition == site.radar.edition else None,
        "previous": previous,
        "following": following,
        "current_page": current_page,
        "comparisons": comparisons_of(site, edition),
    }


@page_family
def moves_page(site: Site) -> Iterator[Page]:
    """The ring moves of the current edition, for the quarterly leadership review."""
    yield Page(urls.MOVES, "moves.html", _moves_context(site, site.radar.edition, True))


@page_family
def archive_pages(site: Site) -> Iterator[Page]:
    """The archive index, and for every edition its radar and its moves against the edition before."""
    editions = site.radar.editions
    yield Page(
        urls.EDITIONS,
        "archive.html",
        {"editions": [(e, site.review(e)) for e in reversed(editions)], "trends": site_trends(site)},
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
                "review": site.review(edition),
                "svg": site.radar_svg(view, path),
                "previous": previous,
                "following": following,
            },
        )
        yield Page(urls.edition_moves_url(edition), "moves.html", _moves_context(site, edition, False))
