"""The commands' own words in the radar's language: import, export, serve, the render cache, templates, help.

A Dutch radar's authors read Dutch from every command, not only from `radar check`; an English radar's
messages stay as they were.  Where no radar is loaded yet (help, `radar import`), the `language:` line of
--source's radar.yaml decides; help outside any radar follows the user's locale.
"""

from __future__ import annotations

import argparse
import http.client
import inspect
import re
import threading
from pathlib import Path

import jinja2
import pytest
from conftest import ROOT, RadarDir
from inprocess import radar

from generator import cli
from generator.commands.serve.localhost import GuardedHandler, LocalServer
from generator.i18n import catalogues, environment_language, radar_language, text
from generator.interop.snapshots import Report
from generator.outputs import cache
from generator.render.site import template_problem

NL, EN = catalogues()["nl"], catalogues()["en"]


def _dutch_folder(tmp: Path) -> Path:
    """A folder whose radar.yaml says `language: nl` (all an import needs to know)."""
    (tmp / "radar").mkdir(parents=True)
    (tmp / "radar" / "radar.yaml").write_text("title: Proef\nlanguage: nl\nedition: 2026-Q2\n", encoding="utf-8")
    return tmp


def _sheet(tmp: Path) -> Path:
    path = tmp / "2026-04-01.csv"
    path.write_text(
        "name,ring,quadrant,isNew,description\nKafka,adopt,Tools,TRUE,Streams.\n,trial,Tools,TRUE,No name.\n"
        "Rust,trial,Languages,TRUE,Safe.\n",
        encoding="utf-8",
    )
    return path


def test_the_language_of_a_radar_folder_is_read_from_its_one_line(tmp_path):
    assert radar_language(ROOT) == "nl"
    assert radar_language(RadarDir(tmp_path / "en").root) == "en"
    assert radar_language(tmp_path / "nothing") is None
    (tmp_path / "odd" / "radar").mkdir(parents=True)
    (tmp_path / "odd" / "radar" / "radar.yaml").symlink_to(ROOT / "radar" / "radar.yaml")
    assert radar_language(tmp_path / "odd") is None  # a link is never followed for this


def test_the_locale_names_a_language_and_c_names_none():
    assert environment_language({"LANG": "nl_NL.UTF-8"}) == "nl-NL"
    assert environment_language({"LC_ALL": "en_GB.UTF-8", "LANG": "nl_NL.UTF-8"}) == "en-GB"
    assert environment_language({"LC_MESSAGES": "nl_BE@euro", "LANG": "C.UTF-8"}) == "nl-BE"
    assert environment_language({"LANG": "C.UTF-8"}) is None
    assert environment_language({"LANG": "POSIX"}) is None
    assert environment_language({}) is None


def test_import_into_a_dutch_radar_speaks_dutch_and_into_nothing_english(tmp_path):
    missing = tmp_path / "missing.csv"
    dutch = radar("import", "byor", str(missing), "--source", str(_dutch_folder(tmp_path / "nl")))
    english = radar("import", "byor", str(missing), "--source", str(tmp_path / "new"))
    assert dutch.returncode == english.returncode == 1
    assert dutch.stderr == f"radar import: {missing}: dit bestand bestaat niet\n"
    assert english.stderr == f"radar import: {missing}: no such file\n"


def test_a_dutch_import_reports_what_it_did_in_dutch(tmp_path):
    target = _dutch_folder(tmp_path / "nl")
    result = radar("import", "byor", str(_sheet(tmp_path)), "--source", str(target), "--force")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"byor geïmporteerd in {target}: editie 2026-Q2"
    assert "overgeslagen: 2026-04-01.csv:3: de rij heeft geen naam" in lines
    assert lines[1].startswith("1 momentopnamen, 2 rijen, 2 blips, 2 regels geschiedenis")


