"""The radar as it stood at a git revision, and what a change does to it: `radar diff`, `radar check --base`.

The content at BASE is read straight from git (`git ls-tree` for the list,
`git cat-file --batch` for the bytes, the batch form of `git show BASE:path`)
into a temporary folder and loaded with the normal loader, so the comparison
sees exactly what a build of BASE would see.  Nothing in the working tree or
the index is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..content.folders import BLIPS_DIR, CONTENT_FOLDERS, RADAR_FILE
from ..content.load import load
from ..content.model import Blip, Radar
from ..content.problems import Problems, report
from ..content.schema import edited_fields
from ..content.source import read_front_matter_file
from ..content.yamltext import history_entry
from ..domain.editions import entry_at
from ..i18n import Said, translator
from ..outputs.mdtable import md_table

CONTENT = CONTENT_FOLDERS  # what a build reads; everything else stays in git


class GitError(Said):
    """git could not give us BASE: not a repository, an unknown revision, no radar at that revision."""


def _git(source: Path, *args: str | bytes, data: bytes | None = None, ok: tuple[int, ...] = (0,)) -> bytes:
    """git's raw output: file names stay bytes (they need not be UTF-8, and may hold a newline)."""
    command: list[str | bytes] = ["git", "--literal-pathspecs", "-C", str(source), *args]
    try:
        done = subprocess.run(command, input=data, capture_output=True, check=False)
    except FileNotFoundError as exc:
        raise GitError("diff.no_git") from exc
    if done.returncode not in ok:
        said = done.stderr.decode("utf-8", "replace").strip()
        raise GitError("diff.git_said", message=said) if said else GitError("diff.git_failed", command=args[0])
    return done.stdout


def export(source: Path, base: str, target: Path) -> None:
    """Write the radar's content files as they are at `base` into `target`.

    Names are read with `-z` and kept as bytes, and contents are fetched by object id, so a
    committed name that is not UTF-8 or holds a newline is exported like any other (the
    loader then reports it); symbolic links are not content and are left out.
    """
    if base.startswith("-"):
        raise GitError("diff.not_revision", base=base)
    try:
        prefix = _git(source, "rev-parse", "--show-prefix").rstrip(b"\n")
    except GitError:
        raise GitError("diff.no_repository", source=source, base=base) from None
    try:
        _git(source, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    except GitError:
        raise GitError("diff.unknown_revision", base=base) from None
    listing = _git(source, "ls-tree", "-r", "-z", "--full-tree", base, "--", *(prefix + c.encode() for c in CONTENT))
    files: list[tuple[bytes, bytes]] = []  # (object id, path)
    for record in listing.split(b"\0"):
        meta, _, path = record.partition(b"\t")
        mode, kind, oid = (meta.split() + [b"", b"", b""])[:3]
        if kind == b"blob" and mode != b"120000" and path.startswith(prefix):
            files.append((oid, path))
    if prefix + RADAR_FILE.as_posix().encode() not in {path for _, path in files}:
        shown = os.fsdecode(prefix) + RADAR_FILE.as_posix()
        raise GitError("diff.no_radar", path=shown, base=base)
    batch = _git(source, "cat-file", "--batch", data=b"".join(oid + b"\n" for oid, _ in files))
    pos = 0
    for _, path in files:
        header_end = batch.index(b"\n", pos)
        size = int(batch[pos:header_end].split()[2])
        content = batch[header_end + 1 : header_end + 1 + size]
        pos = header_end + 1 + size + 1  # the content is followed by a newline
        out = target / os.fsdecode(path[len(prefix) :])
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)


def renamed_files(source: Path, before: Path, after: Path) -> dict[str, str]:
    """Blip files renamed between two folders, after -> before (relative to each radar), by git's similarity.

    `git diff --no-index` compares the folders as they are on disk, so a `git mv`, a plain `mv`
    and a rename not yet added to the index are all found.
    """
    old, new = before / BLIPS_DIR, after / BLIPS_DIR
    if not old.is_dir() or not new.is_dir():
        return {}
    out = _git(
        source,
        *("diff", "--no-index", "--no-ext-diff", "-M", "-z", "--name-status", "--diff-filter=R"),
        *("--", os.fsencode(old), os.fsencode(new)),
        ok=(0, 1),
    )
    fields = out.split(b"\0")
    pairs = {}
    for i in range(0, len(fields) - 2, 3):
        if fields[i].startswith(b"R"):
            was, now = Path(os.fsdecode(fields[i + 1])), Path(os.fsdecode(fields[i + 2]))
            if was.is_relative_to(before) and now.is_relative_to(after):
                pairs[now.relative_to(after).as_posix()] = was.relative_to(before).as_posix()
    return pairs


