"""Benchmark (not a test): seconds from saving a blip to `radar serve` serving the rebuilt page.

Builds a radar of N blips in a temporary folder (the sample radar's configuration and its blips
copied under new ids), starts `radar serve` as a real process, then saves one blip again and
again and, as an open browser tab does, waits for the new build on the live-reload event stream and
then fetches the page, until the new text is served.  Two kinds of save:

* text:  the body changes (the blip stays where it is on the radar);
* move:  the ring changes with a history entry (the layout and the radar picture change), and the
         home page is fetched.

Usage:  .venv/bin/python bench/serve_bench.py [--blips 30 1000] [--saves 10] [--out]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SERVING = re.compile(r"http://127\.0\.0\.1:\d+/")


def make_radar(folder: Path, count: int) -> list[str]:
    """The sample radar with `count` blips: its own, copied under numbered ids."""
    shutil.copytree(ROOT / "radar", folder / "radar")
    samples = sorted((ROOT / "blips").glob("*.md"))
    (folder / "blips").mkdir()
    ids = []
    for i in range(count):
        sample = samples[i % len(samples)]
        ident = f"{sample.stem}-{i}"
        text = sample.read_text(encoding="utf-8").replace("title: ", f"title: N{i} ", 1)
        (folder / "blips" / f"{ident}.md").write_text(text, encoding="utf-8")
        ids.append(ident)
    return ids


class Serve:
    def __init__(self, source: Path, out: Path | None) -> None:
        extra = ["--out", str(out)] if out else []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", "--source", str(source), "--port", "0", *extra],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        self.lines: list[str] = []
        threading.Thread(target=lambda: self.lines.extend(self.proc.stdout), daemon=True).start()
        started = time.perf_counter()
        while not any(SERVING.search(line) for line in self.lines):  # the line says it in the radar's language
            if self.proc.poll() is not None or time.perf_counter() - started > 300:
                raise SystemExit("radar serve did not start:\n" + "".join(self.lines))
            time.sleep(0.01)
        self.startup = time.perf_counter() - started
        self.url = next(m.group(0) for m in map(SERVING.search, self.lines) if m)

    def get(self, path: str) -> str:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.send_signal(2)
        self.proc.wait(timeout=30)


def until_served(server: Serve, events: EventStream, path: str, marker: str, saved: float) -> float:
    """As an open browser tab does: wait for a new build on the event stream, then fetch the page."""
    while True:
        events.next_build()
        if marker in server.get(path):
            return time.perf_counter() - saved
        if time.perf_counter() - saved > 60:
            raise SystemExit(f"{marker!r} never appeared on {path}")


class EventStream:
    """The live-reload event stream (/__radar/events) the injected script listens to."""

    def __init__(self, url: str) -> None:
        host = url.split("/")[2]
        self.connection = http.client.HTTPConnection(host, timeout=120)
        self.connection.request("GET", "/__radar/events")
        self.response = self.connection.getresponse()
        self.current = self._read()

    def _read(self) -> str:
        while True:
            line = self.response.readline().decode("utf-8")
            if not line:
                raise SystemExit("the event stream closed")
            if line.startswith("data: "):
                return line[6:].strip()

    def next_build(self) -> str:
        self.current = self._read()
        return self.current


def run(count: int, saves: int, out: bool) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="radar-bench-") as tmp:
        source = Path(tmp) / "radar-src"
        source.mkdir()
        ids = make_radar(source, count)
        server = Serve(source, Path(tmp) / "out" if out else None)
        target = source / "blips" / f"{ids[0]}.md"
        page = f"blips/{ids[0]}.html"
        original = target.read_text(encoding="utf-8")
        server.get(page)
        server.get("")
        events = EventStream(server.url)
        times: dict[str, list[float]] = {"text": [], "move": []}
        for i in range(saves):
            marker = f"Benchmark save {i} {'x' * (i + 1)}"
            target.write_text(original + f"\n{marker}\n", encoding="utf-8")
            times["text"].append(until_served(server, events, page, marker, time.perf_counter()))
            time.sleep(0.3)  # let the output folder catch up, as between an author's saves
        for i in range(saves):
            ring = ("adopteren", "afwachten")[i % 2]
            title = f"Moved {i}"
            moved = _with_history(original, ring, title)
            target.write_text(moved, encoding="utf-8")
            times["move"].append(until_served(server, events, "", title, time.perf_counter()))
            time.sleep(0.3)
        startup = server.startup
        server.stop()
        rebuilds = [line for line in server.lines if re.search(r"\d+ ms$", line.strip())]  # 'rebuilt in N ms'
    print(f"{count} blips: startup {startup:.2f} s; {len(rebuilds)} rebuilds; last: {rebuilds[-1].strip()}")
    return times


def _with_history(original: str, ring: str, title: str) -> str:
    """The blip moved to `ring` in the current edition: ring, title and a last history entry."""
    head, body = original.split("\n---\n", 1)
    lines = head.split("\n")
    lines = [f"ring: {ring}" if line.startswith("ring: ") else line for line in lines]
    lines = [f"title: {title}" if line.startswith("title: ") else line for line in lines]
    edition = "2026-Q4"
    history = [i for i, line in enumerate(lines) if line.strip().startswith("- edition: " + edition)]
    for i in reversed(history):  # drop an entry for this edition (from an earlier save), then add ours
        end = i + 1
        while end < len(lines) and lines[end].startswith("    "):
            end += 1
        del lines[i:end]
    lines += [f"  - edition: {edition}", f"    ring: {ring}", "    note: bench"]
    return "\n".join(lines) + "\n---\n" + body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--blips", type=int, nargs="+", default=[30, 1000])
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--out", action="store_true", help="also keep an output folder up to date")
    args = parser.parse_args()
    print(f"seconds from saving a blip to the rebuilt page being served ({args.saves} saves each)")
    for count in args.blips:
        times = run(count, args.saves, args.out)
        for kind, values in times.items():
            print(
                f"  {count:>5} blips, {kind:<4}: median {statistics.median(values):.3f} s, "
                f"min {min(values):.3f} s, max {max(values):.3f} s"
            )


if __name__ == "__main__":
    main()
