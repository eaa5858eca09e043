"""What a radar picture shows, as plain data: the frame (geometry, names, colours, zoom) and the dots.

The views compute them, the picture (matplotlib, in outputs/) draws them, radar.json reports them.
"""

from __future__ import annotations

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
        import numpy as np  # only for a zoomed frame: a build that takes its pictures from the cache needs none

        start, end = self.geometry.sector(self.quadrant)
        angles = np.linspace(start, end, 64)
        xs = np.concatenate([[0.0], r * np.cos(angles)])
        ys = np.concatenate([[0.0], r * np.sin(angles)])
        return float(xs.min()) - PAD, float(xs.max()) + PAD, float(ys.min()) - PAD, float(ys.max()) + PAD
