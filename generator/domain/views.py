"""The radar laid out for one edition: who is on it, their numbers, their spots, their dots.

Everything a page, the picture or radar.json shows of an edition comes from one
`EditionView`, so the legend, the picture and the data can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..content.model import Blip, Radar, Segment
from ..content.slug import slug
from ..i18n import translator
from .editions import Standing, snapshot
from .geometry import Dot, Frame
from .layout import Item, Layout, layout
from .numbering import stable_numbers


@dataclass
class EditionView:
    radar: Radar
    edition: str

    @cached_property
    def rings(self) -> tuple[Segment, ...]:
        """The rings this edition was published with (older editions keep renamed rings' old names)."""
        return self.radar.rings_at(self.edition)

    @cached_property
    def ring_positions(self) -> dict[str, int]:
        """Ring id -> its circle in this edition's picture; a ring that ended ('until') before this
        edition stands for the ring that took its place, so its blips are drawn there."""
        positions = {s.id: i for i, s in enumerate(self.rings)}
        for ring in self.radar.all_rings:
            positions.setdefault(ring.id, min(ring.index, len(self.rings) - 1))
        return positions

    @cached_property
    def standings(self) -> list[Standing]:
        return snapshot(self.radar, self.edition)

    @cached_property
    def on_radar(self) -> list[Standing]:
        """Blips in the picture, in legend order: quadrant, ring, title."""
        q = {s.id: s.index for s in self.radar.quadrants}
        r = self.ring_positions
        shown = [s for s in self.standings if s.ring is not None]
        return sorted(shown, key=lambda s: (q[s.blip.quadrant], r[s.shown_ring], s.blip.title.casefold(), s.blip.id))

    @cached_property
    def retired(self) -> list[Standing]:
        return sorted((s for s in self.standings if s.ring is None), key=lambda s: s.blip.title.casefold())

    @cached_property
    def numbers(self) -> dict[str, int]:
        """Numbers a blip keeps while it stays on the radar (see numbering.py)."""
        return stable_numbers(self.radar, self.edition)

    @cached_property
    def by_id(self) -> dict[str, Standing]:
        return {s.blip.id: s for s in self.standings}

    @cached_property
    def layout(self) -> Layout:
        q = {s.id: s.index for s in self.radar.quadrants}
        r = self.ring_positions
        items = [Item(s.blip.id, q[s.blip.quadrant], r[s.shown_ring], (_first_edition(s.blip),)) for s in self.on_radar]
        return layout(items, len(self.radar.quadrants), len(self.rings))

    def frame(self, quadrant: int | None = None) -> Frame:
        return Frame(
            self.layout.geometry,
            tuple((s.name, s.color) for s in self.radar.quadrants),
            tuple((s.name, s.color) for s in self.rings),
            quadrant,
        )

    @cached_property
    def dots(self) -> list[Dot]:
        t = translator(self.radar.language)
        result = []
        numbers, spots = self.numbers, self.layout.spots
        # In legend order: the picture's links are the legend's text alternative, read and tabbed
        # through in the same order.
        for s in (s for _quadrant, rings in self.grouped() for _ring, standings in rings for s in standings):
            b = s.blip
            if not b.featured:
                continue  # listed in the legend, not drawn
            n = numbers[b.id]
            x, y = spots[b.id]
            label = f"{n}. {b.title} — {self.radar.ring(s.shown_ring).name}, {t('status_' + s.status)}"
            attrs = (
                ("quadrant", b.quadrant),
                ("ring", s.shown_ring),
                ("status", s.status),
                ("tags", " ".join(slug(tag) for tag in b.tags)),  # slugs: a tag may hold spaces
                ("cells", " ".join(b.capabilities)),
            )
            result.append(Dot(b.id, n, x, y, self.radar.quadrant(b.quadrant).color, s.status, label, attrs))
        return result

    def dots_where(self, keep) -> list[Dot]:
        """The dots of the blips for which `keep(blip)` is true (a cell's or a quadrant's radar)."""
        return [d for d in self.dots if keep(self.by_id[d.id].blip)]

    def grouped(self) -> list[tuple]:
        """Legend structure: [(quadrant, [(ring, [standing, ...]), ...]), ...], in legend order."""
        return self._grouped

    @cached_property
    def _grouped(self) -> list[tuple]:
        # One pass over the blips, computed once: the home, quadrant and archive pages all ask for it.
        # Within a ring the legend reads in number order, so a reader of the printed picture who
        # looks up "17" finds it where the numbers say; numbers are stable (numbering.py), so
        # alphabetical order would scatter them once blips move between rings.
        numbers = self.numbers
        cells: dict[tuple[str, str], list[Standing]] = {}
        for s in sorted(self.on_radar, key=lambda s: numbers[s.blip.id]):
            ring = self.rings[self.ring_positions[s.shown_ring]].id
            cells.setdefault((s.blip.quadrant, ring), []).append(s)
        return [
            (quadrant, [(ring, cells.get((quadrant.id, ring.id), [])) for ring in self.rings])
            for quadrant in self.radar.quadrants
        ]


def _first_edition(blip: Blip) -> str:
    return blip.history[0].edition if blip.history else ""
