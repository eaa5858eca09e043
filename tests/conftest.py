"""Shared fixtures: the repository's sample radar, tiny radars written per test, a browser and a server."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent

# No per-example deadline for Hypothesis anywhere in the suite (the property tests that set their own
# already had none): its default of 200 ms measures the machine, not the code, and failed
# test_perf.py::test_relative_link_is_what_posixpath_gives on a 0.06 ms example that took 421 ms on a
# loaded machine.  What must be fast is asserted as such (tests/test_perf.py, test_plainmd.py).
settings.register_profile("suite", deadline=None)
settings.load_profile("suite")

# Python's bytecode cache, on for the run and its subprocesses even where the environment turns it off
# (PYTHONDONTWRITEBYTECODE, as on this project's machines): without it every xdist worker rewrites every
# test module's asserts and compiles the generator again on every run, and so does every `python -m
# generator` a test starts.  The __pycache__ folders are git-ignored.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

RADAR_YAML = """\
title: Test Radar
language: en
edition: 2026-Q2
quadrants:
  - {id: data, name: Data}
  - {id: tools, name: Tools}
  - {id: platforms, name: Platforms}
  - {id: methods, name: Methods}
rings:
  - {id: adopt, name: Adopt}
  - {id: trial, name: Trial}
  - {id: assess, name: Assess}
  - {id: hold, name: Hold}
"""

CAPABILITIES_YAML = """\
title: Model
columns:
  - {id: tech, name: Tech, title: Technology}
  - {id: work, name: Work, title: Ways of working}
rows:
  - {id: future, name: Future, title: Future}
  - {id: agile, name: Agile, title: Agility}
cells:
  - {id: tech-future, column: tech, row: future, title: T F, criteria: [a]}
  - {id: tech-agile, column: tech, row: agile, title: T A, criteria: [b]}
  - {id: work-future, column: work, row: future, title: W F, criteria: [c]}
  - {id: work-agile, column: work, row: agile, title: W A, criteria: [d],
     scores: [{edition: 2026-Q1, status: in-uitvoering, lead: CIO}, {edition: 2026-Q2, status: opgepakt, lead: CIO}]}
"""


def blip_text(
    title: str = "Thing", quadrant: str = "data", ring: str = "trial", extra: str = "", body: str = "Some text."
) -> str:
    return f"---\ntitle: {title}\nquadrant: {quadrant}\nring: {ring}\n{extra}---\n{body}\n"


class RadarDir:
    """A radar folder in tmp_path that a test fills file by file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "blips").mkdir(parents=True)  # a radar always has blips/: a missing one is an error
        self.write("radar/radar.yaml", RADAR_YAML)
        self.write("radar/capabilities.yaml", CAPABILITIES_YAML)
        self.write(
            "radar/initiatives/pilot-one.md",
            "---\ntitle: Pilot one\nlead: Team A\nstatus: pilot\ncapabilities: [tech-future]\n---\nBody.\n",
        )

    def write(self, rel: str, text: str | bytes) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    def blip(self, ident: str, **kwargs) -> Path:
        # Titled by its id unless told: two blips both called "Thing" would be warned about as one
        # technology added twice (content/similar.py).
        kwargs.setdefault("title", ident)
        return self.write(f"blips/{ident}.md", blip_text(**kwargs))


@pytest.fixture
def radar_dir(tmp_path: Path) -> RadarDir:
    return RadarDir(tmp_path / "radar-src")


def until(condition: Callable[[], object], seconds: float = 10.0) -> bool:
    """Whether `condition` came true within `seconds`, looked at every hundredth of a second: for what
    happens on another thread or in another process that tells no one (a watcher's events, a process's end)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return bool(condition())


def run_radar(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real command line, in a subprocess, as an author would run it (`env`: variables to set for it)."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
    )


def _run_root(factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this whole test run: shared by every xdist worker, fresh for each run."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def made_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `name` that `make` fills, made once per test run even when xdist workers ask at the same time.

    Only for things that tests read and never change (a built site, an imported radar).
    """
    root = _run_root(factory)
    folder, done = root / name, root / f"{name}.done"
    with _locked(root / f"{name}.lock"):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # left by a worker whose `make` failed
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def _build_sample(folder: Path) -> None:
    """Cold, on a render cache of its own (cache/): cold_sample_builds takes this build as its first one.
    Its entries then join the run's cache, as if it had been built there (each moved in whole).
    In a fresh process that keeps the build's own drawing workers and reports them (build.json)."""
    import watched_build

    cache = folder / "cache"
    watched_build.build(ROOT, folder / "site", folder / "build.json", cache)
    shared = Path(os.environ["RADAR_CACHE_DIR"])
    for entry in cache.iterdir():
        part = shared / f".seed-{entry.name}"
        shutil.copyfile(entry, part)
        os.replace(part, shared / entry.name)
    (folder / "www" / "radar").mkdir(parents=True)
    shutil.copytree(folder / "site", folder / "www" / "radar" / "sub")


