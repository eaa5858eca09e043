"""Hostile content from a pull request: every reproducer of issue 10's content half, one test each.

A radar is built in CI from pull requests by some thirty teams, often with deployment secrets in
the environment.  Each test below writes what a hostile (or unlucky) contributor could write and
proves the result is a `path:line:column` problem, exit 1 and no traceback, in seconds: nothing
hangs, nothing outside the radar is read, no template runs code.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT, RadarDir
from test_validation import check, problems


def run_with_timeout(*args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    """The real command line in a subprocess that is killed if it hangs (a hang must fail, not block CI)."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


# --- YAML: aliases and huge numbers ----------------------------------------------------------


def test_recursive_alias_is_refused_at_once(radar_dir: RadarDir):
    radar_dir.blip("x", extra="x: &r [*r, *r]\n")
    started = time.monotonic()
    result = run_with_timeout("check", "--source", str(radar_dir.root))
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    found = problems(result.stderr)
    assert [f[:3] for f in found] == [("blips/x.md", 5, 8), ("blips/x.md", 5, 12)], result.stderr
    assert any("aliases" in f[3] and "*r" in f[3] for f in found)


BILLION_LAUGHS = "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
)


def test_billion_laughs_is_refused_at_once(radar_dir: RadarDir):
    radar_dir.write("blips/x.md", "---\ntitle: X\nquadrant: data\nring: trial\n" + BILLION_LAUGHS + "---\nbody\n")
    started = time.monotonic()
    result = run_with_timeout("check", "--source", str(radar_dir.root))
    assert time.monotonic() - started < 20
    assert result.returncode == 1
    found = problems(result.stderr)
    assert len(found) == 90, result.stderr  # every alias at its own place: 9 lines of 10
    assert found[0][:3] == ("blips/x.md", 6, 12)


def test_alias_in_radar_yaml_is_refused(radar_dir: RadarDir):
    from conftest import RADAR_YAML

    radar_dir.write(
        "radar/radar.yaml", RADAR_YAML.replace("title: Test Radar", "title: &t Test Radar\ndescription: *t")
    )
    result = check(radar_dir)
    assert result.returncode == 1
    assert ("radar/radar.yaml", 2, 14) in [f[:3] for f in problems(result.stderr)], result.stderr


def test_five_thousand_digit_integer_is_a_clear_error(radar_dir: RadarDir):
    radar_dir.blip("x", title="9" * 5000)
    result = check(radar_dir)
    assert result.returncode == 1
    (found,) = problems(result.stderr)
    assert found[:3] == ("blips/x.md", 2, 8)
    assert "5000 digits" in found[3] and "quotes" in found[3]


def test_python_tags_stay_refused(radar_dir: RadarDir):
    radar_dir.blip("x", extra="x: !!python/object/apply:os.system ['id']\n")
    result = check(radar_dir)
    assert result.returncode == 1
    (found,) = problems(result.stderr)
    assert found[0] == "blips/x.md" and "python/object/apply" in found[3]


# --- the file-system reader: nothing outside the radar, no special files ---------------------


def only(result: subprocess.CompletedProcess) -> tuple[str, int, int, str]:
    found = problems(result.stderr)
    assert result.returncode == 1 and len(found) == 1, result.stderr
    return found[0]


