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
from typing import TYPE_CHECKING

from ..content.model import Blip
from . import urls

if TYPE_CHECKING:  # pages.py imports this module for FAMILIES: import it back only where it runs
    from .pages import Page, Site

GLOBAL = "RADAR_SEARCH_INDEX"
"""The name of the global the index script assigns; radar.js reads it."""


def _entry(blip: Blip) -> dict[str, object]:
    """What one technology contributes to the index: the text a reader may search for."""
    return {
        "id": blip.id,
        "title": blip.title,
        "summary": blip.summary,
        "tags": list(blip.tags),
        "text": blip.body_text,
    }


def script_literal(value: object) -> str:
    """JSON that is safe inside a script: '<' escaped so no '</script>' or '<!--' can end it early."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def index_script(site: Site) -> bytes:
    """static/search-index.js: every technology's searchable text, in title order (stable bytes)."""
    entries = [_entry(b) for b in searchable(site)]
    return f"window.{GLOBAL} = {script_literal(entries)};\n".encode()


def searchable(site: Site) -> list[Blip]:
    """Every technology with a page, ordered by title as a reader scans a list."""
    return sorted(site.radar.blips.values(), key=lambda b: (b.title.casefold(), b.id))


def search_page(site: Site) -> Iterator[Page]:
    """search.html: search box, browse index of filter pages, and the full list to search in."""
    from .pages import Page

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
