"""`radar new`: options for scripts, questions for people; the file it writes always passes the check."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from inprocess import radar

from generator.commands.scaffold import slugify
from generator.content.yamltext import yaml_scalar


def new(source: Path, *args: str, answers: str | None = None) -> subprocess.CompletedProcess:
    """`radar new` as an author runs it from the radar's folder; with `answers`, interactively, one answer per
    line on stdin.  In this process (conftest.run_radar's output and status): _raw_new below is the real one."""
    mode = ["--interactive"] if answers is not None else ["--no-input"]
    return radar("new", *args, "--source", str(source), *mode, cwd=source, stdin=answers or "")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    return yaml.safe_load(text.split("---\n")[1])


def assert_checks(source: Path) -> None:
    """The new file passes the check; what `radar new` leaves for the author to write (template text,
    the default note) is reported as warnings, which --strict makes errors."""
    result = radar("check", "--source", str(source))
    assert result.returncode == 0, result.stderr
    problems = result.stderr.splitlines()[:-1]
    left = [line for line in problems if not (re.search(r": (warning|waarschuwing): ", line) and "'radar new'" in line)]
    assert left == [], result.stderr


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Spraakherkenning & AI", "spraakherkenning-ai"),
        ("Technologieën voor één Noodhulp", "technologieen-voor-een-noodhulp"),
        ("  C++ / Ölfeld -- 5G!  ", "c-olfeld-5g"),
        ("ChatGPT", "chatgpt"),
        ("!!!", ""),
        ("日本語", ""),
    ],
)
def test_slug_is_ascii_lowercase_and_hyphens(title, slug):
    assert slugify(title) == slug


def test_long_titles_give_a_slug_cut_at_a_word():
    slug = slugify("Een heel lange titel " * 10)
    assert len(slug) <= 60 and not slug.endswith("-") and slug.startswith("een-heel-lange-titel")


@pytest.mark.parametrize("text", ["yes", "123", "a: b", "# not a comment", "- dash", "'quoted'", 'say "hi"', "[x]"])
def test_yaml_scalar_reads_back_as_the_same_text(text):
    assert yaml.safe_load(f"k: {yaml_scalar(text)}") == {"k": text}


def test_options_write_a_blip_that_passes_the_check_and_builds(radar_dir, tmp_path):
    result = new(
        radar_dir.root,
        "--title",
        "Spraakherkenning & AI",
        "--quadrant",
        "data",
        "--ring",
        "assess",
        "--summary",
        "Spraak omzetten naar tekst.",
        "--capability",
        "tech-future,work-agile",
        "--capability",
        "tech-agile",
        "--initiative",
        "pilot-one",
        "--note",
        "First look: transcribing interviews.",
    )
    assert result.returncode == 0, result.stderr
    path = radar_dir.root / "blips" / "spraakherkenning-ai.md"
    fields = front_matter(path)
    assert fields["title"] == "Spraakherkenning & AI"
    assert (fields["quadrant"], fields["ring"]) == ("data", "assess")
    assert fields["capabilities"] == ["tech-future", "work-agile", "tech-agile"]
    assert fields["initiatives"] == ["pilot-one"]
    assert fields["history"] == [
        {"edition": "2026-Q2", "ring": "assess", "note": "First look: transcribing interviews."}
    ]
    body = path.read_text(encoding="utf-8").split("---\n", 2)[2]
    assert "## What it is" in body and "Assess" in body  # the radar is in English
    # The output names the file and the next steps.
    assert "blips/spraakherkenning-ai.md" in result.stdout
    for step in ("radar check", "radar serve", "git add", "git commit", "git push"):
        assert step in result.stdout
    assert_checks(radar_dir.root)
    out = tmp_path / "site"
    built = radar("build", "--source", str(radar_dir.root), "--out", str(out))
    assert built.returncode == 0, built.stderr
    page = (out / "blips" / "spraakherkenning-ai.html").read_text(encoding="utf-8")
    assert "Spraakherkenning &amp; AI" in page and "First look: transcribing interviews." in page


