"""Our build against AOE's Technology Radar 4.4.0 (Next.js), the closest peer, on the same content.

    bash bench/peer.sh                                   # the table of issue 14, 5 runs per figure
    bash bench/peer.sh --runs 3 --cases sample           # fewer runs, only the sample radar
    .venv/bin/python bench/peer.py convert SOURCE TARGET  # only convert a radar to AOE's format

Two radars: the sample (this repository) and a 1000-blip radar over six editions from bench/bench.py.
Each is converted to an AOE project in the work folder (default ~/.cache/radar-peer, outside the
repository; `--work` or RADAR_PEER_DIR to move it): package.json, config.json (quadrants, rings),
about.md and radar/<release date>/<blip id>.md with front matter title, ring, quadrant, tags and
featured, one file per edition in the blip's history.  npm installs aoe_technology_radar@4.4.0 there
once; AOE's first build installs its own Next.js dependencies into .techradar (untimed), and every
later build reuses them and Next's build cache: that is "AOE warm".

Every figure is one fresh process measured by the kernel (os.wait4: user + system CPU seconds of
the process and of every child it waited for, which is all of AOE's npm, tsx and Next.js workers),
the median of `--runs`, with the wall-clock median beside it.  The runs alternate (AOE, ours cold,
ours warm) so a change in the shared machine's load hits both tools alike.  Ratios are ours / AOE.

AOE's layout loads Roboto with next/font/google, which downloads it from Google Fonts during the
build; only the npm registry is reachable here, so Next's own switch for offline builds
(NEXT_FONT_GOOGLE_MOCKED_RESPONSES) answers that request with a local font.  AOE is then timed
without the download, in its favour.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench import make_radar  # noqa: E402
from generator.content.load import load  # noqa: E402
from generator.content.model import Blip, HistoryEntry  # noqa: E402
from generator.content.problems import Problems  # noqa: E402
from generator.content.source import read_front_matter_file  # noqa: E402

AOE = "aoe_technology_radar"
AOE_VERSION = "4.4.0"
RADII = (0.5, 0.69, 0.85, 1.0)  # AOE's default ring widths
PACKAGE = {  # fixed: AOE reinstalls its dependencies whenever package.json's hash changes
    "name": "radar-peer",
    "version": "1.0.0",
    "private": True,
    "scripts": {"build": "techradar build"},
    "dependencies": {AOE: AOE_VERSION},
}
# Google Fonts' answer for Roboto 400 and 700 (latin), pointing at fonts on this machine; Next reads an
# absolute url() from disk.  Without them it gets placeholder bytes, which changes nothing it times.
FONTS_JS = """\
const fs = require("fs");
const font = (style) => {
  const path = `/usr/share/fonts/truetype/liberation/LiberationSans-${style}.ttf`;
  return fs.existsSync(path) ? path : `offline-${style}.ttf`;
};
const face = (weight, file) => `/* latin */
@font-face {
  font-family: 'Roboto';
  font-style: normal;
  font-weight: ${weight};
  font-display: swap;
  src: url(${file}) format('truetype');
}
`;
const css = face(400, font("Regular")) + face(700, font("Bold"));
module.exports = new Proxy({}, { get: () => css });
"""
GOALS = {("sample", "cold"): 1 / 25, ("sample", "warm"): 1 / 33, ("1000", "cold"): 0.10, ("1000", "warm"): 0.05}


class Failed(Exception):
    """A step that cannot go on; the message says what to do."""


def release(edition: str) -> str:
    """'2026-Q3' -> '2026-07-01': AOE names a release by its date."""
    year, quarter = edition.split("-Q")
    return f"{year}-{3 * (int(quarter) - 1) + 1:02d}-01"


def entries(blip: Blip, edition: str) -> list[tuple[HistoryEntry, str]]:
    """The blip's history with the ring each entry leaves it in.  AOE cannot retire an item: a
    retirement keeps the last ring and turns `featured` off (listed, not drawn), AOE's nearest."""
    history = blip.history or (HistoryEntry(edition, blip.ring),)
    result, ring = [], blip.ring
    for entry in history:
        ring = entry.ring or ring
        result.append((entry, ring))
    return result


