"""One review model for every format: any two editions, the returned row of the chart, counts that agree."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT
from inprocess import radar as in_process
from pypdf import PdfReader

from generator.content.load import load
from generator.domain.comparison import compare, pairs, previous_of, year_before
from generator.domain.editions import snapshot
from generator.domain.review import review


def _sample():
    radar, problems = load(ROOT)
    assert radar is not None and not problems.errors
    return radar


def test_consecutive_comparison_is_the_edition_snapshot():
    """Edition against the one before: exactly the statuses, rings and notes of `snapshot` in every edition."""
    radar = _sample()
    for edition in radar.editions:
        by_id = lambda found: sorted(found, key=lambda s: s.blip.id)  # noqa: E731
        assert by_id(compare(radar, previous_of(radar, edition), edition).standings) == by_id(
            snapshot(radar, edition)
        ), edition


def test_returned_technology_counts_as_off_the_radar_in_the_chart():
    """2026-Q4 brings the datalake back: its row is 'off the radar', and each ring's row adds up to 2026-Q3's ring."""
    radar = _sample()
    rv = review(radar, "2026-Q4")
    q3 = [s for s in snapshot(radar, "2026-Q3") if s.ring is not None]
    for ring in radar.rings:
        assert sum(rv.matrix[ring.index + 1]) == sum(1 for s in q3 if s.ring == ring.id), ring.id
    assert sum(sum(row) for row in rv.matrix[1:-1]) == len(q3) == 34
    assert rv.matrix[-1] == [0, 1, 0, 0, 0] and rv.cell_kind(len(rv.matrix) - 1, 1) == "returned"
    assert rv.all_counts["returned"] == 1


def test_year_comparison_keeps_every_note_in_between():
    radar = _sample()
    assert year_before("2026-Q4") == "2025-Q4"
    assert ("2025-Q4", "2026-Q4") in pairs(radar) and ("2026-Q3", "2026-Q4") in pairs(radar)
    year = compare(radar, "2025-Q4", "2026-Q4")
    lake = next(s for s in year.standings if s.blip.id == "datalake")
    assert (lake.previous_ring, lake.ring, lake.returned) == ("verkennen", "beproeven", False)  # on the radar at both
    assert lake.note.startswith("2026-Q2: Van de radar gehaald") and " · 2026-Q4: Terug op de radar" in lake.note
    on_q4 = {s.blip.id for s in snapshot(radar, "2026-Q4") if s.ring}
    assert {s.blip.id for s in year.standings if s.ring} == on_q4


def test_moves_from_to_on_the_command_line():
    result = in_process("moves", "--from", "2025-Q4", "--to", "2026-Q4", "--format", "markdown", "--source", str(ROOT))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Technologieradar Politie — Editie 2026-Q4 vergeleken met 2025-Q4\n")
    assert "| nieuw | 23 |" in result.stdout and "| terug op de radar | 0 |" in result.stdout
    wrong = in_process("moves", "--from", "2026-Q4", "--to", "2026-Q1", "--source", str(ROOT))
    assert wrong.returncode == 1 and "fout: --from moet een editie vóór 2026-Q1 noemen" in wrong.stderr
    unknown = in_process("moves", "--from", "2019-Q1", "--source", str(ROOT))
    assert unknown.returncode == 1 and "--from: editie '2019-Q1' bestaat niet" in unknown.stderr
    assert "Traceback" not in wrong.stderr + unknown.stderr


# --- every format counts the same -------------------------------------------------------------------

LABELS = {  # the Dutch status names of the sample radar -> status ids
    "nieuw": "new",
    "naar binnen": "moved-in",
    "naar buiten": "moved-out",
    "ongewijzigd": "unchanged",
    "van de radar": "retired",
    "terug op de radar": "returned",
}


def _from_line(line: str) -> dict[str, int]:
    return {LABELS[k.strip()]: int(n) for k, n in (part.split(":") for part in line.split(" · "))}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.where: list[str] = []
        self.counts: list[str] = []
        self.matrix: list[list[str]] = []
        self._in_counts = self._in_matrix = False

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "ul" and "status-counts" in cls:
            self._in_counts = True
        if tag == "table" and "matrix" in cls:
            self._in_matrix = True
        if tag == "li" and self._in_counts:
            self.counts.append("")
        if tag == "tr" and self._in_matrix:
            self.matrix.append([])
        if tag in ("td", "th") and self._in_matrix:
            self.matrix[-1].append("")

    def handle_endtag(self, tag):
        if tag == "ul":
            self._in_counts = False
        if tag == "table":
            self._in_matrix = False

    def handle_data(self, data):
        if self._in_counts and self.counts:
            self.counts[-1] += data
        if self._in_matrix and self.matrix and self.matrix[-1]:
            self.matrix[-1][-1] += data


def test_every_format_counts_the_same(sample_site: Path):
    """text, Markdown, CSV, moves.html (its list and the chart's table), review.pdf: one set of numbers."""
    expected = review(_sample()).all_counts
    text = in_process("moves", "--source", str(ROOT)).stdout.splitlines()[2]
    assert _from_line(text) == expected

    md = in_process("moves", "--format", "markdown", "--source", str(ROOT)).stdout
    rows = dict(re.findall(r"^\| ([a-z ]+) \| (\d+) \|$", md, re.M))
    assert {LABELS[k]: int(n) for k, n in rows.items() if k in LABELS} == expected

    found = in_process("moves", "--format", "csv", "--source", str(ROOT)).stdout.lstrip("\ufeff")
    dialect = csv.Sniffer().sniff(found.splitlines()[0], delimiters=",;")
    changes = list(csv.DictReader(io.StringIO(found), dialect=dialect))
    statuses = ("new", "moved-in", "moved-out", "retired")
    per_status = {k: sum(1 for r in changes if LABELS.get(r["status"], r["status"]) == k) for k in statuses}
    assert per_status == {k: expected[k] for k in per_status}
    assert sum(1 for r in changes if r["returned"] in ("yes", "ja")) == expected["returned"]

    page = _Text()
    page.feed((sample_site / "moves.html").read_text(encoding="utf-8"))
    listed = {}
    for item in page.counts:
        label, number = item.strip().rsplit(" ", 1)
        listed[LABELS[label.strip()]] = int(number)
    assert listed == expected
    header, *body = page.matrix
    size = len(header) - 2  # the corner, every ring, '(retired)'
    grid = [[int(n) for n in row[1:]] for row in body]
    assert sum(grid[0][:size]) == expected["new"] and sum(row[size] for row in grid) == expected["retired"]
    assert sum(grid[-1][:size]) == expected["returned"]
    moved_in = sum(grid[r][c] for r in range(1, size + 1) for c in range(size) if c < r - 1)
    moved_out = sum(grid[r][c] for r in range(1, size + 1) for c in range(size) if c > r - 1)
    returned = [s for s in review(_sample()).standings if s.returned]
    assert moved_in + sum(1 for s in returned if s.status == "moved-in") == expected["moved-in"]
    assert moved_out + sum(1 for s in returned if s.status == "moved-out") == expected["moved-out"]

    summary = PdfReader(sample_site / "review.pdf").pages[0].extract_text()
    line = re.search(r"nieuw: \d+ · .*? · terug op de radar: \d+", " ".join(summary.split()))
    assert line and _from_line(line.group(0)) == expected
