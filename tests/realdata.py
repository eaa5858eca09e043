"""Real radars for the tests: where the shared data lies, and a hand-written Thoughtworks converter.

`radar import` (generator/interop) is how real radars come in: tests/test_import_*.py import the
Thoughtworks volumes, AOE's radar and Zalando's entries with it.  The converter below stays for the
build tests that need raw HTML descriptions in blip bodies (the generator must show them escaped).

The sample radar is written by us; these radars were written by others, with
their own quirks (HTML descriptions, names with brackets and quotes, shifted
CSV rows, thousands of blips over sixteen years).  Tests and the benchmark
convert them with the functions below so that the generator is exercised on
content nobody tuned for it.  Front matter is written with yaml.safe_dump, so a
title such as `TOON (Token-Oriented Object Notation)` arrives as written.
"""

from __future__ import annotations

import csv
import html.parser
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The shared data sets lie beside the repository (../shared/data), on every machine and in CI;
# RADAR_SHARED_DATA points elsewhere when they do not.
DATA = Path(os.environ.get("RADAR_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
THOUGHTWORKS = DATA / "thoughtworks-radar-volumes"
ZALANDO = Path(__file__).resolve().parent / "data" / "zalando-entries.json"  # MIT: shipped with the tests


def shared(path: Path) -> Path:
    """A path in the shared data set; its absence fails the test with what to do, never skips it."""
    if not path.exists():
        raise FileNotFoundError(
            f"{path} is missing: put the shared data set beside the repository or set RADAR_SHARED_DATA"
        )
    return path


TW_QUADRANTS = (
    ("techniques", "Techniques"),
    ("tools", "Tools"),
    ("platforms", "Platforms"),
    ("languages-and-frameworks", "Languages & Frameworks"),
)
TW_RINGS = ("adopt", "trial", "assess", "hold")
TW_RING_ALIASES = {"caution": "hold"}  # every volume in the data set still calls the outer ring 'caution'
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass
class RealBlip:
    """One technology as the converted files will hold it."""

    id: str
    title: str
    quadrant: str
    ring: str
    summary: str = ""
    body: str = ""
    tags: list[str] = field(default_factory=list)
    history: list[dict] = field(default_factory=list)


def slug(name: str) -> str:
    """An id from a name, as an author renaming a file would write it."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "blip"


def edition(month: int, year: int) -> str:
    return f"{year}-Q{(month - 1) // 3 + 1}"


def volumes() -> list[Path]:
    """Every Thoughtworks volume, oldest first (the file names carry the volume number)."""
    return sorted(shared(THOUGHTWORKS).glob("*.csv"))


def volume_edition(path: Path) -> str:
    """'... Volume 34 (Apr 2026).csv' -> '2026-Q2'."""
    found = re.search(r"\((\w{3}) (\d{4})\)", path.name)
    if not found:
        raise ValueError(f"no (Mon YYYY) in {path.name}")
    return edition(MONTHS.index(found.group(1)) + 1, int(found.group(2)))


def volume_name(path: Path) -> str:
    """'... Volume 34 (Apr 2026).csv' -> 'Volume 34 (Apr 2026)', the note of a history entry."""
    found = re.search(r"Volume \d+ \(\w{3} \d{4}\)", path.name)
    return found.group(0) if found else path.stem


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(markup: str) -> str:
    """The text of an HTML fragment, whitespace collapsed (for one-line summaries)."""
    parser = _Text()
    parser.feed(markup)
    return " ".join("".join(parser.parts).split())


def first_sentence(text: str, limit: int = 200) -> str:
    sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def read_volume(path: Path) -> list[dict]:
    """The well-formed rows of one volume; rows with shifted columns (about 15 in the set) are left out."""
    quadrants = {q for q, _ in TW_QUADRANTS}
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ring = TW_RING_ALIASES.get(row["ring"], row["ring"])
            if None in row or ring not in TW_RINGS or row["quadrant"] not in quadrants or not row["name"].strip():
                continue
            rows.append({**row, "ring": ring})
    return rows


def thoughtworks_blips(paths: list[Path]) -> tuple[str, list[RealBlip]]:
    """The blips of the given volumes, with one history entry per volume that featured them.

    The body is the volume's `description` exactly as published: HTML, which the
    generator must show escaped, never pass through.
    """
    blips: dict[str, RealBlip] = {}
    current = ""
    for path in paths:
        current = volume_edition(path)
        for row in read_volume(path):
            ident = slug(row["name"])
            blip = blips.get(ident)
            if blip is None:
                blip = blips[ident] = RealBlip(ident, row["name"].strip(), row["quadrant"], row["ring"])
            blip.quadrant, blip.ring = row["quadrant"], row["ring"]
            if row["description"].strip():
                blip.body = row["description"]
                blip.summary = first_sentence(plain(row["description"]))
            if blip.history and blip.history[-1]["edition"] == current:
                blip.history[-1]["ring"] = row["ring"]  # the same name twice in one volume (Zap/ZAP)
            else:
                blip.history.append({"edition": current, "ring": row["ring"], "note": volume_name(path)})
    return current, sorted(blips.values(), key=lambda b: b.id)


def write_radar(
    root: Path, title: str, current: str, quadrants: tuple[tuple[str, str], ...], blips: list[RealBlip]
) -> Path:
    """Write radar/radar.yaml and blips/<id>.md under `root`; return `root`."""
    config = {
        "title": title,
        "language": "en",
        "edition": current,
        "quadrants": [{"id": q, "name": n} for q, n in quadrants],
        "rings": [{"id": r, "name": r.capitalize()} for r in TW_RINGS],
    }
    (root / "radar").mkdir(parents=True, exist_ok=True)
    (root / "radar" / "radar.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    (root / "blips").mkdir(exist_ok=True)
    for blip in blips:
        fields = {"title": blip.title, "quadrant": blip.quadrant, "ring": blip.ring}
        if blip.summary:
            fields["summary"] = blip.summary
        if blip.tags:
            fields["tags"] = blip.tags
        fields["history"] = blip.history
        front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
        (root / "blips" / f"{blip.id}.md").write_text(f"---\n{front}---\n{blip.body}\n", encoding="utf-8")
    return root


def thoughtworks_radar(root: Path, paths: list[Path] | None = None) -> tuple[Path, list[RealBlip]]:
    """A radar folder from Thoughtworks volumes (default: the latest volume alone)."""
    paths = paths or volumes()[-1:]
    current, blips = thoughtworks_blips(paths)
    return write_radar(root, "Thoughtworks Technology Radar", current, TW_QUADRANTS, blips), blips
