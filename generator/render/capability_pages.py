"""The capability model and the initiatives as pages and data: who serves which cell, and where the gaps are.

Every link between a technology, a cell and an initiative is derived here once,
in one pass over the blips and one over the initiatives, so the grid, the cell
pages, the initiative pages and radar.json always tell the same story and the
build stays linear in the number of blips.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from .. import urls
from ..content.model import Axis, Blip, CapabilityModel, Cell, Initiative, Score
from ..content.schema import SCORE_STATUSES
from ..domain.editions import Standing
from .site import Page, Site, page_family

# The model asks for an information leaflet (bijsluiter) whenever an algorithm is used.  The cell
# that carries that criterion is found by these words in its criteria rather than by a fixed id,
# so a renamed or translated model still works; when no cell mentions them the grid says so.
LEAFLET_WORDS = ("bijsluiter", "leaflet")

# An initiative with this status no longer serves a cell: it does not fill a gap.
STOPPED = "gestopt"

UP, DOWN, SAME, FIRST, NONE = "up", "down", "same", "first", "none"


@dataclass(frozen=True)
class ScoreChange:
    """Leadership's current score of a cell and how it moved since the score before it."""

    current: Score | None
    previous: Score | None
    direction: str  # UP, DOWN, SAME, FIRST (no earlier score) or NONE (never scored)


@dataclass
class CellInfo:
    """One cell with everything that links to it in the current edition."""

    cell: Cell
    column: Axis
    row: Axis
    on_radar: list[Standing] = field(default_factory=list)  # legend order
    off_radar: list[Blip] = field(default_factory=list)  # name the cell but are not on the current radar
    initiatives: list[Initiative] = field(default_factory=list)
    leaflet_gaps: list[Standing] = field(default_factory=list)  # only on the leaflet cell
    change: ScoreChange = ScoreChange(None, None, NONE)

    @property
    def active_initiatives(self) -> list[Initiative]:
        return [i for i in self.initiatives if i.status != STOPPED]

    @property
    def gap(self) -> bool:
        """Nothing on the current radar and no running initiative serves this cell."""
        return not self.on_radar and not self.active_initiatives

    @property
    def all_blips(self) -> list[Blip]:
        return [s.blip for s in self.on_radar] + self.off_radar

    def by_ring(self, site: Site) -> list[tuple[Any, list[Standing]]]:
        """The cell's technologies grouped by ring, inner to outer, empty rings left out."""
        groups = [(ring, [s for s in self.on_radar if s.ring == ring.id]) for ring in site.radar.rings]
        return [(ring, members) for ring, members in groups if members]


@dataclass
class CapabilityIndex:
    """The links of one site, both ways: cell -> blips/initiatives, initiative -> blips."""

    model: CapabilityModel
    cells: dict[str, CellInfo]
    initiative_blips: dict[str, list[Blip]]
    leaflet_cell: str | None
    leaflet_gaps: list[Standing]

    def grid(self) -> list[tuple[Axis, list[CellInfo]]]:
        """Rows top to bottom, each with its cells left to right, as the model draws them."""
        at = {(c.column.id, c.row.id): c for c in self.cells.values()}
        return [(row, [at[col.id, row.id] for col in self.model.columns]) for row in self.model.rows]

    @property
    def gaps(self) -> list[CellInfo]:
        return [c for c in self.cells.values() if c.gap]


def capability_index(site: Site) -> CapabilityIndex:
    """The site's links, computed once per site and shared by every page family and radar.json."""
    return site.once(_build_index)


def _build_index(site: Site) -> CapabilityIndex:
    radar, view = site.radar, site.current
    model = radar.capabilities
    assert model is not None  # callers check first: no model, no capability pages
    columns = {a.id: a for a in model.columns}
    rows = {a.id: a for a in model.rows}
    cells = {cid: CellInfo(c, columns[c.column], rows[c.row]) for cid, c in model.cells.items()}
    for cell in cells.values():
        cell.change = score_change(cell.cell, radar.edition)
    on_radar = {s.blip.id for s in view.on_radar}
    ring_index = {r.id: r.index for r in radar.rings}
    by_ring = sorted(view.on_radar, key=lambda s: (ring_index[s.shown_ring], s.blip.title.casefold(), s.blip.id))
    for s in by_ring:  # a cell lists its technologies inner ring first, as leadership reads them
        for cid in s.blip.capabilities:
            cells[cid].on_radar.append(s)
    initiative_blips: dict[str, list[Blip]] = {iid: [] for iid in radar.initiatives}
    for blip in radar.blips.values():
        if blip.id not in on_radar:
            for cid in blip.capabilities:
                cells[cid].off_radar.append(blip)
        for iid in blip.initiatives:
            initiative_blips[iid].append(blip)
    for initiative in radar.initiatives.values():
        for cid in initiative.capabilities:
            cells[cid].initiatives.append(initiative)
    leaflet_cell = find_leaflet_cell(model)
    gaps = [s for s in view.on_radar if s.blip.algorithm and s.blip.leaflet is None]
    if leaflet_cell is not None:
        cells[leaflet_cell].leaflet_gaps = gaps
    return CapabilityIndex(model, cells, initiative_blips, leaflet_cell, gaps)


