"""A disk cache for the few outputs that are slow to make and small to describe (PNG, PDF).

Keyed by a hash of everything the output shows plus the code that draws it, so a stale
entry can never be served. The cache lives in the user's cache folder, never in the radar:
content arrives by pull request, and a file planted in the sources must never be published.
Each entry carries a digest of its name and bytes, so a truncated, corrupted or renamed entry
is rebuilt rather than published; a folder that others can write to is not used at all.
Least-recently-used entries are pruned beyond a size cap. A cache that cannot be used
(read-only home, foreign owner) only makes the build slower.

Many small outputs of one build (its pages) are one entry, a bundle: written file by file as the build
makes them, checked whole when opened, read file by file, so neither side holds the whole site.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

from ..i18n import text

ENV_DIR = "RADAR_CACHE_DIR"  # where the cache lives (default: $XDG_CACHE_HOME/politie-radar or ~/.cache/...)
ENV_MAX_MB = "RADAR_CACHE_MAX_MB"  # the size cap in megabytes
APP = "politie-radar"
DEFAULT_MAX_MB = 256
MAGIC = b"radar-cache-1 "
_TMP = ".tmp-"
_warned: set[str] = set()


def default_folder() -> Path:
    """Where the cache lives: $RADAR_CACHE_DIR, else the XDG user cache folder."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR]).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / APP


def cache_folder(source: Path, language: str = "en") -> Path | None:
    """The cache folder for a build of `source`, created private; None when it must not be used.

    `language` is the radar's: the note about a refused folder is written in it."""
    folder = default_folder().absolute()
    if folder.resolve().is_relative_to(source.resolve()):
        _warn(text(language, "cache.inside_sources", folder=folder, source=source))
        return None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        _warn(text(language, "cache.others_write", folder=folder, variable=ENV_DIR))
        return None
    return folder


def _warn(text: str) -> None:
    if text not in _warned:
        _warned.add(text)
        print(text, file=sys.stderr)


def max_bytes() -> int:
    try:
        return max(0, int(os.environ.get(ENV_MAX_MB, DEFAULT_MAX_MB))) * 1024 * 1024
    except ValueError:
        return DEFAULT_MAX_MB * 1024 * 1024


def _digest(name: str, data: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\0" + data).hexdigest().encode()


def read(folder: Path, name: str) -> bytes | None:
    """The bytes stored under `name`, only if their digest matches (and the entry is marked as used)."""
    path = folder / name
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    header, _, data = stored.partition(b"\n")
    if not header.startswith(MAGIC) or header[len(MAGIC) :] != _digest(name, data):
        path.unlink(missing_ok=True)
        return None
    try:
        os.utime(path)  # least recently used is judged by modification time (atime is often off)
    except OSError:
        pass
    return data


def store(folder: Path, name: str, data: bytes) -> None:
    """Keep `data` under `name` (written whole or not at all), then prune to the size cap."""
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TMP)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + _digest(name, data) + b"\n" + data)
        os.replace(tmp, folder / name)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return
    prune(folder, max_bytes())


def prune(folder: Path, cap: int) -> None:
    """Delete the least recently used entries until the rest fit in `cap` bytes (and stale temporaries)."""
    entries = []
    stale = time.time() - 3600
    with os.scandir(folder) as listing:  # every store prunes: one stat per entry (a folder holds thousands)
        for entry in listing:
            try:
                if not entry.is_file():
                    continue
                info = entry.stat()
            except OSError:
                continue
            if entry.name.startswith(_TMP):
                if info.st_mtime < stale:  # left by a killed build
                    Path(entry.path).unlink(missing_ok=True)
                continue
            entries.append((info.st_mtime, info.st_size, entry.name))
    total = 0
    for _, size, name in sorted(entries, key=lambda e: (e[0], e[2]), reverse=True):
        total += size
        if total > cap:
            (folder / name).unlink(missing_ok=True)


def cached(folder: Path | None, name: str, make: Callable[[], bytes]) -> bytes:
    """`make()`, or the bytes it made before under this content-hash `name`."""
    if folder is None:
        return make()
    data = read(folder, name)
    if data is None:
        data = make()
        store(folder, name, data)
    return data


# --- bundles: many small outputs of one build as one entry --------------------------------------------

BUNDLE_MAGIC = b"radar-bundle-2 "
_TAIL = 20  # the body ends in the index's offset, as this many decimal digits
_CHUNK = 1 << 20


