"""Placement: no overlaps, no blip on a ring border or quadrant axis, stable when a blip is added, grown when full.

The checks measure distances on the placed spots themselves, so they hold for
any placement algorithm, not just the current one; they run at the sizes the
issue names (30 and 500 blips) and on a segment far over capacity.
"""

from __future__ import annotations

import json
import math
import random
import re

import pytest
from conftest import RadarDir
from inprocess import radar

from generator.domain.layout import BLIP_R, CLEAR, GAP, LABEL_CLEAR, Item, Layout, layout

EDITIONS = ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2")
CURRENT = EDITIONS[-1]
TOL = 1e-3  # spots are rounded to 4 decimals


def make_items(count: int, quadrants: int = 4, rings: int = 4, seed: int = 7) -> list[Item]:
    """A realistic spread: more blips in the outer rings, editions oldest to newest."""
    rng = random.Random(seed)
    ring_weights = [1 + r for r in range(rings)]
    items = []
    for i in range(count):
        ring = rng.choices(range(rings), weights=ring_weights)[0]
        items.append(Item(f"tech-{i:04d}", rng.randrange(quadrants), ring, (rng.choice(EDITIONS[:-1]),)))
    return items


def violations(result: Layout, items: list[Item]) -> list[str]:
    """Every broken rule, as text: overlaps, ring borders, axes, wrong sector."""
    g = result.geometry
    found = []
    assert set(result.spots) == {i.id for i in items}, "every item is placed"
    for item in items:
        x, y = result.spots[item.id]
        r = math.hypot(x, y)
        if r < g.inner(item.ring) + CLEAR - TOL or r > g.radii[item.ring] - CLEAR + TOL:
            found.append(
                f"{item.id}: r={r:.3f} not clear inside ring {item.ring} {g.inner(item.ring)}..{g.radii[item.ring]}"
            )
        start, end = g.sector(item.quadrant)
        angle = math.atan2(y, x)
        # the angle measured from the sector's start, counter-clockwise, in [0, 2pi)
        offset = (angle - start) % (2 * math.pi)
        if offset > end - start:
            found.append(f"{item.id}: angle outside quadrant {item.quadrant}")
            continue
        clear_start, clear_end = g.margins(item.quadrant)
        for axis, clear in ((start, clear_start), (end, clear_end)):
            distance = abs(x * math.sin(axis) - y * math.cos(axis))  # to the axis line through the centre
            if distance < clear - TOL:
                found.append(f"{item.id}: {distance:.3f} from an axis, needs {clear}")
    found.extend(overlaps(result))
    return found


def overlaps(result: Layout) -> list[str]:
    """Pairs of blips closer than 2*BLIP_R + GAP (a grid keeps this fast at 10 000 blips)."""
    size = 2 * BLIP_R + GAP
    cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    for ident, (x, y) in result.spots.items():
        cells.setdefault((math.floor(x / size), math.floor(y / size)), []).append((ident, x, y))
    found = []
    for (cx, cy), members in cells.items():
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for a, ax, ay in members:
                    for b, bx, by in cells.get((cx + dx, cy + dy), ()):
                        if a < b and math.dist((ax, ay), (bx, by)) < size - TOL:
                            found.append(f"{a} and {b} are {math.dist((ax, ay), (bx, by)):.3f} apart")
    return found


def test_the_checker_catches_overlaps_and_borders():
    """A placement that breaks each rule must be reported; otherwise the tests below prove nothing."""
    items = [Item("a", 0, 1, ("",)), Item("b", 0, 1, ("",)), Item("c", 0, 1, ("",))]
    good = layout(items, 4, 4)
    assert violations(good, items) == []
    g = good.geometry
    on_border = (g.radii[1] * math.cos(math.pi / 4), g.radii[1] * math.sin(math.pi / 4))
    bad = Layout(g, {"a": (5.0, 12.0), "b": (5.5, 12.0), "c": on_border}, ())
    found = violations(bad, items)
    assert any("a and b" in f for f in found)
    assert any(f.startswith("c: r=") for f in found)
    near_axis = Layout(g, {**good.spots, "a": (0.5, (g.inner(1) + g.radii[1]) / 2)}, ())
    assert any("from an axis" in f for f in violations(near_axis, items))
    wrong_quadrant = Layout(g, {**good.spots, "a": (-good.spots["a"][0], good.spots["a"][1])}, ())
    assert any("outside quadrant" in f for f in violations(wrong_quadrant, items))


@pytest.mark.parametrize("count", [30, 500])
def test_no_overlaps_no_borders_no_axes(count):
    items = make_items(count)
    result = layout(items, 4, 4)
    assert violations(result, items) == []


@pytest.mark.parametrize(("quadrants", "rings"), [(2, 2), (3, 6), (5, 3), (8, 4)])
def test_other_shapes_of_radar(quadrants, rings):
    items = make_items(80, quadrants, rings, seed=quadrants * 10 + rings)
    result = layout(items, quadrants, rings)
    assert violations(result, items) == []


