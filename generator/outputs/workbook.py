"""The review as an Excel workbook (.xlsx), through openpyxl: typed cells, a frozen header, a filter.

Text stays text: a cell is never written as a formula, whatever it starts with, so a
title or note from a pull request cannot run in the spreadsheet.  The workbook's
dates are fixed and its zip entries dated alike, so the same review gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

FIXED = datetime.datetime(2000, 1, 1)


def workbook(title: str, header: list[str], rows: list[list[str]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    for col, name in enumerate(header, start=1):
        sheet.cell(row=1, column=col, value=name).font = Font(bold=True)
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=col)
            cell.value = value
            cell.data_type = "s"  # never a formula
    for col, name in enumerate(header, start=1):
        longest = max([len(name), *(len(row[col - 1]) for row in rows)])
        sheet.column_dimensions[get_column_letter(col)].width = min(60, longest + 2)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    book.properties.created = book.properties.modified = FIXED
    book.properties.creator = "radar"
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # not Workbook.save(), which stamps the time as 'modified'
    return _fixed_dates(raw.getvalue())


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1 January 2000 (openpyxl dates them now)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
