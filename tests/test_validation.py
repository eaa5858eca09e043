"""Bad content: every case gets `path:line:column: message` with the valid choices, exit 1, no traceback.

Each test writes one mistake an author could make into an otherwise valid radar
and runs the command line on it, as CI on a pull request would.  Most tests call
the command line's own `main()` in this process (a subprocess costs seconds of
imports per test); the tests that say "subprocess" run `python -m generator`
for real, so exit statuses and stderr are also proven end to end.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import CAPABILITIES_YAML, RADAR_YAML, ROOT, RadarDir, run_radar
from inprocess import radar

from generator.i18n import catalogues

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.*)$", re.M)


def check(folder: RadarDir, *args: str) -> subprocess.CompletedProcess:
    """`radar check --source ...`; never a traceback, whatever the content."""
    result = radar("check", "--source", str(folder.root), *args)
    assert "Traceback" not in result.stderr + result.stdout, result.stderr
    return result


def problems(output: str) -> list[tuple[str, int, int, str]]:
    return [(m["path"], int(m["line"]), int(m["col"]), m["message"]) for m in LINE.finditer(output)]


def only_problem(folder: RadarDir, *args: str, status: int = 1) -> tuple[str, int, int, str]:
    """Run check, expect exactly one reported problem and the given exit status; return it."""
    result = check(folder, *args)
    assert result.returncode == status, result.stderr
    found = problems(result.stderr)
    assert len(found) == 1, result.stderr
    return found[0]


def assert_words(message: str, *words: str) -> None:
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"


# --- reading files ---------------------------------------------------------------------------


def test_file_not_utf8_points_at_the_bad_byte(radar_dir):
    radar_dir.write("blips/x.md", b"---\ntitle: Caf\xe9\nquadrant: data\nring: trial\n---\nbody\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 2, 11)
    assert_words(message, "not UTF-8", "0xe9", "UTF-8 encoding")


def test_no_front_matter(radar_dir):
    radar_dir.write("blips/x.md", "title: X\nquadrant: data\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 1, 1)
    assert_words(message, "no front matter", "'---'")


def test_unterminated_front_matter(radar_dir):
    radar_dir.write("blips/x.md", "---\ntitle: X\nquadrant: data\nring: trial\nBody without a closing line.\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 4, 12)  # the end of the last field, where the '---' goes
    assert_words(message, "never closed", "add a line '---'")


def test_yaml_syntax_error_points_into_the_front_matter(radar_dir):
    radar_dir.write("blips/x.md", "---\ntitle: X\nquadrant: [data\nring: trial\n---\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 3, 16)  # file lines, not front-matter lines: where ']' goes
    assert_words(message, "YAML syntax error", "list that starts with '['", "never closed")


def test_tab_indentation_is_a_syntax_error_on_its_line(radar_dir):
    radar_dir.write("blips/x.md", "---\ntitle: X\n\tquadrant: data\nring: trial\n---\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 3, 1)
    assert_words(message, "YAML syntax error", "indented with a tab")


def test_yaml_syntax_error_in_radar_yaml(radar_dir):
    radar_dir.write("radar/radar.yaml", RADAR_YAML.replace("title: Test Radar", "title: 'Test Radar"))
    path, line, col, message = only_problem(radar_dir)
    assert path == "radar/radar.yaml" and line >= 1 and col >= 1
    assert_words(message, "YAML syntax error")


def test_front_matter_that_is_a_list(radar_dir):
    radar_dir.write("blips/x.md", "---\n- a\n- b\n---\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 2, 1)
    assert_words(message, "must be a mapping", "not a list")


def test_bom_and_crlf_keep_line_numbers(radar_dir):
    radar_dir.write("blips/x.md", "\ufeff---\r\ntitle: X\r\nquadrant: data\r\nring: nope\r\n---\r\nbody\r\n")
    assert only_problem(radar_dir)[:3] == ("blips/x.md", 4, 7)


# --- fields ----------------------------------------------------------------------------------


def test_missing_required_field(radar_dir):
    radar_dir.write("blips/x.md", "---\ntitle: X\nquadrant: data\n---\nBody.\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 2, 1)
    assert_words(message, "missing the required field 'ring'", "ring: ")


def test_every_missing_field_is_reported(radar_dir):
    radar_dir.write("blips/x.md", "---\n---\nBody.\n")
    result = check(radar_dir)
    assert result.returncode == 1
    missing = sorted(re.findall(r"required field '(\w+)'", result.stderr))
    assert missing == ["quadrant", "ring", "title"]
    assert all(p[:3] == ("blips/x.md", 2, 1) for p in problems(result.stderr))


def test_wrong_type_tags_as_text(radar_dir):
    radar_dir.blip("x", extra="tags: ai\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 5, 7)
    assert_words(message, "'tags' must be a list of texts", "not a text", "tags: [")


def test_wrong_type_title_as_list(radar_dir):
    radar_dir.write("blips/x.md", "---\ntitle: [a, b]\nquadrant: data\nring: trial\n---\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 2, 8)
    assert_words(message, "'title' must be a text", "not a list")


@pytest.mark.parametrize(
    ("extra", "kwargs", "where", "words"),
    [
        (
            "",
            {"quadrant": "tool"},
            (3, 11),
            ["unknown quadrant 'tool'", "did you mean 'tools'?", "data, tools, platforms, methods"],
        ),
        (
            "",
            {"ring": "asses"},
            (4, 7),
            ["unknown ring 'asses'", "did you mean 'assess'?", "adopt, trial, assess, hold"],
        ),
        (
            "capabilities: [tech-agile, tech-futur]\n",
            {},
            (5, 28),
            ["unknown capability cell 'tech-futur'", "did you mean 'tech-future'?", "tech-future, tech-agile"],
        ),
        (
            "initiatives: [pilot-on]\n",
            {},
            (5, 15),
            ["unknown initiative 'pilot-on'", "did you mean 'pilot-one'?", "valid choices: pilot-one"],
        ),
    ],
    ids=["quadrant", "ring", "capability-cell", "initiative"],
)
def test_unknown_ids_with_did_you_mean(radar_dir, extra, kwargs, where, words):
    radar_dir.blip("x", extra=extra, **kwargs)
    path, line, col, message = only_problem(radar_dir)
    assert (path, (line, col)) == ("blips/x.md", where)
    assert_words(message, *words)


def test_unknown_id_far_from_any_choice_lists_choices_without_a_guess(radar_dir):
    radar_dir.blip("x", quadrant="zzz")
    message = only_problem(radar_dir)[3]
    assert "did you mean" not in message
    assert_words(message, "valid choices: data, tools, platforms, methods")


def test_initiative_naming_an_unknown_cell(radar_dir):
    radar_dir.write(
        "radar/initiatives/two.md", "---\ntitle: Two\nlead: L\nstatus: pilot\ncapabilities: [tech-futre]\n---\nBody.\n"
    )
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("radar/initiatives/two.md", 5, 16)
    assert_words(message, "unknown capability cell 'tech-futre'", "did you mean 'tech-future'?")


def test_initiative_status_outside_the_fixed_set(radar_dir):
    radar_dir.write("radar/initiatives/two.md", "---\ntitle: Two\nlead: L\nstatus: pilots\n---\nBody.\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("radar/initiatives/two.md", 4, 9)
    assert_words(message, "unknown initiative status 'pilots'", "did you mean 'pilot'?", "verkenning")


def test_score_status_outside_the_fixed_set(radar_dir):
    radar_dir.write("radar/capabilities.yaml", CAPABILITIES_YAML.replace("status: opgepakt", "status: opgepak"))
    path, line, col, message = only_problem(radar_dir)
    line_text = CAPABILITIES_YAML.splitlines()[line - 1]
    assert path == "radar/capabilities.yaml"
    assert line_text[col - 1 :].startswith("opgepak")  # the column is the value's, in the flow mapping
    assert_words(
        message, "unknown score status 'opgepak'", "did you mean 'opgepakt'?", "opgepakt, in-uitvoering, niet-in-beeld"
    )


def test_unknown_key_is_a_warning_and_exit_0(radar_dir):
    radar_dir.blip("x", extra="summry: hi\n")
    path, line, col, message = only_problem(radar_dir, status=0)
    assert (path, line, col) == ("blips/x.md", 5, 1)
    assert_words(message, "warning: unknown field 'summry'", "did you mean 'summary'?", "known fields: title")


def test_unknown_key_is_an_error_with_strict(radar_dir):
    radar_dir.blip("x", extra="summry: hi\n")
    path, line, col, message = only_problem(radar_dir, "--strict")
    assert (path, line, col) == ("blips/x.md", 5, 1)
    assert not message.startswith("warning")
    assert_words(message, "unknown field 'summry'", "did you mean 'summary'?")


def test_unknown_key_does_not_stop_the_build_without_strict(radar_dir, tmp_path):
    radar_dir.blip("x", extra="summry: hi\n")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert "warning: unknown field 'summry'" in result.stderr
    strict = radar("build", "--strict", "--source", str(radar_dir.root), "--out", str(tmp_path / "out2"))
    assert strict.returncode == 1 and not (tmp_path / "out2").exists()


def test_duplicate_yaml_keys(radar_dir):
    radar_dir.blip("x", extra="title: Again\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 5, 1)
    assert_words(message, "'title' is given twice", "first on line 2")


def test_duplicate_keys_inside_a_history_entry(radar_dir):
    radar_dir.blip("x", extra="history:\n  - edition: 2026-Q1\n    ring: trial\n    ring: adopt\n")
    result = check(radar_dir)
    assert result.returncode == 1
    assert ("blips/x.md", 8, 5) in [p[:3] for p in problems(result.stderr)]
    assert "'ring' is given twice (first on line 7)" in result.stderr


# --- ids and file names ----------------------------------------------------------------------


def test_two_files_with_the_same_id(radar_dir):
    radar_dir.blip("a/x")
    radar_dir.blip("b/x")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/b/x.md", 1, 1)
    assert_words(message, "two files have the blip id 'x'", "blips/a/x.md", "rename one")


def test_bad_file_name(radar_dir):
    radar_dir.blip("My Thing")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/My Thing.md", 1, 1)
    assert_words(message, "lowercase letters, digits and hyphens", "rename it to 'my-thing.md'")


# --- history and editions --------------------------------------------------------------------


def test_history_out_of_order(radar_dir):
    radar_dir.blip(
        "x",
        ring="assess",
        extra="history:\n  - {edition: 2026-Q1, ring: assess}\n  - {edition: 2025-Q4, ring: assess}\n",
    )
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 7, 15)
    assert_words(message, "oldest first", "2025-Q4 comes after 2026-Q1 (line 6)")


def test_history_with_one_edition_twice(radar_dir):
    radar_dir.blip("x", extra="history:\n  - {edition: 2026-Q1, ring: trial}\n  - {edition: 2026-Q1, ring: trial}\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 7, 15)
    assert_words(message, "2026-Q1 is given twice")


def test_history_disagreeing_with_ring(radar_dir):
    radar_dir.blip("x", ring="trial", extra="history:\n  - {edition: 2026-Q1, ring: assess}\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 4, 7)  # the 'ring' value
    assert_words(message, "ring is 'trial'", "last history entry (line 6) says 'assess'", "set 'ring: assess'")
    below = check(radar_dir).stderr.splitlines()[1:4]  # the entry to add, block YAML (tests/test_history_fix.py)
    assert [line.strip() for line in below] == [
        "- edition: 2026-Q2",
        "ring: trial",
        f'note: "{catalogues()["en"]["check.fix_note"]}"',
    ]


def test_history_entry_with_an_unknown_ring(radar_dir):
    radar_dir.blip("x", extra="history:\n  - {edition: 2026-Q1, ring: trail}\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 6, 30)
    assert_words(message, "unknown ring 'trail'", "did you mean 'trial'?")


@pytest.mark.parametrize("bad", ["2026-5", "2026-Q5", "26-Q1", "2026Q1"])
def test_history_edition_not_yyyy_qn(radar_dir, bad):
    radar_dir.blip("x", extra=f"history:\n  - {{edition: '{bad}', ring: trial}}\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 6, 15)
    assert_words(message, "'edition' must be a quarter written YYYY-Qn", repr(bad))


def test_radar_edition_not_yyyy_qn(radar_dir):
    radar_dir.write("radar/radar.yaml", RADAR_YAML.replace("edition: 2026-Q2", "edition: 2026-q2"))
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("radar/radar.yaml", 3, 10)
    assert_words(message, "YYYY-Qn", "'2026-q2'")


def test_history_edition_after_the_current_edition(radar_dir):
    radar_dir.blip("x", extra="history:\n  - {edition: 2027-Q1, ring: trial}\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line, col) == ("blips/x.md", 6, 15)
    assert_words(message, "2027-Q1 is after the current edition 2026-Q2", "radar/radar.yaml")


def test_history_entry_both_ring_and_retired(radar_dir):
    radar_dir.blip("x", extra="history:\n  - {edition: 2026-Q1, ring: trial, retired: true}\n")
    path, line, col, message = only_problem(radar_dir)
    assert (path, line) == ("blips/x.md", 6)
    assert_words(message, "either places the blip in a ring or retires it")


# --- one run, every problem ------------------------------------------------------------------


def test_every_problem_in_every_file_in_one_run(radar_dir):
    radar_dir.blip("a", ring="nope")
    radar_dir.write("blips/b.md", b"---\ntitle: \xff\n---\n")
    radar_dir.blip("c", extra="tags: ai\nhistory:\n  - {edition: 2026-Q1, ring: assess}\n")
    radar_dir.write("radar/initiatives/two.md", "---\ntitle: Two\nlead: L\nstatus: bezig\n---\n")
    radar_dir.write("radar/capabilities.yaml", CAPABILITIES_YAML.replace("status: opgepakt", "status: klaar"))
    radar_dir.blip("d", extra="colour: red\n")
    result = check(radar_dir)
    assert result.returncode == 1
    found = {(p[0], p[1]) for p in problems(result.stderr)}
    assert {
        ("blips/a.md", 4),
        ("blips/b.md", 2),
        ("blips/c.md", 4),  # ring disagrees with history
        ("blips/c.md", 5),  # tags: ai
        ("blips/d.md", 5),  # unknown field: a warning, still listed
        ("radar/initiatives/two.md", 4),
        ("radar/capabilities.yaml", 13),
    } <= found
    assert "6 error(s), 1 warning(s) in 6 file(s)" in result.stderr
    sorted_lines = [p[:3] for p in problems(result.stderr)]
    assert sorted_lines == sorted(sorted_lines)  # grouped by file, in file order


def test_check_subprocess_exit_status_and_stderr(radar_dir):
    radar_dir.blip("x", ring="asses")
    result = run_radar("check", "--source", str(radar_dir.root))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "blips/x.md:4:7: unknown ring 'asses': did you mean 'assess'?" in result.stderr
    radar_dir.blip("x")
    assert run_radar("check", "--source", str(radar_dir.root)).returncode == 0


def test_check_writes_nothing(radar_dir):
    radar_dir.blip("x")
    before = sorted(p.relative_to(radar_dir.root) for p in radar_dir.root.rglob("*"))
    result = check(radar_dir)
    assert result.returncode == 0 and problems(result.stderr) == []
    assert sorted(p.relative_to(radar_dir.root) for p in radar_dir.root.rglob("*")) == before


LEAFLET_GAP = ["blips/deepfake-detectie.md", "blips/osint-tooling.md"]
"""The sample's two piloted algorithms without a leaflet, kept on purpose: the capability model shows
them as its leaflet gap (test_capabilities).  They are its only problems."""


def test_the_sample_radar_has_no_problems_but_its_leaflet_gap():
    result = radar("check", "--source", str(ROOT))
    assert result.returncode == 0, result.stderr
    found = problems(result.stderr)
    assert [path for path, *_ in found] == LEAFLET_GAP, result.stderr
    assert all(message.startswith("waarschuwing: 'algorithm: true' vraagt een bijsluiter") for *_, message in found)
    strict = radar("check", "--strict", "--source", str(ROOT))  # publishing: the gap must be closed first
    assert strict.returncode == 1
    assert [(path, message) for path, _, _, message in problems(strict.stderr)] == [
        (path, message.removeprefix("waarschuwing: ")) for path, _, _, message in found
    ]


# --- CI formats ------------------------------------------------------------------------------

GITHUB = re.compile(r"^::(?P<kind>error|warning) (?P<props>[^:]*(?:%3A[^:]*)*)::(?P<message>.*)$")


def _github_properties(props: str) -> dict[str, str]:
    """Parse `file=...,line=...,col=...` the way the Actions runner does (',' and ':' escaped in values)."""
    unescape = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}
    result = {}
    for pair in props.split(","):
        key, _, value = pair.partition("=")
        result[key] = re.sub(r"%(25|0D|0A|3A|2C)", lambda m: unescape[m.group(0)], value)
    return result


def _two_problems(folder: RadarDir) -> None:
    folder.blip("x", extra="summry: 100% sure\n")
    folder.blip("y", quadrant="dat")


def test_check_format_github(radar_dir):
    _two_problems(radar_dir)
    result = check(radar_dir, "--format", "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    parsed = [GITHUB.match(line) for line in lines]
    assert all(parsed), lines
    first, second = parsed
    assert first["kind"] == "warning" and _github_properties(first["props"]) == {
        "file": "blips/x.md",
        "line": "5",
        "col": "1",
    }
    assert "unknown field 'summry'" in first["message"]
    assert second["kind"] == "error" and _github_properties(second["props"]) == {
        "file": "blips/y.md",
        "line": "3",
        "col": "11",
    }
    assert "did you mean 'data'?" in second["message"]


def test_check_format_github_escapes_a_file_name_with_a_comma(radar_dir):
    radar_dir.blip("a,b")
    result = check(radar_dir, "--format", "github")
    assert result.returncode == 1
    match = GITHUB.match(result.stdout.strip())
    assert match, result.stdout
    assert _github_properties(match["props"])["file"] == "blips/a,b.md"


def test_check_format_gitlab_is_a_code_quality_report(radar_dir):
    _two_problems(radar_dir)
    result = check(radar_dir, "--format", "gitlab")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert [(r["location"]["path"], r["location"]["lines"]["begin"], r["severity"]) for r in report] == [
        ("blips/x.md", 5, "minor"),
        ("blips/y.md", 3, "major"),
    ]
    for entry in report:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= entry.keys()
        assert re.fullmatch(r"[0-9a-f]{40}", entry["fingerprint"])
    assert len({r["fingerprint"] for r in report}) == 2
    assert "did you mean 'data'?" in report[1]["description"]


def test_check_format_gitlab_on_clean_content_is_an_empty_report(radar_dir):
    radar_dir.blip("x")
    result = check(radar_dir, "--format", "gitlab")
    assert result.returncode == 0 and json.loads(result.stdout) == []


# --- a failed build changes nothing -----------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_build_leaves_the_previous_site_byte_for_byte(radar_dir):
    """Subprocess: the real command, default --out, as an author runs it twice."""
    radar_dir.blip("x")
    radar_dir.blip("y", quadrant="tools")
    built = run_radar("build", "--source", str(radar_dir.root))  # default --out: SOURCE/site
    assert built.returncode == 0, built.stderr
    site = radar_dir.root / "site"
    before = snapshot(site)
    assert "index.html" in before and "blips/y.html" in before
    radar_dir.blip("y", quadrant="nope")
    radar_dir.blip("z")
    failed = run_radar("build", "--source", str(radar_dir.root))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "blips/y.md:3:11: unknown quadrant 'nope'" in failed.stderr
    assert "nothing written" in failed.stderr
    assert snapshot(site) == before
    leftovers = [p.name for p in radar_dir.root.iterdir() if p.name.startswith(".site-")]
    assert leftovers == []


def test_build_refuses_an_out_folder_it_did_not_make(radar_dir, tmp_path):
    radar_dir.blip("x")
    out = tmp_path / "documents"
    out.mkdir()
    (out / "thesis.txt").write_text("my only copy", encoding="utf-8")
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "not a site this tool built" in result.stderr
    assert snapshot(out) == {"thesis.txt": b"my only copy"}


@pytest.mark.parametrize("where", ["source", "parent"])
def test_build_refuses_an_out_folder_that_holds_the_sources(radar_dir, where):
    radar_dir.blip("x")
    out = radar_dir.root if where == "source" else radar_dir.root.parent
    before = snapshot(radar_dir.root)
    result = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "would contain the sources" in result.stderr
    assert snapshot(radar_dir.root) == before


def test_build_replaces_a_site_it_made_and_drops_stale_pages(radar_dir):
    radar_dir.blip("x")
    radar_dir.blip("y")
    assert radar("build", "--source", str(radar_dir.root)).returncode == 0
    (radar_dir.root / "blips" / "y.md").unlink()
    assert radar("build", "--source", str(radar_dir.root)).returncode == 0
    site = radar_dir.root / "site"
    assert (site / "blips" / "x.html").is_file() and not (site / "blips" / "y.html").exists()