def test_the_ring_name_corridor_is_kept_free():
    """The 9 o'clock axis carries the ring names: blips keep LABEL_CLEAR from it."""
    items = make_items(500)
    result = layout(items, 4, 4)
    for item in items:
        x, y = result.spots[item.id]
        if x < 0:
            assert abs(y) >= LABEL_CLEAR - TOL, item.id


def test_a_segment_far_over_capacity_grows_and_is_reported():
    items = make_items(60)
    crowd = [Item(f"crowd-{i:03d}", 1, 0, ("2025-Q1",)) for i in range(250)]  # 250 in the innermost ring
    result = layout(items + crowd, 4, 4)
    assert violations(result, items + crowd) == []
    assert result.grown, "growth must be reported"
    ring, quadrant, count, factor = result.grown[0]
    already = sum(1 for i in items if (i.ring, i.quadrant) == (0, 1))
    assert (ring, quadrant, count) == (0, 1, 250 + already) and factor > 2


@pytest.mark.parametrize("count", [30, 500])
def test_adding_a_new_blip_moves_no_other(count):
    items = make_items(count)
    before = layout(items, 4, 4)
    for quadrant in range(4):
        added = Item(f"new-{quadrant}", quadrant, 3, (CURRENT,))  # first history entry in the current edition
        after = layout([*items, added], 4, 4)
        if after.geometry != before.geometry:
            continue  # a ring had to grow: everything may move, and the build says so
        assert {k: v for k, v in after.spots.items() if k != added.id} == before.spots
        assert violations(after, [*items, added]) == []
        return
    pytest.fail("every addition changed the geometry; the stability case was never exercised")


def test_a_new_blip_sorting_first_by_id_moves_no_older_blip():
    items = make_items(30)
    before = layout(items, 4, 4)
    added = Item("aaa-first-by-name", items[0].quadrant, items[0].ring, (CURRENT,))
    after = layout([*items, added], 4, 4)
    assert after.geometry == before.geometry
    assert {k: v for k, v in after.spots.items() if k != added.id} == before.spots


def test_placement_is_deterministic_regardless_of_order():
    items = make_items(500)
    reference = layout(items, 4, 4)
    shuffled = items[:]
    random.Random(1).shuffle(shuffled)
    again = layout(shuffled, 4, 4)
    assert again.spots == reference.spots and again.geometry == reference.geometry
    assert list(again.spots) == sorted(again.spots, key=list(reference.spots).index)


def test_placement_is_seeded_per_id_not_per_position():
    """Renaming one blip moves that blip only (its seed is its id)."""
    items = make_items(30)
    before = layout(items, 4, 4)
    newest = max(items, key=lambda i: (i.priority, i.id))
    renamed = [i if i is not newest else Item("renamed", i.quadrant, i.ring, i.priority) for i in items]
    after = layout(renamed, 4, 4)
    assert {k: v for k, v in after.spots.items() if k != "renamed"} == {
        k: v for k, v in before.spots.items() if k != newest.id
    }


# --- through the real build ------------------------------------------------------------------


def _places(site) -> dict[str, tuple[float, float]]:
    data = json.loads((site / "radar.json").read_text(encoding="utf-8"))
    return {b["id"]: (b["x"], b["y"]) for b in data["blips"] if b["on_radar"]}


def test_build_adds_a_blip_without_moving_the_others(radar_dir: RadarDir, tmp_path):
    rng = random.Random(3)
    quadrants, rings = ("data", "tools", "platforms", "methods"), ("adopt", "trial", "assess", "hold")
    for i in range(30):
        ring = rng.choice(rings)
        radar_dir.blip(
            f"blip-{i:02d}",
            title=f"Blip {i}",
            quadrant=rng.choice(quadrants),
            ring=ring,
            extra=f"history:\n  - {{edition: 2026-Q1, ring: {ring}}}\n",
        )
    first = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "one"))
    assert first.returncode == 0, first.stderr
    radar_dir.blip("a-new-one", title="A new one", quadrant="tools", ring="assess")  # no history: new now
    second = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "two"))
    assert second.returncode == 0, second.stderr
    before, after = _places(tmp_path / "one"), _places(tmp_path / "two")
    assert set(after) == set(before) | {"a-new-one"}
    assert {k: after[k] for k in before} == before


def test_build_reports_growth_instead_of_overlapping(radar_dir: RadarDir, tmp_path):
    for i in range(45):
        radar_dir.blip(f"crowd-{i:02d}", title=f"Crowd {i}", quadrant="data", ring="adopt")
    radar_dir.blip("alone", quadrant="tools", ring="hold")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert "note: ring 'Adopt' was widened" in result.stderr
    assert "its 45 blips in quadrant 'Data' do not overlap" in result.stderr
    places = _places(tmp_path / "site")
    assert len(places) == 46
    svg = (tmp_path / "site" / "radar.svg").read_text(encoding="utf-8")
    r = float(re.search(r'class="blip [^>]*>.*?<circle [^>]*r="([\d.]+)"', svg)[1])
    points = list(places.values())
    for i, a in enumerate(points):
        for b in points[i + 1 :]:
            assert math.dist(a, b) >= 2 * r
