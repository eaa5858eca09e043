"""`radar check --format github|gitlab`: the same problems as annotations on the changed lines.

GitHub: workflow commands `::error file=F,line=L,col=C::message` (docs: "Workflow commands for
GitHub Actions"), with %, CR and LF escaped in the message and also ':' and ',' in properties.
GitLab: a code-quality report, a JSON array of issues with description, check_name, fingerprint,
severity (info|minor|major|critical|blocker) and location.path + location.lines.begin.
"""

from __future__ import annotations

import json
import re

from conftest import ROOT
from inprocess import radar as in_process

from generator.content.problems import ERROR, WARNING, Problem, format_problems

GITHUB_LINE = re.compile(r"^::(error|warning) file=([^,:]+),line=(\d+),col=(\d+)::(.*)$")
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def unescape_message(text: str) -> str:
    return text.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_message(text.replace("%3A", ":").replace("%2C", ","))


def broken_radar(radar_dir) -> None:
    """Three errors and one warning at known places."""
    radar_dir.blip("good")
    radar_dir.blip("bad-quadrant", quadrant="dta")  # line 3, column 11
    radar_dir.write("blips/bad-yaml.md", "---\ntitle: X\nquadrant: data\nring: [trial\n---\n")  # unclosed flow sequence
    radar_dir.blip("odd-field", extra="colour: red\n")  # warning on line 5, column 1
    radar_dir.write("blips/percent.md", "---\ntitle: P\nquadrant: '50%'\nring: trial\n---\n")


def github(radar_dir, *extra: str) -> tuple[int, list[tuple[str, str, int, int, str]]]:
    result = in_process("check", "--source", str(radar_dir.root), "--format", "github", *extra)
    lines = result.stdout.splitlines()
    parsed = []
    for line in lines:
        found = GITHUB_LINE.match(line)
        assert found, f"not a workflow command: {line!r}"
        kind, path, row, col, message = found.groups()
        parsed.append((kind, unescape_property(path), int(row), int(col), unescape_message(message)))
    return result.returncode, parsed


def test_github_annotations_carry_file_line_column_and_the_message(radar_dir):
    broken_radar(radar_dir)
    status, found = github(radar_dir)
    assert status == 1
    by_file = {(path, kind): (row, col, message) for kind, path, row, col, message in found}
    row, col, message = by_file["blips/bad-quadrant.md", "error"]
    assert (row, col) == (3, 11)
    assert message.startswith("unknown quadrant 'dta': did you mean 'data'? valid choices: data, tools")
    row, col, message = by_file["blips/bad-yaml.md", "error"]
    assert (row, col) == (4, 13) and message.startswith("YAML syntax error: the list that starts with '['")
    row, col, message = by_file["blips/odd-field.md", "warning"]
    assert (row, col) == (5, 1) and "unknown field 'colour'" in message
    row, col, message = by_file["blips/percent.md", "error"]
    assert (row, col) == (3, 11) and "'50%'" in message
    assert not any(path == "blips/good.md" for _, path, *_ in found)
    assert len(found) == 4


def test_github_escapes_percent_and_newlines_in_messages_and_commas_in_file_names(radar_dir):
    radar_dir.blip("good")
    radar_dir.write("blips/a,b:c.md", "---\ntitle: X\n---\n")
    radar_dir.write("blips/newline.md", '---\ntitle: X\nquadrant: data\nring: trial\n"two\\nlines%": 1\n---\n')
    result = in_process("check", "--source", str(radar_dir.root), "--format", "github")
    out = result.stdout
    assert "file=blips/a%2Cb%3Ac.md,line=1,col=1::" in out
    assert "'two\\x0alines%25'" in out  # a line break in a quoted name is escaped before any format sees it
    assert "\r" not in out and all(line.startswith("::") for line in out.splitlines())
    assert result.returncode == 1  # the bad file name is an error; the unknown field only a warning


def test_github_strict_turns_warnings_into_errors(radar_dir):
    radar_dir.blip("odd-field", extra="colour: red\n")
    status, found = github(radar_dir)
    assert status == 0 and [kind for kind, *_ in found] == ["warning"]
    status, found = github(radar_dir, "--strict")
    assert status == 1 and [kind for kind, *_ in found] == ["error"]


def test_a_clean_radar_gives_no_annotations_and_an_empty_report(radar_dir):
    radar_dir.blip("good")
    result = in_process("check", "--source", str(radar_dir.root), "--format", "github")
    assert (result.returncode, result.stdout) == (0, "")
    result = in_process("check", "--source", str(radar_dir.root), "--format", "gitlab")
    assert result.returncode == 0 and json.loads(result.stdout) == []


