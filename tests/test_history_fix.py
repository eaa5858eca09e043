"""The history entries `radar new` writes and `radar check` suggests are block YAML with the note
quoted: pasted as they are, a comma, colon or '#' in the note can never cut it."""

from __future__ import annotations

import re

import yaml
from hypothesis import given
from hypothesis import strategies as st
from inprocess import radar as in_process

from generator.content.yamltext import history_entry
from generator.i18n import catalogues


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_an_entry_reads_back_whatever_the_note_holds(note):
    text = "history:\n" + history_entry("2026-Q4", "trial", note, "  ")
    assert yaml.safe_load(text) == {"history": [{"edition": "2026-Q4", "ring": "trial", "note": note}]}


def test_a_note_with_commas_and_colons_is_not_cut():
    note = "Pilot geslaagd, evaluatie positief: zie #12 {en} [meer]"
    text = "history:\n" + history_entry("2026-Q4", "adopt", note, "  ")
    assert text.splitlines()[1:] == ["  - edition: 2026-Q4", "    ring: adopt", f'    note: "{note}"']
    assert yaml.safe_load(text)["history"][0]["note"] == note


def _fix(stderr: str, problem: str) -> str:
    """The indented lines below the problem line, as the author would paste them."""
    lines = stderr.splitlines()
    start = next(i for i, line in enumerate(lines) if problem in line)
    block = []
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line.removeprefix("    "))
    return "\n".join(block)


def test_a_ring_without_its_history_entry_gets_a_fix_that_pastes_and_parses(radar_dir):
    path = radar_dir.blip(
        "kafka", ring="adopt", extra="history:\n  - edition: 2026-Q1\n    ring: trial\n    note: Pilot.\n"
    )
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    assert re.search(r"^blips/kafka\.md:4:7: ring is 'adopt' but the last history entry", result.stderr, re.M)
    fix = _fix(result.stderr, "ring is 'adopt'")
    note = catalogues()["en"]["check.fix_note"]
    assert "," in note  # the placeholder itself would be cut by the flow form
    assert yaml.safe_load("history:\n" + fix) == {"history": [{"edition": "2026-Q2", "ring": "adopt", "note": note}]}

    # pasted under history as it is, the error is gone; the placeholder note is a leftover (a warning)
    text = path.read_text(encoding="utf-8").replace("    note: Pilot.\n", "    note: Pilot.\n" + fix + "\n")
    path.write_text(text, encoding="utf-8")
    fixed = in_process("check", "--source", str(radar_dir.root))
    assert fixed.returncode == 0, fixed.stderr
    assert re.search(
        r"^blips/kafka\.md:11:11: warning: the note is still the placeholder 'Why it moved", fixed.stderr, re.M
    )


def test_the_dutch_fix_is_dutch_and_parses(tmp_path):
    import shutil

    from conftest import ROOT

    shutil.copytree(ROOT / "radar", tmp_path / "radar")
    shutil.copytree(ROOT / "blips", tmp_path / "blips")
    path = tmp_path / "blips" / "drones.md"
    text = path.read_text(encoding="utf-8")
    ring = re.search(r"^ring: (\S+)$", text, re.M)[1]
    other = "afwachten" if ring != "afwachten" else "verkennen"
    path.write_text(text.replace(f"\nring: {ring}\n", f"\nring: {other}\n", 1), encoding="utf-8")
    result = in_process("check", "--source", str(tmp_path))
    assert result.returncode == 1
    fix = _fix(result.stderr, f"ring is '{other}'")
    note = catalogues()["nl"]["check.fix_note"]
    entry = yaml.safe_load("history:\n" + fix)["history"][0]
    assert entry == {"edition": "2026-Q4", "ring": other, "note": note}


def test_the_fix_is_on_the_serve_error_page_and_in_ci_annotations(radar_dir):
    from generator.commands.serve.errorpage import error_page
    from generator.commands.serve.preview import Build
    from generator.content.load import load

    radar_dir.blip("kafka", ring="adopt", extra="history:\n  - edition: 2026-Q1\n    ring: trial\n    note: Pilot.\n")
    _, problems = load(radar_dir.root)
    [problem] = problems.errors
    page = error_page(Build("1", problems=[problem], language="en")).decode("utf-8")
    fix = '<pre class="radar-fix">  - edition: 2026-Q2\n    ring: adopt\n    note: &quot;Why it moved to this ring, in'
    assert fix in page
    github = in_process("check", "--format", "github", "--source", str(radar_dir.root)).stdout
    message = github.split("::", 2)[2].strip()
    fix = message.split("%0A", 1)[1].replace("%0A", "\n")
    assert yaml.safe_load("history:\n" + fix)["history"][0]["ring"] == "adopt"