def test_minimal_options_give_the_default_note_and_empty_lists(radar_dir):
    result = new(radar_dir.root, "--title", "Graph databases", "--quadrant", "tools", "--ring", "trial")
    assert result.returncode == 0, result.stderr
    fields = front_matter(radar_dir.root / "blips" / "graph-databases.md")
    assert fields["capabilities"] == [] and fields["initiatives"] == [] and fields["tags"] == []
    assert fields["history"] == [{"edition": "2026-Q2", "ring": "trial", "note": "New on the radar."}]
    assert_checks(radar_dir.root)


@pytest.mark.parametrize(
    "title",
    ["yes", "2026", "Kubernetes: the hard way", "# hashtag", "- lijst", "Say \"hi\" & 'bye'", "{braces}", "a\tb  c"],
)
def test_titles_that_look_like_yaml_stay_text(radar_dir, title):
    result = new(radar_dir.root, "--title", title, "--quadrant", "data", "--ring", "trial", "--summary", title)
    assert result.returncode == 0, result.stderr
    (path,) = (radar_dir.root / "blips").glob("*.md")
    expected = " ".join(title.split())
    assert front_matter(path)["title"] == expected
    assert front_matter(path)["summary"] == expected
    assert_checks(radar_dir.root)


def test_invalid_options_list_the_valid_choices_and_write_nothing(radar_dir):
    result = new(
        radar_dir.root,
        "--title",
        "X",
        "--quadrant",
        "dat",
        "--ring",
        "nope",
        "--capability",
        "tech-futur",
        "--initiative",
        "pilot-two",
    )
    assert result.returncode == 1
    err = result.stderr
    assert (
        "unknown quadrant 'dat' for --quadrant: did you mean 'data'? valid choices: data, tools, platforms, methods"
        in err
    )
    assert "unknown ring 'nope' for --ring: valid choices: adopt, trial, assess, hold" in err
    assert "unknown capability cell 'tech-futur'" in err and "did you mean 'tech-future'?" in err
    assert "unknown initiative 'pilot-two'" in err and "valid choices: pilot-one" in err
    assert err.count("error: ") == 4
    assert "Traceback" not in err
    assert not any((radar_dir.root / "blips").iterdir())  # RadarDir starts with an empty blips/


def test_missing_options_without_a_terminal_are_errors_with_choices(radar_dir):
    result = new(radar_dir.root, "--title", "X")
    assert result.returncode == 1
    assert "--quadrant is required (valid choices: data, tools, platforms, methods)" in result.stderr
    assert "--ring is required (valid choices: adopt, trial, assess, hold)" in result.stderr
    assert "--title" not in result.stderr


def test_refuses_to_overwrite_even_in_a_sub_folder(radar_dir):
    existing = radar_dir.blip("graph-databases", title="Graph databases")
    before = existing.read_bytes()
    result = new(radar_dir.root, "--title", "Graph Databases!", "--quadrant", "data", "--ring", "trial")
    assert result.returncode == 1
    assert "already exists" in result.stderr and "graph-databases.md" in result.stderr
    assert existing.read_bytes() == before
    # The loader reads sub-folders too, so an id taken there is taken.
    radar_dir.write("blips/archive/old-thing.md", existing.read_text(encoding="utf-8"))
    result = new(radar_dir.root, "--title", "Old thing", "--quadrant", "data", "--ring", "trial")
    assert result.returncode == 1 and "blips/archive/old-thing.md already exists" in result.stderr
    assert not (radar_dir.root / "blips" / "old-thing.md").exists()


def test_a_title_without_letters_is_refused(radar_dir):
    result = new(radar_dir.root, "--title", "???", "--quadrant", "data", "--ring", "trial")
    assert result.returncode == 1 and "no letters or digits" in result.stderr


