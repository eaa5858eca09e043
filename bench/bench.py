"""Whole-process timings of `radar build` (cold and warm) and `radar check` on synthetic radars, against a floor.

Run from the repository root:

    .venv/bin/python bench/bench.py                          # 30, 1000 and 10000 blips, median of 3
    .venv/bin/python bench/bench.py --sizes 30 1000 --runs 5
    .venv/bin/python bench/bench.py --code /path/to/other/checkout   # the same radars, another version

Each radar is generated into a temporary folder from the sample radar's own configuration
(quadrants, rings, capability model, initiatives) with realistic blip files: front matter with
tags, cells, initiatives and a history over up to six editions (some blips retired), and a
Markdown body with headings, lists and links.

Every figure is one fresh `python -m generator ...` process, measured by the kernel (os.wait4):

- cold: empty render cache and no site (what CI does on a fresh checkout);
- warm: a second `radar build` into the same folder, nothing changed (a real second run);
- check: `radar check`;
- floor: a process that imports matplotlib.pyplot and renders every blip's Markdown with
  markdown-it-py: the least a build on this stack can cost.

Times are CPU seconds (user + system) of the process, the median of `--runs` runs, so a busy shared
machine does not move them much; wall-clock medians are printed beside them.  Peak memory is the
process's maximum resident set size.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

WORDS = (
    "politie data analyse burger veiligheid opsporing team pilot model keten platform privacy toezicht "
    "regio eenheid wijk melding camera netwerk cloud sensor training beleid proces informatie dienst "
    "vertrouwen risico algoritme transparantie architectuur standaard koppeling beheer gebruik"
).split()
TAGS = [f"{a}-{b}" for a in ("data", "ai", "cloud", "wijk", "straat", "forensisch", "cyber", "keten") for b in "abcde"]

FLOOR = """\
import sys, pathlib
import matplotlib.pyplot
from markdown_it import MarkdownIt
md = MarkdownIt("commonmark")
for p in sorted(pathlib.Path(sys.argv[1], "blips").glob("*.md")):
    md.render(p.read_text(encoding="utf-8").split("\\n---\\n", 1)[1])
"""


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def editions_before(current: str, count: int) -> list[str]:
    """The `count` quarters up to and including `current`, oldest first."""
    year, quarter = int(current[:4]), int(current[-1])
    result = []
    for _ in range(count):
        result.append(f"{year}-Q{quarter}")
        year, quarter = (year - 1, 4) if quarter == 1 else (year, quarter - 1)
    return result[::-1]


def blip_file(
    rng: random.Random, index: int, total: int, config: dict, cells: list[str], initiatives: list[str]
) -> str:
    """One realistic blip: front matter, a history that agrees with its ring, a Markdown body."""
    rings = [r["id"] for r in config["rings"]]
    editions = editions_before(str(config["edition"]), 6)
    start = rng.randrange(len(editions))
    history, ring = [], rng.choice(rings)
    for edition in editions[start:]:
        if not history or rng.random() < 0.3:
            ring = rng.choice(rings)
            history.append({"edition": edition, "ring": ring, "note": sentence(rng, 8)})
    retired = len(history) > 1 and rng.random() < 0.03
    if retired and history[-1]["edition"] != editions[-1]:
        history.append({"edition": editions[-1], "retired": True, "note": "Niet meer in gebruik."})
    else:
        retired = False
    fields = {
        "title": f"{sentence(rng, 2)[:-1]} {index}",
        "quadrant": rng.choice(config["quadrants"])["id"],
        "ring": history[-2]["ring"] if retired else ring,
        "summary": sentence(rng, 14),
        "tags": rng.sample(TAGS, rng.randrange(1, 4)),
        "capabilities": rng.sample(cells, rng.randrange(0, 3)),
        "initiatives": rng.sample(initiatives, rng.randrange(0, 3)),
        "history": history,
    }
    other = f"tech-{rng.randrange(total):05d}"
    body = "\n\n".join(
        [
            " ".join(sentence(rng, rng.randrange(8, 20)) for _ in range(4)),
            "## Toepassing",
            "\n".join(f"- {sentence(rng, 6)}" for _ in range(3)),
            f"Zie ook [een verwante technologie]({other}.md) en **{rng.choice(WORDS)}**.",
            " ".join(sentence(rng, rng.randrange(8, 20)) for _ in range(3)),
        ]
    )
    front = yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000)
    return f"---\n{front}---\n{body}\n"


def make_radar(root: Path, size: int, seed: int = 1) -> Path:
    """A radar folder with the sample's configuration and `size` generated blips."""
    shutil.copytree(ROOT / "radar", root / "radar")
    config = yaml.safe_load((root / "radar" / "radar.yaml").read_text(encoding="utf-8"))
    model = yaml.safe_load((root / "radar" / "capabilities.yaml").read_text(encoding="utf-8"))
    cells = [c["id"] for c in model["cells"]]
    initiatives = sorted(p.stem for p in (root / "radar" / "initiatives").glob("*.md"))
    rng = random.Random(seed)
    (root / "blips").mkdir()
    for i in range(size):
        text = blip_file(rng, i, size, config, cells, initiatives)
        (root / "blips" / f"tech-{i:05d}.md").write_text(text, encoding="utf-8")
    return root


