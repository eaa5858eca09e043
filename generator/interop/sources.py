"""Input files as snapshots: each file's edition (from --edition or a date in its name), and
every version of one file in git (`--git FILE`: a team keeps one sheet and git is its archive)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..i18n import Said
from .snapshots import dated


@dataclass
class Source:
    """One snapshot's raw content and where it came from."""

    name: str  # for messages: the file name, or 'FILE@abc1234' for a git version
    text: str
    edition: str
    order: str  # sorts two snapshots of one quarter
    label: str


class SourceError(Said):
    """An input that cannot be read at all: the import stops, and the message says what to give instead."""


def read_files(paths: list[Path], edition: str | None) -> list[Source]:
    if edition and len(paths) > 1:
        raise SourceError("import.edition_of_one")
    sources = []
    for path in paths:
        if not path.is_file():
            raise SourceError("import.no_such_file", path=path)
        found = (edition, edition) if edition else dated(path.stem)
        if found is None:
            raise SourceError("import.no_date", name=path.name)
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        label = path.stem if not edition else edition
        sources.append(Source(path.name, text, found[0], found[1], _label(path.stem, label)))
    return sources


def _label(stem: str, fallback: str) -> str:
    """'Thoughtworks Technology Radar Volume 07 (Oct 2012)' -> 'Volume 07 (Oct 2012)' (the part
    that tells the editions apart); other names as they are."""
    index = stem.find("Volume ")
    return stem[index:] if index >= 0 else fallback


def read_git(path: Path) -> list[Source]:
    """Every committed version of `path`, oldest first, dated by its commit."""
    folder = path.resolve().parent
    try:
        top = _git(folder, "rev-parse", "--show-toplevel").strip()
        rel = path.resolve().relative_to(Path(top).resolve()).as_posix()
        log = _git(folder, "log", "--format=%H %cs %cI", "--follow", "--", rel)
    except (OSError, ValueError, subprocess.CalledProcessError) as error:
        raise SourceError("import.not_in_git", path=path, error=error) from error
    sources = []
    for line in reversed(log.splitlines()):
        commit, day, stamp = line.split(" ")
        names = _git(folder, "show", "--name-only", "--format=", commit, "--", rel).split() or [rel]
        try:
            text = _git(folder, "show", f"{commit}:{names[0]}")
        except subprocess.CalledProcessError:
            continue  # the commit deleted the file
        found = dated(day)
        assert found is not None
        sources.append(Source(f"{path.name}@{commit[:7]}", text, found[0], stamp, day))
    if not sources:
        raise SourceError("import.no_commit", path=path)
    return sources


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=folder, capture_output=True, text=True, check=True, encoding="utf-8", errors="replace"
    ).stdout


def line_finder(name: str, text: str) -> Callable[..., int]:
    """Line of the value at a path in a JSON text (JSON read as YAML keeps its marks), for messages."""
    from ..content.problems import Problems
    from ..content.source import parse_yaml

    try:
        doc = parse_yaml(Path(name), text, Problems(Path(".")))
    except (Exception, RecursionError):  # noqa: BLE001 - JSON that YAML cannot read (tabs): line 1 then
        doc = None
    return lambda *at: doc.where(*at)[0] if doc is not None else 1
