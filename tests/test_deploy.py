"""Writing and deploying the site: permissions, links to a web root, leftovers of killed builds, write failures.

Every failure ends in one clear line and leaves the previous site byte-identical.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from inprocess import radar

from generator.outputs import write


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _built(radar_dir, out: Path) -> dict[str, bytes]:
    radar_dir.blip("x")
    radar_dir.blip("y", quadrant="tools")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return snapshot(out)


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_the_site_is_readable_by_a_web_server_running_as_another_user(radar_dir, tmp_path):
    """Reproducer: the site root was 0700 (mkdtemp), so nginx as www-data answered 403. Even under umask 077."""
    old = os.umask(0o077)
    try:
        _built(radar_dir, tmp_path / "site")
    finally:
        os.umask(old)
    site = tmp_path / "site"
    assert site.stat().st_mode & 0o777 == 0o755
    modes = {p.relative_to(site).as_posix(): p.stat().st_mode & 0o777 for p in site.rglob("*")}
    assert {m for p, m in modes.items() if (site / p).is_dir()} == {0o755}
    assert {m for p, m in modes.items() if (site / p).is_file()} == {0o644}


def test_out_as_a_link_to_the_web_root_updates_the_target_and_keeps_the_link(radar_dir, tmp_path):
    """Reproducer: `--out site` with site -> /var/www/radar turned the link into a folder; the web root stayed."""
    www = tmp_path / "www" / "radar"
    www.mkdir(parents=True)
    link = tmp_path / "site"
    link.symlink_to(www)
    first = _built(radar_dir, link)
    assert link.is_symlink() and os.readlink(link) == str(www)
    assert snapshot(www) == first and "blips/x.html" in first
    (radar_dir.root / "blips" / "x.md").unlink()
    assert radar("build", "--source", str(radar_dir.root), "--out", str(link)).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(www)
    assert not (www / "blips" / "x.html").exists() and (www / "blips" / "y.html").is_file()
    assert [p.name for p in www.parent.iterdir()] == ["radar"], "staging or old folders left beside the web root"


def test_a_killed_builds_leftovers_are_cleaned_by_the_next_build(radar_dir, tmp_path):
    """Reproducer: every killed build left a 21 MB `.site-new-*` folder for ever. A running build's folder stays."""
    out = tmp_path / "site"
    dead = _dead_pid()
    for name in (f".site-new-{dead}-k1ll3d", f".site-old-{dead}", f".site-new-{os.getppid()}-running"):
        (tmp_path / name / "blips").mkdir(parents=True)
        (tmp_path / name / "blips" / "big.html").write_bytes(bytes(1 << 20))
    _built(radar_dir, out)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".site")) == [
        f".site-new-{os.getppid()}-running"
    ]


def test_a_build_killed_between_its_two_renames_gets_its_old_site_back(tmp_path):
    """Killed after moving the old site aside and before moving the new one in: the next build restores the old one."""
    old = tmp_path / f".site-old-{_dead_pid()}"
    old.mkdir()
    (old / write.MARKER).write_text("built by radar\n", encoding="utf-8")
    (old / "index.html").write_text("the previous site", encoding="utf-8")
    write.clean_leftovers(tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize(
    "inside", ["themes/default/static/site", "blips/site", "radar/site", "themes/x", "assets/site"]
)
def test_out_inside_the_sources_is_refused(radar_dir, inside):
    """Reproducer: `--out themes/default/static/site` nested the site into itself on every build."""
    radar_dir.blip("x")
    radar_dir.write("themes/default/static/extra.css", "/* mine */\n")
    before = snapshot(radar_dir.root)
    result = radar("build", "--source", str(radar_dir.root), "--out", str(radar_dir.root / inside))
    assert result.returncode == 1
    assert "is inside the sources" in result.stderr and "choose an --out outside" in result.stderr
    assert snapshot(radar_dir.root) == before


def test_out_under_a_file_is_a_clear_error(radar_dir, tmp_path):
    radar_dir.blip("x")
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "notes.txt" / "site"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{tmp_path / 'notes.txt'} is a file, not a folder" in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "a file"


def test_a_read_only_parent_is_a_clear_error_and_the_site_stays(radar_dir, tmp_path, monkeypatch):
    """chmod cannot stop root (CI runs as root), so the kernel's refusal is simulated where the folder is made."""
    out = tmp_path / "site"
    before = _built(radar_dir, out)
    radar_dir.blip("z")

    def refuse(*args, dir: str = "", **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), dir)

    monkeypatch.setattr(write.tempfile, "mkdtemp", refuse)
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1
    assert f"cannot write the site to {out}: Permission denied ({tmp_path})" in result.stderr
    assert "nothing written" in result.stderr
    assert snapshot(out) == before


