"""The live preview reloads only what changed, and still shows exactly what a fresh process would.

The preview keeps parsed files, checked blips, judged links, layouts and compiled templates between
rebuilds.  After each kind of change an author makes (an edit, a ring move, a new file, a deleted
file, a broken file and its repair) every page and data file of the incremental build is compared,
byte for byte, with the same files made by a new process that has nothing kept, and so are the
problems and warnings it reports.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, RadarDir

from generator.commands.serve.preview import Build, Preview
from generator.render.site import PARTS

TESTS = Path(__file__).resolve().parent


def snapshot(build: Build) -> dict:
    """What a reader and an author see of a build: each page's and data file's digest, and the problems."""
    seen: dict = {
        "problems": [p.text() for p in build.problems],
        "warnings": [p.text() for p in build.warnings],
        "files": {},
    }
    if build.files is not None:
        for path, make in build.files.makers().items():
            index = build.files.hints[path]
            if not PARTS[index].drawn:  # pictures and PDFs: matplotlib, seconds each, and not the preview's pages
                seen["files"][path] = hashlib.sha256(make()).hexdigest()
    return seen


def fresh(sources: list[Path]) -> list[dict]:
    """The snapshots of first builds in a new process: nothing parsed, checked or laid out before (its
    caches are per file, so the copies of the radar's states share nothing)."""
    code = (
        f"import json, sys; sys.path.insert(0, {str(TESTS)!r}); from pathlib import Path;"
        "from test_preview_incremental import snapshot;"
        "from generator.commands.serve.preview import Preview;"
        f"print(json.dumps([snapshot(Preview(Path(s)).rebuild()) for s in {[str(s) for s in sources]!r}]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        check=True,
    )
    return json.loads(done.stdout)


def history(*rings: tuple[str, str]) -> str:
    return "history:\n" + "".join(f"  - edition: {edition}\n    ring: {ring}\n" for edition, ring in rings)


def test_every_kind_of_change_shows_as_a_fresh_build_would(radar_dir: RadarDir):
    for n in range(12):  # a few per segment, so that a move changes the spots of others in it
        radar_dir.blip(f"b{n}", quadrant=("data", "tools")[n % 2], ring=("adopt", "trial", "assess")[n % 3])

    def mover(ring: str) -> Path:
        return radar_dir.blip(
            "mover",
            ring=ring,
            extra=history(("2026-Q1", "assess"), ("2026-Q2", ring)),
            body="See [the other one](other.md) and [b1](b1.md).",
        )

    mover("trial")
    preview = Preview(radar_dir.root)
    preview.warm(preview.rebuild())
    steps = {
        "edit": lambda: radar_dir.blip("b3", ring="adopt", body="A new text, *emphasised*."),
        "ring move": lambda: mover("adopt"),
        "new file": lambda: radar_dir.blip("other", quadrant="tools", ring="hold"),  # the dead link now lands
        "deleted file": lambda: (radar_dir.root / "blips" / "b1.md").unlink(),  # and this one dies
        "broken file": lambda: radar_dir.write("blips/b5.md", "---\ntitle: [oops\nring: trial\n---\nx\n"),
        "repaired": lambda: radar_dir.blip("b5", quadrant="tools", ring="trial"),
    }
    seen, states = {}, []
    for step, change in steps.items():
        change()
        incremental = seen[step] = snapshot(preview.rebuild())
        states.append(shutil.copytree(radar_dir.root, radar_dir.root.parent / f"state-{len(states)}"))
        assert bool(incremental["problems"]) == (step == "broken file"), step
        if step == "new file":
            assert "blips/other.html" in incremental["files"]
        if step == "deleted file":
            assert "blips/b1.html" not in incremental["files"]
            assert any("b1" in w for w in incremental["warnings"])  # mover's link to it is reported now
    for (step, incremental), first in zip(seen.items(), fresh(states), strict=True):
        assert incremental == first, step


def test_a_file_written_again_within_its_clock_tick_is_read_again(radar_dir: RadarDir):
    """A file read just after a save may be saved again with the same modification time and size (a
    format-on-save hook, a clock tick of several ms): it must not be taken for the version read."""
    from generator.content.load import load

    blip = radar_dir.blip("x", title="Alpha")
    now = time.time_ns()
    os.utime(blip, ns=(now, now))
    assert load(radar_dir.root)[0].blips["x"].title == "Alpha"
    radar_dir.blip("x", title="Omega")  # the same size
    os.utime(blip, ns=(now, now))  # and the same time, as within one tick
    assert load(radar_dir.root)[0].blips["x"].title == "Omega"


def test_a_file_unchanged_since_long_before_it_was_read_is_not_read_again(radar_dir: RadarDir):
    from generator.content import parsed
    from generator.content.load import load

    blip = radar_dir.blip("x", title="Alpha")
    hour_ago = time.time_ns() - 3600 * 10**9
    os.utime(blip, ns=(hour_ago, hour_ago))
    first = load(radar_dir.root)[0].blips["x"]
    kept = parsed._parsed[blip][1]
    again = load(radar_dir.root)[0].blips["x"]
    assert parsed._parsed[blip][1] is kept and again is first  # neither parsed nor checked again


def test_a_title_made_close_to_another_is_warned_about_on_the_next_load(radar_dir: RadarDir):
    """The loader answers the title comparison again only while no title changed."""
    from generator.content.load import load

    def close_warnings() -> list[str]:
        return [p.message for p in load(radar_dir.root)[1].warnings if p.path == "blips/newer.md"]

    radar_dir.blip("lake", title="Datalake", extra=history(("2026-Q1", "trial"), ("2026-Q2", "trial")))
    radar_dir.blip("newer", title="Something else")
    assert close_warnings() == []
    assert close_warnings() == []  # answered from the last load
    radar_dir.blip("newer", title="Data lake")
    assert any("Datalake" in m for m in close_warnings())
    radar_dir.blip("newer", title="Something else")
    assert close_warnings() == []
