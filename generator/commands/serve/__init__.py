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

The package: `preview` (the engine: builds and their files), `server` (HTTP, live-reload events),
`localhost` (the guarded local HTTP server), `watch` (watchdog, the debounced rebuild), `errorpage`
(reload script, problem page); this module is the command that ties them together.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from pathlib import Path

from ...content.problems import Problem
from ...i18n import Translator, radar_language, text, translator
from ...outputs.write import OutputError
from .localhost import LocalServer, tcp_port
from .preview import Build, Preview
from .server import Handler
from .watch import Rebuilder, Watcher


def report(build: Build) -> None:
    """One line per rebuild on the terminal, then every problem and warning while there are any."""
    stamp = time.strftime("%H:%M:%S")
    t = translator(build.language)
    if build.ok:
        print(f"[{stamp}] " + t("serve.rebuilt", ms=f"{build.seconds * 1000:.0f}"), flush=True)
    else:
        print(f"[{stamp}] " + t("serve.problems", count=len(build.problems)), flush=True)
        _print(build.problems)
    if build.warnings:
        print(f"[{stamp}] " + t("serve.warnings", count=len(build.warnings)), flush=True)
        _print(build.warnings)


def _print(problems: list[Problem]) -> None:
    # One write for them all: a radar copied from another can hold a thousand warnings, and a write
    # (and a wake-up of whatever reads the terminal) per line slowed every rebuild's page down.
    print("\n".join("  " + problem.with_excerpt().replace("\n", "\n  ") for problem in problems), flush=True)


# --- the command ------------------------------------------------------------------------------


def serve(source: Path, port: int = 8000, out: Path | None = None, strict: bool = False) -> int:
    """Build, serve and watch until Ctrl-C; exit status 0 when stopped that way."""
    _stop_on_signals()
    try:
        return _serve(source, port, out, strict)
    except KeyboardInterrupt:
        # stopped before the first build: the language is the radar.yaml's line, as for --help
        print("\n" + text(radar_language(source) or "en", "serve.stopped"), flush=True)
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
    server.language = first.language
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


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.serve_description")
    parser.add_argument("--port", type=tcp_port(t), default=8000, help=t("help.serve_port"))
    parser.add_argument("--out", type=Path, default=None, help=t("help.serve_out"))


def run(args: argparse.Namespace) -> int:
    return serve(args.source, args.port, args.out, args.strict)
