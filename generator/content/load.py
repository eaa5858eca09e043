"""Load and validate every content file into one `Radar`, collecting every problem on the way.

Nothing here raises for bad content: each check adds a `path:line:column`
problem and carries on with what is usable, so one run reports everything.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from ..i18n import catalogues
from . import periods
from .files import inside, markdown_files, tree
from .folders import ASSETS_DIR, BLIPS_DIR, CAPABILITIES_FILE, INITIATIVES_DIR, RADAR_FILE, THEMES_DIR
from .links import check_references
from .model import Axis, Blip, CapabilityModel, Cell, HistoryEntry, Initiative, Leaflet, Radar, Score, Segment
from .problems import ERROR, WARNING, Problems
from .schema import (
    AXIS_FIELDS,
    BLIP_FIELDS,
    CAPABILITIES_FIELDS,
    CELL_FIELDS,
    EDITION_RE,
    ENTRY_FIELDS,
    HISTORY_FIELDS,
    ID_RE,
    INITIATIVE_FIELDS,
    INITIATIVE_STATUSES,
    LANGUAGE_RE,
    LEAFLET_FIELDS,
    RADAR_FIELDS,
    SCORE_FIELDS,
    SCORE_STATUSES,
    contact_problem,
    read_fields,
)
from .similar import close_titles
from .slug import slug
from .source import Document, read_front_matter_file, read_yaml_file
from .theme import CONTRAST_PARTNER, Theme, contrast, nearest_passing
from .yamltext import history_entry

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
COUNTS = {"quadrants": (2, 8), "rings": (2, 6)}

# Parsed front matter per file, and its Markdown rendered (or only its links found) once asked for,
# reused while the file is unchanged (the live preview reloads every file on every save).
_parsed: dict[Path, tuple[tuple[int, int, str], Document | None, list, dict[str, tuple[str, str, tuple]]]] = {}


def load(source: Path, strict: bool = False, bodies: bool = True) -> tuple[Radar | None, Problems]:
    """The radar and every problem in it; `bodies=False` leaves the Markdown bodies unrendered (empty)
    for `radar check`, which only reports problems: rendering Markdown is most of the load's time and
    finds none."""
    problems = Problems(source)
    radar = _load_config(source, problems, strict)
    if radar is None:
        return None, problems
    radar.capabilities = _load_capabilities(source, radar, problems, strict)
    radar.initiatives = _load_all(
        source / INITIATIVES_DIR,
        problems,
        lambda p, d: _initiative(p, d, radar, problems, strict, bodies),
        "initiative",
        required=False,
    )
    context = _blip_context(radar, problems, strict) + (bodies,)
    radar.blips = _load_all(
        source / BLIPS_DIR,
        problems,
        lambda p, d: _made_cached(p, d, context, problems, lambda into: _blip(p, d, radar, into, strict, bodies)),
        "blip",
        required=True,
    )
    _similar_titles(radar, problems)
    assets = source / ASSETS_DIR
    found = tree(assets, problems) if assets.exists() or assets.is_symlink() else []
    names = [p.relative_to(assets).as_posix() for p in found if inside(p, problems) is not None]
    check_references(radar, problems, strict, names)
    return radar, problems


# A checked blip per file, reused while both its parsed file and everything it is checked against
# are unchanged: the live preview reloads a thousand blips on every save.  `_blip_context` must hold
# every part of the radar that `_blip` reads.
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


def _made_cached(path: Path, doc: Document, context: tuple, problems: Problems, make: Callable[[Problems], Any]) -> Any:
    cached = _made.get(path)
    if cached is None or cached[0] is not doc or cached[1] != context:
        scratch = problems.scratch()
        cached = (doc, context, make(scratch), scratch.items)
        _made[path] = cached
    problems.items.extend(cached[3])
    return cached[2]


def _where(problems: Problems, doc: Document, *at: Any, key: bool = False) -> Callable[[str], None]:
    """A reporter bound to one spot in one file."""
    line, col = doc.where(*at, key=key)
    return lambda message: problems.add(doc.path, line, col, message)


def _check_id(problems: Problems, doc: Document, at: tuple, value: str, valid: list[str], what: str) -> bool:
    if value in valid:
        return True
    _where(problems, doc, *at)(
        problems.t("check.unknown_id", what=what, value=value, choices=problems.choices(valid, value))
    )
    return False


def _similar_titles(radar: Radar, problems: Problems) -> None:
    """Warn on a blip new in this edition whose title is close to another's: did the author mean
    the existing one?  Blips already on the radar were decided on and are left in peace."""
    new = {i: b for i, b in radar.blips.items() if b.history and b.history[0].edition == radar.edition}
    existing = ((i, b.title) for i, b in radar.blips.items() if i not in new)
    close = close_titles(existing, ((i, b.title) for i, b in new.items()), radar.language)
    for ident, other in close.items():
        path = problems.root / new[ident].source  # where it was read, sub-folders included
        doc = _parse_cached(path, problems)
        line, col = doc.where("title") if doc is not None else (1, 1)
        theirs = radar.blips[other]
        message = problems.t("check.similar_title", title=theirs.title, path=theirs.source)
        problems.add(path, line, col, message, WARNING)


# --- radar.yaml -------------------------------------------------------------------------------


def _load_config(source: Path, problems: Problems, strict: bool) -> Radar | None:
    path = source / RADAR_FILE
    if not path.exists() and not path.is_symlink():
        problems.add(
            path,
            1,
            1,
            problems.t("check.no_config", path=RADAR_FILE.as_posix()),
        )
        return None
    doc = _read_yaml_cached(path, problems)
    if doc is None:
        return None
    said = doc.data.get("language") if isinstance(doc.data, dict) else None
    if isinstance(said, str) and LANGUAGE_RE.match(said):
        problems.language = said  # every message from here on is in the radar's language (or its fallback)
    fields = read_fields(doc, (), doc.data, RADAR_FIELDS, problems, strict, RADAR_FILE.as_posix())
    if fields is None:
        return None
    language = fields.get("language", "nl")
    if "language" in fields and not LANGUAGE_RE.match(language):
        _where(problems, doc, "language")(problems.t("check.bad_language", language=language))
        language = "en"
    theme = Theme(source, fields.get("theme", "default"), problems.language)
    theme.report(problems)
    if "theme" in fields and not (source / THEMES_DIR / fields["theme"]).is_dir() and fields["theme"] != "default":
        _where(problems, doc, "theme")(problems.t("check.no_theme", theme=fields["theme"]))
    published = []
    for i, edition in enumerate(fields.get("editions", [])):
        if not EDITION_RE.match(edition) or ("edition" in fields and edition > fields["edition"]):
            _where(problems, doc, "editions", i)(
                problems.t("check.editions_entry", edition=edition, current=fields.get("edition", ""))
            )
        else:
            published.append(edition)
    _check_theme_files(source, fields.get("theme", "default"), problems)
    segments = {}
    for kind in ("quadrants", "rings"):
        segments[kind] = _segments(doc, kind, fields.get(kind, []), theme, problems, strict)
    if "quadrants" not in fields or "rings" not in fields or "edition" not in fields:
        return None
    rings, declared = periods.place(doc, segments["rings"], fields["edition"], problems, COUNTS["rings"][1])
    return Radar(
        title=fields.get("title", ""),
        language=language,
        edition=fields["edition"],
        description=fields.get("description", ""),
        theme=fields.get("theme", "default"),
        quadrants=segments["quadrants"],
        rings=rings,
        declared_rings=declared if declared != rings else (),
        published=tuple(sorted(set(published))),
    )


def _segments(
    doc: Document, kind: str, entries: list, theme: Theme, problems: Problems, strict: bool
) -> tuple[Segment, ...]:
    low, high = COUNTS[kind]
    now = [e for e in entries if not (isinstance(e, dict) and "until" in e)]  # rings of older editions only
    if entries and not low <= len(now) <= high:
        _where(problems, doc, kind, key=True)(problems.t(f"check.count_{kind}", low=low, high=high, count=len(now)))
    palette = theme.colors(kind[:-1], len(entries))
    result: list[Segment] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        what = problems.t(f"check.what_{kind[:-1]}", n=i + 1)
        f = read_fields(doc, (kind, i), entry, ENTRY_FIELDS, problems, strict, what)
        if not f or "id" not in f or "name" not in f:
            continue
        if f["id"] in seen:
            _where(problems, doc, kind, i, "id")(problems.t(f"check.twice_{kind[:-1]}", id=f["id"]))
            continue
        seen.add(f["id"])
        color = f.get("color", palette[i])
        if not COLOR_RE.match(color):
            _where(problems, doc, kind, i, "color")(problems.t("check.colour_format", color=color))
            color = palette[i]
        partner, _ = CONTRAST_PARTNER[kind[:-1]]
        if contrast(color, partner) < 4.5:
            key = "check.contrast_" + ("darker" if partner == "#ffffff" else "lighter")
            _where(problems, doc, kind, i, "color")(
                problems.t(
                    key,
                    color=color,
                    origin="" if "color" in f else problems.t("check.from_theme"),
                    what=problems.t(f"check.contrast_{kind[:-1]}"),
                    ratio=f"{contrast(color, partner):.1f}",
                    nearest=nearest_passing(color, partner),
                )
            )
        if kind == "quadrants" and ("from" in f or "until" in f):
            _where(problems, doc, kind, i, key=True)(problems.t("check.period_for_rings"))
        result.append(
            Segment(
                f["id"], f["name"], f.get("description", ""), len(result), color, f.get("from", ""), f.get("until", "")
            )
        )
    return tuple(result)


# --- capabilities.yaml -----------------------------------------------------------------------


def _load_capabilities(source: Path, radar: Radar, problems: Problems, strict: bool) -> CapabilityModel | None:
    path = source / CAPABILITIES_FILE
    if not path.exists() and not path.is_symlink():
        return None
    doc = _read_yaml_cached(path, problems)
    if doc is None:
        return None
    where = CAPABILITIES_FILE.as_posix()
    fields = read_fields(doc, (), doc.data, CAPABILITIES_FIELDS, problems, strict, where)
    if fields is None:
        return None
    axes: dict[str, list[Axis]] = {}
    for kind in ("columns", "rows"):
        axes[kind] = []
        for i, entry in enumerate(fields.get(kind, [])):
            what = problems.t(f"check.what_{kind[:-1]}", n=i + 1)
            f = read_fields(doc, (kind, i), entry, AXIS_FIELDS, problems, strict, what)
            if f and len(f) == 3:
                axes[kind].append(Axis(f["id"], f["name"], f["title"]))
    column_ids = [c.id for c in axes["columns"]]
    row_ids = [r.id for r in axes["rows"]]
    cells: dict[str, Cell] = {}
    taken: dict[tuple[str, str], str] = {}
    for i, entry in enumerate(fields.get("cells", [])):
        f = read_fields(doc, ("cells", i), entry, CELL_FIELDS, problems, strict, problems.t("check.what_cell", n=i + 1))
        if not f or not {"id", "column", "row", "title", "criteria"} <= f.keys():
            continue
        ok = _check_id(problems, doc, ("cells", i, "column"), f["column"], column_ids, problems.t("check.noun_column"))
        ok &= _check_id(problems, doc, ("cells", i, "row"), f["row"], row_ids, problems.t("check.noun_row"))
        if f["id"] in cells:
            _where(problems, doc, "cells", i, "id")(problems.t("check.twice_cell", id=f["id"]))
            continue
        if ok and (f["column"], f["row"]) in taken:
            _where(problems, doc, "cells", i, "row")(
                problems.t("check.cell_taken", column=f["column"], row=f["row"], cell=taken[f["column"], f["row"]])
            )
            continue
        taken[f["column"], f["row"]] = f["id"]
        scores = _scores(doc, i, f.get("scores", []), problems, strict, radar.edition)
        cells[f["id"]] = Cell(f["id"], f["column"], f["row"], f["title"], tuple(f["criteria"]), scores)
    for column in column_ids:
        for row in row_ids:
            if (column, row) not in taken:
                _where(problems, doc, "cells", key=True)(problems.t("check.cell_missing", column=column, row=row))
    return CapabilityModel(
        fields.get("title", ""), fields.get("description", ""), tuple(axes["columns"]), tuple(axes["rows"]), cells
    )


def _scores(
    doc: Document, cell: int, entries: list, problems: Problems, strict: bool, current: str
) -> tuple[Score, ...]:
    result: list[Score] = []
    for j, entry in enumerate(entries):
        at = ("cells", cell, "scores", j)
        f = read_fields(doc, at, entry, SCORE_FIELDS, problems, strict, problems.t("check.what_score", n=j + 1))
        if not f or "edition" not in f or "status" not in f:
            continue
        noun = problems.t("check.noun_score_status")
        if not _check_id(problems, doc, at + ("status",), f["status"], list(SCORE_STATUSES), noun):
            continue
        if result and f["edition"] <= result[-1].edition:
            _where(problems, doc, *at, "edition")(
                problems.t("check.scores_order", edition=f["edition"], previous=result[-1].edition)
            )
            continue
        if f["edition"] > current:
            _where(problems, doc, *at, "edition")(
                problems.t("check.after_current", edition=f["edition"], current=current)
            )
            continue
        result.append(Score(f["edition"], f["status"], f.get("lead", ""), f.get("note", "")))
    return tuple(result)


# --- Markdown files: initiatives and blips ---------------------------------------------------


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
            doc = _parse_cached(path, problems)  # still check what is inside: one run shows every problem
            if doc is not None:
                make(path, doc)
            continue
        if ident in first_path:
            other = problems.relative(first_path[ident])
            problems.add(path, 1, 1, problems.t(f"check.same_id_{what}", id=ident, other=other))
            continue
        first_path[ident] = path
        doc = _parse_cached(path, problems)
        if doc is None:
            continue
        item = make(path, doc)
        if item is not None:
            found[ident] = item
    return dict(sorted(found.items()))


def _check_theme_files(source: Path, name: str, problems: Problems) -> None:
    """Every file of the radar's own themes in use is a regular file inside the radar.

    A theme arrives by pull request like a blip: a link `static/env.txt -> /proc/self/environ`
    would publish the build's secrets, a template linked out of the radar would show its text.
    """
    for theme in dict.fromkeys((name, "default")):
        folder = source / THEMES_DIR / theme
        if folder.exists() or folder.is_symlink():
            for path in tree(folder, problems):
                inside(path, problems)


def _parse_cached(path: Path, problems: Problems) -> Document | None:
    stat = path.stat()
    key = (stat.st_mtime_ns, stat.st_size, problems.language)
    cached = _parsed.get(path)
    if cached is None or cached[0] != key:
        scratch = problems.scratch()
        cached = (key, read_front_matter_file(path, scratch), scratch.items, {})
        _parsed[path] = cached
    problems.items.extend(cached[2])
    return cached[1]


# radar.yaml and capabilities.yaml, kept like the Markdown files while unchanged.
_yaml_docs: dict[Path, tuple[tuple[int, int, str], Document | None, list]] = {}


def _read_yaml_cached(path: Path, problems: Problems) -> Document | None:
    """The YAML file, parsed again only when its mtime or size changed (live preview rebuilds)."""
    real = inside(path, problems)
    if real is None:
        return None
    stat = real.stat()
    key = (stat.st_mtime_ns, stat.st_size, problems.language)
    cached = _yaml_docs.get(path)
    if cached is None or cached[0] != key:
        scratch = problems.scratch()
        cached = (key, read_yaml_file(path, scratch), scratch.items)
        _yaml_docs[path] = cached
    problems.items.extend(cached[2])
    return cached[1]


def _body(path: Path, bodies: bool = True) -> tuple[str, str, tuple]:
    """The file's Markdown body as HTML and as plain text, and its links and images at their file lines,
    made once per version of the file.  Without `bodies` (`radar check`) only the links are found: a
    body holding no link syntax is not parsed at all, and no body is rendered."""
    rendered, doc = _parsed[path][3], _parsed[path][1]
    text, first = (doc.body, doc.body_line) if doc is not None else ("", 0)
    if bodies and "body" not in rendered:
        from . import markup  # markdown-it only where a body is shown or may hold a link

        html, plain, found = markup.render(text)
        rendered["body"] = (html, plain, tuple(replace(r, line=first + r.line) for r in found))
    if "body" in rendered:
        return rendered["body"] if bodies else ("", "", rendered["body"][2])
    if "links" not in rendered:
        found = []
        if "](" in text or "]:" in text:
            from . import markup

            found = markup.references(text)
        rendered["links"] = ("", "", tuple(replace(r, line=first + r.line) for r in found))
    return rendered["links"]


def _check_ids(
    problems: Problems, doc: Document, name: str, values: list[str], valid: list[str], what: str
) -> tuple[str, ...]:
    kept = []
    for i, value in enumerate(values):
        if _check_id(problems, doc, (name, i), value, valid, what) and value not in kept:
            kept.append(value)
    return tuple(kept)


def _cell_ids(radar: Radar) -> list[str]:
    return list(radar.capabilities.cells) if radar.capabilities else []


def _contact(doc: Document, f: dict, problems: Problems) -> str:
    """The contact when readers can use it; otherwise a problem at the field and nothing shown."""
    value = f.get("contact", "")
    message = contact_problem(value, problems) if value else None
    if message:
        _where(problems, doc, "contact")(message)
        return ""
    return value


def _template_sentences(key: str) -> list[str]:
    """The sentences `radar new` writes for authors to replace, in every language, without the title."""
    found = []
    for words in catalogues().values():
        for line in words.get(f"new.{key}", "").splitlines():
            if line.startswith("#"):
                continue
            for part in line.split("{"):
                part = part.split("}")[-1].strip()
                if len(part) >= 20:
                    found.append(part)
    return found


def _leftovers(doc: Document, f: dict, body: str, problems: Problems, strict: bool, key: str) -> None:
    """Template text from `radar new` left in a file: a warning while writing, an error under --strict."""
    severity = ERROR if strict else WARNING
    lines = [" ".join(line.split()) for line in body.splitlines()]
    flat = " ".join(lines)
    for sentence in _template_sentences(key):
        if sentence in flat:
            at = next((n for n, line in enumerate(lines) if sentence[:30] in line), 0)
            message = problems.t("check.template_left", sentence=sentence[:60])
            problems.add(doc.path, (doc.body_line or 1) + at, 1, message, severity)
            break
    said: dict[str, str] = {}  # placeholder note -> what to say about it left as it is
    for words in catalogues().values():
        for placeholder, left in (
            ("new.default_note", "check.default_note_left"),
            ("check.fix_note", "check.fix_note_left"),
        ):
            if placeholder in words:
                said[words[placeholder]] = left
    history = f.get("history")
    for i, entry in enumerate(history if isinstance(history, list) else []):
        if isinstance(entry, dict) and entry.get("note") in said:
            line, col = doc.where("history", i, "note")
            problems.add(doc.path, line, col, problems.t(said[entry["note"]], note=entry["note"]), severity)


def _initiative(
    path: Path, doc: Document, radar: Radar, problems: Problems, strict: bool, bodies: bool = True
) -> Initiative | None:
    f = read_fields(doc, (), doc.data, INITIATIVE_FIELDS, problems, strict, problems.t("check.what_front_matter"))
    if f is None or not {"title", "lead", "status"} <= f.keys():
        return None
    noun = problems.t("check.noun_initiative_status")
    _check_id(problems, doc, ("status",), f["status"], list(INITIATIVE_STATUSES), noun)
    _leftovers(doc, f, doc.body, problems, strict, "initiative_body")
    html, text, references = _body(path, bodies)
    return Initiative(
        id=path.stem,
        title=f["title"],
        lead=f["lead"],
        status=f["status"],
        source=problems.relative(path),
        capabilities=_check_ids(
            problems, doc, "capabilities", f.get("capabilities", []), _cell_ids(radar), problems.t("check.noun_cell")
        ),
        body_html=html,
        body_text=text,
        contact=_contact(doc, f, problems),
        references=references,
    )


def _blip(
    path: Path, doc: Document, radar: Radar, problems: Problems, strict: bool, bodies: bool = True
) -> Blip | None:
    vocab = {"quadrant": [q.id for q in radar.quadrants], "ring": [r.id for r in radar.rings]}
    what = problems.t("check.what_front_matter")
    f = read_fields(doc, (), doc.data, BLIP_FIELDS, problems, strict, what, vocab)
    if f is None:
        return None
    ok = {"title", "quadrant", "ring"} <= f.keys()
    if "quadrant" in f:
        quadrants = [q.id for q in radar.quadrants]
        ok &= _check_id(problems, doc, ("quadrant",), f["quadrant"], quadrants, problems.t("check.noun_quadrant"))
    if "ring" in f:
        ok &= _check_id(problems, doc, ("ring",), f["ring"], [r.id for r in radar.rings], problems.t("check.noun_ring"))
    history = _history(doc, f, radar, problems, strict) if ok else ()
    leaflet = None
    if "leaflet" in f:
        what = problems.t("check.what_leaflet")
        lf = read_fields(doc, ("leaflet",), f["leaflet"], LEAFLET_FIELDS, problems, strict, what)
        if lf and {"purpose", "owner", "risks", "measures"} <= lf.keys():
            leaflet = Leaflet(
                lf["purpose"], lf["owner"], tuple(lf["risks"]), tuple(lf["measures"]), lf.get("published", "")
            )
        if not f.get("algorithm"):
            _where(problems, doc, "leaflet", key=True)(problems.t("check.leaflet_not_algorithm"))
    # A bad ring must not hide typos further down: cells and initiatives are checked either way.
    capabilities = _check_ids(
        problems, doc, "capabilities", f.get("capabilities", []), _cell_ids(radar), problems.t("check.noun_cell")
    )
    noun = problems.t("check.noun_initiative")
    initiatives = _check_ids(problems, doc, "initiatives", f.get("initiatives", []), list(radar.initiatives), noun)
    if f.get("algorithm") and "leaflet" not in f:
        # A warning while the leaflet is being written (the capability model shows such blips as its
        # leaflet gap); an error under --strict, so a release cannot publish an algorithm without one.
        line, col = doc.where("algorithm")
        problems.add(doc.path, line, col, problems.t("check.algorithm_without_leaflet"), ERROR if strict else WARNING)
    _leftovers(doc, f, doc.body, problems, strict, "blip_body")
    if not ok:
        return None
    html, text, references = _body(path, bodies)
    made: dict[str, Any] = {  # the fields that need more than their checked value; the others go in as read
        "id": path.stem,
        "source": problems.relative(path),
        "tags": tuple(dict.fromkeys(t.lower() for t in f.get("tags", []))),
        "capabilities": capabilities,
        "initiatives": initiatives,
        "history": history,
        "algorithm": bool(f.get("algorithm")),
        "featured": f.get("featured", True) is not False,
        "leaflet": leaflet,
        "contact": _contact(doc, f, problems),
        "body_html": html,
        "body_text": text,
        "references": references,
    }
    plain = {name: f[name] for name in BLIP_FIELDS if name in f and name not in made}
    return Blip(**plain, **made)


def _history(doc: Document, f: dict, radar: Radar, problems: Problems, strict: bool) -> tuple[HistoryEntry, ...]:
    """History entries, oldest first; without any, the blip is new in the current edition."""
    if "history" not in f:
        return (HistoryEntry(radar.edition, f["ring"], ""),)
    ring_ids = [r.id for r in radar.all_rings]
    entries: list[HistoryEntry] = []
    lines: list[int] = []
    for i, raw in enumerate(f["history"]):
        raw = _known_history_fields(doc, i, raw, problems)
        what = problems.t("check.what_history", n=i + 1)
        h = read_fields(doc, ("history", i), raw, HISTORY_FIELDS, problems, strict, what, {"ring": ring_ids})
        if not h or "edition" not in h:
            continue
        report = _where(problems, doc, "history", i, "edition")
        if "ring" in h and h.get("retired"):
            _where(problems, doc, "history", i, "retired", key=True)(problems.t("check.ring_and_retired"))
            continue
        if "ring" not in h and not h.get("retired"):
            _where(problems, doc, "history", i)(problems.t("check.ring_or_retired", what=what, ring=ring_ids[0]))
            continue
        noun = problems.t("check.noun_ring")
        if "ring" in h and not _check_id(problems, doc, ("history", i, "ring"), h["ring"], ring_ids, noun):
            continue
        if "ring" in h and not periods.active(radar.ring(h["ring"]), h["edition"]):
            held = [r.id for r in radar.rings_at(h["edition"])]
            _where(problems, doc, "history", i, "ring")(
                problems.t(
                    "check.ring_period", ring=h["ring"], edition=h["edition"], choices=problems.choices(held, h["ring"])
                )
            )
            continue
        if h["edition"] > radar.edition:
            report(
                problems.t("check.after_current", edition=h["edition"], current=radar.edition)
                + f" ({RADAR_FILE.as_posix()})"
            )
            continue
        if entries and h["edition"] <= entries[-1].edition:
            key = "check.history_twice" if h["edition"] == entries[-1].edition else "check.history_order"
            report(problems.t(key, edition=h["edition"], previous=entries[-1].edition, line=lines[-1]))
            continue
        if h.get("retired") and (not entries or entries[-1].retired):
            report(problems.t("check.retired_first"))
            continue
        entries.append(HistoryEntry(h["edition"], h.get("ring"), h.get("note", "")))
        lines.append(doc.where("history", i)[0])
    placed = [e for e in entries if not e.retired]
    if placed and placed[-1].ring != f["ring"]:
        last = lines[entries.index(placed[-1])]
        line, col = doc.where("ring")
        message = problems.t("check.ring_not_history", ring=f["ring"], line=last, last=placed[-1].ring)
        problems.add(
            doc.path,
            line,
            col,
            message,
            fix=history_entry(radar.edition, f["ring"], problems.t("check.fix_note"), "  "),
        )
    return tuple(entries)


def _known_history_fields(doc: Document, i: int, raw: Any, problems: Problems) -> Any:
    """The entry without its unknown fields, each reported as an error (not a warning).

    In a flow-style entry `{edition: 2026-Q4, ring: x, note: Pilot geslaagd, evaluatie positief}`
    the comma ends the note, and 'evaluatie positief' becomes a field of its own: a warning
    would let leadership read a truncated reason, so it is an error that shows the quoted fix.
    """
    if not isinstance(raw, dict):
        return raw  # read_fields says what an entry must be
    node = _child_node(_child_node(doc.node, "history"), i)
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    known = {}
    for name, value in raw.items():
        if str(name) in HISTORY_FIELDS:
            known[name] = value
            continue
        line, col = doc.where("history", i, str(name), key=True)
        message = problems.t("hardening.history_unknown", name=name, n=i + 1, fields=", ".join(HISTORY_FIELDS))
        index = next((j for j, (k, _) in enumerate(pairs) if getattr(k, "value", None) == str(name)), None)
        if index and getattr(node, "flow_style", False) and isinstance(pairs[index - 1][1], yaml.ScalarNode):
            before_key, before_value = pairs[index - 1][0].value, pairs[index - 1][1].value
            cut = f"{name}" if value is None else f"{name}: {value}"
            fixed = f"{before_value}, {cut}".replace('"', '\\"')
            message = problems.t(
                "hardening.history_comma", name=name, n=i + 1, key=before_key, value=before_value, fixed=fixed
            )
        problems.add(doc.path, line, col, message)
    return known


def _child_node(node: yaml.Node | None, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        return next((v for k, v in node.value if getattr(k, "value", None) == step), None)
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
        return node.value[step]
    return None
