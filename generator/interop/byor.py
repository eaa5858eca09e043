"""Thoughtworks' Build Your Own Radar sheets (CSV or JSON) in and out.

A sheet holds one edition: rows `name, ring, quadrant, isNew, description` (HTML), where the
quadrants are whatever names the sheet uses.  Each sheet is a complete snapshot: a technology
it leaves out has left the radar.  Export writes the same columns plus `id`, `summary`, `tags`
and `note`, which BYOR ignores and a re-import reads, so a round trip keeps them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

from ..content.model import Radar
from ..content.schema import ID_RE
from ..domain.editions import MOVED_IN, MOVED_OUT, NEW, UNCHANGED, snapshot
from .ids import Ids, base_id, name_key
from .radar_files import Imported
from .snapshots import Report, Row, Snapshot, histories, latest_per_quarter
from .sources import Source, line_finder
from .text import html_to_markdown, keep_external, repair
from .vocabulary import Vocabulary, byor_rings

COLUMNS = ("name", "ring", "quadrant", "isNew", "status", "description")
EXTRA = ("id", "summary", "tags", "note")
STATUS_WORDS = {NEW: "new", MOVED_IN: "moved in", MOVED_OUT: "moved out", UNCHANGED: "no change"}


def read(
    sources: list[Source], aliases: dict[str, str], report: Report, title: str = "", site_url: str = ""
) -> Imported:
    quadrants = Vocabulary("quadrant", open=True)
    rings = byor_rings(aliases)
    snapshots = []
    read_all = [
        (source, _json_records(source, report) if source.text.lstrip()[:1] in "[{" else _csv_records(source, report))
        for source in sources
    ]
    resolve = _resolver(site_url, [r.get("name", "") for _, records in read_all for _, r in records])
    for source, records in read_all:
        rows = [
            row for line, record in records if (row := _row(source, line, record, quadrants, rings, report, resolve))
        ]
        if not rows:  # an unreadable file is no edition in which everything was retired
            report.note(source.name, "import.byor_no_rows")
            continue
        snapshots.append(Snapshot(source.edition, source.label, source.order, rows, source=source.name))
    ordered = latest_per_quarter(snapshots, report)
    blips = histories(ordered, report, Ids())
    edition = ordered[-1].edition if ordered else ""
    editions = [s.edition for s in ordered]
    return Imported(title or "Technology Radar", edition, quadrants, rings, blips, editions=editions)


def _csv_records(source: Source, report: Report) -> list[tuple[int, dict[str, str]]]:
    reader = csv.reader(io.StringIO(source.text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        report.drop(f"{source.name}:1", "import.byor_empty")
        return []
    names = {h.casefold(): i for i, h in enumerate(header)}
    missing = [c for c in ("name", "ring", "quadrant") if c not in names]
    if missing:
        report.drop(f"{source.name}:1", "import.byor_no_column", missing=", ".join(missing), header=", ".join(header))
        return []
    records: list[tuple[int, dict[str, str]]] = []
    line = reader.line_num + 1
    try:
        _csv_rows(reader, header, names, source, report, records, line)
    except csv.Error as error:  # a field past the size limit, a NUL byte: the rest of the file is unreadable
        report.drop(f"{source.name}:{reader.line_num}", "import.byor_unreadable", error=error)
    return records


def _csv_rows(
    reader: Iterator[list[str]],
    header: list[str],
    names: dict[str, int],
    source: Source,
    report: Report,
    records: list[tuple[int, dict[str, str]]],
    line: int,
) -> None:
    for values in reader:
        if any(v.strip() for v in values):
            if len(values) > len(header):
                report.drop(f"{source.name}:{line}", "import.byor_values", values=len(values), columns=len(header))
            else:
                record = {h: values[i] if i < len(values) else "" for h, i in names.items()}
                records.append((line, record))
        line = reader.line_num + 1  # type: ignore[attr-defined]


def _json_records(source: Source, report: Report) -> list[tuple[int, dict[str, str]]]:
    try:
        data = json.loads(source.text)
    except json.JSONDecodeError as error:
        report.drop(f"{source.name}:{error.lineno}", "import.byor_not_json", error=error.msg)
        return []
    except RecursionError:
        report.drop(f"{source.name}:1", "import.byor_too_deep")
        return []
    lines = line_finder(source.name, source.text)
    items = data.get("entries", data.get("blips")) if isinstance(data, dict) else data
    if not isinstance(items, list):
        report.drop(f"{source.name}:1", "import.byor_not_list")
        return []
    at = ("entries",) if isinstance(data, dict) and "entries" in data else ("blips",) if isinstance(data, dict) else ()
    records = []
    for i, item in enumerate(items):
        line = lines(*at, i)
        if not isinstance(item, dict):
            report.drop(f"{source.name}:{line}", "import.byor_not_object")
            continue
        records.append((line, {str(k).casefold(): "" if v is None else str(v) for k, v in item.items()}))
    return records


def _resolver(site_url: str, names: list[str]) -> Callable[[str], str | None]:
    """Links into the radar the sheet was published at ('https://www.thoughtworks.com/radar/tools/x')
    become links to our page of that technology, when one name alone has that id."""
    owners: dict[str, set[str]] = {}
    for name in names:
        owners.setdefault(base_id(name), set()).add(name_key(name))
    known = {ident for ident, keys in owners.items() if ident and len(keys) == 1}
    prefix = site_url.rstrip("/") + "/"

    def resolve(href: str) -> str | None:
        if site_url and href.startswith(prefix):
            last = [s for s in href[len(prefix) :].split("#")[0].split("?")[0].split("/") if s]
            if last and last[-1] in known:
                return f"{last[-1]}.md"
        return keep_external(href)

    return resolve


def _row(
    source: Source,
    line: int,
    record: dict[str, str],
    quadrants: Vocabulary,
    rings: Vocabulary,
    report: Report,
    resolve: Callable[[str], str | None] = keep_external,
) -> Row | None:
    where = f"{source.name}:{line}"
    name = " ".join(record.get("name", "").split())
    if not name:
        report.drop(where, "import.byor_no_name")
        return None
    fixed = repair(name)
    if fixed != name:
        report.note(where, "import.byor_repaired", name=name, fixed=fixed)
        name = fixed
    ring = rings.resolve(record.get("ring", ""))
    quadrant = quadrants.resolve(record.get("quadrant", ""))
    if ring is None or quadrant is None:
        bad = "ring" if ring is None else "quadrant"
        report.drop(where, f"import.byor_not_{bad}", name=name, value=repr(record.get(bad, "")[:40]))
        return None
    description = repair(record.get("description", ""))
    return Row(
        name=name,
        ring=ring,
        quadrant=quadrant,
        where=where,
        text=html_to_markdown(description, resolve),
        note=record.get("note", "").strip(),
        summary=" ".join(record.get("summary", "").split()),
        tags=tuple(t.strip() for t in record.get("tags", "").split(",") if t.strip()),
        ident=_given_id(record.get("id", ""), where, report),
    )


def _given_id(value: str, where: str, report: Report) -> str:
    """The `id` column our exports add; a value that is not an id (a path, say) is not used as a file name."""
    value = value.strip()
    if value and not ID_RE.match(value):
        report.note(where, "import.byor_bad_id", id=repr(value[:40]))
        return ""
    return value


# --- export ---------------------------------------------------------------------------------


def rows(radar: Radar, edition: str) -> list[dict[str, str]]:
    """The radar of `edition` as BYOR rows (retired technologies left out, as BYOR has no such ring)."""
    result = []
    for standing in snapshot(radar, edition):
        if standing.ring is None:
            continue
        blip = standing.blip
        result.append(
            {
                "name": blip.title,
                "ring": radar.ring(standing.ring).name,
                "quadrant": radar.quadrant(blip.quadrant).name,
                "isNew": "TRUE" if standing.status == NEW else "FALSE",
                "status": STATUS_WORDS[standing.status],
                "description": blip.body_html.strip(),
                "id": blip.id,
                "summary": blip.summary,
                "tags": ",".join(blip.tags),
                "note": standing.note,
            }
        )
    return result


def to_csv(radar: Radar, edition: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS + EXTRA, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows(radar, edition))
    return out.getvalue()


def to_json(radar: Radar, edition: str) -> str:
    return json.dumps(rows(radar, edition), indent=2, ensure_ascii=False) + "\n"
