"""The preview's HTTP side: site paths from memory on GET and HEAD, and the live-reload event stream."""

from __future__ import annotations

import mimetypes
import posixpath
import threading
import time
import urllib.parse

import jinja2

from ...content.problems import Problem
from ...i18n import text
from ...render.site import template_frame, template_problem
from .errorpage import error_page, inject
from .localhost import GONE, GuardedHandler
from .preview import Build, Preview

EVENTS = "/__radar/events"
HEARTBEAT = 15.0


class Handler(GuardedHandler):
    """GET and HEAD for site paths from memory, and the event stream for live reload (Host checked first)."""

    preview: Preview
    stopping: threading.Event

    def language(self) -> str:
        """The radar's language as of the latest build: radar.yaml may change it while serving."""
        return self.preview.current.language

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
        path = site_path(raw)
        if path is None:
            words = text(self.language(), "serve.not_found", path=raw) + "\n"
            self._send(404, "text/plain; charset=utf-8", words.encode(), head)
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
                template_problem(exc, build.language)
                if isinstance(exc, jinja2.TemplateError) or template_frame(exc)
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
            content = inject(content, build)
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


def site_path(raw: str) -> str | None:
    """A URL path as a site path, or None for anything that would climb out of the site."""
    path = urllib.parse.unquote(raw)
    if "\x00" in path or "\\" in path:
        return None
    parts = [p for p in path.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None
    joined = posixpath.join(*parts) if parts else ""
    return joined + ("/" if path.endswith("/") and joined else "")
