"""The site: what every page family and output file reads, and the registry they sign up in.

A page family is a function from the `Site` to its pages; an output file is a function from the
`Site` to bytes, registered with its path.  Each registers itself with a decorator where it is
defined and imports only this module (as Lektor's build programs do), so nothing here needs to
know them:

    @page_family
    def rings(site: Site) -> Iterator[Page]: ...

    @output("radar.json")
    def radar_json(site: Site) -> bytes: ...

    @output_files  # paths that depend on the content: (path, maker) pairs, made only when asked
    def edition_charts(site: Site) -> Iterator[tuple[str, Maker]]: ...

An output whose bytes are a function of the code and the loaded radar alone (no file of the theme or
of assets/) registers with `kept=True` (`@output(path, kept=True)`, `@output_files(kept=True)`): a
build takes it from the render cache while neither changed, without importing what draws it.
The pages are kept too, all together (a bundle, `outputs.cache`), keyed on `Site.pages_key`: the code,
the loaded radar and the theme's templates.  A build whose key the cache holds renders no page and runs
no page family; any edit renders them all again (and keeps them under the new key).

`build` makes every registered path (`SiteFiles.all`); `serve` makes only the paths a browser asks
for (`SiteFiles.get`).  Both go through `SiteFiles`, so they cannot disagree about what the site
holds.  `render/parts.py` imports every module that registers something.  Two parts should not
make one path; the theme's static files (`fallback_files`) give way to any part that does.

Templates are autoescaped: text from pull requests only ever reaches a page escaped, and Markdown
bodies arrive already sanitised by `markup`.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, overload

import jinja2
from jinja2.sandbox import SecurityError

from .. import urls
from ..content.model import Radar
from ..content.problems import Problem
from ..content.schema import MAILBOX_RE
from ..content.theme import Theme
from ..domain.editions import CHANGES, ON_RADAR
from ..domain.review import Review, review
from ..domain.views import EditionView
from ..i18n import translator
from ..outputs import radar_svg
from ..outputs.cache import Bundle, BundleWriter, cache_folder, cached, open_bundle
from ..outputs.keys import content_key, folders_digest
from . import sandbox
from .hyphenate import hyphenate

T = TypeVar("T")
Maker = Callable[[], bytes]

# The statuses templates list, named by the domain once (filters offer ON_RADAR, the archive counts CHANGES).
STATUS_GROUPS = {"on_radar": ON_RADAR, "changes": CHANGES}


@dataclass
class Page:
    path: str
    template: str
    context: dict = field(default_factory=dict)


class Site:
    """The loaded radar, its theme and its laid-out current edition.

    It lives for one build, so whatever several families and files share (a view per edition,
    a review per edition, the capability index) is computed once and kept here.
    """

    # What a theme's templates may read from the `site` global: data, never the render cache (`kept`
    # would let a template store bytes that later builds of the same radar publish), `once`, the
    # environment or the theme's folders.
    TEMPLATE_NAMES = frozenset({"radar", "current", "view", "review", "tags", "nav", "nav_paths", "t"})

    def __init__(self, radar: Radar, theme: Theme, source: Path | None = None) -> None:
        self.radar = radar
        self.theme = theme
        self.source = source  # the radar's folder, for files copied from it (assets/)
        self.cache = cache_folder(source, radar.language) if source else None  # slow outputs kept between builds
        self.t = translator(radar.language)
        self.current = EditionView(radar, radar.edition)
        self._views: dict[str, EditionView] = {}
        self._reviews: dict[str, Review] = {}
        self._once: dict[Hashable, Any] = {}

    def view(self, edition: str) -> EditionView:
        if edition == self.radar.edition:
            return self.current
        return self._views.setdefault(edition, EditionView(self.radar, edition))

    def review(self, edition: str) -> Review:
        """The review of an edition, one per site so pages, charts and the PDF share it."""
        if edition not in self._reviews:
            self._reviews[edition] = review(self.radar, edition, self.view(edition))
        return self._reviews[edition]

    def once(self, compute: Callable[..., T], *args: Hashable) -> T:
        """`compute(self, *args)`, computed once per site: the place for what several parts share."""
        key = (compute, args)
        if key not in self._once:
            self._once[key] = compute(self, *args)
        return self._once[key]

    @cached_property
    def content_key(self) -> str:
        """The code and the loaded radar, hashed: what every kept output is a function of."""
        return content_key(self.radar)

    def kept(self, path: str, make: Maker) -> bytes:
        """A kept output from the render cache, made (and stored) only when the code or the radar changed."""
        if self.cache is None:
            return make()
        return cached(self.cache, self._kept_name(path), make)

    def has_kept(self, path: str) -> bool:
        """Whether the render cache seems to hold this output (`kept` still verifies it)."""
        return self.cache is not None and (self.cache / self._kept_name(path)).is_file()

    def _kept_name(self, path: str) -> str:
        return f"out-{self.content_key[:40]}-{path.replace('/', '-')}"

    @cached_property
    def pages_key(self) -> str | None:
        """What a rendered page is a function of: the code, the loaded radar, the theme's settings and every
        file in its template folders; None (pages are not kept) without a cache, or when a template folder
        holds a link or anything but plain files, whose content the key would not cover."""
        if self.cache is None or any(os.path.islink(folder) for folder in self.theme.template_dirs):
            return None
        templates = folders_digest(self.theme.template_dirs)
        if templates is None:
            return None
        return content_key(self.content_key, self.theme.settings, templates)

    @cached_property
    def env(self) -> jinja2.Environment:
        loader = sandbox.ContainedLoader(self.theme.template_dirs, list(self.theme.roots.values()), self.radar.language)
        env = sandbox.environment(loader)
        if self.cache is not None:  # compiled templates between builds (Jinja checks each source's checksum)
            env.bytecode_cache = TemplateCache(self.cache)
        env.filters["rel"] = _rel
        env.filters["hyphenate"] = functools.partial(hyphenate, language=self.radar.language)
        env.filters["tag_id"] = urls.tag_id  # a tag's filter value: `tags|map('tag_id')`
        # a blip's tags as filter values, space-separated: in one call, as every legend lists every blip
        # (`tags|map('tag_id')|join(' ')` was a sandboxed filter call per tag, a tenth of a legend's rendering)
        env.filters["tag_ids"] = lambda tags: " ".join(map(urls.tag_id, tags))
        env.tests["mailbox"] = lambda value: bool(MAILBOX_RE.match(str(value)))
        env.globals.update(t=self.t, radar=self.radar, urls=urls, site=self, statuses=STATUS_GROUPS)
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
    def nav_paths(self) -> frozenset[str]:
        """The pages the main menu marks as the current one when shown on them."""
        return frozenset(path for path, _key in self.nav)

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
        self,
        view: EditionView,
        page_path: str,
        quadrant: int | None = None,
        keep: Callable[[Any], bool] | None = None,
        label: str | None = None,
    ) -> str:
        """The inline picture for a page: links relative to that page; `label` names a filtered picture."""
        default = self.t("radar_of", title=self.radar.title, edition=view.edition)
        if quadrant is not None:
            qid = self.radar.quadrants[quadrant].id
            keep = keep or (lambda b: b.quadrant == qid)
            default = self.t("quadrant_picture", name=self.radar.quadrants[quadrant].name)
        dots = view.dots if keep is None else view.dots_where(keep)
        return radar_svg.svg(view.frame(quadrant), dots, "../" * page_path.count("/"), label or default)


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in the render cache: compiling them is a fixed cost of every build process.
    Jinja names a bucket by the template and checks its source's checksum before using the code."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        from ..outputs import cache

        data = cache.read(self.folder, self._name(bucket))
        if data:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        from ..outputs import cache

        cache.store(self.folder, self._name(bucket), bucket.bytecode_to_string())

    @staticmethod
    def _name(bucket: jinja2.bccache.Bucket) -> str:
        from ..outputs.keys import code_digest  # the environment's settings are code: a new version compiles anew

        return f"template-{code_digest()[:16]}-{bucket.key}"


@jinja2.pass_context
def _rel(context: jinja2.runtime.Context, target: str) -> str:
    page = context["page_path"]
    if target.partition("#")[0]:  # a link to a file depends only on the folder it is made in
        return _relative(target, page.rpartition("/")[0])
    return urls.relative(target, page)


@functools.lru_cache(maxsize=1 << 16)
def _relative(target: str, folder: str) -> str:
    """A site's pages link to the same files from the same folders tens of thousands of times."""
    return urls.relative(target, f"{folder}/{urls.INDEX}" if folder else urls.INDEX)


