"""`radar moves` for spreadsheets: CSV that Dutch Excel opens as columns, and an .xlsx workbook."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from conftest import ROOT
from inprocess import radar as in_process
from openpyxl import load_workbook


def _moves_bytes(*args: str) -> bytes:
    """stdout as bytes: the byte-order mark and the workbook must arrive untouched."""
    result = subprocess.run(
        [sys.executable, "-m", "generator", "moves", *args], cwd=ROOT, capture_output=True, check=True
    )
    return result.stdout


def test_dutch_radar_csv_opens_in_dutch_excel():
    """Semicolons, CRLF and a UTF-8 byte-order mark; statuses and yes/no in Dutch; formulas still neutralised."""
    data = _moves_bytes("--format", "csv", "--source", str(ROOT))
    assert data.startswith(b"\xef\xbb\xbfedition;previous_edition;status;returned;")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    lake = next(r for r in rows if r["id"] == "datalake")
    assert (lake["status"], lake["returned"], lake["from_ring"], lake["to_ring"]) == (
        "naar binnen",
        "ja",
        "Verkennen",
        "Beproeven",
    )
    assert {r["status"] for r in rows} <= {"nieuw", "naar binnen", "naar buiten", "ongewijzigd", "van de radar"}
    assert "Technologieradar" not in text.splitlines()[0]


def test_english_radar_csv_is_plain_unless_excel_is_asked(radar_dir):
    radar_dir.blip("hook", title='=HYPERLINK("http://x")', extra="history:\n  - {edition: 2026-Q2, ring: trial}\n")
    plain = in_process("moves", "--format", "csv", "--source", str(radar_dir.root))
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.startswith("edition,previous_edition,status,") and "\ufeff" not in plain.stdout
    row = next(csv.DictReader(io.StringIO(plain.stdout)))
    assert row["status"] == "new" and row["returned"] == "no" and row["title"] == '\'=HYPERLINK("http://x")'
    excel = _moves_bytes("--format", "csv", "--excel", "--source", str(radar_dir.root))
    assert excel.startswith(b"\xef\xbb\xbfedition;previous_edition;")


def test_xlsx_workbook_holds_every_change_as_text(radar_dir, tmp_path):
    radar_dir.blip("hook", title="=1+1", extra="history:\n  - {edition: 2026-Q2, ring: trial}\n")
    data = _moves_bytes("--format", "xlsx", "--source", str(radar_dir.root))
    assert data == _moves_bytes("--format", "xlsx", "--source", str(radar_dir.root))  # no dates: same bytes
    path = tmp_path / "moves.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["edition", "previous_edition", "status", "returned"] and header[-1] == "note"
    title = sheet.cell(row=2, column=header.index("title") + 1)
    assert title.value == "=1+1" and title.data_type == "s"  # shown as text, never computed
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:J2"
    sample = _moves_bytes("--format", "xlsx", "--source", str(ROOT))
    path.write_bytes(sample)
    rows = list(load_workbook(path).active.iter_rows(min_row=2, values_only=True))
    assert ("2026-Q4", "2026-Q3", "naar binnen", "ja", "datalake") == rows[[r[4] for r in rows].index("datalake")][:5]
