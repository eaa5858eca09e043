"""`radar build` in a fresh process that also says how it built: the drawing workers it started and
which generator modules imported matplotlib or the radar picture's module.

The run's two cold builds of the sample (conftest.sample_site and cold_sample_builds) are made this way,
so tests/test_perf.py reads what it asks of a cold build from them instead of building the sample again.
The build is the real one (`generator.cli.main`, as `python -m generator` calls it); the script only
counts and watches.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# argv: MIN_JOBS for the drawing pool ("" keeps the build's own), the report's path, then `radar`'s arguments.
SCRIPT = """
import builtins, importlib.util, json, sys
from generator.render import pool
jobs, report, *argv = sys.argv[1:]
if jobs:
    pool.MIN_JOBS = int(jobs)
started = []
class Counted(pool.ProcessPoolExecutor):
    def __init__(self, *args, **kwargs):
        started.append(1)
        super().__init__(*args, **kwargs)
pool.ProcessPoolExecutor = Counted
PICTURE = "generator.outputs.picture"
seen = set()
real = builtins.__import__
def watched(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__", "")
    if importer.startswith("generator."):
        full = importlib.util.resolve_name("." * level + name, globals["__package__"]) if level else name
        if full.split(".")[0] == "matplotlib":
            seen.add((importer, "matplotlib"))
        if full == PICTURE or PICTURE in {f"{full}.{f}" for f in fromlist or ()}:
            seen.add((importer, "picture"))
    return real(name, globals, locals, fromlist, level)
builtins.__import__ = watched
from generator.cli import main
status = main(argv)
with open(report, "w", encoding="utf-8") as out:
    json.dump({"status": status, "workers": len(started), "imports": sorted(seen)}, out)
raise SystemExit(status)
"""

ALONE = 10**6  # MIN_JOBS that no build reaches: no drawing worker, every import happens in the build's process


def build(source: Path, out: Path, report: Path, cache: Path, min_jobs: int | None = None) -> None:
    """`radar build --source SOURCE --out OUT` on the render cache `cache`; what it did goes to `report`
    (JSON: status, workers, imports as [importer, "matplotlib" or "picture"] pairs)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RADAR_CACHE_DIR": str(cache)}
    argv = [sys.executable, "-c", SCRIPT, "" if min_jobs is None else str(min_jobs), str(report)]
    argv += ["build", "--source", str(source), "--out", str(out)]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr


def report(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


IMPORTED = """
import sys
from generator.cli import main
status = main(sys.argv[1:])
heavy = ("matplotlib", "markdown_it", "fpdf", "numpy")
print(status, sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in heavy}))
print(sorted(m for m in ("json5", "anyascii") if m in sys.modules))
"""


def imported(*args: str, cache: Path) -> tuple[str, str, str]:
    """A fresh `radar ARGS` process, which must succeed: its exit status with the heavy packages it imported,
    which of the libraries only `radar import` needs (json5 for a Zalando radar's JavaScript source, anyascii
    for ids of imported names) it loaded, and what it wrote to stderr."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RADAR_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", IMPORTED, *args], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    heavy, import_only = done.stdout.strip().splitlines()[-2:]
    return heavy, import_only, done.stderr
