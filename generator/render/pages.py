"""The radar's own pages: home, one per blip, quadrant, ring and tag.

Each family registers itself with `@page_family`; see `site.py` for the registry.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import urls
from ..domain.editions import RETIRED, Standing
from .site import Page, Site, page_family


@page_family
def home(site: Site) -> Iterator[Page]:
    view = site.current
    yield Page(urls.INDEX, "index.html", {"view": view, "svg": site.radar_svg(view, urls.INDEX)})


@page_family
def blips(site: Site) -> Iterator[Page]:
    view = site.current
    for blip in site.radar.blips.values():
        yield Page(
            urls.blip_url(blip.id),
            "blip.html",
            {"blip": blip, "standing": view.by_id.get(blip.id), "number": view.numbers.get(blip.id)},
        )


@page_family
def quadrants(site: Site) -> Iterator[Page]:
    view = site.current
    for quadrant in site.radar.quadrants:
        path = urls.quadrant_url(quadrant.id)
        yield Page(
            path,
            "quadrant.html",
            {
                "quadrant": quadrant,
                "view": view,
                "rings": dict(view.grouped())[quadrant],
                "svg": site.radar_svg(view, path, quadrant=quadrant.index),
            },
        )


@page_family
def rings(site: Site) -> Iterator[Page]:
    view = site.current
    for ring in site.radar.all_rings:  # also rings of older editions: their timelines link here
        members = [s for s in view.on_radar if s.ring == ring.id]
        yield Page(
            urls.ring_url(ring.id),
            "listing.html",
            {
                "heading": f"{site.t('ring')}: {ring.name}",
                "intro": ring.description,
                "standings": members,
                "view": view,
            },
        )


@page_family
def tags(site: Site) -> Iterator[Page]:
    """A page for every tag any blip page links to: on the radar first, then off it (retired).

    A tag whose blips have all left the radar still has its page, so no blip page links to nothing.
    """
    view = site.current
    shown = {s.blip.id for s in view.on_radar}
    off = [Standing(b, None, RETIRED, None, "") for b in site.radar.blips.values() if b.id not in shown]
    pages: dict[str, list] = {}
    for s in view.on_radar + sorted(off, key=lambda s: (s.blip.title.casefold(), s.blip.id)):
        for tag in s.blip.tags:
            pages.setdefault(tag, []).append(s)
    for tag, members in sorted(pages.items()):
        yield Page(
            urls.tag_url(tag),
            "listing.html",
            {"heading": f"{site.t('tag')}: {tag}", "intro": "", "standings": members, "view": view},
        )