@pytest.mark.parametrize("after", [0, 7])
def test_a_full_disk_partway_leaves_the_previous_site_byte_identical(radar_dir, tmp_path, monkeypatch, after):
    """Writing fails partway (ENOSPC after some files): the old site is untouched and no staging folder is left."""
    out = tmp_path / "site"
    before = _built(radar_dir, out)
    radar_dir.blip("z", title="New thing")
    real, written = write.write_file, []

    def full_disk(path: Path, content: bytes) -> None:
        if len(written) >= after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        written.append(path)
        real(path, content)

    monkeypatch.setattr(write, "write_file", full_disk)
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1
    assert f"cannot write the site to {out}: No space left on device" in result.stderr
    assert snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("main", "message"),
    [
        ("{{ 1 +}}", "blip.html:2:1: template error: unexpected 'end of print statement'"),
        ("{{ 1 // 0 }}", "blip.html:2:1: template error: ZeroDivisionError: integer division or modulo by zero"),
    ],
)
def test_a_template_error_leaves_the_previous_site_byte_identical(radar_dir, tmp_path, main, message):
    """A syntax error, or an error the template's own code raises while rendering: path:line, no traceback."""
    out = tmp_path / "site"
    before = _built(radar_dir, out)
    config = (radar_dir.root / "radar" / "radar.yaml").read_text(encoding="utf-8")
    radar_dir.write("radar/radar.yaml", config.replace("title: Test Radar\n", "title: Test Radar\ntheme: custom\n"))
    template = '{% extends "base.html" %}{% block main %}\n' + main + "{% endblock %}\n"
    radar_dir.write("themes/custom/templates/blip.html", template)
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert "themes/custom/templates/" + message in result.stderr and "nothing written" in result.stderr
    assert snapshot(out) == before


def test_a_broken_theme_yaml_is_reported_at_path_line_column(radar_dir, tmp_path):
    """Reproducer: a broken theme.yaml crashed check and build with a traceback."""
    out = tmp_path / "site"
    before = _built(radar_dir, out)
    config = (radar_dir.root / "radar" / "radar.yaml").read_text(encoding="utf-8")
    radar_dir.write("radar/radar.yaml", config.replace("title: Test Radar\n", "title: Test Radar\ntheme: custom\n"))
    radar_dir.write("themes/custom/theme.yaml", "quadrant_colors: ['#0a3d62', '#6d214f'\nring_colors: [1]\n")
    for command in ("check", "build"):
        result = radar(command, "--source", str(radar_dir.root), *(["--out", str(out)] if command == "build" else []))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "themes/custom/theme.yaml:1:39: YAML syntax error" in result.stderr, result.stderr
    assert snapshot(out) == before
    radar_dir.write("themes/custom/theme.yaml", "quadrant_colors: ['#0a3d62', red]\nring_colors: 5\n")
    result = radar("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    assert "themes/custom/theme.yaml:1:30: colour 'red' must be written #rrggbb" in result.stderr
    assert "themes/custom/theme.yaml:2:14: 'ring_colors' is a list of colours" in result.stderr
    radar_dir.write("themes/custom/theme.yaml", "- just\n- a list\n")
    result = radar("check", "--source", str(radar_dir.root))
    assert result.returncode == 1 and "themes/custom/theme.yaml:1:1: theme.yaml holds settings" in result.stderr


def _radar_process(radar_dir, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build", "--source", str(radar_dir.root), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_kill_9_at_any_moment_loses_nothing_and_the_next_build_cleans_up(radar_dir, tmp_path):
    """Builds killed with SIGKILL at moments spread over a whole build: the site is the old or the new one
    (or, killed between the two renames, the old one kept aside, which the next build puts back); never half."""
    out = tmp_path / "site"
    old = _built(radar_dir, out)
    radar_dir.blip("z", title="New thing")
    started = time.monotonic()
    assert radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "new")).returncode == 0
    new = snapshot(tmp_path / "new")
    whole = max(time.monotonic() - started, 1.0) + 1.5  # a subprocess also pays its imports
    shutil.copytree(out, tmp_path / "old-copy")
    for i in range(8):
        if not out.exists() or snapshot(out) != old:  # each round starts from the old site
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(tmp_path / "old-copy", out)
        proc = _radar_process(radar_dir, out)
        time.sleep(whole * i / 8)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if out.exists():
            assert snapshot(out) in (old, new), f"round {i}: a half-written site"
        else:
            assert snapshot(tmp_path / f".site-old-{proc.pid}") == old, f"round {i}: the old site was not kept"
    shutil.rmtree(tmp_path / "old-copy")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert snapshot(out) == new
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_two_concurrent_builds_both_succeed_and_leave_one_whole_site(radar_dir, tmp_path):
    out = tmp_path / "site"
    _built(radar_dir, out)
    expected = snapshot(out)
    for _ in range(2):
        procs = [_radar_process(radar_dir, out) for _ in range(2)]
        for proc in procs:
            assert proc.wait(timeout=300) == 0, proc.stderr.read().decode() if proc.stderr else ""
        assert snapshot(out) == expected
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
