"""Messages in the radar's language: a Dutch radar's authors read Dutch problems, an English radar's English.

The commands run as an author runs them (`radar ...`, in this process: tests/inprocess.py); the radars are a
copy of the Dutch sample and the tests' English radar, each with the same mistakes.  Every message keeps
`path:line:column: message` and lists the valid choices.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT, RadarDir
from inprocess import radar

from generator.i18n import catalogues

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


def _dutch_radar(tmp: Path) -> Path:
    """The sample (language: nl) with a misspelt ring, an unknown field and a bad history edition."""
    shutil.copytree(ROOT / "radar", tmp / "radar")
    shutil.copytree(ROOT / "blips", tmp / "blips")
    (tmp / "blips" / "kapot.md").write_text(
        "---\ntitle: Kapot\nquadrant: data-en-ai\nring: beproefen\nsumary: x\ntags: yes\n---\nTekst.\n",
        encoding="utf-8",
    )
    return tmp


def _english_radar(tmp: Path) -> Path:
    folder = RadarDir(tmp)
    folder.write(
        "blips/broken.md", "---\ntitle: Broken\nquadrant: data\nring: trail\nsumary: x\ntags: yes\n---\nText.\n"
    )
    return tmp


def _lines(stderr: str) -> list[re.Match]:
    found = [LINE.match(line) for line in stderr.splitlines()]
    return [m for m in found if m]


def _english_words(language: str) -> set[str]:
    """The longest phrase of every English check message that the other language words differently.

    Phrases only (a space inside): single words such as 'quadrant' are field names, English in every radar.
    """
    en, other = catalogues()["en"], catalogues()[language]
    pieces = set()
    for key, words in en.items():
        if key.startswith("check.") and words != other[key]:
            piece = max(re.split(r"\{[^}]*\}", words), key=len).strip(" :;()'")
            if len(piece) >= 8 and " " in piece:
                pieces.add(piece)
    return pieces


@pytest.mark.parametrize("strict", [False, True])
def test_a_dutch_radar_gets_dutch_check_messages(tmp_path: Path, strict: bool):
    source = _dutch_radar(tmp_path)
    result = radar("check", "--source", str(source), *(["--strict"] if strict else []))
    assert result.returncode == 1
    everything = _lines(result.stderr)
    lines = [m for m in everything if m["path"] == "blips/kapot.md"]
    assert len(lines) == 3, result.stderr
    # The sample's leaflet gap (two piloted algorithms without a leaflet, test_validation) is all else.
    others = [m for m in everything if m not in lines]
    assert [m["path"] for m in others] == ["blips/deepfake-detectie.md", "blips/osint-tooling.md"]
    assert all("'algorithm: true' vraagt een bijsluiter" in m["message"] for m in others)
    by_line = {int(m["line"]): m["message"] for m in lines}
    assert by_line[4].startswith("ring 'beproefen' bestaat niet: bedoelde je 'beproeven'? geldige keuzes: adopteren,")
    assert (
        "" if strict else "waarschuwing: "
    ) + "onbekend veld 'sumary' in de front matter: bedoelde je 'summary'?" in (by_line[5])
    assert by_line[6].startswith("'tags' moet een lijst van teksten zijn, niet true/false; bijvoorbeeld: tags: [")
    summary = "2 fout(en), 3 waarschuwing(en)" if not strict else "5 fout(en), 0 waarschuwing(en)"
    assert f"{summary} in 3 bestand(en)" in result.stderr
    leaked = {words for words in _english_words("nl") if words in result.stderr}
    assert not leaked


def test_an_english_radar_gets_english_check_messages(tmp_path: Path):
    source = _english_radar(tmp_path)
    result = radar("check", "--source", str(source))
    assert result.returncode == 1
    by_line = {int(m["line"]): m["message"] for m in _lines(result.stderr)}
    assert by_line[4] == "unknown ring 'trail': did you mean 'trial'? valid choices: adopt, trial, assess, hold"
    assert by_line[5].startswith("warning: unknown field 'sumary' in the front matter: did you mean 'summary'?")
    assert by_line[6].startswith("'tags' must be a list of texts, not true/false; for example: tags: [")
    assert "2 error(s), 1 warning(s) in 1 file(s)" in result.stderr
    dutch = {max(re.split(r"\{[^}]*\}", w), key=len) for k, w in catalogues()["nl"].items() if k.startswith("check.")}
    assert not {w for w in dutch if len(w) >= 8 and " " in w and w in result.stderr}


# --- build and diff: the same words in the radar's language ----------------------------------


def test_build_says_what_it_did_in_the_radars_language(tmp_path: Path):
    dutch = _dutch_radar(tmp_path / "nl")
    failed = radar("build", "--source", str(dutch), "--out", str(tmp_path / "nl-site"))
    assert failed.returncode == 1
    assert f"niets geschreven: {tmp_path / 'nl-site'} is ongewijzigd" in failed.stderr
    (dutch / "blips" / "kapot.md").unlink()
    built = radar("build", "--source", str(dutch), "--out", str(tmp_path / "nl-site"))
    assert built.returncode == 0, built.stderr
    assert re.search(r"gebouwd: \d+ pagina's, \d+ technologieën, editie \d{4}-Q\d", built.stdout)
    inside = radar("build", "--source", str(dutch), "--out", str(dutch / "blips" / "site"))
    last = inside.stderr.splitlines()[-1]  # after the sample's leaflet-gap warnings
    assert inside.returncode == 1 and last.startswith("fout: de uitvoermap "), inside.stderr

    english = _english_radar(tmp_path / "en")
    (english / "blips" / "broken.md").unlink()
    built = radar("build", "--source", str(english), "--out", str(tmp_path / "en-site"))
    assert built.returncode == 0 and re.search(r"built .+: \d+ pages, 0 technologies, edition 2026-Q2", built.stdout)
    inside = radar("build", "--source", str(english), "--out", str(english / "blips" / "site"))
    assert inside.returncode == 1 and inside.stderr.startswith("error: the output folder "), inside.stderr


def _git(repo: Path, *args: str) -> None:
    env = {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.nl", "GIT_COMMITTER_NAME": "T"}
    env |= {"GIT_COMMITTER_EMAIL": "t@example.nl", "HOME": str(repo), "PATH": __import__("os").environ["PATH"]}
    subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, check=True)


def _moved_without_history(source: Path, quadrant: str, rings: tuple[str, str]) -> None:
    """A git repository of the radar with a blip that has no history, then that blip moved to another ring."""
    blip = source / "blips" / "zonder-tijdlijn.md"
    blip.write_text(
        f"---\ntitle: Zonder tijdlijn\nquadrant: {quadrant}\nring: {rings[0]}\n---\nTekst.\n", encoding="utf-8"
    )
    _git(source, "init", "-q")
    _git(source, "add", "-A")
    _git(source, "commit", "-q", "-m", "base")
    blip.write_text(
        blip.read_text(encoding="utf-8").replace(f"ring: {rings[0]}", f"ring: {rings[1]}"), encoding="utf-8"
    )


def test_diff_and_check_base_speak_the_radars_language(tmp_path: Path):
    dutch = _dutch_radar(tmp_path / "nl")
    (dutch / "blips" / "kapot.md").unlink()
    _moved_without_history(dutch, "data-en-ai", ("verkennen", "afwachten"))
    diff = radar("diff", "HEAD", "--source", str(dutch))
    assert diff.returncode == 0, diff.stderr
    assert diff.stdout.startswith("## Wijzigingen in de radar ten opzichte van `HEAD` (editie ")
    assert "### Verschoven" in diff.stdout and "| Technologie | Van | Naar | Toelichting |" in diff.stdout
    check = radar("check", "--base", "HEAD", "--source", str(dutch))
    assert check.returncode == 1
    assert "blips/zonder-tijdlijn.md:4:7: ring gewijzigd van 'verkennen' (in de basisrevisie) naar 'afwachten'" in (
        check.stderr
    )
    unknown = radar("diff", "nergens", "--source", str(dutch))
    assert unknown.returncode == 1 and unknown.stderr.startswith("fout: onbekende git-revisie 'nergens'")

    english = _english_radar(tmp_path / "en")
    (english / "blips" / "broken.md").unlink()
    _moved_without_history(english, "data", ("trial", "hold"))
    diff = radar("diff", "HEAD", "--source", str(english))
    assert diff.stdout.startswith("## Radar changes against `HEAD` (edition 2026-Q2)") and "### Moved" in diff.stdout
    unknown = radar("diff", "nowhere", "--source", str(english))
    assert unknown.stderr.startswith("error: unknown git revision 'nowhere'")


# --- any BCP 47 language for the content ------------------------------------------------------


def _with_language(tmp: Path, language: str) -> Path:
    folder = RadarDir(tmp)
    config = folder.root / "radar" / "radar.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", f"language: {language}"))
    folder.blip("ding", title="Ding")
    return tmp


@pytest.mark.parametrize(
    ("language", "skip", "built"),
    [
        ("ru", "Skip to content", "built "),
        ("nl-BE", "Ga naar de inhoud", "gebouwd: "),
        ("en-GB", "Skip to content", ""),
    ],
)
def test_any_bcp47_language_builds_with_its_lang_and_the_nearest_interface(tmp_path: Path, language, skip, built):
    source = _with_language(tmp_path / "radar", language)
    result = radar("build", "--source", str(source), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert built in result.stdout
    pages = sorted((tmp_path / "site").rglob("*.html"))
    assert pages and all(f'<html lang="{language}">' in p.read_text(encoding="utf-8") for p in pages)
    assert skip in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("bad", ["dutch", "nl_BE", "n", "nl-", "en-GB-x"])
def test_a_language_that_is_not_a_bcp47_code_is_reported_at_its_line(tmp_path: Path, bad: str):
    source = _with_language(tmp_path, bad)
    result = radar("check", "--source", str(source))
    assert result.returncode == 1
    assert f"radar/radar.yaml:2:11: '{bad}' is not a language code: write a BCP 47 code such as nl, en" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_radar_new_says_its_errors_in_the_radars_language(tmp_path: Path):
    dutch = _dutch_radar(tmp_path / "nl")
    result = radar("new", "--no-input", "--title", "Iets", "--ring", "beproefen", "--source", str(dutch))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert "fout: ring 'beproefen' voor --ring bestaat niet: bedoelde je 'beproeven'? geldige keuzes: adopteren," in (
        result.stderr
    )
    assert any(line.startswith("fout: --quadrant is verplicht (geldige keuzes: ") for line in lines), lines
    english = _english_radar(tmp_path / "en")
    result = radar("new", "--no-input", "--title", "Thing", "--ring", "trail", "--source", str(english))
    assert "error: unknown ring 'trail' for --ring: did you mean 'trial'? valid choices: adopt," in result.stderr
    assert "error: --quadrant is required (valid choices: data, tools, platforms, methods)" in result.stderr
