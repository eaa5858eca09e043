"""The render cache: outside the sources, verified on every read, private, bounded."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from inprocess import radar

from generator.outputs import cache


@pytest.fixture
def cold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    return folder


def _build(radar_dir, out: Path) -> Path:
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_cache_lives_outside_the_sources(radar_dir, tmp_path, cold):
    radar_dir.blip("thing")
    before = sorted(radar_dir.root.rglob("*"))
    _build(radar_dir, tmp_path / "site")
    assert sorted(radar_dir.root.rglob("*")) == before, "the build wrote into the sources"
    names = sorted(p.name for p in cold.iterdir())
    assert any(n.endswith(".pdf") for n in names) and any(n.endswith(".png") for n in names), names
    assert cold.stat().st_mode & 0o777 == 0o700


def test_a_planted_cache_entry_is_never_published(radar_dir, tmp_path, cold, monkeypatch):
    """Reproducer: a planted `.radar-cache/<hash>.pdf` became radar.pdf; now ignored in sources, rejected in cache."""
    radar_dir.blip("thing")
    honest = _build(radar_dir, tmp_path / "honest")
    names = [p.name for p in cold.iterdir() if not p.name.startswith(".")]
    planted = b"%PDF-1.4 PLANTED"
    for name in names:
        radar_dir.write(f".radar-cache/{name}", planted)  # the old place, inside the sources
    forged = tmp_path / "forged"
    forged.mkdir(mode=0o700)
    for i, name in enumerate(names):  # in the cache itself: bare bytes, a header with a wrong digest, a copied entry
        body = [planted, cache.MAGIC + b"0" * 64 + b"\n" + planted, (cold / names[0]).read_bytes()][i % 3]
        (forged / name).write_bytes(body if body != (cold / name).read_bytes() else planted)
    monkeypatch.setenv(cache.ENV_DIR, str(forged))
    out = _build(radar_dir, tmp_path / "site")
    for rel in ("radar.pdf", "radar.png", "review.pdf"):
        assert b"PLANTED" not in (out / rel).read_bytes(), rel
        assert (out / rel).read_bytes() == (honest / rel).read_bytes(), rel
    for name in names:  # the forged entries were replaced by verified ones
        assert cache.read(forged, name) == cache.read(cold, name)


def test_a_cache_inside_the_sources_is_not_used(radar_dir, tmp_path, monkeypatch):
    radar_dir.blip("thing")
    monkeypatch.setenv(cache.ENV_DIR, str(radar_dir.root / ".radar-cache"))
    cache._warned.clear()
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "inside the sources" in result.stderr
    assert not (radar_dir.root / ".radar-cache").exists()


def test_a_cache_others_can_write_to_is_not_used(radar_dir, tmp_path, monkeypatch):
    radar_dir.blip("thing")
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv(cache.ENV_DIR, str(shared))
    cache._warned.clear()
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "others can write to it" in result.stderr
    assert list(shared.iterdir()) == []


def test_default_folder_is_the_xdg_user_cache(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV_DIR)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.default_folder() == tmp_path / "xdg" / "politie-radar"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.default_folder() == tmp_path / "home" / ".cache" / "politie-radar"
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "mine"))
    assert cache.default_folder() == tmp_path / "mine"


def test_the_cache_is_bounded_least_recently_used_first(tmp_path, monkeypatch):
    """The old cache grew ~480 KB per edit for ever; now entries beyond the cap go, the least recently used first."""
    folder = tmp_path / "c"
    folder.mkdir()
    for i, name in enumerate(["a.png", "b.png", "c.png"]):
        cache.store(folder, name, bytes(1000))
        os.utime(folder / name, (1000 + i, 1000 + i))  # a oldest, c newest
    assert cache.read(folder, "a.png") == bytes(1000)  # reading a makes it the most recently used
    cache.prune(folder, 2500)
    assert sorted(p.name for p in folder.iterdir()) == ["a.png", "c.png"]
    monkeypatch.setenv(cache.ENV_MAX_MB, "0")
    cache.store(folder, "d.png", b"x")  # every store prunes to the cap
    assert list(folder.iterdir()) == []


def test_a_truncated_entry_is_rebuilt(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    cache.store(folder, "k.pdf", b"%PDF whole")
    path = folder / "k.pdf"
    path.write_bytes(path.read_bytes()[:-3])  # a killed writer or a full disk
    assert cache.cached(folder, "k.pdf", lambda: b"%PDF remade") == b"%PDF remade"
    assert cache.read(folder, "k.pdf") == b"%PDF remade"