@dataclass
class Base:
    """The radar at the base revision, and which of today's blips it knew under another id."""

    radar: Radar
    renamed: dict[str, str]  # blip id now -> blip id at the base, for renamed files


def load_base(source: Path, base: str, head: Radar | None = None) -> Base:
    """The radar at `base`, loaded in a temporary folder; a configuration that does not load there is an error.

    Blip files that fail to load at `base` are left out rather than failing the comparison:
    once such a file is on the main branch, every later pull request must still be checkable.
    """
    with tempfile.TemporaryDirectory(prefix="radar-base-") as tmp:
        export(source, base, Path(tmp))
        radar, problems = load(Path(tmp))
        if radar is None:
            raise GitError("diff.base_errors", base=base, count=len(problems.errors))
        pairs = renamed_files(source, Path(tmp), source) if head is not None else {}
    by_file = {Path(b.source).as_posix(): b.id for b in radar.blips.values()}
    renamed = {}
    for blip in (head.blips if head else {}).values():
        was = by_file.get(pairs.get(Path(blip.source).as_posix(), ""))
        if was is not None and was != blip.id and blip.id not in radar.blips:
            renamed[blip.id] = was
    return Base(radar, renamed)


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
            result.append(Change(base.blips[ident], None, "removed"))
            continue
        if before is None:
            result.append(Change(after, None, "added"))
            continue
        edited = tuple(f for f in edited_fields() if getattr(before, f) != getattr(after, f))
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
    t = translator(head.language)
    lines = [t("diff.heading", revision=_code(revision), edition=head.edition), ""]
    if not found:
        return "\n".join([*lines, t("diff.nothing")]) + "\n"
    lines += [" · ".join(f"{len(v)} {t('diff.count_' + k)}" for k, v in by_kind.items() if v), ""]
    technology, note = t("technology"), t("note")
    sections = {
        "added": (
            [technology, t("quadrant"), t("ring"), note],
            lambda c: [head.quadrant(c.blip.quadrant).name, ring[c.blip.ring], c.note],
        ),
        "moved": (
            [technology, t("diff.col_from"), t("diff.col_to"), note],
            lambda c: [ring[c.before.ring], ring[c.blip.ring], c.note],
        ),
        "returned": ([technology, t("ring"), note], lambda c: [ring[c.blip.ring], c.note]),
        "retired": ([technology, t("last_ring"), note], lambda c: [ring[c.blip.ring], c.note]),
        "edited": ([technology, t("diff.col_changed")], lambda c: [", ".join(c.fields)]),
        "removed": ([technology, t("diff.col_file")], lambda c: [t("diff.deleted", source=c.blip.source)]),
    }
    for kind, (header, cells) in sections.items():
        if by_kind[kind]:
            rows = [[f"{c.blip.title} ({c.blip.id})", *cells(c)] for c in by_kind[kind]]
            lines += [f"### {t('diff.section_' + kind)}", "", *md_table(header, rows), ""]
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
        before = load_base(source, base).radar
    except GitError as exc:
        print(translator(head.language)("cli.error", message=exc.text(head.language)), file=sys.stderr)
        return 1
    sys.stdout.write(diff_markdown(before, head, base))
    return 0


# --- radar check --base -----------------------------------------------------------------------------


def unrecorded_moves(source: Path, base: Base, head: Radar, problems: Problems) -> None:
    """A ring that changed against BASE needs a history entry for the current edition that records it.

    A renamed blip file (git mv) is compared with the file it was, so a rename cannot hide a move.
    """
    for ident, blip in head.blips.items():
        before = base.radar.blips.get(base.renamed.get(ident, ident))
        if before is None or _retired(blip) or before.ring == blip.ring:
            continue
        path = source / blip.source
        doc = read_front_matter_file(path, problems.scratch())
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
        was = problems.t("check.base_as", id=base.renamed[ident]) if ident in base.renamed else ""
        last = entry_at(blip, head.edition)
        hint = problems.t("check.base_last", edition=last.edition) if last and "history" in doc.data else ""
        message = problems.t(
            "check.base_unrecorded", before=before.ring, was=was, ring=blip.ring, edition=head.edition, hint=hint
        )
        fix = history_entry(head.edition, blip.ring, problems.t("check.fix_note"), "  ")
        problems.add(path, line, column, message, fix=fix)


def check_against(source: Path, base: str, strict: bool = False, fmt: str = "text") -> int:
    """`radar check --base BASE`: the normal check, plus every ring move that no history entry records."""
    head, problems = load(source, strict)
    if head is not None and not problems.errors:
        try:
            unrecorded_moves(source, load_base(source, base, head), head, problems)
        except GitError as exc:
            print(problems.t("cli.error", message=exc.text(problems.language)), file=sys.stderr)
            return 1
    report(problems, fmt, sys.stdout if fmt != "text" else sys.stderr)
    return 1 if problems.errors or head is None else 0
