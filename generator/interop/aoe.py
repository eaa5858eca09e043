"""AOE's Technology Radar: a folder per release (`radar/<YYYY-MM-DD>/<id>.md`) and `config.json`.

A release holds only the technologies it revised: a later file is a new revision of the same
id and may leave fields out (they carry over), and a technology no release mentions again stays
on the radar.  Bodies are Markdown with site-absolute links (`/tools/playwright`) and images
(`/images/x.png`), which are pointed at the radar's own pages and its assets/ folder.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markdown_it import MarkdownIt

from ..content.schema import ID_RE
from .ids import Ids
from .radar_files import Imported
from .snapshots import Report, Row, Snapshot, dated, histories, latest_per_quarter
from .sources import SourceError
from .text import excerpt, html_to_markdown, plain, repair
from .vocabulary import Entry, Vocabulary

IMAGE_FOLDERS = ("public/images", "images", "static/images", "public")


def read(folder: Path, aliases: dict[str, str], report: Report, title: str = "") -> Imported:
    config_path = folder / "config.json"
    releases = sorted(p for p in (folder / "radar").glob("*") if p.is_dir() and dated(p.name))
    if not releases:
        raise SourceError("import.aoe_no_releases", folder=folder)
    config = _config(config_path, report)
    home = urlsplit(str(config.get("baseUrl") or "")).netloc
    quadrants = _vocabulary("quadrant", config.get("segments") or config.get("quadrants"), aliases)
    rings = _vocabulary("ring", config.get("rings"), aliases)
    files = [(release, path) for release in releases for path in sorted(release.glob("*.md"))]
    ids = Ids()
    idents = {path: _ident(path, ids) for _, path in files}
    known = set(idents.values())
    assets: dict[str, bytes] = {}
    carried: dict[str, dict] = {}
    snapshots = []
    for release in releases:
        edition, order = dated(release.name) or ("", "")
        rows = []
        for path in sorted(release.glob("*.md")):
            where = f"radar/{release.name}/{path.name}"
            front, body = _read(path, where, report)
            if front is None:
                continue
            ident = idents[path]
            fields = {**carried.get(ident, {}), **{k: v for k, v in front.items() if v is not None}}
            if "segment" in fields and "quadrant" not in front:
                fields["quadrant"] = fields.pop("segment")
            fields.pop("segment", None)
            carried[ident] = fields
            ring, quadrant = rings.resolve(fields.get("ring")), quadrants.resolve(fields.get("quadrant"))
            if ring is None or quadrant is None or not fields.get("title"):
                what = "title" if not fields.get("title") else "ring" if ring is None else "quadrant"
                report.drop(f"{where}:2", f"import.aoe_no_{what}", value=repr(fields.get(what)))
                continue
            text = _markdown(body, Links(folder, home, known, assets, where), report)
            tags = fields.get("tags") or []
            rows.append(
                Row(
                    name=repair(str(fields["title"])),
                    ring=ring,
                    quadrant=quadrant,
                    where=where,
                    text=text,
                    note=excerpt(plain(text), 300) if text else release.name,
                    tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
                    fields={"featured": False} if fields.get("featured") is False else {"featured": True},
                    ident=ident,
                )
            )
        snapshots.append(Snapshot(edition, release.name, order, rows, complete=False, source=release.name))
    ordered = latest_per_quarter(snapshots, report)
    blips = histories(ordered, report, ids)
    for blip in blips:
        if blip.fields.get("featured") is True:
            del blip.fields["featured"]
    labels = config.get("labels")
    name = title or str((labels.get("title") if isinstance(labels, dict) else "") or "Technology Radar")
    if assets:
        report.counts["assets"] = len(assets)
    editions = [s.edition for s in ordered]
    return Imported(name, ordered[-1].edition, quadrants, rings, blips, assets=assets, editions=editions)


def _config(path: Path, report: Report) -> dict:
    if not path.is_file():
        report.note("", "import.aoe_no_config")
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
        raise SourceError("import.not_json", name=path, error=error) from error
    return data if isinstance(data, dict) else {}


def _vocabulary(kind: str, items: object, aliases: dict[str, str]) -> Vocabulary:
    entries = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and item.get("id"):
            entries.append(
                Entry(
                    str(item["id"]),
                    str(item.get("title") or item.get("name") or item["id"]),
                    str(item.get("description") or ""),
                    str(item.get("color") or ""),
                )
            )
    return Vocabulary(kind, entries, aliases, open=not entries)


def _ident(path: Path, ids: Ids) -> str:
    """The file name is AOE's id too; one that is not a valid id here is made one."""
    return path.stem if ID_RE.match(path.stem) else ids.get(path.stem)


def _read(path: Path, where: str, report: Report) -> tuple[dict | None, str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("---"):
        return {}, text
    parts = text.split("\n---", 1)
    if len(parts) < 2:
        report.drop(f"{where}:1", "import.aoe_not_closed")
        return None, ""
    try:
        front = yaml.safe_load(parts[0][3:]) or {}
    except RecursionError:
        report.drop(f"{where}:2", "import.aoe_too_deep")
        return None, ""
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 2
        report.drop(f"{where}:{line}", "import.aoe_not_yaml", error=getattr(error, "problem", error))
        return None, ""
    if not isinstance(front, dict):
        report.drop(f"{where}:2", "import.aoe_not_fields")
        return None, ""
    body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
    return front, body


@dataclass
class Links:
    """What a body's links are resolved against: the source folder, the site's own address
    (config.json's baseUrl), the ids of every technology, and the assets gathered so far."""

    folder: Path
    home: str  # netloc of baseUrl, such as 'techradar.aoe.com'; '' when unknown
    known: set[str]
    assets: dict[str, bytes]
    where: str


def _markdown(body: str, links: Links, report: Report) -> str:
    """The body with its links pointed inside the radar: parsed as Markdown, written back by markdownify."""
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(repair(body))

    def resolve(href: str) -> str | None:
        parts = urlsplit(href)
        if parts.scheme in ("mailto",) or (not parts.scheme and not parts.path and parts.fragment):
            return href
        if parts.scheme in ("http", "https") and not (links.home and parts.netloc == links.home):
            return href
        path = parts.path
        if posixpath.splitext(path)[1].lower() in (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"):
            return _asset(path, links.folder, links.assets, links.where, report)
        segments = [s for s in path.split("/") if s and s != ".."]
        if segments and segments[-1].removesuffix(".html").removesuffix(".md") in links.known:
            return f"{segments[-1].removesuffix('.html').removesuffix('.md')}.md"
        report.note(links.where, "import.aoe_link_nowhere", href=href)
        return None

    return html_to_markdown(html, resolve)


def _asset(path: str, folder: Path, assets: dict[str, bytes], where: str, report: Report) -> str | None:
    name = posixpath.basename(path)
    for base in IMAGE_FOLDERS:
        candidate = (folder / base / name).resolve()
        if candidate.is_file() and candidate.is_relative_to(folder.resolve()):
            assets[name] = candidate.read_bytes()
            return f"../assets/{name}"
    report.note(where, "import.aoe_image_outside", path=path)
    return None
