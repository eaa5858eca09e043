"""Rings that change over time: a ring used `until` an edition, or `from` one.

Radars outlive their ring names: Thoughtworks' 'caution' became 'hold', a team's 'explore' became
'assess' in 2021.  Older editions in the archive must keep the rings they were published with,
so radar.yaml declares every ring there ever was, each with the editions it held, and every
edition shows the rings of its own time (at most six at once, however many over the years).
"""

from __future__ import annotations

from .model import Segment
from .problems import Problems
from .source import Document


def active(segment: Segment, edition: str) -> bool:
    return (not segment.first or segment.first <= edition) and (not segment.last or edition <= segment.last)


def place(
    doc: Document, declared: tuple[Segment, ...], current: str, problems: Problems, high: int
) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """(the rings of the current edition, every declared ring), each ring's index its position
    among the rings of its own last edition, so that a renamed ring compares as the same ring."""

    def report(i: int, key: str, message: str) -> None:
        line, col = doc.where("rings", i, key)
        problems.add(doc.path, line, col, message)

    for i, ring in enumerate(declared):
        if ring.first and ring.last and ring.last < ring.first:
            report(i, "until", problems.t("check.ring_until_before", ring=ring.id, until=ring.last, start=ring.first))
        if ring.first and ring.first > current:
            report(i, "from", problems.t("check.ring_starts_late", ring=ring.id, start=ring.first, current=current))
    bounds = sorted({current} | {r.first for r in declared if r.first} | {r.last for r in declared if r.last})
    for edition in bounds:
        count = sum(1 for r in declared if active(r, edition))
        if count > high:
            line, col = doc.where("rings", key=True)
            problems.add(
                doc.path, line, col, problems.t("check.rings_in_edition", edition=edition, count=count, high=high)
            )
    placed = []
    for ring in declared:
        at = ring.last if ring.last and ring.last < current else current
        own = [r.id for r in declared if active(r, at)]
        index = own.index(ring.id) if ring.id in own else 0
        placed.append(Segment(ring.id, ring.name, ring.description, index, ring.color, ring.first, ring.last))
    now = tuple(r for r in placed if active(r, current))
    return now, tuple(placed)
