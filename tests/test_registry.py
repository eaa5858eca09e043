"""Page families and output files register themselves; `build` and `serve` both read the one registry."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator.commands.serve.preview import Preview
from generator.content.load import load
from generator.render import parts
from generator.render.parts import site_files
from generator.render.site import PARTS, Page, Site, output, page_family

REGISTERS = {"page_family", "output", "output_files", "fallback_files"}


@pytest.fixture
def registered():
    """Parts a test registers, taken out of the registry again afterwards."""
    before = list(PARTS)
    yield
    PARTS[:] = before


def _radar(radar_dir):
    radar_dir.blip("alpha", title="Alpha")
    radar, problems = load(radar_dir.root)
    assert radar is not None and not problems.errors
    return radar


def test_a_new_page_family_and_output_file_reach_build_and_serve(radar_dir, registered):
    @page_family
    def extra_pages(site: Site):
        yield Page(
            "extra/index.html", "listing.html", {"heading": "Extra", "intro": "", "standings": [], "view": site.current}
        )

    @output("extra.txt")
    def extra_text(site: Site) -> bytes:
        return f"{len(site.radar.blips)} blip(s)\n".encode()

    radar = _radar(radar_dir)
    paths = site_files(radar, radar_dir.root).makers()
    assert {"extra/index.html", "extra.txt", "index.html", "radar.json", "static/colors.css"} <= set(paths)
    preview = Preview(radar_dir.root)
    preview.rebuild()
    assert preview.file("extra.txt")[1] == b"1 blip(s)\n"
    page = preview.file("extra/index.html")[1]
    assert page is not None and b"<h1>Extra</h1>" in page


def test_serve_runs_only_the_part_that_made_a_path(radar_dir, registered):
    ran = []

    @page_family
    def counted(site: Site):
        ran.append(1)
        yield Page("counted.html", "listing.html", {"heading": "C", "intro": "", "standings": [], "view": site.current})

    radar, hints = _radar(radar_dir), {}
    site_files(radar, radar_dir.root, hints).run_all()
    assert ran == [1]
    later = site_files(radar, radar_dir.root, hints)  # a rebuild: the hints say which part made what
    assert later.get("radar.json") is not None
    assert ran == [1], "asking for radar.json ran an unrelated page family"
    assert later.get("counted.html") is not None and ran == [1, 1]


def test_generated_files_win_over_the_themes_static_files(radar_dir):
    radar_dir.write("themes/default/static/colors.css", "/* the theme's own */\n")
    radar_dir.write("themes/default/static/extra.css", "/* kept */\n")
    radar, hints = _radar(radar_dir), {}
    first = site_files(radar, radar_dir.root, hints)
    assert first.get("static/colors.css").startswith(b"/* Generated")
    assert first.get("static/extra.css") == b"/* kept */\n"
    later = site_files(radar, radar_dir.root, hints)
    assert later.get("static/extra.css") == b"/* kept */\n"  # runs the static files first, with colors.css
    assert later.get("static/colors.css").startswith(b"/* Generated")


def test_two_parts_may_not_make_one_path(radar_dir, registered):
    @output("radar.json")
    def second_radar_json(site: Site) -> bytes:
        return b"{}"

    with pytest.raises(ValueError, match="radar.json is made by both radar_json and second_radar_json"):
        site_files(_radar(radar_dir), radar_dir.root).makers()


def _decorators(node: ast.FunctionDef) -> set[str]:
    targets = [d.func if isinstance(d, ast.Call) else d for d in node.decorator_list]
    return {t.id for t in targets if isinstance(t, ast.Name)}


def test_every_module_that_registers_a_part_is_imported_by_parts():
    """A decorated function in a module nobody imports would silently be missing from the site."""
    package = Path(parts.__file__).resolve().parents[1]
    registering = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and _decorators(node) & REGISTERS:
                registering.add(".".join(("generator", *path.relative_to(package).with_suffix("").parts)))
    assert registering == {m.__name__ for m in parts.REGISTERING}
