"""`radar serve`: a live preview that rebuilds on every save and reloads the open pages by itself.

An author writing a blip wants to see it at once, and to see mistakes as clearly as `radar check`
reports them.  So the preview:

* builds in memory and serves from memory on 127.0.0.1 (ThreadingHTTPServer): nothing is written
  unless --out is given, and then only the files whose bytes changed (output.update_site);
* watches blips/, radar/ and themes/ with watchdog and rebuilds ~100 ms after the last change;
* rebuilds incrementally: the loader reuses every unchanged parsed file (load.py caches by mtime and
  size) and pages are rendered only when a browser asks for them (render.site.SiteFiles.get),
  so a save on a radar of a thousand blips renders one page, not a thousand;
* injects a small script into served HTML only (never into built files) that listens to
  /__radar/events (server-sent events) and reloads when the build number changes;
* shows an error page listing every problem as path:line:column: message while the content is
  invalid, and never stops for it; Ctrl-C stops it cleanly.
"""

from __future__ import annotations

import argparse
import html
import mimetypes
import posixpath
import signal
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..content.load import load
from ..content.problems import Problem
from ..i18n import text, translator
from ..outputs.write import OutputError, check_target, update_site, write_site
from ..render.parts import site_files
from ..render.site import SiteFiles, template_problem
from .localhost import GONE, GuardedHandler, LocalServer, tcp_port

WATCHED = ("blips", "radar", "themes")
DEBOUNCE = 0.1
EVENTS = "/__radar/events"
RADAR_FILE = "radar/radar.yaml"
HEARTBEAT = 15.0

# The live-reload client: reload when the server announces a build other than the one shown.
# EventSource reconnects by itself after a restart; a restarted server has a new build id.
LIVE_SCRIPT = """<script>
(function () {
  var shown = null;
  var events = new EventSource("/__radar/events");
  events.onmessage = function (e) {
    if (shown === null) { shown = e.data; } else if (e.data !== shown) { location.reload(); }
  };
}());
</script>
"""


@dataclass
class Build:
    """One state of the site: a loaded radar whose files are made when asked for, or its problems."""

    number: str
    problems: list[Problem] = field(default_factory=list)
    language: str = "nl"
    seconds: float = 0.0
    files: SiteFiles | None = None

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
            if errors or radar is None:
                unloadable = Problem(RADAR_FILE, 1, 1, problems.t("serve.cannot_load"), language=problems.language)
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


def error_page(build: Build) -> bytes:
    """A self-contained page listing every problem; it carries the reload script like every page."""
    t = translator(build.language)
    heading, advice = t("serve.error_heading"), t("serve.error_advice")
    items = "\n".join(f"<li><code>{html.escape(p.text())}</code></li>" for p in build.problems)
    page = f"""<!DOCTYPE html>
<html lang="{html.escape(build.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; background: #fff; line-height: 1.5; }}
h1 {{ color: #9b1c1c; }}
li {{ margin: .5rem 0; }}
code {{ white-space: pre-wrap; word-break: break-word; }}
</style>
</head>
<body>
<main>
<h1>{html.escape(heading)}</h1>
<p>{html.escape(advice)}</p>
<ul class="radar-problems">
{items}
</ul>
</main>
</body>
</html>
"""
    return page.encode("utf-8")


def inject(page: bytes) -> bytes:
    """Add the live-reload script to served HTML, before </body> (or at the end)."""
    script = LIVE_SCRIPT.encode("utf-8")
    at = page.rfind(b"</body>")
    return page + script if at < 0 else page[:at] + script + page[at:]


# --- HTTP ---------------------------------------------------------------------------------------


