"""What a radar picture shows, as plain data: the frame (geometry, names, colours, zoom) and the dots.

The views compute them, the picture (matplotlib, in outputs/) draws them, radar.json reports them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .layout import Geometry

PAD = 2.5  # room around the outer ring, in blip radii (quadrant names go into the corners)


@dataclass(frozen=True)
class Dot:
    """A blip as the picture shows it."""

    id: str
    number: int
    x: float
    y: float
    color: str
    status: str  # new, moved-in, moved-out, unchanged
    label: str  # accessible name: number, title, ring, status
    attrs: tuple[tuple[str, str], ...] = ()  # data-* attributes for filters


@dataclass(frozen=True)
class Frame:
    """What a picture shows: the geometry, the names and colours, and which part (all, or one quadrant)."""

    geometry: Geometry
    quadrants: tuple[tuple[str, str], ...]  # (name, colour)
    rings: tuple[tuple[str, str], ...]  # (name, background colour)
    quadrant: int | None = None  # zoom on one quadrant

    def bounds(self) -> tuple[float, float, float, float]:
        r = self.geometry.radius + PAD
        if self.quadrant is None:
            return -r, r, -r, r
        start, end = self.geometry.sector(self.quadrant)
        step = (end - start) / 63  # the sector's edge at 64 angles, the centre too: its extent
        angles = [start + i * step for i in range(63)] + [end]
        xs = [0.0] + [r * math.cos(a) for a in angles]
        ys = [0.0] + [r * math.sin(a) for a in angles]
        return min(xs) - PAD, max(xs) + PAD, min(ys) - PAD, max(ys) + PAD