def convert(source: Path, target: Path) -> int:
    """Write `target`'s AOE content (config.json, about.md, radar/) from the radar in `source`;
    anything else there (node_modules, .techradar, public/) is kept.  Returns the number of items."""
    radar, problems = load(source)
    if radar is None or problems.errors:
        raise Failed("\n".join(p.text() for p in problems.errors[:20]) or f"{source}: the radar does not load")
    if len(radar.quadrants) != 4 or len(radar.rings) != 4:
        raise Failed(f"{source}: AOE's radar has exactly four quadrants and four rings")
    config = {
        "basePath": "",
        "baseUrl": "",
        "editUrl": "",
        "quadrants": [
            {"id": q.id, "title": q.name, "description": q.description, "color": q.color} for q in radar.quadrants
        ],
        "rings": [
            {"id": r.id, "title": r.name, "description": r.description, "color": r.color, "radius": radius}
            for r, radius in zip(radar.rings, RADII, strict=True)
        ],
        "labels": {"title": radar.title},
    }
    target.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(target / "radar", ignore_errors=True)
    (target / "config.json").write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (target / "about.md").write_text(f"# {radar.title}\n\n{radar.description}\n", encoding="utf-8")
    for blip in radar.blips.values():
        doc = read_front_matter_file(source / blip.source, Problems(source))
        body = doc.body.strip() if doc else ""
        history = entries(blip, radar.edition)
        for i, (entry, ring) in enumerate(history):
            front = {
                "title": blip.title,
                "ring": ring,
                "quadrant": blip.quadrant,
                "tags": list(blip.tags),
                "featured": blip.featured and not entry.retired,
            }
            text = f"{blip.summary}\n\n{body}" if i == len(history) - 1 else entry.note
            folder = target / "radar" / release(entry.edition)
            folder.mkdir(parents=True, exist_ok=True)
            dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
            (folder / f"{blip.id}.md").write_text(f"---\n{dumped}---\n\n{text}\n", encoding="utf-8")
    return len(radar.blips)


@dataclass
class Run:
    cpu: float  # user + system seconds of the process and the children it waited for
    wall: float


def timed(argv: list[str], env: dict[str, str], cwd: Path, log: Path) -> Run:
    """One fresh process; its output goes to `log` (AOE prints a lot: no pipe to fill and block on)."""
    with log.open("wb") as out:
        wall = time.perf_counter()
        proc = subprocess.Popen(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out, stderr=out)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - wall
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise Failed(f"{' '.join(argv)} failed ({code}) in {cwd}; the end of {log}:\n{tail}")
    return Run(usage.ru_utime + usage.ru_stime, wall)


def npm_env(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        NEXT_TELEMETRY_DISABLED="1",  # no report to Vercel after each build
        NEXT_FONT_GOOGLE_MOCKED_RESPONSES=str(work / "google-fonts.js"),
        npm_config_yes="true",  # AOE's postinstall runs `npx @svgr/cli`, which would ask
        npm_config_update_notifier="false",
        npm_config_fund="false",
        npm_config_audit="false",
    )
    return env


def install(project: Path, env: dict[str, str]) -> None:
    """aoe_technology_radar@4.4.0 in `project`, from the npm registry unless it is already there."""
    installed = project / "node_modules" / AOE / "package.json"
    if installed.exists() and json.loads(installed.read_text(encoding="utf-8")).get("version") == AOE_VERSION:
        return
    print(f"installing {AOE}@{AOE_VERSION} into {project} (npm registry)", flush=True)
    result = subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if result.returncode != 0:
        raise Failed(
            f"npm could not install {AOE}@{AOE_VERSION} in {project}: is the npm registry reachable "
            f"(`npm ping` says)?\n{(result.stdout + result.stderr)[-1500:]}"
        )


def item_pages(site: Path, config: dict) -> int:
    """How many item pages AOE wrote (<quadrant>/<id>/index.html): a build that dropped items is no
    comparison."""
    return sum(len(list((site / q["id"]).glob("*/index.html"))) for q in config["quadrants"])


@dataclass
class Case:
    name: str
    source: Path
    blips: int = 0


