"""Pages for the pairs of editions leadership asks for most: each edition against the one before and a year earlier.

The comparison itself is `domain.comparison`; here it only becomes pages and links.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..domain.comparison import compare, pairs, previous_of
from .site import Page, Site, page_family


def cell_labels(site: Site) -> dict[str, str]:
    """Each cell by its place in the grid ('Technologie × Toekomstgerichtheid'), for tables and charts."""
    model = site.radar.capabilities
    if model is None:
        return {}
    names = {a.id: a.name for a in (*model.columns, *model.rows)}
    return {c.id: f"{names[c.column]} × {names[c.row]}" for c in model.cells.values()}


def comparisons_of(site: Site, edition: str) -> list[tuple[str, str]]:
    """(page path, label) of the comparison pages that end in `edition`, previous quarter first."""
    found = []
    for start, end in pairs(site.radar):
        if end == edition:
            kind = "compare_previous" if start == previous_of(site.radar, end) else "compare_year"
            found.append(
                (urls.compare_url(start, end), f"{site.t('compare_title', start=start, end=end)} ({site.t(kind)})")
            )
    return found


@page_family
def compare_pages(site: Site) -> Iterator[Page]:
    labels = cell_labels(site)
    for start, end in pairs(site.radar):
        kind = "previous" if start == previous_of(site.radar, end) else "year"
        # against the edition before: that is the edition's review (its moves page's), compared once a build
        cmp = site.review(end) if kind == "previous" else compare(site.radar, start, end)
        context = {"cmp": cmp, "kind": kind, "cell_labels": labels}
        yield Page(urls.compare_url(start, end), "compare.html", context)