def find_leaflet_cell(model: CapabilityModel) -> str | None:
    """The first cell (in file order) whose criteria ask for a leaflet, or None when none does."""
    for cell in model.cells.values():
        if any(word in criterion.casefold() for criterion in cell.criteria for word in LEAFLET_WORDS):
            return cell.id
    return None


def score_change(cell: Cell, edition: str) -> ScoreChange:
    """The score in force at `edition` against the score given before it (better means earlier in the set)."""
    current = cell.score(edition)
    if current is None:
        return ScoreChange(None, None, NONE)
    earlier = [s for s in cell.scores if s.edition < current.edition]
    if not earlier:
        return ScoreChange(current, None, FIRST)
    previous = earlier[-1]
    step = SCORE_STATUSES.index(current.status) - SCORE_STATUSES.index(previous.status)
    return ScoreChange(current, previous, UP if step < 0 else DOWN if step > 0 else SAME)


# --- page families ---------------------------------------------------------------------------


@page_family
def capability_pages(site: Site) -> Iterator[Page]:
    """The grid and one page per cell; nothing when the radar has no capability model."""
    if site.radar.capabilities is None:
        return
    index = capability_index(site)
    from .compare_pages import cell_labels
    from .pack_files import site_trends

    context = {"index": index, "trends": site_trends(site), "cell_labels": cell_labels(site)}
    yield Page(urls.CAPABILITIES, "capabilities.html", context)
    for cid, info in index.cells.items():
        path = urls.cell_url(cid)
        label = site.t("cell_picture", title=info.cell.title)
        svg = site.radar_svg(site.current, path, keep=functools.partial(_in_cell, cid), label=label)
        yield Page(path, "cell.html", {"info": info, "index": index, "svg": svg})


@page_family
def initiative_pages(site: Site) -> Iterator[Page]:
    """The initiatives overview and one page per initiative."""
    if not site.radar.initiatives:
        return
    blips = _initiative_blips(site)
    yield Page(urls.INITIATIVES, "initiatives.html", {"initiative_blips": blips})
    for iid, initiative in site.radar.initiatives.items():
        yield Page(urls.initiative_url(iid), "initiative.html", {"initiative": initiative, "blips": blips[iid]})


def _in_cell(cid: str, blip: Blip) -> bool:
    return cid in blip.capabilities


def _initiative_blips(site: Site) -> dict[str, list[Blip]]:
    """Initiative -> blips naming it; works with or without a capability model."""
    if site.radar.capabilities is not None:
        return capability_index(site).initiative_blips
    found: dict[str, list[Blip]] = {iid: [] for iid in site.radar.initiatives}
    for blip in site.radar.blips.values():
        for iid in blip.initiatives:
            found[iid].append(blip)
    return found


# --- radar.json ------------------------------------------------------------------------------


def capability_data(site: Site) -> dict[str, Any]:
    """The capability model, its scores and the initiatives with their links, for radar.json."""
    radar = site.radar
    blips = _initiative_blips(site)
    initiatives = [
        {
            "id": i.id,
            "title": i.title,
            "lead": i.lead,
            "status": i.status,
            "capabilities": list(i.capabilities),
            "blips": [b.id for b in blips[i.id]],
            "url": urls.initiative_url(i.id),
            "source": i.source,
        }
        for i in radar.initiatives.values()
    ]
    return {"capabilities": _model_data(site), "initiatives": initiatives}


def _model_data(site: Site) -> dict[str, Any] | None:
    if site.radar.capabilities is None:
        return None
    index = capability_index(site)
    model = index.model
    return {
        "title": model.title,
        "description": model.description,
        "score_statuses": list(SCORE_STATUSES),
        "columns": [{"id": a.id, "name": a.name, "title": a.title} for a in model.columns],
        "rows": [{"id": a.id, "name": a.name, "title": a.title} for a in model.rows],
        "leaflet_cell": index.leaflet_cell,
        "algorithms_without_leaflet": [s.blip.id for s in index.leaflet_gaps],
        "cells": [_cell_data(info) for info in index.cells.values()],
    }


def _cell_data(info: CellInfo) -> dict[str, Any]:
    c = info.cell
    return {
        "id": c.id,
        "column": c.column,
        "row": c.row,
        "title": c.title,
        "criteria": list(c.criteria),
        "scores": [{"edition": s.edition, "status": s.status, "lead": s.lead, "note": s.note} for s in c.scores],
        "score_change": info.change.direction,
        "blips": sorted(b.id for b in info.all_blips),
        "initiatives": [i.id for i in info.initiatives],
        "gap": info.gap,
        "url": urls.cell_url(c.id),
    }
