"""Links and images in blip and initiative texts: each must land on a page or file of the site.

A link to a blip that was renamed, an initiative that never existed or a file nobody added
passes review unnoticed and gives readers a dead end.  Every relative link is resolved from its
page's folder against what the build will write; one that leads nowhere is a warning at its
`path:line:column` (an error with --strict, which CI runs).  An image that points out of the
site (`/etc/passwd`, `../../../x`) is always an error: the page would ask the web server for a
file of the machine, and the image is shown as a link instead.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import unquote

from .. import urls
from .folders import ASSETS_DIR
from .model import Radar, Reference
from .problems import ERROR, WARNING, Problem, Problems

# Files the build writes at the site's root besides the pages of urls (pictures and data).
ROOT_FILES = ("radar.png", "radar.pdf", "radar.svg")
ASSETS = ASSETS_DIR.as_posix()  # copied into the site as they are
# Folders whose every file the model names; links elsewhere (editions/, static/) are not judged.
KNOWN_FOLDERS = ("blips", "initiatives", "capabilities", "quadrants", "rings", "tags", "")


def escapes_site(url: str) -> bool:
    """True for a path that leaves any page's folder for the file system (/etc/passwd, ../../../x).

    Pages lie at most one folder deep, so a path that climbs two folders up is outside the site.
    """
    path = url.split("#", 1)[0].split("?", 1)[0]
    return path.startswith(("/", "\\")) or posixpath.normpath(posixpath.join("a", path)).startswith("../")


def site_files(radar: Radar) -> set[str]:
    """Every file the build writes in the folders that links are judged against."""
    files = {urls.INDEX, urls.RADAR_JSON, urls.SEARCH, urls.MOVES, urls.REVIEW_PDF, *ROOT_FILES}
    files |= {urls.blip_url(b) for b in radar.blips}
    files |= {urls.tag_url(t) for b in radar.blips.values() for t in b.tags}
    files |= {urls.quadrant_url(q.id) for q in radar.quadrants} | {urls.ring_url(r.id) for r in radar.rings}
    if radar.initiatives:
        files |= {urls.INITIATIVES, *(urls.initiative_url(i) for i in radar.initiatives)}
    if radar.capabilities:
        files |= {urls.CAPABILITIES, *(urls.cell_url(c) for c in radar.capabilities.cells)}
    return files


def check_references(radar: Radar, problems: Problems, strict: bool, assets: list[str]) -> None:
    """`assets` are the names under assets/ (copied into the site as they are)."""
    files = frozenset(site_files(radar) | {f"{ASSETS}/{name}" for name in assets})
    judged = _judged_against(files)
    by_folder: dict[str, list[str]] = {}  # the names to suggest from, per folder, gathered at the first dead link

    @cache
    def closest(folder: str, name: str) -> str | None:
        """The page name nearest a dead link's, once per name: a radar copied from another (or the
        live preview of one) can hold the same dead link in a thousand files, each costing a
        comparison with every page of its folder."""
        if not by_folder:
            for f in files:
                by_folder.setdefault(posixpath.dirname(f), []).append(posixpath.basename(f).removesuffix(".html"))
        close = difflib.get_close_matches(name, sorted(by_folder.get(folder, ())), n=1, cutoff=0.6)
        return close[0] if close else None

    pages = [(urls.blip_url(b.id), b.source, b.references) for b in radar.blips.values()]
    pages += [(urls.initiative_url(i.id), i.source, i.references) for i in radar.initiatives.values()]
    root = problems.root
    for page, source, references in pages:
        for ref in references:
            # The finished problem is kept too: making it (the file's path relative to the radar,
            # control characters escaped) cost more than judging, for a thousand dead links a save.
            key = (ref, page, strict, problems.language, root, source)
            found = judged.get(key)
            if found is None:
                message, severity = _judge(ref, page, files, closest, strict, problems)
                found = judged[key] = _made_problem(problems, root / source, ref, message, severity)
            if found:
                problems.items.append(found[0])


def _made_problem(problems: Problems, path: Path, ref: Reference, message: str, severity: str) -> tuple[Problem, ...]:
    """The problem `problems.add` makes for a dead link (none for a good one), to be added again as it is."""
    if not message:
        return ()
    scratch = problems.scratch()
    scratch.add(path, ref.line, ref.column, message, severity)
    return (scratch.items[0],)


# What each link was judged against the last set of site files: the live preview checks every link of
# a thousand files on each save, and a save seldom adds or removes a page.
_judged: tuple[frozenset[str], dict[tuple, tuple[Problem, ...]]] = (frozenset(), {})


def _judged_against(files: frozenset[str]) -> dict[tuple, tuple[Problem, ...]]:
    global _judged
    if _judged[0] != files:
        _judged = (files, {})
    return _judged[1]


def _judge(
    ref: Reference,
    page: str,
    files: frozenset[str],
    closest: Callable[[str, str], str | None],
    strict: bool,
    problems: Problems,
) -> tuple[str, str]:
    path = unquote(ref.url.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return "", ERROR  # a link within the page
    if escapes_site(path):
        if ref.kind == "image":
            return problems.t("hardening.image_outside", url=ref.url), ERROR
        return problems.t("hardening.link_outside", url=ref.url), ERROR if strict else WARNING
    path = posixpath.splitext(path)[0] + ".html" if path.endswith(".md") else path
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    folder = posixpath.dirname(target)
    if (folder not in KNOWN_FOLDERS and not target.startswith(f"{ASSETS}/")) or target in files:
        return "", ERROR
    name = posixpath.basename(target).removesuffix(".html")
    what = {"blips": "blip", "initiatives": "initiative", "capabilities": "cell"}.get(folder, "page")
    close = closest(folder, name)
    hint = problems.t("check.did_you_mean", choice=close) + " " if close else ""
    message = problems.t(
        "hardening.link_nowhere",
        kind=problems.t(f"hardening.kind_{ref.kind}"),
        url=ref.url,
        what=problems.t(f"hardening.what_{what}"),
        target=target,
        hint=hint,
    )
    return message, ERROR if strict else WARNING
