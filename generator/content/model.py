"""The one in-memory model of a radar: everything later stages read, nothing they re-parse."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class Reference:
    """A link or image in a Markdown body and where it stands (line in the file, 1-based column)."""

    kind: str  # "link" or "image"
    url: str
    line: int
    column: int


@dataclass(frozen=True)
class Segment:
    """A quadrant or a ring: an id authors write, a name readers see, a colour both share."""

    id: str
    name: str
    description: str
    index: int
    color: str
    first: str = ""  # rings only: the first edition it held ('from' in radar.yaml); always, when empty
    last: str = ""  # rings only: the last edition it held ('until'); still in use, when empty


@dataclass(frozen=True)
class HistoryEntry:
    edition: str
    ring: str | None  # None when the entry retires the blip
    note: str = ""

    @property
    def retired(self) -> bool:
        return self.ring is None


@dataclass(frozen=True)
class Leaflet:
    purpose: str
    owner: str
    risks: tuple[str, ...]
    measures: tuple[str, ...]
    published: str = ""


@dataclass
class Blip:
    id: str
    title: str
    quadrant: str
    ring: str
    source: str  # path relative to the radar's root, for messages and "edit this page"
    summary: str = ""
    tags: tuple[str, ...] = ()
    capabilities: tuple[str, ...] = ()
    initiatives: tuple[str, ...] = ()
    history: tuple[HistoryEntry, ...] = ()
    algorithm: bool = False
    leaflet: Leaflet | None = None
    contact: str = ""  # who to ask: a team, a mailbox or a person
    body_html: str = ""
    body_text: str = ""
    featured: bool = True  # False: in the legend and lists, not in the picture (AOE's 'featured: false')
    references: tuple[Reference, ...] = ()  # links and images in the body, at their file lines


@dataclass
class Initiative:
    id: str
    title: str
    lead: str
    status: str
    source: str
    capabilities: tuple[str, ...] = ()
    body_html: str = ""
    body_text: str = ""
    contact: str = ""  # who to ask: a team, a mailbox or a person
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Score:
    edition: str
    status: str
    lead: str = ""
    note: str = ""


@dataclass(frozen=True)
class Axis:
    id: str
    name: str
    title: str


@dataclass
class Cell:
    id: str
    column: str
    row: str
    title: str
    criteria: tuple[str, ...]
    scores: tuple[Score, ...] = ()

    def score(self, edition: str) -> Score | None:
        """The score in force at `edition`: the latest one given at or before it."""
        current = None
        for s in self.scores:
            if s.edition <= edition:
                current = s
        return current


@dataclass
class CapabilityModel:
    title: str
    description: str
    columns: tuple[Axis, ...]
    rows: tuple[Axis, ...]
    cells: dict[str, Cell]

    def cell_at(self, column: str, row: str) -> Cell | None:
        return next((c for c in self.cells.values() if c.column == column and c.row == row), None)


@dataclass
class Radar:
    title: str
    language: str
    edition: str
    description: str
    theme: str
    quadrants: tuple[Segment, ...]
    rings: tuple[Segment, ...]
    blips: dict[str, Blip] = field(default_factory=dict)
    initiatives: dict[str, Initiative] = field(default_factory=dict)
    capabilities: CapabilityModel | None = None
    declared_rings: tuple[Segment, ...] = ()  # every ring over the years, also those of older editions only
    published: tuple[str, ...] = ()  # editions radar.yaml lists: in the archive even when nothing moved

    def quadrant(self, qid: str) -> Segment:
        found = self._by_id[0].get(qid)  # an unknown id raises StopIteration, as it always did
        return found if found is not None else next(q for q in self.quadrants if q.id == qid)

    def ring(self, rid: str) -> Segment:
        found = self._by_id[1].get(rid)
        return found if found is not None else next(r for r in self.all_rings if r.id == rid)

    @cached_property
    def _by_id(self) -> tuple[dict[str, Segment], dict[str, Segment]]:
        """The quadrants and every ring by id, the first of each id: pages and templates ask by id tens of
        thousands of times a build, and a search through the rings was most of each answer."""
        quadrants: dict[str, Segment] = {}
        rings: dict[str, Segment] = {}
        for q in self.quadrants:
            quadrants.setdefault(q.id, q)
        for r in self.all_rings:
            rings.setdefault(r.id, r)
        return quadrants, rings

    @property
    def all_rings(self) -> tuple[Segment, ...]:
        return self.declared_rings or self.rings

    def rings_at(self, edition: str) -> tuple[Segment, ...]:
        """The rings an edition was published with (a renamed ring under its name of the time)."""
        if not self.declared_rings:
            return self.rings
        return tuple(
            r for r in self.declared_rings if (not r.first or r.first <= edition) and (not r.last or edition <= r.last)
        )

    @property
    def editions(self) -> list[str]:
        """Every edition the content speaks of, oldest first, up to the current one."""
        return list(self._editions)

    @cached_property
    def _editions(self) -> tuple[str, ...]:
        # Worked out once: the pages and comparisons ask for it thousands of times (a third of a build of
        # sixteen years of Thoughtworks volumes went into walking every history again).
        seen = {self.edition, *self.published}
        for blip in self.blips.values():
            seen.update(h.edition for h in blip.history)
        return tuple(sorted(e for e in seen if e <= self.edition))

    @cached_property
    def derived(self) -> dict[Hashable, Any]:
        """What the layers above work out from this radar and ask for again (the standings of a pair of
        editions), kept with it: another radar, or this one given other blips, starts afresh."""
        return {}

    def __setattr__(self, name: str, value: object) -> None:
        super().__setattr__(name, value)
        for worked_out in ("_editions", "_by_id", "derived"):  # the loader sets `blips` after the radar is made
            self.__dict__.pop(worked_out, None)
