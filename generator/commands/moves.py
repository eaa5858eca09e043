"""`radar moves`: the review of an edition on the terminal, as text, Markdown or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

from ..content.load import load
from ..content.problems import choices, report
from ..domain.comparison import Comparison, compare, previous_of
from ..domain.review import review
from ..i18n import Translator, translator
from ..outputs.mdtable import md_cell, md_table
from ..outputs.review_text import count_label, counts_line, heading, move_text, ring_name

FORMATS = ("text", "markdown", "csv", "xlsx")


def as_text(rv: Comparison) -> str:
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
    sections = (
        ("moves_new", rv.new, lambda s: ring_name(rv.radar, s.ring), "moves_none_new"),
        (
            "moves_retired",
            rv.retired,
            lambda s: f"{t('last_ring')}: {ring_name(rv.radar, s.previous_ring)}",
            "moves_none_retired",
        ),
    )
    for heading_key, standings, ring_of, none_key in sections:
        lines += ["", t(heading_key)]
        for s in standings:
            where = f"{rv.radar.quadrant(s.blip.quadrant).name}, {ring_of(s)}"
            lines.append(f"  {s.blip.title} ({where})" + (f" — {s.note}" if s.note else ""))
        if not standings:
            lines.append("  " + t(none_key))
    return "\n".join(lines) + "\n"


def as_markdown(rv: Comparison) -> str:
    """The review as Markdown, to paste into minutes or a wiki: counts, then one table per section."""
    t = translator(rv.radar.language)
    title, compared = heading(rv)
    lines = [f"# {md_cell(title)}", "", md_cell(compared), ""]
    lines += md_table([t("status"), t("number_of")], [[count_label(t, k), str(n)] for k, n in rv.all_counts.items()])
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


def change_rows(rv: Comparison) -> list[list[str]]:
    """One row per change (new, moved, retired, returned); statuses and yes/no in the radar's language."""
    t = translator(rv.radar.language)
    return [
        [
            rv.edition,
            rv.previous or "",
            t("status_" + s.status),
            t("yes") if s.returned else t("no"),
            s.blip.id,
            s.blip.title,
            rv.radar.quadrant(s.blip.quadrant).name,
            ring_name(rv.radar, s.previous_ring),
            ring_name(rv.radar, s.ring),
            s.note,
        ]
        for s in rv.changes
    ]


def excel_dialect(rv: Comparison, excel: bool) -> bool:
    """Dutch Excel reads ';' as the separator and needs a byte-order mark to see UTF-8: Dutch radars get both."""
    return excel or rv.radar.language.split("-")[0].lower() == "nl"


def as_csv(rv: Comparison, excel: bool = False) -> str:
    """One row per change, stable column names; for (Dutch) Excel ';', CRLF and a byte-order mark."""
    out = io.StringIO()
    for_excel = excel_dialect(rv, excel)
    writer = csv.writer(out, delimiter=";" if for_excel else ",", lineterminator="\r\n" if for_excel else "\n")
    writer.writerow([*CSV_HEADER, "note"])
    for row in change_rows(rv):
        writer.writerow([csv_cell(cell) for cell in row])
    return ("\ufeff" if for_excel else "") + out.getvalue()


def formatted(rv: Comparison, fmt: str, excel: bool = False) -> str:
    if fmt == "csv":
        return as_csv(rv, excel)
    return {"text": as_text, "markdown": as_markdown}[fmt](rv)


def emit(rv: Comparison, fmt: str, excel: bool) -> None:
    """Text formats on stdout as text; the workbook as bytes (redirect it to a .xlsx file)."""
    if fmt == "xlsx":
        from ..outputs.workbook import workbook

        t = translator(rv.radar.language)
        sys.stdout.buffer.write(workbook(t("moves_table"), [*CSV_HEADER, "note"], change_rows(rv)))
        return
    sys.stdout.write(formatted(rv, fmt, excel))


def add_arguments(parser: argparse.ArgumentParser, t: Translator) -> None:
    parser.description = t("help.moves_description")
    parser.add_argument("--edition", metavar="YYYY-Qn", help=t("help.moves_edition"))
    parser.add_argument("--from", dest="start", metavar="YYYY-Qn", help=t("help.moves_from"))
    parser.add_argument("--to", dest="end", metavar="YYYY-Qn", help=t("help.moves_to"))
    parser.add_argument("--format", choices=FORMATS, default="text", help=t("help.moves_format"))
    parser.add_argument("--excel", action="store_true", help=t("help.moves_excel"))


def run(args: argparse.Namespace) -> int:
    return moves(args.source, args.edition, args.format, args.start, args.end, args.excel)


def moves(
    source: Path, edition: str | None, fmt: str, start: str | None = None, end: str | None = None, excel: bool = False
) -> int:
    """`radar moves`: the review of an edition, or `--from A --to B`, on stdout; mistakes on stderr, exit 1."""
    radar, problems = load(source)
    if radar is None or problems.errors:
        report(problems)
        return 1
    t = translator(radar.language)
    for option, value in (("--edition", edition), ("--from", start), ("--to", end)):
        if value is not None and value not in radar.editions:
            valid = choices(radar.editions, value, radar.language)
            message = t("check.unknown_id", what=t("check.noun_edition"), value=value, choices=valid)
            print(t("cli.error", message=message if option == "--edition" else f"{option}: {message}"), file=sys.stderr)
            return 1
    if start is None and end is None:
        emit(review(radar, edition), fmt, excel)
        return 0
    if edition is not None:
        print(t("cli.error", message=t("moves_edition_and_range")), file=sys.stderr)
        return 1
    end = end or radar.edition
    start = start or previous_of(radar, end)
    if start is None or start >= end:
        print(t("cli.error", message=t("moves_from_before", end=end)), file=sys.stderr)
        return 1
    emit(compare(radar, start, end), fmt, excel)
    return 0
