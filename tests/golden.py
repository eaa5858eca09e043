"""Golden files: the stable text outputs, compared byte for byte (as Pelican's tests/output).

A change that alters one of them fails `tests/test_golden.py` with the file's name; when the
change is meant, regenerate them all and review the diff before committing:

    python tests/golden.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import ROOT, RadarDir, blip_text  # noqa: E402
from inprocess import radar  # noqa: E402

GOLDEN = Path(__file__).resolve().parent / "golden"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Golden",
    "GIT_AUTHOR_EMAIL": "golden@example.invalid",
    "GIT_COMMITTER_NAME": "Golden",
    "GIT_COMMITTER_EMAIL": "golden@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def _ok(*args: str) -> str:
    result = radar(*args)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, **GIT_ENV, "HOME": str(repo)}
    subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)


def _history(*entries: str) -> str:
    return "history:\n" + "".join(f"  - {{{e}}}\n" for e in entries)


def diff_markdown(tmp: Path) -> str:
    """`radar diff` on a pull request that adds, moves, retires, edits and deletes blips."""
    radar_dir = RadarDir(tmp / "radar")
    before = {
        "alpha": ("assess", _history("edition: 2026-Q1, ring: assess")),
        "beta": ("trial", _history("edition: 2026-Q1, ring: trial")),
        "gamma": ("hold", "summary: Old summary.\n" + _history("edition: 2026-Q1, ring: hold")),
        "omega": ("adopt", _history("edition: 2026-Q1, ring: adopt")),
    }
    for ident, (ring, extra) in before.items():
        radar_dir.blip(ident, title=ident.title(), ring=ring, extra=extra)
    _git(tmp, "init", "-q")
    _git(tmp, "add", "-A")
    _git(tmp, "commit", "-q", "-m", "base")
    moved = _history("edition: 2026-Q1, ring: assess", "edition: 2026-Q2, ring: trial, note: Pilot works.")
    radar_dir.blip("alpha", title="Alpha", ring="trial", extra=moved)
    retired = _history("edition: 2026-Q1, ring: trial", "edition: 2026-Q2, retired: true, note: No longer used.")
    radar_dir.blip("beta", title="Beta", ring="trial", extra=retired)
    edited = "summary: New summary.\n" + _history("edition: 2026-Q1, ring: hold")
    radar_dir.blip("gamma", title="Gamma", ring="hold", extra=edited, body="New text.")
    radar_dir.write("blips/epsilon.md", blip_text(title="Epsilon | <b>bold</b>", ring="adopt"))
    (radar_dir.root / "blips" / "omega.md").unlink()
    return _ok("diff", "HEAD", "--source", str(radar_dir.root))


def outputs(site: Path, tmp: Path) -> dict[str, str]:
    """Golden name -> the text the current code produces."""
    return {
        "sample-radar.json": (site / "radar.json").read_text(encoding="utf-8"),
        "sample-moves.md": _ok("moves", "--format", "markdown", "--source", str(ROOT)),
        "sample-moves.txt": _ok("moves", "--source", str(ROOT)),
        "diff.md": diff_markdown(tmp),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _ok("build", "--source", str(ROOT), "--out", f"{tmp}/site")
        (Path(tmp) / "work").mkdir()
        GOLDEN.mkdir(exist_ok=True)
        for name, text in outputs(Path(tmp) / "site", Path(tmp) / "work").items():
            (GOLDEN / name).write_text(text, encoding="utf-8")
            print(f"wrote {(GOLDEN / name).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
