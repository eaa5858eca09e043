"""`radar import byor`: Thoughtworks' sixteen years of volumes and small sheets with every kind of flaw.

The status test is the strongest check on the snapshot-to-history logic: Thoughtworks printed,
for every row of volumes 2 to 34, whether the technology was new, moved in, moved out or
unchanged since its previous appearance; importing the volumes must reproduce those columns.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import realdata
from inprocess import radar
from test_build import link_problems

from generator.content.load import load
from generator.domain.editions import snapshot
from generator.interop.ids import Ids, base_id
from generator.interop.snapshots import dated

STATUS = {"new": "new", "moved in": "moved-in", "moved out": "moved-out", "no change": "unchanged"}


def _import(*args: str) -> subprocess.CompletedProcess:
    return radar("import", *args)


# --- all 34 Thoughtworks volumes ----------------------------------------------------------------


@pytest.fixture(scope="module")
def thoughtworks(thoughtworks_volumes) -> tuple[Path, subprocess.CompletedProcess]:
    """The 34 volumes imported (conftest: once per run, shared by workers) and the import's exit and report."""
    source, report = thoughtworks_volumes
    return source, subprocess.CompletedProcess(["radar", "import", "byor"], 0, report, "")


def test_thoughtworks_statuses_follow_from_the_imported_histories(thoughtworks):
    source, _ = thoughtworks
    loaded, problems = load(source, strict=True, bodies=False)  # as `radar check` (the build renders the bodies)
    assert loaded is not None and problems.items == []
    ids = Ids()  # the importer's ids: the same names in the same order
    agree, checked, differ = 0, 0, []
    for number, volume in enumerate(realdata.volumes(), start=1):
        rows = realdata.read_volume(volume)  # the published rows, read independently of the importer
        names = [ids.get(row["name"].strip()) for row in rows]
        if number == 1:
            continue  # the first volume has nothing to compare with: all new
        standing = {s.blip.id: s for s in snapshot(loaded, realdata.volume_edition(volume))}
        for ident, row in zip(names, rows, strict=True):
            checked += 1
            if standing[ident].status == STATUS[row["status"].strip().lower()]:
                agree += 1
            else:
                differ.append((realdata.volume_name(volume), row["name"], standing[ident].status, row["status"]))
    print(f"\nThoughtworks status agreement: {agree} of {checked} rows (volumes 2-34)")
    for volume, name, computed, published in differ:
        print(f"  {volume}: {name}: computed {computed}, published {published}")
    assert (agree, checked) == (3254, 3256)
    # Both differences are clashes in the data: two tools called Gremlin, and 'Zap' reviving 'ZAP'.
    assert [(v, n) for v, n, _, _ in differ] == [("Volume 20 (Apr 2019)", "Gremlin"), ("Volume 25 (Oct 2021)", "Zap")]


