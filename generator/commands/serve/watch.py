"""Watching the radar's folders, and rebuilding once an editor's burst of saves is over."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ...content.folders import CONTENT_FOLDERS
from ...i18n import text
from ...outputs.write import OutputError
from .preview import Build, Preview

WATCHED = CONTENT_FOLDERS  # assets/ too: the site copies them
DEBOUNCE = 0.02  # an editor's save (write, rename) takes milliseconds; the rebuild itself dominates
SETTLE = 0.003  # after a save's last step, for the events of the same save still on their way


def settled(event: FileSystemEvent, relevant: Callable[[str], bool]) -> bool | None:
    """Whether an event is the last step of a save: the file closed after writing, or a finished file
    renamed onto a content file (an editor's atomic save).  After one the rebuilder waits SETTLE, not
    DEBOUNCE.  Anything else may be the start of a save (a truncation, vim's renaming the old file
    to `x.md~` before writing the new one, a deletion before the file is written again), and a rebuild
    then could show a half-written file for a moment.  None for a folder's "modified", which watchdog
    sends after each change inside it: it says nothing about where the save is."""
    if event.is_directory and event.event_type == "modified":
        return None
    dest = str(getattr(event, "dest_path", "") or "")
    return event.event_type == "closed" or (event.event_type == "moved" and bool(dest) and relevant(dest))


class Watcher:
    """watchdog on the content folders (and the root, to notice those folders appear)."""

    def __init__(self, source: Path, on_change: Callable[[bool | None], None]) -> None:
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
                    on_change(settled(event, outer.relevant))

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
        self.settled = False  # whether the last change seen was the end of a save

    def poke(self, settled: bool | None = False) -> None:
        """A change seen; `settled` whether it ended a save (None: no news about that)."""
        if settled is not None:
            self.settled = settled
        self.dirty.set()

    def run(self) -> None:
        while not self.stopping.is_set():
            if not self.dirty.wait(timeout=0.2):
                continue
            # Quiet for DEBOUNCE, or for SETTLE after a save's last step: a fixed wait would be a
            # tenth of the time from a save to the page on a big radar.
            while self.dirty.is_set() and not self.stopping.is_set():
                self.dirty.clear()
                self.dirty.wait(timeout=SETTLE if self.settled else DEBOUNCE)
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