def template_problem(exc: BaseException, language: str = "en") -> Problem:
    """A theme's template mistake as a problem at its file and line, like any content mistake.

    Also for an error the template's own code raised while rendering ({{ 1 // 0 }}): Jinja
    maps those frames back to template lines, and the innermost one is where to look.
    """
    t = translator(language)
    if not isinstance(exc, jinja2.TemplateError):
        name, line = template_frame(exc) or ("template", 1)
        message = t("build.template_error", error=f"{type(exc).__name__}: {exc}")
        return Problem(name, line, 1, message, language=language)
    name = getattr(exc, "filename", None) or getattr(exc, "name", None) or "template"
    line = getattr(exc, "lineno", None) or 0
    if not line:  # raised while rendering (a refused attribute, an undefined name): where the template was
        name, line = template_frame(exc) or (name, 1)
    # a SecurityError: the sandbox refused what the template asked for
    key = "build.template_refused" if isinstance(exc, SecurityError) else "build.template_error"
    return Problem(str(name), line, 1, t(key, error=exc), language=language)


def template_frame(exc: BaseException) -> tuple[str, int] | None:
    """The innermost template file and line in a traceback, if a template raised it."""
    found = None
    tb = exc.__traceback__
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:  # a frame Jinja rewrote to the template's line
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


