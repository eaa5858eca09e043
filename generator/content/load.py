"""Load and validate every content file into one `Radar`, collecting every problem on the way.

Nothing here raises for bad content: each check adds a `path:line:column`
problem and carries on with what is usable, so one run reports everything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import markup, parsed
from .authoring import similar_titles
from .config import load_capabilities, load_config
from .entries import read_blip, read_initiative
from .files import forget_folders, inside, markdown_files, tree
from .folders import ASSETS_DIR, BLIPS_DIR, INITIATIVES_DIR
from .links import check_references
from .model import Radar
from .parsed import parse_cached
from .problems import Problems
from .schema import (
    ID_RE,
)
from .slug import slug
from .source import Document


def load(
    source: Path, strict: bool = False, bodies: bool = True, memo: markup.Memo | None = None
) -> tuple[Radar | None, Problems]:
    """The radar and every problem in it; `bodies=False` leaves the Markdown bodies unrendered (empty)
    for `radar check`, which only reports problems: rendering Markdown is most of the load's time and
    finds none.  `memo` keeps rendered bodies between runs (in the render cache)."""
    parsed.memo = memo
    forget_folders()
    try:
        return _load(source, strict, bodies)
    finally:
        parsed.memo = None
        if memo is not None:
            memo.save()


def _load(source: Path, strict: bool, bodies: bool) -> tuple[Radar | None, Problems]:
    problems = Problems(source)
    radar = load_config(source, problems, strict)
    if radar is None:
        return None, problems
    radar.capabilities = load_capabilities(source, radar, problems, strict)
    radar.initiatives = _load_all(
        source / INITIATIVES_DIR,
        problems,
        lambda p, d: read_initiative(p, d, radar, problems, strict, bodies),
        "initiative",
        required=False,
    )
    context = _same_context(
        _blip_context(radar, problems, strict) + (bodies, parsed.memo)
    )  # a new memo sees every body
    radar.blips = _load_all(
        source / BLIPS_DIR,
        problems,
        lambda p, d: _made_cached(p, d, context, problems, lambda into: read_blip(p, d, radar, into, strict, bodies)),
        "blip",
        required=True,
    )
    similar_titles(radar, problems)
    assets = source / ASSETS_DIR
    found = tree(assets, problems) if assets.exists() or assets.is_symlink() else []
    names = [p.relative_to(assets).as_posix() for p in found if inside(p, problems) is not None]
    check_references(radar, problems, strict, names)
    return radar, problems


# A checked blip per file, reused while both its parsed file and everything it is checked against
# are unchanged: the live preview reloads a thousand blips on every save.  `_blip_context` must hold
# every part of the radar that `read_blip` reads.
_made: dict[Path, tuple[Document, tuple, Any, list]] = {}


def _blip_context(radar: Radar, problems: Problems, strict: bool) -> tuple:
    cells = tuple(radar.capabilities.cells) if radar.capabilities else ()
    root = str(problems.root)
    return (
        radar.quadrants,
        radar.all_rings,
        radar.edition,
        cells,
        tuple(radar.initiatives),
        strict,
        root,
        problems.language,
    )


_last_context: tuple = ()


def _same_context(context: tuple) -> tuple:
    """The last load's context when equal to this one: each file's check then compares the tuple by
    identity, not its quadrants, rings and cells field by field (8,000 comparisons a load at 1000 blips)."""
    global _last_context
    if context != _last_context:
        _last_context = context
    return _last_context


def _made_cached(path: Path, doc: Document, context: tuple, problems: Problems, make: Callable[[Problems], Any]) -> Any:
    cached = _made.get(path)
    if cached is None or cached[0] is not doc or cached[1] != context:
        scratch = problems.scratch()
        cached = (doc, context, make(scratch), scratch.items)
        _made[path] = cached
    problems.items.extend(cached[3])
    return cached[2]


def _load_all(
    folder: Path, problems: Problems, make: Callable[[Path, Document], Any], what: str, required: bool
) -> dict[str, Any]:
    found: dict[str, Any] = {}
    first_path: dict[str, Path] = {}
    for path in markdown_files(folder, problems, required, what):
        ident = path.stem
        if not ID_RE.match(ident):
            suggestion = slug(ident, fallback=what)
            problems.add(path, 1, 1, problems.t(f"check.file_name_{what}", suggestion=suggestion))
            doc = parse_cached(path, problems)  # still check what is inside: one run shows every problem
            if doc is not None:
                make(path, doc)
            continue
        if ident in first_path:
            other = problems.relative(first_path[ident])
            problems.add(path, 1, 1, problems.t(f"check.same_id_{what}", id=ident, other=other))
            continue
        first_path[ident] = path
        doc = parse_cached(path, problems)
        if doc is None:
            continue
        item = make(path, doc)
        if item is not None:
            found[ident] = item
    return dict(sorted(found.items()))
