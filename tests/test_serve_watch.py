"""The watcher tells a finished save from one under way, and the rebuilder waits only as long as that needs."""

from __future__ import annotations

import os
import threading

from conftest import RadarDir, blip_text, until

from generator.commands.serve import watch
from generator.commands.serve.preview import Preview
from generator.commands.serve.watch import Rebuilder, Watcher


def _watched(radar_dir: RadarDir) -> tuple[Watcher, list[bool]]:
    seen: list[bool] = []  # a folder's "modified" (None) follows most changes and leaves the state as it is
    watcher = Watcher(radar_dir.root, lambda settled: seen.append(settled) if settled is not None else None)
    watcher.start()
    return watcher, seen


def test_a_save_ends_settled_and_the_start_of_one_does_not(radar_dir: RadarDir):
    blip = radar_dir.blip("x")
    watcher, seen = _watched(radar_dir)
    try:
        blip.write_text(blip_text(title="Saved in place"), encoding="utf-8")  # truncate, write, close
        assert until(lambda: seen and seen[-1]), seen
        assert not seen[0]  # the truncation and the write came first, and they are not the end of a save

        seen.clear()
        os.rename(blip, blip.with_name("x.md~"))  # vim's first step: the old file kept as a backup
        assert until(lambda: bool(seen)), seen
        assert seen == [False]

        seen.clear()
        temporary = radar_dir.root / "blips" / ".x.md.tmp"
        temporary.write_text(blip_text(title="Saved atomically"), encoding="utf-8")
        assert until(lambda: seen and seen[-1]), seen  # the temporary file's own events, ending in its close
        seen.clear()
        os.rename(temporary, blip)  # an editor's atomic save: the finished file renamed onto the blip
        assert until(lambda: bool(seen)), seen
        assert seen == [True], seen
    finally:
        watcher.stop()


def test_the_rebuilder_waits_the_debounce_only_while_a_save_may_be_under_way(radar_dir: RadarDir, monkeypatch):
    radar_dir.blip("x")
    monkeypatch.setattr(watch, "DEBOUNCE", 3.0)  # long enough to tell apart from SETTLE on a busy machine
    preview = Preview(radar_dir.root)
    first = preview.rebuild().number
    stopping = threading.Event()
    built: list[str] = []
    done = threading.Event()
    rebuilder = Rebuilder(preview, stopping, lambda build: (built.append(build.number), done.set()))
    rebuilder.start()
    try:
        rebuilder.poke(settled=False)
        assert not done.wait(1.0)  # a truncation or a rename to a backup may be followed by the rest of the save
        rebuilder.poke(settled=True)
        assert done.wait(2.0)
        assert built[0] != first
    finally:
        stopping.set()
        rebuilder.join(timeout=5)
