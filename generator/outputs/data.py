"""radar.json: the whole radar as data, for tools, tests and other radars."""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..domain.geometry import Frame
from ..render.capability_pages import capability_data
from ..render.site import Site, output
from . import picture


def radar_data(site: Site) -> dict[str, Any]:
    radar, view = site.radar, site.current
    frame = view.frame()
    placed = {}
    for s in view.on_radar:
        x, y = picture.svg_position(frame, *view.layout.spots[s.blip.id])
        placed[s.blip.id] = {
            "number": view.numbers[s.blip.id],
            "status": s.status,
            "x": x,
            "y": y,
            "previous_ring": s.previous_ring,
        }
    blips = []
    for blip in radar.blips.values():
        entry = {
            "id": blip.id,
            "title": blip.title,
            "quadrant": blip.quadrant,
            "ring": blip.ring,
            "summary": blip.summary,
            "tags": list(blip.tags),
            "capabilities": list(blip.capabilities),
            "initiatives": list(blip.initiatives),
            "algorithm": blip.algorithm,
            "leaflet": None
            if blip.leaflet is None
            else {
                "purpose": blip.leaflet.purpose,
                "owner": blip.leaflet.owner,
                "published": blip.leaflet.published,
                "risks": list(blip.leaflet.risks),
                "measures": list(blip.leaflet.measures),
            },
            "url": urls.blip_url(blip.id),
            "source": blip.source,
            "history": [
                {"edition": h.edition, "ring": h.ring, "retired": h.retired, "note": h.note} for h in blip.history
            ],
            "on_radar": blip.id in placed,
        }
        entry.update(
            placed.get(
                blip.id, {"number": None, "status": view.by_id[blip.id].status if blip.id in view.by_id else None}
            )
        )
        blips.append(entry)
    return {
        "title": radar.title,
        "language": radar.language,
        "edition": radar.edition,
        "editions": radar.editions,
        "picture": {
            "width": _svg_size(frame)[0],
            "height": _svg_size(frame)[1],
            "units": "pt",
            "files": ["radar.svg", "radar.png", "radar.pdf"],
        },
        "quadrants": [
            {"id": q.id, "name": q.name, "description": q.description, "color": q.color} for q in radar.quadrants
        ],
        "rings": [{"id": r.id, "name": r.name, "description": r.description, "color": r.color} for r in radar.rings],
        "blips": blips,
        **capability_data(site),  # the capability model, scores and initiatives with their links
    }


def _svg_size(frame: Frame) -> tuple[float, float]:
    x0, x1, y0, y1 = frame.bounds()
    return round((x1 - x0) * picture.INCH_PER_UNIT * 72, 2), round((y1 - y0) * picture.INCH_PER_UNIT * 72, 2)


@output("radar.json")
def radar_json(site: Site) -> bytes:
    return dumps(radar_data(site))


def dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")
