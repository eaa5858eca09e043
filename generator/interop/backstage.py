"""Backstage's tech-radar plugin JSON: quadrants, rings and entries, each with a dated timeline.

The timeline already is a history: each `{ringId, date, description}` becomes an entry in the
quarter of its date (of two in one quarter the later wins), its description the note.  Export
writes the same shape, so a Backstage instance can load the built site's `backstage.json` by URL.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..content.model import Radar
from ..content.schema import ID_RE
from ..domain.editions import entry_at
from .ids import Ids
from .radar_files import Imported
from .snapshots import Blip, Report, dated
from .sources import SourceError, line_finder
from .text import excerpt, html_to_markdown, keep_external, plain, repair
from .vocabulary import Entry, Vocabulary


def read(path: Path, aliases: dict[str, str], report: Report, title: str = "") -> Imported:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError("import.not_json", name=f"{path.name}:{error.lineno}", error=error.msg) from error
    except RecursionError as error:
        raise SourceError("import.too_deep", name=path.name) from error
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise SourceError("import.backstage_shape", name=path.name)
    lines = line_finder(path.name, text)
    quadrants = _vocabulary("quadrant", data.get("quadrants"), aliases)
    rings = _vocabulary("ring", data.get("rings"), aliases)
    ids = Ids()
    blips: dict[str, Blip] = {}
    latest = ""
    for i, item in enumerate(data["entries"]):
        where = f"{path.name}:{lines('entries', i)}"
        if not isinstance(item, dict) or not str(item.get("title", "")).strip():
            report.drop(where, "import.backstage_no_title")
            continue
        name = " ".join(repair(str(item["title"])).split())
        quadrant = quadrants.resolve(item.get("quadrant"))
        history, last_ring = _timeline(item.get("timeline"), rings, where, name, report)
        if quadrant is None or not history:
            if quadrant is None:
                report.drop(where, "import.backstage_quadrant", name=name, quadrant=repr(item.get("quadrant")))
            else:
                report.drop(where, "import.backstage_no_timeline", name=name)
            continue
        given = str(item.get("id") or item.get("key") or "")
        ident = given if ID_RE.match(given) and given not in blips else ids.get(name)
        if ident in blips:
            report.merge(where, "import.listed_twice", name=name)
        body = html_to_markdown(repair(str(item.get("description") or "")))
        links = [
            f"- [{link.get('title') or link['url']}]({link['url']})"
            for link in item.get("links") or []
            if isinstance(link, dict) and keep_external(str(link.get("url", "")))
        ]
        if links:
            body = (body + "\n\n" if body else "") + "\n".join(links)
        blip = Blip(ident, name, quadrant, last_ring, body=body, history=history)
        blip.summary = excerpt(plain(body)) if body else ""
        blips[ident] = blip
        latest = max(latest, str(history[-1]["edition"]))
    report.renamed.extend(ids.renamed)
    report.counts.update({"entries": len(data["entries"]), "blips": len(blips)})
    name = title or str(data.get("title") or "Tech Radar")
    return Imported(name, latest, quadrants, rings, sorted(blips.values(), key=lambda b: b.id))


def _vocabulary(kind: str, items: object, aliases: dict[str, str]) -> Vocabulary:
    entries = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and (item.get("id") or item.get("name")):
            name = str(item.get("name") or item["id"])
            ident = str(item.get("id") or "")
            entries.append(
                Entry(
                    ident if ID_RE.match(ident) else Ids().get(ident or name),
                    name.capitalize() if name.isupper() else name,
                    str(item.get("description") or ""),
                    str(item.get("color") or ""),
                )
            )
    if not entries:
        raise SourceError(f"import.backstage_no_{kind}s")
    return Vocabulary(kind, entries, aliases)


def _timeline(
    timeline: object, rings: Vocabulary, where: str, name: str, report: Report
) -> tuple[list[dict[str, object]], str]:
    moments: dict[str, tuple[str, str, str]] = {}  # edition -> (date, ring, note), the latest of the quarter
    for moment in timeline if isinstance(timeline, list) else []:
        if not isinstance(moment, dict):
            continue
        found = dated(str(moment.get("date", "")))
        ring = rings.resolve(moment.get("ringId") or moment.get("ring"))
        if found is None or ring is None:
            report.drop(where, "import.backstage_moment", name=name, moment=f"{moment!r:.80}")
            continue
        edition, day = found
        if edition not in moments or day >= moments[edition][0]:
            moments[edition] = (day, ring, " ".join(plain(repair(str(moment.get("description") or ""))).split()))
    history: list[dict[str, object]] = []
    for edition in sorted(moments):
        _, ring, note = moments[edition]
        entry: dict[str, object] = {"edition": edition, "ring": ring}
        if note:
            entry["note"] = note
        history.append(entry)
    return history, str(history[-1]["ring"]) if history else ""


def export(radar: Radar, edition: str) -> str:
    """The tech-radar JSON of the radar up to `edition`: every history entry a timeline moment."""
    ring_index = {r.id: r.index for r in radar.all_rings}
    entries = []
    for blip in radar.blips.values():
        current = entry_at(blip, edition)
        if current is None or current.retired:
            continue
        timeline, previous = [], None
        for h in blip.history:
            if h.edition > edition or h.ring is None:
                continue
            moved = (
                0
                if previous is None
                else (ring_index[previous] > ring_index[h.ring]) - (ring_index[previous] < ring_index[h.ring])
            )
            timeline.append({"moved": moved, "ringId": h.ring, "date": _date(h.edition), "description": h.note})
            previous = h.ring
        entries.append(
            {
                "id": blip.id,
                "key": blip.id,
                "title": blip.title,
                "quadrant": blip.quadrant,
                "description": blip.body_html.strip() or blip.summary,
                "url": f"blips/{blip.id}.html",
                "links": [],
                "timeline": list(reversed(timeline)),  # Backstage lists the latest first
            }
        )
    data = {
        "title": radar.title,
        "quadrants": [{"id": q.id, "name": q.name} for q in radar.quadrants],
        "rings": [
            {"id": r.id, "name": r.name, "color": r.color, "description": r.description} for r in radar.all_rings
        ],
        "entries": entries,
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _date(edition: str) -> str:
    return f"{edition[:4]}-{(int(edition[-1]) - 1) * 3 + 1:02d}-01"
