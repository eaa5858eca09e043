"""`radar serve` as a real process on a free port: edits show up, errors show instead, Ctrl-C stops it."""

from __future__ import annotations

import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import ROOT, blip_text

from generator.commands.serve.errorpage import inject
from generator.commands.serve.server import site_path

TIMEOUT = 20.0


class Server:
    """A `radar serve` subprocess; its output is collected on a thread so it can never block."""

    def __init__(self, source: Path, *extra: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--source", str(source), "--port", "0", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.lines: list[str] = []
        self.errors: list[str] = []
        threading.Thread(target=self._read, args=(self.proc.stdout, self.lines), daemon=True).start()
        threading.Thread(target=self._read, args=(self.proc.stderr, self.errors), daemon=True).start()
        self.url = self._wait_for_url()

    @staticmethod
    def _read(stream, into: list[str]) -> None:
        for line in stream:
            into.append(line)

    def _wait_for_url(self) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            for line in self.lines:
                found = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
                if found:
                    return found.group(1)
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.proc.kill()
        raise AssertionError(f"radar serve did not start: {''.join(self.lines + self.errors)}")

    def get(self, path: str = "") -> tuple[int, str, str]:
        """Status, content type and text of a path; error statuses are answers too."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as response:
                return response.status, response.headers["Content-Type"], response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, exc.headers["Content-Type"], exc.read().decode("utf-8")

    def wait_until(self, path: str, ok: Callable[[int, str], bool]) -> tuple[int, str]:
        deadline = time.monotonic() + TIMEOUT
        status, text = 0, ""
        while time.monotonic() < deadline:
            status, _, text = self.get(path)
            if ok(status, text):
                return status, text
            time.sleep(0.05)
        raise AssertionError(f"{path} never became as expected; last {status}:\n{text[:2000]}\n{self.lines}")

    def stop(self) -> int:
        self.proc.send_signal(signal.SIGINT)
        try:
            return self.proc.wait(timeout=15)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()


@pytest.fixture
def server(radar_dir) -> Iterator[Server]:
    radar_dir.blip("graph-db", title="Graph databases", quadrant="data", ring="trial")
    radar_dir.blip("edge", title="Edge computing", quadrant="platforms", ring="assess")
    running = Server(radar_dir.root)
    yield running
    if running.proc.poll() is None:
        running.proc.kill()
        running.proc.wait()


def edit(path: Path, text: str) -> None:
    """Save like an editor: the new text, with a size or mtime the loader's cache cannot mistake."""
    path.write_text(text, encoding="utf-8")


def test_serves_pages_with_the_reload_script_only_in_served_html(server, radar_dir):
    status, kind, home = server.get("")
    assert status == 200 and kind == "text/html; charset=utf-8"
    assert "Test Radar" in home and "/__radar/events" in home
    assert home.index("/__radar/events") < home.index("</body>")
    status, kind, page = server.get("blips/graph-db.html")
    assert status == 200 and "Graph databases" in page and "/__radar/events" in page
    status, kind, css = server.get("static/style.css")
    assert status == 200 and kind.startswith("text/css") and "__radar" not in css
    status, kind, data = server.get("radar.json")
    assert status == 200 and kind.startswith("application/json") and "__radar" not in data
    assert server.get("blips/nope.html")[0] == 404
    assert "http://127.0.0.1:" in "".join(server.lines)
    assert not (radar_dir.root / "site").exists()  # serving writes nothing without --out


def test_an_edit_shows_on_the_served_page_and_announces_a_new_build(server, radar_dir):
    events = http.client.HTTPConnection(server.url.split("/")[2], timeout=TIMEOUT)
    events.request("GET", "/__radar/events")
    stream = events.getresponse()
    assert stream.headers["Content-Type"] == "text/event-stream"
    first = _next_event(stream)
    edit(radar_dir.root / "blips" / "graph-db.md", blip_text(title="Graph databases", body="Now with *Neo4j* notes."))
    server.wait_until("blips/graph-db.html", lambda s, t: "<em>Neo4j</em>" in t)
    assert _next_event(stream) != first
    events.close()
    # A new blip appears on the radar and gets its own page.
    radar_dir.blip("vector-search", title="Vector search", quadrant="tools", ring="adopt")
    server.wait_until("", lambda s, t: "Vector search" in t)
    assert server.get("blips/vector-search.html")[0] == 200


def _next_event(stream: http.client.HTTPResponse) -> str:
    while True:
        line = stream.readline().decode("utf-8")
        assert line, "the event stream closed"
        if line.startswith("data: "):
            return line[6:].strip()


def test_broken_yaml_shows_the_error_page_with_file_and_line_until_fixed(server, radar_dir):
    path = radar_dir.root / "blips" / "graph-db.md"
    good = path.read_text(encoding="utf-8")
    edit(path, "---\ntitle: Graph databases\nquadrant: [data\nring: trial\n---\nText.\n")
    status, page = server.wait_until("blips/graph-db.html", lambda s, t: "radar-problems" in t)
    assert status == 500
    assert re.search(r"blips/graph-db\.md:\d+:\d+: YAML syntax error", page)
    assert "/__radar/events" in page  # the error page reloads by itself too
    # The server still answers, with the same problems on every page.
    status, _, home = server.get("")
    assert status == 500 and "blips/graph-db.md:" in home
    assert server.get("static/style.css")[0] == 200
    # A second, different mistake elsewhere is listed as well, with line and column.
    edit(radar_dir.root / "blips" / "edge.md", blip_text(title="Edge computing", quadrant="platform", ring="assess"))
    _, page = server.wait_until("", lambda s, t: "blips/edge.md:3:11: unknown quadrant" in t)
    assert "blips/graph-db.md:" in page and "did you mean &#x27;platforms&#x27;?" in page
    edit(radar_dir.root / "blips" / "edge.md", blip_text(title="Edge computing", quadrant="platforms", ring="assess"))
    edit(path, good)
    status, page = server.wait_until("blips/graph-db.html", lambda s, t: s == 200)
    assert "Graph databases" in page and "radar-problems" not in page
    assert "problem(s)" in "".join(server.lines)
    assert server.proc.poll() is None


def test_a_broken_configuration_and_a_broken_template_are_shown_too(server, radar_dir):
    config = radar_dir.root / "radar" / "radar.yaml"
    good = config.read_text(encoding="utf-8")
    edit(config, good.replace("edition: 2026-Q2", "edition: 2026-Q5"))
    _, page = server.wait_until("", lambda s, t: "radar/radar.yaml:3:10:" in t)
    assert "YYYY-Qn" in page
    edit(config, good)
    server.wait_until("", lambda s, t: s == 200)
    radar_dir.write("themes/default/templates/blip.html", "{% extends 'base.html' %}{% block main %}{{ oops(\n")
    status, page = server.wait_until("blips/edge.html", lambda s, t: "template error" in t)
    assert status == 500 and "blip.html" in page
    (radar_dir.root / "themes" / "default" / "templates" / "blip.html").unlink()
    server.wait_until("blips/edge.html", lambda s, t: s == 200 and "Edge computing" in t)


def test_sigint_stops_cleanly_with_status_zero(server):
    assert server.get("")[0] == 200
    assert server.stop() == 0
    time.sleep(0.2)
    stderr = "".join(server.errors)
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr


def test_out_folder_gets_only_the_files_whose_bytes_changed(radar_dir, tmp_path):
    radar_dir.blip("graph-db", title="Graph databases", quadrant="data", ring="trial")
    radar_dir.blip("edge", title="Edge computing", quadrant="platforms", ring="assess")
    out = tmp_path / "preview-site"
    server = Server(radar_dir.root, "--out", str(out))
    try:
        untouched = out / "blips" / "edge.html"
        deadline = time.monotonic() + TIMEOUT
        while not untouched.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "__radar" not in untouched.read_text(encoding="utf-8")  # built files never get the script
        before = {p: p.stat().st_mtime_ns for p in (untouched, out / "static" / "style.css")}
        time.sleep(0.05)
        edit(radar_dir.root / "blips" / "graph-db.md", blip_text(title="Graph databases", body="Changed text."))
        changed = out / "blips" / "graph-db.html"
        while "Changed text." not in changed.read_text(encoding="utf-8") and time.monotonic() < deadline + TIMEOUT:
            time.sleep(0.05)
        assert "Changed text." in changed.read_text(encoding="utf-8")
        assert {p: p.stat().st_mtime_ns for p in before} == before
    finally:
        assert server.stop() == 0


def test_a_radar_that_is_broken_from_the_start_still_serves(radar_dir):
    radar_dir.write("blips/bad.md", "---\ntitle: Bad\nquadrant: data\nring: trial\nhistory: {edition: 2026}\n---\n")
    server = Server(radar_dir.root)
    try:
        status, _, page = server.get("")
        assert status == 500 and "blips/bad.md:5:10:" in page
        radar_dir.write("blips/bad.md", blip_text(title="Bad no more"))
        server.wait_until("", lambda s, t: s == 200 and "Bad no more" in t)
    finally:
        assert server.stop() == 0


def test_a_taken_port_is_an_error_not_a_traceback(radar_dir):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", "--source", str(radar_dir.root), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "Traceback" not in result.stderr


def test_paths_cannot_climb_out_of_the_site():
    assert site_path("/blips/x.html") == "blips/x.html"
    assert site_path("/") == ""
    assert site_path("/tags/") == "tags/"
    assert site_path("/%2e%2e/etc/passwd") is None
    assert site_path("/a/../../etc/passwd") is None
    assert site_path("/a\\..\\b") is None


def test_the_script_goes_before_the_end_of_body():
    assert inject(b"<html><body><p>x</p></body></html>").endswith(b"</script>\n</body></html>")
    assert inject(b"<p>fragment</p>").startswith(b"<p>fragment</p><script>")


# Counts the messages the page's live-reload stream receives (the page's own EventSource, watched).
COUNT_EVENTS = """(() => { const Real = window.EventSource;
  window.radarEvents = 0;
  window.EventSource = function (url) {
    const stream = new Real(url);
    stream.addEventListener('message', () => { window.radarEvents += 1; });
    return stream;
  };
})()"""


def test_the_page_in_a_browser_reloads_by_itself(server, radar_dir, page):
    page.add_init_script(COUNT_EVENTS)
    page.goto(server.url + "blips/graph-db.html")
    assert page.locator("h1").first.inner_text().strip().endswith("Graph databases")
    # The stream is open and has told the page its current build (a fixed 300 ms wait here raced it under load).
    page.wait_for_function("window.radarEvents > 0")
    edit(radar_dir.root / "blips" / "graph-db.md", blip_text(title="Graph stores"))
    page.wait_for_function("document.querySelector('h1').textContent.includes('Graph stores')", timeout=15000)
    edit(radar_dir.root / "blips" / "graph-db.md", "---\ntitle: [oops\n---\n")
    page.wait_for_selector(".radar-problems", timeout=15000)
    shown = page.inner_text(".radar-problems")
    assert "blips/graph-db.md:2:13: YAML syntax error: the list that starts with '['" in shown
    # The line itself, with the caret just after its end, where the ']' goes.
    assert page.inner_text(".radar-excerpt") == "2 | title: [oops\n  |             ^"
    edit(radar_dir.root / "blips" / "graph-db.md", blip_text(title="Graph stores again"))
    page.wait_for_function("document.querySelector('h1').textContent.includes('again')", timeout=15000)


def test_unchanged_blips_are_checked_again_when_what_they_name_changes(radar_dir):
    """The loader reuses a checked blip only while its file and the radar it refers to are unchanged."""
    from generator.content.load import load

    radar_dir.blip("x", extra="initiatives: [pilot-one]\ncapabilities: [tech-future]\n")
    assert not load(radar_dir.root)[1].errors
    initiative = radar_dir.root / "radar" / "initiatives" / "pilot-one.md"
    saved = initiative.read_text(encoding="utf-8")
    initiative.unlink()
    assert any("unknown initiative 'pilot-one'" in p.message for p in load(radar_dir.root)[1].errors)
    initiative.write_text(saved, encoding="utf-8")
    assert not load(radar_dir.root)[1].errors
    config = radar_dir.root / "radar" / "radar.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("id: trial,", "id: try,"), encoding="utf-8")
    errors = load(radar_dir.root)[1].errors
    assert any(p.path == "blips/x.md" and "unknown ring 'trial'" in p.message for p in errors)
