"""Themes: templates, static files and colours, looked up in the radar's own theme first.

Lookup order: `<source>/themes/<name>`, then `<source>/themes/default`, then the
default theme shipped with the package, so a radar can override one template or
one stylesheet without copying the rest.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

import yaml

PACKAGE_THEMES = Path(__file__).resolve().parent.parent / "themes"


def _packaged_default() -> Path:
    here = PACKAGE_THEMES / "default"
    if here.is_dir():
        return here
    from importlib.resources import files  # installed (not editable): themes ship as package data

    return Path(str(files("generator._themes") / "default"))


class Theme:
    def __init__(self, source: Path, name: str = "default") -> None:
        candidates = [source / "themes" / name, source / "themes" / "default", _packaged_default()]
        seen: list[Path] = []
        for c in candidates:
            if c.is_dir() and c.resolve() not in seen:
                seen.append(c.resolve())
        self.dirs = seen

    @property
    def template_dirs(self) -> list[str]:
        return [str(d / "templates") for d in self.dirs if (d / "templates").is_dir()]

    @cached_property
    def settings(self) -> dict:
        merged: dict = {}
        for d in reversed(self.dirs):
            f = d / "theme.yaml"
            if f.is_file():
                merged.update(yaml.safe_load(f.read_text(encoding="utf-8")) or {})
        return merged

    def static_files(self) -> dict[str, Path]:
        """Relative name -> file, the first theme in lookup order winning."""
        found: dict[str, Path] = {}
        for d in self.dirs:
            static = d / "static"
            if static.is_dir():
                for f in sorted(static.rglob("*")):
                    if f.is_file():
                        found.setdefault(f.relative_to(static).as_posix(), f)
        return dict(sorted(found.items()))

    def colors(self, kind: str, count: int) -> list[str]:
        palette = self.settings.get(f"{kind}_colors") or ["#37474f"]
        return [palette[i % len(palette)] for i in range(count)]