def content_digest(project: Path) -> str:
    """What AOE builds from: the converted content and package.json (which fixes AOE's version)."""
    digest = hashlib.sha256()
    files = [project / name for name in ("package.json", "config.json", "about.md")]
    for path in files + sorted((project / "radar").rglob("*.md")):
        digest.update(f"{path.relative_to(project)}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def prepare(case: Case, work: Path, env: dict[str, str]) -> Path:
    """The case's AOE project, converted, installed and built once, untimed: AOE's own `npm install`
    on its first build, and Next's cache for this content.  A rerun on the same content skips that
    build (Next's cache already holds it)."""
    project = work / f"aoe-{case.name}"
    project.mkdir(parents=True, exist_ok=True)
    (project / "package.json").write_text(json.dumps(PACKAGE, indent=2) + "\n", encoding="utf-8")
    case.blips = convert(case.source, project)
    install(project, env)
    config = json.loads((project / "config.json").read_text(encoding="utf-8"))
    digest, primed = content_digest(project), project / "built-from"
    if primed.exists() and primed.read_text() == digest and item_pages(project / "build", config) == case.blips:
        print(f"{case.name}: {case.blips} blips; AOE built this content before", flush=True)
        return project
    print(f"{case.name}: {case.blips} blips; AOE's first build (on a first run it installs Next.js)", flush=True)
    try:
        timed(["node", str(project / "node_modules/.bin/techradar"), "build"], env, project, work / "aoe.log")
    except Failed as failure:
        hint = "AOE's first build installs Next.js with npm: is the npm registry reachable (`npm ping` says)?"
        raise Failed(f"{failure}\n{hint}") from None
    pages = item_pages(project / "build", config)
    if pages != case.blips:
        raise Failed(f"AOE built {pages} item pages for {case.blips} blips; see {work / 'aoe.log'}")
    primed.write_text(digest)
    return project


def measure(case: Case, work: Path, runs: int) -> dict[str, list[Run]]:
    env = npm_env(work)
    project = prepare(case, work, env)
    out, cache = work / f"site-{case.name}", work / f"cache-{case.name}"
    ours_env = dict(os.environ, XDG_CACHE_HOME=str(cache), RADAR_CACHE_DIR=str(cache / "radar"))
    ours_env["MPLCONFIGDIR"] = str(work / "matplotlib")  # matplotlib's font list stays built, as on any machine
    build = [sys.executable, "-m", "generator", "build", "--source", str(case.source), "--out", str(out)]
    aoe = ["node", str(project / "node_modules/.bin/techradar"), "build"]
    found: dict[str, list[Run]] = {"aoe": [], "cold": [], "warm": []}
    timed(build, ours_env, ROOT, work / "ours.log")  # ours untimed once too: bytecode, font list
    for i in range(runs):
        found["aoe"].append(timed(aoe, env, project, work / "aoe.log"))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        found["cold"].append(timed(build, ours_env, ROOT, work / "ours.log"))
        found["warm"].append(timed(build, ours_env, ROOT, work / "ours.log"))
        print(
            f"  run {i + 1}/{runs}: "
            + ", ".join(f"{k} {r[-1].cpu:.2f} CPU s ({r[-1].wall:.2f} wall)" for k, r in found.items()),
            flush=True,
        )
    return found


def cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def wall(runs: list[Run]) -> float:
    return statistics.median(r.wall for r in runs)


def rows(case: Case, found: dict[str, list[Run]]) -> list[str]:
    label = f"sample ({case.blips} blips)" if case.name == "sample" else f"{case.blips} blips"
    aoe = found["aoe"]
    result = []
    for kind in ("cold", "warm"):
        ours = found[kind]
        ratio, goal = cpu(ours) / cpu(aoe), GOALS[(case.name, kind)]
        result.append(
            f"| {label}, {kind} build | {cpu(ours):.2f} ({wall(ours):.2f}) | {cpu(aoe):.1f} ({wall(aoe):.1f}) "
            f"| {ratio:.3f} ({wall(ours) / wall(aoe):.3f}) | ≤ {goal:.2f}: {'met' if ratio <= goal else 'not met'} |"
        )
    return result


def version(argv: list[str]) -> str:
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def main(argv: list[str]) -> int:
    if argv[:1] == ["convert"]:
        if len(argv) != 3:
            raise SystemExit(__doc__)
        print(f"{convert(Path(argv[1]), Path(argv[2]))} blips converted into {argv[2]}")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    cache_home = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    default_work = Path(os.environ.get("RADAR_PEER_DIR") or cache_home / "radar-peer")
    parser.add_argument("--runs", type=int, default=5, help="runs per figure; the median is shown (default 5)")
    parser.add_argument("--work", type=Path, default=default_work, help=f"work folder (default {default_work})")
    parser.add_argument("--cases", nargs="+", choices=("sample", "1000"), default=["sample", "1000"])
    args = parser.parse_args(argv)
    work = args.work.resolve()
    if work.is_relative_to(ROOT):
        parser.error(f"{work} is inside the repository: AOE's code must stay out of it")
    missing = [tool for tool in ("node", "npm") if shutil.which(tool) is None]
    if missing:
        print(f"peer: {' and '.join(missing)} not found; install Node.js 18.17 or newer with npm", file=sys.stderr)
        return 2
    work.mkdir(parents=True, exist_ok=True)
    (work / "google-fonts.js").write_text(FONTS_JS, encoding="utf-8")
    commit = version(["git", "-C", str(ROOT), "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M"])
    start = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start = os.getloadavg()
    tables: list[str] = []
    try:
        for name in args.cases:
            if name == "sample":
                case = Case(name, ROOT)
            else:
                shutil.rmtree(work / "radar-1000", ignore_errors=True)
                case = Case(name, make_radar(work / "radar-1000", 1000))
            tables += rows(case, measure(case, work, args.runs))
    except Failed as failure:
        print(f"peer: {failure}", file=sys.stderr)
        return 1
    print(
        f"\n{start}, code {commit}, node {version(['node', '--version'])}, {AOE} {AOE_VERSION}; "
        f"load average {load_start[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.\n"
        f"CPU seconds (user + system, children included) of whole processes, median of {args.runs} "
        "alternating runs; wall-clock seconds in brackets.  Ratio: ours / AOE (CPU, wall in brackets).\n"
    )
    print("| case | ours | AOE (warm) | ratio | goal |\n|---|---:|---:|---:|---|")
    print("\n".join(tables))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
