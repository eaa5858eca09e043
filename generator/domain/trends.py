"""Numbers over every edition: each cell's score, and the radar's counts per status and per ring.

Plain data for the trend charts and their tables (the capability model page, the
archive and the review PDF), so a chart and the table beside it read one source.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Cell, Radar, Score
from .comparison import RETURNED, compare, previous_of
from .editions import STATUSES


@dataclass(frozen=True)
class CellTrend:
    cell: Cell
    scores: tuple[Score | None, ...]  # the score in force at each edition of `Trends.editions`


@dataclass(frozen=True)
class EditionCounts:
    edition: str
    on_radar: int
    statuses: dict[str, int]  # every status of `STATUSES`, then how many came back
    rings: dict[str, int]  # ring id -> technologies in it


@dataclass(frozen=True)
class Trends:
    editions: tuple[str, ...]
    cells: tuple[CellTrend, ...]
    counts: tuple[EditionCounts, ...]

    @property
    def scored(self) -> bool:
        return any(s is not None for c in self.cells for s in c.scores)


def trends(radar: Radar) -> Trends:
    editions = tuple(radar.editions)
    model = radar.capabilities
    cells = tuple(
        CellTrend(cell, tuple(cell.score(e) for e in editions)) for cell in (model.cells.values() if model else ())
    )
    counts = []
    for e in editions:
        c = compare(radar, previous_of(radar, e), e)
        rings = dict.fromkeys((r.id for r in radar.all_rings), 0)  # a ring that ended still counts in its editions
        for s in c.standings:
            if s.ring is not None:
                rings[s.ring] += 1
        statuses = {k: c.counts[k] for k in STATUSES} | {RETURNED: c.returned}
        counts.append(EditionCounts(e, sum(rings.values()), statuses, rings))
    return Trends(editions, cells, tuple(counts))
