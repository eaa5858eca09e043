"""An imported radar written into a radar folder: all of it or nothing.

The files are first written into a staging copy of the folder and checked there the way
`radar check --strict` checks them; only a radar that passes is moved into place, and files
already in the folder are replaced only with --force.  A failed import leaves the folder as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..content.folders import ASSETS_DIR, BLIPS_DIR, CONTENT_FOLDERS, RADAR_FILE
from ..content.load import load
from ..content.problems import Problem
from ..content.schema import ID_RE
from ..i18n import Said
from .colors import normalise, passing
from .snapshots import Blip, Report
from .vocabulary import Vocabulary


@dataclass
class Imported:
    title: str
    edition: str
    quadrants: Vocabulary
    rings: Vocabulary
    blips: list[Blip]
    description: str = ""
    assets: dict[str, bytes] = field(default_factory=dict)  # name under assets/ -> content
    editions: list[str] = field(default_factory=list)  # every snapshot's edition, also those where nothing moved


class ImportError_(Said):
    """The import cannot be written; the message says why and what to do."""


def _dump(data: object) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000)


def config_text(imported: Imported, report: Report) -> str:
    used = {"quadrants": {b.quadrant for b in imported.blips}, "rings": set()}
    for blip in imported.blips:
        used["rings"].update(str(h["ring"]) for h in blip.history if "ring" in h)
        used["rings"].add(blip.ring)
    config: dict[str, object] = {"title": imported.title, "language": "en", "edition": imported.edition}
    if imported.description:
        config["description"] = imported.description
    if len(imported.editions) > 1:
        config["editions"] = sorted(set(imported.editions))
    for kind, vocabulary in (("quadrants", imported.quadrants), ("rings", imported.rings)):
        items = []
        for entry in vocabulary.entries:
            if entry.id not in used[kind] and vocabulary.open and kind == "quadrants":
                continue
            item = {"id": entry.id, "name": entry.name}
            if entry.description:
                item["description"] = entry.description
            color = normalise(entry.color) if entry.color else None
            if color:
                fixed = passing(color, kind[:-1])
                if fixed != color:
                    report.note("", f"import.colour_{kind[:-1]}", id=entry.id, color=entry.color, fixed=fixed)
                item["color"] = fixed
            items.append(item)
        config[kind] = items
    return _dump(config)


def blip_text(blip: Blip) -> str:
    front: dict[str, object] = {"title": blip.title, "quadrant": blip.quadrant, "ring": blip.ring}
    if blip.summary:
        front["summary"] = blip.summary
    if blip.tags:
        front["tags"] = blip.tags
    front.update(blip.fields)
    front["history"] = blip.history
    body = blip.body.strip()
    return f"---\n{_dump(front)}---\n{body}\n" if body else f"---\n{_dump(front)}---\n"


def files_of(imported: Imported, report: Report) -> dict[Path, bytes]:
    files = {RADAR_FILE: config_text(imported, report).encode("utf-8")}
    for blip in imported.blips:
        if not ID_RE.match(blip.id):  # every reader makes ids; this keeps a file name from ever leaving blips/
            raise ImportError_("import.bad_id", id=blip.id)
        files[BLIPS_DIR / f"{blip.id}.md"] = blip_text(blip).encode("utf-8")
    for name, content in imported.assets.items():
        if Path(name).name != name or name.startswith("."):
            raise ImportError_("import.bad_asset", name=repr(name))
        files[ASSETS_DIR / name] = content
    return files


def write(target: Path, files: dict[Path, bytes], force: bool) -> list[Problem]:
    """Write `files` under `target` if the result passes the strict check; the problems otherwise.

    Raises ImportError_ when files would be overwritten without `force`.
    """
    existing = sorted(p.as_posix() for p in files if (target / p).exists())
    if existing and not force:
        shown = ", ".join(existing[:5])
        if len(existing) > 5:
            raise ImportError_("import.holds_more", target=target, files=shown, more=len(existing) - 5)
        raise ImportError_("import.holds", target=target, files=shown)
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".radar-import-", dir=target) as tmp:
        stage = Path(tmp) / "radar"
        for folder in CONTENT_FOLDERS:
            if (target / folder).is_dir():
                shutil.copytree(target / folder, stage / folder, symlinks=True)
        for rel, content in files.items():
            (stage / rel).parent.mkdir(parents=True, exist_ok=True)
            (stage / rel).write_bytes(content)
        radar, problems = load(stage, strict=True, bodies=False)  # as `radar check`: rendering finds no problem
        if radar is None or problems.errors:
            return problems.sorted()
        for rel in files:  # checked: now move each file into place (a rename, never half a file)
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / rel, target / rel)
    return []