def _sample(factory: pytest.TempPathFactory) -> Path:
    return made_once(factory, "sample", _build_sample)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The repository's own sample radar, built once per test run (shared by xdist workers: never change it)."""
    return _sample(tmp_path_factory) / "site"


def _build_sample_again_cold(folder: Path, first: Path) -> None:
    import watched_build

    (folder / "a").symlink_to(first / "site")
    (folder / "cache-a").symlink_to(first / "cache")
    (folder / "a.json").symlink_to(first / "build.json")
    copy = folder / "copy"
    shutil.copytree(ROOT / "radar", copy / "radar")
    shutil.copytree(ROOT / "blips", copy / "blips")
    alone = watched_build.ALONE
    watched_build.build(copy, folder / "b", folder / "b.json", folder / "cache-b", min_jobs=alone)


@pytest.fixture(scope="session")
def cold_sample_builds(tmp_path_factory) -> Path:
    """The sample built twice, each cold (an empty render cache of its own, in cache-a/ and cache-b/), into a/ and b/.

    a/ is sample_site's build; the second build reads a copy of the sources in another folder. Tests compare
    the two sites' bytes: nothing cached is compared with itself, and no path or time leaks into the output.
    a/ was drawn with the build's drawing workers, b/ without any, in the build's own process; a.json and
    b.json say so and which modules imported matplotlib (tests/watched_build.py).
    Shared by the run: never change it.
    """
    first = _sample(tmp_path_factory)
    return made_once(tmp_path_factory, "cold-builds", lambda folder: _build_sample_again_cold(folder, first))


def _build_english_sample(folder: Path) -> None:
    source = folder / "radar-en"
    for name in ("radar", "blips"):
        shutil.copytree(ROOT / name, source / name)
    config = source / "radar" / "radar.yaml"
    config.write_text(re.sub(r"(?m)^language: \w+$", "language: en", config.read_text(encoding="utf-8")))
    assert "language: en" in config.read_text(encoding="utf-8")
    result = run_radar("build", "--source", str(source), "--out", str(folder / "site"))
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def english_sample_site(tmp_path_factory) -> Path:
    """The repository's sample content with `language: en`, built as an author would (once per run: never change it)."""
    return made_once(tmp_path_factory, "english-sample", _build_english_sample) / "site"


def _import_aoe(folder: Path) -> None:
    import realdata
    from inprocess import radar

    result = radar(
        "import", "aoe", str(realdata.shared(realdata.DATA / "aoe-techradar")), "--source", str(folder / "radar")
    )
    assert result.returncode == 0, result.stderr
    (folder / "import-report.txt").write_text(result.stdout, encoding="utf-8")
    assert radar("check", "--strict", "--source", str(folder / "radar")).returncode == 0
    build = radar("build", "--source", str(folder / "radar"), "--out", str(folder / "site"))
    assert build.returncode == 0, build.stderr


@pytest.fixture(scope="session")
def aoe_site(tmp_path_factory) -> tuple[Path, Path, str]:
    """AOE's radar through `radar import aoe`, checked strictly and built: (sources, site, import report).

    Made once per run and shared by the import and accessibility tests: never change it.
    """
    folder = made_once(tmp_path_factory, "aoe", _import_aoe)
    return folder / "radar", folder / "site", (folder / "import-report.txt").read_text(encoding="utf-8")


def _import_thoughtworks_volumes(folder: Path) -> None:
    import realdata
    from inprocess import radar

    volumes = [str(p) for p in realdata.volumes()]
    title = "Thoughtworks Technology Radar"
    result = radar("import", "byor", *volumes, "--source", str(folder / "radar"), "--title", title)
    assert result.returncode == 0, result.stderr
    (folder / "import-report.txt").write_text(result.stdout, encoding="utf-8")