def test_blip_linked_out_of_the_radar_is_refused(radar_dir: RadarDir, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: SECRET-VALUE\nquadrant: data\nring: trial\n---\n", encoding="utf-8")
    (radar_dir.root / "blips/x.md").symlink_to(secret)
    path, line, col, message = only(check(radar_dir))
    assert (path, line, col) == ("blips/x.md", 1, 1)
    assert "outside the radar folder" in message and "SECRET" not in message


def test_blips_folder_linked_out_of_the_radar_is_refused(radar_dir: RadarDir, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.md").write_text("---\ntitle: X\nquadrant: data\nring: trial\n---\n", encoding="utf-8")
    (radar_dir.root / "blips").rmdir()
    (radar_dir.root / "blips").symlink_to(elsewhere)
    path, _, _, message = only(check(radar_dir))
    assert path == "blips" and "outside the radar folder" in message


def test_initiatives_folder_linked_out_of_the_radar_is_refused(radar_dir: RadarDir, tmp_path):
    import shutil

    elsewhere = tmp_path / "initiatives"
    shutil.move(str(radar_dir.root / "radar/initiatives"), elsewhere)
    (radar_dir.root / "radar/initiatives").symlink_to(elsewhere)
    path, _, _, message = only(check(radar_dir))
    assert path == "radar/initiatives" and "outside the radar folder" in message


def test_radar_yaml_linked_out_of_the_radar_is_refused(radar_dir: RadarDir, tmp_path):
    real = radar_dir.root / "radar/radar.yaml"
    moved = tmp_path / "radar.yaml"
    real.rename(moved)
    real.symlink_to(moved)
    path, _, _, message = only(check(radar_dir))
    assert path == "radar/radar.yaml" and "outside the radar folder" in message


def test_link_inside_the_radar_is_followed(radar_dir: RadarDir):
    radar_dir.write("shared/thing.md", "---\ntitle: Thing\nquadrant: data\nring: trial\n---\nbody\n")
    (radar_dir.root / "blips/thing.md").symlink_to(radar_dir.root / "shared/thing.md")
    assert check(radar_dir).returncode == 0


def test_theme_static_file_linked_to_the_environment_is_refused_and_never_published(radar_dir: RadarDir, tmp_path):
    from conftest import RADAR_YAML

    radar_dir.write("radar/radar.yaml", RADAR_YAML + "theme: mine\n")
    radar_dir.write("themes/mine/static/site.css", "body {}\n")
    (radar_dir.root / "themes/mine/static/env.txt").symlink_to("/proc/self/environ")
    radar_dir.blip("x")
    path, _, _, message = only(check(radar_dir))
    assert path == "themes/mine/static/env.txt" and "outside the radar folder" in message
    # and the theme itself never hands the file to a page, whatever calls it
    from generator.content.theme import Theme

    assert "env.txt" not in Theme(radar_dir.root, "mine").static_files()
    assert "site.css" in Theme(radar_dir.root, "mine").static_files()


def test_symlink_loop_is_a_problem(radar_dir: RadarDir):
    (radar_dir.root / "blips/loop.md").symlink_to("loop.md")
    path, line, col, message = only(check(radar_dir))
    assert (path, line, col) == ("blips/loop.md", 1, 1) and "loop" in message


def test_dangling_symlink_is_a_problem(radar_dir: RadarDir):
    (radar_dir.root / "blips/gone.md").symlink_to("nowhere.md")
    path, _, _, message = only(check(radar_dir))
    assert path == "blips/gone.md" and "does not exist" in message


def test_fifo_in_blips_does_not_hang(radar_dir: RadarDir):
    os.mkfifo(radar_dir.root / "blips/pipe.md")
    started = time.monotonic()
    result = run_with_timeout("check", "--source", str(radar_dir.root), timeout=20)
    assert time.monotonic() - started < 15
    path, _, _, message = only(result)
    assert path == "blips/pipe.md" and "FIFO" in message


def test_folder_named_like_a_blip_is_a_problem(radar_dir: RadarDir):
    (radar_dir.root / "blips/x.md").mkdir()
    path, _, _, message = only(check(radar_dir))
    assert path == "blips/x.md" and "folder" in message


def test_unreadable_blip_is_a_problem(radar_dir: RadarDir, monkeypatch):
    path = radar_dir.blip("x")
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root, which reads anything: the kernel's answer, simulated
        from generator.content import files

        real_open = os.open

        def refusing_open(name, flags, *args):
            if Path(name).name == "x.md":
                raise PermissionError(13, "Permission denied", str(name))
            return real_open(name, flags, *args)

        monkeypatch.setattr(files.os, "open", refusing_open)
    try:
        where, line, col, message = only(check(radar_dir))
        assert (where, line, col) == ("blips/x.md", 1, 1) and "Permission denied" in message
    finally:
        path.chmod(0o644)


def test_upper_case_extension_is_reported(radar_dir: RadarDir):
    radar_dir.write("blips/x.MD", "---\ntitle: X\nquadrant: data\nring: trial\n---\n")
    path, _, _, message = only(check(radar_dir))
    assert path == "blips/x.MD" and "'x.md'" in message


def test_missing_blips_folder_fails_the_build_and_keeps_the_site(radar_dir: RadarDir, tmp_path):
    from inprocess import radar

    radar_dir.blip("x")
    out = tmp_path / "site"
    assert radar("build", "--source", str(radar_dir.root), "--out", str(out)).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    import shutil

    shutil.rmtree(radar_dir.root / "blips")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1 and "blips/ is missing" in result.stderr
    (radar_dir.root / "blips").write_text("not a folder\n", encoding="utf-8")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1 and "must be a folder" in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


# --- templates: a theme is content, rendered in Jinja's sandbox -----------------------------


def theme_with_template(radar_dir: RadarDir, body: str) -> None:
    from conftest import RADAR_YAML

    base = (ROOT / "themes/default/templates/base.html").read_text(encoding="utf-8")
    radar_dir.write("radar/radar.yaml", RADAR_YAML + "theme: evil\n")
    radar_dir.write("themes/evil/templates/base.html", body + base)
    radar_dir.blip("x")


def test_theme_template_cannot_run_code(radar_dir: RadarDir, tmp_path):
    from inprocess import radar

    marker = tmp_path / "ran"
    theme_with_template(radar_dir, f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n")
    out = tmp_path / "site"
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1
    assert not marker.exists() and not out.exists()
    (found,) = problems(result.stderr)
    assert found[0].endswith("themes/evil/templates/base.html") and found[1] == 1, result.stderr
    assert "template error" in found[3] and "__init__" in found[3]


def test_theme_template_cannot_read_files_through_the_objects_it_is_given(radar_dir: RadarDir, tmp_path):
    from inprocess import radar

    attempts = [
        "{{ site.theme.dirs[0].joinpath('/etc/passwd').read_text() }}",
        "{{ urls.posixpath.os.environ }}",
        "{{ site.env.loader.get_source(site.env, 'base.html') }}",
        "{% set x = radar.blips.clear() %}",
    ]
    for attempt in attempts:
        theme_with_template(radar_dir, attempt + "\n")
        result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
        assert result.returncode == 1, attempt
        (found,) = problems(result.stderr)
        assert found[0].endswith("themes/evil/templates/base.html") and found[1] == 1, (attempt, result.stderr)
        assert "root:" not in result.stderr and "PATH" not in result.stderr


def test_theme_template_cannot_write_to_the_render_cache(radar_dir: RadarDir, tmp_path, monkeypatch):
    """`site.kept` stores bytes that later builds of the same radar publish (radar.png, say): a template
    that could call it would outlive its pull request.  Templates read only what Site.TEMPLATE_NAMES offers."""
    from inprocess import radar

    cache = tmp_path / "cache"
    monkeypatch.setenv("RADAR_CACHE_DIR", str(cache))
    for attempt in ("{{ site.kept('radar.png', 'EVIL'.encode) }}", "{{ site.once(site.kept, 'x') }}"):
        theme_with_template(radar_dir, attempt + "\n")
        result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
        assert result.returncode == 1, attempt
        (found,) = problems(result.stderr)
        assert found[0].endswith("themes/evil/templates/base.html") and found[1] == 1, (attempt, result.stderr)
        assert "kept" in found[3] or "once" in found[3], found
    stored = [path for path in cache.rglob("*") if path.is_file() and b"EVIL" in path.read_bytes()]
    assert not stored


def test_sandbox_keeps_strict_undefined_and_autoescape(radar_dir: RadarDir, tmp_path):
    from generator.render import sandbox

    env = sandbox.environment(__import__("jinja2").DictLoader({"t": "{{ x }}", "u": "{{ missing }}"}))
    assert env.get_template("t").render(x="<script>") == "&lt;script&gt;"
    import jinja2
    import pytest

    with pytest.raises(jinja2.UndefinedError):
        env.get_template("u").render()


# --- history: an unknown key is an error that explains the quoting --------------------------


def test_comma_in_a_flow_style_history_note_is_an_error_that_shows_the_quoted_fix(radar_dir: RadarDir):
    radar_dir.blip(
        "x",
        ring="trial",
        extra="history:\n  - {edition: 2026-Q2, ring: trial, note: Pilot geslaagd, evaluatie positief}\n",
    )
    path, line, col, message = only(check(radar_dir))
    assert (path, line, col) == ("blips/x.md", 6, 59)
    assert "unknown field 'evaluatie positief'" in message
    assert 'note: "Pilot geslaagd, evaluatie positief"' in message and "block style" in message


def test_unknown_key_in_a_block_style_history_entry_is_an_error_without_strict(radar_dir: RadarDir):
    radar_dir.blip("x", ring="trial", extra="history:\n  - edition: 2026-Q2\n    ring: trial\n    reason: x\n")
    path, line, col, message = only(check(radar_dir))
    assert (path, line, col) == ("blips/x.md", 8, 5)
    assert "unknown field 'reason' in history entry 1" in message and "note" in message


# --- every text is text: no mathtext, no control characters, no empty title ----------------


def test_dollar_signs_in_titles_and_notes_are_text_in_every_picture(radar_dir: RadarDir, tmp_path):
    from conftest import RADAR_YAML
    from inprocess import radar

    radar_dir.write("radar/radar.yaml", RADAR_YAML.replace("title: Test Radar", "title: Radar $x^2$ of $5M"))
    radar_dir.blip("kosten", title='"Kosten $\\\\foo$"')
    radar_dir.blip(
        "money",
        ring="adopt",
        extra="history:\n  - {edition: 2026-Q1, ring: trial}\n  - {edition: 2026-Q2, ring: adopt, note: $5M of $10M}\n",
    )
    out = tmp_path / "site"
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    svg = (out / "radar.svg").read_text(encoding="utf-8")
    assert "Radar $x^2$ of $5M" in svg
    import xml.etree.ElementTree as ET

    ET.fromstring(svg)  # radar.svg stays valid XML
    for pdf in ("radar.pdf", "review.pdf"):
        # mathtext sets the letters between dollars in DejaVu Sans Oblique; plain text never uses it
        assert b"Oblique" not in (out / pdf).read_bytes(), pdf
    assert (out / "radar.png").read_bytes().startswith(b"\x89PNG")
    assert "Kosten $\\foo$" in (out / "blips/kosten.html").read_text(encoding="utf-8")


def test_control_characters_in_a_title_are_refused(radar_dir: RadarDir):
    radar_dir.blip("x", title='"Bad\\0title\\e[31m"')
    path, line, col, message = only(check(radar_dir))
    assert (path, line, col) == ("blips/x.md", 2, 8)
    assert "U+0000" in message and "\x00" not in message


def test_escape_in_a_field_name_never_reaches_the_terminal_raw(radar_dir: RadarDir):
    radar_dir.blip("x", extra='"\\e[31mred": 1\n')
    result = check(radar_dir, "--strict")
    assert "\x1b" not in result.stderr
    path, line, col, message = only(result)
    assert (path, line, col) == ("blips/x.md", 5, 1) and "\\x1b[31mred" in message


def test_control_character_in_a_ring_name_never_reaches_radar_svg(radar_dir: RadarDir):
    from conftest import RADAR_YAML

    radar_dir.write("radar/radar.yaml", RADAR_YAML.replace("name: Adopt", 'name: "Ad\\x0bopt"'))
    path, _, _, message = only(check(radar_dir))
    assert path == "radar/radar.yaml" and "U+000B" in message


def test_empty_title_is_an_error(radar_dir: RadarDir):
    radar_dir.blip("x", title='""')
    path, line, col, message = only(check(radar_dir))
    assert (path, line, col) == ("blips/x.md", 2, 8) and "'title' is empty" in message


# --- tags: one page per tag, every link lands ------------------------------------------------


def broken_links(site: Path) -> list[str]:
    """Every relative href/src on every page that names no file of the site (a crawl of the whole site)."""
    import html.parser
    import posixpath
    from urllib.parse import unquote, urlsplit

    class Links(html.parser.HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs) -> None:
            self.found += [v for k, v in attrs if k in ("href", "src") and v]

    broken = []
    for page in sorted(site.rglob("*.html")):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        base = posixpath.dirname(page.relative_to(site).as_posix())
        for url in parser.found:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = site / posixpath.normpath(posixpath.join(base, unquote(parts.path)))
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {url}")
    return broken


def test_tags_that_slug_alike_get_distinct_pages_and_no_link_is_broken(radar_dir: RadarDir, tmp_path):
    from inprocess import radar

    tagged = {"amp": "a&b", "space": "a b", "hyphen": "a-b", "data": "数据", "privacy": "隐私"}
    for ident, tag in tagged.items():
        radar_dir.blip(ident, title=ident.title(), extra=f'tags: ["{tag}", shared]\n')
    radar_dir.blip(
        "gone",
        title="Gone",
        extra="tags: [only-retired]\nhistory:\n"
        "  - {edition: 2025-Q4, ring: trial}\n  - {edition: 2026-Q1, retired: true}\n",  # off the radar before now
    )
    out = tmp_path / "site"
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert broken_links(out) == []
    pages = sorted(p.name for p in (out / "tags").iterdir())
    assert len(pages) == len(tagged) + 2, pages  # five tags, 'shared' and 'only-retired'
    assert "a-b.html" in pages and "shared.html" in pages and "only-retired.html" in pages
    for ident, tag in tagged.items():
        from generator import urls

        page = (out / urls.tag_url(tag)).read_text(encoding="utf-8")
        assert f"blips/{ident}.html" in page, tag
        assert sum(f"blips/{other}.html" in page for other in tagged) == 1, tag
    shared = (out / "tags/shared.html").read_text(encoding="utf-8")
    assert all(f"blips/{ident}.html" in shared for ident in tagged)
    assert "blips/gone.html" in (out / "tags/only-retired.html").read_text(encoding="utf-8")
    # the filter's values are the same ids, so filtering by 'a&b' does not also show 'a b'
    index = (out / "index.html").read_text(encoding="utf-8")
    from generator import urls

    assert f'value="{urls.tag_id("a&b")}"' in index and f'value="{urls.tag_id("a b")}"' in index


def test_tag_ids_are_stable_and_distinct():
    from generator.urls import tag_id

    assert tag_id("privacy") == "privacy" and tag_id("a-b") == "a-b"
    ids = [tag_id(t) for t in ("a&b", "a b", "a-b", "数据", "隐私", "x" * 70, "x" * 71)]
    assert len(set(ids)) == len(ids)
    assert tag_id("数据") == tag_id("数据") and tag_id("数据").startswith("tag_")
    assert all(re.fullmatch(r"[a-z0-9_-]+", i) for i in ids)


# --- links and images in Markdown ------------------------------------------------------------


def test_links_to_a_missing_blip_initiative_or_file_are_reported_at_their_place(radar_dir: RadarDir):
    radar_dir.blip("other")
    radar_dir.blip(
        "x",
        body="See [other](other.md), [gone](othre.md) and\n[pilot](../initiatives/pilot-two.md) or [spec](spec.pdf).",
    )
    result = check(radar_dir)
    assert result.returncode == 0  # warnings without --strict: the site still builds
    found = problems(result.stderr)
    assert [f[:3] for f in found] == [("blips/x.md", 6, 31), ("blips/x.md", 7, 9), ("blips/x.md", 7, 48)]
    assert "did you mean 'other'?" in found[0][3] and "blip" in found[0][3]
    assert "initiative" in found[1][3] and "did you mean 'pilot-one'?" in found[1][3]
    assert "spec.pdf" in found[2][3]
    strict = check(radar_dir, "--strict")
    assert strict.returncode == 1 and len(problems(strict.stderr)) == 3


def test_links_that_exist_are_not_reported(radar_dir: RadarDir):
    radar_dir.blip("other", extra="tags: [ai]\n")
    radar_dir.blip(
        "x",
        body="[a](other.md) [b](other.html#top) [c](../initiatives/pilot-one.md) [d](../tags/ai.html) "
        "[e](../index.html) [f](#here) [g](https://example.org/) [h](../capabilities/tech-future.html)",
    )
    result = check(radar_dir, "--strict")
    assert result.returncode == 0, result.stderr


def test_images_from_outside_the_site_are_refused_and_never_loaded(radar_dir: RadarDir, tmp_path):

    radar_dir.blip("x", body="![a](/etc/passwd)\n\n![b](../../../x.png)\n")
    result = check(radar_dir)
    assert result.returncode == 1
    found = problems(result.stderr)
    assert [f[:3] for f in found] == [("blips/x.md", 6, 6), ("blips/x.md", 8, 6)]
    assert all("outside the site" in f[3] for f in found)
    # and the HTML never asks for them, whatever calls the renderer
    from generator.content.markup import render

    html = render("![a](/etc/passwd) ![b](../../../x.png)")[0]
    assert "<img" not in html and "/etc/passwd" in html


def test_remote_images_stay_links_and_raw_html_stays_text():
    from generator.content.markup import render

    html = render("![r](https://cdn.example/i.png) <script>alert(1)</script> [j](javascript:alert(1))")[0]
    assert "<img" not in html and "<script" not in html and 'href="javascript' not in html


def test_theme_template_linked_out_of_the_radar_is_refused_by_check_and_loader(radar_dir: RadarDir, tmp_path):
    import jinja2
    import pytest
    from conftest import RADAR_YAML

    from generator.content.theme import Theme
    from generator.render.sandbox import ContainedLoader

    outside = tmp_path / "outside.html"
    outside.write_text("SECRET {{ 1 }}", encoding="utf-8")
    radar_dir.write("radar/radar.yaml", RADAR_YAML + "theme: evil\n")
    (radar_dir.root / "themes/evil/templates").mkdir(parents=True)
    (radar_dir.root / "themes/evil/templates/base.html").symlink_to(outside)
    os.mkfifo(radar_dir.root / "themes/evil/templates/blip.html")
    radar_dir.blip("x")
    result = run_with_timeout("check", "--source", str(radar_dir.root), timeout=20)
    found = problems(result.stderr)
    assert result.returncode == 1 and [f[0] for f in found] == [
        "themes/evil/templates/base.html",
        "themes/evil/templates/blip.html",
    ], result.stderr
    assert "outside the radar folder" in found[0][3] and "FIFO" in found[1][3]
    theme = Theme(radar_dir.root, "evil")
    env = jinja2.Environment(loader=ContainedLoader(theme.template_dirs, list(theme.roots.values())))
    for name in ("base.html", "blip.html"):
        with pytest.raises(jinja2.TemplateNotFound):
            env.get_template(name)


def test_links_to_assets_are_checked_and_assets_linked_out_are_refused(radar_dir: RadarDir, tmp_path):
    radar_dir.write("assets/diagram.png", b"\x89PNG\r\n")
    (radar_dir.root / "assets/secret.png").symlink_to("/etc/hostname")
    radar_dir.blip("x", body="![d](../assets/diagram.png) ![m](../assets/missing.png)")
    result = check(radar_dir)
    found = problems(result.stderr)
    assert result.returncode == 1
    assert [f[:2] for f in found] == [("assets/secret.png", 1), ("blips/x.md", 6)], result.stderr
    assert "outside the radar folder" in found[0][3] and "missing.png" in found[1][3]


def test_live_preview_renders_a_theme_template_in_the_sandbox_too(radar_dir: RadarDir, tmp_path):
    import jinja2
    import pytest

    from generator.commands.serve import Preview
    from generator.render.site import template_problem

    marker = tmp_path / "ran"
    theme_with_template(radar_dir, f"{{{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}}}\n")
    preview = Preview(radar_dir.root)
    preview.rebuild()
    with pytest.raises(jinja2.TemplateError) as caught:
        preview.file("index.html")
    assert not marker.exists()
    problem = template_problem(caught.value)
    assert problem.path.endswith("themes/evil/templates/base.html") and problem.line == 1
