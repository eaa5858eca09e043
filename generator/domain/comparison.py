"""Any two editions compared: the one review model every format of the quarterly review reads.

`compare(radar, A, B)` says, for every technology on the radar in A or B, how it
stands in B against A.  For consecutive editions that is exactly
`editions.snapshot(B)`; for a wider span (a year) the notes written in between
are kept.  Text, Markdown, CSV, the spreadsheet, the pages, the chart and the
PDF all count from a `Comparison`, so they cannot disagree on a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..content.model import Blip, Cell, Radar, Score, Segment
from ..content.schema import SCORE_STATUSES
from .editions import MOVED_IN, MOVED_OUT, NEW, RETIRED, STATUSES, UNCHANGED, Standing, entry_at

RETURNED = "returned"  # back on the radar after being off it: a flag on a standing, a row of the chart

UP, DOWN, SAME, FIRST, NONE = "up", "down", "same", "first", "none"


def _ring_before(blip: Blip, edition: str) -> str | None:
    """The last ring the blip stood in at or before `edition` (whether or not it is still on the radar)."""
    for entry in reversed(blip.history):
        if entry.edition <= edition and not entry.retired:
            return entry.ring
    return None


def _notes(blip: Blip, start: str | None, end: str, spans: bool) -> str:
    """The notes written after `start` up to `end`; over more than one edition each says its edition."""
    entries = [e for e in blip.history if (start is None or e.edition > start) and e.edition <= end and e.note]
    if not spans:
        return next((e.note for e in entries if e.edition == end), "")
    if len(entries) == 1 and entries[0].edition == end:
        return entries[0].note
    return " · ".join(f"{e.edition}: {e.note}" for e in entries)


def change(blip: Blip, start: str | None, end: str, ring_index: dict[str, int], spans: bool) -> Standing | None:
    """How `blip` stands in `end` against `start` (None: before the first edition), or None when on neither."""
    at_end = entry_at(blip, end)
    on_end = at_end is not None and not at_end.retired
    at_start = entry_at(blip, start) if start else None
    on_start = at_start is not None and not at_start.retired
    note = _notes(blip, start, end, spans)
    if not on_end:
        if on_start:
            return Standing(blip, None, RETIRED, at_start.ring, note)  # type: ignore[union-attr]
        return None
    assert at_end is not None and at_end.ring is not None
    if on_start:
        previous, returned = at_start.ring, False  # type: ignore[union-attr]
    else:
        previous = _ring_before(blip, start) if start else None
        returned = previous is not None
    if previous is None:
        return Standing(blip, at_end.ring, NEW, None, note)
    step = ring_index[at_end.ring] - ring_index[previous]
    status = MOVED_IN if step < 0 else MOVED_OUT if step > 0 else UNCHANGED
    return Standing(blip, at_end.ring, status, previous, note, returned=returned)


@dataclass(frozen=True)
class ScoreMove:
    """Leadership's score of one cell in the later edition against the earlier one."""

    cell: Cell
    before: Score | None
    after: Score | None

    @property
    def direction(self) -> str:
        if self.after is None:
            return NONE
        if self.before is None:
            return FIRST
        step = SCORE_STATUSES.index(self.after.status) - SCORE_STATUSES.index(self.before.status)
        return UP if step < 0 else DOWN if step > 0 else SAME


