"""The preview engine: the current build in memory, rebuilt on demand, its files made when asked for."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ...content.folders import RADAR_FILE
from ...content.load import load
from ...content.problems import Problem
from ...i18n import text
from ...outputs.write import check_target, update_site, write_site
from ...render.parts import site_files
from ...render.site import SiteFiles


@dataclass
class Build:
    """One state of the site: a loaded radar whose files are made when asked for, or its problems."""

    number: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # shown beside the pages; they do not stop the build
    language: str = "nl"
    seconds: float = 0.0
    files: SiteFiles | None = None
    banner: str | None = field(default=None, repr=False)  # its warnings as served pages show them, once made

    @property
    def ok(self) -> bool:
        return not self.problems


class Preview:
    """The current build, rebuilt on demand; thread-safe for the server's request threads.

    A rebuild only loads the content (unchanged files come from the loader's cache) and makes a
    new Site.  Which registered part made which path is remembered from earlier builds (the
    `hints` of `SiteFiles`), so a request for a blip's page runs the blip family and renders that
    one page; only an unknown path runs every part.  That keeps the time from a save to the new
    page short on a big radar.
    """

    def __init__(self, source: Path, out: Path | None = None, strict: bool = False) -> None:
        self.source = source
        self.out = out
        self.strict = strict
        self._epoch = f"{time.time_ns():x}"  # a restarted server never repeats a build id
        self._count = 0
        self._lock = threading.RLock()  # one builder of pages at a time: Site caches are not thread-safe
        self._changed = threading.Condition()
        self._hints: dict[str, int] = {}
        self._written: dict[str, bytes] | None = None
        self._last_good: Build | None = None
        self._templates = MemoryBytecodeCache()
        self._warnings: tuple[list[Problem], list[Problem]] = ([], [])  # the last build's, as found and as shown
        self.current = Build(number=f"{self._epoch}-0")

    # --- building ---------------------------------------------------------------------------

    def rebuild(self) -> Build:
        """Load (reusing unchanged files) into a new Site; render nothing yet."""
        started = time.perf_counter()
        self._count += 1
        number = f"{self._epoch}-{self._count}"
        build = Build(number, language=self.current.language)
        try:
            radar, problems = load(self.source, self.strict)
            build.language = problems.language  # the radar's, as soon as radar.yaml says it
            errors = problems.errors if radar is not None else problems.sorted()
            if radar is not None:
                build.warnings = self._sorted(problems.warnings)
            if errors or radar is None:
                unloadable = Problem(
                    RADAR_FILE.as_posix(), 1, 1, problems.t("serve.cannot_load"), language=problems.language
                )
                build.problems = sorted(set(errors)) or [unloadable]
            else:
                build.files = site_files(radar, self.source, self._hints)
                build.files.site.env.bytecode_cache = self._templates  # unchanged templates are not compiled again
        except Exception as exc:  # noqa: BLE001 - e.g. a file deleted while it was read: show it, rebuild on the next change
            failed = text(build.language, "serve.rebuild_failed", error=f"{type(exc).__name__}: {exc}")
            build.problems = [Problem("(radar serve)", 1, 1, failed, language=build.language)]
        build.seconds = time.perf_counter() - started
        self._publish(build)
        return build

    def _sorted(self, warnings: list[Problem]) -> list[Problem]:
        """The warnings sorted and each once; the last build's list when they are the very same problems
        (the loader keeps each file's and each link's): sorting a thousand took 3 ms of every rebuild."""
        last = self._warnings[0]
        if len(last) != len(warnings) or any(a is not b for a, b in zip(last, warnings, strict=True)):
            self._warnings = (warnings, sorted(set(warnings)))
        return list(self._warnings[1])

    def _publish(self, build: Build) -> None:
        with self._lock:
            if build.ok:
                self._last_good = build
        with self._changed:
            self.current = build
            self._changed.notify_all()

    def file(self, path: str) -> tuple[Build, bytes | None]:
        """The bytes of a site path in the current build (made now if needed), or None.

        Beside an error page, stylesheets and pictures come from the last good build.
        """
        build = self.current
        if not build.ok:
            if path.endswith(".html") or self._last_good is None:
                return build, None
            build = self._last_good
        if build.files is None:
            return build, None
        with self._lock:
            return build, build.files.get(path)

    def warm(self, build: Build) -> None:
        """Run every part once, so later builds know which part makes which path."""
        if build.files is not None:
            with self._lock:
                build.files.run_all()

    def render_all(self, build: Build) -> dict[str, bytes]:
        """Every file of a build as bytes (for --out), reusing what requests already rendered."""
        assert build.files is not None
        with self._lock:
            return build.files.all()

    def write_out(self, build: Build) -> list[str]:
        """Keep --out in step with a good build: a full swap first, then only changed files."""
        if self.out is None or not build.ok or build is not self.current:
            return []
        files = self.render_all(build)
        if self._written is None:
            check_target(self.out, self.source)
            write_site(self.out, files)
            changed = list(files)
        else:
            changed = update_site(self.out, files, self._written)
        self._written = files
        return changed

    def wait_for_change(self, number: str, timeout: float) -> str:
        """Block until the build number differs from `number` (or the timeout); return the current one."""
        with self._changed:
            self._changed.wait_for(lambda: self.current.number != number, timeout)
            return self.current.number


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept across rebuilds; Jinja checks each against its source's checksum.

    Every build makes a new Site with a new Jinja environment (a theme edit must take effect), and
    compiling the templates again would be the slowest step of a one-file rebuild.
    """

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()
