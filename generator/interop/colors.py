"""Source colours that fail the site's contrast rule, moved to the nearest colour that passes."""

from __future__ import annotations

import colorsys
import re

from ..render.theme import CONTRAST_PARTNER, contrast

NEEDED = 4.5
_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def normalise(color: str) -> str | None:
    """'#5CB449', '5cb449' and '#fff' as '#rrggbb'; None for anything else (rgba(), names)."""
    found = _HEX.match(color.strip())
    if not found:
        return None
    digits = found.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits.lower()


def passing(color: str, kind: str) -> str:
    """`color` itself when it passes against its partner (white numbers on quadrants, dark ring
    names on rings); otherwise the colour of the same hue and saturation whose lightness is the
    nearest one that passes."""
    partner = CONTRAST_PARTNER[kind][0]
    if contrast(color, partner) >= NEEDED:
        return color
    r, g, b = (int(color[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, sat = colorsys.rgb_to_hls(r, g, b)
    step = -0.01 if partner == "#ffffff" else 0.01
    while 0 <= light <= 1:
        light += step
        candidate = "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, min(max(light, 0), 1), sat))
        if contrast(candidate, partner) >= NEEDED:
            return candidate
    return "#000000" if partner == "#ffffff" else "#ffffff"
