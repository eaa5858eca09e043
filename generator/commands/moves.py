"""`radar moves`: the review of an edition on the terminal, as text, Markdown or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from ..content.load import load
from ..content.problems import choices, report
from ..domain.review import Review, review
from ..i18n import translator
from ..outputs.mdtable import md_cell, md_table
from ..outputs.review_text import counts_line, heading, move_text, ring_name

FORMATS = ("text", "markdown", "csv")


def as_text(rv: Review) -> str:
    """The review for a terminal: headings, then one indented line per blip, notes after a dash."""
    t = translator(rv.radar.language)
    title, compared = heading(rv)
    lines = [title, compared, counts_line(rv), "", t("moves_table")]
    if not rv.moves:
        lines.append("  " + t("moves_none"))
    for quadrant, members in rv.moves:
        lines.append(f"  {quadrant.name}")
        for s in members:
            lines.append(f"    {s.blip.title}: {move_text(rv, s)}" + (f" — {s.note}" if s.note else ""))
    lines += ["", t("moves_new")]
    for s in rv.new:
        where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {ring_name(rv.radar, s.ring)}"
        lines.append(f"  {s.blip.title} ({where})" + (f" — {s.note}" if s.note else ""))
    if not rv.new:
        lines.append("  " + t("moves_none_new"))
    lines += ["", t("moves_retired")]
    for s in rv.retired:
        where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {t('last_ring')}: {ring_name(rv.radar, s.previous_ring)}"
        lines.append(f"  {s.blip.title} ({where})" + (f" — {s.note}" if s.note else ""))
    if not rv.retired:
        lines.append("  " + t("moves_none_retired"))
    return "\n".join(lines) + "\n"


def as_markdown(rv: Review) -> str:
    """The review as Markdown, to paste into minutes or a wiki: counts, then one table per section."""
    t = translator(rv.radar.language)
    title, compared = heading(rv)
    lines = [f"# {md_cell(title)}", "", md_cell(compared), ""]
    lines += md_table([t("status"), t("number_of")], [[t("status_" + k), str(n)] for k, n in rv.counts.items()])
    lines += ["", f"## {t('moves_table')}", ""]
    if not rv.moves:
        lines.append(md_cell(t("moves_none")))
    for quadrant, members in rv.moves:
        lines += [f"### {md_cell(quadrant.name)}", ""]
        rows = [
            [
                s.blip.title,
                ring_name(rv.radar, s.previous_ring),
                ring_name(rv.radar, s.ring),
                t("status_" + s.status) + (f", {t('returned')}" if s.returned else ""),
                s.note,
            ]
            for s in members
        ]
        lines += md_table([t("technology"), t("from_ring"), t("to_ring"), t("status"), t("note")], rows) + [""]
    lines += ["", f"## {t('moves_new')}", ""]
    rows = [
        [s.blip.title, rv.radar.quadrant(s.blip.quadrant).name, ring_name(rv.radar, s.ring), s.note] for s in rv.new
    ]
    lines += md_table([t("technology"), t("quadrant"), t("ring"), t("note")], rows) if rows else [t("moves_none_new")]
    lines += ["", f"## {t('moves_retired')}", ""]
    rows = [
        [s.blip.title, rv.radar.quadrant(s.blip.quadrant).name, ring_name(rv.radar, s.previous_ring), s.note]
        for s in rv.retired
    ]
    header = [t("technology"), t("quadrant"), t("last_ring"), t("note")]
    lines += md_table(header, rows) if rows else [t("moves_none_retired")]
    return "\n".join(lines) + "\n"


CSV_HEADER = ["edition", "previous_edition", "status", "returned", "id", "title", "quadrant", "from_ring", "to_ring"]


# A cell starting with one of these is a formula in Excel, LibreOffice and Google Sheets (OWASP "CSV injection");
# the full-width forms too, as some spreadsheets fold them.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: str) -> str:
    """A cell a spreadsheet shows as text: titles and notes arrive by pull request and must never run as formulas.

    OWASP's recommendation: prefix a single quote, which spreadsheets hide and which keeps the text as written.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def as_csv(rv: Review) -> str:
    """One row per change (new, moved, retired, returned), stable column names for spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*CSV_HEADER, "note"])
    changes = rv.new + [s for _, members in rv.moves for s in members] + rv.retired
    for s in changes:
        row = [
            rv.edition,
            rv.previous or "",
            s.status,
            "yes" if s.returned else "no",
            s.blip.id,
            s.blip.title,
            rv.radar.quadrant(s.blip.quadrant).name,
            ring_name(rv.radar, s.previous_ring),
            ring_name(rv.radar, s.ring),
            s.note,
        ]
        writer.writerow([csv_cell(cell) for cell in row])
    return out.getvalue()


def formatted(rv: Review, fmt: str) -> str:
    return {"text": as_text, "markdown": as_markdown, "csv": as_csv}[fmt](rv)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "What is new, moved in or out, and retired."
    parser.add_argument("--edition", metavar="YYYY-Qn", help="the edition to review (default: the current one)")
    parser.add_argument("--format", choices=FORMATS, default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    return moves(args.source, args.edition, args.format)


def moves(source: Path, edition: str | None, fmt: str) -> int:
    """`radar moves`: the review of an edition on stdout; problems and unknown editions on stderr, exit 1."""
    radar, problems = load(source)
    if radar is None or problems.errors:
        report(problems)
        return 1
    if edition is not None and edition not in radar.editions:
        t = translator(radar.language)
        valid = choices(radar.editions, edition, radar.language)
        message = t("check.unknown_id", what=t("check.noun_edition"), value=edition, choices=valid)
        print(t("cli.error", message=message), file=sys.stderr)
        return 1
    sys.stdout.write(formatted(review(radar, edition), fmt))
    return 0
