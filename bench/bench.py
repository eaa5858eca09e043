"""Build time by stage for synthetic radars of growing size, to show the build stays linear in the blips.

Run from the repository root:

    .venv/bin/python bench/bench.py                 # 30, 1000 and 10000 blips
    .venv/bin/python bench/bench.py --sizes 30 1000

Each radar is generated into a temporary folder from the sample radar's own
configuration (quadrants, rings, capability model, initiatives) with realistic
blip files: front matter with tags, cells, initiatives and a history over up to
six editions (some blips retired), and a Markdown body with headings, lists and
links.  Stages are timed with the generator's own functions: load+validate,
render (HTML pages, pictures, everything else), write (atomic swap), then a
second full build with warm caches (parsed files in memory, rasters on disk).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import build as build_module  # noqa: E402
from generator.content.load import load  # noqa: E402
from generator.outputs.write import write_site  # noqa: E402

WORDS = (
    "politie data analyse burger veiligheid opsporing team pilot model keten platform privacy toezicht "
    "regio eenheid wijk melding camera netwerk cloud sensor training beleid proces informatie dienst "
    "vertrouwen risico algoritme transparantie architectuur standaard koppeling beheer gebruik"
).split()
TAGS = [f"{a}-{b}" for a in ("data", "ai", "cloud", "wijk", "straat", "forensisch", "cyber", "keten") for b in "abcde"]
PICTURES = (".png", ".pdf")


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
class Spent:
    """Wall-clock and CPU seconds; CPU is the figure to compare on a busy machine."""

    wall: float = 0.0
    cpu: float = 0.0

    def __add__(self, other: Spent) -> Spent:
        return Spent(self.wall + other.wall, self.cpu + other.cpu)

    def __str__(self) -> str:
        return f"{self.cpu:.2f} ({self.wall:.2f})"


@dataclass
class Timing:
    size: int
    stages: dict[str, Spent]  # load, pages, pictures, other, write
    html_pages: int
    files: int
    warm: Spent
    slowest: list[tuple[float, str]]  # (CPU seconds, site path) of the costliest files

    @property
    def render(self) -> Spent:
        return self.stages["pages"] + self.stages["pictures"] + self.stages["other"]

    @property
    def total(self) -> Spent:
        return self.stages["load"] + self.render + self.stages["write"]


def timed(action: Callable[[], object]) -> tuple[Spent, object]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = action()
    return Spent(time.perf_counter() - wall, time.process_time() - cpu), result


def measure(size: int, workdir: Path) -> Timing:
    source = make_radar(workdir / f"radar-{size}", size)
    out = workdir / f"site-{size}"
    stages = {name: Spent() for name in ("load", "pages", "pictures", "other", "write")}
    stages["load"], (radar, problems) = timed(lambda: load(source))
    if problems.errors or radar is None:
        raise SystemExit("\n".join(p.text() for p in problems.errors[:20]))
    # lazy=True hands back one callable per page and picture, so each kind can be timed on its own;
    # the setup (layout, the inline SVG, radar.json, static files) counts as "other".
    stages["other"], (_, lazy) = timed(lambda: build_module.render_site(radar, source, lazy=True))
    files: dict[str, bytes] = {}
    costs = []
    for path, item in lazy.items():
        if not callable(item):
            files[path] = item
            continue
        kind = "pages" if path.endswith(".html") else "pictures" if path.endswith(PICTURES) else "other"
        spent, files[path] = timed(item)
        stages[kind] += spent
        costs.append((spent.cpu, path))
    stages["write"], _ = timed(lambda: write_site(out, files))
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        warm, status = timed(lambda: build_module.build(source, out))
    if status != 0:
        raise SystemExit(f"the warm build of {size} blips failed")
    html = sum(1 for p in files if p.endswith(".html"))
    return Timing(size, stages, html, len(files), warm, sorted(costs, reverse=True)[:3])


HEAD = (
    "| blips | load+validate | render: pages | pictures | other | write | total | CPU ms per blip "
    "| HTML pages | files | warm build |"
)


def row(t: Timing) -> str:
    s = t.stages
    return (
        f"| {t.size} | {s['load']} | {s['pages']} | {s['pictures']} | {s['other']} | {s['write']} | {t.total} "
        f"| {1000 * t.total.cpu / t.size:.1f} | {t.html_pages} | {t.files} | {t.warm} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[30, 1000, 10000], help="numbers of blips")
    parser.add_argument("--keep", action="store_true", help="keep the generated radars and sites (prints where)")
    args = parser.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="radar-bench-"))
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            measure(5, workdir)  # warm-up: imports, fonts and template compilation are not the 30-blip build's cost
        print("seconds of CPU (wall-clock in brackets)")
        print(HEAD + "\n|" + "---:|" * 11, flush=True)
        rows: list[Timing] = []
        for size in args.sizes:
            rows.append(measure(size, workdir))
            print(row(rows[-1]), flush=True)
        print()
        for t in rows:
            slow = ", ".join(f"{path} {cpu:.2f} s" for cpu, path in t.slowest)
            print(f"costliest files at {t.size} blips (CPU): {slow}")
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
