"""Writing the site so that a reader never sees half of it, and a failed build changes nothing.

A full build writes every file into a fresh folder beside the target, then
swaps it in with two renames (the old site is kept until the new one is in
place).  The live preview updates single files with write-to-temp + os.replace,
as Lektor does, and leaves unchanged files untouched.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from ..content.folders import CONTENT_FOLDERS  # what a build reads: a site inside them would be read or published
from ..i18n import Said, text

MARKER = ".radar-site"  # written into every site, so a rebuild only ever replaces a folder it made
DIR_MODE, FILE_MODE = 0o755, 0o644  # a web server running as another user must read the site (mkdtemp gives 0700)
LEFTOVER_AGE = 3600  # seconds after which a staging folder without an owner is a killed build's leftover


class OutputError(Said):
    """The site cannot be written there; said in the radar's language by the command that catches it."""


def safe_target(out: Path, name: str) -> Path:
    """The file for a site path, refusing any path that would land outside the site."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise OutputError("build.outside_site", name=repr(name))
    return out.joinpath(*rel.parts)


def check_target(out: Path, source: Path) -> None:
    out_r, src_r = out.resolve(), source.resolve()
    if out_r == src_r or src_r.is_relative_to(out_r):
        raise OutputError("build.out_contains_sources", out=out)
    for folder in CONTENT_FOLDERS:
        if out_r.is_relative_to((src_r / folder).resolve()):
            raise OutputError("build.out_inside_sources", out=out, folder=folder, folders=", ".join(CONTENT_FOLDERS))
    existing = next(p for p in [out.absolute(), *out.absolute().parents] if p.exists())
    if existing != out.absolute() and not existing.is_dir():
        raise OutputError("build.out_under_file", out=out, existing=existing)
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise OutputError("build.out_not_a_site", out=out)


def write_failure(out: Path, exc: OSError, language: str = "en") -> str:
    """What went wrong writing the site, in words (no traceback): the failing path and the system's reason."""
    where = f" ({exc.filename})" if exc.filename and str(exc.filename) != str(out) else ""
    return text(language, "build.cannot_write", out=out, reason=f"{exc.strerror or exc}{where}")


def write_site(out: Path, files: Mapping[str, bytes] | Iterable[tuple[str, bytes]]) -> None:
    """Write `files` as the complete new content of `out`, atomically swapped in.

    `files` may be (path, bytes) pairs made while they are written: a mistake while making one (a
    theme's template error) leaves the old site as it was, like any failure before the swap.

    When `out` is a symbolic link (to a web server's root, say), the folder it points to is
    replaced and the link is kept. Leftovers of killed builds beside it are cleaned up first.
    """
    out = out.absolute()
    if out.is_symlink():
        out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    clean_leftovers(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-{os.getpid()}-", dir=out.parent))
    try:
        for name, content in files.items() if isinstance(files, Mapping) else files:
            target = safe_target(staging, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_file(target, content)
        write_file(staging / MARKER, b"built by radar\n")
        for folder in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
            folder.chmod(DIR_MODE)
        old = None
        if out.exists():
            old = out.parent / f".{out.name}-old-{os.getpid()}"
            os.replace(out, old)
        os.replace(staging, out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_file(path: Path, content: bytes) -> None:
    """One file of the site, readable by all (the one place the site's bytes reach the disk)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        os.fchmod(fd, FILE_MODE)
        handle.write(content)


def clean_leftovers(out: Path) -> None:
    """Remove what killed builds left beside `out`, never what a running build is writing.

    Staging (`.<name>-new-<pid>-*`) and replaced (`.<name>-old-<pid>`) folders carry their
    build's process id; those of processes that no longer run are leftovers. A build killed
    between its two renames left no site but a complete old one: that one is put back.
    """
    pattern = re.compile(rf"^\.{re.escape(out.name)}-(new|old)-(?:(\d+)(?:-.*)?|[^-]*)$")
    for path in sorted(out.parent.iterdir()):
        match = pattern.match(path.name)
        if not match or path.is_symlink() or not path.is_dir():
            continue
        pid = int(match[2]) if match[2] else None
        if pid == os.getpid() or (pid is not None and _running(pid)):
            continue
        if pid is None and path.stat().st_mtime > time.time() - LEFTOVER_AGE:
            continue  # an older version's name without a pid: only when surely abandoned
        if match[1] == "old" and not out.exists() and (path / MARKER).is_file():
            os.replace(path, out)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def update_site(out: Path, files: dict[str, bytes], previous: dict[str, bytes]) -> list[str]:
    """Bring an existing site to `files`, touching only what changed; return the changed paths."""
    changed = []
    for name, content in files.items():
        if previous.get(name) == content:
            continue
        target = safe_target(out, name)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(fd, FILE_MODE)
            handle.write(content)
        os.replace(tmp, target)
        changed.append(name)
    for name in previous.keys() - files.keys():
        safe_target(out, name).unlink(missing_ok=True)
        changed.append(name)
    return changed
