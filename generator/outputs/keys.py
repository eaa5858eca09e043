"""What a kept output depends on, hashed: the generator's code, the libraries that draw, the loaded radar.

An output registered with `kept=True` is a function of the site alone (radar.json, the pictures, the
charts, the review PDF, the search index, the exports), so its bytes can be taken from the render
cache while none of these changed.  A key on everything such an output could read is simpler to keep
right than a list of what each one reads: it changes more often than needed (any edit to the code or
the content), never less.  Hashing costs tens of milliseconds at a thousand blips, against the imports
(matplotlib, fpdf2: over a second) and the drawing that a second build of the same content then skips.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from ..content.markup import Memo
from . import cache as render_cache

PACKAGE = Path(__file__).resolve().parent.parent
LIBRARIES = ("matplotlib", "fpdf2", "pillow", "numpy", "markdown-it-py", "jinja2", "pyyaml")


@cache
def code_digest() -> str:
    """Every Python and locale file of the generator, and the versions of the libraries that draw."""
    from importlib import metadata  # not imported by `radar check` on a radar never built

    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\0".encode())
    return digest.hexdigest()


def markdown_memo(source: Path, write: bool = True) -> Memo | None:
    """Rendered bodies of earlier runs on this radar, from the render cache (None when it cannot be used);
    `radar check` only reads it."""
    folder = render_cache.cache_folder(source)
    store = render_cache.store if write else None
    return Memo(folder, source, code_digest, render_cache.read, store) if folder else None


def content_key(*parts: object) -> str:
    """The code and everything given (the loaded radar, the theme's settings), hashed; `repr` of the
    radar's frozen dataclasses holds every field loaded from its files."""
    digest = hashlib.sha256(code_digest().encode())
    for part in parts:
        digest.update(b"\0" + repr(part).encode("utf-8"))
    return digest.hexdigest()
