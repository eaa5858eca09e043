"""Blip numbers readers can keep: the same number while a blip stays on the radar (README, "Numbers")."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT
from inprocess import radar as in_process

from generator.content.load import load
from generator.domain.views import EditionView


def views(root: Path) -> list[EditionView]:
    radar, problems = load(root)
    assert radar is not None and not problems.errors
    return [EditionView(radar, e) for e in radar.editions]


def test_a_blip_keeps_its_number_across_every_edition_of_the_sample():
    editions = views(ROOT)
    assert len(editions) >= 3
    for before, after in zip(editions, editions[1:], strict=False):
        kept = set(before.numbers) & set(after.numbers)
        assert kept, (before.edition, after.edition)
        for ident in kept:
            assert before.numbers[ident] == after.numbers[ident], (ident, before.edition, after.edition)
        # A newcomer never takes a number that meant another blip in the edition before.
        for ident in set(after.numbers) - set(before.numbers):
            assert after.numbers[ident] not in before.numbers.values(), (ident, after.edition)
    for view in editions:
        numbers = list(view.numbers.values())
        assert len(set(numbers)) == len(numbers) and set(view.numbers) == {s.blip.id for s in view.on_radar}
    # The case from the issue: Digital twins was 3 in 2026-Q3 and 5 in 2026-Q4 under legend numbering.
    q3, q4 = (v for v in editions if v.edition in ("2026-Q3", "2026-Q4"))
    assert q3.numbers["digital-twins"] == q4.numbers["digital-twins"]


def test_newcomers_take_the_lowest_free_number_and_a_returning_blip_a_new_one(radar_dir, tmp_path: Path):
    hist = "history:\n  - {{edition: 2026-Q1, ring: trial}}\n{more}"
    radar_dir.blip("alpha", title="Alpha", extra=hist.format(more=""))
    radar_dir.blip("beta", title="Beta", extra=hist.format(more="  - {edition: 2026-Q2, retired: true}\n"))
    radar_dir.blip("gamma", title="Gamma", extra=hist.format(more=""))
    radar_dir.blip("aardvark", title="Aardvark", extra="history:\n  - {edition: 2026-Q2, ring: trial}\n")
    q1, q2 = views(radar_dir.root)
    assert q1.numbers == {"alpha": 1, "beta": 2, "gamma": 3}  # the first edition: legend order
    # Aardvark sorts first in the legend, yet Alpha and Gamma keep 1 and 3; Beta's 2 is not reused
    # in the edition right after it left, so Aardvark takes 4.
    assert q2.numbers == {"alpha": 1, "gamma": 3, "aardvark": 4}
    out = tmp_path / "site"
    assert in_process("build", "--source", str(radar_dir.root), "--out", str(out)).returncode == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'value="4" data-id="aardvark"' in index and ">4</text>" in index


def test_the_legend_reads_in_number_order_within_each_ring_of_every_edition():
    # On paper a reader finds "17" on the picture and looks it up in the legend: within a ring the
    # numbers must ascend, also after blips have moved between rings (the sample's 2026-Q4 has moves).
    moved = 0
    for view in views(ROOT):
        for _quadrant, rings in view.grouped():
            for _ring, standings in rings:
                numbers = [view.numbers[s.blip.id] for s in standings]
                assert numbers == sorted(numbers), (view.edition, _ring.id, numbers)
                titles = [s.blip.title.casefold() for s in standings]
                moved += titles != sorted(titles)
    assert moved, "the sample has no ring where number order differs from title order: the test proves nothing"