def test_gitlab_code_quality_report_has_the_fields_gitlab_reads(radar_dir):
    broken_radar(radar_dir)
    result = in_process("check", "--source", str(radar_dir.root), "--format", "gitlab")
    assert result.returncode == 1
    assert result.stderr == ""  # stdout is the artifact; nothing else may mix into it
    report = json.loads(result.stdout)
    assert isinstance(report, list) and len(report) == 4
    for issue in report:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= issue.keys()
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["severity"] in GITLAB_SEVERITIES
        assert re.fullmatch(r"[0-9a-f]{40}", issue["fingerprint"])
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in report}) == len(report)
    quadrant = next(i for i in report if i["location"]["path"] == "blips/bad-quadrant.md")
    assert quadrant["location"]["lines"]["begin"] == 3 and quadrant["severity"] == "major"
    assert "did you mean 'data'?" in quadrant["description"]
    warning = next(i for i in report if i["location"]["path"] == "blips/odd-field.md")
    assert warning["severity"] == "minor"


def test_gitlab_fingerprints_are_stable_between_runs_and_differ_per_problem(radar_dir):
    broken_radar(radar_dir)
    first = in_process("check", "--source", str(radar_dir.root), "--format", "gitlab").stdout
    second = in_process("check", "--source", str(radar_dir.root), "--format", "gitlab").stdout
    assert first == second  # GitLab compares fingerprints between the branch and its target


def test_the_text_format_is_path_line_column_message(radar_dir):
    broken_radar(radar_dir)
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1 and result.stdout == ""
    assert "blips/bad-quadrant.md:3:11: unknown quadrant 'dta'" in result.stderr
    assert "blips/odd-field.md:5:1: warning: unknown field 'colour'" in result.stderr
    assert "3 error(s), 1 warning(s) in 4 file(s)" in result.stderr


def test_paths_are_from_the_working_directory_when_the_radar_is_in_a_sub_folder(radar_dir):
    """CI runs at the repository root; annotations must name files from there."""
    broken_radar(radar_dir)
    repo = radar_dir.root.parent
    for fmt in ("github", "gitlab"):
        result = in_process("check", "--source", radar_dir.root.name, "--format", fmt, cwd=repo)
        assert result.returncode == 1
        assert f"{radar_dir.root.name}/blips/bad-quadrant.md" in result.stdout
        assert (repo / radar_dir.root.name / "blips" / "bad-quadrant.md").is_file()
    # The text format keeps the radar's own paths, as authors see them in their editor.
    text = in_process("check", "--source", radar_dir.root.name, cwd=repo)
    assert "\nblips/bad-quadrant.md:3:11:" in "\n" + text.stderr


def test_format_problems_directly():
    problems = [
        Problem("blips/a.md", 2, 3, "bad\nvalue 100%", ERROR),
        Problem("blips/b,c.md", 1, 1, "odd", WARNING),
    ]
    assert format_problems(problems, "github") == (
        "::error file=blips/a.md,line=2,col=3::bad%0Avalue 100%25\n::warning file=blips/b%2Cc.md,line=1,col=1::odd\n"
    )
    report = json.loads(format_problems(problems, "gitlab"))
    assert [i["severity"] for i in report] == ["major", "minor"]
    assert report[0]["description"] == "bad\nvalue 100%"
    assert format_problems(problems, "text") == "blips/a.md:2:3: bad\nvalue 100%\nblips/b,c.md:1:1: warning: odd\n"


def test_the_ci_definitions_run_these_formats():
    """The shipped CI files call the commands tested above (and parse as YAML)."""
    import yaml

    gh = yaml.safe_load((ROOT / ".github" / "workflows" / "radar.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for job in gh["jobs"].values() for s in job["steps"]]
    assert any("radar check --format github" in s for s in steps)
    assert any("radar build" in s for s in steps)
    uses = [s.get("uses", "") for job in gh["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    gl = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    check_job = next(j for j in gl.values() if isinstance(j, dict) and "codequality" in str(j.get("artifacts")))
    assert any("--format gitlab" in line for line in check_job["script"])
    assert gl["pages"]["artifacts"]["paths"] == ["public"]
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "radar-check")
    assert (hook["language"], hook["entry"], hook["pass_filenames"]) == ("python", "radar check", False)
