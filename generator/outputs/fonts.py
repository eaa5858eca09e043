"""The one typeface of every chart, slide and PDF: DejaVu Sans as matplotlib ships it.

matplotlib is a dependency of the radar picture, so its fonts are on every machine that builds,
the same files everywhere (a system font would differ from machine to machine and change the
bytes).  The folder is found without importing matplotlib: the charts, the slides and the review
PDF need its fonts, not its half a second of start-up.  DejaVu has the bold weight and the
arrows, '×' and '⚠' the texts use; Pillow's own scalable default (Aileron) has neither.
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

FAMILY = "DejaVu Sans"  # the name in SVG (font-family) and in the PDF's font registry


def _font_dir() -> Path:
    spec = importlib.util.find_spec("matplotlib")  # finds the package without running it
    assert spec is not None and spec.submodule_search_locations, "matplotlib is a dependency"
    return Path(next(iter(spec.submodule_search_locations))) / "mpl-data" / "fonts" / "ttf"


FONT_DIR = _font_dir()


def path(bold: bool = False) -> Path:
    return FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")


@lru_cache(maxsize=64)
def pillow(size: int, bold: bool = False) -> Any:
    """The face at `size` pixels for Pillow (slides), loaded once per size."""
    from PIL import ImageFont

    return ImageFont.truetype(str(path(bold)), size)


@lru_cache(maxsize=4096)
def width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of `text` at `size` (same unit as size): lays out chart labels the way
    the font will set them."""
    return float(pillow(100, bold).getlength(text)) * size / 100
