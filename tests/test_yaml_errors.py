"""YAML mistakes in a blip's front matter, reported where the author went wrong, in the radar's language.

Each case is one mistake an author makes, in an otherwise valid blip; `radar check` must name the
line and column to fix (not where PyYAML gave up), say it plainly in Dutch on a Dutch radar and in
English on an English one, and show the line with a caret under that column.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import RADAR_YAML, RadarDir
from hypothesis import given, settings
from hypothesis import strategies as st
from inprocess import radar

from generator.commands.serve.errorpage import error_page
from generator.commands.serve.preview import Build
from generator.content.problems import Problem, Problems
from generator.content.source import parse_yaml
from generator.content.yaml_errors import explain

HEAD = "---\ntitle: Graph databases\nquadrant: data\nring: trial\n"

# name: (front matter after HEAD's fields, line, column, the line shown, English message, Dutch message)
CASES = {
    "unclosed_list": (
        "summary: Linked data.\ntags: [graphs, queries\nowner: Data team\n",
        6,
        23,
        "tags: [graphs, queries",
        "the list that starts with '[' in column 7 is never closed: end it with ']' (here, at the end of the line)",
        "de lijst die in kolom 7 met '[' begint wordt nergens gesloten: sluit hem af met ']' "
        "(hier, aan het eind van de regel)",
    ),
    "unclosed_mapping": (
        "owner: {team: Data\nsummary: Linked data.\n",
        5,
        19,
        "owner: {team: Data",
        "the mapping that starts with '{' in column 8 is never closed: end it with '}' (here, at the end of the line)",
        "de mapping die in kolom 8 met '{' begint wordt nergens gesloten: sluit hem af met '}' "
        "(hier, aan het eind van de regel)",
    ),
    "unclosed_quote": (
        'summary: "Linked data, queried as a graph.\nowner: Data team\n',
        5,
        43,
        'summary: "Linked data, queried as a graph.',
        'the text that starts with " in column 10 is never closed: end it with " (here, at the end of the line)',
        'de tekst die in kolom 10 met " begint wordt nergens gesloten: sluit hem af met " '
        "(hier, aan het eind van de regel)",
    ),
    "apostrophe_in_single_quotes": (
        "summary: 'Jan's idee'\n",
        5,
        15,
        "summary: 'Jan's idee'",
        "the value ends at the quote in column 14, yet text follows: inside single quotes write an apostrophe "
        "twice ('') or put the value in double quotes",
        "de waarde eindigt bij het aanhalingsteken in kolom 14, maar er volgt nog tekst: schrijf een apostrof "
        "binnen enkele aanhalingstekens dubbel ('') of zet de waarde tussen dubbele aanhalingstekens",
    ),
    "tab_indentation": (
        "history:\n\t- {edition: 2026-Q1, ring: trial}\n",
        6,
        1,
        "\\x09- {edition: 2026-Q1, ring: trial}",
        "this line is indented with a tab; YAML indents with spaces only: replace the tab with spaces",
        "deze regel springt in met een tab; YAML springt alleen in met spaties: vervang de tab door spaties",
    ),
    "no_colon": (
        "owner Data team\nsummary: Linked data.\n",
        5,
        6,
        "owner Data team",
        "a colon is missing after 'owner': a field is written 'owner: value'; a line that continues the text "
        "above must be indented",
        "na 'owner' ontbreekt een dubbele punt: een veld schrijf je als 'owner: waarde'; een regel die de tekst "
        "erboven voortzet moet inspringen",
    ),
    "no_space_after_colon": (
        "owner:Data team\nsummary: Linked data.\n",
        5,
        7,
        "owner:Data team",
        "a space belongs after 'owner:': write 'owner: Data team'",
        "na 'owner:' hoort een spatie: schrijf 'owner: Data team'",
    ),
    "markdown_emphasis_first": (
        "summary: *Nieuw* in deze editie\n",
        5,
        10,
        "summary: *Nieuw* in deze editie",
        "in YAML a value cannot start with '*': put the value in quotes, e.g. summary: \"*Nieuw* in deze editie\"",
        "in YAML kan een waarde niet met '*' beginnen: zet de waarde tussen aanhalingstekens, "
        'bijvoorbeeld summary: "*Nieuw* in deze editie"',
    ),
    "colon_in_value": (
        "summary: Let op: dit\n",
        5,
        16,
        "summary: Let op: dit",
        "YAML reads ': ' inside a value as the start of a new field: put the value in quotes, "
        'e.g. summary: "Let op: dit"',
        "YAML leest ': ' in een waarde als het begin van een nieuw veld: zet de waarde tussen aanhalingstekens, "
        'bijvoorbeeld summary: "Let op: dit"',
    ),
    "indented_too_deep": (
        "summary: Linked data.\n  owner: Data team\n",
        6,
        3,
        "  owner: Data team",
        "this line starts in column 3, deeper than the line above (column 1), so YAML reads it as part of that "
        "value: start a new field in column 1, or put the value above in quotes if the ':' belongs to it",
        "deze regel begint in kolom 3, dieper dan de regel erboven (kolom 1), dus leest YAML hem als deel van "
        "die waarde: begin een nieuw veld in kolom 1, of zet de waarde erboven tussen aanhalingstekens als de "
        "':' erbij hoort",
    ),
    "misaligned": (
        "history:\n  - edition: 2026-Q1\n   ring: trial\n",
        7,
        4,
        "   ring: trial",
        "wrong indentation: this line starts in column 4, which lines up with no line above it (columns 1, 3, 5): "
        "the fields of one mapping and the items of one list start in the same column",
        "verkeerd ingesprongen: deze regel begint in kolom 4 en sluit aan op geen enkele regel erboven "
        "(kolommen 1, 3, 5): de velden van één mapping en de items van één lijst beginnen in dezelfde kolom",
    ),
    "backslash_in_double_quotes": (
        'summary: "Staat op G:\\data"\n',
        5,
        22,
        'summary: "Staat op G:\\data"',
        "a backslash (\\) inside double quotes starts an escape such as \\n: write it as \\\\ or put the value "
        "in single quotes",
        "een backslash (\\) binnen dubbele aanhalingstekens begint een escape zoals \\n: schrijf hem als \\\\ of "
        "zet de waarde tussen enkele aanhalingstekens",
    ),
}

PREFIX = {"en": "YAML syntax error: ", "nl": "YAML-syntaxfout: "}


def radar_in(radar_dir: RadarDir, language: str) -> RadarDir:
    radar_dir.write("radar/radar.yaml", RADAR_YAML.replace("language: en", f"language: {language}"))
    return radar_dir


def check_output(radar_dir: RadarDir, *args: str) -> str:
    result = radar("check", "--source", str(radar_dir.root), *args)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    return result.stderr


def expected(line: int, column: int, shown: str, message: str) -> str:
    """The problem line, then the line of the file with a caret under the column (tabs show as \\x09)."""
    caret = len(shown.replace("\\x09", "\t")[: column - 1].replace("\t", "\\x09"))
    gutter = " " * len(str(line))
    return f"blips/x.md:{line}:{column}: {message}\n    {line} | {shown}\n    {gutter} | {' ' * caret}^\n"


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_yaml_mistake_is_reported_where_it_was_made_in_the_radars_language(radar_dir, case, language):
    fields, line, column, shown, english, dutch = CASES[case]
    radar_in(radar_dir, language).write("blips/x.md", HEAD + fields + "---\nBody.\n")
    message = PREFIX[language] + (english if language == "en" else dutch)
    output = check_output(radar_dir)
    assert output.startswith(expected(line, column, shown, message)), output
    assert output.count("blips/x.md:") == 1, output


@pytest.mark.parametrize(
    ("language_line", "prefix"),
    [("language: nl", "nl"), ('language: "nl"  # Dutch', "nl"), ("language: en", "en"), ("", "en")],
)
def test_a_yaml_mistake_in_radar_yaml_is_said_in_the_language_the_file_names(radar_dir, language_line, prefix):
    """The language is a field of the file that does not parse: its own line is read for it."""
    text = RADAR_YAML.replace("language: en", language_line) + "owner: Team: Data\n"
    radar_dir.write("radar/radar.yaml", text)
    line = text.count("\n")
    first = check_output(radar_dir).splitlines()[0]
    assert first.startswith(f"radar/radar.yaml:{line}:12: {PREFIX[prefix]}"), first
    assert ("YAML leest" in first) == (prefix == "nl"), first


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_control_character_is_pointed_at_where_it_sits(radar_dir, language):
    """YAML refuses the file at a byte offset (libyaml) or a character offset (PyYAML): after 'é' the two
    differ, and the author needs the column of the character itself, said in the radar's language."""
    radar_in(radar_dir, language).write("blips/x.md", HEAD + "summary: Café \x01 open.\n---\nBody.\n")
    first = check_output(radar_dir).splitlines()[0]
    said = {"en": "U+0001 is a control character", "nl": "hier staat het stuurteken U+0001"}[language]
    assert first.startswith(f"blips/x.md:5:15: {said}"), first


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_value_cut_short_by_a_hash_is_a_warning_with_the_quoted_value_to_write(radar_dir, language):
    """'summary: Zie #123' is valid YAML whose summary is 'Zie': the author meant the whole text."""
    radar_in(radar_dir, language).write("blips/x.md", HEAD + "summary: Zie #123 voor meer\n---\nBody.\n")
    result = radar("check", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    first = result.stderr.splitlines()[0]
    said = {
        "en": "warning: YAML reads '#123 voor meer' as a comment",
        "nl": "waarschuwing: YAML leest '#123 voor meer'",
    }
    assert first.startswith(f"blips/x.md:5:14: {said[language]}"), first
    assert first.endswith('"Zie #123 voor meer"'), first


@pytest.mark.parametrize(
    "line",
    [
        "ring: trial  # was assess",  # a comment written as one
        "summary: 'Zie #123'",  # quoted: the '#' is text
        "summary: C# and F# tooling",  # no space before '#': YAML keeps it
        "summary: Zie # een opmerking",  # '# ' then a space: a comment as YAML writes them
    ],
)
def test_a_comment_or_a_hash_that_yaml_keeps_is_not_warned_about(radar_dir, line):
    radar_dir.write("blips/x.md", "---\ntitle: Graph databases\nquadrant: data\n" + line + "\n---\nBody.\n")
    if not line.startswith("ring"):
        radar_dir.write("blips/x.md", HEAD + line + "\n---\nBody.\n")
    result = radar("check", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    assert "blips/x.md" not in result.stderr, result.stderr


def test_the_issues_example_a_missing_bracket_on_line_6_is_reported_on_line_6(radar_dir):
    """Before: '7:13: YAML syntax error: while parsing a flow sequence did not find expected ',' or ']''."""
    radar_dir.write(
        "blips/x.md",
        "---\ntitle: Graph databases\nquadrant: data\nring: trial\nowner: Data team\ntags: [graphs, rdf\n"
        "summary: Nodes and edges, queried as such.\n---\nBody.\n",
    )
    first = check_output(radar_dir).splitlines()[0]
    assert first.startswith("blips/x.md:6:19: YAML syntax error: the list that starts with '['"), first


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_missing_closing_line_is_pointed_at_the_end_of_the_last_field(radar_dir, language):
    radar_in(radar_dir, language).write("blips/x.md", HEAD + "summary: Linked data.\n\nThe body text starts here.\n")
    message = {
        "en": "the front matter that starts on line 1 is never closed: add a line '---' after the last field",
        "nl": "de front matter die op regel 1 begint wordt nooit gesloten: "
        "voeg een regel '---' toe na het laatste veld",
    }[language]
    assert check_output(radar_dir).startswith(expected(5, 22, "summary: Linked data.", message))


def test_a_missing_closing_line_is_found_even_when_the_body_has_a_rule_of_its_own(radar_dir):
    """A '---' further down (a Markdown horizontal rule) would close the front matter: the text before
    it is not YAML, and the author is told about the missing line, not about YAML in their prose."""
    radar_dir.write("blips/x.md", HEAD + "\nGraph databases store nodes and edges.\n\n---\n\nMore text.\n")
    message = "the front matter that starts on line 1 is never closed: add a line '---' after the last field"
    assert check_output(radar_dir).startswith(expected(4, 12, "ring: trial", message))


def test_blank_lines_inside_a_block_value_do_not_end_the_front_matter(radar_dir):
    radar_dir.write("blips/x.md", HEAD + "summary: |\n  First part.\n\n  Second part.\n---\nBody.\n")
    result = radar("check", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr


def test_the_ci_formats_keep_one_line_per_problem_without_the_excerpt(radar_dir):
    radar_dir.write("blips/x.md", HEAD + "tags: [graphs, queries\n---\nBody.\n")
    result = radar("check", "--source", str(radar_dir.root), "--format", "github")
    assert result.stdout.splitlines() == [
        "::error file=blips/x.md,line=5,col=23::YAML syntax error: the list that starts with '[' in column 7 "
        "is never closed: end it with ']' (here, at the end of the line)"
    ]
    gitlab = radar("check", "--source", str(radar_dir.root), "--format", "gitlab").stdout
    assert "tags: [graphs" not in gitlab and '"begin": 5' in gitlab


def test_radar_build_shows_the_excerpt_too_and_writes_nothing(radar_dir):
    radar_dir.write("blips/x.md", HEAD + "summary: Let op: dit\n---\nBody.\n")
    result = radar("build", "--source", str(radar_dir.root))
    assert result.returncode == 1
    assert "blips/x.md:5:16: YAML syntax error" in result.stderr
    assert "    5 | summary: Let op: dit\n      |                ^\n" in result.stderr
    assert not (radar_dir.root / "site").exists()


def test_a_long_line_shows_the_part_around_the_caret():
    line = "summary: " + "woord " * 60 + "[open"
    problem = Problem("blips/x.md", 5, len(line) + 1, "m", excerpt=line)
    shown, caret = problem.excerpt_lines()
    assert len(shown) < 120 and shown.endswith("[open") and "…" in shown
    assert caret.index("^") == len(shown)  # just after the last character, where the ']' goes


def test_the_serve_error_page_shows_the_excerpt_escaped():
    hostile = "title: <script>alert(1)</script> [open"
    problem = Problem("blips/x.md", 2, len(hostile) + 1, "YAML syntax error: ...", excerpt=hostile)
    page = error_page(Build("1", problems=[problem], language="en")).decode("utf-8")
    assert "<script>alert" not in page
    assert '<pre class="radar-excerpt">2 | title: &lt;script&gt;alert(1)&lt;/script&gt; [open\n' in page
    assert "  | " + " " * len(hostile) + "^</pre>" in page


@pytest.mark.parametrize("case", list(CASES))
def test_libyaml_and_pure_python_pyyaml_give_the_same_explanation(case):
    """The loader is libyaml when installed, PyYAML's own parser otherwise; they word and mark errors
    differently, and the author must read the same message either way."""
    text = (HEAD + CASES[case][0])[len("---\n") :]
    found = []
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        with pytest.raises(yaml.MarkedYAMLError) as caught:
            yaml.load(text, Loader=loader)
        found.append(explain(caught.value, text.split("\n")))
    assert found[0] is not None and found[0] == found[1]
    assert (found[0].line + 2, found[0].column + 1) == CASES[case][1:3]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t\n-:#'\"[]{},*&!|>@`%?\\abc12", max_size=80))
def test_any_broken_yaml_is_one_problem_at_a_spot_of_the_text_never_a_traceback(text):
    problems = Problems(Path("."))
    parse_yaml(Path("x.yaml"), text, problems)
    lines = text.split("\n")
    for problem in problems.items:
        assert 1 <= problem.line <= len(lines) and problem.column >= 1
        assert len(problem.excerpt_lines()) in (0, 2)
