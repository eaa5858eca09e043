"""radar.json: the whole radar as data, for tools, tests and other radars."""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..content.schema import BLIP_FIELDS, BLIP_PARTS
from ..domain.geometry import Frame
from ..render.capability_pages import capability_data
from ..render.site import Site, output
from . import radar_svg


def radar_data(site: Site) -> dict[str, Any]:
    radar, view = site.radar, site.current
    frame = view.frame()
    placed = {}
    for s in view.on_radar:
        x, y = radar_svg.svg_position(frame, *view.layout.spots[s.blip.id])
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
            **blip_data(blip),
            "url": urls.blip_url(blip.id),
            "source": blip.source,
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


def blip_data(blip: Any) -> dict[str, Any]:
    """Every field of the schema's blip table, in its order: a field added there is in radar.json at once."""
    return {name: _plain(getattr(blip, name), BLIP_PARTS.get(name)) for name in BLIP_FIELDS}


def _plain(value: Any, table: dict | None = None) -> Any:
    """JSON's kinds: tuples as lists, a part (leaflet, history entry) as its table's fields."""
    if isinstance(value, tuple):
        return [_plain(v, table) for v in value]
    if table is not None and value is not None:
        return {name: _plain(getattr(value, name)) for name in table}
    return value


def _svg_size(frame: Frame) -> tuple[float, float]:
    x0, x1, y0, y1 = frame.bounds()
    return round((x1 - x0) * radar_svg.INCH_PER_UNIT * 72, 2), round((y1 - y0) * radar_svg.INCH_PER_UNIT * 72, 2)


@output("radar.json", kept=True)
def radar_json(site: Site) -> bytes:
    return dumps(radar_data(site))


def dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")
