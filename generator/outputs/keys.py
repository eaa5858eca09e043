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
import os
import stat
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

from ..content.markup import Memo
from . import cache as render_cache

PACKAGE = Path(__file__).resolve().parent.parent
# What draws, renders, escapes or hyphenates an output: a new version may change its bytes.
LIBRARIES = (
    "matplotlib",
    "fpdf2",
    "pillow",
    "numpy",
    "markdown-it-py",
    "jinja2",
    "markupsafe",
    "pyyaml",
    "pyphen",
    "snowballstemmer",
    "pystemmer",
)


@cache
def code_digest() -> str:
    """Every Python and locale file of the generator, and the versions of the libraries that draw."""
    from importlib import metadata  # not imported by `radar check` on a radar never built

    digest = hashlib.sha256(sys.version.encode() + b"\0")
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-\0".encode())
    return digest.hexdigest()


@cache
def sources_digest(*modules: ModuleType) -> str:
    """These modules' source, hashed: the key of an output only they set (the review PDF, the slides), so
    that a change elsewhere in the code does not draw every past edition's again.  Read once a process."""
    return hashlib.sha256(b"".join(Path(str(m.__file__)).read_bytes() for m in modules)).hexdigest()


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


def folders_digest(folders: list[str]) -> str | None:
    """Every file under `folders` (a theme's templates, in lookup order), hashed by name and bytes; None
    when one is not a plain file (a link, a FIFO): what it would give is not hashed, so nothing made from
    these folders may be kept (and a FIFO is never opened, so nothing hangs)."""
    digest = hashlib.sha256()
    for number, folder in enumerate(folders):
        for top, dirs, names in os.walk(folder):
            dirs.sort()
            if any(os.path.islink(os.path.join(top, d)) for d in dirs):
                return None
            for name in sorted(names):
                data = _plain_file(os.path.join(top, name))
                if data is None:
                    return None
                relative = os.path.relpath(os.path.join(top, name), folder)
                digest.update(f"{number}\0{relative}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()


def _plain_file(path: str) -> bytes | None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        return handle.read()
