"""Writing the site so that a reader never sees half of it, and a failed build changes nothing.

A full build writes every file into a fresh folder beside the target, then
swaps it in with two renames (the old site is kept until the new one is in
place).  The live preview updates single files with write-to-temp + os.replace,
as Lektor does, and leaves unchanged files untouched.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

MARKER = ".radar-site"  # written into every site, so a rebuild only ever replaces a folder it made


class OutputError(Exception):
    pass


def safe_target(out: Path, name: str) -> Path:
    """The file for a site path, refusing any path that would land outside the site."""
    rel = PurePosixPath(name)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise OutputError(f"refusing to write outside the site: {name!r}")
    return out.joinpath(*rel.parts)


def check_target(out: Path, source: Path) -> None:
    out_r, src_r = out.resolve(), source.resolve()
    if out_r == src_r or src_r.is_relative_to(out_r):
        raise OutputError(f"the output folder {out} would contain the sources; choose another --out")
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise OutputError(f"{out} exists and is not a site this tool built; choose another --out or remove it")


def write_site(out: Path, files: dict[str, bytes]) -> None:
    """Write `files` as the complete new content of `out`, atomically swapped in."""
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for name, content in files.items():
            target = safe_target(staging, name)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (staging / MARKER).write_text("built by radar\n", encoding="utf-8")
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
            handle.write(content)
        os.replace(tmp, target)
        changed.append(name)
    for name in previous.keys() - files.keys():
        safe_target(out, name).unlink(missing_ok=True)
        changed.append(name)
    return changed