def test_an_english_import_reports_as_before(tmp_path):
    result = radar("import", "byor", str(_sheet(tmp_path)), "--source", str(tmp_path / "en"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"imported byor into {tmp_path / 'en'}: edition 2026-Q2"
    assert lines[1] == "1 snapshots, 2 rows, 2 blips, 2 history entries, 0 retired"
    assert "dropped: 2026-04-01.csv:3: the row has no name" in lines


def test_every_count_of_an_import_report_has_words_in_every_language():
    report = Report(counts=dict.fromkeys(("snapshots", "rows", "blips", "history_entries", "retired"), 2))
    report.counts.update(assets=1, entries=3)
    for language in catalogues():
        (line,) = report.lines(language)
        assert "import.count_" not in line and line.count(",") == 6, (language, line)


def test_export_of_an_unknown_edition_is_said_in_the_radars_language(tmp_path):
    dutch = radar("export", "--format", "zalando", "--edition", "1999-Q1", "--source", str(ROOT))
    last = dutch.stderr.splitlines()[-1]  # after the sample's warnings
    assert dutch.returncode == 1 and last.startswith("radar export: geen editie '1999-Q1'; edities: ")
    english = radar("export", "--format", "zalando", "--edition", "1999-Q1", "--source", str(RadarDir(tmp_path).root))
    assert english.returncode == 1 and english.stderr.startswith("radar export: no edition '1999-Q1'; editions: ")


def _get(port: int, host: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/", headers={"Host": host})
    answer = connection.getresponse()
    return answer.status, answer.read().decode("utf-8")


@pytest.mark.parametrize(
    ("language", "words"),
    [("nl", "radar serve antwoordt alleen op http://127.0.0.1:{port}/"), ("en", "radar serve answers only")],
)
def test_serve_refuses_a_foreign_host_in_the_radars_language(language, words):
    class Handler(GuardedHandler):
        def do_GET(self) -> None:
            self.host_ok()

    server = LocalServer(("127.0.0.1", 0), Handler)
    server.language = language
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        status, body = _get(port, "attacker.example")
    finally:
        server.shutdown()
        server.server_close()
    assert status == 403 and body.startswith(words.format(port=port)), body


def test_an_impossible_port_is_refused_in_the_radars_language(capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["serve", "--source", str(ROOT), "--port", "99999"])
    assert stop.value.code == 2
    assert "99999 is geen poortnummer: geef 0 tot en met 65535 (0 kiest een vrije)" in capsys.readouterr().err


def test_a_refused_render_cache_is_noted_in_the_radars_language(tmp_path, monkeypatch, capsys):
    source = tmp_path / "radar-src"
    monkeypatch.setenv(cache.ENV_DIR, str(source / ".cache"))
    assert cache.cache_folder(source, "nl") is None
    assert cache.cache_folder(source, "en") is None
    err = capsys.readouterr().err.splitlines()
    assert err == [
        text("nl", "cache.inside_sources", folder=source / ".cache", source=source),
        text("en", "cache.inside_sources", folder=source / ".cache", source=source),
    ]
    assert err[0].startswith("let op: de rendercache ") and err[1].startswith("note: render cache ")


def test_a_template_error_is_prefixed_in_the_radars_language():
    try:
        jinja2.Environment().from_string("{{ 1 +}}")
    except jinja2.TemplateSyntaxError as exc:
        error = exc
    assert template_problem(error, "nl").message.startswith("fout in template: ")
    assert template_problem(error).message.startswith("template error: ")


def test_help_is_in_the_language_of_the_radar_at_hand(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = RadarDir(tmp_path / "en").root
    monkeypatch.chdir(tmp_path)
    cases = [
        (["build", "--help", "--source", str(ROOT)], "nl"),
        (["build", "--help", f"--source={english}"], "en"),
        (["build", "--help"], "en"),  # no radar here, and the locale names no language
    ]
    for argv, language in cases:
        assert cli.language(argv) == language
        with pytest.raises(SystemExit):
            cli.main(argv)
        out = capsys.readouterr().out
        assert text(language, "help.build_out") in out and text(language, "help.source") in out, out
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert cli.language(["build"]) == "nl-NL"  # outside a radar, the user's locale
    assert cli.language(["build", "--source", str(english)]) == "en"  # the radar wins over the locale


def test_every_field_is_described_in_every_language():
    from generator.content import schema

    tables = [t for name in dir(schema) if name.endswith("_FIELDS") and isinstance(t := getattr(schema, name), dict)]
    keys = {field.doc for table in tables for field in table.values()}
    assert len(keys) > 50
    for language, words in catalogues().items():
        assert keys <= set(words), (language, sorted(keys - set(words)))


@pytest.mark.parametrize(
    ("language", "meaning"),
    [("nl", "De naam zoals collega's hem kennen"), ("en", "The technology's name as staff know it")],
)
def test_a_field_is_described_in_the_radars_language(tmp_path, language, meaning):
    from conftest import RADAR_YAML

    from generator.content.load import load

    source = RadarDir(tmp_path)
    source.write("radar/radar.yaml", RADAR_YAML.replace("language: en", f"language: {language}"))
    source.write("blips/empty.md", "---\ntitle: ''\nquadrant: data\nring: trial\n---\nText.\n")
    _, problems = load(source.root, bodies=False)
    (problem,) = [p for p in problems.errors if p.path == "blips/empty.md"]
    assert f"'title' {'is leeg' if language == 'nl' else 'is empty'}: {meaning}; " in problem.message, problem.message


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_command_says_its_help_in_both_languages(tmp_path, capsys, monkeypatch, language):
    """Every command in cli.COMMANDS takes `add_arguments(parser, t)`: a module with another signature, or a
    help text missing from a locale file, fails here rather than in front of an author."""
    from conftest import RADAR_YAML

    source = RadarDir(tmp_path)
    source.write("radar/radar.yaml", RADAR_YAML.replace("language: en", f"language: {language}"))
    for name in cli.COMMANDS:
        with pytest.raises(SystemExit) as stop:
            cli.main([name, "--help", "--source", str(source.root)])
        out = capsys.readouterr().out
        assert stop.value.code == 0 and f"{text(language, 'argparse.usage')}radar {name}" in out, (name, out)
        assert text(language, "help.source") in out and text(language, "help.help") in out, (name, out)
        assert not re.search(r"\bhelp\.[a-z_]+", out), (name, out)  # a key that no locale file words


@pytest.mark.parametrize(
    ("language", "usage", "said"),
    [
        ("nl", "gebruik: radar build", "radar build: fout: argument --out: verwacht één waarde"),
        ("en", "usage: radar build", "radar build: error: argument --out: expected one argument"),
    ],
)
def test_a_usage_error_is_framed_in_the_radars_language(tmp_path, capsys, language, usage, said):
    """argparse's own words (usage, 'error', what it expected) were English on a Dutch radar."""
    from conftest import RADAR_YAML

    source = RadarDir(tmp_path)
    source.write("radar/radar.yaml", RADAR_YAML.replace("language: en", f"language: {language}"))
    with pytest.raises(SystemExit) as stop:
        cli.main(["build", "--source", str(source.root), "--out"])
    err = capsys.readouterr().err
    assert stop.value.code == 2 and err.startswith(usage) and said in err, err
    with pytest.raises(SystemExit):  # afterwards, argparse speaks as it did before
        argparse.ArgumentParser(prog="other").parse_args(["--nope"])
    assert "other: error: unrecognized arguments: --nope" in capsys.readouterr().err


def test_every_word_of_argparse_we_say_is_one_argparse_asks_for():
    """The msgids are argparse's English sentences: a Python that rewords one would fall back to English
    for it, silently; this names the one to update."""
    source = inspect.getsource(argparse)
    stale = [msgid for msgid in cli.ARGPARSE_WORDS if repr(msgid)[1:-1] not in source]
    assert not stale, stale
