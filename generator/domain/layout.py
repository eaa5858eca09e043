"""Where each blip sits in the picture: seeded per blip, never overlapping, grown when full.

Units are blip radii: a blip is a disc of radius 1 and keeps GAP clear of every
other blip, every ring border and every quadrant axis.  Each blip draws its
candidate spots from a random sequence seeded by its own id, and blips are
placed oldest first, so a newly added blip is placed last and moves no other.
When a segment cannot hold its blips, its ring is widened until it can, and the
build reports it instead of overlapping.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

BLIP_R = 1.0
GAP = 0.4
CLEAR = BLIP_R + GAP  # centre distance kept from any border or axis
LABEL_CLEAR = CLEAR + 0.7  # wider corridor along the axis that carries the ring names
TRIES = 300
DENSITY = 0.45  # share of a segment that random placement fills before it starts failing
BASE_RADIUS = 34.0  # outer radius of the outer ring when nothing needs to grow


@dataclass(frozen=True)
class Item:
    id: str
    quadrant: int
    ring: int
    priority: tuple  # placement order: earlier first


@dataclass(frozen=True)
class Geometry:
    radii: tuple[float, ...]  # outer radius of each ring, inner to outer
    quadrants: int

    @property
    def label_angle(self) -> float:
        """The axis the ring names are written along: 9 o'clock where there is one, else 12 o'clock."""
        return math.pi if self.quadrants % 4 == 0 else math.pi / 2

    def margins(self, quadrant: int) -> tuple[float, float]:
        """Clearance kept from the start and end axis of a quadrant."""
        start, end = self.sector(quadrant)
        on_label = [math.isclose(math.cos(a - self.label_angle), 1.0) for a in (start, end)]
        return tuple(LABEL_CLEAR if hit else CLEAR for hit in on_label)  # type: ignore[return-value]

    @property
    def radius(self) -> float:
        return self.radii[-1]

    def inner(self, ring: int) -> float:
        return self.radii[ring - 1] if ring else 0.0

    def sector(self, quadrant: int) -> tuple[float, float]:
        """Start and end angle (radians, counter-clockwise) of a quadrant; quadrants run clockwise from 12 o'clock."""
        span = 2 * math.pi / self.quadrants
        end = math.pi / 2 - quadrant * span
        return end - span, end


@dataclass(frozen=True)
class Layout:
    geometry: Geometry
    spots: dict[str, tuple[float, float]]
    grown: tuple[tuple[int, int, int, float], ...]  # (ring, quadrant, blips, factor) per widened ring


def base_radii(rings: int) -> list[float]:
    # Inner rings are given more than an equal share of the width: they are shorter around.
    return [BASE_RADIUS * (0.2 + 0.8 * (i + 1) / rings) for i in range(rings)]


def _seed(ident: str) -> int:
    return int.from_bytes(hashlib.sha256(ident.encode("utf-8")).digest()[:8], "big")


def _needed_width(inner: float, count: int, span: float) -> float:
    """Width a ring needs so that a segment of it can take `count` blips at DENSITY."""
    if count == 0:
        return 0.0
    area = count * math.pi * (BLIP_R + GAP / 2) ** 2 / DENSITY
    lo, hi = 0.0, 4 * CLEAR + math.sqrt(2 * area / span) + 1
    for _ in range(50):  # bisection: usable area grows monotonically with the width
        mid = (lo + hi) / 2
        r_in, r_out = max(inner + CLEAR, CLEAR / math.sin(min(span / 2, math.pi / 2))), inner + mid - CLEAR
        usable = span / 2 * (r_out**2 - r_in**2) - 2 * CLEAR * (r_out - r_in) if r_out > r_in else 0.0
        lo, hi = (lo, mid) if usable >= area else (mid, hi)
    return hi


class _Grid:
    """Spatial hash of placed blips, so each check looks at neighbours only (linear overall)."""

    def __init__(self) -> None:
        self.size = 2 * BLIP_R + GAP
        self.limit = self.size**2
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def free(self, x: float, y: float) -> bool:
        cx, cy = int(math.floor(x / self.size)), int(math.floor(y / self.size))
        limit = self.limit
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for px, py in self.cells.get((cx + dx, cy + dy), ()):
                    if (px - x) ** 2 + (py - y) ** 2 < limit:
                        return False
        return True

    def add(self, x: float, y: float) -> None:
        self.cells.setdefault((int(math.floor(x / self.size)), int(math.floor(y / self.size))), []).append((x, y))


