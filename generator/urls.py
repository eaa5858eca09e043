"""Where every page lives in the site: the one place that knows output paths.

Paths are relative to the site root and always end in a file name, so links
work from disk (file://) as well as over HTTP under any sub-path.
"""

from __future__ import annotations

import hashlib
import posixpath

from .content.slug import slug

INDEX = "index.html"
RADAR_JSON = "radar.json"
CAPABILITIES = "capabilities/index.html"
INITIATIVES = "initiatives/index.html"
# Search and filters: the search page (with the browse index of filter pages) and its index script.
SEARCH = "search.html"
SEARCH_INDEX = "static/search-index.js"
COLORS_CSS = "static/colors.css"


def blip_url(ident: str) -> str:
    return f"blips/{ident}.html"


def quadrant_url(ident: str) -> str:
    return f"quadrants/{ident}.html"


def ring_url(ident: str) -> str:
    return f"rings/{ident}.html"


def tag_id(tag: str) -> str:
    """A tag's page name and filter value: distinct for distinct tags, the same on every build.

    A tag that is already a clean slug ('privacy', 'a-b') is its own id.  Any other ('a&b', 'a b',
    a tag cut at the length limit, '数据' whose slug is empty) gets its slug plus '_' and a hash of
    the tag itself: '_' never occurs in a clean slug, so no tag can take another's page.
    """
    clean = slug(tag, fallback="")
    if clean == tag:
        return clean
    digest = hashlib.sha256(tag.encode("utf-8")).hexdigest()[:12]
    return f"{clean or 'tag'}_{digest}"


def tag_url(tag: str) -> str:
    return f"tags/{tag_id(tag)}.html"


def cell_url(ident: str) -> str:
    return f"capabilities/{ident}.html"


def initiative_url(ident: str) -> str:
    return f"initiatives/{ident}.html"


# --- editions and ring moves (issue 4) ---
MOVES = "moves.html"  # the current edition's review
EDITIONS = "editions/index.html"  # the archive
REVIEW_PDF = "review.pdf"  # the current edition's review, written by the build


def edition_url(edition: str) -> str:
    return f"editions/{edition}/index.html"


def edition_moves_url(edition: str) -> str:
    return f"editions/{edition}/moves.html"


def edition_chart_url(edition: str) -> str:
    return f"editions/{edition}/moves-chart.svg"


def compare_url(start: str, end: str) -> str:
    """One edition against another: the pairs leadership asks for (previous quarter, a year earlier)."""
    return f"editions/{end}/vs-{start}.html"


ARCHIVE_CHART = "editions/counts-chart.svg"  # technologies per ring and per status over the editions
TREND_CHART = "capabilities/score-trend.svg"  # every cell's score over the editions
SLIDES = {"radar": "slides/radar.png", "summary": "slides/summary.png"}  # 16:9 images for a presentation


def relative(target: str, page: str) -> str:
    """The link from `page` to `target`, both site-root paths: what `posixpath.relpath` gives, in time
    that does not grow with the site (a page of a big radar holds thousands of links; relpath makes
    both paths absolute against the working directory for each one)."""
    if target.startswith("#"):
        return target
    path, _, fragment = target.partition("#")
    rel = _relative_path(path, page.rpartition("/")[0]) if path else posixpath.basename(page)
    return rel + ("#" + fragment if fragment else "")


def _relative_path(path: str, folder: str) -> str:
    if not _plain(path) or (folder and not _plain(folder)):
        return posixpath.relpath(path, folder or ".")  # "..", ".", "//" or a leading "/": let posixpath normalise
    if not folder:
        return path
    there, here = path.split("/"), folder.split("/")
    common = 0
    for a, b in zip(there, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:]) or "."


def _plain(path: str) -> bool:
    """A normalised relative path: no empty, '.' or '..' segment."""
    return all(part not in ("", ".", "..") for part in path.split("/"))
