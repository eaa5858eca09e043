"""Pages kept in the render cache: a second build of the same content renders none, and never serves a stale one."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from inprocess import radar

from generator.domain import views
from generator.outputs import cache
from generator.render.site import Site


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _build(source: Path, out: Path) -> Path:
    result = radar("build", "--source", str(source), "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def _bundles(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("pages-"))


def test_a_warm_build_reusing_pages_is_byte_identical_to_a_cold_one(cold_sample_builds, tmp_path, monkeypatch):
    warm_cache = tmp_path / "cache"
    shutil.copytree(cold_sample_builds / "cache-a", warm_cache)  # the shared fixture stays as it is
    assert len(_bundles(warm_cache)) == 1
    monkeypatch.setenv(cache.ENV_DIR, str(warm_cache))
    monkeypatch.setattr(Site, "render", lambda self, page: pytest.fail(f"rendered {page.path}"))
    warm = _build(ROOT, tmp_path / "warm")
    assert _files(warm) == _files(cold_sample_builds / "a")
    assert _files(warm) == _files(cold_sample_builds / "b")


def test_an_edit_to_one_blips_body_shows_after_a_warm_build(radar_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    radar_dir.blip("alpha", body="The first words.")
    radar_dir.blip("beta", body="Unchanged words.")
    first = _build(radar_dir.root, tmp_path / "first")
    assert len(_bundles(tmp_path / "cache")) == 1
    radar_dir.blip("alpha", body="Words after the edit.")
    edited = _build(radar_dir.root, tmp_path / "edited")
    assert "Words after the edit." in (edited / "blips/alpha.html").read_text(encoding="utf-8")
    assert "The first words." not in (edited / "blips/alpha.html").read_text(encoding="utf-8")
    changed = {p for p, data in _files(edited).items() if _files(first).get(p) != data}
    assert "blips/alpha.html" in changed and "blips/beta.html" not in changed
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cold-cache"))
    assert _files(edited) == _files(_build(radar_dir.root, tmp_path / "cold"))


def test_a_second_build_of_unchanged_content_renders_no_page(radar_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    radar_dir.blip("alpha")
    first = _build(radar_dir.root, tmp_path / "first")
    with monkeypatch.context() as patched:
        patched.setattr(Site, "render", lambda self, page: pytest.fail(f"rendered {page.path}"))
        second = _build(radar_dir.root, tmp_path / "second")
    assert _files(second) == _files(first)


def test_an_edited_template_shows_after_a_warm_build(radar_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    radar_dir.blip("alpha")
    base = (ROOT / "themes/default/templates/base.html").read_text(encoding="utf-8")
    template = radar_dir.write(
        "themes/default/templates/base.html", base.replace("</footer>", "<p>mark one</p></footer>")
    )
    first = _build(radar_dir.root, tmp_path / "first")
    assert "mark one" in (first / "index.html").read_text(encoding="utf-8")
    template.write_text(base.replace("</footer>", "<p>mark two</p></footer>"), encoding="utf-8")
    second = _build(radar_dir.root, tmp_path / "second")
    assert "mark two" in (second / "index.html").read_text(encoding="utf-8")
    assert "mark one" not in (second / "blips/alpha.html").read_text(encoding="utf-8")


def test_a_damaged_bundle_is_rebuilt_not_published(radar_dir, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    radar_dir.blip("alpha", body="Honest words.")
    honest = _build(radar_dir.root, tmp_path / "honest")
    (name,) = _bundles(folder)
    kept = (folder / name).read_bytes()
    for damaged in (kept[:-7], kept.replace(b"\n", b"\n\0", 1), kept[:100] + bytes([kept[100] ^ 1]) + kept[101:]):
        (folder / name).write_bytes(damaged)
        assert _files(_build(radar_dir.root, tmp_path / "site")) == _files(honest)
        assert (folder / name).read_bytes() == kept  # verified, thrown away and written anew


def test_a_linked_template_keeps_no_pages(radar_dir, tmp_path, monkeypatch):
    """A link's target is not what the key hashes: the pages of such a theme are rendered on every build."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV_DIR, str(folder))
    radar_dir.blip("alpha")
    radar_dir.write("notes/extra.html", "<p>extra</p>")
    (radar_dir.root / "themes/default/templates").mkdir(parents=True)
    (radar_dir.root / "themes/default/templates/extra.html").symlink_to(radar_dir.root / "notes/extra.html")
    _build(radar_dir.root, tmp_path / "site")
    assert _bundles(folder) == []


def test_a_bundle_over_half_the_cap_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_MAX_MB, "1")
    folder = tmp_path / "c"
    folder.mkdir()
    cache.store(folder, "radar.png", b"picture")
    writer = cache.BundleWriter.start(folder, "pages-x")
    assert writer is not None
    writer.add("small.html", b"<p>small</p>")
    writer.add("big.html", random.Random(1).randbytes(3 << 20))  # does not compress: 3 MB
    writer.finish({})
    assert sorted(p.name for p in folder.iterdir()) == ["radar.png"]
    assert cache.open_bundle(folder, "pages-x") is None


def test_a_warm_build_repeats_the_growth_notes_without_laying_out_the_edition(radar_dir, tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "cache"))
    for i in range(45):
        radar_dir.blip(f"crowd-{i:02d}", title=f"Crowd {i}", quadrant="data", ring="adopt")
    cold = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "cold"))
    assert cold.returncode == 0, cold.stderr
    assert "note: ring 'Adopt' was widened" in cold.stderr
    with monkeypatch.context() as patched:  # pages, pictures and notes all kept: nothing is placed
        patched.setattr(views, "layout", lambda *args: pytest.fail("laid out an edition"))
        warm = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "warm"))
    assert warm.returncode == 0, warm.stderr
    assert warm.stderr == cold.stderr
    assert _files(tmp_path / "warm") == _files(tmp_path / "cold")


def test_pages_are_kept_as_they_are_until_a_quarter_of_what_a_bundle_may_hold(tmp_path, monkeypatch):
    """Compressing every page cost a cold build 0.1 s at a thousand blips; past a quarter of the bundle's limit
    the rest is compressed, so ten thousand blips' pages still fit."""
    monkeypatch.setenv(cache.ENV_MAX_MB, "8")  # a bundle may hold 4 MB, the first 1 MB as it is
    folder = tmp_path / "c"
    folder.mkdir()
    writer = cache.BundleWriter.start(folder, "pages-x")
    assert writer is not None
    pages = {f"p{n:02d}.html": (f"<p>page {n}</p>" * 20_000).encode() for n in range(12)}  # 0.26 MB each
    for path, data in pages.items():
        writer.add(path, data)
    writer.finish({"listing": sorted(pages)})
    size = (folder / "pages-x").stat().st_size
    assert 1 << 20 < size < 2 << 20  # 3.2 MB of pages: about 1 MB stored plain, the rest compressed
    bundle = cache.open_bundle(folder, "pages-x")
    assert bundle is not None and bundle.meta == {"listing": sorted(pages)}
    assert {path: bundle.get(path) for path in pages} == pages
    plain = [path for path, (_, length, compressed) in bundle.files.items() if not compressed]
    assert plain == ["p00.html", "p01.html", "p02.html", "p03.html"]  # 1.04 MB; a fifth would pass 1 MB
    bundle.close()
