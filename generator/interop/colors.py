"""Source colours that fail the site's contrast rule, moved to the nearest colour that passes."""

from __future__ import annotations

import re

from ..content.theme import CONTRAST_PARTNER, nearest_passing

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
    names on rings); the nearest passing colour otherwise."""
    return nearest_passing(color, CONTRAST_PARTNER[kind][0], NEEDED)
