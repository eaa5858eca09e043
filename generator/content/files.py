"""The one way content is read from disk: regular files inside the radar folder, nothing else.

Blips, initiatives and themes arrive by pull request and CI builds them with secrets in its
environment, so a link (`blips/x.md -> /proc/self/environ`), a link loop, a FIFO (opening it
blocks for ever) or a folder named `x.md` must become a `path:line:column` problem, never a
leaked file, a hang or a traceback.  Links that stay inside the radar folder are allowed.
The radar folder is `Problems.root`, which every problem is reported against anyway.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .problems import Problems

MARKDOWN = ".md"


def _kind(mode: int, problems: Problems) -> str:
    if stat.S_ISDIR(mode):
        return problems.t("hardening.kind_folder")
    if stat.S_ISREG(mode):
        return problems.t("hardening.kind_file")
    if stat.S_ISFIFO(mode):
        return problems.t("hardening.kind_fifo")
    if stat.S_ISSOCK(mode):
        return problems.t("hardening.kind_socket")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return problems.t("hardening.kind_device")
    return problems.t("hardening.kind_other")


_real_folders: dict[str, str] = {}


def forget_folders() -> None:
    """Resolve folders afresh: each load starts with this, so a folder swapped for a link since the
    last load (the live preview loads again on every save) is seen for what it is now."""
    _real_folders.clear()


def _real_folder(folder: str) -> str:
    """A folder's real path, resolved once per load and not once per file in it: resolving walks
    every part of the path, a system call each."""
    real = _real_folders.get(folder)
    if real is None:
        real = _real_folders[folder] = os.path.realpath(folder)
    return real


def inside(path: Path, problems: Problems, want_dir: bool = False) -> Path | None:
    """The real path of `path` when it is a regular file (or a folder, with `want_dir`) inside
    the radar folder; otherwise None after reporting why at the path's line 1, column 1."""
    real = _inside(path, problems, want_dir)
    return None if real is None else Path(real)


def _inside(path: Path, problems: Problems, want_dir: bool = False) -> str | None:
    """`inside` as text, for the reader and the file list: no Path made of each real path only to be opened."""
    base = _real_folder(os.fspath(problems.root))
    text = os.fspath(path)
    folder, name = os.path.split(text)
    if folder and name not in ("", ".", ".."):
        # The common case, with one system call: an entry that is no link lies where its folder lies.
        try:
            mode = os.lstat(text).st_mode
        except OSError:
            mode = stat.S_IFLNK  # the slow way below says what is wrong
        if not stat.S_ISLNK(mode) and (stat.S_ISDIR(mode) if want_dir else stat.S_ISREG(mode)):
            where = os.path.join(_real_folder(folder), name)
            if where.startswith(base.rstrip(os.sep) + os.sep):
                return where
    return _inside_slowly(path, problems, want_dir, base)


def _inside_slowly(path: Path, problems: Problems, want_dir: bool, base: str) -> str | None:
    """`_inside` for a link, a missing entry or anything but a plain file or folder: each resolved and judged."""
    root = Path(base)
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError:
        if path.is_symlink():
            problems.add(path, 1, 1, problems.t("hardening.dangling_link", target=os.readlink(path)))
        else:
            problems.add(path, 1, 1, problems.t("hardening.not_found"))
        return None
    except (RuntimeError, OSError) as exc:  # a link loop: RuntimeError before Python 3.13, ELOOP after
        if isinstance(exc, OSError) and exc.errno not in (errno.ELOOP, None):
            problems.add(path, 1, 1, problems.t("hardening.cannot_read", reason=exc.strerror or exc))
            return None
        problems.add(path, 1, 1, problems.t("hardening.link_loop"))
        return None
    if not real.is_relative_to(root):
        problems.add(path, 1, 1, problems.t("hardening.outside_radar", target=real))
        return None
    try:
        mode = real.stat().st_mode
    except OSError as exc:
        problems.add(path, 1, 1, problems.t("hardening.cannot_read", reason=exc.strerror or exc))
        return None
    if want_dir and not stat.S_ISDIR(mode):
        problems.add(path, 1, 1, problems.t("hardening.must_be_folder", kind=_kind(mode, problems)))
        return None
    if not want_dir and not stat.S_ISREG(mode):
        problems.add(path, 1, 1, problems.t("hardening.must_be_file", kind=_kind(mode, problems)))
        return None
    return os.fspath(real)


def read_bytes(path: Path, problems: Problems) -> bytes | None:
    """The file's bytes when `inside` allows it; a permission error is a problem, not a traceback.

    Opened without blocking and checked again after opening, so a file swapped for a FIFO
    between the check and the read cannot hang the build either.
    """
    real = _inside(path, problems)
    if real is None:
        return None
    try:
        fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        problems.add(path, 1, 1, problems.t("hardening.cannot_read", reason=exc.strerror or exc))
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problems.add(path, 1, 1, problems.t("hardening.must_be_file", kind=_kind(info.st_mode, problems)))
            return None
        try:
            return _read_all(fd, info.st_size)
        except OSError as exc:
            problems.add(path, 1, 1, problems.t("hardening.cannot_read", reason=exc.strerror or exc))
            return None
    finally:
        os.close(fd)


def _read_all(fd: int, size: int) -> bytes:
    """Every byte to the end: read at the size the file had, then until nothing is left (it may have grown).
    Without a buffered file object around the descriptor, which cost more than the reading (a thousand
    blip files a load)."""
    chunks = [os.read(fd, size + 1)]
    while chunks[-1]:
        chunks.append(os.read(fd, 1 << 20))
    return b"".join(chunks)


def markdown_files(folder: Path, problems: Problems, required: bool, what: str) -> list[Path]:
    """Every `*.md` file under `folder` that may be read, sorted; every other `.md`-like entry reported.

    A missing folder is a problem when `required` (a radar without `blips/` would otherwise
    publish "0 technologies" over the real site).  A name ending in `.MD` is reported, not
    silently skipped.
    """
    if not folder.exists() and not folder.is_symlink():
        if required:
            problems.add(
                folder,
                1,
                1,
                problems.t("hardening.folder_missing", folder=problems.relative(folder), what=what),
            )
        return []
    found = []
    for path in tree(folder, problems, MARKDOWN):
        if path.suffix != MARKDOWN:
            problems.add(path, 1, 1, problems.t("hardening.extension_case", name=path.stem))
        elif _inside(path, problems) is not None:
            found.append(path)
    return found


def tree(folder: Path, problems: Problems, suffix: str | None = None) -> list[Path]:
    """Every entry under `folder` that is not a folder, sorted; with `suffix`, only the entries whose
    name ends in it (in any case), folders included, so that a folder named `x.md` is reported.

    Sub-folders are walked once each by their real path, so a link loop between folders ends;
    a sub-folder that is a link out of the radar is reported by `inside`.  The caller checks
    each returned path with `inside` (or `read_bytes`), which reports links, loops and specials.
    """
    if inside(folder, problems, want_dir=True) is None:
        return []
    found: list[Path] = []
    seen: set[Path] = set()
    pending = [folder]
    while pending:
        current = pending.pop()
        real = current.resolve() if current is folder else inside(current, problems, want_dir=True)
        if real is None or real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(current), key=lambda e: e.name)
        except OSError as exc:
            problems.add(current, 1, 1, problems.t("hardening.folder_unreadable", reason=exc.strerror or exc))
            continue
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows links; a loop or a dangling link is not a folder
            except OSError:
                is_dir = False
            picked = path.suffix.lower() == suffix if suffix else not is_dir
            if picked:
                found.append(path)
            elif is_dir:
                pending.append(path)
    return sorted(found)