class Handler(GuardedHandler):
    """GET and HEAD for site paths from memory, and the event stream for live reload (Host checked first)."""

    preview: Preview
    stopping: threading.Event

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass  # the author's terminal shows rebuilds and problems, not every request

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def do_GET(self) -> None:
        self._respond(head=False)

    def _respond(self, head: bool) -> None:
        if not self.host_ok():
            return
        raw = urllib.parse.urlsplit(self.path).path
        if raw == EVENTS and not head:
            self._events()
            return
        path = _site_path(raw)
        if path is None:
            self._send(404, "text/plain; charset=utf-8", b"not found\n", head)
            return
        if path.endswith("/") or path == "":
            path += "index.html"
        build = self.preview.current
        if not build.ok and path.endswith(".html"):
            self._send(500, "text/html; charset=utf-8", inject(error_page(build)), head)
            return
        try:
            build, content = self.preview.file(path)
            if content is None and not path.endswith(".html") and self.preview.file(path + "/index.html")[1]:
                self._redirect(raw.rstrip("/") + "/")
                return
        except Exception as exc:  # noqa: BLE001 - a broken template or page family must not stop the preview
            problem = (
                template_problem(exc)
                if isinstance(exc, jinja2.TemplateError)
                else Problem(
                    path,
                    1,
                    1,
                    text(build.language, "serve.page_failed", error=f"{type(exc).__name__}: {exc}"),
                    language=build.language,
                )
            )
            failed = Build(build.number, problems=[problem], language=build.language)
            self._send(500, "text/html; charset=utf-8", inject(error_page(failed)), head)
            return
        if content is None:
            self._send(
                404,
                "text/plain; charset=utf-8",
                (text(build.language, "serve.not_found", path=path) + "\n").encode(),
                head,
            )
            return
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        if path.endswith(".html"):
            content = inject(content)
        if kind.startswith("text/") or kind in ("application/json", "application/javascript", "image/svg+xml"):
            kind += "; charset=utf-8"
        self._send(200, kind, content, head)

    def _redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: int, kind: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the build number now, then each new one; a comment as heartbeat."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        number = self.preview.current.number
        try:
            self._event(f"retry: 500\ndata: {number}\n\n")
            quiet_since = time.monotonic()
            while not self.stopping.is_set():
                now = self.preview.wait_for_change(number, timeout=0.5)
                if now != number:
                    number = now
                    self._event(f"data: {number}\n\n")
                    quiet_since = time.monotonic()
                elif time.monotonic() - quiet_since > HEARTBEAT:
                    self._event(": keep-alive\n\n")  # lets a closed tab end this thread
                    quiet_since = time.monotonic()
        except GONE:
            pass

    def _event(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()


def _site_path(raw: str) -> str | None:
    """A URL path as a site path, or None for anything that would climb out of the site."""
    path = urllib.parse.unquote(raw)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None
    joined = posixpath.join(*parts) if parts else ""
    return joined + ("/" if path.endswith("/") and joined else "")


# --- watching ---------------------------------------------------------------------------------


class Watcher:
    """watchdog on blips/, radar/ and themes/ (and the root, to notice those folders appear)."""

    def __init__(self, source: Path, on_change: Callable[[], None]) -> None:
        from watchdog.events import FileSystemEvent, FileSystemEventHandler
        from watchdog.observers import Observer

        self.source = source.resolve()
        self.observer = Observer()
        self.watched: set[str] = set()
        outer = self

        class _Handler(FileSystemEventHandler):
            def on_any_event(self, event: FileSystemEvent) -> None:
                if event.event_type in ("opened", "closed_no_write"):
                    return
                paths = [str(event.src_path), str(getattr(event, "dest_path", "") or "")]
                if any(outer.relevant(p) for p in paths if p):
                    outer.add_missing()
                    on_change()

        self.handler = _Handler()
        self.observer.schedule(self.handler, str(self.source), recursive=False)
        self.add_missing()

    def relevant(self, path: str) -> bool:
        try:
            rel = Path(path).relative_to(self.source)  # watchdog reports paths under the folders scheduled
        except ValueError:
            return False
        if not rel.parts or rel.parts[0] not in WATCHED:
            return False
        name = rel.name
        return not (name.startswith(".#") or name.endswith("~") or name.endswith(".swp") or name == "4913")

    def add_missing(self) -> None:
        for name in WATCHED:
            folder = self.source / name
            if name not in self.watched and folder.is_dir():
                self.observer.schedule(self.handler, str(folder), recursive=True)
                self.watched.add(name)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)


