"""radar/radar.yaml and radar/capabilities.yaml: the radar's settings, segments and capability model,
checked field by field with every problem at its line."""

from __future__ import annotations

import re
from pathlib import Path

from . import periods
from .files import inside, tree
from .folders import CAPABILITIES_FILE, RADAR_FILE, THEMES_DIR
from .model import Axis, CapabilityModel, Cell, Radar, Score, Segment
from .parsed import read_yaml_cached
from .problems import Problems
from .schema import (
    AXIS_FIELDS,
    CAPABILITIES_FIELDS,
    CELL_FIELDS,
    EDITION_RE,
    ENTRY_FIELDS,
    LANGUAGE_RE,
    RADAR_FIELDS,
    SCORE_FIELDS,
    SCORE_STATUSES,
    read_fields,
)
from .source import Document, read_text
from .spot import check_id, reporter
from .theme import CONTRAST_PARTNER, Theme, contrast, nearest_passing

COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")


COUNTS = {"quadrants": (2, 8), "rings": (2, 6)}
# A top-level 'language: nl' line, found in the text when the YAML around it does not parse.
_LANGUAGE_LINE = re.compile(r"""^language:[ \t]*(["']?)([^\s"'#]+)\1[ \t]*(?:#.*)?$""", re.MULTILINE)


def _read_in_its_language(path: Path, problems: Problems) -> Document | None:
    """radar.yaml parsed, its syntax errors said in the language it names: the language is only known
    once the file parses, so a file that does not is read again for its 'language:' line alone."""
    found = problems.scratch()
    doc = read_yaml_cached(path, found)
    if doc is None:
        text = read_text(path, problems.scratch())
        said = _LANGUAGE_LINE.search(text) if text is not None else None
        if said is not None and LANGUAGE_RE.match(said[2]) and said[2] != problems.language:
            problems.language = said[2]
            found = problems.scratch()
            doc = read_yaml_cached(path, found)
    problems.items.extend(found.items)
    return doc


def load_config(source: Path, problems: Problems, strict: bool) -> Radar | None:
    path = source / RADAR_FILE
    if not path.exists() and not path.is_symlink():
        problems.add(
            path,
            1,
            1,
            problems.t("check.no_config", path=RADAR_FILE.as_posix()),
        )
        return None
    doc = _read_in_its_language(path, problems)
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
        reporter(problems, doc, "language")(problems.t("check.bad_language", language=language))
        language = "en"
    theme = Theme(source, fields.get("theme", "default"), problems.language)
    theme.report(problems)
    if "theme" in fields and not (source / THEMES_DIR / fields["theme"]).is_dir() and fields["theme"] != "default":
        reporter(problems, doc, "theme")(problems.t("check.no_theme", theme=fields["theme"]))
    published = []
    for i, edition in enumerate(fields.get("editions", [])):
        if not EDITION_RE.match(edition) or ("edition" in fields and edition > fields["edition"]):
            reporter(problems, doc, "editions", i)(
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
        reporter(problems, doc, kind, key=True)(problems.t(f"check.count_{kind}", low=low, high=high, count=len(now)))
    palette = theme.colors(kind[:-1], len(entries))
    result: list[Segment] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        what = problems.t(f"check.what_{kind[:-1]}", n=i + 1)
        f = read_fields(doc, (kind, i), entry, ENTRY_FIELDS, problems, strict, what)
        if not f or "id" not in f or "name" not in f:
            continue
        if f["id"] in seen:
            reporter(problems, doc, kind, i, "id")(problems.t(f"check.twice_{kind[:-1]}", id=f["id"]))
            continue
        seen.add(f["id"])
        color = f.get("color", palette[i])
        if not COLOR_RE.match(color):
            reporter(problems, doc, kind, i, "color")(problems.t("check.colour_format", color=color))
            color = palette[i]
        partner, _ = CONTRAST_PARTNER[kind[:-1]]
        if contrast(color, partner) < 4.5:
            key = "check.contrast_" + ("darker" if partner == "#ffffff" else "lighter")
            reporter(problems, doc, kind, i, "color")(
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
            reporter(problems, doc, kind, i, key=True)(problems.t("check.period_for_rings"))
        result.append(
            Segment(
                f["id"], f["name"], f.get("description", ""), len(result), color, f.get("from", ""), f.get("until", "")
            )
        )
    return tuple(result)


def load_capabilities(source: Path, radar: Radar, problems: Problems, strict: bool) -> CapabilityModel | None:
    path = source / CAPABILITIES_FILE
    if not path.exists() and not path.is_symlink():
        return None
    doc = read_yaml_cached(path, problems)
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
        ok = check_id(problems, doc, ("cells", i, "column"), f["column"], column_ids, problems.t("check.noun_column"))
        ok &= check_id(problems, doc, ("cells", i, "row"), f["row"], row_ids, problems.t("check.noun_row"))
        if f["id"] in cells:
            reporter(problems, doc, "cells", i, "id")(problems.t("check.twice_cell", id=f["id"]))
            continue
        if ok and (f["column"], f["row"]) in taken:
            reporter(problems, doc, "cells", i, "row")(
                problems.t("check.cell_taken", column=f["column"], row=f["row"], cell=taken[f["column"], f["row"]])
            )
            continue
        taken[f["column"], f["row"]] = f["id"]
        scores = _scores(doc, i, f.get("scores", []), problems, strict, radar.edition)
        cells[f["id"]] = Cell(f["id"], f["column"], f["row"], f["title"], tuple(f["criteria"]), scores)
    for column in column_ids:
        for row in row_ids:
            if (column, row) not in taken:
                reporter(problems, doc, "cells", key=True)(problems.t("check.cell_missing", column=column, row=row))
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
        if not check_id(problems, doc, at + ("status",), f["status"], list(SCORE_STATUSES), noun):
            continue
        if result and f["edition"] <= result[-1].edition:
            reporter(problems, doc, *at, "edition")(
                problems.t("check.scores_order", edition=f["edition"], previous=result[-1].edition)
            )
            continue
        if f["edition"] > current:
            reporter(problems, doc, *at, "edition")(
                problems.t("check.after_current", edition=f["edition"], current=current)
            )
            continue
        result.append(Score(f["edition"], f["status"], f.get("lead", ""), f.get("note", "")))
    return tuple(result)


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
