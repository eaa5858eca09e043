"""bench/peer.py converts a radar into AOE's Technology Radar 4.x content so the peer builds the same
radar we do: one file per edition under radar/<release date>/, merged by AOE in date order."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

from generator.content.load import load

spec = importlib.util.spec_from_file_location("peer", ROOT / "bench" / "peer.py")
assert spec and spec.loader
peer = sys.modules["peer"] = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)


def aoe_items(project: Path) -> dict[str, dict]:
    """What AOE 4.4.0's buildData makes of the files: releases in date order, each file's front
    matter merged over the item's earlier ones (its body replaces the earlier body when not empty)."""
    items: dict[str, dict] = {}
    for folder in sorted((project / "radar").iterdir()):
        for path in sorted(folder.glob("*.md")):
            _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
            item = items.setdefault(path.stem, {"releases": []})
            item.update(yaml.safe_load(front))
            item["body"] = body.strip() or item.get("body", "")
            item["releases"].append(folder.name)
    return items


def test_history_becomes_one_file_per_release_and_a_retirement_leaves_the_picture(radar_dir, tmp_path):
    history = (
        "history:\n  - {edition: 2026-Q1, ring: assess, note: Seen at a meetup}\n  - {edition: 2026-Q2, ring: trial}\n"
    )
    radar_dir.blip("kafka", ring="trial", extra=f"summary: A log.\ntags: [data]\n{history}", body="Kafka *body*.")
    gone = "history:\n  - {edition: 2025-Q4, ring: hold}\n  - {edition: 2026-Q2, retired: true, note: Gone}\n"
    radar_dir.blip("old", ring="hold", extra=gone)
    radar_dir.blip("quiet", ring="adopt", extra="featured: false\n")

    assert peer.convert(radar_dir.root, tmp_path / "aoe") == 3

    project = tmp_path / "aoe"
    items = aoe_items(project)
    assert items["kafka"]["releases"] == ["2026-01-01", "2026-04-01"]
    assert (project / "radar/2026-01-01/kafka.md").read_text(encoding="utf-8").endswith("Seen at a meetup\n")
    kafka = items["kafka"]
    assert (kafka["ring"], kafka["quadrant"], kafka["tags"], kafka["featured"]) == ("trial", "data", ["data"], True)
    assert kafka["body"] == "A log.\n\nKafka *body*."
    # AOE cannot retire an item: it keeps its last ring, listed but not drawn
    assert (items["old"]["ring"], items["old"]["featured"], items["old"]["releases"]) == (
        "hold",
        False,
        ["2025-10-01", "2026-04-01"],
    )
    assert items["quiet"]["featured"] is False
    config = json.loads((project / "config.json").read_text(encoding="utf-8"))
    assert [q["id"] for q in config["quadrants"]] == ["data", "tools", "platforms", "methods"]
    assert [(r["id"], r["radius"]) for r in config["rings"]] == [
        ("adopt", 0.5),
        ("trial", 0.69),
        ("assess", 0.85),
        ("hold", 1.0),
    ]


def test_a_rerun_replaces_the_content_and_keeps_the_rest(radar_dir, tmp_path):
    radar_dir.blip("kafka")
    project = tmp_path / "aoe"
    (project / "radar/2020-01-01").mkdir(parents=True)
    (project / "radar/2020-01-01/stale.md").write_text("---\ntitle: Stale\n---\n", encoding="utf-8")
    (project / "node_modules").mkdir()

    peer.convert(radar_dir.root, project)

    assert not (project / "radar/2020-01-01").exists()
    assert (project / "node_modules").is_dir()
    assert set(aoe_items(project)) == {"kafka"}


def test_the_sample_arrives_in_aoe_as_it_stands_on_our_radar(tmp_path):
    radar, _ = load(ROOT)
    assert radar is not None
    assert peer.convert(ROOT, tmp_path / "aoe") == len(radar.blips)

    items = aoe_items(tmp_path / "aoe")
    assert set(items) == set(radar.blips)
    for blip in radar.blips.values():
        item = items[blip.id]
        retired = bool(blip.history) and blip.history[-1].retired
        assert (item["title"], item["ring"], item["quadrant"]) == (blip.title, blip.ring, blip.quadrant)
        assert item["featured"] is (blip.featured and not retired)
        assert item["body"].startswith(blip.summary)


def test_aoe_draws_four_quadrants_and_four_rings_only(radar_dir, tmp_path):
    radar_dir.write(
        "radar/radar.yaml",
        radar_dir.root.joinpath("radar/radar.yaml").read_text().replace("  - {id: hold, name: Hold}\n", ""),
    )
    radar_dir.blip("kafka")
    with pytest.raises(peer.Failed, match="four rings"):
        peer.convert(radar_dir.root, tmp_path / "aoe")