class BundleWriter:
    """One entry written file by file as a build makes them (the build never holds them all), kept only
    when `finish` is reached: a build that fails half-way leaves no bundle.  Files are stored as they are
    until the bundle holds a quarter of what it may (a thousand blips' pages, 14 MB, are well below it), and
    compressed after that (zlib, fastest level: ten thousand blips' worth must fit the cache's cap):
    compressing every page cost a cold build 0.1 s at a thousand blips, and its warm build as much again."""

    def __init__(self, folder: Path, name: str, fd: int, tmp: str) -> None:
        self.folder, self.name = folder, name
        self.tmp: Path | None = Path(tmp)
        self.handle = os.fdopen(fd, "wb")
        self.header = BUNDLE_MAGIC + b"0" * 64 + b"\n"  # the digest, written over once the body is complete
        self.handle.write(self.header)
        self.handle.flush()  # nothing buffered when the build forks its drawing worker
        self.digest = hashlib.sha256(name.encode() + b"\0")
        self.offset = 0
        self.index: dict[str, tuple[int, int, int]] = {}  # path -> (offset, length, compressed or not)
        self.limit = max_bytes() // 2  # a bundle that would crowd out the pictures is not kept
        self.plain = self.limit // 4  # stored as they are up to here
        self.open = True

    @classmethod
    def start(cls, folder: Path, name: str) -> BundleWriter | None:
        """A writer for the bundle `name`, or None when the cache folder cannot take one."""
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TMP)
        except OSError:
            return None
        try:
            return cls(folder, name, fd, tmp)
        except OSError:
            Path(tmp).unlink(missing_ok=True)
            return None

    def _write(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.offset += len(data)

    def add(self, path: str, data: bytes) -> None:
        if not self.open:
            return
        compressed = self.offset + len(data) > self.plain
        packed = zlib.compress(data, 1) if compressed else data
        self.index[path] = (self.offset, len(packed), int(compressed))
        try:
            self._write(packed)
        except OSError:
            self.discard()
            return
        if self.offset > self.limit:
            self.discard()

    def finish(self, meta: object) -> None:
        """Close the bundle with its index and `meta` (JSON), and keep it under its name."""
        if not self.open or self.tmp is None:
            return
        try:
            start = self.offset
            self._write(json.dumps({"files": self.index, "meta": meta}, sort_keys=True).encode())
            self._write(b"%0*d" % (_TAIL, start))
            self.handle.seek(0)
            self.handle.write(BUNDLE_MAGIC + self.digest.hexdigest().encode() + b"\n")
            self.handle.close()
            self.open = False
            os.replace(self.tmp, self.folder / self.name)
            self.tmp = None
        except OSError:
            self.discard()
            return
        prune(self.folder, max_bytes())

    def discard(self) -> None:
        if self.open:
            self.open = False
            self.handle.close()
        if self.tmp is not None:  # not once it is kept
            self.tmp.unlink(missing_ok=True)
            self.tmp = None


class Bundle:
    """A kept bundle, checked whole against its digest when opened; a file's bytes are read when asked."""

    def __init__(self, handle: BinaryIO, start: int, files: dict[str, list[int]], meta: Any) -> None:
        self.handle, self.start, self.files, self.meta = handle, start, files, meta

    def get(self, path: str) -> bytes:
        offset, length, compressed = self.files[path]
        self.handle.seek(self.start + offset)
        data = self.handle.read(length)
        return zlib.decompress(data) if compressed else data

    def close(self) -> None:
        self.handle.close()


def open_bundle(folder: Path, name: str) -> Bundle | None:
    """The bundle kept under `name`, or None when there is none or it is damaged (then it is removed)."""
    path = folder / name
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        header = handle.readline()
        start = len(header)
        digest = hashlib.sha256(name.encode() + b"\0")
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
        if header != BUNDLE_MAGIC + digest.hexdigest().encode() + b"\n":
            raise ValueError(name)
        end = handle.seek(0, os.SEEK_END)
        handle.seek(end - _TAIL)
        at = start + int(handle.read(_TAIL))
        handle.seek(at)
        index = json.loads(handle.read(end - _TAIL - at))
        os.utime(path)  # used: pruned last
        return Bundle(handle, start, index["files"], index["meta"])
    except (OSError, ValueError, KeyError, TypeError):
        handle.close()
        path.unlink(missing_ok=True)
        return None