@dataclass
class Comparison:
    """Edition `end` against edition `start` (None: `end` is the first edition, everything is new)."""

    radar: Radar
    start: str | None
    end: str

    @property
    def edition(self) -> str:
        return self.end

    @property
    def previous(self) -> str | None:
        return self.start

    @cached_property
    def consecutive(self) -> bool:
        earlier = [e for e in self.radar.editions if e < self.end]
        return self.start == (earlier[-1] if earlier else None)

    @cached_property
    def standings(self) -> list[Standing]:
        """Every technology on the radar in `start` or `end`, in blip-id order."""
        return list(_standings(self.radar, self.start, self.end, not self.consecutive))

    @cached_property
    def counts(self) -> dict[str, int]:
        """Technologies per status, in the fixed order of `STATUSES` (zeros included, so tables line up)."""
        counts = dict.fromkeys(STATUSES, 0)
        for s in self.standings:
            counts[s.status] += 1
        return counts

    @cached_property
    def returned(self) -> int:
        return sum(1 for s in self.standings if s.returned)

    @cached_property
    def all_counts(self) -> dict[str, int]:
        """The counts per status and, last, how many came back: what every format shows."""
        return {**self.counts, RETURNED: self.returned}

    def _order(self, standings: list[Standing]) -> list[Standing]:
        q = {s.id: s.index for s in self.radar.quadrants}
        return sorted(standings, key=lambda s: (q[s.blip.quadrant], s.blip.title.casefold(), s.blip.id))

    @cached_property
    def moves(self) -> list[tuple[Segment, list[Standing]]]:
        """Moved technologies (and those back on the radar), by quadrant; empty quadrants left out."""
        moved = self._order([s for s in self.standings if s.status in (MOVED_IN, MOVED_OUT) or s.returned])
        groups = []
        for quadrant in self.radar.quadrants:
            members = [s for s in moved if s.blip.quadrant == quadrant.id]
            if members:
                groups.append((quadrant, members))
        return groups

    @cached_property
    def moved(self) -> list[Standing]:
        return [s for _, members in self.moves for s in members]

    @cached_property
    def moved_count(self) -> int:
        return len(self.moved)

    @cached_property
    def new(self) -> list[Standing]:
        return self._order([s for s in self.standings if s.status == NEW])

    @cached_property
    def retired(self) -> list[Standing]:
        return self._order([s for s in self.standings if s.status == RETIRED])

    @cached_property
    def changes(self) -> list[Standing]:
        """Every change, as the CSV and the spreadsheet list them: new, moved (and returned), retired."""
        return self.new + self.moved + self.retired

    # --- the chart: from ring to ring ---------------------------------------------------------------

    @cached_property
    def rings(self) -> tuple[Segment, ...]:
        """The rings of the later edition (an archived edition keeps a renamed ring's old name)."""
        return self.radar.rings_at(self.end)

    @cached_property
    def ring_positions(self) -> dict[str, int]:
        from .views import EditionView

        return EditionView(self.radar, self.end).ring_positions

    @cached_property
    def matrix(self) -> list[list[int]]:
        """Counts from (rows) 'new', every ring, 'off the radar' to (columns) every ring, 'retired'.

        A technology that was off the radar in `start` and is back in `end` counts in the
        'off the radar' row, not in the ring it had before it left: each ring's row adds up to
        the technologies that stood in that ring in `start`.
        """
        index = self.ring_positions
        size = len(self.rings)
        grid = [[0] * (size + 1) for _ in range(size + 2)]
        for s in self.standings:
            if s.status == NEW or s.previous_ring is None:
                row = 0
            else:
                row = size + 1 if s.returned else index[s.previous_ring] + 1
            col = size if s.ring is None else index[s.ring]
            grid[row][col] += 1
        return grid

    def cell_kind(self, row: int, col: int) -> str:
        """The status a matrix cell stands for: its row and column say it, whatever its count."""
        size = len(self.rings)
        if row == 0:
            return NEW if col < size else RETIRED
        if row == size + 1:
            return RETURNED if col < size else RETIRED
        if col == size:
            return RETIRED
        return UNCHANGED if row - 1 == col else MOVED_IN if col < row - 1 else MOVED_OUT

    def impossible(self, row: int, col: int) -> bool:
        """Cells no technology can reach: from off the radar straight to retired."""
        size = len(self.rings)
        return col == size and row in (0, size + 1)

    # --- the capability model -----------------------------------------------------------------------

    @cached_property
    def scores(self) -> list[ScoreMove]:
        """Every cell's score in `end` against its score in `start`, in the model's file order."""
        model = self.radar.capabilities
        if model is None:
            return []
        return [
            ScoreMove(cell, cell.score(self.start) if self.start else None, cell.score(self.end))
            for cell in model.cells.values()
        ]


def _standings(radar: Radar, start: str | None, end: str, spans: bool) -> tuple[Standing, ...]:
    """Each pair's standings once per radar: the compare pages, the trends chart, the review pack and each
    edition's review ask for the same pairs (a build at 1000 blips worked out 19 lists for 8 pairs)."""
    key = (_standings, start, end, spans)
    found = radar.derived.get(key)
    if found is None:
        ring_index = {r.id: r.index for r in radar.all_rings}  # a renamed ring has its successor's index
        changes = (change(b, start, end, ring_index, spans) for b in radar.blips.values())
        found = radar.derived[key] = tuple(s for s in changes if s is not None)
    return found


def compare(radar: Radar, start: str | None, end: str) -> Comparison:
    return Comparison(radar, start, end)


def previous_of(radar: Radar, edition: str) -> str | None:
    """The edition before `edition` on this radar."""
    earlier = [e for e in radar.editions if e < edition]
    return earlier[-1] if earlier else None


def year_before(edition: str) -> str:
    """The same quarter a year earlier: 2026-Q4 -> 2025-Q4."""
    year, quarter = edition.split("-", 1)
    return f"{int(year) - 1}-{quarter}"


def pairs(radar: Radar) -> list[tuple[str, str]]:
    """The pairs leadership asks for most: every edition against the one before and against a year earlier."""
    editions = radar.editions
    found: list[tuple[str, str]] = []
    for e in editions:
        before = previous_of(radar, e)
        if before:
            found.append((before, e))
        ago = year_before(e)
        if ago in editions and ago != before:
            found.append((ago, e))
    return found
