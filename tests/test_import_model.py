"""What import needs from the content model: editions where nothing moved, messages from the radar
at hand, colours moved to the nearest that passes, an assets folder copied into the site."""

from __future__ import annotations

from inprocess import radar
from test_build import link_problems

from generator.content.load import load
from generator.content.theme import contrast, nearest_passing


def test_an_edition_in_which_nothing_moved_stays_in_the_archive(radar_dir, tmp_path):
    text = (radar_dir.root / "radar" / "radar.yaml").read_text(encoding="utf-8")
    radar_dir.write("radar/radar.yaml", text + "editions: [2025-Q4, 2026-Q1, 2026-Q2]\n")
    radar_dir.blip("kafka", extra="history:\n  - {edition: 2025-Q4, ring: trial}\n")
    loaded, problems = load(radar_dir.root)
    assert loaded is not None and problems.errors == []
    assert loaded.editions == ["2025-Q4", "2026-Q1", "2026-Q2"]  # 2026-Q1: no entry at all
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "editions" / "2026-Q1").is_dir()
    assert link_problems(tmp_path / "site") == []


def test_editions_after_the_current_one_are_refused(radar_dir):
    text = (radar_dir.root / "radar" / "radar.yaml").read_text(encoding="utf-8")
    radar_dir.write("radar/radar.yaml", text + "editions: [2026-Q1, 2027-Q1, spring]\n")
    _, problems = load(radar_dir.root)
    messages = [p.text() for p in problems.errors]
    assert any("radar/radar.yaml:14:" in m and "'2027-Q1' in 'editions'" in m for m in messages), messages
    assert any("'spring' in 'editions'" in m for m in messages), messages


def test_examples_in_messages_come_from_the_radar_at_hand(radar_dir):
    radar_dir.blip("kafka", ring="Adopt")
    radar_dir.write("blips/no-ring.md", "---\ntitle: No ring\nquadrant: data\n---\n")
    _, problems = load(radar_dir.root)
    messages = [p.text() for p in problems.errors]
    assert any("blips/kafka.md:4:7:" in m and "did you mean 'adopt'?" in m for m in messages), messages
    assert not any("beproeven" in m for m in messages), messages
    assert any("blips/no-ring.md" in m and "'ring: adopt'" in m for m in messages), messages


def test_a_colour_that_fails_contrast_gets_the_nearest_passing_one(radar_dir):
    text = (radar_dir.root / "radar" / "radar.yaml").read_text(encoding="utf-8")
    radar_dir.write(
        "radar/radar.yaml", text.replace("{id: data, name: Data}", "{id: data, name: Data, color: '#84bfa4'}")
    )
    _, problems = load(radar_dir.root)
    suggested = nearest_passing("#84bfa4", "#ffffff")
    assert contrast(suggested, "#ffffff") >= 4.5 > contrast("#84bfa4", "#ffffff")
    assert any(f"'color: \"{suggested}\"'" in p.message for p in problems.errors), problems.errors
    assert contrast(suggested, "#ffffff") < 4.7  # the nearest: just past the line, not black


def test_assets_are_copied_into_the_site_and_their_links_resolve(radar_dir, tmp_path):
    radar_dir.write("assets/diagrams/flow.png", b"\x89PNG fake")
    radar_dir.write("assets/.hidden", b"secret")
    radar_dir.blip("kafka", body="![Flow](../assets/diagrams/flow.png) and [the diagram](../assets/diagrams/flow.png)")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / "assets" / "diagrams" / "flow.png").read_bytes() == b"\x89PNG fake"
    assert not (site / "assets" / ".hidden").exists()
    assert '<img src="../assets/diagrams/flow.png"' in (site / "blips" / "kafka.html").read_text(encoding="utf-8")
    assert link_problems(site) == []


