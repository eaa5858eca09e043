"""Every HTML page of the site, as (path, template, context), rendered with Jinja2.

A page family is a function from the `Site` to pages; the build renders every
family in `FAMILIES`.  Templates come from the theme lookup path and are
autoescaped: text from pull requests only ever reaches a page escaped, and
Markdown bodies arrive already sanitised by `markup`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import jinja2

from ..content.model import Radar
from ..content.problems import Problem
from ..content.schema import MAILBOX_RE
from ..domain.views import EditionView
from ..i18n import translator
from ..outputs import picture
from . import archive_pages, capability_pages, search, urls
from .hyphenate import hyphenate
from .theme import Theme


@dataclass
class Page:
    path: str
    template: str
    context: dict = field(default_factory=dict)


class Site:
    """The loaded radar, its theme and its laid-out current edition: what every page family reads."""

    def __init__(self, radar: Radar, theme: Theme) -> None:
        self.radar = radar
        self.theme = theme
        self.t = translator(radar.language)
        self.current = EditionView(radar, radar.edition)

    def view(self, edition: str) -> EditionView:
        return (
            self.current
            if edition == self.radar.edition
            else self._views.setdefault(edition, EditionView(self.radar, edition))
        )

    @cached_property
    def _views(self) -> dict[str, EditionView]:
        return {}

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.theme.template_dirs),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        env.filters["rel"] = _rel
        env.filters["hyphenate"] = lambda text: hyphenate(text, self.radar.language)
        env.tests["mailbox"] = lambda value: bool(MAILBOX_RE.match(str(value)))
        env.globals.update(t=self.t, radar=self.radar, urls=urls, site=self)
        return env

    @cached_property
    def nav(self) -> list[tuple[str, str]]:
        """Main menu: (site path, interface-text key), only for pages this radar has."""
        items = [(urls.INDEX, "home")]
        if self.radar.capabilities:
            items.append((urls.CAPABILITIES, "capabilities"))
        if self.radar.initiatives:
            items.append((urls.INITIATIVES, "initiatives"))
        items += [(urls.MOVES, "moves"), (urls.EDITIONS, "archive")]  # ring moves and the edition archive
        items.append((urls.SEARCH, "search"))  # search and the browse index of filter pages
        return items

    @cached_property
    def tags(self) -> dict[str, list]:
        """Tag -> blips on the current radar carrying it, both sorted."""
        found: dict[str, list] = {}
        for s in self.current.on_radar:
            for tag in s.blip.tags:
                found.setdefault(tag, []).append(s)
        return dict(sorted(found.items()))

    def render(self, page: Page) -> bytes:
        root = "../" * page.path.count("/")
        html = self.env.get_template(page.template).render(page_path=page.path, root=root, **page.context)
        return html.encode("utf-8")

    def radar_svg(
        self, view: EditionView, page_path: str, quadrant: int | None = None, keep=None, label: str | None = None
    ) -> str:
        """The inline picture for a page: links relative to that page; `label` names a filtered picture."""
        default = self.t("radar_of", title=self.radar.title, edition=view.edition)
        if quadrant is not None:
            qid = self.radar.quadrants[quadrant].id
            keep = keep or (lambda b: b.quadrant == qid)
            default = self.t("quadrant_picture", name=self.radar.quadrants[quadrant].name)
        dots = view.dots if keep is None else view.dots_where(keep)
        return picture.svg(view.frame(quadrant), dots, "../" * page_path.count("/"), label or default)


@jinja2.pass_context
def _rel(context: jinja2.runtime.Context, target: str) -> str:
    return urls.relative(target, context["page_path"])


def home(site: Site) -> Iterator[Page]:
    view = site.current
    yield Page(urls.INDEX, "index.html", {"view": view, "svg": site.radar_svg(view, urls.INDEX)})


def blips(site: Site) -> Iterator[Page]:
    view = site.current
    for blip in site.radar.blips.values():
        yield Page(
            urls.blip_url(blip.id),
            "blip.html",
            {"blip": blip, "standing": view.by_id.get(blip.id), "number": view.numbers.get(blip.id)},
        )


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


def tags(site: Site) -> Iterator[Page]:
    view = site.current
    for tag, members in site.tags.items():
        yield Page(
            urls.tag_url(tag),
            "listing.html",
            {"heading": f"{site.t('tag')}: {tag}", "intro": "", "standings": members, "view": view},
        )


FAMILIES: list[Callable[[Site], Iterator[Page]]] = [home, blips, quadrants, rings, tags]
FAMILIES += [archive_pages.moves_page, archive_pages.archive_pages]  # ring moves and the edition archive
FAMILIES.append(search.search_page)  # search and filters: search page with the browse index of filter pages
FAMILIES += [capability_pages.capability_pages, capability_pages.initiative_pages]  # capability model, initiatives


def template_problem(exc: jinja2.TemplateError) -> Problem:
    """A theme's template mistake as a problem at its file and line, like any content mistake."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "template"
    return Problem(str(name), getattr(exc, "lineno", None) or 1, 1, f"template error: {exc}")
