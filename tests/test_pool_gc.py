"""The drawing worker collects garbage in large batches and never walks what it inherited from the build."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path
from typing import Any
from unittest import mock

from conftest import until
from inprocess import radar

from generator import collector
from generator.commands import build

SCRIPT = """
import gc, sys
from generator.render import pool
inherited = [[n] for n in range(50_000)]  # the build's loaded radar, say
before = gc.get_threshold()
def state():
    return f"{gc.get_threshold()[0]},{gc.get_freeze_count() >= 50_000}".encode()
jobs = [(name, state) for name in "ab"]
drawing = pool.Drawing(jobs)
assert drawing.pool is not None, "no worker started"
print(drawing.futures["a"].result().decode(), gc.get_threshold() == before and gc.get_freeze_count() == 0)
drawing.close()
"""


def test_the_worker_freezes_what_it_inherited_and_collects_young_objects_in_large_batches():
    """In a fresh process (a test runner's threads would keep the pool from forking); the process that
    started the pool keeps its own settings."""
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    worker, build_unchanged = done.stdout.split()
    assert worker == f"{collector.YOUNG_OBJECTS},True"
    assert build_unchanged == "True"


def test_every_radar_command_collects_in_large_batches(tmp_path):
    """The command line sets it for its own process (`build`, `check`, `serve` alike)."""
    script = (
        "import gc, sys; from generator import cli; gc.set_threshold(700, 10, 10); code = cli.main(sys.argv[1:]);"
        "print(gc.get_threshold()[0])"
    )
    args = ["check", "--source", str(tmp_path)]
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == [str(collector.YOUNG_OBJECTS)], done.stdout + done.stderr


ORPHAN = """
import os, signal, sys, time
from pathlib import Path
from generator.render import pool
mark = Path(sys.argv[1])
def slow():
    mark.write_text(str(os.getpid()))
    time.sleep(120)
    return b"x" * 1_000_000  # more than a pipe holds: its worker would block handing it over
drawing = pool.Drawing([("a", slow), ("b", slow)])
while not mark.exists():
    time.sleep(0.05)
os.kill(os.getpid(), signal.SIGKILL)  # the build is killed mid-drawing
"""


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie has ended; only its parent's wait is missing


def test_a_killed_build_leaves_no_drawing_worker_behind(tmp_path):
    mark = tmp_path / "worker-pid"
    subprocess.run([sys.executable, "-c", ORPHAN, str(mark)], timeout=120)
    worker = int(mark.read_text())
    assert until(lambda: not _running(worker)), f"drawing worker {worker} outlived its build"


SHARED = """
import sys
from generator.render import pool
assert not any(name in sys.modules for name in pool.SHARED_IMPORTS)
def present():
    return str(all(name in sys.modules for name in pool.SHARED_IMPORTS)).encode()
drawing = pool.Drawing([(name, present) for name in "ab"])
assert drawing.pool is not None, "no worker started"
print(drawing.futures["a"].result().decode())
drawing.close()
"""


def test_what_the_build_and_the_drawing_both_import_is_imported_once_before_the_fork():
    """Pillow: the worker finds it imported (it inherits it) rather than importing it a second time."""
    done = subprocess.run([sys.executable, "-c", SHARED], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"]


def test_a_build_keeps_its_loaded_radar_out_of_collections_and_gives_it_back(tmp_path):
    """After loading, the radar is frozen while the site is made (collections during rendering do not walk
    it); once the build is done, a process that builds again (the live preview's owner, these tests) can
    collect it."""
    frozen_while_rendering: list[int] = []
    render_site = build.render_site

    def rendering(*args: Any) -> Any:
        frozen_while_rendering.append(gc.get_freeze_count())
        return render_site(*args)

    with mock.patch.object(build, "render_site", rendering):
        done = radar("build", "--out", str(tmp_path / "site"))
    assert done.returncode == 0, done.stderr
    assert frozen_while_rendering and frozen_while_rendering[0] > 10_000  # the sample's radar, and all before it
    assert gc.get_freeze_count() == 0


def test_a_build_leaves_objects_someone_froze_frozen_and_freezes_nothing_more(tmp_path):
    """(Frozen objects that nothing refers to any more are still freed: the count may only fall.)"""
    kept = [[n] for n in range(1000)]
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        done = radar("build", "--out", str(tmp_path / "site"))
        assert done.returncode == 0, done.stderr
        assert 0 < gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()
    assert kept
