"""Several snapshots of a radar (one file per edition) turned into one radar with histories.

Other tools keep a radar as a series of snapshots: a BYOR sheet per volume, an AOE folder per
release. This module holds what every format shares: which edition a file is, how appearances
become history entries (first appearance, ring changes and returns; absence from a complete
snapshot retires), duplicates merged, and the report of everything done on the way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..i18n import Message, translator
from .ids import Ids
from .text import excerpt, plain

MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ISO = re.compile(r"(?<!\d)(\d{4})[-_.](\d{1,2})(?:[-_.](\d{1,2}))?(?!\d)")
_QUARTER = re.compile(r"(?<!\d)(\d{4})-?Q([1-4])(?!\d)", re.IGNORECASE)
_MONTH_NAME = re.compile(r"\b(" + "|".join(MONTHS) + r")[a-z]*\.?[ _-]*(\d{4})\b", re.IGNORECASE)


def edition_of(year: int, month: int) -> str:
    return f"{year}-Q{(month - 1) // 3 + 1}"


def dated(text: str) -> tuple[str, str] | None:
    """(edition, sortable date) from a date in a file name: '2020-07-29.csv', '2021-07.csv',
    '2021-Q3.json', 'Volume 07 (Oct 2012).csv'; None when it holds none."""
    found = _ISO.search(text)
    if found and 1 <= int(found.group(2)) <= 12:
        year, month, day = int(found.group(1)), int(found.group(2)), int(found.group(3) or 1)
        return edition_of(year, month), f"{year:04d}-{month:02d}-{day:02d}"
    found = _QUARTER.search(text)
    if found:
        year, quarter = int(found.group(1)), int(found.group(2))
        return f"{year}-Q{quarter}", f"{year:04d}-{quarter * 3:02d}-00"
    found = _MONTH_NAME.search(text)
    if found:
        month, year = MONTHS.index(found.group(1)[:3].lower()) + 1, int(found.group(2))
        return edition_of(year, month), f"{year:04d}-{month:02d}-00"
    return None


Located = tuple[str, Message]  # where ('file:line', '' for the import as a whole) and what happened there


@dataclass
class Report:
    """What an import did, for the person who ran it: counts, renamed ids, merges and drops.

    Kept as locale keys and values, and worded by `lines` in the language of whoever reads them
    (the readers run before it is known).
    """

    counts: dict[str, int] = field(default_factory=dict)  # 'import.count_<key>' names each
    renamed: list[tuple[str, str, Message]] = field(default_factory=list)
    merged: list[Located] = field(default_factory=list)
    dropped: list[Located] = field(default_factory=list)
    notes: list[Located] = field(default_factory=list)

    def drop(self, where: str, key: str, /, **values: object) -> None:
        self.dropped.append((where, Message(key, **values)))

    def merge(self, where: str, key: str, /, **values: object) -> None:
        self.merged.append((where, Message(key, **values)))

    def note(self, where: str, key: str, /, **values: object) -> None:
        self.notes.append((where, Message(key, **values)))

    def lines(self, language: str = "en") -> list[str]:
        t = translator(language)

        def said(where: str, message: Message) -> str:
            words = message.text(language)
            return f"{where}: {words}" if where else words

        out = [", ".join(t("import.count_" + what, count=n) for what, n in self.counts.items())]
        out += [t("import.renamed", name=name, id=ident, why=why.text(language)) for name, ident, why in self.renamed]
        out += [t("import.merged", message=said(*m)) for m in self.merged]
        out += [t("import.dropped", message=said(*d)) for d in self.dropped]
        out += [t("import.note", message=said(*n)) for n in self.notes]
        return out


@dataclass
class Row:
    """One technology in one snapshot, its ring and quadrant already ids of the radar."""

    name: str
    ring: str
    quadrant: str
    where: str  # 'file:line', for messages
    text: str = ""  # Markdown
    note: str = ""  # the history note for this appearance (default: the snapshot's label)
    tags: tuple[str, ...] = ()
    summary: str = ""  # a summary the source gave; the text's first sentence otherwise
    fields: dict[str, object] = field(default_factory=dict)  # format-specific front matter (featured)
    ident: str = ""  # an id the source gave (AOE file names); derived from the name otherwise


@dataclass
class Snapshot:
    edition: str
    label: str  # 'Volume 07 (Oct 2012)', '2021-07-01': shown with earlier texts
    order: str  # sorts snapshots of one quarter: the later wins
    rows: list[Row]
    complete: bool = True  # a complete snapshot retires whatever it leaves out; a partial one (AOE) does not
    source: str = ""


@dataclass
class Blip:
    id: str
    title: str
    quadrant: str
    ring: str
    summary: str = ""
    body: str = ""
    tags: list[str] = field(default_factory=list)
    history: list[dict[str, object]] = field(default_factory=list)
    fields: dict[str, object] = field(default_factory=dict)


@dataclass
class _Track:
    blip: Blip
    on_radar: bool = True
    texts: list[tuple[str, str]] = field(default_factory=list)  # (label, text), oldest first


def latest_per_quarter(snapshots: list[Snapshot], report: Report) -> list[Snapshot]:
    """One snapshot per edition, oldest first; of two in one quarter the later wins."""
    kept: dict[str, Snapshot] = {}
    for snap in sorted(snapshots, key=lambda s: (s.edition, s.order)):
        if snap.edition in kept and not snap.complete:  # partial releases of one quarter add up
            earlier = kept[snap.edition]
            later = {row.ident or row.name for row in snap.rows}
            snap.rows = [r for r in earlier.rows if (r.ident or r.name) not in later] + snap.rows
        elif snap.edition in kept:
            earlier = kept[snap.edition]
            report.note(
                "",
                "import.same_quarter",
                first=earlier.source or earlier.label,
                second=snap.source or snap.label,
                edition=snap.edition,
            )
        kept[snap.edition] = snap
    return [kept[e] for e in sorted(kept)]


def histories(snapshots: list[Snapshot], report: Report, ids: Ids | None = None) -> list[Blip]:
    """Blips with histories from snapshots given oldest first (one per edition)."""
    ids = ids or Ids()
    tracks: dict[str, _Track] = {}
    for snap in snapshots:
        seen: dict[str, Row] = {}
        for row in snap.rows:
            ident = row.ident or ids.get(row.name)
            if ident in seen:
                first = seen[ident]
                report.merge(row.where, "import.row_again", name=row.name, first=first.name, where=first.where)
            seen[ident] = row
        for ident, row in seen.items():
            _appear(tracks, ident, row, snap)
        if snap.complete:
            for ident, track in tracks.items():
                if track.on_radar and ident not in seen:
                    track.on_radar = False
                    track.blip.history.append({"edition": snap.edition, "retired": True, "note": snap.label})
    blips = []
    for track in tracks.values():
        track.blip.body = _body(track.texts)
        blips.append(track.blip)
    report.renamed.extend(ids.renamed)
    report.counts.update(
        {
            "snapshots": len(snapshots),
            "rows": sum(len(s.rows) for s in snapshots),
            "blips": len(blips),
            "history_entries": sum(len(b.history) for b in blips),
            "retired": sum(1 for t in tracks.values() if not t.on_radar),
        }
    )
    return sorted(blips, key=lambda b: b.id)


def _appear(tracks: dict[str, _Track], ident: str, row: Row, snap: Snapshot) -> None:
    track = tracks.get(ident)
    if track is None:
        track = tracks[ident] = _Track(Blip(ident, row.name, row.quadrant, row.ring))
        changed = True
    else:
        last_ring = track.blip.ring
        changed = not track.on_radar or last_ring != row.ring
    blip = track.blip
    new_text = bool(row.text) and (not track.texts or track.texts[-1][1] != row.text)
    if new_text:
        track.texts.append((snap.label, row.text))
        blip.summary = excerpt(plain(row.text))
    if row.summary:
        blip.summary = row.summary
    if changed or new_text or row.note:
        entry: dict[str, object] = {"edition": snap.edition, "ring": row.ring}
        note = row.note or snap.label
        if note:
            entry["note"] = note
        blip.history.append(entry)
    blip.title, blip.quadrant, blip.ring = row.name, row.quadrant, row.ring
    track.on_radar = True
    if row.tags:
        blip.tags = list(dict.fromkeys(t for t in row.tags if t))
    blip.fields.update(row.fields)


def _body(texts: list[tuple[str, str]]) -> str:
    """The latest text first; earlier texts kept below it, each under the snapshot it came from."""
    if not texts:
        return ""
    body = texts[-1][1]
    if len(texts) > 1:
        earlier = "\n\n".join(f"### {label}\n\n{text}" for label, text in reversed(texts[:-1]))
        body += f"\n\n## Earlier editions\n\n{earlier}"
    return body


def where(path: Path, line: int) -> str:
    return f"{path.name}:{line}"
