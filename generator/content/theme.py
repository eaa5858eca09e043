"""Themes: templates, static files and colours, looked up in the radar's own theme first.

Lookup order: `<source>/themes/<name>`, then `<source>/themes/default`, then the
default theme shipped with the package, so a radar can override one template or
one stylesheet without copying the rest.
"""

from __future__ import annotations

import re
import stat
from functools import cached_property
from pathlib import Path

from .folders import THEMES_DIR
from .problems import Problems
from .source import Document, read_yaml_file

PACKAGE_THEMES = Path(__file__).resolve().parents[2] / THEMES_DIR  # the repository's themes/ (editable install)


def _packaged_default() -> Path:
    here = PACKAGE_THEMES / "default"
    if here.is_dir():
        return here
    # installed (not editable): themes ship as package data
    from importlib.resources import files  # not imported by every command: only an installed package needs it

    return Path(str(files("generator._themes") / "default"))


class Theme:
    def __init__(self, source: Path, name: str = "default", language: str = "en") -> None:
        self.source = source
        self.language = language  # of the problems in theme.yaml
        packaged = _packaged_default()
        candidates = [source / THEMES_DIR / name, source / THEMES_DIR / "default", packaged]
        # What each theme folder may hold: the radar's own themes only files inside the radar (the
        # loader reports any link out of it; here such a file is simply never used).
        self.roots: dict[Path, Path] = {}
        for c in candidates:
            root = packaged.resolve() if c is packaged else source.resolve()
            if c.is_dir() and c.resolve() not in self.roots and c.resolve().is_relative_to(root):
                self.roots[c.resolve()] = root
        self.dirs = list(self.roots)

    @property
    def template_dirs(self) -> list[str]:
        return [str(d / "templates") for d in self.dirs if (d / "templates").is_dir()]

    @cached_property
    def _settings(self) -> tuple[dict, Problems]:
        """theme.yaml of every theme in the lookup, merged; a theme arrives by pull request, so check it as content."""
        merged: dict = {}
        problems = Problems(self.source, language=self.language)
        for d in reversed(self.dirs):
            f = d / "theme.yaml"
            # read as content of the folder the theme may use (the radar, or the package for the default)
            scratch = Problems(self.roots[d], language=self.language)
            doc = read_yaml_file(f, scratch) if f.is_file() else None
            problems.items.extend(scratch.items)
            if doc is None or doc.data is None:
                continue
            if not isinstance(doc.data, dict):
                problems.add(f, *doc.where(), problems.t("check.theme_settings"))
                continue
            for key in ("quadrant_colors", "ring_colors"):
                if key in doc.data and not _colour_list(doc, key, problems):
                    doc.data = {k: v for k, v in doc.data.items() if k != key}
            merged.update(doc.data)
        return merged, problems

    @property
    def settings(self) -> dict:
        return self._settings[0]

    def report(self, problems: Problems) -> None:
        """Add what is wrong in the theme's settings to the load's problems (path:line:column)."""
        problems.items.extend(self._settings[1].items)

    def static_files(self) -> dict[str, Path]:
        """Relative name -> file, the first theme in lookup order winning."""
        found: dict[str, Path] = {}
        for d in self.dirs:
            static = d / "static"
            if static.is_dir():
                for f in sorted(static.rglob("*")):
                    if _regular_inside(f, self.roots[d]):
                        found.setdefault(f.relative_to(static).as_posix(), f)
        return dict(sorted(found.items()))

    def colors(self, kind: str, count: int) -> list[str]:
        palette = self.settings.get(f"{kind}_colors") or ["#37474f"]
        return [palette[i % len(palette)] for i in range(count)]


COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _colour_list(doc: Document, key: str, problems: Problems) -> bool:
    """A palette must be a non-empty list of #rrggbb colours; report every entry that is not."""
    value = doc.data[key]
    if not isinstance(value, list) or not value:
        problems.add(doc.path, *doc.where(key), problems.t("check.theme_colours", key=key))
        return False
    good = True
    for i, colour in enumerate(value):
        if not isinstance(colour, str) or not COLOUR.match(colour):
            problems.add(doc.path, *doc.where(key, i), problems.t("check.colour_format", color=colour))
            good = False
    return good


def _regular_inside(path: Path, root: Path) -> bool:
    """A linked file is used only when it is a regular file inside the theme's radar (or package)."""
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return real.is_relative_to(root) and stat.S_ISREG(real.stat().st_mode)


def contrast(a: str, b: str) -> float:
    """WCAG 2.1 contrast ratio of two #rrggbb colours (1 to 21)."""

    def luminance(color: str) -> float:
        channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# What each colour must stand against: white numbers sit on quadrant colours, dark ring names on ring colours.
def nearest_passing(color: str, partner: str, needed: float = 4.5) -> str:
    """`color` when it reaches `needed` contrast with `partner`; otherwise the colour of the same hue
    and saturation whose lightness is the nearest that does (darker against white, lighter against dark)."""
    import colorsys

    if contrast(color, partner) >= needed:
        return color
    hue, light, sat = colorsys.rgb_to_hls(*(int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    step = -0.005 if partner.lower() == "#ffffff" else 0.005
    while 0 <= light <= 1:
        light = min(max(light + step, 0.0), 1.0)
        candidate = "#" + "".join(f"{round(c * 255):02x}" for c in colorsys.hls_to_rgb(hue, light, sat))
        if contrast(candidate, partner) >= needed:
            return candidate
        if light in (0.0, 1.0):
            break
    return "#000000" if step < 0 else "#ffffff"


# The colour each kind's colour must contrast with, and the locale key naming what is drawn in it.
CONTRAST_PARTNER = {"quadrant": ("#ffffff", "check.contrast_quadrant"), "ring": ("#1d2329", "check.contrast_ring")}