@dataclass
class Run:
    cpu: float  # user + system seconds of the process
    wall: float
    rss_mb: float  # peak resident set size


def run(argv: list[str], env: dict[str, str], cwd: Path) -> Run:
    """One fresh process, measured by the kernel: its own CPU time and peak memory, nobody else's."""
    wall = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - wall
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err[-2000:]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


@dataclass
class Median:
    runs: list[Run]

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mb for r in self.runs)

    def __str__(self) -> str:
        return f"{self.cpu:.2f} ({self.wall:.2f})"


def measure(size: int, radar: Path, work: Path, code: Path, python: str, runs: int) -> dict[str, Median]:
    """Floor, cold build, warm build and check, `runs` times each, interleaved so load drifts evenly."""
    out = work / f"site-{size}"
    cache = work / f"cache-{size}"
    env = dict(os.environ, PYTHONPATH=str(code), XDG_CACHE_HOME=str(cache), RADAR_CACHE_DIR=str(cache / "radar"))
    env["MPLCONFIGDIR"] = str(work / "matplotlib")  # matplotlib's font list stays built, as on any machine
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    build = [python, "-m", "generator", "build", "--source", str(radar), "--out", str(out)]
    found: dict[str, list[Run]] = {"floor": [], "cold": [], "warm": [], "check": []}
    run([python, "-c", FLOOR, str(radar)], env, work)  # warm-up: font list, bytecode, file system cache
    for _ in range(runs):
        found["floor"].append(run([python, "-c", FLOOR, str(radar)], env, work))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(radar / ".radar-cache", ignore_errors=True)  # where older versions kept it
        shutil.rmtree(out, ignore_errors=True)
        found["cold"].append(run(build, env, code))
        found["warm"].append(run(build, env, code))
        found["check"].append(run([python, "-m", "generator", "check", "--source", str(radar)], env, code))
    return {name: Median(r) for name, r in found.items()}


HEAD = (
    "| blips | floor | cold build | warm build | check | cold/floor | warm/floor | check/floor "
    "| peak MB (cold) | peak MB (warm) |"
)


def row(size: int, m: dict[str, Median]) -> str:
    floor = m["floor"].cpu
    return (
        f"| {size} | {m['floor']} | {m['cold']} | {m['warm']} | {m['check']} "
        f"| {m['cold'].cpu / floor:.1f} | {m['warm'].cpu / floor:.1f} | {m['check'].cpu / floor:.2f} "
        f"| {m['cold'].rss:.0f} | {m['warm'].rss:.0f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 1000, 10000], help="numbers of blips")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure; the median is shown (default 3)")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose generator is measured")
    parser.add_argument("--python", default=sys.executable, help="interpreter that runs it")
    parser.add_argument("--keep", action="store_true", help="keep the generated radars and sites (prints where)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="radar-bench-"))
    code = args.code.resolve()
    try:
        print(f"code: {code}; CPU seconds (user+system) of each fresh process, median of {args.runs}")
        print("(wall-clock median in brackets); load average at start:", " ".join(f"{x:.1f}" for x in os.getloadavg()))
        print(HEAD + "\n|" + "---:|" * 10, flush=True)
        times = {}
        for size in args.sizes:
            radar = make_radar(work / f"radar-{size}", size)
            times[size] = measure(size, radar, work, code, args.python, args.runs)
            print(row(size, times[size]), flush=True)
        sizes = sorted(times)
        for small, big in zip(sizes, sizes[1:], strict=False):
            ratio = {k: times[big][k].cpu / times[small][k].cpu for k in ("cold", "warm", "check")}
            print(f"{big}/{small} blips ({big / small:.0f}x): " + ", ".join(f"{k} {v:.1f}x" for k, v in ratio.items()))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
