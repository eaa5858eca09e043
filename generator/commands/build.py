"""The pipeline: load and validate, lay out, render, write.  One function per stage."""

from __future__ import annotations

import functools
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

import jinja2

from .. import __version__
from ..content.load import load
from ..content.model import Radar
from ..content.problems import report
from ..interop import exports
from ..outputs import picture
from ..outputs.cache import cache_folder, cached
from ..outputs.data import dumps, radar_data
from ..outputs.write import OutputError, check_target, write_failure, write_site
from ..render import archive_pages, search, urls
from ..render.pages import FAMILIES, Site, template_problem
from ..render.theme import Theme, colors_css


def cached_raster(source: Path, frame: picture.Frame, dots: list[picture.Dot], fmt: str, title: str) -> bytes:
    """PNG/PDF rendering is the slowest step; its inputs are small, so key a disk cache on them."""
    code = Path(picture.__file__).read_bytes()  # a change to the drawing code invalidates the cache
    key = hashlib.sha256(repr((__version__, code, frame, dots, fmt, title)).encode()).hexdigest()
    return cached(cache_folder(source), f"{key}.{fmt}", lambda: picture.raster(frame, dots, fmt, title))


def render_site(radar: Radar, source: Path, lazy: bool = False) -> tuple[Site, dict[str, bytes]]:
    """Every file of the site, in memory, path -> bytes.

    With `lazy`, pages and rasters are zero-argument callables instead of bytes: the live
    preview (serve.py) renders only what a browser asks for, so a save shows at once on a big radar.
    """
    site = Site(radar, Theme(source, radar.theme))
    files: dict[str, bytes] = {}
    put = _putter(files, lazy)
    for family in FAMILIES:
        for page in family(site):
            put(page.path, site.render, page)
    files.update(other_files(site, source, lazy))
    return site, dict(sorted(files.items()))


def _putter(files: dict[str, bytes], lazy: bool) -> Callable[..., None]:
    def put(path: str, make: Callable[..., bytes], *args: object) -> None:
        files[path] = functools.partial(make, *args) if lazy else make(*args)  # type: ignore[assignment]

    return put


def other_files(site: Site, source: Path, lazy: bool = False) -> dict[str, bytes]:
    """Every file that is not a page of a family: pictures, data, static and generated files.

    Apart from the pages because the live preview (serve.py) runs page families only for the
    pages a browser asks for, and these files separately.
    """
    radar = site.radar
    files: dict[str, bytes] = {}
    put = _putter(files, lazy)
    view = site.current
    title = f"{radar.title} — {radar.edition}"
    put(
        "radar.svg",
        lambda: picture.svg(
            view.frame(), view.dots, "", site.t("radar_of", title=radar.title, edition=radar.edition)
        ).encode("utf-8"),
    )
    for fmt in ("png", "pdf"):
        put(f"radar.{fmt}", cached_raster, source, view.frame(), view.dots, fmt, title)
    put("radar.json", lambda: dumps(radar_data(site)))
    # Ring moves and archive: a chart per edition, the review PDF (with the disk-cached radar PNG)
    radar_png = functools.partial(cached_raster, source, view.frame(), view.dots, "png", title)
    for path, make in archive_pages.review_files(site, radar_png, cache_folder(source)).items():
        put(path, make)
    for name, path in site.theme.static_files().items():
        files[f"static/{name}"] = path.read_bytes()
    files.update(asset_files(source))
    files.update(exports.site_files(radar))  # the radar for BYOR, Backstage and Zalando, to load by URL
    # Search and filters: the search index script and the model's colours as CSS (generated: they win)
    put(urls.SEARCH_INDEX, search.index_script, site)
    files[urls.COLORS_CSS] = colors_css(radar.quadrants, radar.rings)
    return files


ASSETS = "assets"


def asset_files(source: Path) -> dict[str, bytes]:
    """assets/: images and files that blip texts link to ('../assets/x.png'), copied as they are.
    Only regular files inside the folder: a link to elsewhere on the build machine is not published."""
    folder = source / ASSETS
    if not folder.is_dir():
        return {}
    root = folder.resolve()
    return {
        f"{ASSETS}/{path.relative_to(folder).as_posix()}": path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
        and not path.is_symlink()
        and path.resolve().is_relative_to(root)
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    }


def growth_notes(site: Site) -> list[str]:
    notes = []
    for ring, quadrant, count, factor in site.current.layout.grown:
        notes.append(
            site.t(
                "build.widened",
                ring=site.radar.rings[ring].name,
                factor=f"{factor:.1f}",
                count=count,
                quadrant=site.radar.quadrants[quadrant].name,
            )
        )
    return notes


def build(source: Path, out: Path, strict: bool = False) -> int:
    radar, problems = load(source, strict)
    report(problems)
    t = problems.t  # the radar's language once radar.yaml is read
    if problems.errors or radar is None:
        print(t("build.nothing_written", out=out), file=sys.stderr)
        return 1
    try:
        check_target(out, source)
        site, files = render_site(radar, source)
        write_site(out, files)
    except OutputError as exc:
        print(t("cli.error", message=exc.text(radar.language)), file=sys.stderr)
        return 1
    except OSError as exc:  # --out under a file, a read-only parent, a full disk: the old site stays as it was
        failure = write_failure(out, exc, radar.language)
        print(t("cli.error", message=failure) + "\n" + t("build.nothing_written", out=out), file=sys.stderr)
        return 1
    except jinja2.TemplateError as exc:
        print(template_problem(exc).text() + "\n" + t("build.nothing_written", out=out), file=sys.stderr)
        return 1
    for note in growth_notes(site):
        print(note, file=sys.stderr)
    pages = sum(1 for f in files if f.endswith(".html"))
    print(t("build.built", out=out, pages=pages, count=len(radar.blips), edition=radar.edition))
    return 0