def test_an_imported_radar_lists_every_snapshot_edition(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("2024-01.csv", "2024-04.csv"):  # the same sheet twice: nothing moves in 2024-Q2
        (inputs / name).write_text("name,ring,quadrant\nGo,adopt,Languages\nKafka,trial,Tools\n", encoding="utf-8")
    result = radar("import", "byor", *sorted(str(p) for p in inputs.iterdir()), "--source", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    loaded, _ = load(tmp_path / "r")
    assert loaded is not None and loaded.editions == ["2024-Q1", "2024-Q2"]


RENAMED = """\
title: Test Radar
language: en
edition: 2022-Q1
quadrants:
  - {id: data, name: Data}
  - {id: tools, name: Tools}
rings:
  - {id: adopt, name: Adopt}
  - {id: trial, name: Trial}
  - {id: explore, name: Explore, until: 2020-Q4}
  - {id: assess, name: Assess, from: 2021-Q1}
  - {id: hold, name: Hold}
  - {id: wait, name: Wait, until: 2019-Q4}
  - {id: drop, name: Drop, until: 2019-Q4}
"""


def test_a_renamed_ring_keeps_its_old_name_in_older_editions(tmp_path):
    from conftest import RadarDir

    from generator.domain.editions import snapshot

    radar_dir = RadarDir(tmp_path / "src")
    radar_dir.write("radar/radar.yaml", RENAMED)  # 7 rings over the years, at most 6 at once
    radar_dir.write("radar/capabilities.yaml", "")
    (radar_dir.root / "radar" / "capabilities.yaml").unlink()
    (radar_dir.root / "radar" / "initiatives" / "pilot-one.md").unlink()
    history = "history:\n  - {edition: 2019-Q1, ring: wait}\n  - {edition: 2020-Q1, ring: explore}\n"
    radar_dir.blip("kafka", ring="assess", extra=history + "  - {edition: 2021-Q1, ring: assess}\n")
    radar_dir.blip("kept", ring="explore", extra="history:\n  - {edition: 2020-Q2, ring: explore}\n")
    radar_dir.blip("late", ring="trial", extra="history:\n  - {edition: 2021-Q2, ring: explore}\n")
    loaded, problems = load(radar_dir.root)
    messages = [p.text() for p in problems.errors]
    assert loaded is not None
    assert [r.id for r in loaded.rings] == ["adopt", "trial", "assess", "hold"]
    assert any("blips/late.md" in m and "'explore' is not a ring in 2021-Q2" in m for m in messages), messages
    assert any("blips/kept.md" in m and "unknown ring 'explore'" in m for m in messages), messages  # not current
    radar_dir.blip("late", ring="trial")
    radar_dir.blip(
        "kept",
        ring="assess",
        extra="history:\n  - {edition: 2020-Q2, ring: explore}\n  - {edition: 2021-Q1, ring: assess}\n",
    )
    loaded, problems = load(radar_dir.root)
    assert loaded is not None and problems.errors == [], problems.errors
    assert [r.name for r in loaded.rings_at("2020-Q2")] == ["Adopt", "Trial", "Explore", "Hold"]
    status = {s.blip.id: s.status for s in snapshot(loaded, "2021-Q1")}
    assert status["kafka"] == status["kept"] == "unchanged"  # Explore -> Assess is a rename, not a move
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    old = (tmp_path / "site" / "editions" / "2020-Q2" / "index.html").read_text(encoding="utf-8")
    new = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Explore" in old and "Explore" not in new and "Assess" in new
    assert link_problems(tmp_path / "site") == []


def test_more_than_six_rings_at_once_is_still_refused(tmp_path):
    from conftest import RadarDir

    radar_dir = RadarDir(tmp_path / "src")
    seven = RENAMED.replace("until: 2019-Q4", "until: 2021-Q4").replace("until: 2020-Q4", "until: 2021-Q4")
    radar_dir.write("radar/radar.yaml", seven)
    _, problems = load(radar_dir.root)
    assert any("2021-Q1 has 7 rings; an edition has at most 6" in p.message for p in problems.errors), problems.items


def test_an_imported_radar_in_any_language_builds_with_an_english_interface(radar_dir, tmp_path):
    text = (radar_dir.root / "radar" / "radar.yaml").read_text(encoding="utf-8")
    radar_dir.write("radar/radar.yaml", text.replace("language: en", "language: ru"))
    radar_dir.blip("kafka", title="Кафка", body="Потоковая обработка.")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ru">' in home and "Downloads" in home  # no Russian interface: English words
    radar_dir.write("radar/radar.yaml", text.replace("language: en", "language: 'ru RU'"))
    _, problems = load(radar_dir.root)
    assert any("'ru RU' is not a language code" in p.message for p in problems.errors), problems.items