# --- the registry -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """One registered page family or output file: the site's paths it makes, each with its maker."""

    name: str
    files: Callable[[Site], Iterable[tuple[str, Maker]]]
    fallback: bool = False  # gives way to any other part that makes the same path
    kept: bool = False  # its bytes depend on the code and the radar only: taken from the render cache
    drawn: bool = False  # a picture or PDF (matplotlib, fpdf2): drawn by a worker on a cold build
    rendered: bool = False  # a page family: its pages are kept together, keyed on `Site.pages_key`

    @property
    def origin(self) -> str:
        """The part's maker by module and name: its pages' listing in a bundle (import order may vary)."""
        return f"{self.files.__module__}.{self.files.__qualname__}"


PARTS: list[Part] = []

# Drawn first by a worker: the radar PNG (the review PDF and the slides show it, drawn once per
# process) and PDF (the same matplotlib, which the build's own process then never imports), then the
# longest to draw; the build reaches the charts early and takes those itself.
DRAWN_FIRST = ("radar.png", "radar.pdf", "review.pdf", "slides/radar.png", "slides/summary.png")
DRAW_ORDER = {p: i for i, p in enumerate(DRAWN_FIRST)}
"""Every registered part, in registration order."""

Family = Callable[[Site], Iterable[Page]]
Output = Callable[[Site], bytes]
OutputFiles = Callable[[Site], Iterable[tuple[str, Maker]]]


def page_family(family: Family) -> Family:
    """Register a page family: its pages are rendered with the site's templates."""

    @functools.wraps(family)  # named as the family (`Part.origin`)
    def files(site: Site) -> Iterable[tuple[str, Maker]]:
        for page in family(site):
            yield page.path, functools.partial(site.render, page)

    PARTS.append(Part(family.__name__, files, rendered=True))
    return family


def output(path: str, *, kept: bool = False, drawn: bool = False) -> Callable[[Output], Output]:
    """Register an output file at a fixed path: a function from the site to the file's bytes."""

    def register(make: Output) -> Output:
        part = Part(make.__name__, lambda site: [(path, functools.partial(make, site))], kept=kept, drawn=drawn)
        PARTS.append(part)
        return make

    return register


@overload
def output_files(files: OutputFiles, *, kept: bool = False, drawn: bool = False) -> OutputFiles: ...
@overload
def output_files(
    files: None = None, *, kept: bool = False, drawn: bool = False
) -> Callable[[OutputFiles], OutputFiles]: ...
def output_files(
    files: OutputFiles | None = None, *, kept: bool = False, drawn: bool = False
) -> OutputFiles | Callable[[OutputFiles], OutputFiles]:
    """Register output files whose paths depend on the content, as (path, maker) pairs
    (`@output_files`, or `@output_files(kept=True)`: listing the paths must then be cheap)."""

    def register(files: OutputFiles) -> OutputFiles:
        PARTS.append(Part(files.__name__, files, kept=kept, drawn=drawn))
        return files

    return register if files is None else register(files)


def fallback_files(files: OutputFiles) -> OutputFiles:
    """Register files that any other part may replace: the theme's static files under generated ones."""
    PARTS.append(Part(files.__name__, files, fallback=True))
    return files


