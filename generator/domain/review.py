"""The leadership review of one edition: what is new, what moved in or out, what was retired, and why.

Everything here is derived from `editions.snapshot` through an `EditionView`, so
the moves page, the archive, the review PDF and `radar moves` can never tell a
different story.  Plain data: the words are in `outputs/review_text.py`, the chart
and the PDF in `outputs/charts.py` and `outputs/review_pdf.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..content.model import Radar, Segment
from .editions import MOVED_IN, MOVED_OUT, NEW, RETIRED, STATUSES, UNCHANGED, Standing, previous_edition
from .views import EditionView


@dataclass
class Review:
    """One edition compared with the one before it."""

    view: EditionView

    @property
    def radar(self) -> Radar:
        return self.view.radar

    @property
    def edition(self) -> str:
        return self.view.edition

    @cached_property
    def previous(self) -> str | None:
        return previous_edition(self.radar, self.edition)

    @cached_property
    def counts(self) -> dict[str, int]:
        """Blips per status, in the fixed order of `STATUSES` (zeros included, so tables line up)."""
        counts = dict.fromkeys(STATUSES, 0)
        for s in self.view.standings:
            counts[s.status] += 1
        return counts

    @cached_property
    def returned(self) -> int:
        return sum(1 for s in self.view.standings if s.returned)

    def _order(self, standings: list[Standing]) -> list[Standing]:
        q = {s.id: s.index for s in self.radar.quadrants}
        return sorted(standings, key=lambda s: (q[s.blip.quadrant], s.blip.title.casefold(), s.blip.id))

    @cached_property
    def moves(self) -> list[tuple[Segment, list[Standing]]]:
        """Moved blips (and blips back after retirement), grouped by quadrant; empty quadrants left out."""
        moved = [s for s in self.view.standings if s.status in (MOVED_IN, MOVED_OUT) or s.returned]
        groups = []
        for quadrant in self.radar.quadrants:
            members = [s for s in self._order(moved) if s.blip.quadrant == quadrant.id]
            if members:
                groups.append((quadrant, members))
        return groups

    @cached_property
    def moved_count(self) -> int:
        return sum(len(members) for _, members in self.moves)

    @cached_property
    def new(self) -> list[Standing]:
        return self._order([s for s in self.view.standings if s.status == NEW])

    @cached_property
    def retired(self) -> list[Standing]:
        return self._order([s for s in self.view.standings if s.status == RETIRED])

    @property
    def rings(self) -> tuple:
        """The rings of this edition: an archived edition keeps a renamed ring's old name."""
        return self.view.rings

    @cached_property
    def matrix(self) -> list[list[int]]:
        """Counts from ring (rows: 'new' then every ring) to ring (columns: every ring then 'retired')."""
        index = self.view.ring_positions
        size = len(self.rings)
        grid = [[0] * (size + 1) for _ in range(size + 1)]
        for s in self.view.standings:
            row = 0 if s.status == NEW or s.previous_ring is None else index[s.previous_ring] + 1
            col = size if s.ring is None else index[s.ring]
            grid[row][col] += 1
        return grid

    def cell_kind(self, row: int, col: int) -> str:
        """The status a matrix cell stands for: its row and column say it, whatever its count."""
        size = len(self.rings)
        if row == 0:
            return NEW if col < size else RETIRED
        if col == size:
            return RETIRED
        return UNCHANGED if row - 1 == col else MOVED_IN if col < row - 1 else MOVED_OUT


def review(radar: Radar, edition: str | None = None, view: EditionView | None = None) -> Review:
    """The review of `edition` (default: the current one), reusing a laid-out view when there is one."""
    return Review(view or EditionView(radar, edition or radar.edition))
