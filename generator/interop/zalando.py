"""Zalando's tech radar: the `entries` JSON or the `radar_visualization({...})` call of its page.

The page's config is JavaScript, not JSON (unquoted keys, single quotes, comments, trailing
commas): it is read with a JSON5 parser, never evaluated.  Quadrants and rings are indexes;
`moved` (-1 out, 0 unchanged, 1 in, 2 new) says where an entry stood one edition earlier, which
becomes a history entry one quarter back.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from ..content.model import Radar
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, snapshot
from .ids import Ids
from .radar_files import Imported
from .snapshots import Blip, Report, dated
from .sources import SourceError, line_finder
from .text import html_to_markdown, keep_external, repair
from .vocabulary import Entry, Vocabulary

# Zalando's own page: quadrant 0 is bottom right, then counter-clockwise; four rings.
QUADRANTS = ("Languages", "Infrastructure", "Datastores", "Data Management")
RINGS = (("ADOPT", "#5ba300"), ("TRIAL", "#009eb0"), ("ASSESS", "#c7ba00"), ("HOLD", "#e09b96"))
MOVED = {MOVED_IN: 1, MOVED_OUT: -1, NEW: 2}


def parse(path: Path) -> dict:
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    start = text.find("radar_visualization(")
    if start < 0:
        try:
            data = json.loads(text)
        except RecursionError as error:
            raise SourceError("import.too_deep", name=path.name) from error
        except json.JSONDecodeError as error:
            raise SourceError("import.zalando_not_json", name=f"{path.name}:{error.lineno}", error=error.msg) from error
    else:
        import json5  # imported by an import of a JavaScript source, not by every build's exports

        body = text[text.index("{", start) : text.rindex("}") + 1]
        try:
            data = json5.loads(body)
        except (ValueError, RecursionError) as error:
            raise SourceError("import.zalando_not_literal", name=path.name, error=error) from error
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise SourceError("import.zalando_shape", name=path.name)
    return data


def read(path: Path, edition: str | None, aliases: dict[str, str], report: Report, title: str = "") -> Imported:
    data = parse(path)
    text = path.read_text(encoding="utf-8-sig", errors="replace")
    lines = line_finder(path.name, text) if "radar_visualization(" not in text else _script_lines(text, data["entries"])
    found = (edition, "") if edition else dated(str(data.get("date", ""))) or dated(path.stem)
    if not found:
        raise SourceError("import.zalando_no_date", name=path.name)
    current = found[0]
    year, quarter = int(current[:4]), int(current[-1])
    previous = f"{year - 1}-Q4" if quarter == 1 else f"{year}-Q{quarter - 1}"
    quadrants = Vocabulary(
        "quadrant",
        [Entry("", str(q.get("name", "")) if isinstance(q, dict) else "") for q in data.get("quadrants", [])]
        or [Entry("", n) for n in QUADRANTS],
        aliases,
    )
    for entry in quadrants.entries:
        entry.id = Ids().get(entry.name) if entry.name else ""
    ring_list = data.get("rings") or [{"name": n, "color": c} for n, c in RINGS]
    rings = Vocabulary("ring", [], aliases)
    for ring in ring_list:
        name = str(ring.get("name", "")) if isinstance(ring, dict) else ""
        rings.entries.append(
            Entry(Ids().get(name), name.capitalize() if name.isupper() else name, "", ring.get("color", ""))
        )
    if "quadrants" not in data:
        report.note("", "import.zalando_quadrant_names")
    ids = Ids()
    blips: dict[str, Blip] = {}
    for i, item in enumerate(data["entries"]):
        where = f"{path.name}:{lines('entries', i)}"
        if not isinstance(item, dict) or not str(item.get("label", "")).strip():
            report.drop(where, "import.zalando_no_label")
            continue
        label = " ".join(repair(str(item["label"])).split())
        q, r, moved = item.get("quadrant"), item.get("ring"), item.get("moved", 0)
        if not (
            isinstance(q, int) and isinstance(r, int) and _index(q, quadrants.entries) and _index(r, rings.entries)
        ):
            report.drop(where, "import.zalando_index", name=label, quadrant=repr(q), ring=repr(r))
            continue
        ident = ids.get(label)
        if ident in blips:
            report.merge(where, "import.listed_twice", name=label)
        ring = rings.entries[r].id
        history: list[dict[str, object]] = [{"edition": current, "ring": ring}]
        before = {1: r + 1, -1: r - 1, 0: r}.get(moved) if isinstance(moved, int) else None
        if before is not None and 0 <= before < len(rings.entries):
            history.insert(0, {"edition": previous, "ring": rings.entries[before].id})
            if before == r:
                history.pop()
        body = html_to_markdown(repair(str(item.get("description", ""))))
        if item.get("link") and keep_external(str(item["link"])):
            body = (body + "\n\n" if body else "") + f"[{label}]({item['link']})"
        blip = Blip(ident, label, quadrants.entries[q].id, ring, body=body, history=history)
        if item.get("active") is False:
            blip.fields["featured"] = False
            report.note(where, "import.zalando_inactive", name=label)
        blips[ident] = blip
    report.renamed.extend(ids.renamed)
    report.counts.update({"entries": len(data["entries"]), "blips": len(blips)})
    name = title or str(data.get("title") or "Tech Radar")
    return Imported(name, current, quadrants, rings, sorted(blips.values(), key=lambda b: b.id))


def _script_lines(text: str, entries: list) -> Callable[..., int]:
    """Lines of the entries in a page's script: each entry's label found in order after 'entries'."""
    found, cursor = [], max(text.find("entries"), 0)
    for item in entries:
        label = str(item.get("label", "")) if isinstance(item, dict) else ""
        at = text.find(label, cursor) if label else -1
        cursor = at if at >= 0 else cursor
        found.append(text.count("\n", 0, cursor) + 1)
    return lambda _key, i: found[i]


def _index(value: object, entries: list) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(entries)


def export(radar: Radar, edition: str) -> str:
    """Zalando's entries file for `edition`: indexes into the radar's quadrants and rings."""
    quadrant = {q.id: i for i, q in enumerate(radar.quadrants)}
    ring = {r.id: i for i, r in enumerate(radar.rings_at(edition))}
    for former in radar.all_rings:  # a ring that ended before `edition` stands for its successor
        ring.setdefault(former.id, min(former.index, len(ring) - 1))
    entries = []
    for standing in snapshot(radar, edition):
        if standing.ring is None:
            continue
        entries.append(
            {
                "quadrant": quadrant[standing.blip.quadrant],
                "ring": ring[standing.ring],
                "label": standing.blip.title,
                "link": f"blips/{standing.blip.id}.html",  # the site's own page, beside this file
                "active": standing.blip.featured,
                "moved": MOVED.get(standing.status, 0),
            }
        )
    date = f"{edition[:4]}.{(int(edition[-1]) - 1) * 3 + 1:02d}"
    return json.dumps({"date": date, "entries": entries}, indent=2, ensure_ascii=False) + "\n"