class SiteFiles:
    """The site's files, each made when first asked for: every one by `build`, a few by `serve`.

    `hints` remembers which part made which path (`serve` keeps it across rebuilds), so asking for
    one page runs one part rather than every page family; a path never seen runs them all.
    """

    def __init__(self, site: Site, hints: dict[str, int] | None = None) -> None:
        self.site = site
        self.hints = {} if hints is None else hints
        self._makers: dict[str, tuple[int, Maker]] = {}
        self._ran: set[int] = set()
        self._made: dict[str, bytes] = {}
        self._kept_pages: Bundle | None = None  # the pages of an earlier build of the same content (`each`)
        self._listing: dict[str, list[str]] = {}  # the paths each page family made, kept with its pages

    def _run(self, index: int) -> None:
        if index in self._ran or index >= len(PARTS):
            return
        self._ran.add(index)
        part = PARTS[index]
        files = part.files(self.site)
        if part.rendered:
            name = part.origin
            kept = self._kept_pages
            if kept is not None and name in kept.meta:  # the family is not even run: its pages are kept
                files = [(path, functools.partial(kept.get, path)) for path in kept.meta[name]]
            listing = self._listing[name] = []
        for path, make in files:
            if part.rendered:
                listing.append(path)
            if part.kept:
                make = functools.partial(self.site.kept, path, make)
            held = self._makers.get(path)
            if held is not None and held[0] != index and not PARTS[held[0]].fallback and not part.fallback:
                raise ValueError(f"{path} is made by both {PARTS[held[0]].name} and {part.name}")
            if held is None or not part.fallback:
                self._makers[path] = (index, make)
            if not part.fallback or path not in self.hints:  # a theme's file never hides a generated one
                self.hints[path] = index

    def run_all(self) -> None:
        for index in range(len(PARTS)):
            self._run(index)

    def makers(self) -> dict[str, Maker]:
        """Every path of the site, sorted, with the function that makes its bytes."""
        self.run_all()
        return {path: make for path, (_, make) in sorted(self._makers.items())}

    def get(self, path: str) -> bytes | None:
        """The bytes of one path (made now, then kept), or None when the site has no such file."""
        if path in self._made:
            return self._made[path]
        hint = self.hints.get(path)
        if hint is not None:  # the part that made this path last time
            self._run(hint)
        held = self._makers.get(path)
        if held is None or (held[0] != hint and PARTS[held[0]].fallback):  # a generated file may replace it
            self.run_all()
        if path not in self._makers:
            return None
        content = self._made[path] = self._makers[path][1]()
        return content

    def each(self) -> Iterator[tuple[str, bytes]]:
        """Every file of the site, sorted by path, made one by one and not kept: `build` writes each as it
        comes, so the whole site is never in memory at once (at ten thousand blips it is hundreds of MB)."""
        from .pool import Drawing

        key = self.site.pages_key
        folder = self.site.cache
        name = f"pages-{key[:40]}" if key else ""
        writer = None
        if folder is not None and key:  # a second build of the same content renders no page
            self._kept_pages = open_bundle(folder, name)
            if self._kept_pages is None:
                writer = BundleWriter.start(folder, name)
        try:
            self.run_all()
            drawing = Drawing(self._to_draw())
            try:
                for path in sorted(self._makers):
                    index, make = self._makers[path]
                    content = self._made.get(path)
                    content = drawing.take(path, make) if content is None else content
                    if writer is not None and PARTS[index].rendered:
                        writer.add(path, content)
                    yield path, content
            finally:
                drawing.close()
            if writer is not None:
                writer.finish(self._listing)
        finally:
            if writer is not None:
                writer.discard()
            if self._kept_pages is not None:
                self._kept_pages.close()
                self._kept_pages = None

    def _to_draw(self) -> list[tuple[str, Maker]]:
        """The pictures and PDFs the render cache does not hold, the longest first (see `pool`)."""
        found = []
        for path, (index, make) in self._makers.items():
            if PARTS[index].drawn and path not in self._made and not self.site.has_kept(path):
                found.append((path, make))
        return sorted(found, key=lambda job: (DRAW_ORDER.get(job[0], len(DRAW_ORDER)), job[0]))

    def all(self) -> dict[str, bytes]:
        """Every file of the site, path -> bytes, sorted by path (what `build` writes)."""
        self.run_all()
        return {path: content for path in sorted(self._makers) if (content := self.get(path)) is not None}