def test_interactive_offers_numbered_choices_and_asks_again_after_a_wrong_answer(radar_dir):
    answers = "\n".join(
        [
            "",  # empty title: asked again
            "Digital twins",
            "9",  # not a choice
            "1",  # data
            "trial",  # ids work as well as numbers
            "A copy of an area to practise in.",
            "simulation, 3D",  # tags
            "",  # not an algorithm (the default)
            "1, 4",  # tech-future and work-agile
            "1",  # pilot-one
            "",  # default note
        ]
    )
    result = new(radar_dir.root, answers=answers + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "1) data  Data" in out and "4) methods  Methods" in out
    assert "1) tech-future  T F" in out and "1) pilot-one  Pilot one" in out
    assert "This field is required" in out
    assert "'9' is not one of the choices" in out
    fields = front_matter(radar_dir.root / "blips" / "digital-twins.md")
    assert fields["quadrant"] == "data" and fields["ring"] == "trial"
    assert fields["summary"] == "A copy of an area to practise in."
    assert fields["capabilities"] == ["tech-future", "work-agile"]
    assert fields["initiatives"] == ["pilot-one"]
    assert fields["history"][0]["note"] == "New on the radar."
    assert fields["tags"] == ["simulation", "3D"] and fields["algorithm"] is False
    assert_checks(radar_dir.root)


def test_interactive_only_asks_for_what_the_options_leave_out(radar_dir):
    result = new(radar_dir.root, "--title", "Edge", "--quadrant", "tools", answers="2\n\n\n\n\n\n\n")
    assert result.returncode == 0, result.stderr
    assert "Title" not in result.stdout and "Quadrant" not in result.stdout and "Ring:" in result.stdout
    assert front_matter(radar_dir.root / "blips" / "edge.md")["ring"] == "trial"


def test_interactive_end_of_input_writes_nothing(radar_dir):
    result = new(radar_dir.root, answers="Half done\n1\n")
    assert result.returncode == 1 and "end of input" in result.stderr
    assert not any((radar_dir.root / "blips").iterdir())  # RadarDir starts with an empty blips/


def test_new_initiative_both_ways_passes_the_check(radar_dir):
    result = new(
        radar_dir.root, "initiative", "--title", "Slimme camera's", "--lead", "Team Z", "--status", "verkenning"
    )
    assert result.returncode == 0, result.stderr
    fields = front_matter(radar_dir.root / "radar" / "initiatives" / "slimme-camera-s.md")
    assert fields == {"title": "Slimme camera's", "lead": "Team Z", "status": "verkenning", "capabilities": []}
    result = new(radar_dir.root, "initiative", answers="Data lab\nTeam Data\n2\n2 3\n")
    assert result.returncode == 0, result.stderr
    assert "2) pilot  Pilot" in result.stdout
    fields = front_matter(radar_dir.root / "radar" / "initiatives" / "data-lab.md")
    assert fields["status"] == "pilot" and fields["capabilities"] == ["tech-agile", "work-future"]
    assert_checks(radar_dir.root)
    # A blip can now name the new initiative.
    result = new(radar_dir.root, "--title", "T", "--quadrant", "data", "--ring", "hold", "--initiative", "data-lab")
    assert result.returncode == 0, result.stderr
    assert_checks(radar_dir.root)


def test_initiative_status_and_options_for_the_other_kind_are_checked(radar_dir):
    result = new(radar_dir.root, "initiative", "--title", "X", "--lead", "Y", "--status", "pilots")
    assert result.returncode == 1
    assert "unknown initiative status 'pilots' for --status: did you mean 'pilot'?" in result.stderr
    result = new(radar_dir.root, "initiative", "--title", "X", "--lead", "Y", "--status", "pilot", "--ring", "trial")
    assert result.returncode == 1 and "--ring cannot be used with 'radar new initiative'" in result.stderr
    result = new(radar_dir.root, "--title", "X", "--quadrant", "data", "--ring", "trial", "--lead", "Y")
    assert result.returncode == 1 and "--lead cannot be used with 'radar new blip'" in result.stderr


def test_a_dutch_radar_gets_dutch_questions_template_and_steps(radar_dir):
    radar_yaml = radar_dir.root / "radar" / "radar.yaml"
    radar_yaml.write_text(radar_yaml.read_text().replace("language: en", "language: nl"), encoding="utf-8")
    result = new(radar_dir.root, answers="Digitale tweeling\n1\n2\n\n\nnee\n\n\n\n\n")
    assert result.returncode == 0, result.stderr
    assert "Kwadrant:" in result.stdout and "Kies een nummer [1-4]" in result.stdout
    assert "Volgende stappen:" in result.stdout
    text = (radar_dir.root / "blips" / "digitale-tweeling.md").read_text(encoding="utf-8")
    assert "## Wat is het" in text and 'note: "Nieuw op de radar."' in text and "algorithm: false" in text
    assert_checks(radar_dir.root)


def test_a_broken_configuration_is_reported_with_its_place(radar_dir):
    radar_dir.write("radar/radar.yaml", "title: [unclosed\n")
    result = new(radar_dir.root, "--title", "X", "--quadrant", "data", "--ring", "trial")
    assert result.returncode == 1
    assert "radar/radar.yaml:" in result.stderr and "Traceback" not in result.stderr


def test_the_sample_radar_accepts_a_new_blip(tmp_path):
    import shutil

    source = tmp_path / "sample"
    shutil.copytree(ROOT / "radar", source / "radar")
    shutil.copytree(ROOT / "blips", source / "blips")
    result = new(
        source,
        "--title",
        "Spraakherkenning & AI",
        "--quadrant",
        "data-en-ai",
        "--ring",
        "verkennen",
        "--capability",
        "technologie-toekomstgerichtheid",
    )
    assert result.returncode == 0, result.stderr
    assert (source / "blips" / "spraakherkenning-ai.md").is_file()
    check = radar("check", "--source", str(source))
    assert check.returncode == 0, check.stderr


def _field_tables(text: str) -> list[dict[str, bool]]:
    """Each Markdown table whose first column is a `field`: name -> required (yes/ja)."""
    tables: list[dict[str, bool]] = []
    current: dict[str, bool] | None = None
    for line in text.splitlines():
        row = re.match(r"^\| `([a-z]+)` \| (ja|nee|yes|no) \|", line)
        if row:
            if current is None:
                current = {}
                tables.append(current)
            current[row.group(1)] = row.group(2) in ("ja", "yes")
        elif not line.startswith("|"):
            current = None
    return tables


def test_contributing_documents_every_declared_field_in_both_languages():
    from generator.content import schema

    declared = [schema.BLIP_FIELDS, schema.HISTORY_FIELDS, schema.LEAFLET_FIELDS, schema.INITIATIVE_FIELDS]
    expected = [{f.name: f.required for f in fields.values()} for fields in declared]
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    dutch, english = text.split("\n## English\n")
    assert "\n## Nederlands\n" in dutch
    for section in (dutch, english):
        assert _field_tables(section) == expected
        for command in ("radar new", "radar new initiative", "radar serve", "radar check", "git push"):
            assert command in section
    for status in schema.INITIATIVE_STATUSES:
        assert f"`{status}`" in dutch and f"`{status}`" in english


def test_next_steps_name_the_source_folder_when_run_from_elsewhere(radar_dir):
    result = radar(
        "new",
        "--source",
        str(radar_dir.root),
        "--no-input",
        "--title",
        "Elsewhere",
        "--quadrant",
        "data",
        "--ring",
        "trial",
        cwd=radar_dir.root.parent,
    )
    assert result.returncode == 0, result.stderr
    assert f"radar check --source {radar_dir.root}" in result.stdout
    assert f"radar serve --source {radar_dir.root}" in result.stdout
    assert f"git add {radar_dir.root.name}/blips/elsewhere.md" in result.stdout


# --- hostile or broken input: a clear error, and nothing left behind ---------------------------


def _raw_new(source: Path, *args: bytes | str, stdin: int | bytes | None) -> subprocess.CompletedProcess:
    """`radar new` with raw bytes on the command line, and stdin as given (None: closed, as `<&-` does)."""
    command = [sys.executable, "-m", "generator", "new", *args, "--source", str(source)]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    if stdin is None:  # the child starts with file descriptor 0 closed
        return subprocess.run(
            ["sh", "-c", 'exec "$@" <&-', "sh", *command], cwd=source, capture_output=True, env=env, timeout=60
        )
    return subprocess.run(command, cwd=source, input=stdin, capture_output=True, env=env, timeout=60)


@pytest.mark.parametrize("interactive", [False, True])
def test_new_with_stdin_closed_is_a_clear_error(radar_dir, interactive):
    """Reproducer: `radar new <&-` crashed with AttributeError ('NoneType' object has no attribute 'isatty')."""
    result = _raw_new(radar_dir.root, *(["--interactive"] if interactive else []), stdin=None)
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr, stderr
    expected = "standard input is closed" if interactive else "--title is required"
    assert expected in stderr
    assert not any((radar_dir.root / "blips").iterdir())  # RadarDir starts with an empty blips/


def test_new_with_stdin_closed_still_works_with_every_option(radar_dir):
    result = _raw_new(radar_dir.root, "--title", "Closed input", "--quadrant", "data", "--ring", "trial", stdin=None)
    assert result.returncode == 0, result.stderr.decode()
    assert front_matter(radar_dir.root / "blips" / "closed-input.md")["title"] == "Closed input"


def test_a_title_that_is_not_utf8_is_a_clear_error_and_leaves_no_file(radar_dir):
    """Reproducer: `--title $'Caf\\xe9'` crashed (UnicodeEncodeError) and left an empty caf.md blocking a retry."""
    result = _raw_new(radar_dir.root, b"--title", b"Caf\xe9", "--quadrant", "data", "--ring", "trial", stdin=b"")
    stderr = result.stderr.decode()
    assert result.returncode == 1 and "Traceback" not in stderr, stderr
    assert "--title is not UTF-8 text: 'Caf\\xe9'" in stderr
    assert not (radar_dir.root / "blips").exists() or list((radar_dir.root / "blips").iterdir()) == []
    typed = _raw_new(radar_dir.root, "--interactive", stdin=b"Caf\xe9\n1\n1\n\n\n\n\n")
    assert typed.returncode == 1 and "the answer is not UTF-8 text: 'Caf\\xe9'" in typed.stderr.decode()
    assert not (radar_dir.root / "blips").exists() or list((radar_dir.root / "blips").iterdir()) == []
    retry = _raw_new(radar_dir.root, "--title", "Café", "--quadrant", "data", "--ring", "trial", stdin=b"")
    assert retry.returncode == 0, retry.stderr.decode()
    assert front_matter(radar_dir.root / "blips" / "cafe.md")["title"] == "Café"


def test_a_failing_write_leaves_no_file_behind(radar_dir, monkeypatch):
    """The file appears whole or not at all: a full disk while writing leaves nothing that blocks a retry."""
    import argparse
    import errno
    import io

    from generator.commands import scaffold, scaffold_files

    def full(fd: int, *args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(scaffold_files.os, "link", full)
    args = argparse.Namespace(
        kind="blip",
        source=radar_dir.root,
        interactive=False,
        no_input=True,
        title="Full disk",
        quadrant="data",
        ring="trial",
        summary=None,
        capability=None,
        initiative=None,
        note=None,
        lead=None,
        status=None,
    )
    assert scaffold.new(args, io.StringIO(), io.StringIO()) == 1
    assert list((radar_dir.root / "blips").iterdir()) == []


def test_the_prompt_takes_names_suggests_and_shows_what_each_ring_means(radar_dir):
    radar_dir.write(
        "radar/radar.yaml",
        radar_dir.root.joinpath("radar/radar.yaml")
        .read_text(encoding="utf-8")
        .replace("{id: trial, name: Trial}", "{id: trial, name: Trial, description: Join through the pilot lead.}"),
    )
    answers = ["Graph databases", "Tols", "tools", "Tri", "", "graphs, data", "yes", "", "", "Tried, liked: more"]
    result = new(radar_dir.root, answers="\n".join(answers) + "\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "'Tols' is not one of the choices" in out and "Did you mean Tools?" in out
    assert "Trial: Join through the pilot lead." in out  # the ring's meaning beside its name
    text = (radar_dir.root / "blips" / "graph-databases.md").read_text(encoding="utf-8")
    assert '    note: "Tried, liked: more"\n' in text  # block YAML, the note always quoted
    fields = front_matter(radar_dir.root / "blips" / "graph-databases.md")
    assert (fields["quadrant"], fields["ring"]) == ("tools", "trial")  # a name and the start of a name
    assert fields["tags"] == ["graphs", "data"] and fields["algorithm"] is True
    check = radar("check", "--source", str(radar_dir.root), "--strict")
    assert check.returncode == 1
    assert "'algorithm: true' needs a leaflet" in check.stderr
    assert "from 'radar new': replace it with your own words" in check.stderr


def test_options_take_tags_and_algorithm(radar_dir):
    result = new(
        radar_dir.root, "--title", "Z", "--quadrant", "Data", "--ring", "trial", "--tag", "a,b", "--algorithm", "no"
    )
    assert result.returncode == 0, result.stderr
    fields = front_matter(radar_dir.root / "blips" / "z.md")
    assert fields["tags"] == ["a", "b"] and fields["algorithm"] is False and fields["quadrant"] == "data"
