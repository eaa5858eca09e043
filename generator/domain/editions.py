"""Where each blip stood in a given edition, and how that compares with its previous appearance.

The rule is Thoughtworks': a blip's status in an edition compares its ring with
the ring of its previous appearance on the radar.  History entries say "from
this edition on", so the ring in any edition is the latest entry at or before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..content.model import Blip, HistoryEntry, Radar

NEW, MOVED_IN, MOVED_OUT, UNCHANGED, RETIRED = "new", "moved-in", "moved-out", "unchanged", "retired"
STATUSES = (NEW, MOVED_IN, MOVED_OUT, UNCHANGED, RETIRED)
ON_RADAR = (NEW, MOVED_IN, MOVED_OUT, UNCHANGED)  # what a blip on this edition's picture can be (filters)
CHANGES = (NEW, MOVED_IN, MOVED_OUT, RETIRED)  # what an edition changed (the archive's counts)


@dataclass(frozen=True)
class Standing:
    """One blip in one edition."""

    blip: Blip
    ring: str | None  # None: retired in this edition
    status: str
    previous_ring: str | None
    note: str  # the note written with this edition's change, if any
    returned: bool = False  # back on the radar after being retired

    @property
    def shown_ring(self) -> str:
        """The ring of a blip on the radar: only standings with a ring are drawn and listed by ring."""
        if self.ring is None:
            raise ValueError(f"{self.blip.id} is retired in this edition: it has no ring to be shown in")
        return self.ring


def entry_at(blip: Blip, edition: str) -> HistoryEntry | None:
    current = None
    for entry in blip.history:
        if entry.edition <= edition:
            current = entry
    return current


def standing(blip: Blip, edition: str, editions: list[str], ring_index: dict[str, int]) -> Standing | None:
    """The blip's standing in `edition`, or None when it is not on that edition's radar."""
    entry = entry_at(blip, edition)
    if entry is None or (entry.retired and entry.edition != edition):
        return None
    note = entry.note if entry.edition == edition else ""
    previous, was_retired = None, False
    for earlier in reversed([e for e in editions if e < edition]):
        before = entry_at(blip, earlier)
        if before is None:
            break
        if before.retired:
            was_retired = True
            continue
        previous = before.ring
        break
    if entry.ring is None:  # retired in this edition
        return Standing(blip, None, RETIRED, previous, note)
    if previous is None:
        return Standing(blip, entry.ring, NEW, None, note)
    step = ring_index[entry.ring] - ring_index[previous]
    status = MOVED_IN if step < 0 else MOVED_OUT if step > 0 else UNCHANGED
    return Standing(blip, entry.ring, status, previous, note, returned=was_retired)


def snapshot(radar: Radar, edition: str) -> list[Standing]:
    """Every blip on the radar in `edition` (and those retired in it), in blip-id order."""
    editions = radar.editions
    ring_index = {r.id: r.index for r in radar.all_rings}  # a renamed ring has its successor's index
    result = []
    for blip in radar.blips.values():
        s = standing(blip, edition, editions, ring_index)
        if s is not None:
            result.append(s)
    return result


def previous_edition(radar: Radar, edition: str) -> str | None:
    earlier = [e for e in radar.editions if e < edition]
    return earlier[-1] if earlier else None
