"""What import needs from the content model: editions where nothing moved, messages from the radar
at hand, colours moved to the nearest that passes, an assets folder copied into the site."""

from __future__ import annotations

from inprocess import radar
from test_build import link_problems

from generator.content.load import load
from generator.render.theme import contrast, nearest_passing


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
