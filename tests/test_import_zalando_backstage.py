"""`radar import zalando` (entries JSON and the page's JavaScript config) and `radar import backstage`."""

from __future__ import annotations

import json
from pathlib import Path

import realdata
import yaml
from inprocess import radar
from test_build import link_problems

ZALANDO_CONFIG = realdata.ZALANDO  # Zalando's entries file (MIT), shipped with the tests


def _front(source: Path, ident: str) -> dict:
    return yaml.safe_load((source / "blips" / f"{ident}.md").read_text(encoding="utf-8").split("---\n")[1])


def test_zalando_entries_import_with_their_moves_and_build(tmp_path):
    """Replaces the hand-written converter the build tests used: the importer gives the same statuses."""
    result = radar("import", "zalando", str(ZALANDO_CONFIG), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    source = tmp_path / "radar"
    assert radar("check", "--strict", "--source", str(source)).returncode == 0
    build = radar("build", "--source", str(source), "--out", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr
    data = json.loads((tmp_path / "site" / "radar.json").read_text(encoding="utf-8"))
    entries = json.loads(ZALANDO_CONFIG.read_text(encoding="utf-8"))["entries"]
    by_title = {b["title"]: b for b in data["blips"]}
    assert data["edition"] == "2026-Q2" and len(by_title) == len(entries)
    expected = {2: "new", 0: "unchanged", 1: "moved-in", -1: "moved-out"}
    for entry in entries:
        blip = by_title[entry["label"]]
        assert blip["ring"] == ("adopt", "trial", "assess", "hold")[entry["ring"]]
        stuck = (entry["moved"] == 1 and entry["ring"] == 3) or (entry["moved"] == -1 and entry["ring"] == 0)
        assert blip["status"] == ("unchanged" if stuck else expected[entry["moved"]]), entry["label"]
    assert _front(source, "flink")["history"] == [
        {"edition": "2026-Q1", "ring": "trial"},
        {"edition": "2026-Q2", "ring": "adopt"},
    ]
    assert link_problems(tmp_path / "site") == []


PAGE = """<script>
radar_visualization({
  repo_url: "https://github.com/zalando/tech-radar",
  title: 'Our Radar',   // a JavaScript comment
  date: "2024.08",
  quadrants: [
    { name: "Languages" }, { name: "Infrastructure" },
    { name: "Datastores" }, { name: "Data Management" },
  ],
  rings: [
    { name: "ADOPT", color: "#5ba300" }, { name: "TRIAL", color: "#009eb0" },
    { name: "ASSESS", color: "#c7ba00" }, { name: "HOLD", color: "#e09b96" },
  ],
  entries: [
    { quadrant: 0, ring: 0, label: 'Kotlin', active: true, moved: 0, link: "https://kotlinlang.org" },
    { quadrant: 1, ring: 2, label: "Grey box", active: false, moved: 2 },
    { quadrant: 7, ring: 0, label: "Nowhere", active: true, moved: 0 },
  ],
});
</script>"""


def test_zalando_javascript_config_is_parsed_not_run(tmp_path):
    page = tmp_path / "index.html"
    page.write_text(PAGE, encoding="utf-8")
    result = radar("import", "zalando", str(page), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "dropped: index.html:17: 'Nowhere': quadrant 7 or ring 0 is not an index of the config" in result.stdout
    config = yaml.safe_load((tmp_path / "radar" / "radar" / "radar.yaml").read_text(encoding="utf-8"))
    assert config["title"] == "Our Radar" and config["edition"] == "2024-Q3"
    assert [r["name"] for r in config["rings"]] == ["Adopt", "Trial", "Assess", "Hold"]
    assert _front(tmp_path / "radar", "grey-box")["featured"] is False
    assert "[Kotlin](https://kotlinlang.org)" in (tmp_path / "radar" / "blips" / "kotlin.md").read_text(
        encoding="utf-8"
    )


def test_zalando_config_computed_by_code_is_refused_with_a_reason(tmp_path):
    page = tmp_path / "index.html"
    page.write_text("radar_visualization({ title: 'x', entries: loadEntries() });", encoding="utf-8")
    result = radar("import", "zalando", str(page), "--source", str(tmp_path / "radar"))
    assert result.returncode == 1 and "give the entries JSON instead" in result.stderr
    assert not (tmp_path / "radar").exists()


BACKSTAGE = {
    "title": "Platform Radar",
    "quadrants": [{"id": "infrastructure", "name": "Infrastructure"}, {"id": "languages", "name": "Languages"}],
    "rings": [
        {"id": "adopt", "name": "ADOPT", "color": "#93c47d", "description": "Use it."},
        {"id": "trial", "name": "TRIAL", "color": "#93d2c2"},
        {"id": "assess", "name": "ASSESS", "color": "#fbdb84"},
        {"id": "hold", "name": "HOLD", "color": "#efafa9"},
    ],
    "entries": [
        {
            "id": "typescript",
            "title": "TypeScript",
            "quadrant": "languages",
            "description": "Typed <b>JavaScript</b>.",
            "links": [{"url": "https://www.typescriptlang.org", "title": "Learn more"}],
            "timeline": [
                {"moved": 1, "ringId": "adopt", "date": "2022-11-10", "description": "Every new service"},
                {"moved": 0, "ringId": "trial", "date": "2021-02-01", "description": "First teams"},
                {"moved": 0, "ringId": "assess", "date": "2021-01-05", "description": "Spike"},
            ],
        },
        {"id": "x", "title": "Lost", "quadrant": "nowhere", "timeline": [{"ringId": "adopt", "date": "2022-01-01"}]},
    ],
}


def test_backstage_timelines_become_histories(tmp_path):
    path = tmp_path / "radar.json"
    path.write_text(json.dumps(BACKSTAGE, indent=2), encoding="utf-8")
    result = radar("import", "backstage", str(path), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "dropped: radar.json:" in result.stdout and "'Lost': quadrant 'nowhere'" in result.stdout
    source = tmp_path / "radar"
    ts = _front(source, "typescript")
    assert ts["ring"] == "adopt" and ts["history"] == [
        {"edition": "2021-Q1", "ring": "trial", "note": "First teams"},  # the later of the quarter wins
        {"edition": "2022-Q4", "ring": "adopt", "note": "Every new service"},
    ]
    body = (source / "blips" / "typescript.md").read_text(encoding="utf-8")
    assert "Typed **JavaScript**." in body and "- [Learn more](https://www.typescriptlang.org)" in body
    notes = result.stdout
    assert "ring 'adopt': colour #93c47d" not in notes  # light ring colours pass against dark ring names
    build = radar("build", "--source", str(source), "--out", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr
    assert link_problems(tmp_path / "site") == []
