"""What an author adding a technology by pull request is told: every problem at once, leftovers
from `radar new`, algorithms without a leaflet, and what was checked when all is well."""

from __future__ import annotations

import re

from conftest import ROOT
from inprocess import radar as in_process

from generator.content.load import load


def test_a_bad_ring_does_not_hide_typos_in_cells_and_initiatives(radar_dir):
    radar_dir.blip("x", ring="nowhere", extra="capabilities: [tech-futur]\ninitiatives: [pilot-on]\n")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    err = result.stderr
    assert re.search(r"blips/x\.md:4:\d+: unknown ring 'nowhere'", err), err
    assert re.search(r"blips/x\.md:5:\d+: unknown capability cell 'tech-futur': did you mean 'tech-future'", err), err
    assert re.search(r"blips/x\.md:6:\d+: unknown initiative 'pilot-on': did you mean 'pilot-one'", err), err


def test_a_bad_file_name_does_not_hide_the_rest_of_the_file(radar_dir):
    radar_dir.blip("Bad_Name", ring="nowhere")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    assert "blips/Bad_Name.md:1:1: the file name is the blip's id" in result.stderr
    assert re.search(r"blips/Bad_Name\.md:4:\d+: unknown ring 'nowhere'", result.stderr), result.stderr


def test_leftovers_from_radar_new_warn_and_fail_under_strict(radar_dir):
    body = "## Wat is het\n\nBeschrijf in twee of drie zinnen wat X is, voor collega's zonder technische achtergrond."
    history = "history:\n  - edition: 2026-Q2\n    ring: trial\n    note: Nieuw op de radar.\n"
    radar_dir.blip("x", extra=history, body=body)
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 0, result.stderr
    assert re.search(r"blips/x\.md:8:11: warning: the note is still the default 'Nieuw op de radar\.'", result.stderr)
    assert re.search(r"blips/x\.md:12:1: warning: the text still holds the template sentence 'Beschrijf", result.stderr)
    strict = in_process("check", "--source", str(radar_dir.root), "--strict")
    assert strict.returncode == 1 and "2 error(s)" in strict.stderr


def test_an_algorithm_without_a_leaflet_warns_and_fails_under_strict(radar_dir):
    radar_dir.blip("x", extra="algorithm: true\n")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 0
    assert re.search(r"blips/x\.md:5:12: warning: 'algorithm: true' needs a leaflet", result.stderr), result.stderr
    strict = in_process("check", "--source", str(radar_dir.root), "--strict")
    assert strict.returncode == 1 and "'algorithm: true' needs a leaflet" in strict.stderr


def test_an_algorithm_in_use_without_a_leaflet_is_an_error_even_without_strict(radar_dir):
    # The model asks for a leaflet "bij inzet van algoritmen": the innermost ring means in use.
    radar_dir.blip("x", ring="adopt", extra="algorithm: true\n")
    result = in_process("check", "--source", str(radar_dir.root))
    assert result.returncode == 1
    assert re.search(r"blips/x\.md:5:12: 'algorithm: true' in the ring Adopt means it is in use", result.stderr), (
        result.stderr
    )
    radar_dir.blip("x", ring="adopt", extra=LEAFLET)
    assert in_process("check", "--source", str(radar_dir.root), "--strict").returncode == 0


LEAFLET = """algorithm: true
leaflet:
  purpose: Reading number plates
  owner: Team Data
  risks: [Misreads]
  measures: [A person checks every hit]
"""


def test_check_says_what_it_checked(radar_dir):
    radar_dir.blip("a")
    radar_dir.blip("b")
    result = in_process("check", "--source", str(radar_dir.root))
    assert (result.returncode, result.stdout) == (0, "2 technologies, 1 initiatives: no problems\n")
    radar, _ = load(ROOT)
    sample = in_process("check", "--source", str(ROOT))
    assert sample.stdout.startswith(f"{len(radar.blips)} technologieën, {len(radar.initiatives)} initiatieven: ")
