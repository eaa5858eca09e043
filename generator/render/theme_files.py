"""The theme's static files, and the model's colours as CSS (generated: it wins over a theme's colors.css)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .. import urls
from ..content.model import Segment
from .site import Maker, Site, fallback_files, output


@fallback_files
def static_files(site: Site) -> Iterator[tuple[str, Maker]]:
    """Every file under the themes' static/ folders, the first theme in lookup order winning."""
    for name, path in site.theme.static_files().items():
        yield f"static/{name}", path.read_bytes


@output(urls.COLORS_CSS)
def colors(site: Site) -> bytes:
    return colors_css(site.radar.quadrants, site.radar.rings)


def colors_css(quadrants: Sequence[Segment], rings: Sequence[Segment]) -> bytes:
    """static/colors.css: the model's quadrant and ring colours as CSS custom properties and classes.

    The picture is drawn from the same `Segment.color` values, so the legend's
    swatches and the radar can never disagree, whether a colour comes from
    radar.yaml or from the theme.
    """
    lines = [
        "/* Generated from radar.yaml and theme.yaml: quadrant and ring colours, as in the radar picture. */",
        ":root {",
    ]
    lines += [f"  --quadrant-{q.id}: {q.color};" for q in quadrants]
    lines += [f"  --ring-{r.id}: {r.color};" for r in rings]
    lines.append("}")
    lines += [f".quadrant-color-{q.id} {{ background-color: var(--quadrant-{q.id}); }}" for q in quadrants]
    lines += [f".ring-color-{r.id} {{ background-color: var(--ring-{r.id}); }}" for r in rings]
    return ("\n".join(lines) + "\n").encode("utf-8")
