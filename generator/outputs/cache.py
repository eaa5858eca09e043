"""A disk cache for the few outputs that are slow to make and small to describe (PNG, PDF).

Keyed by a hash of everything the output shows plus the code that draws it, so a stale
entry can never be served; a read-only checkout simply builds without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

CACHE_DIR = ".radar-cache"


def cached(folder: Path | None, name: str, make: Callable[[], bytes]) -> bytes:
    """`make()`, or the bytes it made before under this content-hash `name`."""
    path = folder / name if folder else None
    if path and path.is_file():
        return path.read_bytes()
    data = make()
    if path:
        try:
            path.parent.mkdir(exist_ok=True)
            (path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
            path.write_bytes(data)
        except OSError:
            pass
    return data