def _sampler(geometry: Geometry, quadrant: int, ring: int) -> Callable[[random.Random], tuple[float, float] | None]:
    """Draw a random spot in a segment from `rng`, or None when it falls in a margin: what depends only on
    the segment is worked out once for its blips' thousands of tries (the same arithmetic, so the same spots)."""
    start, end = geometry.sector(quadrant)
    r_in, r_out = geometry.inner(ring) + CLEAR, geometry.radii[ring] - CLEAR
    clear_start, clear_end = geometry.margins(quadrant)
    area, inner, clear, width = r_out**2 - r_in**2, r_in**2, max(clear_start, clear_end), end - start
    sqrt, asin, cos, sin = math.sqrt, math.asin, math.cos, math.sin

    def candidate(rng: random.Random) -> tuple[float, float] | None:
        u, v = rng.random(), rng.random()
        if r_out <= r_in:
            return None
        r = sqrt(u * area + inner)  # uniform over the area, not the radius
        if clear >= r:
            return None
        m0, m1 = asin(clear_start / r), asin(clear_end / r)
        if width <= m0 + m1:
            return None
        angle = start + m0 + v * (width - m0 - m1)
        return r * cos(angle), r * sin(angle)

    return candidate


def _place(items: list[Item], geometry: Geometry) -> tuple[dict[str, tuple[float, float]], Item | None]:
    """Every item's spot, segment by segment, or the first item (in placement order) that found none.

    Segments never interact: a spot keeps CLEAR from its ring borders and quadrant axes, and
    2 * CLEAR is more than the distance two blips keep, so a blip can never be refused for one
    in another segment.  Placing each segment on its own therefore gives the same spots, and lets
    a segment whose blips did not change be reused: a ring move in the live preview places two
    segments again, not the radar, and the editions of an archive share unchanged segments.
    """
    ordered = sorted(items, key=lambda i: (i.priority, i.id))
    segments: dict[tuple[int, int], list[Item]] = {}
    for item in ordered:
        segments.setdefault((item.quadrant, item.ring), []).append(item)
    spots: dict[str, tuple[float, float]] = {}
    failures = []
    for members in segments.values():
        placed, failed = _place_segment(tuple(members), geometry)
        spots.update(placed)
        if failed is not None:
            failures.append(failed)
    if failures:
        return spots, min(failures, key=lambda i: (i.priority, i.id))
    return {item.id: spots[item.id] for item in ordered}, None


assert 2 * CLEAR >= 2 * BLIP_R + GAP, "segments must not interact for _place to place them one by one"


@lru_cache(maxsize=4096)
def _place_segment(items: tuple[Item, ...], geometry: Geometry) -> tuple[dict[str, tuple[float, float]], Item | None]:
    grid = _Grid()
    spots: dict[str, tuple[float, float]] = {}
    samplers: dict[tuple[int, int], Callable[[random.Random], tuple[float, float] | None]] = {}
    rng = random.Random()
    for item in items:
        where = (item.quadrant, item.ring)  # one segment's items, in `_place`
        candidate = samplers.get(where) or samplers.setdefault(where, _sampler(geometry, *where))
        rng.seed(_seed(item.id))  # as a new Random(seed) would be
        for _ in range(TRIES):
            spot = candidate(rng)
            if spot is not None and grid.free(*spot):
                grid.add(*spot)
                spots[item.id] = (round(spot[0], 4), round(spot[1], 4))
                break
        else:
            return spots, item
    return spots, None


def layout(items: list[Item], quadrants: int, rings: int) -> Layout:
    """Place every item; widen rings (reported in `grown`) until all fit."""
    span = 2 * math.pi / quadrants
    base = base_radii(rings)
    widths = [b - (base[i - 1] if i else 0.0) for i, b in enumerate(base)]
    counts = [[0] * quadrants for _ in range(rings)]
    for item in items:
        counts[item.ring][item.quadrant] += 1
    radii: list[float] = []
    for ring in range(rings):
        inner = radii[-1] if radii else 0.0
        widths[ring] = max(widths[ring], _needed_width(inner, max(counts[ring]), span))
        radii.append(inner + widths[ring])
    while True:
        geometry = Geometry(tuple(round(r, 4) for r in radii), quadrants)
        spots, failed = _place(items, geometry)
        if failed is None:
            break
        widths[failed.ring] *= 1.1  # the ring that overflowed takes more room; the rest keep theirs
        radii = [sum(widths[: i + 1]) for i in range(rings)]
    base_widths = [b - (base[i - 1] if i else 0.0) for i, b in enumerate(base)]
    grown = tuple(
        (
            ring,
            max(range(quadrants), key=lambda q: counts[ring][q]),
            max(counts[ring]),
            widths[ring] / base_widths[ring],
        )
        for ring in range(rings)
        if widths[ring] > base_widths[ring] + 1e-9
    )
    return Layout(geometry, spots, grown)