def test_sixteen_years_of_thoughtworks_build_with_every_edition_and_no_broken_link(
    thoughtworks, tmp_path, drawing_worker
):
    source, _ = thoughtworks
    build = radar("build", "--source", str(source), "--out", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site"
    assert len([p for p in (site / "editions").iterdir() if p.is_dir()]) == 34
    assert link_problems(site) == []


def test_thoughtworks_import_reports_every_shifted_row_and_keeps_the_rest(thoughtworks):
    source, result = thoughtworks
    dropped = [line for line in result.stdout.splitlines() if line.startswith("dropped: ")]
    assert len(dropped) == 15  # the data set's README: about 15 rows with shifted columns
    assert "dropped: Thoughtworks Technology Radar Volume 07 (Oct 2012).csv:96: 9 values for 7 columns" in result.stdout
    assert "34 snapshots, 3294 rows" in result.stdout
    editions = load(source, bodies=False)[0].editions
    assert len(editions) == 34 and editions[0] == "2010-Q1" and editions[-1] == "2026-Q2"


def test_thoughtworks_volume_34_checks_strictly_and_builds_without_broken_links(tmp_path):
    volume = realdata.volumes()[-1]
    site_url = "https://www.thoughtworks.com/radar"
    result = _import("byor", str(volume), "--source", str(tmp_path / "radar"), "--site-url", site_url)
    assert result.returncode == 0, result.stderr
    assert radar("check", "--strict", "--source", str(tmp_path / "radar")).returncode == 0
    text = (tmp_path / "radar" / "blips" / "context-engineering.md").read_text(encoding="utf-8")
    assert "(https://www.thoughtworks.com/radar/techniques/progressive-context-disclosure)" not in text
    assert "[progressive context disclosure](progressive-context-disclosure.md)" in text
    build = radar("build", "--source", str(tmp_path / "radar"), "--out", str(tmp_path / "site"))
    assert build.returncode == 0, build.stderr
    site = tmp_path / "site"
    assert link_problems(site) == []
    page = (site / "blips" / "context-engineering.html").read_text(encoding="utf-8")
    assert "context rot" in page and "&lt;p&gt;" not in page and "&lt;a href" not in page
    assert '<a href="https://www.understandingai.org/p/context-rot-the-emerging-challenge"' in page
    for html in (site / "blips").glob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "&lt;p&gt;" not in text and "&lt;strong&gt;" not in text, html.name


# --- small sheets ---------------------------------------------------------------------------------

HEADER = "name,ring,quadrant,isNew,description\n"
GO = "Go,adopt,languages,TRUE,\n"  # a radar has at least two quadrants


def _sheet(folder: Path, name: str, rows: str, header: str = HEADER) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(header + GO + rows, encoding="utf-8")
    return path


def _blip(source: Path, ident: str) -> dict:
    import yaml

    text = (source / "blips" / f"{ident}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_editions_come_from_dates_in_file_names():
    assert dated("2020-07-29") == ("2020-Q3", "2020-07-29")
    assert dated("2021-07")[0] == "2021-Q3"
    assert dated("Thoughtworks Technology Radar Volume 07 (Oct 2012)")[0] == "2012-Q4"
    assert dated("radar-2024-Q1")[0] == "2024-Q1"
    assert dated("radar") is None


def test_snapshots_become_histories_with_moves_returns_and_retirements(tmp_path):
    inputs = tmp_path / "in"
    a = _sheet(inputs, "2024-01-15.csv", "Kafka,Trial,Tools,TRUE,<p>Streams.</p>\nAnt,adopt,tools,TRUE,\n")
    b = _sheet(inputs, "2024-04-02.csv", "Kafka,ADOPT,tools,FALSE,<p>Streams.</p>\n")
    c = _sheet(inputs, "2024-07-01.csv", "Kafka,adopt,tools,FALSE,\nAnt,Caution,tools,FALSE,<p>Old.</p>\n")
    result = _import("byor", str(c), str(a), str(b), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    source = tmp_path / "radar"
    assert _blip(source, "kafka")["history"] == [
        {"edition": "2024-Q1", "ring": "trial", "note": "2024-01-15"},
        {"edition": "2024-Q2", "ring": "adopt", "note": "2024-04-02"},
    ]
    assert _blip(source, "ant")["history"] == [
        {"edition": "2024-Q1", "ring": "adopt", "note": "2024-01-15"},
        {"edition": "2024-Q2", "retired": True, "note": "2024-04-02"},
        {"edition": "2024-Q3", "ring": "hold", "note": "2024-07-01"},  # 'Caution' is hold's old name
    ]
    assert radar("check", "--strict", "--source", str(source)).returncode == 0


def test_the_later_snapshot_of_a_quarter_wins(tmp_path):
    early = _sheet(tmp_path / "in", "2024-01-10.csv", "Kafka,trial,tools,TRUE,\n")
    late = _sheet(tmp_path / "in", "2024-03-20.csv", "Kafka,adopt,tools,TRUE,\n")
    result = _import("byor", str(late), str(early), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "the later one is kept" in result.stdout
    assert _blip(tmp_path / "radar", "kafka")["history"] == [
        {"edition": "2024-Q1", "ring": "adopt", "note": "2024-03-20"}
    ]


def test_a_file_without_a_date_needs_edition(tmp_path):
    sheet = _sheet(tmp_path / "in", "radar.csv", "Kafka,trial,tools,TRUE,\n")
    refused = _import("byor", str(sheet), "--source", str(tmp_path / "radar"))
    assert refused.returncode == 1 and "--edition" in refused.stderr
    done = _import("byor", str(sheet), "--edition", "2025-Q3", "--source", str(tmp_path / "radar"))
    assert done.returncode == 0, done.stderr
    assert _blip(tmp_path / "radar", "kafka")["history"][0]["edition"] == "2025-Q3"


def test_json_sheets_are_read_like_csv(tmp_path):
    rows = [
        {"name": "Go", "ring": "adopt", "quadrant": "Languages"},
        {"name": "Kafka", "ring": "trial", "quadrant": "Tools", "isNew": "TRUE", "description": "<b>Fast</b>"},
        {"name": "", "ring": "trial", "quadrant": "Tools"},
    ]
    path = tmp_path / "2023-05.json"
    path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    result = _import("byor", str(path), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "dropped: 2023-05.json:14: the row has no name" in result.stdout
    assert (tmp_path / "radar" / "blips" / "kafka.md").read_text(encoding="utf-8").endswith("**Fast**\n")


def test_git_history_of_one_sheet_is_the_archive(tmp_path):
    repo = tmp_path / "repo"
    repo.mkdir()

    def git(*args: str, date: str = "") -> None:
        env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
        import os

        subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
            cwd=repo,
            check=True,
            capture_output=True,
            env={**os.environ, **env},
        )

    git("init", "-q")
    for date, ring in (("2023-02-01T10:00:00+00:00", "assess"), ("2023-08-01T10:00:00+00:00", "trial")):
        _sheet(repo, "radar.csv", f"Kafka,{ring},tools,TRUE,\n")
        git("add", "radar.csv")
        git("commit", "-q", "-m", ring, date=date)
    result = _import("byor", "--git", str(repo / "radar.csv"), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    history = _blip(tmp_path / "radar", "kafka")["history"]
    assert [(h["edition"], h["ring"]) for h in history] == [("2023-Q1", "assess"), ("2023-Q3", "trial")]


def test_bad_rows_are_reported_by_line_and_duplicates_merged(tmp_path):
    rows = (
        "Kafka,trial,tools,TRUE,\n"
        '"Sass, SCSS",trial,tools,TRUE,x,y,z\n'  # shifted: more values than columns
        "Kotlin,Great for Android apps and servers,languages,TRUE,\n"  # a description in the ring column
        "KAFKA,adopt,tools,FALSE,<p>Again</p>\n"
        ",trial,tools,TRUE,\n"
    )
    sheet = _sheet(tmp_path / "in", "2024-05.csv", rows)
    result = _import("byor", str(sheet), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "dropped: 2024-05.csv:4: 7 values for 5 columns" in result.stdout
    assert (
        "dropped: 2024-05.csv:5: 'Kotlin' has ring 'Great for Android apps and servers', which is not a ring name"
        in result.stdout
    )
    assert "dropped: 2024-05.csv:7: the row has no name" in result.stdout
    assert "merged: 2024-05.csv:6: 'KAFKA' is 'Kafka' again (2024-05.csv:3)" in result.stdout
    assert sorted(p.name for p in (tmp_path / "radar" / "blips").iterdir()) == ["go.md", "kafka.md"]
    assert _blip(tmp_path / "radar", "kafka")["ring"] == "adopt"


def test_ids_are_ascii_stable_and_never_collide(tmp_path):
    names = ["Яндекс", "Zürich Tools", "C", "C#", "C++", "???", "Event API’s", "SAFe™", "数据湖"]
    rows = "".join(f'"{n}",trial,tools,TRUE,\n' for n in names) + '"c-sharp",trial,tools,TRUE,\n'
    sheet = _sheet(tmp_path / "in", "2024-05.csv", rows)
    result = _import("byor", str(sheet), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    ids = Ids()
    got = {n: ids.get(n) for n in [*names, "c-sharp"]}
    assert got["Яндекс"] == "yandeks" and got["Zürich Tools"] == "zurich-tools"
    assert (got["C"], got["C#"], got["C++"]) == ("c", "c-sharp", "c-plus-plus")
    assert got["Event API’s"] == "event-apis" and got["SAFe™"] == "safe" and got["数据湖"] == base_id("数据湖")
    assert got["???"].startswith("blip-") and got["c-sharp"].startswith("c-sharp-")  # taken by C#
    assert len(set(got.values())) == len(got)
    assert Ids().get("???") == got["???"]  # generated ids are stable too
    files = {p.stem for p in (tmp_path / "radar" / "blips").iterdir()}
    assert files == set(got.values()) | {"go"} and all(f.isascii() for f in files)
    assert (
        "renamed: '???' -> blip-" in result.stdout and "renamed: 'Яндекс' -> yandeks (transliterated)" in result.stdout
    )


def test_mojibake_is_repaired_and_reported(tmp_path):
    sheet = _sheet(tmp_path / "in", "2024-05.csv", '"TomcatÂ®",trial,tools,TRUE,<p>CafÃ© server</p>\n')
    result = _import("byor", str(sheet), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "'TomcatÂ®' repaired to 'Tomcat®' (mojibake)" in result.stdout
    blip = _blip(tmp_path / "radar", "tomcat")
    assert blip["title"] == "Tomcat®" and blip["summary"] == "Café server"


def test_nothing_is_overwritten_without_force_and_a_failed_import_changes_nothing(tmp_path):
    sheet = _sheet(tmp_path / "in", "2024-05.csv", "Kafka,trial,tools,TRUE,\n")
    target = tmp_path / "radar"
    assert _import("byor", str(sheet), "--source", str(target)).returncode == 0
    before = {p: p.read_bytes() for p in target.rglob("*") if p.is_file()}
    again = _import("byor", str(sheet), "--source", str(target))
    assert again.returncode == 1 and "--force" in again.stderr
    seven = "".join(f"T{i},ring{i},tools,TRUE,\n" for i in range(7))  # seven rings: the check refuses them
    failed = _import("byor", str(_sheet(tmp_path / "in", "2024-06.csv", seven)), "--source", str(target), "--force")
    assert failed.returncode == 1 and "is unchanged" in failed.stderr
    assert {p: p.read_bytes() for p in target.rglob("*") if p.is_file()} == before
    assert _import("byor", str(sheet), "--source", str(target), "--force").returncode == 0


def test_an_id_column_cannot_write_outside_the_radar(tmp_path):
    header = "name,ring,quadrant,isNew,description,id\n"
    rows = "Kafka,trial,tools,TRUE,,../../escape\nKotlin,trial,languages,TRUE,,kotlin-lang\n"
    sheet = _sheet(tmp_path / "in", "2024-05.csv", rows, header=header)
    result = _import("byor", str(sheet), "--source", str(tmp_path / "radar"))
    assert result.returncode == 0, result.stderr
    assert "id '../../escape' is not an id" in result.stdout
    assert sorted(p.name for p in (tmp_path / "radar" / "blips").iterdir()) == ["go.md", "kafka.md", "kotlin-lang.md"]
    assert not (tmp_path / "escape.md").exists() and not list(tmp_path.glob("*.md"))


def test_hostile_sheets_are_reported_not_raised(tmp_path):
    inputs = tmp_path / "in"
    rows = f'Ant,hold,tools,TRUE,\nKafka,trial,tools,TRUE,"{"x" * 200_000}"\nLate,trial,tools,TRUE,\n'
    huge = _sheet(inputs, "2024-01.csv", rows)
    deep = inputs / "2024-04.json"
    deep.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    result = _import("byor", str(huge), str(deep), "--source", str(tmp_path / "radar"))
    assert "2024-01.csv:4: unreadable CSV from here on" in result.stdout + result.stderr
    assert "2024-04.json:1: not readable: nested too deeply" in result.stdout + result.stderr
    assert result.returncode == 0, result.stderr  # Go and Ant, read before the huge field, are imported
    assert "2024-04.json: no row could be read: not used as an edition" in result.stdout
    assert sorted(p.stem for p in (tmp_path / "radar" / "blips").iterdir()) == ["ant", "go"]
    page = tmp_path / "page.html"
    page.write_text("radar_visualization(" + "{a:" * 50_000 + "1" + "}" * 50_000 + ")", encoding="utf-8")
    refused = radar("import", "zalando", str(page), "--source", str(tmp_path / "z"))
    assert refused.returncode == 1 and "radar import:" in refused.stderr
