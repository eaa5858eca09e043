"""Search: the index script the build writes, and the search page that also works without it.

The index is a JavaScript file that assigns one global rather than a JSON file
that a script fetches, because browsers refuse fetch() from file:// and the
site must work when opened from disk.  The search page itself lists every
technology as plain HTML, so without JavaScript the browser's own find still
searches it; it also carries the browse index of the static filter pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from .. import urls
from ..content.model import Blip
from . import search_index
from .site import Page, Site, output, page_family

GLOBAL = "RADAR_SEARCH_INDEX"
"""The name of the global the index script assigns; radar.js reads it."""


def documents(site: Site) -> Iterator[search_index.Document]:
    """Everything a search can find, in the order ties are shown: technologies, initiatives, cells."""
    t, view, radar = site.t, site.current, site.radar
    for blip in searchable(site):
        standing = view.by_id.get(blip.id)
        badge = radar.ring(standing.ring).name if standing and standing.ring else t("status_retired")
        yield search_index.Document(
            urls.blip_url(blip.id), blip.title, blip.summary, t("technology"), badge, blip.tags, blip.body_text
        )
    for initiative in sorted(radar.initiatives.values(), key=lambda i: (i.title.casefold(), i.id)):
        yield search_index.Document(
            urls.initiative_url(initiative.id),
            initiative.title,
            f"{t('lead')}: {initiative.lead}",
            t("initiative"),
            t(f"initiative_{initiative.status}"),
            (),
            initiative.body_text,
        )
    model = radar.capabilities
    if model:
        columns = {a.id: a.name for a in model.columns}
        rows = {a.id: a.name for a in model.rows}
        for cell in model.cells.values():
            position = t("cell_position", column=columns.get(cell.column, ""), row=rows.get(cell.row, ""))
            yield search_index.Document(
                urls.cell_url(cell.id), cell.title, " ".join(cell.criteria), t("capability_cell"), position, (), ""
            )


def script_literal(value: object) -> str:
    """JSON that is safe inside a script: '<' escaped so no '</script>' or '<!--' can end it early."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@output(urls.SEARCH_INDEX, kept=True)
def index_script(site: Site) -> bytes:
    """static/search-index.js: stems, words and what to show of each result (stable bytes)."""
    return f"window.{GLOBAL} = {script_literal(search_index.build(documents(site)))};\n".encode()


def searchable(site: Site) -> list[Blip]:
    """Every technology with a page, ordered by title as a reader scans a list."""
    return sorted(site.radar.blips.values(), key=lambda b: (b.title.casefold(), b.id))


@page_family
def search_page(site: Site) -> Iterator[Page]:
    """search.html: search box, browse index of filter pages, and the full list to search in."""
    view = site.current
    yield Page(
        urls.SEARCH,
        "search.html",
        {
            "view": view,
            "blips": searchable(site),
            "cells": list(site.radar.capabilities.cells.values()) if site.radar.capabilities else [],
        },
    )
