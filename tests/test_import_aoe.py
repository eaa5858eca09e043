"""`radar import aoe`: AOE's own radar (9 releases, 249 technologies) and small folders with its quirks."""

from __future__ import annotations

import json
from pathlib import Path

import realdata
import yaml
from inprocess import radar
from test_build import link_problems, parse

AOE = realdata.DATA / "aoe-techradar"


def _front(source: Path, ident: str) -> dict:
    return yaml.safe_load((source / "blips" / f"{ident}.md").read_text(encoding="utf-8").split("---\n")[1])


# aoe_site (conftest): AOE's radar imported, checked strictly and built once per test run.


def test_aoe_releases_become_one_radar_with_revisions_as_history(aoe_site):
    source, site, report = aoe_site
    assert "9 snapshots, 528 rows, 249 blips, 528 history entries, 0 retired" in report
    playwright = _front(source, "playwright")
    assert [(h["edition"], h["ring"]) for h in playwright["history"]] == [
        ("2022-Q1", "assess"),
        ("2023-Q1", "trial"),
        ("2023-Q4", "adopt"),
        ("2025-Q3", "adopt"),
    ]
    assert playwright["history"][-1]["note"].startswith("Playwright now offers Component Testing")
    body = (source / "blips" / "playwright.md").read_text(encoding="utf-8")
    assert "[Vite](vite.md)" in body and "[Webpack](webpack.md)" in body  # site-absolute and absolute links
    assert "## Earlier editions" in body and "### 2022-03-28" in body
    data = json.loads((site / "radar.json").read_text(encoding="utf-8"))
    assert data["edition"] == "2025-Q3" and len(data["blips"]) == 249
    assert link_problems(site) == []


def test_aoe_featured_false_is_listed_but_not_drawn(aoe_site):
    source, site, _ = aoe_site
    assert _front(source, "nosql")["featured"] is False
    home = parse(site / "index.html")
    listed = {v.get("data-id") for t, v in home.tags if t == "li" and v.get("data-id")}
    svg = (site / "radar.svg").read_text(encoding="utf-8")
    assert "nosql" in listed and "blips/nosql.html" not in svg
    assert "blips/playwright.html" in svg


def test_aoe_colours_failing_contrast_are_moved_with_a_note(aoe_site):
    source, _, report = aoe_site
    assert "quadrant 'tools': colour #F2A25C is too light" in report
    config = yaml.safe_load((source / "radar" / "radar.yaml").read_text(encoding="utf-8"))
    assert [q["id"] for q in config["quadrants"]] == [
        "methods-and-patterns",
        "tools",
        "platforms-and-aoe-services",
        "languages-and-frameworks",
    ]
    assert config["title"] == "AOE Technology Radar"


def test_aoe_fields_carry_over_and_images_become_assets(tmp_path):
    folder = tmp_path / "aoe"
    (folder / "public" / "images").mkdir(parents=True)
    (folder / "public" / "images" / "pyramid.png").write_bytes(b"\x89PNG fake")
    (folder / "config.json").write_text(
        json.dumps(
            {
                "segments": [{"id": "tools", "title": "Tools"}, {"id": "methods", "title": "Methods"}],
                "rings": [{"id": "adopt", "title": "Adopt"}, {"id": "hold", "title": "Hold"}],
            }
        ),
        encoding="utf-8",
    )
    first, second = folder / "radar" / "2021-07-01", folder / "radar" / "2024-02-01"
    first.mkdir(parents=True)
    second.mkdir(parents=True)
    (first / "ant.md").write_text(
        "---\ntitle: Ant\nring: adopt\nsegment: tools\ntags: [build]\n---\nBuilds. See [TDD](/methods/tdd/).\n",
        encoding="utf-8",
    )
    (first / "tdd.md").write_text(
        "---\ntitle: TDD\nring: Adopt\nsegment: methods\n---\n![The pyramid](/images/pyramid.png)\n", encoding="utf-8"
    )
    (first / "broken.md").write_text("---\ntitle: [unclosed\n---\n", encoding="utf-8")
    (second / "ant.md").write_text("---\nring: hold\nfeatured: false\n---\nReplaced by Gradle.\n", encoding="utf-8")
    result = radar("import", "aoe", str(folder), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "dropped: radar/2021-07-01/broken.md:3: front matter is not valid YAML" in result.stdout
    source = tmp_path / "radar"
    ant = _front(source, "ant")
    assert (ant["title"], ant["quadrant"], ant["ring"], ant["tags"], ant["featured"]) == (
        "Ant",
        "tools",
        "hold",
        ["build"],
        False,
    )
    assert [h["ring"] for h in ant["history"]] == ["adopt", "hold"]
    assert "[TDD](tdd.md)" in (source / "blips" / "ant.md").read_text(encoding="utf-8")
    assert "![The pyramid](../assets/pyramid.png)" in (source / "blips" / "tdd.md").read_text(encoding="utf-8")
    assert (source / "assets" / "pyramid.png").read_bytes() == b"\x89PNG fake"
    build = radar("build", "--source", str(source), "--out", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr
    assert (tmp_path / "site" / "assets" / "pyramid.png").is_file()
    assert link_problems(tmp_path / "site") == []
