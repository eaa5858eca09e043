"""`radar export` and the downloads in the site: BYOR, Backstage and Zalando read what we write.

The round trip is the proof: a radar exported as one BYOR sheet per edition and imported into an
empty folder has the same technologies, rings, quadrants, histories, summaries, tags and notes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import ROOT
from inprocess import radar

from generator.content.load import load
from generator.content.model import Radar
from generator.interop.text import plain


def _sheet(folder: Path, name: str, rows: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("name,ring,quadrant,isNew,description\n" + rows, encoding="utf-8")
    return folder / name


def _original(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    sheets = [
        _sheet(inputs, "2024-01.csv", "Go,adopt,Languages,TRUE,<p>Simple.</p>\nKafka,trial,Tools,TRUE,<p>Logs</p>\n"),
        _sheet(inputs, "2024-04.csv", "Go,adopt,Languages,FALSE,<p>Simple.</p>\nKafka,adopt,Tools,FALSE,<p>Logs</p>\n"),
        _sheet(inputs, "2024-07.csv", "Go,trial,Languages,FALSE,<p>Simple.</p>\nCobol,hold,Languages,TRUE,Old\n"),
        _sheet(
            inputs, "2024-10.csv", "Go,trial,Languages,FALSE,\nKafka,assess,Tools,FALSE,<p>Back</p>\nCobol,hold,x,T,\n"
        ),
    ]
    result = radar("import", "byor", *map(str, sheets), "--source", str(tmp_path / "original"))
    assert result.returncode == 0, result.stderr
    return tmp_path / "original"


def _facts(loaded: Radar) -> dict:
    return {
        b.id: (
            b.title,
            b.quadrant,
            b.ring,
            b.summary,
            b.tags,
            tuple((h.edition, h.ring, h.note) for h in b.history if h.ring),
            tuple(h.edition for h in b.history if h.retired),
            plain(b.body_text),
        )
        for b in loaded.blips.values()
    }


def test_byor_round_trip_loses_nothing_but_formatting(tmp_path):
    original = _original(tmp_path)
    before, _ = load(original)
    assert before is not None
    out = tmp_path / "exported"
    out.mkdir()
    for edition in before.editions:
        result = radar("export", "--format", "byor-csv", "--edition", edition, "--source", str(original))
        assert result.returncode == 0, result.stderr
        (out / f"{edition}.csv").write_text(result.stdout, encoding="utf-8")
    back = radar("import", "byor", *sorted(map(str, out.iterdir())), "--source", str(tmp_path / "again"))
    assert back.returncode == 0, back.stderr
    after, problems = load(tmp_path / "again", strict=True)
    assert after is not None and problems.items == []
    assert _facts(after) == _facts(before)
    assert [(q.id, q.name) for q in after.quadrants] == [(q.id, q.name) for q in before.quadrants]
    assert after.editions == before.editions


def test_export_formats_for_one_edition(tmp_path):
    original = _original(tmp_path)
    rows = list(
        csv.DictReader(
            io.StringIO(
                radar("export", "--format", "byor-csv", "--edition", "2024-Q2", "--source", str(original)).stdout
            )
        )
    )
    assert [(r["name"], r["ring"], r["status"]) for r in rows] == [
        ("Go", "Adopt", "no change"),
        ("Kafka", "Adopt", "moved in"),
    ]
    result = radar("export", "--format", "backstage", "--source", str(original), "--out", str(tmp_path / "b.json"))
    assert result.returncode == 0, result.stderr
    backstage = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    kafka = next(e for e in backstage["entries"] if e["id"] == "kafka")
    assert [(m["ringId"], m["date"], m["moved"]) for m in kafka["timeline"]] == [
        ("assess", "2024-10-01", -1),
        ("adopt", "2024-04-01", 1),
        ("trial", "2024-01-01", 0),
    ]
    zalando = json.loads(radar("export", "--format", "zalando", "--source", str(original)).stdout)
    assert zalando["date"] == "2024.10"
    assert {e["label"]: (e["ring"], e["moved"]) for e in zalando["entries"]} == {
        "Go": (1, 0),
        "Kafka": (2, -1),
        "Cobol": (3, 0),
    }
    refused = radar("export", "--format", "zalando", "--edition", "2019-Q1", "--source", str(original))
    assert refused.returncode == 1 and "editions: 2024-Q1" in refused.stderr


def test_backstage_export_imports_back(tmp_path):
    original = _original(tmp_path)
    exported = tmp_path / "backstage.json"
    assert radar("export", "--format", "backstage", "--source", str(original), "--out", str(exported)).returncode == 0
    result = radar("import", "backstage", str(exported), "--source", str(tmp_path / "again"))
    assert result.returncode == 0, result.stderr
    after, _ = load(tmp_path / "again")
    assert after is not None
    assert {b.id: (b.ring, [h.ring for h in b.history]) for b in after.blips.values()} == {
        "go": ("trial", ["adopt", "trial"]),
        "kafka": ("assess", ["trial", "adopt", "assess"]),  # retirements are not in Backstage's timeline
        "cobol": ("hold", ["hold"]),
    }


def test_the_site_offers_every_export_as_a_download(tmp_path):
    result = radar("build", "--source", str(ROOT), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site" / "exports"
    assert sorted(p.name for p in site.iterdir()) == ["backstage.json", "byor.csv", "byor.json", "zalando.json"]
    data = json.loads((tmp_path / "site" / "radar.json").read_text(encoding="utf-8"))
    on_radar = sum(1 for b in data["blips"] if b["on_radar"])
    assert len(json.loads((site / "byor.json").read_text(encoding="utf-8"))) == on_radar
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for name in ("byor.csv", "byor.json", "backstage.json", "zalando.json"):
        assert f'href="exports/{name}"' in home


def test_writing_every_export_loads_none_of_the_import_side_libraries():
    """The site's exports (every format) are written without ftfy, markdownify or BeautifulSoup: those
    repair and convert other tools' text on import, a third of a second to load in every build."""
    import subprocess
    import sys

    script = """
import sys
from pathlib import Path
from generator.content.load import load
from generator.interop import exports
radar, _ = load(Path(sys.argv[1]))
files = exports.site_files(radar)
assert len(files) == len(exports.EXPORTS) and all(files.values())
print(sorted({m.split(".")[0] for m in sys.modules} & {"ftfy", "markdownify", "bs4"}))
"""
    done = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
