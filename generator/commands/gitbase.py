"""The radar as it stood at a git revision, and what a change does to it: `radar diff`, `radar check --base`.

The content at BASE is read straight from git (`git ls-tree` for the list,
`git cat-file --batch` for the bytes, the batch form of `git show BASE:path`)
into a temporary folder and loaded with the normal loader, so the comparison
sees exactly what a build of BASE would see.  Nothing in the working tree or
the index is touched.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..content.load import BLIPS_DIR, RADAR_FILE, load
from ..content.model import Blip, Radar
from ..content.problems import Problems, report
from ..content.source import read_front_matter_file
from ..domain.editions import entry_at
from ..outputs.mdtable import md_table

CONTENT = ("radar", BLIPS_DIR.as_posix(), "themes")  # what the loader reads; everything else stays in git
EDITED_FIELDS = ("title", "summary", "quadrant", "tags", "capabilities", "initiatives", "algorithm", "leaflet")


class GitError(Exception):
    """git could not give us BASE: not a repository, an unknown revision, no radar at that revision."""


def _git(source: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(source), *args], input=data, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("git is not installed; 'radar diff' and 'check --base' need it") from exc
    if done.returncode != 0:
        raise GitError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return done.stdout


def export(source: Path, base: str, target: Path) -> None:
    """Write the radar's content files as they are at `base` into `target`."""
    if base.startswith("-"):
        raise GitError(f"'{base}' is not a git revision")
    try:
        prefix = _git(source, "rev-parse", "--show-prefix").decode().strip()
    except GitError:
        raise GitError(f"{source} is not in a git repository, so there is no '{base}' to compare with") from None
    try:
        _git(source, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except GitError:
        raise GitError(f"unknown git revision '{base}': give a branch, tag or commit, such as 'origin/main'") from None
    listing = _git(source, "ls-tree", "-r", "-z", "--full-tree", base, "--", *(prefix + c for c in CONTENT))
    paths = [p.split("\t", 1)[1] for p in listing.decode("utf-8").split("\0") if p and " blob " in p.split("\t")[0]]
    if prefix + RADAR_FILE.as_posix() not in paths:
        raise GitError(f"there is no {prefix}{RADAR_FILE.as_posix()} at '{base}': the radar did not exist there yet")
    batch = _git(source, "cat-file", "--batch", data="".join(f"{base}:{p}\n" for p in paths).encode("utf-8"))
    pos = 0
    for path in paths:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        content = batch[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1  # the content is followed by a newline
        out = target / path[len(prefix) :]
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)


def load_base(source: Path, base: str) -> Radar:
    """The radar at `base`, loaded in a temporary folder; a radar that did not load there is an error."""
    with tempfile.TemporaryDirectory(prefix="radar-base-") as tmp:
        export(source, base, Path(tmp))
        radar, problems = load(Path(tmp))
    if radar is None or problems.errors:
        raise GitError(f"the radar at '{base}' has errors of its own ({len(problems.errors)}); compare with another")
    return radar


# --- radar diff -------------------------------------------------------------------------------------


@dataclass
class Change:
    """One blip's change between BASE and the working tree."""

    blip: Blip
    before: Blip | None
    kind: str  # added, moved, retired, returned, edited, removed
    fields: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """The note of the history entries this change added (the newest first one that BASE lacks)."""
        known = set(self.before.history) if self.before else set()
        added = [h for h in self.blip.history if h not in known and h.note]
        return added[-1].note if added else ""


def _retired(blip: Blip) -> bool:
    return bool(blip.history) and blip.history[-1].retired


def changes(base: Radar, head: Radar) -> list[Change]:
    """Every blip that differs, in id order: added, moved, retired, returned, edited or removed."""
    result = []
    for ident in sorted(set(base.blips) | set(head.blips)):
        before, after = base.blips.get(ident), head.blips.get(ident)
        if after is None:
            result.append(Change(before, None, "removed"))
            continue
        if before is None:
            result.append(Change(after, None, "added"))
            continue
        edited = tuple(f for f in EDITED_FIELDS if getattr(before, f) != getattr(after, f))
        if before.body_text != after.body_text:
            edited += ("text",)
        if _retired(after) and not _retired(before):
            result.append(Change(after, before, "retired", edited))
        elif _retired(before) and not _retired(after):
            result.append(Change(after, before, "returned", edited))
        elif before.ring != after.ring:
            result.append(Change(after, before, "moved", edited))
        elif edited or before.history != after.history:
            result.append(Change(after, before, "edited", edited or ("history",)))
    return result


def diff_markdown(base: Radar, head: Radar, revision: str) -> str:
    """What the change does to the radar, as Markdown for a pull-request comment."""
    found = changes(base, head)
    by_kind = {
        k: [c for c in found if c.kind == k] for k in ("added", "moved", "returned", "retired", "edited", "removed")
    }
    ring = {r.id: r.name for r in head.rings} | {
        r.id: r.name for r in base.rings if r.id not in {x.id for x in head.rings}
    }
    lines = [f"## Radar changes against `{_code(revision)}` (edition {head.edition})", ""]
    if not found:
        return "\n".join([*lines, "No technology was added, moved, retired or edited."]) + "\n"
    lines += [" · ".join(f"{len(v)} {k}" for k, v in by_kind.items() if v), ""]
    sections = {
        "added": (
            ["Technology", "Quadrant", "Ring", "Note"],
            lambda c: [head.quadrant(c.blip.quadrant).name, ring[c.blip.ring], c.note],
        ),
        "moved": (["Technology", "From", "To", "Note"], lambda c: [ring[c.before.ring], ring[c.blip.ring], c.note]),
        "returned": (["Technology", "Ring", "Note"], lambda c: [ring[c.blip.ring], c.note]),
        "retired": (["Technology", "Last ring", "Note"], lambda c: [ring[c.blip.ring], c.note]),
        "edited": (["Technology", "What changed"], lambda c: [", ".join(c.fields)]),
        "removed": (
            ["Technology", "File"],
            lambda c: [f"{c.blip.source} (deleted: retire it with a history entry instead)"],
        ),
    }
    for kind, (header, cells) in sections.items():
        if by_kind[kind]:
            rows = [[f"{c.blip.title} ({c.blip.id})", *cells(c)] for c in by_kind[kind]]
            lines += [f"### {kind.capitalize()}", "", *md_table(header, rows), ""]
    return "\n".join(lines)


def _code(text: str) -> str:
    return text.replace("`", "'")


def diff(source: Path, base: str) -> int:
    """`radar diff BASE`: Markdown on stdout, problems on stderr, exit 1 when either side cannot be read."""
    head, problems = load(source)
    if head is None or problems.errors:
        report(problems)
        return 1
    try:
        before = load_base(source, base)
    except GitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(diff_markdown(before, head, base))
    return 0


# --- radar check --base -----------------------------------------------------------------------------


def unrecorded_moves(source: Path, base: Radar, head: Radar, problems: Problems) -> None:
    """A ring that changed against BASE needs a history entry for the current edition that records it."""
    for ident, blip in head.blips.items():
        before = base.blips.get(ident)
        if before is None or _retired(blip) or before.ring == blip.ring:
            continue
        path = source / blip.source
        doc = read_front_matter_file(path, Problems(source))
        if doc is None:
            continue
        entries = doc.data.get("history") if isinstance(doc.data, dict) else None
        recorded = isinstance(entries, list) and any(
            isinstance(e, dict) and str(e.get("edition")) == head.edition and e.get("ring") == blip.ring
            for e in entries
        )
        if recorded:
            continue
        line, column = doc.where("ring")
        last = entry_at(blip, head.edition)
        hint = f" (its last history entry is {last.edition})" if last and "history" in doc.data else ""
        problems.add(
            path,
            line,
            column,
            f"ring changed from '{before.ring}' (at the base revision) to '{blip.ring}' without a history entry "
            f"for edition {head.edition}{hint}: add '- {{edition: {head.edition}, ring: {blip.ring}, note: ...}}' "
            "under history, with a note that says why",
        )


def check_against(source: Path, base: str, strict: bool = False, fmt: str = "text") -> int:
    """`radar check --base BASE`: the normal check, plus every ring move that no history entry records."""
    head, problems = load(source, strict)
    if head is not None and not problems.errors:
        try:
            unrecorded_moves(source, load_base(source, base), head, problems)
        except GitError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    report(problems, fmt, sys.stdout if fmt != "text" else sys.stderr)
    return 1 if problems.errors or head is None else 0
