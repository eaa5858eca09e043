"""Blip numbers that readers can keep from one edition to the next.

Thoughtworks renumbers every volume, so "number 3" means another technology each time; a reader
who noted "Digital twins is 3" finds something else there next quarter.  Here a blip keeps its
number for as long as it stays on the radar (its quadrant is fixed, and a ring move does not
change it).  A blip that is new, or back after being retired, takes the lowest number that no blip
holds in this edition and that no blip held in the previous one, so a number never changes its
meaning between two editions in a row, and numbers stay small.  The first edition numbers its blips
in legend order (quadrant, ring, title), as do the newcomers of every later edition.

The numbers follow from the history in the files alone: no number is stored, and the same content
gives the same numbers on every build.
"""

from __future__ import annotations

import weakref

from ..content.model import Radar
from .editions import entry_at

_REPLAYS: dict[int, tuple[weakref.ref, dict[str, dict[str, int]]]] = {}
"""One replay per loaded radar (keyed by identity: the model is mutable, so not hashable)."""


def stable_numbers(radar: Radar, edition: str) -> dict[str, int]:
    """Blip id -> number for every blip on the radar in `edition`."""
    cached = _REPLAYS.get(id(radar))
    if cached is None or cached[0]() is not radar or edition not in cached[1]:
        cached = (weakref.ref(radar), _replay(radar, edition))
        _REPLAYS[id(radar)] = cached
        weakref.finalize(radar, _REPLAYS.pop, id(radar), None)
    return cached[1][edition]


def _replay(radar: Radar, last: str) -> dict[str, dict[str, int]]:
    """The numbers of every edition up to `last`, each from the one before it."""
    quadrant = {q.id: q.index for q in radar.quadrants}
    ring = {r.id: n for n, r in enumerate(radar.all_rings)}  # rings that ended still order their blips
    editions = sorted({e for e in radar.editions if e <= last} | {last})
    result: dict[str, dict[str, int]] = {}
    held: dict[str, int] = {}
    for current in editions:
        # A blip that held a number keeps it; only the newcomers need the legend order, to be numbered in it.
        kept: dict[str, int] = {}
        newcomers: list[tuple[int, int, str, str]] = []
        for blip in radar.blips.values():
            entry = entry_at(blip, current)
            if entry is None or entry.retired or entry.ring is None:
                continue
            if blip.id in held:
                kept[blip.id] = held[blip.id]
            else:
                newcomers.append(
                    (quadrant[blip.quadrant], ring.get(entry.ring, len(ring)), blip.title.casefold(), blip.id)
                )
        newcomers.sort()
        taken = set(held.values())  # held in the previous edition: kept, or not given to anyone else yet
        candidate = 1
        for *_, ident in newcomers:
            while candidate in taken:
                candidate += 1
            kept[ident] = candidate
            taken.add(candidate)
        held = result[current] = kept
    return result