class Rebuilder(threading.Thread):
    """Rebuild once the sources have been quiet for DEBOUNCE seconds (an editor saves in bursts)."""

    def __init__(self, preview: Preview, stopping: threading.Event, report: Callable[[Build], None]) -> None:
        super().__init__(daemon=True, name="radar-rebuild")
        self.preview = preview
        self.stopping = stopping
        self.report = report
        self.dirty = threading.Event()

    def poke(self) -> None:
        self.dirty.set()

    def run(self) -> None:
        while not self.stopping.is_set():
            if not self.dirty.wait(timeout=0.2):
                continue
            while self.dirty.is_set() and not self.stopping.is_set():
                self.dirty.clear()
                time.sleep(DEBOUNCE)
            if self.stopping.is_set():
                return
            try:
                build = self.preview.rebuild()
                self.report(build)
                self.preview.write_out(build)
            except (OSError, OutputError) as exc:
                language = self.preview.current.language
                said = exc.text(language) if isinstance(exc, OutputError) else str(exc)
                print(text(language, "cli.error", message=said), file=sys.stderr, flush=True)
            except Exception as exc:  # noqa: BLE001 - a preview must survive any bug in a theme or page family
                language = self.preview.current.language
                failed = text(language, "serve.rebuild_failed", error=f"{type(exc).__name__}: {exc}")
                print(text(language, "cli.error", message=failed), file=sys.stderr, flush=True)


def report(build: Build) -> None:
    """One line per rebuild on the terminal, and every problem while there are any."""
    stamp = time.strftime("%H:%M:%S")
    t = translator(build.language)
    if build.ok:
        print(f"[{stamp}] " + t("serve.rebuilt", ms=f"{build.seconds * 1000:.0f}"), flush=True)
        return
    print(f"[{stamp}] " + t("serve.problems", count=len(build.problems)), flush=True)
    for problem in build.problems:
        print(f"  {problem.text()}", flush=True)


# --- the command ------------------------------------------------------------------------------


def serve(source: Path, port: int = 8000, out: Path | None = None, strict: bool = False) -> int:
    """Build, serve and watch until Ctrl-C; exit status 0 when stopped that way."""
    _stop_on_signals()
    try:
        return _serve(source, port, out, strict)
    except KeyboardInterrupt:
        print("\n" + text("en", "serve.stopped"), flush=True)  # before the radar's language is known
        return 0


def _stop_on_signals() -> None:
    """Ctrl-C (and SIGTERM) stop the preview even when started from a shell that ignores SIGINT."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.default_int_handler)


def _serve(source: Path, port: int, out: Path | None, strict: bool) -> int:
    if not source.is_dir():
        print(text("en", "cli.error", message=text("en", "serve.not_a_folder", source=source)), file=sys.stderr)
        return 1
    preview = Preview(source, out, strict)
    stopping = threading.Event()
    first = preview.rebuild()
    report(first)
    t = translator(first.language)
    preview.warm(first)
    try:
        preview.write_out(first)
    except OutputError as exc:
        print(t("cli.error", message=exc.text(first.language)), file=sys.stderr)
        return 1
    handler = type("BoundHandler", (Handler,), {"preview": preview, "stopping": stopping})
    try:
        server = LocalServer(("127.0.0.1", port), handler)
    except OSError as exc:
        print(t("cli.error", message=t("serve.cannot_listen", port=port, reason=exc.strerror)), file=sys.stderr)
        return 1
    rebuilder = Rebuilder(preview, stopping, report)
    watcher = Watcher(source, rebuilder.poke)
    rebuilder.start()
    watcher.start()
    print(t("serve.serving", url=f"http://127.0.0.1:{server.server_address[1]}/"), flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        print("\n" + t("serve.stopped"), flush=True)
    finally:
        stopping.set()
        watcher.stop()
        server.server_close()
        rebuilder.join(timeout=2)
    return 0


def add_parser(commands: argparse._SubParsersAction) -> None:
    """The `serve` subcommand's options, kept here so cli.py only wires it in."""
    cmd = commands.add_parser(
        "serve",
        help="preview the site on 127.0.0.1, rebuilding and reloading on every save",
        description=(
            "Build the site in memory, serve it on 127.0.0.1 and rebuild on every change under blips/, "
            "radar/ and themes/. Open pages reload by themselves; while the content has errors, every "
            "page lists them. Ctrl-C stops."
        ),
    )
    cmd.add_argument("--source", type=Path, default=Path("."), help="the radar's folder (default: .)")
    cmd.add_argument(
        "--port", type=tcp_port, default=8000, help="port on 127.0.0.1 (default: 8000; 0 picks a free one)"
    )
    cmd.add_argument("--out", type=Path, default=None, help="also keep this folder up to date (default: none)")
    cmd.add_argument("--strict", action="store_true", help="treat warnings (unknown fields) as errors")
