"""Convert a radar to AOE's Technology Radar (v4, Next.js) project format, so both can build the same content.

    .venv/bin/python bench/peer.py SOURCE TARGET     # SOURCE: a radar folder; TARGET: a new folder

Writes TARGET/config.json (quadrants and rings), TARGET/about.md and one file per blip and edition:
TARGET/radar/<first day of the edition's quarter>/<blip id>.md with title, ring, quadrant, tags and
the note of that edition; the latest entry carries the blip's summary and body.  AOE has no
retirement, so a retired blip's last entry is left out.  AOE draws exactly four quadrants and four
rings: a radar with other counts is refused.  bench/peer.sh installs AOE and times its build.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.load import load  # noqa: E402

RADII = (0.5, 0.69, 0.85, 1.0)


def release(edition: str) -> str:
    """'2026-Q3' -> '2026-07-01': AOE names a release by its date."""
    year, quarter = edition.split("-Q")
    return f"{year}-{3 * (int(quarter) - 1) + 1:02d}-01"


def markdown(path: Path) -> str:
    """A blip file's Markdown body, after its front matter."""
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def convert(source: Path, target: Path) -> int:
    radar, problems = load(source)
    if radar is None or problems.errors:
        print("\n".join(p.text() for p in problems.errors[:20]) or "the radar does not load", file=sys.stderr)
        return 1
    if len(radar.quadrants) != 4 or len(radar.rings) != 4:
        print("AOE's radar has four quadrants and four rings", file=sys.stderr)
        return 1
    config = {
        "basePath": "",
        "baseUrl": "",
        "quadrants": [
            {"id": q.id, "title": q.name, "description": q.description, "color": q.color} for q in radar.quadrants
        ],
        "rings": [
            {"id": r.id, "title": r.name, "description": r.description, "color": r.color, "radius": radius}
            for r, radius in zip(radar.rings, RADII, strict=True)
        ],
        "labels": {"title": radar.title},
    }
    target.mkdir(parents=True)
    (target / "config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False), encoding="utf-8")
    (target / "about.md").write_text(f"# {radar.title}\n\n{radar.description}\n", encoding="utf-8")
    for blip in radar.blips.values():
        placed = [h for h in blip.history if not h.retired]
        for i, entry in enumerate(placed):
            last = i == len(placed) - 1
            front = {"title": blip.title, "ring": entry.ring, "quadrant": blip.quadrant, "tags": list(blip.tags)}
            text = f"{blip.summary}\n\n{markdown(source / blip.source)}" if last else entry.note
            folder = target / "radar" / release(entry.edition)
            folder.mkdir(parents=True, exist_ok=True)
            dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
            (folder / f"{blip.id}.md").write_text(f"---\n{dumped}---\n\n{text}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    raise SystemExit(convert(Path(sys.argv[1]), Path(sys.argv[2])))