@pytest.fixture(scope="session")
def thoughtworks_volumes(tmp_path_factory) -> tuple[Path, str]:
    """All 34 Thoughtworks volumes through `radar import byor`: (sources, the import's report).

    Made once per run, so that the tests reading it run on any worker side by side: never change it.
    """
    folder = made_once(tmp_path_factory, "thoughtworks-volumes", _import_thoughtworks_volumes)
    return folder / "radar", (folder / "import-report.txt").read_text(encoding="utf-8")


def _build_thoughtworks_volume(folder: Path) -> None:
    import realdata
    from inprocess import radar

    source, _ = realdata.thoughtworks_radar(folder / "src")
    result = radar("build", "--source", str(source), "--out", str(folder / "site"))
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def thoughtworks_site(tmp_path_factory) -> tuple[Path, list]:
    """Thoughtworks' latest volume (realdata.thoughtworks_radar) built once per run: (site, its RealBlips).

    Shared by the build and accessibility tests: never change it.
    """
    import realdata

    site = made_once(tmp_path_factory, "thoughtworks-volume", _build_thoughtworks_volume) / "site"
    return site, realdata.thoughtworks_blips(realdata.volumes()[-1:])[1]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def sample_server(sample_site: Path):
    """The sample site over HTTP on a free loopback port, under a sub-path to prove links are relative."""
    served = sample_site.parent / "www"  # a copy of the site under radar/sub/, made with it
    handler = functools.partial(_QuietHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/radar/sub/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. Missing Chromium is a failure, never a skip."""
    if not Path(CHROMIUM).exists():
        pytest.fail("browser tests need Debian's chromium: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


SHARED_MEMORY = Path("/dev/shm")
SHARED_MEMORY_FREE = 4 << 30  # bytes: a run writes ~200 MB there (16,000 files), removed when it passes


def _temporary_files_in_memory() -> None:
    """The run's temporary folders (tmp_path, the render cache, what made_once makes) in memory when the machine
    has room there and no one chose a place (TMPDIR, PYTEST_DEBUG_TEMPROOT): a run writes and removes some
    16,000 files, and on a disk shared by other builds that cost 7 s more system time than in memory (18 s of
    the fast subset's 133 s CPU against 11) and, under load, tens of seconds of waiting.  Elsewhere (a small
    /dev/shm, as in a container) nothing changes.  pyproject's tmp_path_retention_policy removes a run's folders
    once it passed (kept when it failed)."""
    if os.environ.get("TMPDIR") or os.environ.get("PYTEST_DEBUG_TEMPROOT"):
        return
    try:
        room = os.statvfs(SHARED_MEMORY)
    except OSError:
        return
    if room.f_bavail * room.f_frsize >= SHARED_MEMORY_FREE and os.access(SHARED_MEMORY, os.W_OK | os.X_OK):
        os.environ["TMPDIR"] = tempfile.tempdir = str(SHARED_MEMORY)  # for this process and those it starts


_POOL_MIN_JOBS: dict[str, int] = {}  # the build's own threshold for a drawing worker, before pytest_configure


@pytest.fixture
def drawing_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds in this test draw in a forked worker, as the command does (see pytest_configure): for a build
    whose pictures take seconds, drawn on the other core while this process renders the pages."""
    from generator.render import pool

    monkeypatch.setattr(pool, "MIN_JOBS", _POOL_MIN_JOBS["product"])


_CACHE_KEY = pytest.StashKey[str]()
_CACHE_INPUT = "radar_cache_dir"


def pytest_configure(config: pytest.Config) -> None:
    """One render cache for the whole test run (fast), never the user's own: RADAR_CACHE_DIR, inherited by subprocesses.

    xdist workers use the folder of the run that started them (the cache writes entries atomically and
    checks each one's digest, so workers can share it). Tests that need a cold cache point
    RADAR_CACHE_DIR at an empty folder of their own (monkeypatch.setenv).

    Builds run in this process (tests/inprocess.py) draw here too, without a drawing worker: this process
    builds a hundred radars, and a worker forked for each imported matplotlib and fpdf2 again (this process
    never does, when a worker draws), 40% of those tests' CPU.  The pool itself is tested where it runs, in
    fresh build processes: test_perf.py (the sample drawn by a worker and alone, byte for byte),
    test_pool_gc.py, test_deploy.py's killed builds.  A test whose build is big enough to gain from drawing on
    the other core takes the `drawing_worker` fixture.
    """
    import watched_build

    from generator.render import pool

    _POOL_MIN_JOBS.setdefault("product", pool.MIN_JOBS)
    pool.MIN_JOBS = watched_build.ALONE
    _temporary_files_in_memory()
    given = getattr(config, "workerinput", {}).get(_CACHE_INPUT)
    if given:
        os.environ["RADAR_CACHE_DIR"] = given
        return
    folder = tempfile.mkdtemp(prefix="radar-test-cache-")
    config.stash[_CACHE_KEY] = folder
    os.environ["RADAR_CACHE_DIR"] = folder


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: one worker more than the cores this process may use.  Some tests mostly wait (a server's
    idle timeout, builds killed at moments spread over a build, a page loading in Chromium): the extra
    worker runs other modules meanwhile, so both cores stay busy; on busy cores it costs only its start."""
    from generator.render.pool import cores

    return cores() + 1


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node) -> None:
    """xdist: hand the run's render cache to each worker (called only when xdist starts workers)."""
    node.workerinput[_CACHE_INPUT] = node.config.stash[_CACHE_KEY]


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_CACHE_KEY, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


# The modules that take longest, longest first (measured: per-module seconds of a run).  With `--dist
# loadscope` a module runs whole on one worker, so a long one that starts last is the run's critical path;
# started first, the other workers meanwhile run everything else.  pyproject turns off xdist's own order
# (most tests first), which would start these late.
LONGEST_FIRST = (
    # a test by its name: it imports the 34 volumes (once per run) and builds sixteen years of them; the
    # module's other tests, which read the same import, come after the browser modules, once it is made
    "test_import_byor.py::test_sixteen_years_of_thoughtworks_build_with_every_edition_and_no_broken_link",
    # mostly waiting (150 idle connections closed after 3 rounds of the server's 5 s timeout): started
    # last, its 15 s of sleep were the end of the run; started first, the other workers compute meanwhile
    "test_serve_hardening.py",
    "test_accessibility.py",
    "test_browser.py",
    "test_capabilities.py",
    "test_import_byor.py",
    "test_perf.py",
    "test_deploy.py",  # waits on builds it kills at moments spread over a build
    "test_themes_i18n.py",
    "test_serve_warnings.py",
    "test_search_ranked.py",
)

# Modules whose tests are handed to workers one by one, not as a module: they share nothing costly at
# module scope (a fixture there reads the sample or loads it, in well under a second; what costs more is
# made once per run), and some of their tests take as long as a whole module each (axe on every page
# type, every tab stop, sixteen years of Thoughtworks built): in one unit they were the run's critical
# path.  In each, the browser tests go first.
ONE_BY_ONE = frozenset(
    {
        "test_import_byor.py",  # its 34 volumes are imported once per run (thoughtworks_volumes)
        "test_accessibility.py",
        "test_browser.py",
        "test_capabilities.py",
        "test_themes_i18n.py",
        "test_serve_warnings.py",
        "test_search_ranked.py",
        "test_search_filters.py",
        "test_phone_names.py",
    }
)


def _module(nodeid: str) -> str:
    return nodeid.split("::", 1)[0].rpartition("/")[2]


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """`--dist loadscope`, with each test of a ONE_BY_ONE module as a unit of its own."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid if _module(nodeid) in ONE_BY_ONE else super()._split_scope(nodeid)

    return Scheduling(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is marked `browser`, so `pytest -m "not browser"` is the fast loop.
    The longest modules are collected first (LONGEST_FIRST), in a ONE_BY_ONE module its browser tests first;
    everything else in its own order."""
    for item in items:
        if {"browser", "page"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}

    def order(item: pytest.Item) -> tuple[int, int]:
        name = item.path.name
        alone = name in ONE_BY_ONE and item.get_closest_marker("browser") is not None
        by_name = f"{name}::{getattr(item, 'originalname', item.name)}"
        return (rank.get(by_name, rank.get(name, len(rank))), 0 if alone else 1)

    items.sort(key=order)  # stable: a module's tests keep their order
